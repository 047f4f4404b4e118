"""The shared sentence-embedding model: offline, verified, and meaning-preserving across languages."""

from __future__ import annotations

import pytest

from flows import embedding


def test_a_message_is_closer_to_its_translation_than_to_an_unrelated_one() -> None:
    english, urdu, polish, unrelated = embedding.embed(
        [
            "I am bleeding heavily",
            "میں بہت خون بہہ رہی ہوں",
            "bardzo mocno krwawię",
            "the bus was late this morning",
        ]
    )
    assert english @ urdu > english @ unrelated
    assert english @ polish > english @ unrelated


def test_vectors_are_normalised_and_nothing_in_gives_nothing_out() -> None:
    [vector] = embedding.embed(["hello"])
    assert vector.shape == (embedding.DIMENSIONS,)
    assert abs(float(vector @ vector) - 1.0) < 1e-3
    assert embedding.embed([]).shape == (0, embedding.DIMENSIONS)


def test_weights_that_are_not_the_pinned_ones_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(embedding, "MODEL_SHA256", "0" * 64)
    with pytest.raises(embedding.ModelChanged):
        embedding._verified_path()


def test_once_loaded_numpy_multiplies_on_one_thread_beside_the_engine() -> None:
    """Two thread pools on two cores fought: scoring one message took 12-15 ms of CPU instead of ~1."""
    from threadpoolctl import threadpool_info  # type: ignore[import-untyped]

    embedding.load()
    blas = [pool for pool in threadpool_info() if pool["user_api"] == "blas"]
    assert blas
    assert all(pool["num_threads"] == 1 for pool in blas)
