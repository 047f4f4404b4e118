"""Where she lay: bed, cot, incubator, room and bay numbers, in each of her languages and word orders.

With the night and the ward, "bed 14" or "cot 3" names her (or her baby) to anyone on that ward, so the
number goes with its word, redacted as ``ADDRESS`` (the contract has no placeholder of its own for it);
a ward number is kept, it names no one.  She writes the English word in her own script as often as her
own word ("বেড", "ਬੈੱਡ", "انکیوبیٹر"), puts a number word between them ("bed no. 7", "بستر شماره ۸",
"ዓራት ቁጽሪ 4"), and in Bengali, Urdu, Panjabi and Gujarati often puts the number first ("৭ নম্বর বেডে",
"7 نمبر بیڈ").  A bay alone is shared by several women: it goes only when she says she was in it, in
any of her languages ("I was in bay 3", "bay 3 ma hati", "bay 4 vich si", "ኣብ bay 4 ነይረ"), or when
it stands with her bed ("bay 2, bed 5").  Parts of one place written apart ("salonul 3, patul 6")
go as one, so no comma of it is left between two placeholders.
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
    # Polish, Romanian, Portuguese.
    "sala", "sali", "salę", "łóżko", "łóżku", "łóżka", "łóżeczk[ou]", "inkubator(?:ze|a)?", "pokój", "pokoju",
    "patul", "pat", "pătuț(?:ul)?", "patut(?:ul)?", "salonul", "salon", "rezerva", "rezervă", "camera",
    "incubatorul",
    "quarto", "cama", "leito", "berço", "berco", "incubadora",
    # Ukrainian.
    "ліжко", "ліжку", "ліжка", "ліжечк[оу]", "палата", "палаті", "палату", "кувез[іа]?", "інкубатор[іа]?",
    "кімнат[аіу]", "lizhk[ou]", "palat[aiu]",
    # Arabic in Latin letters (Arabizi), Somali, romanised Urdu, Panjabi, Gujarati, Tigrinya.
    "sereer", "sarir", "srir", "sreer", "ghorfa", "ghorfet", "ghurfa", "owda", "owdet", "ouda", "odet",
    "7adina", "hadina", "7adana", "sariirtayda", "sariirtii", "sariirta", "sariir", "qolkayga", "qolkii",
    "qolka", "qol", "kamra", "kamre", "kamray", "arat", "bistar", "bistara", "bistare", "takht", "otaq",
    "ataq",
    # Persian, Dari, Pashto, Urdu.
    "بستر", "بستره", "بسترې", "تخت", "اتاق", "اطاق", "کمرہ", "کمرے", "بیڈ", "پلنگ", "روم", "کاٹ", "کټ",
    "خونه",
    "خونې", "کوټه", "کوټې", "انکیوبیٹر", "انکوباتور",
    # Bengali, Panjabi, Gujarati, Tigrinya.
    "বেড", "বেডে", "কেবিন", "রুম", "কট", "ইনকিউবেটর", "ਬੈੱਡ", "ਬੈਡ", "ਕਮਰਾ", "ਕਮਰੇ", "ਰੂਮ", "ਮੰਜਾ",
    "ਇਨਕਿਊਬੇਟਰ",
    "બેડ", "રૂમ", "ખાટલા", "ખાટલો", "પલંગ", "ઓરડો", "ઓરડા", "ઇન્ક્યુબેટર", "ዓራት", "ዓራተይ", "ክፍሊ", "ክፍል", "ክፍለይ", "ሩም",
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
    r"رقم|نمبر|شماره|شمېره|شمیره|নং|নম্বর|ਨੰ\.?|ਨੰਬਰ|નં\.?|નંબર|[ቁቍ]\.?|[ቁቍ]ጽሪ"
)  # Tigrinya writes "number" with either form of its first letter: "ቁጽሪ", "ቍጽሪ"
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
# A bay (written in Latin letters whatever her language) is hers when she says she was in it: "I was" and
# "in" before it ("I was in bay 3", "byłam w bay 3", "eram în bay 3", "كنت في bay 3"), or, in the
# languages that put the verb last, "in" and "was" after it ("bay 3 ma hati", "bay 3 mein thi", "bay 3
# vich si", "bay 3 e chilam", "ኣብ bay 3 ነይረ", "په bay 3 کې وم", "bay 3 ayaan ku jiray").  "The lady in
# bay 3" or "bay 3 was noisy" says nothing of her.
_I_WAS = (
    r"i\s+was|i'?m|i\s+am|we\s+were|(?:put|moved|took|kept|placed)\s+(?:me|us)|me|"
    r"byłam|bylam|leżałam|lezalam|eram|am\s+stat|am\s+fost|stăteam|stateam|estava|estive|fiquei|"
    r"(?:я\s+)?(?:була|лежала)|كنت|كنا|kont|kunt|kunna|waxaan\s+ku\s+jiray"
)
_IN_BEFORE = r"in|on|at|into|to|w|we|na|în|no|em|в|у|на|في|فى|fi|f|ኣብ|አብ|په|در|به"
_IN_AFTER = r"ma|maa|man|માં|મા|mein|main|mai|me|men|میں|vich|wich|ch|'ch|ਵਿੱਚ|ਵਿਚ|ਚ|e|te|-e|এ|তে|-এ|کې|کی|ku"
_WAS_AFTER = (
    r"hati|hato|hu|હતી|હતો|હું|thi|tha|thee|hun|hoon|تھی|تھا|ہوں|si|c|haan|ਸੀ|ਹਾਂ|chilam|chhilam|achi|"
    r"ছিলাম|আছি|ነይረ|ነበርኩ|وم|ومه|بودم|hastam|هستم|ayaan\s+ku\s+jiray|jiray|jirey"
)
_BAY_NUMBER = r"bay\s*(?:no\.?\s*|number\s*|#\s*)?\d+[a-z]?(?!\d)"
_BAY = Caseless(
    rf"(?:{_I_WAS})\s+(?:(?:{_IN_BEFORE})\s+)?(?:the\s+)?(?P<bay>{_BAY_NUMBER})(?!\s*(?:of\b|{_UNITS}))"
    rf"|(?P<bay2>{_BAY_NUMBER})\s*(?:(?:{_IN_AFTER})\s+)?(?:{_WAS_AFTER})(?!\w)"
)
_BAY_ALONE = Caseless(_BAY_NUMBER)
# What may stand between two parts of one place: a comma, a slash, a dash or an "and".
_BETWEEN = re.compile(r"(?:\s*[,/\-–&]\s*|\s+(?:and|i|și|si|e|і|й|و)\s+|\s+)")

_ROOM_STEMS = (
    "room", "bed", "cot", "crib", "incub", "inkub", "isolette", "cubicle", "cabin", "sal", "łóżk", "pokó",
    "pokoj", "pat", "bay",
    "pătu", "rezerv", "camera", "quarto", "cama", "leito", "berç", "berc", "ліжк", "палат", "кувез", "інкуб",
    "кімнат", "ser", "sar", "sri", "sre", "gho", "ghu", "owd", "oud", "ode", "adina", "adana", "qol", "kamr",
    "arat", "lizhk", "palat", "bist", "takh", "otaq", "ataq",
    "سرير", "غرفة", "حاضنة", "وضة", "مهد", "بستر", "تخت", "اتاق", "اطاق", "کمر", "بیڈ", "پلنگ", "روم",
    "کاٹ", "کټ", "خون", "کوټ", "انک", "বেড", "কেবিন", "রুম", "কট", "ইনকিউ", "ਬੈ", "ਕਮਰ", "ਰੂਮ", "ਮੰਜਾ", "ਇਨਕ",
    "બેડ", "રૂમ", "ખાટલ", "પલંગ", "ઓરડ", "ઇન્ક", "ዓራ", "ክፍ", "ሩም", "ኢንኩ",
)  # fmt: skip


def _bays(text: str) -> list[Span]:
    """A bay she says she was in."""
    found = []
    for m in _BAY.finditer(text):
        group = "bay" if m.group("bay") else "bay2"
        found.append(("ADDRESS", m.start(group), m.end(group)))
    return found


def _word(text: str, span: Span) -> str:
    """The word a find opens with ("salonul" of "salonul 3"), to tell a room and its bed from two beds."""
    return text[span[1] : span[2]].split()[0].casefold() if text[span[1] : span[2]].strip() else ""


def _joined(spans: list[Span], bays: list[Span], text: str) -> list[Span]:
    """Parts of one place written apart ("salonul 3, patul 6") become one span, and a bay standing with
    her bed joins it; two finds of one kind ("bed 14, bed 15") are two places and stay apart."""
    parts = sorted(set(spans + bays), key=lambda s: (s[1], s[2]))
    kept = set(spans)
    joined: list[Span] = []
    for part in parts:
        last = joined[-1] if joined else None
        if last and _BETWEEN.fullmatch(text, last[2], part[1]) and _word(text, last) != _word(text, part):
            joined.pop()
            whole = ("ADDRESS", last[1], max(last[2], part[2]))
            if last in kept or part in kept:
                kept.add(whole)
            joined.append(whole)
        else:
            joined.append(part)
    return [span for span in joined if span in kept]


def rooms(text: str) -> list[Span]:
    if not mentions(text, _ROOM_STEMS):
        return []
    spans = [("ADDRESS", m.start(), m.end()) for m in _ROOM.near_digits(text, 30, 5, _ROOM_STEMS)]
    spans += [("ADDRESS", m.start(), m.end()) for m in _NUMBER_FIRST.near_digits(text, 2, 30, _ROOM_STEMS)]
    if "bay" not in casefolded(text):
        return _joined(spans, [], text)
    spans += _bays(text)
    alone = [("ADDRESS", m.start(), m.end()) for m in _BAY_ALONE.finditer(text)]
    return _joined(spans, alone, text)
