"""The sentence classifier: what one sentence of a reply does (defends by policy, blames her, … or is fine).

A softmax over one hidden layer of rectified units (round 17; a multinomial logistic regression over the
embedding until then) on the shared sentence embedding (``flows.embedding``), trained by ``train.py`` on
hand-written sentences and the tuning parts of eight writers' sets. Its output weights and thresholds are
committed in ``data/sentence_model.json``, its hidden layer in ``data/sentence_hidden.npy``; both are read
once per process. A linear head had only one direction per label in which to tell a new hand's defensive
sentences from its good ones; the hidden layer reads more of them (README, rounds 15 and 17).

It reads meaning, not words, so it catches a defensive sentence written without any of the usual trigger
words ("The midwife remembers checking on you every hour"). Reading sentence by sentence lets a finding
quote the sentence that blocks.

Two more heads over the same embedding read whether a sentence owns what happened: says sorry for it, or
says who will do what (or what has changed). Good replies own in words nobody listed ("that was our
failure, not yours", "Sam will ring you tomorrow"), and "sorry" alone is also in "sorry you feel".
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from enum import Enum
from functools import cache
from importlib import resources
from typing import Any

import numpy as np
import numpy.typing as npt

from flows.embedding import Vectors

OK = "ok"
#: what the owning heads read, in the order of their rows: whether a reply's sentence says sorry, says who
#: will do what, and sends her to urgent help now; and whether a sentence of her story tells of an emergency
#: that is over ("after my first birth i lost 2 litres of blood"), so it needs no help now
OWNING_HEADS = ("apology", "next_step", "help_now", "over")
MODEL_FILE = "sentence_model.json"
#: the hidden layer, one row per unit: its weights over the embedding, then its bias (float32, ``np.save``)
HIDDEN_FILE = "sentence_hidden.npy"
Matrix = npt.NDArray[np.float64]


class Owning(Enum):
    """How much a reply owns what happened: says sorry and says what will happen (FULLY), one of the two or
    a reply to praise (PARTLY), or neither (NOT)."""

    NOT = "not"
    PARTLY = "partly"
    FULLY = "fully"


@dataclass(frozen=True)
class Owned:
    """What a reply owns, read by meaning: some sentence says sorry for what happened, some says who will do
    what. Advice asks for whichever is missing; the classifier's thresholds depend on both."""

    sorry: bool
    step: bool

    def level(self, no_apology_due: bool = False) -> Owning:
        """A reply that owes no apology (to praise, or one that puts her safety first) is at least PARTLY."""
        if self.sorry and self.step:
            return Owning.FULLY
        return Owning.PARTLY if self.sorry or self.step or no_apology_due else Owning.NOT


@dataclass(frozen=True)
class Model:
    """``labels[0]`` is always "ok"; one row of ``weights`` per label.

    The thresholds travel with the weights because they were chosen for them (``train.py --cv``). How sure
    the model must be that a sentence is *not* fine depends on the rest of the reply: a sentence blocks when
    P(fine) is below ``ok_below`` in a reply that neither says sorry nor says what will happen, below
    ``ok_below_partly`` in one that does one of the two (or answers praise, where no apology is due), and
    below ``ok_below_owned`` in one that does both. Defensive replies almost never own what happened, so a
    reply that does needs strong evidence before one of its sentences is called defensive; a weaker reading
    there (P(fine) below ``advise_below``) is shown as advice and never blocks.

    A reply is judged as a whole, not by its weakest sentence alone: each threshold is raised to the power
    (sentences read) ** ``length_power``, so in a reply of n sentences one sentence needs stronger evidence
    the larger n is. Every sentence is a chance of a wrong reading, and a long reply whose other sentences
    are plainly fine outweighs one doubtful sentence; a plainly defensive sentence still blocks.

    ``owning_weights`` and ``owning_bias`` are one logistic head per name in ``OWNING_HEADS``: a sentence
    owns in that way when the head gives it more than ``owning_above``.

    ``hidden`` and ``hidden_bias`` (one row per unit), when there are any, read the embedding into rectified
    units, and ``weights`` read those; with none, ``weights`` read the embedding itself (a logistic head).
    """

    labels: tuple[str, ...]
    weights: Matrix
    bias: Matrix
    owning_weights: Matrix
    owning_bias: Matrix
    ok_below: float
    ok_below_owned: float
    ok_below_partly: float
    advise_below: float
    length_power: float
    owning_above: float
    hidden: Matrix = field(default_factory=lambda: np.zeros((0, 0)))
    hidden_bias: Matrix = field(default_factory=lambda: np.zeros(0))

    def threshold(self, owning: Owning, sentences: int = 1) -> float:
        """Below this P(fine) a sentence blocks, given how much the reply owns what happened and how many of
        its sentences the classifier reads."""
        if owning is Owning.FULLY:
            base = self.ok_below_owned
        else:
            base = self.ok_below_partly if owning is Owning.PARTLY else self.ok_below
        return float(base ** (max(sentences, 1) ** self.length_power))

    def probabilities(self, vectors: Vectors) -> Matrix:
        read = vectors.astype(np.float64)
        if len(self.hidden):
            read = np.maximum(read @ self.hidden.T + self.hidden_bias, 0.0)
        scores = read @ self.weights.T + self.bias
        scores -= scores.max(axis=1, keepdims=True)
        exponentials = np.exp(scores)
        found: Matrix = exponentials / exponentials.sum(axis=1, keepdims=True)
        return found

    def owns(self, vectors: Vectors) -> npt.NDArray[np.bool_]:
        """One row per sentence, one column per name in ``OWNING_HEADS``: does it own in that way."""
        scores = vectors.astype(np.float64) @ self.owning_weights.T + self.owning_bias
        found: npt.NDArray[np.bool_] = 1 / (1 + np.exp(-scores)) > self.owning_above
        return found


@dataclass(frozen=True)
class Reading:
    """A sentence as the classifier reads it: its likeliest defensive label and P(fine)."""

    label: str
    ok: float


def data_file(name: str) -> dict[str, Any]:
    """A model file of ``data/``, read from the installed package."""
    raw = resources.files("bot.review.reply_check").joinpath("data", name).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(raw)
    return data


def logistic(vector: Vectors, weights: Matrix, bias: float) -> float:
    """P(yes) of one head for one embedding."""
    return float(1 / (1 + np.exp(-(float(vector.astype(np.float64) @ weights) + bias))))


@cache
def model() -> Model:
    with resources.files("bot.review.reply_check").joinpath("data", HIDDEN_FILE).open("rb") as file:
        layer = np.load(file, allow_pickle=False).astype(np.float64)
    return from_json(data_file(MODEL_FILE), layer)


def from_json(data: dict[str, object], layer: Matrix | None = None) -> Model:
    """The model of ``MODEL_FILE``; ``layer`` is its hidden layer (``HIDDEN_FILE``), when it has one."""
    labels = data["labels"]
    if not isinstance(labels, list) or not labels or labels[0] != OK:
        raise ValueError(f"{MODEL_FILE}: labels must start with {OK!r}")
    names = ("ok_below", "ok_below_owned", "ok_below_partly", "advise_below", "length_power", "owning_above")
    thresholds: list[float] = []
    for name in names:
        value = data.get(name)
        if not isinstance(value, float):
            raise ValueError(f"{MODEL_FILE}: {', '.join(names)} must be numbers")
        thresholds.append(value)
    weights, bias = np.asarray(data["weights"], dtype=np.float64), np.asarray(data["bias"], dtype=np.float64)
    hidden = np.zeros((0, weights.shape[1])) if layer is None else layer[:, :-1]
    hidden_bias = np.zeros(0) if layer is None else layer[:, -1]
    if len(hidden) and weights.shape[1] != len(hidden):
        raise ValueError(f"{MODEL_FILE}: weights need one column per unit of {HIDDEN_FILE}")
    owning_weights = np.asarray(data["owning_weights"], dtype=np.float64)
    if owning_weights.shape != (len(OWNING_HEADS), hidden.shape[1]):
        raise ValueError(f"{MODEL_FILE}: owning_weights needs one row per head in {OWNING_HEADS}")
    owning_bias = np.asarray(data["owning_bias"], dtype=np.float64)
    labels_read = tuple(str(label) for label in labels)
    below, owned, partly, advise, power, owning_above = thresholds
    return Model(
        labels_read,
        weights,
        bias,
        owning_weights,
        owning_bias,
        below,
        owned,
        partly,
        advise,
        power,
        owning_above,
        hidden,
        hidden_bias,
    )


def read(vectors: Vectors, classifier: Model) -> list[Reading]:
    """One reading per row of ``vectors`` (sentence embeddings, "query" role)."""
    if len(vectors) == 0:
        return []
    probabilities = classifier.probabilities(vectors)
    return [Reading(classifier.labels[1 + int(np.argmax(row[1:]))], float(row[0])) for row in probabilities]
