"""Speech for tests, made on this machine: espeak-ng speaks a sentence into a WAV file.

A robot voice, not a woman's: good enough to show a voice note is written down in her language, and
far from what the model meets in real notes (see bench/transcribe.py for how far).
"""

from __future__ import annotations

import shutil
import subprocess

import pytest

ESPEAK = shutil.which("espeak-ng")
needs_espeak = pytest.mark.skipif(
    ESPEAK is None, reason="espeak-ng is not installed (apt-get install espeak-ng)"
)
#: espeak-ng's voice for each of our languages it can speak (Dari as Persian)
VOICES = {
    "en": "en-gb",
    "ur": "ur",
    "bn": "bn",
    "pa": "pa",
    "gu": "gu",
    "pl": "pl",
    "ro": "ro",
    "ar": "ar",
    "pt": "pt",
    "prs": "fa",
    "uk": "uk",
}


def spoken(text: str, lang: str = "en", words_per_minute: int = 150) -> bytes:
    """``text`` read aloud by espeak-ng in ``lang``, as WAV bytes."""
    assert ESPEAK is not None
    return subprocess.run(
        [ESPEAK, "-v", VOICES[lang], "-s", str(words_per_minute), "--stdout", text],
        check=True,
        capture_output=True,
        timeout=60,
    ).stdout
