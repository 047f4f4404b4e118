"""Layer 2: does a message read like the urgent examples or like the calm ones, whatever its wording?

A list of phrases cannot reach wording nobody wrote down. Here every message is embedded with the shared
multilingual sentence model (``flows.embedding``) and judged against labelled examples in all our
languages: hand-written ones (``examples/<lang>.toml``) and the tuning half of the evaluation set. Two
judges, put on one scale and added:

- **nearest examples**: how much closer the message sits to its k nearest urgent examples than to its k
  nearest calm ones. It recognises a situation someone wrote down before, in any language. Similarity
  is measured after removing the examples' mean and their top principal direction ("all but the top"):
  that direction mostly says which language or script a message is in, so without it a message's
  neighbours are the examples that mean the same, not those that merely share its script.
- **a linear classifier over kinds** (heavy bleeding, a floppy baby, coercive control..., and the calm
  kinds: negation, past and resolved, hypothetical, someone else's story, idiom): the log-odds of the
  urgent kinds against the calm ones. It learns which directions of meaning make a message urgent, so
  "no bleeding at all" is calm even though it sits near bleeding. It also says which risk it is.

Everything learnt is in ``model.npz``, written by ``python -m flows.safeguarding.train``; this module
only reads it. The trainer scores with these same functions, so calibration measures what runs here.
"""

from __future__ import annotations

import functools
import re
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources

import numpy as np
import numpy.typing as npt

from flows import embedding
from flows.safeguarding._kinds import Level, Risk

MODEL_FILE = "model.npz"
#: the order risks are numbered in inside the model file
RISKS = tuple(Risk)
CALM, POSSIBLE, URGENT = 0, 1, 2
#: a message of up to this many words is read whole (what the thresholds were calibrated on); a longer one
#: in windows, so that one urgent sentence buried in a long story is not averaged away
WINDOW_WORDS = 40
#: a window starts at a sentence and takes whole sentences up to this many words (~35 tokens): short
#: enough that the urgent sentence is not drowned by the calm ones around it; a run-on without full
#: stops is cut every WINDOW_STEP words
WINDOW_SPAN = 24
WINDOW_STEP = 12
#: the most windows of one long story the model reads (their cost is the embedding's, ~linear in tokens):
#: windows where a phrase fired first, then her last words (where "but now..." usually is), then the first,
#: then spread over the rest. The phrase layer still reads every word of it.
MAX_WINDOWS = 4
#: pieces embedded recently, so a message assessed twice (a retried webhook, a voice note's transcript
#: checked again) costs nothing the second time
CACHE_SIZE = 512
#: other risks at least this likely, relative to the likeliest, are named too (and their numbers given)
RISK_SHARE = 0.5
_WORDS = re.compile(r"\S+")
_SENTENCES = re.compile(r"(?<=[.!?؟۔।॥።])\s+|\n+")

Floats = npt.NDArray[np.float32]
Labels = npt.NDArray[np.int8]


@dataclass(frozen=True)
class Linear:
    """A softmax classifier over kinds, on standardised embeddings."""

    mean: Floats  # (DIM,)
    scale: Floats  # (DIM,)
    weights: Floats  # (kinds, DIM)
    bias: Floats  # (kinds,)
    group: Labels  # CALM, POSSIBLE or URGENT for each kind
    risk: Labels  # index into RISKS for each kind, -1 for calm kinds


@dataclass(frozen=True)
class Model:
    vectors: Floats  # the examples, projected by ``project`` (examples, DIM)
    centre: Floats  # the examples' mean (DIM,)
    top: Floats  # the directions removed before comparing, (directions, DIM)
    group: Labels  # CALM, POSSIBLE or URGENT for each example
    k: int
    linear: Linear
    #: (centre, spread) of each judge's scores on the training data, to add them on one scale
    nearest_scale: tuple[float, float]
    linear_scale: tuple[float, float]
    #: the nearest examples' share of the sum (the classifier has the rest)
    nearest_weight: float
    clear: float  # at or above: clear risk
    possible: float  # at or above: possible risk, "check soon"
    floor: float  # a phrase-layer alarm is clear unless the model puts it below this
    sources: str  # SHA-256 of the data it was built from


@dataclass(frozen=True)
class Score:
    value: float
    risks: tuple[Risk, ...]  # the likeliest first


def nearest_scores(similarities: Floats, group: Labels, k: int) -> Floats:
    """Mean similarity to the k nearest urgent examples minus that to the k nearest calm ones."""

    def nearest(mask: npt.NDArray[np.bool_]) -> Floats:
        masked = np.where(mask[None, :], similarities, np.float32(-1.0))
        return np.asarray(np.sort(masked, axis=1)[:, -k:].mean(axis=1), dtype=np.float32)

    return nearest(group == URGENT) - nearest(group == CALM)


def project(vectors: Floats, centre: Floats, top: Floats) -> Floats:
    """The vectors less their centre and the top directions, normalised again (cosine = dot product)."""
    moved = vectors - centre
    moved = moved - (moved @ top.T) @ top
    return np.asarray(moved / np.linalg.norm(moved, axis=1, keepdims=True), dtype=np.float32)


def linear_scores(vectors: Floats, linear: Linear) -> tuple[Floats, Floats]:
    """Log-odds of the urgent kinds against the calm kinds, and each risk's share of the risky kinds."""
    logits = ((vectors - linear.mean) / linear.scale) @ linear.weights.T + linear.bias
    odds = np.exp(logits - logits.max(axis=1, keepdims=True))
    chance = odds / odds.sum(axis=1, keepdims=True)
    # A possible kind is half way: it adds to both sides, so it pulls a message towards the middle.
    half = chance[:, linear.group == POSSIBLE].sum(axis=1) / 2
    urgent = chance[:, linear.group == URGENT].sum(axis=1) + half
    calm = chance[:, linear.group == CALM].sum(axis=1) + half
    per_risk = np.stack([chance[:, linear.risk == n].sum(axis=1) for n in range(len(RISKS))], axis=1)
    tiny = np.float32(1e-9)
    return np.asarray(np.log(urgent + tiny) - np.log(calm + tiny), dtype=np.float32), per_risk


def combined(nearest: Floats, linear: Floats, model: Model) -> Floats:
    """Both judges on one scale (each centred and divided by its spread), added with their weights."""
    (n_centre, n_spread), (l_centre, l_spread) = model.nearest_scale, model.linear_scale
    weight = model.nearest_weight
    return np.asarray(
        weight * (nearest - n_centre) / n_spread + (1 - weight) * (linear - l_centre) / l_spread,
        dtype=np.float32,
    )


def level(phrase_alarm: bool, value: float, clear: float, possible: float, floor: float) -> Level:
    """Both layers' verdict. A phrase alarm is clear unless the model is sure it is calm (a negation,
    a story about someone else), and even then a person is asked to read it soon: never silence."""
    if value >= clear or (phrase_alarm and value >= floor):
        return Level.CLEAR
    if value >= possible or phrase_alarm:
        return Level.POSSIBLE
    return Level.CALM


def windows(text: str) -> list[str]:
    """The text as the model can read it: whole, or when it is long in overlapping windows, each
    starting at a sentence and holding whole sentences up to ``WINDOW_SPAN`` words."""
    words = _WORDS.findall(text)
    if len(words) <= WINDOW_WORDS:
        return [" ".join(words)]
    sentences: list[list[str]] = []
    for found in _sentence_words(text):
        starts = range(0, max(1, len(found) - WINDOW_SPAN + WINDOW_STEP), WINDOW_STEP)
        sentences.extend(found[start : start + WINDOW_SPAN] for start in starts if found)
    out: list[str] = []
    for first, sentence in enumerate(sentences):
        piece = list(sentence)
        for following in sentences[first + 1 :]:
            if len(piece) + len(following) > WINDOW_SPAN:
                break
            piece.extend(following)
        out.append(" ".join(piece))
    return list(dict.fromkeys(out))


def pieces(text: str, alarming: Callable[[str], bool] | None = None) -> list[str]:
    """The windows the model reads: all of them, or at most ``MAX_WINDOWS`` of a long story, chosen so
    that a window where ``alarming`` (the phrase layer) fires is always among them."""
    found = windows(text)
    if len(found) == 1 and alarming is not None:
        # A short message is read whole, and also each sentence where a phrase fired, alone: a calm
        # sentence beside it ("the midwife said it's the baby blues") must not talk the model out of
        # "they'd be better off without me"; the model still judges the alarming sentence itself.
        return list(dict.fromkeys([*found, *_alarming_sentences(text, alarming)]))
    if len(found) <= MAX_WINDOWS:
        return found
    hits = [n for n, piece in enumerate(found) if alarming is not None and alarming(piece)]
    last = len(found) - 1
    middle = sorted(range(1, last), key=lambda n: abs(2 * n - last))
    chosen = list(dict.fromkeys([*hits, last, 0, *middle]))
    return [found[n] for n in sorted(chosen[: max(MAX_WINDOWS, len(hits))])]


def _alarming_sentences(text: str, alarming: Callable[[str], bool]) -> list[str]:
    """The sentences of a short message, with more than one, where the phrase layer fires alone."""
    sentences = [" ".join(words) for words in _sentence_words(text) if words]
    return [sentence for sentence in sentences if len(sentences) > 1 and alarming(sentence)]


def _sentence_words(text: str) -> list[list[str]]:
    """The words of each sentence of ``text`` (a sentence may have none)."""
    return [_WORDS.findall(part) for part in _SENTENCES.split(text)]


@functools.cache
def model() -> Model:
    """The trained model, read once per process."""
    path = resources.files("flows.safeguarding").joinpath(MODEL_FILE)
    with path.open("rb") as handle, np.load(handle) as data:

        def floats(name: str) -> Floats:
            return np.asarray(data[name], dtype=np.float32)

        def labels(name: str) -> Labels:
            return np.asarray(data[name], dtype=np.int8)

        linear = Linear(
            floats("mean"),
            floats("scale"),
            floats("weights"),
            floats("bias"),
            labels("kind_group"),
            labels("kind_risk"),
        )
        return Model(
            vectors=floats("vectors"),
            centre=floats("centre"),
            top=floats("top"),
            group=labels("group"),
            k=int(data["k"]),
            linear=linear,
            nearest_scale=(float(data["nearest_scale"][0]), float(data["nearest_scale"][1])),
            linear_scale=(float(data["linear_scale"][0]), float(data["linear_scale"][1])),
            nearest_weight=float(data["nearest_weight"]),
            clear=float(data["clear"]),
            possible=float(data["possible"]),
            floor=float(data["floor"]),
            sources=str(data["sources"]),
        )


_cache: OrderedDict[str, Floats] = OrderedDict()
_cache_lock = threading.Lock()


def _embed(texts: list[str]) -> Floats:
    """The pieces' vectors in one batch, embedding only those not seen recently."""
    with _cache_lock:
        known = {text: _cache[text] for text in texts if text in _cache}
        for text in known:
            _cache.move_to_end(text)
    missing = [text for text in dict.fromkeys(texts) if text not in known]
    if missing:
        known.update(zip(missing, embedding.embed(missing), strict=True))
        with _cache_lock:
            for text in missing:
                _cache[text] = known[text]
            while len(_cache) > CACHE_SIZE:
                _cache.popitem(last=False)
    return np.stack([known[text] for text in texts])


def judged(vectors: Floats, found: Model) -> tuple[Floats, Floats]:
    """Each embedded text's combined score and each risk's share: what ``score`` reads, and what the
    trainer's leave-one-writer-out measure reads for a writer the model was built without."""
    projected = project(vectors, found.centre, found.top)
    nearest = nearest_scores(projected @ found.vectors.T, found.group, found.k)
    linear, per_risk = linear_scores(vectors, found.linear)
    return combined(nearest, linear, found), per_risk


def score(text: str, alarming: Callable[[str], bool] | None = None) -> Score:
    """How urgent the text reads (its most urgent-sounding window), and what about."""
    values, per_risk = judged(_embed(pieces(text, alarming)), model())
    worst = int(np.argmax(values))
    shares = per_risk[worst]
    order = [int(n) for n in np.argsort(-shares) if shares[n] >= RISK_SHARE * shares.max()]
    return Score(float(values[worst]), tuple(RISKS[n] for n in order))
