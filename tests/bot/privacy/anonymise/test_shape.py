"""A word's letters alone say how much it looks like a name: the n-gram score the name model reads."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from bot.privacy.anonymise import _shape


def test_the_shipped_ngram_model_is_the_pinned_one_and_loads() -> None:
    weights, _ = _shape._load(_shape.SHAPE)
    assert len(weights) == 1 << _shape.BITS


def test_an_ngram_model_that_is_not_the_pinned_one_is_refused(tmp_path: Path) -> None:
    body = bytearray(gzip.decompress(_shape.SHAPE.read_bytes()))
    body[-1] ^= 1
    changed = tmp_path / "shape.bin.gz"
    changed.write_bytes(gzip.compress(bytes(body), mtime=0))
    with pytest.raises(_shape.ShapeChanged):
        _shape._load(changed)


@pytest.mark.parametrize(
    ("name", "word"),
    [("oluwaseun", "yesterday"), ("оксана", "бачила"), ("فاطمة", "کہا"), ("gurpreet", "hospital")],
)
def test_a_names_letters_score_above_an_everyday_words(name: str, word: str) -> None:
    assert _shape.score(name) > 0 > _shape.score(word)
    assert _shape.band(name) > _shape.band(word)
