"""Which of our languages her first message is in, so the first reply is already in her language.

Offline and cautious: a wrong guess greets her in a language she may not read, while no guess greets
her in English with the LANGUAGE menu one word away. So it answers only when sure and returns None for
a greeting, a single word, emoji, digits or a language we do not speak.

How it decides:

* Scripts used by one of our languages settle it: Bengali, Gurmukhi (Panjabi), Gujarati, and Ge'ez
  (Tigrinya; Amharic shares the script and is taken as Tigrinya, the only Ge'ez language we offer —
  an Amharic reader can mostly read Tigrinya and LANGUAGE is there if not).
* Arabic script is shared by Arabic, Urdu, Pashto and Dari. Letters only Pashto uses (ټ ډ ړ ښ ...) or
  only Urdu uses (ے ں ٹ ...) decide first; then common words of each; then lingua (which knows Arabic,
  Urdu and Persian — Dari is Afghan Persian, so lingua's Persian is taken as Dari).
* Cyrillic: Ukrainian letters (і ї є ґ) mean Ukrainian; Russian letters (ы э ъ ё) mean Russian,
  which we do not speak, so None rather than greeting a Russian speaker in Ukrainian; otherwise lingua
  chooses between the two and only Ukrainian counts.
* Latin script: Roman Urdu ("mujhe", "nahi", "bohat"...) when several of its words appear, Somali when
  several Somali words appear, else lingua among English, Polish, Romanian, Somali and Portuguese.

lingua has no Pashto or Tigrinya models; those come from the script and letter rules alone.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections import Counter
from collections.abc import Iterable

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

#: fewer words or letters than this is a greeting or an answer, not enough to tell a language by.
MIN_WORDS = 2
MIN_LETTERS = 8
#: lingua's share of confidence the best language needs (its values over our languages sum to 1).
MIN_CONFIDENCE = 0.6
#: distinct cue words needed before Roman Urdu or Somali overrides lingua.
MIN_CUES = 2

SCRIPT_RANGES: tuple[tuple[int, int, str], ...] = (
    (0x0600, 0x06FF, "arabic"),
    (0x0750, 0x077F, "arabic"),
    (0xFB50, 0xFDFF, "arabic"),
    (0xFE70, 0xFEFF, "arabic"),
    (0x0980, 0x09FF, "bn"),
    (0x0A00, 0x0A7F, "pa"),
    (0x0A80, 0x0AFF, "gu"),
    (0x1200, 0x139F, "ti"),
    (0x2D80, 0x2DDF, "ti"),
    (0xAB00, 0xAB2F, "ti"),
    (0x0400, 0x04FF, "cyrillic"),
)
#: scripts that belong to exactly one of our languages.
SCRIPT_LANGUAGE = {"bn": "bn", "pa": "pa", "gu": "gu", "ti": "ti"}

PASHTO_LETTERS = frozenset("ټډړږښګڼۍېځڅ")
URDU_LETTERS = frozenset("ےںٹڈڑھہۓ")
PERSIAN_LETTERS = frozenset("پچژگکی")
ARABIC_LETTERS = frozenset("ةكيىأإؤ")

ARABIC_SCRIPT_WORDS: dict[str, frozenset[str]] = {
    "ur": frozenset("ہے ہیں میں کی کے کا نہیں اور تھا تھی مجھے ہوا ہوئی گیا گئی بہت".split()),
    "ps": frozenset("دی ده چې چی زه یې په له سره شوه وه ما ته دا".split()),
    "prs": frozenset("است من را می که در از با این بود شد هستم دارم کردم بودم شفاخانه داکتر".split()),
    "ar": frozenset("في على أن إلى الى كان كانت لم هذا هذه التي الذي عن مع لقد ولدت".split()),
}
ROMAN_URDU = frozenset(
    "mujhe mujhy mujhay hai hain nahi nahin bohat bohot bahut tha thi kya aur mein mera meri mere "
    "raha rahi gaya gayi kuch bhi hua hui toh tou kiya diya liya wala wali bacha bachay bachi dard achi acha "
    "achha theek bataya kaha hota hoti".split()
)
SOMALI = frozenset(
    "waxaan waxay waxa ayaa iyo baan waa aan ahaa ilmaha ilmahayga cisbitaalka isbitaalka dhakhtarka "
    "umulisada ayuu ayay aniga igu ii kuma hooyo dhalmada uurka jiray".split()
)

UKRAINIAN_LETTERS = frozenset("іїєґ")
RUSSIAN_LETTERS = frozenset("ыэъё")

LINGUA_CODES: dict[Language, str] = {
    Language.ENGLISH: "en",
    Language.POLISH: "pl",
    Language.ROMANIAN: "ro",
    Language.SOMALI: "so",
    Language.PORTUGUESE: "pt",
    Language.ARABIC: "ar",
    Language.URDU: "ur",
    Language.PERSIAN: "prs",
    Language.UKRAINIAN: "uk",
    Language.RUSSIAN: "ru",  # only so Russian is recognised as not ours
}
LATIN = frozenset({"en", "pl", "ro", "so", "pt"})
ARABIC_SCRIPT = frozenset({"ar", "ur", "prs"})
CYRILLIC = frozenset({"uk", "ru"})

_WORD = re.compile(r"\w+")
_detector: LanguageDetector | None = None
_detector_lock = threading.Lock()


def detector() -> LanguageDetector:
    """The one lingua detector, built on first use: building it twice would double its memory."""
    global _detector
    if _detector is None:
        with _detector_lock:
            if _detector is None:
                _detector = LanguageDetectorBuilder.from_languages(*LINGUA_CODES).build()
    return _detector


def detect_language(text: str) -> str | None:
    """Her language's code when the text makes it clear, else None (the flow then stays in English)."""
    folded = unicodedata.normalize("NFC", text).casefold()
    words = [word for word in _WORD.findall(folded) if any(char.isalpha() for char in word)]
    letters = [char for char in folded if char.isalpha()]
    if len(words) < MIN_WORDS or len(letters) < MIN_LETTERS:
        return None
    script = _main_script(letters)
    if script in SCRIPT_LANGUAGE:
        return SCRIPT_LANGUAGE[script]
    if script == "arabic":
        return _arabic_script(letters, words, folded)
    if script == "cyrillic":
        return _cyrillic(letters, folded)
    return _latin(words, folded)


def _main_script(letters: Iterable[str]) -> str:
    """The script most of her letters are in ("latin" for everything we do not list)."""
    counts = Counter(_script(char) for char in letters)
    return counts.most_common(1)[0][0]


def _script(char: str) -> str:
    point = ord(char)
    for low, high, name in SCRIPT_RANGES:
        if low <= point <= high:
            return name
    return "latin"


def _arabic_script(letters: list[str], words: list[str], text: str) -> str | None:
    """Arabic, Urdu, Pashto or Dari: letters only one of them uses, then their common words, then lingua."""
    if any(char in PASHTO_LETTERS for char in letters):
        return "ps"
    if any(char in URDU_LETTERS for char in letters):
        return "ur"
    hits = {code: sum(word in cues for word in words) for code, cues in ARABIC_SCRIPT_WORDS.items()}
    hits["prs"] += sum(char in PERSIAN_LETTERS for char in letters) // 2
    hits["ar"] += sum(char in ARABIC_LETTERS for char in letters) // 2
    ranked = sorted(hits.items(), key=lambda item: item[1], reverse=True)
    (best, best_hits), (_, runner_up) = ranked[0], ranked[1]
    if best_hits >= MIN_CUES and best_hits >= 2 * runner_up:
        return best
    return _lingua(text, ARABIC_SCRIPT)


def _cyrillic(letters: list[str], text: str) -> str | None:
    """Ukrainian, or None for Russian (not one of our languages) and anything unclear."""
    ukrainian = any(char in UKRAINIAN_LETTERS for char in letters)
    russian = any(char in RUSSIAN_LETTERS for char in letters)
    if ukrainian != russian:
        return "uk" if ukrainian else None
    found = _lingua(text, CYRILLIC)
    return found if found == "uk" else None


def _latin(words: list[str], text: str) -> str | None:
    """Roman Urdu or Somali by their words, else lingua among our Latin-script languages."""
    if len(ROMAN_URDU.intersection(words)) >= MIN_CUES:
        return "ur"
    if len(SOMALI.intersection(words)) >= MIN_CUES:
        return "so"
    return _lingua(text, LATIN)


def _lingua(text: str, among: frozenset[str]) -> str | None:
    """lingua's choice among some of our languages, when it gives that choice most of its confidence."""
    values = {
        LINGUA_CODES[value.language]: value.value
        for value in detector().compute_language_confidence_values(text)
        if LINGUA_CODES[value.language] in among
    }
    total = sum(values.values())
    if not total:
        return None
    best = max(values, key=lambda code: values[code])
    return best if values[best] / total >= MIN_CONFIDENCE else None


#: the languages each script may be written in, likeliest first, for a word too short to tell by
SCRIPT_CANDIDATES: dict[str, tuple[str, ...]] = {
    "bn": ("bn",),
    "pa": ("pa",),
    "gu": ("gu",),
    "ti": ("ti",),
    "arabic": ("ur", "ar", "prs", "ps"),
    "cyrillic": ("uk",),
}


def script_languages(text: str) -> tuple[str, ...]:
    """For a word or two (a greeting, "ہاں"): the languages its script is written in, likeliest first.

    A script only one of our languages uses settles it; Arabic script is narrowed by letters only Pashto
    or only Urdu has; Latin script says nothing (every language is texted in it).
    """
    letters = [char for char in unicodedata.normalize("NFC", text).casefold() if char.isalpha()]
    if not letters:
        return ()
    script = _main_script(letters)
    if script == "arabic":
        if any(char in PASHTO_LETTERS for char in letters):
            return ("ps",)
        if any(char in URDU_LETTERS for char in letters):
            return ("ur",)
    if script == "cyrillic" and any(char in RUSSIAN_LETTERS for char in letters):
        return ()
    return SCRIPT_CANDIDATES.get(script, ())
