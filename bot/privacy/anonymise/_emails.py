"""E-mail addresses, as typed and as spelled out.

She types "amina.w@gmail.com", but also "amina.w @ gmail . com", "amina85 at gmail dot com",
"fatuma(at)yahoo.co.uk" or, in her language, "kasia małpa gmail kropka com", "olena собака ukr.net":
every way keeps the whole address readable to staff unless the whole of it goes.  The spelled "at" is
an everyday word, so it only makes an address when what follows is a mail provider or a dotted domain
ending in a known suffix ("at home. Then" is not one); an "@" or a bracketed "(at)" is never an
everyday word, so after one a dot may be spaced or spelled too.
"""

from __future__ import annotations

import re

from bot.privacy.anonymise._windows import Caseless, alternation

Span = tuple[str, int, int]

_TYPED = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)

# "at" and "dot" as she spells them: English, Polish, Portuguese, Romanian, Ukrainian (and Russian).
_AT_WORDS = ("at", "małpa", "malpa", "małpka", "arroba", "arond", r"a\s+rond", "собака", "собачка", "равлик")
_DOT_WORDS = r"dot|kropka|ponto|punct|punto|крапка|точка"
_AT = Caseless(rf"[@＠]|[(\[{{<]\s*(?:at|@)\s*[)\]}}>]|{alternation((_AT_WORDS, True))}(?!\w)")
_SPELLED_DOT = rf"\s*[(\[{{<]\s*(?:dot|\.)\s*[)\]}}>]\s*|\s+(?:{_DOT_WORDS})\s+"
_ANY_DOT = rf"(?:{_SPELLED_DOT}|\s*\.\s*)"
_PROVIDERS = (
    r"g\s?mail|googlemail|yahoo|ymail|hotmail|outlook|icloud|aol|msn|proton(?:mail)?|btinternet|virginmedia|"
    r"talktalk|gmx|onet|interia|ukr|uol"
)
_SUFFIXES = (
    r"com|co|uk|org|net|ac|nhs|gov|edu|info|pl|ro|pt|br|ua|ru|de|fr|ie|pk|in|bd|ng|gh|ke|so|er|et|af|ir"
)
# After an "@" or "(at)": any domain, its dots spaced or spelled.
_DOMAIN_AFTER_SIGN = re.compile(
    rf"\s*(?:{_PROVIDERS}|[\w-]+)(?:{_ANY_DOT}(?:{_SUFFIXES}|[\w-]+))*(?:{_ANY_DOT}(?:{_SUFFIXES}))(?!\w)"
    rf"|\s*(?:{_PROVIDERS})(?!\w)",
    re.IGNORECASE,
)
# After a spelled "at": a provider, or a domain whose dots are typed tight or spelled out.
_DOMAIN_AFTER_WORD = re.compile(
    rf"\s+(?:(?:{_PROVIDERS})(?:(?:{_SPELLED_DOT}|\.)(?:{_SUFFIXES}))*"
    rf"|[\w-]+(?:(?:{_SPELLED_DOT}|\.)(?:{_SUFFIXES}))+)(?!\w)",
    re.IGNORECASE,
)
# What stands before the "at": a run of letters, digits, dots, dashes and pluses, its dots maybe spelled.
_LOCAL = re.compile(rf"[\w+-]+(?:(?:{_SPELLED_DOT}|\.)[\w+-]+)*\s*$", re.IGNORECASE)


def emails(text: str) -> list[Span]:
    spans = [("EMAIL", m.start(), m.end()) for m in _TYPED.finditer(text)] if "@" in text else []
    for at in _AT.finditer(text):
        sign = at.group()[0] in "@＠([{<"
        domain = (_DOMAIN_AFTER_SIGN if sign else _DOMAIN_AFTER_WORD).match(text, at.end())
        local = _LOCAL.search(text, max(0, at.start() - 64), at.start()) if domain else None
        if domain and local and local.start() < local.end():
            spans.append(("EMAIL", local.start(), domain.end()))
    return spans
