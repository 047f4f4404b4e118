"""The other ways she writes a listed kin or staff word, made by rule rather than listed one by one.

A third writer and a fourth wrote "my *big* sister", "મારી *મોટી* બહેન", "meri *badi* behen" (an
elder or younger word between "my" and the relation), "*و*راجلي", "*لل*ممرضة" (Arabic glues "and", "to",
"with", "so" onto the word) and "لیور *مې*" (Pashto puts a short "my" after the relation as often as
"زما" before it, and "our" either way).  The tables hold one form; these make the rest, for every
listed cue alike, so no relation is caught in one form and missed in the next.  The forms are read as
whole phrases only (``Cue.derived``): their words are not cue words elsewhere, which keeps the model's
features as trained.
"""

from __future__ import annotations

# "my"/"our" as a cue opens with it, and the words for older and younger that may follow it, in the
# languages that put the adjective between "my" and the relation.  The others put it after the
# relation ("sora mea mai mare", "أختي الكبيرة", "خواهر بزرگم"), where the relation still comes first.
_AGED: dict[str, tuple[str, str]] = {
    "en": ("my our", "big little older younger elder eldest youngest baby twin"),
    "ur": (
        "میری میرا میرے ہماری ہمارا ہمارے meri mera mere hamari hamara hamare",
        "بڑی بڑا بڑے چھوٹی چھوٹا چھوٹے badi bari bara bada bade bare choti chota chote chhoti chhota chhote",
    ),
    "pa": (
        "ਮੇਰੀ ਮੇਰਾ ਮੇਰੇ ਸਾਡੀ ਸਾਡਾ ਸਾਡੇ میری میرا میرے ساڈی ساڈا ساڈے meri mera mere sadi sada sade",
        "ਵੱਡੀ ਵੱਡਾ ਵੱਡੇ ਛੋਟੀ ਛੋਟਾ ਛੋਟੇ ਨਿੱਕੀ ਨਿੱਕਾ وڈی وڈا وڈے چھوٹی چھوٹا چھوٹے نکی نکا vaddi vadda vadde "
        "wadi wada choti chota chote nikki nikka",
    ),
    "gu": (
        "મારી મારા મારો મારું અમારી અમારા અમારો mari mara maro maru amari amara",
        "મોટી મોટા મોટો નાની નાના નાનો moti mota moto nani nana nano",
    ),
    "bn": ("আমার আমাদের amar amader", "বড় বড়ো ছোট ছোটো boro choto"),
    "ps": ("زما زمونږ zama zmung", "مشره مشر کشره کشر mashra mashar kashra kashar"),
    "pl": (
        "moja mój moją mojego mojej",
        "starsza starszy młodsza młodszy starszą młodszą starszego młodszego",
    ),
    "uk": ("моя мій мою мого моєї", "старша старший молодша молодший старшу молодшу старшого молодшого"),
}

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
    mine, ages = _AGED.get(code, ("", ""))
    words = listed.split()
    if len(words) != 2 or words[0] not in mine.split():
        return []
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
