"""Where she lay: bed, cot, incubator, room and bay numbers, in each of her languages and word orders.

With the night and the ward, "bed 14" or "cot 3" names her (or her baby) to anyone on that ward, so the
number goes with its word, redacted as ``ADDRESS`` (the contract has no placeholder of its own for it);
a ward number is kept, it names no one.  She writes the English word in her own script as often as her
own word ("বেড", "ਬੈੱਡ", "انکیوبیٹر"), puts a number word between them ("bed no. 7", "بستر شماره ۸",
"ዓራት ቁጽሪ 4"), and in Bengali, Urdu, Panjabi and Gujarati often puts the number first ("৭ নম্বর বেডে",
"7 نمبر بیڈ").  A bay alone is shared by several women: it goes only when she says she was in it.
"""

from __future__ import annotations

import re

from bot.privacy.anonymise._windows import Caseless, alternation, casefolded, mentions

Span = tuple[str, int, int]

# Beds, cots, incubators and rooms, as she writes them (lower case; with their case endings where the
# language has them), English words in her script included.
_ROOM_WORDS = (
    # English, and the English words as she writes them in Latin letters whatever her language.
    r"side\s+room", "room", "bed", "cot", "crib", "incubator", "isolette", "cubicle", "cabin",
    r"bay\s+\d+\s+bed",
    # Polish, Romanian, Portuguese.
    "sala", "sali", "salę", "łóżko", "łóżku", "łóżka", "łóżeczk[ou]", "inkubator(?:ze|a)?", "pokój", "pokoju",
    "patul", "pat", "pătuț(?:ul)?", "patut(?:ul)?", "salonul", "salon", "rezerva", "rezervă", "camera",
    "incubatorul",
    "quarto", "cama", "leito", "berço", "berco", "incubadora",
    # Ukrainian.
    "ліжко", "ліжку", "ліжка", "ліжечк[оу]", "палата", "палаті", "палату", "кувез[іа]?", "інкубатор[іа]?",
    "кімнат[аіу]",
    # Arabic in Latin letters (Arabizi), Somali, romanised Urdu, Panjabi, Gujarati, Tigrinya.
    "sereer", "sarir", "srir", "sreer", "ghorfa", "ghorfet", "ghurfa", "owda", "owdet", "ouda", "odet",
    "7adina", "hadina", "7adana", "sariirtayda", "sariirtii", "sariirta", "sariir", "qolkayga", "qolkii",
    "qolka", "qol", "kamra", "kamre", "kamray", "arat",
    # Persian, Dari, Pashto, Urdu.
    "بستر", "بستره", "بسترې", "تخت", "اتاق", "اطاق", "کمرہ", "کمرے", "بیڈ", "پلنگ", "روم", "کاٹ", "کټ",
    "خونه",
    "خونې", "کوټه", "کوټې", "انکیوبیٹر", "انکوباتور",
    # Bengali, Panjabi, Gujarati, Tigrinya.
    "বেড", "বেডে", "কেবিন", "রুম", "কট", "ইনকিউবেটর", "ਬੈੱਡ", "ਬੈਡ", "ਕਮਰਾ", "ਕਮਰੇ", "ਰੂਮ", "ਮੰਜਾ",
    "ਇਨਕਿਊਬੇਟਰ",
    "બેડ", "રૂમ", "ખાટલા", "ખાટલો", "પલંગ", "ઓરડો", "ઓરડા", "ઇન્ક્યુબેટર", "ዓራት", "ክፍሊ", "ክፍል", "ሩም",
    "ኢንኩቤተር",
)  # fmt: skip
# Arabic joins "in" and "the" to the word ("بالسرير"): the bed is taken, the prefix left.
# Her bed and room with "my" or "the" fused on count too ("سريري", "sariirtayda", "qolkayga").
_JOINED_WORDS = (
    "السرير", "سريري", "سرير", "الغرفة", "غرفتي", "غرفة", "الحاضنة", "حاضنة", "أوضتي", "اوضتي", "أوضة",
    "اوضة", "مهد",
)  # fmt: skip
_ROOM_WORD = alternation((_ROOM_WORDS, True), (_JOINED_WORDS, False))
# Number words she puts between the bed and its number, or between the number and the bed.
_NUMBER_WORD = (
    r"no\.?|nr\.?|number|numer(?:ze)?|num[aă]r(?:ul)?|n[uú]mero|nº|n\.?º|№|#|номер|nambar|lambar(?:ka)?|"
    r"nambarka|ra2am|raqam|rakam|নাম্বার|"
    r"رقم|نمبر|شماره|شمېره|شمیره|নং|নম্বর|ਨੰ\.?|ਨੰਬਰ|નં\.?|નંબર|ቁ\.?|ቁጽሪ"
)
# Between the word and its number: "is", "was" in her language ("my bed was number 14", "meu quarto era
# o 5"), a number word, a colon; a ward's letter may stand before the number ("bed A3", "room G.14").
# A measure or a count after the number says it is not the bed's ("the room was 3 degrees too cold").
_UNITS = (
    r"deg|met|mins?\b|minut|hour|hrs?\b|godz|ore\b|hora|год|day|dni|zile|dia|дн|week|tyg|s[aă]pt|seman|тиж|"
    r"times?\b|cm\b|m\b|km|mile|f(?:ee)?t\b|%"
)
_COPULA = r"(?:is|was|era|é|e|este|był[oa]?|jest|був|була|це|waa|ነበረ)\s+(?:(?:the|o|a|nr\.?)\s+)?"
_ROOM = Caseless(
    rf"(?:{_ROOM_WORD})(?:\s+{_COPULA})?(?:\s*(?:{_NUMBER_WORD}))?\s*[:\-]?\s*(?:[a-z][.\-]?)?\d+[a-z]?(?!\d)"
    rf"(?!\s*(?:{_UNITS}))"
)
# The number first, then a number word and the bed: "৭ নম্বর বেডে", "7 نمبر بیڈ پر", "bed" after "no 4".
_NUMBER_FIRST = Caseless(
    rf"\d(?<!\d\d)\d*\s*(?:{_NUMBER_WORD})\s*(?:(?:ke|ka|ki|da|de|di|er|na|ના|ની|નો|ਦੇ|ਦਾ|ਦੀ|এর|کے|کا|کی)\s+)?"
    rf"(?:{_ROOM_WORD})"
)
# A bay alone is only hers when she says she was in it.
_BAY = re.compile(
    r"(?:\b(?:i\s+was|i'm|im|i\s+am|we\s+were|me)\s+(?:in|on)\s+)(?P<bay>bay\s*\d+)", re.IGNORECASE
)

_ROOM_STEMS = (
    "room", "bed", "cot", "crib", "incub", "inkub", "isolette", "cubicle", "cabin", "sal", "łóżk", "pokó",
    "pokoj", "pat",
    "pătu", "rezerv", "camera", "quarto", "cama", "leito", "berç", "berc", "ліжк", "палат", "кувез", "інкуб",
    "кімнат", "ser", "sar", "sri", "sre", "gho", "ghu", "owd", "oud", "ode", "adina", "adana", "qol", "kamr",
    "arat", "سرير", "غرفة", "حاضنة", "وضة", "مهد", "بستر", "تخت", "اتاق", "اطاق", "کمر", "بیڈ", "پلنگ", "روم",
    "کاٹ", "کټ", "خون", "کوټ", "انک", "বেড", "কেবিন", "রুম", "কট", "ইনকিউ", "ਬੈ", "ਕਮਰ", "ਰੂਮ", "ਮੰਜਾ", "ਇਨਕ",
    "બેડ", "રૂમ", "ખાટલ", "પલંગ", "ઓરડ", "ઇન્ક", "ዓራት", "ክፍ", "ሩም", "ኢንኩ",
)  # fmt: skip


def rooms(text: str) -> list[Span]:
    if not mentions(text, _ROOM_STEMS):
        return []
    spans = [("ADDRESS", m.start(), m.end()) for m in _ROOM.near_digits(text, 30, 5, _ROOM_STEMS)]
    spans += [("ADDRESS", m.start(), m.end()) for m in _NUMBER_FIRST.near_digits(text, 2, 30, _ROOM_STEMS)]
    if "bay" in casefolded(text):
        spans += [("ADDRESS", m.start("bay"), m.end("bay")) for m in _BAY.finditer(text)]
    return spans
