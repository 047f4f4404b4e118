"""The name model that ships is the one measured: pinned by its hash, and a changed file is refused."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from bot.privacy.anonymise import _model


def test_the_shipped_name_model_is_the_pinned_one_and_loads() -> None:
    assert len(_model._load(_model.MODEL).weights) == 17_522  # the round-4 model's features (README)


def test_a_name_model_that_is_not_the_pinned_one_is_refused(tmp_path: Path) -> None:
    body = bytearray(gzip.decompress(_model.MODEL.read_bytes()))
    body[-1] ^= 1  # one feature string changed by a bit: it would score her words differently
    changed = tmp_path / "model.bin.gz"
    changed.write_bytes(gzip.compress(bytes(body), mtime=0))
    with pytest.raises(_model.ModelChanged, match=_model.MODEL_BUILT_AT):
        _model._load(changed)
