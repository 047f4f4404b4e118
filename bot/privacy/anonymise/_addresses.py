"""Where she lives: street addresses, estates and postcodes (where she lay is ``_rooms``).

A district goes whenever she gives it as where she is: written with a street, with its sector digit
("ME7 5"), as her postcode ("my postcode is LU4"), or alone where she says she lives there, comes from
there or is near it ("we live in LS9", "im from b10", "in E17 area": ``_districts``; the lead's decision
of round 18, as a district and a story are often enough to know her in a small service).  A code with
no such word keeps its other meaning ("vitamin b12", "the M6", "A1 road", "CO2").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.privacy.anonymise._districts import districts_she_lives_in
from bot.privacy.anonymise._windows import Caseless, alternation, mentions, near_digits

Span = tuple[str, int, int]

# Full postcodes.  The inward code never uses C, I, K, M, O or V, which also keeps "x2 3cm" out.
_OUTWARD = r"[A-PR-UWYZa-pr-uwyz][A-HK-Ya-hk-y]?\d[A-Za-z\d]?"
_POSTCODE = re.compile(
    rf"(?<![A-Za-z0-9])(?:{_OUTWARD})\s?\d[ABD-HJLNP-UW-Zabd-hjlnp-uw-z]{{2}}(?![A-Za-z0-9])"
)
# In capitals any letters will do: she may mistype one, and a made-up example may use any ("B12 9QC").
_POSTCODE_CAPS = re.compile(r"(?<![A-Za-z0-9])[A-Z]{1,2}\d[A-Z\d]?\s?\d(?![AP]M)[A-Z]{2}(?![A-Za-z0-9])")
# A sector ("ME7 5", "E1 8"), or a postcode she cut short ("B12 9Q"): capitals only, so "me 2 days" and
# "x2 3" stay.
_SECTOR = re.compile(
    r"(?<![A-Za-z0-9])[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]? \d(?:[ABD-HJLNP-UW-Z](?![A-Za-z0-9]))?"
    r"(?![A-Za-z0-9:.,]\d|[A-Za-z0-9])"
)
# A district she gives as her postcode, in any of her languages ("my postcode is LU4", "kod pocztowy
# E17", "پوسٹ کوڈ BD3"): where she hands it over as hers, it goes like the full one would.
_POSTCODE_LABEL = (
    r"post\s?code|postal\s+code|zip\s+code|kod\s+pocztowy|cod(?:ul)?\s+po[sșş]tal|c[oó]digo\s+postal|"
    r"поштовий\s+індекс|індекс|посткод|پوسٹ\s?کوڈ|پوسټ\s?کوډ|پست\s?کد|کد\s+پستی|کود\s+پستی|"
    r"الرمز\s+البريدي|رمز\s+بريدي|পোস্ট\s?কোড|ਪੋਸਟ\s?ਕੋਡ|પોસ્ટ\s?કોડ|koodhka\s+boostada|boostada|ፖስት\s?ኮድ"
)
_LABELLED_DISTRICT = re.compile(
    rf"(?:{_POSTCODE_LABEL})\s*(?:is|was|:|-|e|é|to|este|це|هو|ہے|ده|است|হলো|ਹੈ|છે|waa|እዩ)?\s*(?:is\s+)?"
    rf"(?P<code>{_OUTWARD})(?![A-Za-z0-9])",
    re.IGNORECASE,
)
_DISTRICT = re.compile(rf"[\s,،]*(?P<code>(?:{_OUTWARD})(?:\s\d(?![\w]))?)(?![A-Za-z0-9])")


# A house number and up to four words straight before a postcode are her street when no street pattern
# knew it, in any script and whatever the street is called: "27 Rochester Mount ME7 4QT".
_BEFORE_POSTCODE = re.compile(
    r"(?:(?:flat|apartment|apt|unit|فلیٹ|فليت|شقة|ফ্ল্যাট|ਫਲੈਟ|ફ્લેટ|флет|квартира)\s*\d+[a-z]?\s*[,،]?\s*)?"
    r"(?<!\w)\d{1,4}[a-z]?\s*[,،]?\s+(?:[^\s\d,،.]+\s+){0,3}[^\s\d,،.]+\s*[,،]?\s*$",
    re.IGNORECASE,
)


def postcodes(text: str, streets: list[Span]) -> list[Span]:
    """Full postcodes, sectors, a district written straight after one of ``streets`` or given as her
    postcode or her home; the street written straight before a full postcode or a sector goes as an
    address."""
    # Every postcode and sector starts at most four characters before a digit and ends at most four
    # past one: only those stretches are read.
    spans = [("POSTCODE", m.start(), m.end()) for m in near_digits(_POSTCODE, text, 4, 4)]
    spans += [("POSTCODE", m.start(), m.end()) for m in near_digits(_POSTCODE_CAPS, text, 4, 4)]
    spans += [("POSTCODE", m.start(), m.end()) for m in near_digits(_SECTOR, text, 4, 4)]
    for _, start, _ in list(spans):
        if any(start - 80 <= end <= start for _, _, end in streets):
            continue  # the street is known, and what stands after it is her town, which stays
        before = _BEFORE_POSTCODE.search(text, max(0, start - 80), start)
        if before:
            spans.append(("ADDRESS", before.start(), before.end()))
    spans += [
        ("POSTCODE", m.start("code"), m.end("code")) for m in near_digits(_LABELLED_DISTRICT, text, 40, 4)
    ]
    for _, _, end in streets:
        m = _DISTRICT.match(text, end)
        if m and any(c.isdigit() for c in m.group("code")):
            spans.append(("POSTCODE", m.start("code"), m.end("code")))
    return spans + districts_she_lives_in(text)


_STREET = (
    r"road|rd|street|st|avenue|ave|lane|ln|close|drive|way|crescent|cres|grove|place|gardens|gdns|terrace|"
    r"court|ct|hill|park|row|mews|square|walk|rise|view|green|parade|broadway|estate|gate|yard|wharf|quay|"
    r"vale|chase|fields|meadows?|approach|boulevard|blvd|heights|cl|dr|pl|sq|ter|cresc|mount|croft|fold|bank|"
    r"brow|garth|dale|mead|nook|paddock|spinney|orchard|villas|cottages|buildings|circus|causeway|ridge|side|"
    r"top|end|wood|glade|dell|lea|leys|hey|link|circle|pastures|embankment|market|passage|alley|wynd|loke"
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
    rf"\b(?:{_FLAT}\s*\d+[a-z]?\s*[,،]?\s*)?(?:\d{{1,4}}[a-z]?\s*[\-–/&]\s*)?\d{{1,4}}[a-z]?,?\s+"
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
    "এভিনিউ", "ক্লোজ", "ড্রাইভ", "ওয়ে", "কোর্ট", "গার্ডেন", "গার্ডেনস", "স্ট্রীট", "ਐਵੇਨਿਊ", "ਕਲੋਜ਼",
    "ਡਰਾਈਵ", "ਵੇ",
    "ਕੋਰਟ", "ਗਾਰਡਨ", "ਗਾਰਡਨਜ਼", "એવન્યુ", "ક્લોઝ", "ડ્રાઇવ", "વે", "કોર્ટ", "ગાર્ડન", "ગાર્ડન્સ", "авеню",
    "клоуз",
    "драйв", "вей", "корт", "гарденс", "вулиця", "вул", "ጎደና", "ጎዳና", "ኣቨኑ", "گلی", "গলি", "সড়ক", "ਗਲੀ",
    "ગલી",
)  # fmt: skip
_NATIVE_ADDRESS = Caseless(
    r"(?:(?:فلیٹ|فليت|شقة|ফ্ল্যাট|ਫਲੈਟ|ફ્લેટ|флет|квартира)\s*\d+\s*[،,]?\s*)?\d{1,4}\s+(?:\S+\s+){1,2}"
    rf"(?:{'|'.join(_NATIVE_STREETS)})"
)
# Her street written first and its number after, as in Polish, Romanian, Portuguese and Ukrainian:
# "ul. Długa 5", "strada Florilor nr. 12", "Rua Augusta 14", "вул. Шевченка 5", "Waddada Coral 17".
_STREET_FIRST_WORDS = (
    r"ul\.", "ulica", "ulicy", "ulicę", r"str\.", "strada", "rua", "avenida", r"av\.", "travessa",
    r"вул\.", "вулиця", "вулиці", "вулицю", "waddada", "waddo", "jidka", "شارع", "کوچه", "کوچهٔ", "خیابان",
    "ጎደና", "ጎዳና", "መንገዲ",
)  # fmt: skip
_NUMBER_AFTER = (
    r"(?:\s*,\s*|\s+)(?:(?:nr\.?|no\.?|number|n[º°]|№|número|numărul|numer|номер)\s*)?\d{1,4}[a-z]?(?!\d)"
    r"(?!\s*(?:x|times?|days?|weeks?|hours?|hrs?|mins?|minutes?|months?|years?|am|pm|:\d)\b)"
)
_STREET_FIRST = Caseless(
    rf"{alternation((_STREET_FIRST_WORDS, True))}\s*(?:[^\s\d,،.;:!?]+\s+){{0,2}}[^\s\d,،.;:!?]+"
    rf"{_NUMBER_AFTER}"
)
# Or the number first, then the street word and its name, as Arabic has it: "12 شارع ستيشن".
_NUMBER_STREET_FIRST = Caseless(
    rf"\d(?<!\d\d)\d{{0,3}}[a-z]?\s*,?\s*{alternation((_STREET_FIRST_WORDS, True))}\s*[^\s\d,،.;:!?]+"
)
# The same number written straight after any street she named ("Chapel Street 12", "Грін-лейн 14").
_NUMBER_AFTER_STREET = re.compile(_NUMBER_AFTER, re.IGNORECASE)
_NATIVE_STREET_FIRST = Caseless(
    rf"(?:[^\s\d,،.]+[\s\-])?(?:{'|'.join(_NATIVE_STREETS)})(?!\w){_NUMBER_AFTER}"
)

# Her flat number on its own, in any of her languages: "flat 5", "mieszkanie 12", "ফ্ল্যাট ৩".
_FLAT_WORDS = (
    "flat", "apartment", "apt", "mieszkani[ea]", "apartament(?:ul)?", "apartamento", "fulaat", "فلیٹ", "فليت",
    "شقة", "ফ্ল্যাট", "ਫਲੈਟ", "ફ્લેટ", "флет", "квартира", "квартирі", "ፍላት", "فلیټ", "آپارتمان", "اپارتمان",
)  # fmt: skip
_FLAT_ALONE = Caseless(
    rf"{alternation((_FLAT_WORDS, True))}\s*(?:no\.?|nr\.?|number|n[º°]|№|نمبر|رقم)?\s*\d+[a-z]?(?!\w)"
)
_FLAT_STEMS = ("flat", "apart", "apt", "mieszk", "fulaat", "فلیٹ", "فليت", "شقة", "ফ্ল্যাট", "ਫਲੈਟ", "ફ્લેટ",
               "флет", "квартир", "ፍላት", "فلیټ", "پارتمان")  # fmt: skip


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
    "meadow", "approach", "boulevard", "blvd", "heights", "cl", "dr", "pl", "sq", "ter", "mount", "croft",
    "fold", "bank", "brow", "garth", "dale", "mead", "nook", "paddock", "spinney", "orchard", "villas",
    "cottages", "buildings", "circus", "causeway", "ridge", "side", "top", "end", "wood", "glade", "dell",
    "lea",
    "leys", "hey", "link", "circle", "pastures", "embankment", "market", "passage", "alley", "wynd", "loke",
)  # fmt: skip
_STREET_FIRST_STEMS = (
    "ul", "str", "rua", "av", "trav", "вул", "wadd", "jidka", "شارع", "کوچه", "خیابان", "ጎደና", "ጎዳና", "መንገዲ",
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
    if mentions(text, _STREET_FIRST_STEMS):
        found.append(_STREET_FIRST.near_digits(text, 60, 3, _STREET_FIRST_STEMS))
        found.append(_NUMBER_STREET_FIRST.near_digits(text, 2, 60, _STREET_FIRST_STEMS))
    if mentions(text, _NATIVE_STREETS):
        found.append(_NATIVE_STREET_FIRST.near_digits(text, 30, 3))
    spans += [("ADDRESS", m.start(), m.end()) for matches in found for m in matches]
    # A number written straight after a street she named is its house number.
    for _, start, end in list(spans):
        after = _NUMBER_AFTER_STREET.match(text, end)
        if after:
            spans.append(("ADDRESS", start, after.end()))
    if mentions(text, ("liv", "stay", "moved", "address")):
        spans += [("ADDRESS", m.start("street"), m.end("street")) for m in _LIVES_ON.finditer(text)]
    return spans
