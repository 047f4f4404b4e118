"""The sentence classifier: what one sentence of a reply does (defends by policy, blames her, … or is fine).

A multinomial logistic regression over the shared sentence embedding (``flows.embedding``), trained by
``train.py`` on hand-written sentences and the tuning half of the evaluation set. Its weights (384 numbers
per label) are committed in ``data/sentence_model.json`` and read once per process.

It reads meaning, not words, so it catches a defensive sentence written without any of the usual trigger
words ("The midwife remembers checking on you every hour"). Reading sentence by sentence lets a finding
quote the sentence that blocks.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np
import numpy.typing as npt

from flows.embedding import Vectors

OK = "ok"
MODEL_FILE = "sentence_model.json"
Matrix = npt.NDArray[np.float64]


@dataclass(frozen=True)
class Model:
    """``labels[0]`` is always "ok"; one row of ``weights`` per label.

    The thresholds travel with the weights because they were chosen for them: a sentence blocks when the
    model is less sure than ``ok_below`` that it is fine, or than ``ok_below_owned`` in a reply that
    already says sorry and says what will happen (a reply that owns what happened needs stronger evidence
    before one of its sentences is called defensive).
    """

    labels: tuple[str, ...]
    weights: Matrix
    bias: Matrix
    ok_below: float
    ok_below_owned: float

    def probabilities(self, vectors: Vectors) -> Matrix:
        scores = vectors.astype(np.float64) @ self.weights.T + self.bias
        scores -= scores.max(axis=1, keepdims=True)
        exponentials = np.exp(scores)
        found: Matrix = exponentials / exponentials.sum(axis=1, keepdims=True)
        return found


@dataclass(frozen=True)
class Reading:
    """A sentence as the classifier reads it: its likeliest defensive label and P(fine)."""

    label: str
    ok: float


@cache
def model() -> Model:
    raw = resources.files("bot.review.reply_check").joinpath("data", MODEL_FILE).read_text(encoding="utf-8")
    return from_json(json.loads(raw))


def from_json(data: dict[str, object]) -> Model:
    labels = data["labels"]
    if not isinstance(labels, list) or not labels or labels[0] != OK:
        raise ValueError(f"{MODEL_FILE}: labels must start with {OK!r}")
    below, owned = data["ok_below"], data["ok_below_owned"]
    if not isinstance(below, float) or not isinstance(owned, float):
        raise ValueError(f"{MODEL_FILE}: ok_below and ok_below_owned must be numbers")
    weights, bias = np.asarray(data["weights"], dtype=np.float64), np.asarray(data["bias"], dtype=np.float64)
    return Model(tuple(str(label) for label in labels), weights, bias, below, owned)


def read(vectors: Vectors, classifier: Model) -> list[Reading]:
    """One reading per row of ``vectors`` (sentence embeddings, "query" role)."""
    if len(vectors) == 0:
        return []
    probabilities = classifier.probabilities(vectors)
    return [Reading(classifier.labels[1 + int(np.argmax(row[1:]))], float(row[0])) for row in probabilities]
