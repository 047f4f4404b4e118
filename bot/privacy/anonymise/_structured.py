"""Identifiers with a shape: phones, NHS and hospital numbers, handles, dates of birth.

Each returns ``(type, start, end)`` spans over the original text; overlaps are settled by the caller.
Digits are matched with ``\\d``, which in Python covers every script's digits (Bengali ৯, Persian ۳,
Gujarati ૮), because she writes numbers in her own script as often as in ours.  The rule for all of
them: no digit of an identifier may reach staff, so when in doubt a long number goes.
"""

from __future__ import annotations

import re
import unicodedata

import phonenumbers

from bot.privacy.anonymise._addresses import addresses, postcodes
from bot.privacy.anonymise._digits import number_shapes
from bot.privacy.anonymise._emails import emails
from bot.privacy.anonymise._months import MONTHS
from bot.privacy.anonymise._rooms import rooms
from bot.privacy.anonymise._windows import Caseless, mentions

Span = tuple[str, int, int]

# Patterns here open with the character a match starts with and look behind it afterwards: a pattern
# that opens with a look-behind makes ``re`` try every position of the story, not only its digits.
_NHS = re.compile(r"(\d(?<!\w\d)\d\d)[ \-]?(\d{3})[ \-]?(\d{4})(?![\d\w])")
# Any mention of "NHS" shortly before the digits counts as a label: "NHS no", "NHS number is", "nhs#",
# "numer NHS", whatever language the rest of the sentence is in.
_NHS_LABEL = re.compile(r"nhs|এনএইচএস|این ایچ ایس|ਐਨਐਚਐਸ|એનએચએસ|ان ایچ ایس", re.IGNORECASE)


def ascii_digits(text: str) -> str:
    """The same string with every script's digits as 0-9, so prefix and checksum tests read them."""
    return "".join(str(unicodedata.digit(c)) if c.isdigit() and not c.isascii() else c for c in text)


def nhs_checksum_ok(digits: str) -> bool:
    digits = ascii_digits(digits)
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return check != 10 and check == int(digits[9])


def nhs_numbers(text: str) -> list[Span]:
    spans: list[Span] = []
    for m in _NHS.finditer(text):
        digits = "".join(m.groups())
        labelled = bool(_NHS_LABEL.search(text[max(0, m.start() - 40) : m.start()]))
        if labelled or nhs_checksum_ok(digits):
            spans.append(("NHS NUMBER", m.start(), m.end()))
    return spans


_PHONE_CANDIDATE = re.compile(r"[+(\d](?:(?<=[+(])\d|(?<=\d))[\d \-().]{7,}\d")


def phones(text: str) -> list[Span]:
    """Any country's format: ``phonenumbers`` with GB as the home region reads +CC and 00CC numbers
    from anywhere, and UK ones written without it.  POSSIBLE leniency so Ofcom's drama numbers count
    too; the prefix and length checks keep it from matching blood pressures and weights."""
    spans: list[Span] = []
    # The matcher is the slowest step, so it only reads the stretches that could hold a number.
    for candidate in _PHONE_CANDIDATE.finditer(text):
        begin = max(0, candidate.start() - 1)
        plain = ascii_digits(text[begin : candidate.end() + 1])  # same length: offsets still hold
        for m in phonenumbers.PhoneNumberMatcher(plain, "GB", leniency=phonenumbers.Leniency.POSSIBLE):
            raw = m.raw_string.lstrip("(")
            if raw.startswith(("0", "+")) and sum(c.isdigit() for c in raw) >= 9:
                spans.append(("PHONE", begin + m.start, begin + m.end))
    return spans


# Hospital numbers: letters and digits together, taken whole ("RN 7788 123", "RVJ 889 1204", "SWB-228813",
# in any script's digits: "NUH-٣٣٠٩١٢").
_HOSPITAL_LABEL = (
    r"hospital\s*(?:number|no\.?|num|#)|hosp\s*(?:number|no\.?|num|#)|mrn|unit\s*number|"
    r"número\s+do\s+hospital|numero\s+do\s+hospital|numer\s+szpitalny|nr\s+szpitalny|"
    r"num[aă]r(?:ul)?\s+(?:de\s+)?spital|номер\s+лікарні|лікарняний\s+номер|رقم\s+المستشفى|"
    r"ہسپتال\s+نمبر|হাসপাতাল\s+(?:নম্বর|নাম্বার|নং)|ਹਸਪਤਾਲ\s+ਨੰਬਰ|હોસ્પિટલ\s+નંબર|روغتون\s+(?:نمبر|شمېره)|"
    r"شماره\s+شفاخانه|lambarka\s+isbitaalka|[ቁቍ]ጽሪ\s+ሆስፒታል"
)
_ID_CHUNK = r"[A-Za-z]{0,4}\d[\dA-Za-z]*"
_HOSPITAL = Caseless(
    rf"(?:{_HOSPITAL_LABEL})\s*(?:is|was|:|-|e|é|це|هو|ہے)?\s*(?P<id>[A-Za-z]{{0,4}}[\s\-]?\d[\dA-Za-z]*"
    rf"(?:[ \-]\d[\dA-Za-z]*)*)"
)
# Unlabelled: one to four capitals then digit groups of at least five digits in all, however she
# groups them ("RN4567890", "K1234567", "RVJ 889 1204", "NMH 6603 118", "QEH-556677"), the capitals
# perhaps with one digit of their own ("RX4 123456").
_HOSPITAL_SHAPE = re.compile(
    r"[A-Z](?<![\w@.][A-Z])(?<!(?=MRN|NHS|DOB).)[A-Z]{0,3}(?:\d(?=[ \-]\d))?[ \-]?\d{2,}(?:[ \-]\d{2,}){0,3}"
    r"(?![\w@])"
)
_HOSPITAL_DIGITS = 5


_HOSPITAL_STEMS = (
    "hosp", "mrn", "unit", "número", "numero", "numer", "nr", "num", "номер", "лікарн", "رقم", "ہسپتال",
    "হাসপাতাল", "ਹਸਪਤਾਲ", "હોસ્પિટલ", "روغتون", "شفاخانه", "lambarka", "ቁጽሪ", "ቍጽሪ",
)  # fmt: skip


def hospital_numbers(text: str) -> list[Span]:
    spans: list[Span] = []
    if mentions(text, _HOSPITAL_STEMS):
        found = _HOSPITAL.near_digits(text, 40, 20, _HOSPITAL_STEMS)
        spans += [("HOSPITAL NUMBER", m.start("id"), m.end("id")) for m in found]
    for m in _HOSPITAL_SHAPE.finditer(text):
        if sum(c.isdigit() for c in m.group()) >= _HOSPITAL_DIGITS:
            spans.append(("HOSPITAL NUMBER", m.start(), m.end()))
    return spans


# Handles: "@name", and after a platform, a name with dots or underscores or her display name.
_AT_HANDLE = re.compile(r"@(?<![\w.+-]@)[\w.]*\w")
# The platform as she names it, in Latin letters or her script, "my" or a case ending fused on
# ("instagramkayga", "ኢንስታግራመይ", "інстаграмі").
_PLATFORM = Caseless(
    r"(?:(?:i(?<!\w.)(?:nsta(?:gram)?|g)|t(?<!\w.)(?:iktok|ik\s+tok|witter|hreads|elegram)|s(?<!\w.)nap(?:chat)?|"
    r"f(?<!\w.)(?:b|acebook)|y(?<!\w.)(?:outube|t))(?:ka(?:y|a)g[au]|ga|ul|ie|em)?\b"
    r"|(?:інста(?:грам)?|телеграм|фейсбук|тікток|тик\s?ток|"
    r"انستا|انستغرام|انستقرام|انسٹا|انسٹاگرام|اینستا|اینستاگرام|انسټاګرام|انسټا|فيسبوك|فيس\s?بوك|فیس\s?بک|"
    r"فیسبوک|تيك\s?توك|ٹک\s?ٹاک|تیک\s?تاک|سناب|تلگرام|تيليجرام|ইনস্টা(?:গ্রাম)?|ফেসবুক|টিকটক|"
    r"ઇન્સ્ટા(?:ગ્રામ)?|ફેસબુક|ਇੰਸਟਾ(?:ਗ੍ਰਾਮ)?|ਫੇਸਬੁੱਕ|ኢንስታ(?:ግራም)?|ፌስቡክ|ቲክቶክ)\w*)(?:-\w+)?"
)
# After a platform and a few words or a colon ("fb is", "snap: ", "na fb jestem jako"): a name with
# dots, underscores or digits in it, or her display name in capitals ("Amina Warsame Mum", "Kasia Nowak
# 88").
_AFTER_PLATFORM = re.compile(
    r"\s*[:=\-–]?(?:\s+[^\s@]+){0,3}?\s*[:=\-–]?\s+@?\s?(?P<handle>[\w][\w.]*[._\d][\w.]*\w"
    r"|[^\W\d_a-z][\w'’\-]+(?:\s+[^\W\d_a-z][\w'’\-]+){1,3}(?:\s+\d+(?!\w))?)"
)
_NOT_A_HANDLE = frozenset("my the i and but then so it we he she they this that".split())
_HANDLE_SHAPE = re.compile(r"(?<![\w@.])[A-Za-z][A-Za-z0-9]*(?:[._][A-Za-z0-9]+)*_[A-Za-z0-9_.]*[A-Za-z0-9]")
# Her profile's address: a platform's domain and the path after it, taken whole ("facebook.com/amina.w.85",
# "tiktok.com/@elif", "t.me/olena_k", "wa.me/447700900123").
_PROFILE_URL = Caseless(
    r"(?:(?:h(?<![\w/]h)ttps?://)?(?:www\.|m\.|vm\.)?)?(?:facebook|fb|instagram|instagr\.am|tiktok|twitter|x|"
    r"threads|snapchat|youtube|youtu|linkedin|t|wa|telegram)\.(?:com|net|me|be|am)/[^\s,;!)\]}>]*[^\s,;!?.)\]}>]"
)

# Every profile link holds one of these: the link pattern, slow to try at every position, is tried only
# in a story that does.
_URL_STEMS = (".com/", ".me/", ".net/", ".be/", ".am/")
_PLATFORM_STEMS = (
    "insta", "ig", "tik", "snap", "fb", "facebook", "twitter", "threads", "telegram", " yt", "youtube",
    "інста", "телеграм", "фейсбук", "тікток", "тик", "انست", "انسٹ", "اینست", "انسټ", "فيس", "فیس", "تيك",
    "ٹک", "تیک", "سناب", "تلگرام", "تيليجرام", "ইনস্টা", "ফেসবুক", "টিকটক", "ઇન્સ્ટા", "ફેસબુક", "ਇੰਸਟਾ", "ਫੇਸਬੁੱਕ",
    "ኢንስታ", "ፌስቡክ", "ቲክቶክ", *_URL_STEMS,
)  # fmt: skip


def _is_handle(found: str) -> bool:
    """A display name is words in capitals: a script without capitals has no display name to tell from
    the words after the platform ("فيسبوك مجموعة الأمهات", the mums' group on Facebook)."""
    words = found.split()
    if words[0].casefold() in _NOT_A_HANDLE:
        return False
    return len(words) == 1 or all(w[0].isupper() or w.isdigit() for w in words)


def handles(text: str) -> list[Span]:
    spans: list[Span] = []
    if "@" in text:
        spans += [("HANDLE", m.start(), m.end()) for m in _AT_HANDLE.finditer(text)]
    if mentions(text, _URL_STEMS):
        spans += [("HANDLE", m.start(), m.end()) for m in _PROFILE_URL.finditer(text)]
    if mentions(text, _PLATFORM_STEMS):
        for m in _PLATFORM.finditer(text):
            after = _AFTER_PLATFORM.match(text, m.end())
            if after and _is_handle(after.group("handle")):
                spans.append(("HANDLE", after.start("handle"), after.end("handle")))
    if "_" in text:
        spans += [("HANDLE", m.start(), m.end()) for m in _HANDLE_SHAPE.finditer(text)]
    return spans


# a month whole, never the start of a longer word ("3 oct" of "3 octombrie" left "ombrie", 2026-12-02)
_MONTHS = MONTHS
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_YEAR = r"(?:\d{4}|'?\d{2})"
_DATE = (
    rf"(?:\d{{1,2}}[/.\-]\d{{1,2}}[/.\-]\d{{2,4}}|\d{{1,2}} \d{{1,2}} \d{{4}}"
    rf"|\d{{4}}[/.\-]\d{{1,2}}[/.\-]\d{{1,2}}"
    rf"|{_DAY}\s+(?:of\s+|de\s+)?(?:{_MONTHS})(?!\w)\.?(?:,?\s+(?:de\s+)?{_YEAR}(?:\s*р(?:\.|(?!\w)))?)?"
    rf"|(?:{_MONTHS})(?!\w)\.?\s+{_DAY}(?:,?\s+{_YEAR})?)"
)
_DOB_CUE = (
    r"date\s+of\s+birth|d\.?o\.?b\.?|birth\s*date|birthday|born(?:\s+on)?|data\s+urodzenia|urodzon[aey]|"
    r"urodził[aoy]?\s+się|data\s+na[sșş]terii|n[aă]scut[ăa]?|data\s+de\s+nascimento|nasceu|nascid[oa]|"
    r"дата\s+народження|народил[аи]?ся|народився|تاریخ\s+پیدائش|تاريخ\s+الميلاد|تاریخ\s+تولد|"
    r"জন্ম\s+তারিখ|ਜਨਮ\s+ਮਿਤੀ|જન્મ\s+તારીખ|taariikhda\s+dhalashada|ዕለተ?\s+ልደት|"
    r"د\s+زېږون\s+نېټه|د\s+زیږون\s+نیټه|tarikh\s+e\s+paidaish|janam\s+(?:tarikh|din)|"
    r"پیدائش\s+کی\s+تاریخ|paidaish|ولدت|مواليد|انولدت|nasci|dhashay|dhalatay|ተወለደት?|জন্মতারিখ|"
    r"জন্মদিন|ਜਨਮ\s+ਤਾਰੀਖ|ਜਨਮਦਿਨ|જન્મતારીખ|زیږیدلې|زېږېدلې|д\.?\s?н\.|дата\s+нар\."
)
# Up to three words may stand between the cue and the date ("data urodzenia córki 03.03.2023").
_DOB = Caseless(rf"(?:{_DOB_CUE})[\s:,\-–]*(?:[^\s\d]+\s+){{0,3}}?(?P<date>{_DATE})(?!\d)")
# A full date in the twentieth century is a grown-up's birthday, whatever surrounds it.
_OLD_DATE = re.compile(r"\d(?<![\d/.\-]\d)\d?[/.\-]\d{1,2}[/.\-](?:19\d\d|[٠-٩۰-۹০-৯૦-૯੦-੯]{4})(?![\d/.\-])")


_DOB_STEMS = (
    "birth", "dob", "d.o.b", "born", "urodz", "naster", "naşter", "naşter", "nașter", "naști", "nasc", "născ",
    "народ", "پیدائش",
    "الميلاد", "تولد", "জন্ম", "ਜਨਮ", "જન્મ", "dhalash", "ልደት", "زېږون", "زیږون", "paidaish", "janam",
    "ولدت", "مواليد", "nasci", "dhash", "dhalat", "ተወለደ", "زیږید", "زېږېد", "д.н", "дн.", "нар.",
)  # fmt: skip


def dates_of_birth(text: str) -> list[Span]:
    """Only the date is redacted: "born on [DATE OF BIRTH]" still tells staff whose birthday it was."""
    spans: list[Span] = []
    if mentions(text, _DOB_STEMS):
        found = _DOB.near_digits(text, 80, 20, _DOB_STEMS)
        spans += [("DATE OF BIRTH", m.start("date"), m.end("date")) for m in found]
    for m in _OLD_DATE.finditer(text):
        if ascii_digits(m.group())[-4:-2] == "19":
            spans.append(("DATE OF BIRTH", m.start(), m.end()))
    return spans


# Whatever is left: a run of seven or more digits is someone's number, even with no label.
_LONG_NUMBER = re.compile(r"[+\d](?<!\w.)(?:(?<=\+)\d|(?<=\d))(?:[ \-]?\d){6,}(?![\w])")


def long_numbers(text: str) -> list[Span]:
    spans: list[Span] = []
    for m in _LONG_NUMBER.finditer(text):
        digits = ascii_digits(re.sub(r"\D", "", m.group()))
        if len(digits) == 10 and not m.group().startswith(("0", "+")):
            spans.append(("NHS NUMBER", m.start(), m.end()))
        elif m.group().startswith(("0", "+")):
            spans.append(("PHONE", m.start(), m.end()))
        else:
            spans.append(("HOSPITAL NUMBER", m.start(), m.end()))
    return spans


def structured(text: str) -> list[Span]:
    found = emails(text) + nhs_numbers(text) + phones(text) + dates_of_birth(text) + hospital_numbers(text)
    streets = addresses(text)
    found += handles(text) + streets + postcodes(text, streets) + rooms(text)
    # By shape alone: digit runs shaped like an identifier or a date, in any script or disguise.  A run
    # another pattern already read takes that pattern's type; the net only widens it to every digit.
    shaped = []
    for kind, start, end in number_shapes(text):
        shaped.append((next((k for k, s, e in found if s < end and start < e), kind), start, end))
    found += shaped
    # The last net: a long number nothing above explained, typed by its shape.
    return found + [n for n in long_numbers(text) if all(n[2] <= s or n[1] >= e for _, s, e in found)]
