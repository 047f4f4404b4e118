"""The speech model is the one checked: rebuilt from the two PyPI wheels, every file pinned by SHA-256,
and a changed file refused; the language is always given, and Tigrinya is not pretended."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.chat import speech


def test_the_wheels_rebuild_exactly_systrans_faster_whisper_base(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(speech, "MODEL_DIR", tmp_path / "whisper-base")
    assert speech.model_path() == tmp_path / "whisper-base"
    assert sorted(path.name for path in (tmp_path / "whisper-base").iterdir()) == sorted(speech.MODEL_SHA256)
    assert (tmp_path / "whisper-base" / "model.bin").stat().st_size == 145_217_532


def test_a_changed_file_is_refused_not_loaded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(speech, "MODEL_DIR", tmp_path / "whisper-base")
    speech.model_path()
    with (tmp_path / "whisper-base" / "vocabulary.txt").open("a") as handle:
        handle.write("one more word\n")
    with pytest.raises(speech.ModelChanged, match=r"vocabulary\.txt"):
        speech.model_path()


def test_thirteen_of_our_fourteen_languages_can_be_written_down_and_not_tigrinya() -> None:
    assert not speech.can_transcribe("ti")
    assert speech.can_transcribe("prs") and speech.WHISPER_CODES["prs"] == "fa"
    assert len(speech.WHISPER_CODES) == 13
    with pytest.raises(ValueError):
        speech.transcribe(b"", "ti")
