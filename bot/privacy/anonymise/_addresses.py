"""Where she lives and where she lay: street addresses, estates, postcodes, and bed or room numbers.

A district alone ("ME7", "E17") is kept: it tells the service who it heard from.  A district written
with a street, or with its sector digit ("ME7 5"), narrows her down to a few streets, so it goes.  A bed
or room number is redacted as ``ADDRESS`` (the contract has no placeholder of its own for it): with the
night and the ward, "bed 14" names her to anyone on that ward.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.privacy.anonymise._windows import Caseless, alternation, casefolded, mentions, near_digits

Span = tuple[str, int, int]

# Full postcodes.  The inward code never uses C, I, K, M, O or V, which also keeps "x2 3cm" out.
_OUTWARD = r"[A-PR-UWYZa-pr-uwyz][A-HK-Ya-hk-y]?\d[A-Za-z\d]?"
_POSTCODE = re.compile(
    rf"(?<![A-Za-z0-9])(?:{_OUTWARD})\s?\d[ABD-HJLNP-UW-Zabd-hjlnp-uw-z]{{2}}(?![A-Za-z0-9])"
)
# A sector ("ME7 5", "E1 8"): capitals only, so "me 2 days" and "x2 3" stay.
_SECTOR = re.compile(r"(?<![A-Za-z0-9])[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]? \d(?![A-Za-z0-9:.,]\d|[A-Za-z0-9])")
_DISTRICT = re.compile(rf"[\s,،]*(?P<code>(?:{_OUTWARD})(?:\s\d(?![\w]))?)(?![A-Za-z0-9])")


# A house number and up to four words straight before a postcode are her street when no street pattern
# knew it, in any script and whatever the street is called: "27 Rochester Mount ME7 4QT".
_BEFORE_POSTCODE = re.compile(
    r"(?:(?:flat|apartment|apt|unit|فلیٹ|فليت|شقة|ফ্ল্যাট|ਫਲੈਟ|ફ્લેટ|флет|квартира)\s*\d+[a-z]?\s*[,،]?\s*)?"
    r"(?<!\w)\d{1,4}[a-z]?\s*[,،]?\s+(?:[^\s\d,،.]+\s+){0,3}[^\s\d,،.]+\s*[,،]?\s*$",
    re.IGNORECASE,
)


def postcodes(text: str, streets: list[Span]) -> list[Span]:
    """Full postcodes, sectors, and a district written straight after one of ``streets``; the street
    written straight before a full postcode or a sector goes as an address."""
    # Every postcode and sector starts at most four characters before a digit and ends at most four
    # past one: only those stretches are read.
    spans = [("POSTCODE", m.start(), m.end()) for m in near_digits(_POSTCODE, text, 4, 4)]
    spans += [("POSTCODE", m.start(), m.end()) for m in near_digits(_SECTOR, text, 4, 4)]
    for _, start, _ in list(spans):
        if any(start - 80 <= end <= start for _, _, end in streets):
            continue  # the street is known, and what stands after it is her town, which stays
        before = _BEFORE_POSTCODE.search(text, max(0, start - 80), start)
        if before:
            spans.append(("ADDRESS", before.start(), before.end()))
    for _, _, end in streets:
        m = _DISTRICT.match(text, end)
        if m and any(c.isdigit() for c in m.group("code")):
            spans.append(("POSTCODE", m.start("code"), m.end("code")))
    return spans


_STREET = (
    r"road|rd|street|st|avenue|ave|lane|ln|close|drive|way|crescent|cres|grove|place|gardens|gdns|terrace|"
    r"court|ct|hill|park|row|mews|square|walk|rise|view|green|parade|broadway|estate|gate|yard|wharf|quay|"
    r"vale|chase|fields|meadows?|approach|boulevard|blvd|heights|cl|dr|pl|sq|ter|cresc"
)
# Words that cannot be part of a street name: without them "10 minutes all the way" would be an address.
_NOT_STREET = (
    r"the|a|an|all|of|in|on|at|to|my|her|his|our|was|is|and|or|but|for|by|with|minutes?|mins?|hours?|hrs?|"
    r"days?|weeks?|months?|years?|times?|cm|kg|lbs?|am|pm|more|other|whole|long|half|way|me|we|it|that|"
    r"this|then|just|so|very|too|from|into"
)
_STREET_WORD = rf"(?!(?:{_NOT_STREET})\b)[A-Za-z][A-Za-z'’\-]*"
_FLAT = r"(?:flat|apartment|apt|unit|house|room|فلیٹ|فليت|квартира|mieszkanie|apartamentul?)"
_ADDRESS = Caseless(
    rf"\b(?:{_FLAT}\s*\d+[a-z]?\s*[,،]?\s*)?\d{{1,4}}[a-z]?,?\s+"
    rf"(?:{_STREET_WORD}\s+){{1,3}}(?:{_STREET})\b"
)
_BLOCK_WORDS = ("flat", "apartment", "apt", "unit")
# A flat in a named block: "Flat 14 Jubilee House, Sturdee Avenue", "flat 11 Priory Court".
_BLOCK = Caseless(
    rf"{alternation((_BLOCK_WORDS, True))}\s*\d+[a-z]?,?\s+(?:[a-z][a-z'’\-]+\s+){{1,3}}"
    r"(?:house|court|lodge|point|tower|mansions|building|heights|place)\b"
    r"(?:,?\s+(?:[a-z][a-z'’\-]+\s+){1,2}(?:road|street|avenue|lane|close|drive|way|crescent|grove))?"
)
# Without a house number only a capitalised name and an unmistakable suffix will do ("Station Road").
_NAMED_STREET = re.compile(
    r"[A-Z](?<!\w[A-Z])[a-z'’\-]+\s+(?:[A-Z][a-z'’\-]+\s+)?"
    r"(?:Road|Street|Avenue|Lane|Close|Drive|Crescent|Grove|Gardens|Terrace|Mews)\b"
)
_ESTATE = re.compile(r"[A-Z](?<!\w[A-Z])[a-z'’\-]+\s+(?:[A-Z][a-z'’\-]+\s+)?[Ee]state\b")
# Her flat and street in Urdu, Arabic or Persian script: "فلیٹ 2، 18 ونڈسر روڈ".
# An English street name written in her script: "18 ونڈسر روڈ", "২২ ক্যাবল স্ট্রিট", "71 Уотлінг Стріт".
_NATIVE_STREETS = (
    "روڈ", "رود", "روډ", "سٹریٹ", "اسٹریٹ", "ستريت", "سټریټ", "شارع", "لین", "লেন", "রোড", "স্ট্রিট",
    "ਰੋਡ", "ਸਟਰੀਟ", "ਸਟ੍ਰੀਟ", "ਲੇਨ", "રોડ", "સ્ટ્રીટ", "લેન", "роуд", "стріт", "лейн", "ሮድ", "ስትሪት",
    # Avenue, close, drive, way, court, gardens, crescent, terrace and the like, as she spells them.
    "ایونیو", "کلوز", "ڈرائیو", "وے", "کورٹ", "گارڈنز", "ٹیرس", "سڑک", "سړک", "سرک", "خیابان", "کوچه", "طريق",
    "এভিনিউ", "ক্লোজ", "ড্রাইভ", "ওয়ে", "কোর্ট", "গার্ডেন", "গার্ডেনস", "স্ট্রীট", "ਐਵੇਨਿਊ", "ਕਲੋਜ਼", "ਡਰਾਈਵ", "ਵੇ",
    "ਕੋਰਟ", "ਗਾਰਡਨ", "ਗਾਰਡਨਜ਼", "એવન્યુ", "ક્લોઝ", "ડ્રાઇવ", "વે", "કોર્ટ", "ગાર્ડન", "ગાર્ડન્સ", "авеню", "клоуз",
    "драйв", "вей", "корт", "гарденс", "вулиця", "вул", "ጎደና", "ጎዳና", "ኣቨኑ",
)  # fmt: skip
_NATIVE_ADDRESS = Caseless(
    r"(?:(?:فلیٹ|فليت|شقة|ফ্ল্যাট|ਫਲੈਟ|ફ્લેટ|флет|квартира)\s*\d+\s*[،,]?\s*)?\d{1,4}\s+(?:\S+\s+){1,2}"
    rf"(?:{'|'.join(_NATIVE_STREETS)})"
)
# Her flat number on its own, in any of her languages: "flat 5", "mieszkanie 12", "ফ্ল্যাট ৩".
_FLAT_WORDS = (
    "flat", "apartment", "apt", "mieszkani[ea]", "apartament(?:ul)?", "apartamento", "fulaat", "فلیٹ", "فليت",
    "شقة", "ফ্ল্যাট", "ਫਲੈਟ", "ફ્લેટ", "флет", "квартира", "квартирі", "ፍላት",
)  # fmt: skip
_FLAT_ALONE = Caseless(
    rf"{alternation((_FLAT_WORDS, True))}\s*(?:no\.?|nr\.?|number|n[º°]|№|نمبر|رقم)?\s*\d+[a-z]?(?!\w)"
)
_FLAT_STEMS = ("flat", "apart", "apt", "mieszk", "fulaat", "فلیٹ", "فليت", "شقة", "ফ্ল্যাট", "ਫਲੈਟ", "ફ્લેટ",
               "флет", "квартир", "ፍላት")  # fmt: skip


# Her street without a number, in lowercase, where she says she lives: "we live on jubilee road".
_LIVING = ("live", "lives", "living", "stay", "staying", r"moved\s+to", r"address\s+is")
_LIVES_ON = Caseless(
    rf"{alternation((_LIVING, True))}\s+(?:on|at|in)?\s*(?:the\s+)?"
    r"(?P<street>(?:[a-z][a-z'’\-]+\s+){1,2}(?:road|street|avenue|lane|close|drive|crescent|grove|gardens|"
    r"terrace|mews|way|estate))\b"
)


# Each pattern with the words it cannot match without: a quick look saves a slow scan.
_STREET_WORDS = (
    "road", "rd", "st", "ave", "lane", "ln", "close", "drive", "way", "cres", "grove", "place", "gardens",
    "gdns", "terrace", "court", "ct", "hill", "park", "row", "mews", "square", "walk", "rise", "view",
    "green", "parade", "broadway", "estate", "gate", "yard", "wharf", "quay", "vale", "chase", "field",
    "meadow", "approach", "boulevard", "blvd", "heights", "cl", "dr", "pl", "sq", "ter",
)  # fmt: skip
_NAMED_STREET_WORDS = (
    "road", "street", "avenue", "lane", "close", "drive", "crescent", "grove", "gardens", "terrace", "mews",
)  # fmt: skip


def addresses(text: str) -> list[Span]:
    spans: list[Span] = []
    # A house number is where a numbered address is: those are read only around the digits.
    found: list[Iterator[re.Match[str]]] = []
    if mentions(text, _STREET_WORDS):
        found.append(_ADDRESS.near_digits(text, 30, 80))
    if mentions(text, _BLOCK_WORDS):
        found.append(_BLOCK.near_digits(text, 30, 80, _BLOCK_WORDS))
    if mentions(text, _NAMED_STREET_WORDS):
        found.append(_NAMED_STREET.finditer(text))
    if mentions(text, ("estate",)):
        found.append(_ESTATE.finditer(text))
    if mentions(text, _NATIVE_STREETS):
        found.append(_NATIVE_ADDRESS.near_digits(text, 30, 80))
    if mentions(text, _FLAT_STEMS):
        found.append(_FLAT_ALONE.near_digits(text, 40, 3, _FLAT_STEMS))
    spans += [("ADDRESS", m.start(), m.end()) for matches in found for m in matches]
    if mentions(text, ("liv", "stay", "moved", "address")):
        spans += [("ADDRESS", m.start("street"), m.end("street")) for m in _LIVES_ON.finditer(text)]
    return spans


# Bed, room and bay numbers in each language; a ward number is kept (it names no one).
_ROOM_WORDS = (
    r"side\s+room", "room", "bed", "cubicle", r"bay\s+\d+\s+bed", "sala", "sali", "łóżko", "łóżku", "patul",
    "pat", "salonul", "camera", "quarto", "cama", "leito", "ліжко", "ліжку", "палата", "палаті", "بستر",
    "تخت", "اتاق", "کمرہ", "کمرے", "بیڈ", "বেড", "বেডে", "ਬੈੱਡ", "ਬੈਡ", "બેડ", "sariirta", "sariir", "qolka",
    "ዓራት", "ክፍሊ", "ክፍል",
)  # fmt: skip
# Arabic joins "in" and "the" to the word ("بالسرير"): the bed is taken, the prefix left.
_ROOM_WORD = alternation((_ROOM_WORDS, True), (("السرير", "سرير", "الغرفة", "غرفة"), False))
_ROOM_NUMBER = r"(?:\s*(?:no\.?|nr\.?|number|nº|n\.?º|№|رقم|نمبر|নং|નં\.?|ਨੰ\.?|ቁ\.?))?\s*\d+[A-Za-z]?"
_ROOM = Caseless(rf"(?:{_ROOM_WORD}){_ROOM_NUMBER}(?!\d)")
# A bay alone is only hers when she says she was in it.
_BAY = re.compile(
    r"(?:\b(?:i\s+was|i'm|im|i\s+am|we\s+were|me)\s+(?:in|on)\s+)(?P<bay>bay\s*\d+)", re.IGNORECASE
)


_ROOM_STEMS = (
    "room", "bed", "cubicle", "sal", "łóżk", "pat", "camera", "quarto", "cama", "leito", "ліжк", "палат",
    "سرير", "غرفة", "بستر", "تخت", "اتاق", "کمر", "بیڈ", "বেড", "ਬੈ", "બેડ", "sariir", "qolka", "ዓራት", "ክፍ",
)  # fmt: skip


def rooms(text: str) -> list[Span]:
    if not mentions(text, _ROOM_STEMS):
        return []
    spans = [("ADDRESS", m.start(), m.end()) for m in _ROOM.near_digits(text, 30, 5, _ROOM_STEMS)]
    if "bay" in casefolded(text):
        spans += [("ADDRESS", m.start("bay"), m.end("bay")) for m in _BAY.finditer(text)]
    return spans
