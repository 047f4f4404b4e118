"""Speed, memory and word error rate of the voice-note model (bot/chat/speech.py) on this machine.

Speech is synthesised with espeak-ng (a robot voice, so the error rates are an upper bound for clear
speech and say little about a real woman on a real phone), from each language's own catalog prompts
(flows/locale), for every one of our languages espeak-ng can speak. No package we install ships
freely licensed speech recordings, so there are none to add. Somali and Pashto (no espeak-ng voice)
and Tigrinya (no Whisper model) cannot be measured here.

Speed is seconds of audio written down per second of wall-clock time (higher is faster; 4 means a
one-minute note takes 15 s); the model runs with 2 threads, int8. The machine is shared: timings are noisy.

Run: .venv/bin/python bench/transcribe.py [LANG ...]
"""

import re
import resource
import shutil
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.chat import speech  # noqa: E402  (needs ROOT on sys.path)
from flows.catalog import text  # noqa: E402

#: espeak-ng's voice for each of our languages it can speak (Dari as Persian)
VOICES = {
    "en": "en-gb", "ur": "ur", "bn": "bn", "pa": "pa", "gu": "gu", "pl": "pl", "ro": "ro", "ar": "ar",
    "pt": "pt", "prs": "fa", "uk": "uk",
}  # fmt: skip
#: prompts she would know, spoken as whole sentences (about 15 to 25 seconds of speech per language)
PROMPTS = ("call.welcome", "quote.withdrawn", "call.thanks")


def _words(sentence: str) -> list[str]:
    folded = unicodedata.normalize("NFKC", sentence).casefold()
    return re.sub(r"[^\w\s]", " ", folded).split()


def word_error_rate(reference: str, heard: str) -> float:
    """Word-level edit distance over the reference length, after folding case and punctuation."""
    ref, hyp = _words(reference), _words(heard)
    row = list(range(len(hyp) + 1))
    for i, word in enumerate(ref, 1):
        previous, row[0] = row[0], i
        for j, other in enumerate(hyp, 1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (word != other))
    return row[len(hyp)] / max(len(ref), 1)


def _spoken(sentence: str, voice: str) -> bytes:
    return subprocess.run(
        ["espeak-ng", "-v", voice, "-s", "150", "--stdout", sentence], check=True, capture_output=True
    ).stdout


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(languages: list[str]) -> None:
    if shutil.which("espeak-ng") is None:
        sys.exit("espeak-ng is needed: apt-get install espeak-ng")
    before = _peak_mib()
    started = time.perf_counter()
    speech.load()
    print(f"model: load (and SHA-256 check) {time.perf_counter() - started:.1f} s, peak RSS "
          f"{before:.0f} → {_peak_mib():.0f} MiB")  # fmt: skip
    print(f"{'lang':<5} {'audio s':>8} {'wall s':>7} {'audio s per s':>14} {'WER':>6}  heard (start)")
    total_audio = total_wall = 0.0
    for lang in languages:
        reference = " ".join(text(lang, key).replace("allvoices", "") for key in PROMPTS)
        audio = _spoken(reference, VOICES[lang])
        written = speech.transcribe(audio, lang)
        total_audio += written.audio_seconds
        total_wall += written.seconds
        print(
            f"{lang:<5} {written.audio_seconds:>8.1f} {written.seconds:>7.1f} "
            f"{written.audio_seconds / written.seconds:>14.2f} "
            f"{word_error_rate(reference, written.text):>6.0%}  {written.text[:60]}"
        )
    print(f"all   {total_audio:>8.1f} {total_wall:>7.1f} {total_audio / total_wall:>14.2f}")
    print(f"peak RSS of the process: {_peak_mib():.0f} MiB")


if __name__ == "__main__":
    main(sys.argv[1:] or list(VOICES))
