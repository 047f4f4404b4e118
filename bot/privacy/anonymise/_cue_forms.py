"""The other ways she writes a listed kin or staff word, made by rule rather than listed one by one.

A third writer and a fourth wrote "my *big* sister", "મારી *મોટી* બહેન", "meri *badi* behen" (an elder or
younger word between "my" and the relation), "*و*راجلي", "*لل*ممرضة" (Arabic glues "and", "to", "with", "so"
onto the word) and "لیور *مې*" (Pashto puts a short "my" after the relation as often as "زما" before it, and
"our" either way); "a parteira *comunitária*", "moașa *comunitară*", "القابلة *المناوبة*" (the languages that
put an adjective after the noun put the kind of midwife or nurse she was between the title and the name, where
it had been read as the name).  The tables hold one form; these make the rest, for every listed cue alike, so
no relation is caught in one form and missed in the next.  The forms are read as whole phrases only
(``Cue.derived``): their words are not cue words elsewhere, which keeps the model's features as trained.
"""

from __future__ import annotations

# The words for older and younger that may stand between "my" (or "our") and the relation, by the form
# of "my" they agree with, in the languages that put the adjective there.  The others put it after the
# relation ("sora mea mai mare", "أختي الكبيرة", "خواهر بزرگم"), where the relation still comes first.
_EN_AGES = "big little older younger elder eldest youngest baby twin"
_AGED: dict[str, dict[str, str]] = {
    "en": {"my": _EN_AGES, "our": _EN_AGES},
    "ur": {
        "میری": "بڑی چھوٹی", "میرا": "بڑا چھوٹا", "میرے": "بڑے چھوٹے",
        "meri": "badi bari choti chhoti", "mera": "bada bara chota chhota", "mere": "bade bare chote chhote",
    },
    "pa": {
        "ਮੇਰੀ": "ਵੱਡੀ ਛੋਟੀ ਨਿੱਕੀ", "ਮੇਰਾ": "ਵੱਡਾ ਛੋਟਾ ਨਿੱਕਾ", "ਮੇਰੇ": "ਵੱਡੇ ਛੋਟੇ",
        "میری": "وڈی نکی چھوٹی", "میرا": "وڈا نکا چھوٹا",
        "meri": "vaddi wadi choti nikki", "mera": "vadda wada chota nikka",
    },
    "gu": {
        "મારી": "મોટી નાની", "મારા": "મોટા નાના", "મારો": "મોટો નાનો",
        "mari": "moti nani", "mara": "mota nana", "maro": "moto nano",
    },
    "bn": {"আমার": "বড় বড়ো ছোট ছোটো", "amar": "boro choto"},
    "ps": {"زما": "مشره مشر کشره کشر", "zama": "mashra mashar kashra kashar"},
    "pl": {
        "moja": "starsza młodsza", "mój": "starszy młodszy", "moją": "starszą młodszą",
        "mojego": "starszego młodszego",
    },
    "uk": {
        "моя": "старша молодша", "мій": "старший молодший", "мою": "старшу молодшу",
        "мого": "старшого молодшого",
    },
}  # fmt: skip

# The words for what kind of staff member she was (community, specialist, head, senior, trainee, on duty,
# on nights), in the languages that put them after the title ("a enfermeira chefe Rita", "asistenta șefă
# Ioana", "lekarz dyżurny", "الممرضة المسؤولة سارة").  Arabic's, with the article, only after a title
# written with it.
_QUALIFIERS: dict[str, str] = {
    "pt": "comunitária comunitaria comunitário comunitario especialista chefe sénior senior júnior junior "
    "estagiária estagiaria estagiário estagiario residente obstetra responsável responsavel|de plantão|"
    "de plantao|de serviço|de servico|de turno|da noite|do turno",
    "ro": "comunitară comunitara comunitar specialistă specialista specialist șefă sefa șef sef principală "
    "principala principal rezidentă rezidenta rezident stagiară stagiara stagiar|de gardă|de garda|"
    "de serviciu|de noapte",
    "pl": "środowiskowa srodowiskowa środowiskowej srodowiskowej środowiskowy srodowiskowy oddziałowa "
    "oddzialowa oddziałowy oddzialowy dyżurna dyzurna dyżurny dyzurny prowadząca prowadzaca prowadzący "
    "prowadzacy rodzinna rodzinny naczelna naczelny",
    "ar": "المناوبة المناوب المسؤولة المسؤول المسئولة المسئول المجتمعية المجتمعي المختصة المختص الأخصائية "
    "الاخصائية الأخصائي الاخصائي الرئيسية الرئيسي المتدربة المتدرب المقيمة المقيم الليلية الليلي",
}
_SHORTEST_TITLE = 4  # "dr", "dra.", "د" are titles, never followed by the kind of doctor

# Arabic's one-letter words written onto the next: and, so, with, to ("لل" before the article).
_PROCLITICS = "وفبل"
_ARTICLE = "ال"

# Pashto's short "my" after the relation ("خور مې", "لېور مې"), and "our" before or after it ("زموږ لور",
# "لور مو"), for every relation listed after "زما".
_PASHTO_MY = {
    "زما ": ("{} مې", "زموږ {}", "زمونږ {}", "زمونګ {}", "{} مو"),
    "zama ": ("{} me", "zmung {}", "zamung {}"),
}


def aged_forms(listed: str, code: str) -> list[str]:
    """ "my sister" as "my big sister", "my little sister"…: each older or younger word of the language
    between its "my" and the relation."""
    words = listed.split()
    ages = _AGED.get(code, {}).get(words[0], "") if len(words) == 2 else ""
    return [f"{words[0]} {age} {words[1]}" for age in ages.split()]


def proclitic_forms(listed: str, code: str) -> list[str]:
    """An Arabic one-word cue with "and", "so", "with" or "to" written onto it ("وراجلي", "للممرضة")."""
    if code != "ar" or " " in listed or not "\u0600" <= listed[0] <= "\u06ff" or listed[0] in _PROCLITICS:
        return []
    forms = [p + listed for p in _PROCLITICS]
    if listed.startswith(_ARTICLE):  # "ل" + "الممرضة" is written "للممرضة"
        forms[-1] = "ل" + listed[1:]
    return forms


def enclitic_forms(listed: str, code: str) -> list[str]:
    """A Pashto "زما X" cue also as "X مې", the short "my" after the relation, and with "our"."""
    if code != "ps":
        return []
    for before, forms in _PASHTO_MY.items():
        relation = listed.removeprefix(before)
        if relation != listed and " " not in relation:
            return [form.format(relation) for form in forms]
    return []


def qualified_forms(listed: str, code: str) -> list[str]:
    """A staff cue with the kind of midwife or nurse after it, in the languages that put it there ("a
    parteira comunitária", "lekarz dyżurny", "الممرضة المناوبة"): the kind is the title's, never a name."""
    table = _QUALIFIERS.get(code)
    last = listed.split()[-1]
    if table is None or len(last) < _SHORTEST_TITLE or last.endswith("."):
        return []
    if code == "ar" and _ARTICLE not in last[:3]:  # "الممرضة", "والممرضة"; not "دكتور"
        return []
    words, *phrases = table.split("|")
    return [f"{listed} {kind}" for kind in words.split() + phrases]
