"""E-mail addresses, as typed and as spelled out.

She types "amina.w@gmail.com", but also "amina.w @ gmail . com", "amina85 at gmail dot com",
"fatuma(at)yahoo.co.uk" or, in her language, "kasia małpa gmail kropka com", "ioana la gmail punct
com", "olena собака ukr.net", or the English words in her script ("sana ایٹ gmail ڈاٹ com", "rina অ্যাট
gmail ডট com"): every way keeps the whole address readable to staff unless the whole of it goes.  The
spelled "at" is an everyday word, so it only makes an address when what follows is a mail provider or a
dotted domain ending in a known suffix ("at home. Then" is not one); the Romanian "la", far commoner,
only when a provider and its suffix follow ("la gmail punct com", never "la un punct de"); an "@" or a
bracketed "(at)" is never an everyday word, so after one a dot may be spaced or spelled too.
"""

from __future__ import annotations

import re

from bot.privacy.anonymise._windows import Caseless, alternation

Span = tuple[str, int, int]

# A stray space may fall beside a dot of the part before the "@" ("amina .w@gmail.com").
_TYPED = re.compile(r"(?<![\w.+-])[\w.+-]+(?: ?\. ?[\w+-]+)*@[\w-]+(?:\.[\w-]+)+", re.UNICODE)

# "at" and "dot" as she spells them: English, Polish, Portuguese, Romanian, Ukrainian (and Russian), and
# the English words in Arabic, Urdu, Persian, Bengali, Gurmukhi, Gujarati and Ge'ez letters.
_AT_WORDS = (
    "at", "małpa", "malpa", "małpka", "arroba", "arond", r"a\s+rond", "собака", "собачка", "равлик",
    "ایٹ", "اٹ", "آت", "ات", "অ্যাট", "এট", "ਐਟ", "એટ", "ኣት", "ኢት",
)  # fmt: skip
_DOT_WORDS = r"dot|kropka|ponto|punct|punto|крапка|точка|ڈاٹ|دوت|دات|نقطة|نقطه|ডট|ਡੌਟ|ડોટ|ዶት"
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
# Romanian "la" (at, to): a mail provider must follow.
_LA = Caseless(rf"l(?<!\w.)a(?=\s+(?:{_PROVIDERS})(?:(?:{_ANY_DOT})(?:{_SUFFIXES}))+(?!\w))")
# After a spelled "at": a provider, or a domain whose dots are typed tight or spelled out.
_DOMAIN_AFTER_WORD = re.compile(
    rf"\s+(?:(?:{_PROVIDERS})(?:(?:{_SPELLED_DOT}|\.)(?:{_SUFFIXES}))*"
    rf"|[\w-]+(?:(?:{_SPELLED_DOT}|\.)(?:{_SUFFIXES}))+)(?!\w)",
    re.IGNORECASE,
)
# What stands before the "at": a run of letters, digits, dots, dashes and pluses, its dots and
# underscores maybe spelled ("amina underscore w at ...").
_SPELLED_JOIN = rf"{_SPELLED_DOT}|\.|\s+(?:underscore|under\s+score|dash|hyphen)\s+"
_LOCAL = re.compile(rf"[\w+-]+(?:(?:{_SPELLED_JOIN})[\w+-]+)*\s*$", re.IGNORECASE)
# No "at" at all, only a space before a provider's whole domain ("amina.w85 gmail.com"): an address
# when what stands before it holds a letter and a dot, a digit or an underscore, as an everyday word
# does not.
_PROVIDER_DOMAIN = Caseless(rf"(?:{_PROVIDERS})\.(?:{_SUFFIXES})(?:\.(?:{_SUFFIXES}))*(?!\w)")
_BARE_LOCAL = re.compile(r"[\w+-]*[._\d][\w.+-]*\s$")


def _is_local(text: str, start: int, end: int) -> bool:
    """A whole word with a letter in it: "3.30" before "gmail.com" is a time, not her address."""
    word = text[start:end]
    whole = start == 0 or not text[start - 1].isalnum()
    return whole and not word.startswith(".") and any(c.isalpha() for c in word)


def emails(text: str) -> list[Span]:
    spans = [("EMAIL", m.start(), m.end()) for m in _TYPED.finditer(text)] if "@" in text else []
    for at in [*_AT.finditer(text), *(_LA.finditer(text) if "la" in text.casefold() else ())]:
        sign = at.group()[0] in "@＠([{<"
        domain = (_DOMAIN_AFTER_SIGN if sign else _DOMAIN_AFTER_WORD).match(text, at.end())
        local = _LOCAL.search(text, max(0, at.start() - 64), at.start()) if domain else None
        if domain and local and local.start() < local.end():
            spans.append(("EMAIL", local.start(), domain.end()))
    for domain in _PROVIDER_DOMAIN.finditer(text):
        bare = _BARE_LOCAL.search(text, max(0, domain.start() - 64), domain.start())
        if bare and _is_local(text, bare.start(), bare.end()):
            spans.append(("EMAIL", bare.start(), domain.end()))
    return spans
