"""Detectors for the entities with a shape: phones, emails, NHS numbers, postcodes, addresses, dates of birth.

Each returns ``(type, start, end)`` spans over the original text; overlaps are settled by the caller.
"""

from __future__ import annotations

import re

import phonenumbers

Span = tuple[str, int, int]

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)

_NHS = re.compile(r"(?<![\d\w])(\d{3})[ \-]?(\d{3})[ \-]?(\d{4})(?![\d\w])")
# Any mention of "NHS" shortly before the digits counts as a label: "NHS no", "NHS number is", "nhs#",
# "numer NHS", whatever language the rest of the sentence is in.
_NHS_LABEL = re.compile(r"nhs|এনএইচএস|این ایچ ایس|ਐਨਐਚਐਸ|એનએચએસ", re.IGNORECASE)


def nhs_checksum_ok(digits: str) -> bool:
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return check != 10 and check == int(digits[9])


def nhs_numbers(text: str) -> list[Span]:
    spans: list[Span] = []
    for m in _NHS.finditer(text):
        digits = "".join(m.groups())
        labelled = bool(_NHS_LABEL.search(text[max(0, m.start() - 30) : m.start()]))
        if labelled or nhs_checksum_ok(digits):
            spans.append(("NHS NUMBER", m.start(), m.end()))
    return spans


_DIGIT = re.compile(r"\d")


def phones(text: str) -> list[Span]:
    """POSSIBLE leniency so Ofcom's drama numbers (07700 900xxx) count too; the prefix and length checks
    keep it from matching blood pressures, weights and bare 10-digit numbers."""
    if len(_DIGIT.findall(text)) < 10:  # the matcher is the slowest step; most stories have no phone
        return []
    spans: list[Span] = []
    for m in phonenumbers.PhoneNumberMatcher(text, "GB", leniency=phonenumbers.Leniency.POSSIBLE):
        if m.raw_string.lstrip("(").startswith(("0", "+")) and sum(c.isdigit() for c in m.raw_string) >= 10:
            spans.append(("PHONE", m.start, m.end))
    return spans


def emails(text: str) -> list[Span]:
    return [("EMAIL", m.start(), m.end()) for m in _EMAIL.finditer(text)]


# Full postcodes only.  The inward code never uses C, I, K, M, O or V, which also keeps "x2 3cm" out.
_POSTCODE = re.compile(
    r"(?<![A-Za-z0-9])(?:[A-PR-UWYZa-pr-uwyz][A-HK-Ya-hk-y]?\d[A-Za-z\d]?)\s?\d[ABD-HJLNP-UW-Zabd-hjlnp-uw-z]{2}"
    r"(?![A-Za-z0-9])"
)


def postcodes(text: str) -> list[Span]:
    return [("POSTCODE", m.start(), m.end()) for m in _POSTCODE.finditer(text)]


_STREET = (
    r"road|rd|street|st|avenue|ave|lane|ln|close|drive|way|crescent|cres|grove|place|gardens|gdns|terrace|"
    r"court|ct|hill|park|row|mews|square|walk|rise|view|green|parade|broadway|estate"
)
# Words that cannot be part of a street name: without them "10 minutes all the way" would be an address.
_NOT_STREET = (
    r"the|a|an|all|of|in|on|at|to|my|her|his|our|was|is|and|or|but|for|by|with|minutes?|mins?|hours?|hrs?|"
    r"days?|weeks?|months?|years?|times?|cm|kg|lbs?|am|pm|more|other|whole|long|half|way|me|we|it|that|"
    r"this|then|just|so|very|too|from|into"
)
_STREET_WORD = rf"(?!(?:{_NOT_STREET})\b)[A-Za-z][A-Za-z'’\-]*"
_ADDRESS = re.compile(
    rf"\b(?:(?:flat|apartment|apt|unit|house|room)\s*\d+[a-z]?\s*,?\s*)?\d{{1,4}}[a-z]?,?\s+"
    rf"(?:{_STREET_WORD}\s+){{1,3}}(?:{_STREET})\b",
    re.IGNORECASE,
)
# Without a house number only a capitalised name and an unmistakable suffix will do ("Station Road").
_NAMED_STREET = re.compile(
    r"\b(?:[A-Z][a-z'’\-]+\s+){1,2}(?:Road|Street|Avenue|Lane|Close|Drive|Crescent|Grove|Gardens|Terrace|Mews)\b"
)


def addresses(text: str) -> list[Span]:
    spans = [("ADDRESS", m.start(), m.end()) for m in _ADDRESS.finditer(text)]
    spans += [("ADDRESS", m.start(), m.end()) for m in _NAMED_STREET.finditer(text)]
    return spans


_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|"
    r"stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|wrzesnia|października|"
    r"pazdziernika|listopada|grudnia|"
    r"ianuarie|februarie|martie|aprilie|mai|iunie|iulie|august|septembrie|octombrie|noiembrie|decembrie|"
    r"janeiro|fevereiro|março|marco|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro|"
    r"січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_DATE = (
    rf"(?:\d{{1,2}}[/.\-]\d{{1,2}}[/.\-]\d{{2,4}}|\d{{4}}-\d{{2}}-\d{{2}}"
    rf"|{_DAY}\s+(?:of\s+|de\s+)?(?:{_MONTHS})\.?(?:,?\s+(?:de\s+)?\d{{4}}(?:\s*р\.?)?)?"
    rf"|(?:{_MONTHS})\.?\s+{_DAY}(?:,?\s+\d{{4}})?)"
)
_DOB_CUE = (
    r"date\s+of\s+birth|d\.?o\.?b\.?|birth\s*date|birthday|born(?:\s+on)?|data\s+urodzenia|urodzon[aey]|"
    r"urodził[aoy]?\s+się|data\s+na[sș]terii|n[aă]scut[ăa]?|data\s+de\s+nascimento|nasceu|nascid[oa]|"
    r"дата\s+народження|народил[аи]?ся|народився|تاریخ\s+پیدائش|تاريخ\s+الميلاد|تاریخ\s+تولد|"
    r"জন্ম\s+তারিখ|ਜਨਮ\s+ਮਿਤੀ|જન્મ\s+તારીખ|taariikhda\s+dhalashada|ዕለተ\s+ልደት"
)
_DOB = re.compile(
    rf"(?:{_DOB_CUE})[\s:,\-–]*(?:(?:is|was|on|the|em|pe|w|dnia|no\s+dia|de)\s+)*(?P<date>{_DATE})(?!\d)",
    re.IGNORECASE,
)


def dates_of_birth(text: str) -> list[Span]:
    """Only the date is redacted: "born on [DATE OF BIRTH]" still tells staff whose birthday it was."""
    return [("DATE OF BIRTH", m.start("date"), m.end("date")) for m in _DOB.finditer(text)]


def structured(text: str) -> list[Span]:
    found = emails(text) + nhs_numbers(text) + phones(text) + dates_of_birth(text)
    return found + addresses(text) + postcodes(text)
