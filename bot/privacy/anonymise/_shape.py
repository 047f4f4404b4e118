"""How much a single word looks like a name, by its letters alone: a score from character n-grams.

A word no list knows still has a shape: "-preet", "-jit", "ول-", "-ova", "Ade-" are names' letters,
"-ing", "-ها", "-ছিল" an everyday word's.  A logistic regression over the word's hashed character
1-5-grams (with its edges marked) was trained by ``training/train_shape.py`` on the gazetteer's names,
the hand-listed names and the training stories' names against the frequency lists', the stop lists'
and the training stories' everyday words, in every script, and shipped as ``data/shape.bin.gz``, pinned
by its SHA-256 as the name model is.  The name model reads the score banded (``band``), as one feature
among the rest.
"""

from __future__ import annotations

import gzip
import hashlib
import struct
import threading
from functools import lru_cache
from pathlib import Path
from zlib import crc32

SHAPE = Path(__file__).with_name("data") / "shape.bin.gz"
#: the shipped n-gram model; a rebuild ships by changing this pin once it has been measured
SHAPE_SHA256 = "20f0cae44a6a3b9ee91434edfec18151590fb57146dd4d9546a6e845c14364a1"
BITS = 18  # 262,144 hashed n-gram weights
MAX_GRAM = 5
# The score's bands, as a logit: what the name model reads.  Cut where held-out names and words part.
BANDS = (-3.0, -1.0, 1.0, 3.0)
_HEADER = struct.Struct("<If")  # weights, bias
Weights = tuple[tuple[float, ...], float]


def grams(low: str) -> list[int]:
    """The word's character 1-5-grams, its start and end marked, each hashed to a weight's index."""
    padded = "\x02" + low + "\x03"
    mask = (1 << BITS) - 1
    out = []
    for n in range(1, MAX_GRAM + 1):
        for k in range(len(padded) - n + 1):
            out.append(crc32(f"{n}{padded[k : k + n]}".encode()) & mask)
    return out


def save(path: Path, weights: list[float], bias: float) -> None:
    """A fixed layout, gzipped with no timestamp, so a rebuild gives the same bytes."""
    body = _HEADER.pack(len(weights), bias) + struct.pack(f"<{len(weights)}e", *weights)
    path.write_bytes(gzip.compress(body, mtime=0))


class ShapeChanged(RuntimeError):
    """The n-gram model on disk is not the one measured and pinned here."""


def _load(path: Path) -> Weights:
    packed = path.read_bytes()
    digest = hashlib.sha256(packed).hexdigest()
    if digest != SHAPE_SHA256:
        raise ShapeChanged(f"{path.name} has SHA-256 {digest}, expected {SHAPE_SHA256}")
    body = gzip.decompress(packed)
    count, bias = _HEADER.unpack_from(body)
    return struct.unpack_from(f"<{count}e", body, _HEADER.size), bias


_lock = threading.Lock()
_cache: list[list[Weights]] = []


def use(models: list[Weights] | None) -> None:
    """For training tools: score with these weights from now on (None: the shipped file again).  With
    several, a word is scored by the one its CRC-32 picks: the name model trains on scores of models
    that never saw the word, as the words of a new story are scored at run time."""
    with _lock:
        _cache[:] = [models] if models else []
    band.cache_clear()


def _models() -> list[Weights]:
    if _cache:
        return _cache[0]
    with _lock:
        if not _cache:
            _cache.append([_load(SHAPE)])
    return _cache[0]


def fold(low: str, folds: int) -> int:
    """Which of ``folds`` parts a word falls in, the same in every process."""
    return crc32(low.encode()) % folds


def score(low: str) -> float:
    """The logit of the word (casefolded) being a name."""
    models = _models()
    weights, bias = models[fold(low, len(models)) if len(models) > 1 else 0]
    return bias + sum(weights[i] for i in grams(low))


@lru_cache(maxsize=65536)
def band(low: str) -> str:
    """The score's band, 0 (an everyday word's letters) to 4 (a name's)."""
    value = score(low)
    return str(sum(value > cut for cut in BANDS))
