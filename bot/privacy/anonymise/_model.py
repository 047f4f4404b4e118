"""The learned name model: an averaged perceptron over ``_features``, one weight row per feature.

Trained in this repository by ``training/train_model.py`` (anyone can re-run it; it writes the same
file byte for byte) and shipped as ``data/model.npz``: no weights are ever fetched at run time.  A word
is labelled O (keep), N (name) or S (staff name); neighbouring name words joined by a space or hyphen
become one span.  ``O_BIAS`` leans the decision towards taking a word out: a name that reaches staff
costs more than an ordinary word lost.
"""

from __future__ import annotations

import io
import threading
from dataclasses import dataclass
from itertools import repeat
from pathlib import Path

import numpy as np
import numpy.typing as npt

from bot.privacy.anonymise._features import WIDTH, features

MODEL = Path(__file__).with_name("data") / "model.npz"
LABELS = ("O", "NAME", "STAFF NAME")
O_BIAS = 0.0
_JOINING_GAPS = frozenset({" ", "-", "\u00a0", "\u200c"})

Span = tuple[str, int, int]


@dataclass(frozen=True)
class Model:
    index: dict[str, int]
    weights: npt.NDArray[np.float32]  # (features + 1, labels); the last row, all zero, is "unknown"

    def scores(self, flat: list[str]) -> npt.NDArray[np.float32]:
        """Summed weights per word and label: one C-level lookup pass and one numpy gather."""
        unknown = len(self.index)
        ids = np.fromiter(map(self.index.get, flat, repeat(unknown)), dtype=np.intp, count=len(flat))
        summed: npt.NDArray[np.float32] = self.weights[ids.reshape(-1, WIDTH)].sum(axis=1)
        return summed


def save(path: Path, vocab: list[str], weights: npt.NDArray[np.float32]) -> None:
    """Sorted vocabulary and a fixed archive layout, so a rebuild gives the same bytes."""
    buffer = io.BytesIO()
    np.savez_compressed(
        buffer,
        vocab=np.frombuffer("\n".join(vocab).encode("utf-8"), dtype=np.uint8),
        weights=weights.astype(np.float16),
    )
    path.write_bytes(buffer.getvalue())


def _load(path: Path) -> Model:
    with np.load(path) as archive:
        vocab = archive["vocab"].tobytes().decode("utf-8").split("\n")
        weights = archive["weights"].astype(np.float32)
    unknown = np.zeros((1, weights.shape[1]), dtype=np.float32)
    return Model({f: n for n, f in enumerate(vocab)}, np.vstack([weights, unknown]))


_lock = threading.Lock()
_cache: list[Model] = []


def model() -> Model:
    """Load once per process; the lock keeps concurrent first calls from each paying the load cost."""
    if _cache:
        return _cache[0]
    with _lock:
        if not _cache:
            _cache.append(_load(MODEL))
    return _cache[0]


def find_names(text: str, lang: str | None) -> list[Span]:
    view, picked, flat = features(text, lang)
    toks = view.tokens
    labels = [0] * len(toks)
    if picked:
        scores = model().scores(flat)
        scores[:, 0] += O_BIAS
        for i, label in zip(picked, scores.argmax(axis=1).tolist(), strict=True):
            labels[i] = label
    spans: list[Span] = []
    run: list[int] = []
    for i, label in enumerate([*labels, 0]):
        joined = bool(run) and i < len(toks) and toks[i].gap_before in _JOINING_GAPS
        if label and (not run or joined):
            run.append(i)
            continue
        if run:
            staff = sum(labels[j] == 2 for j in run) * 2 >= len(run)
            spans.append((LABELS[2] if staff else LABELS[1], toks[run[0]].start, toks[run[-1]].end))
        run = [i] if label else []
    return spans
