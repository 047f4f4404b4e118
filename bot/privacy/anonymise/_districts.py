"""A postcode district she gives alone as where she lives or comes from ("we live in LS9", "im from b10",
"in E17 area", "Ми живемо в LS9", "OL8 er dike", "asi LS9 ch rehnde aan").

Said so, the district is her home, and goes as a full postcode would: in a small service a district
and a story are often enough to know her.  Only a real postcode area's letters count (B, LS, OL, E…;
not "A1" or "X2"), and only with a word of living, coming from, an area or nearness in one of her
languages straight before it (a preposition may stand between) or just after it (a postposition or an
auxiliary may stand between: "ኣብ B10 ኢና ንቕመጥ").  Without such a word, or after an article, a code
keeps its other meaning: "vitamin b12", "the M6", "A1 road", "CO2".
"""

from __future__ import annotations

import re

from bot.privacy.anonymise._windows import lowered, near_digits

Span = tuple[str, int, int]

# Every UK postcode area (the letters of an outward code), including the Crown dependencies.
_AREAS = frozenset(
    "AB AL B BA BB BD BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT DY E EC EH "
    "EN EX FK FY G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY L LA LD LE LL LN LS LU M "
    "ME MK ML N NE NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM S SA SE SG SK SL SM SN SO SP SR SS ST SW "
    "SY TA TD TF TN TQ TR TS TW UB W WA WC WD WF WN WR WS WV YO ZE".split()
)
_CODE = re.compile(r"(?<![\w@.\-/])(?P<area>[A-Za-z]{1,2})\d[A-Za-z\d]?(?![A-Za-z\d@])")

# Words of living, coming from, an area or nearness that stand before the district, lower-cased.
_BEFORE = (
    r"live|lives|lived|living|stay|stays|staying|based|moved|from|near|around|"
    r"mieszkam|mieszkamy|mieszka|okolic[ae]|okolicy|koło|niedaleko|z|ze|"
    r"locuiesc|locuim|locuiește|stau|stăm|din|lângă|zona|"
    r"moro|moramos|mora|morava|sou|somos|perto|região|bairro|"
    r"живу|живемо|живем|живе|живуть|мешкаю|мешкаємо|з|із|зі|біля|поруч|район|районі|zhyvu|zhyvemo|zhyvem|"
    r"ساكن|ساكنة|ساكنه|ساكنين|نسكن|أسكن|اسكن|عايش|عايشة|عايشين|عايشه|منطقة|منطقه|قرب|جنب|"
    r"sakna|saknin|saknen|3ayshin|از|نزدیک|حوالی|"
    r"ካብ|ከባቢ|ጥቓ|kab|ku|ka|nool|noolahay|nahay|deggan|degan|xaafadda|agagaarka"
)
# A preposition between that word and the district ("live in", "живемо в", "ساكنين في", "ኣብ").
_BETWEEN = r"in|at|on|by|to|w|we|przy|în|em|no|na|de|do|da|в|у|на|v|u|في|فى|ب|در|په|پا|pa|ኣብ|ab"
_CUE_BEFORE = re.compile(rf"(?<![^\W\d_])(?:{_BEFORE})(?:\s+(?:{_BETWEEN}))?\s+$")
# Words after it: an area, a side, near, from, or her verb of living, where her language puts them last.
_AFTER = (
    r"area|district|"
    r"দিকে|দিক|এলাকা|এলাকায়|থাকি|থাকে|থাকেন|থেকে|কাছে|পাশে|dike|elaka|elakay|thaki|thake|theke|kache|"
    r"બાજુ|વિસ્તાર|રહીએ|રહું|રહે|રહેતા|રહેતી|થી|પાસે|નજીક|baju|vistar|rahiye|rahie|rehiye|rahu|rehta|rehti|"
    r"paase|najik|"
    r"ਰਹਿੰਦੇ|ਰਹਿੰਦੀ|ਰਹਿੰਦਾ|ਤੋਂ|ਕੋਲ|ਇਲਾਕੇ|ਇਲਾਕਾ|ਨੇੜੇ|rehnde|rehndi|rehnda|rehte|rehti|rahte|rahti|ton|toh|"
    r"ilaake|ilake|ilaka|علاقے|علاقہ|رہندے|رہندی|رہتے|رہتی|رہتا|توں|سے ہوں|سے ہیں|se hun|se hoon|se hain|"
    r"قریب|"
    r"اوسو|اوسېږو|اوسیږو|اوسيږو|اوسېږم|اوسیږم|اوسم|سیمه|سيمه|نږدې|osegu|osigu|osego|osem|osejam|sema|nizde|"
    r"زندگی|منطقه|"
    r"ንቕመጥ|እቕመጥ|ትቕመጥ|ንነብር|እነብር|ከባቢ|ጥቓ|nkmet|nqmet|nnebr|"
    r"ku nool|deggan|degan|xaafadda|agagaarka|район|районі|raion"
)
# Up to two short words between (a postposition, an auxiliary: "ch", "ke", "এর", "ኢና", "میں", "کې").
_CUE_AFTER = re.compile(rf"[\s,]*(?:[^\s\d,.;:!?]{{1,4}}\s+){{0,2}}(?:{_AFTER})(?![a-z])")
# A hospital's ward, bay or room named by a code is no home ("from B12 ward").
_IN_HOSPITAL = re.compile(r"\s*(?:ward|bay|room|bed|unit|wing|clinic)(?![a-z])")


def districts_she_lives_in(text: str) -> list[Span]:
    """Each district her words put her home in, as a postcode."""
    spans: list[Span] = []
    for m in near_digits(_CODE, text, 2, 3):
        low = lowered(text)
        if m.group("area").upper() not in _AREAS or low is None:
            continue
        start, end = m.span()
        if _IN_HOSPITAL.match(low, end):
            continue
        if _CUE_BEFORE.search(low, max(0, start - 40), start) or _CUE_AFTER.match(low, end, end + 40):
            spans.append(("POSTCODE", start, end))
    return spans
