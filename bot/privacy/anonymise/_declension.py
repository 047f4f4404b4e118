"""Ukrainian case endings, both ways: a kin word in every case, and the nominative of a declined name;
and Polish kin and staff words in their other cases.

Ukrainian puts a name and the kin word before it in whichever of seven cases the sentence asks for ("з
чоловіком Андрієм", "сестрі Марії", "чекала Василя"), while the cue tables and the gazetteer hold the
nominative ("чоловік", "андрій").  Regular endings are enough for both: the cue is read in its other
cases, and a capitalised word whose nominative is a listed name is that name.  Irregular stems (a vowel
dropped, "синочок", "синочка") are left to the lists.  Polish does the same ("od teściowej Krystyny",
"z córką Zosią", "siostrze Ani"): ``polish_forms`` makes a one-word cue's regular case forms, noun or
adjective ("teściowa", "położna"), feminine or masculine; the tables list only some of them.
"""

from __future__ import annotations

from functools import lru_cache

# Consonants that turn soft before the dative and locative -і: "подруга" → "подрузі", "донька" → "доньці".
_SOFTENED = {"к": "ц", "г": "з", "х": "с"}
_VOWELS = frozenset("аеєиіїоуюя")

# (oblique ending, nominative ending) for names: feminine in -а/-я, masculine in a consonant, -й or -ь.
_TO_NOMINATIVE = (
    ("ією", "ія"), ("єю", "я"), ("ею", "я"), ("ою", "а"), ("ії", "ія"), ("ію", "ія"), ("ці", "ка"),
    ("зі", "га"), ("сі", "ха"), ("і", "а"), ("і", "я"), ("и", "а"), ("у", "а"), ("ю", "я"), ("о", "а"),
    ("ові", ""), ("еві", "ь"), ("єві", "й"), ("ом", ""), ("ем", "ь"), ("єм", "й"), ("а", ""), ("я", "ь"),
    ("я", "й"), ("у", ""), ("ю", "ь"), ("ю", "й"), ("і", ""),
)  # fmt: skip


def oblique_forms(word: str) -> list[str]:
    """A Cyrillic noun's regular genitive, dative, accusative, instrumental and locative forms."""
    if len(word) < 3 or not "\u0400" <= word[-1] <= "\u04ff":
        return []
    stem, last = word[:-1], word[-1]
    if last == "а":
        soft = stem[:-1] + _SOFTENED.get(stem[-1], stem[-1])
        return [stem + "и", soft + "і", stem + "у", stem + "ою"]
    if last == "я":
        after_vowel = stem[-1] in _VOWELS
        return [stem + ("ї" if after_vowel else "і"), stem + "ю", stem + ("єю" if after_vowel else "ею")]
    if last in "йь":
        soft_e = "є" if last == "й" else "е"
        return [stem + "я", stem + soft_e + "ві", stem + "ю", stem + soft_e + "м"]
    if last not in _VOWELS:
        return [word + "а", word + "ові", word + "у", word + "ом"]
    return []


@lru_cache(maxsize=4096)
def nominatives(word: str) -> tuple[str, ...]:
    """Every nominative a declined Cyrillic name could come from, by its regular endings."""
    found: list[str] = []
    for oblique, nominative in _TO_NOMINATIVE:
        if word.endswith(oblique) and len(word) - len(oblique) >= 2:
            found.append(word[: len(word) - len(oblique)] + nominative)
    return tuple(found)


# Polish consonants before the dative and locative -e of a feminine noun ("siostra" → "siostrze", "córka"
# → "córce", "mama" → "mamie"), longest first.
_POLISH_SOFTENED = (
    ("tr", "trze"), ("ch", "sze"), ("k", "ce"), ("g", "dze"), ("r", "rze"), ("t", "cie"), ("d", "dzie"),
    ("ł", "le"), ("m", "mie"), ("n", "nie"), ("s", "sie"), ("z", "zie"), ("w", "wie"), ("p", "pie"),
    ("b", "bie"), ("f", "fie"),
)  # fmt: skip
# A feminine adjective used as a noun ("teściowa", "położna", "bratowa"): -ej, -ą.
_POLISH_ADJECTIVAL = ("owa", "na", "ska", "cka", "dzka")
# The last consonants a Polish stem softens before -i rather than -y ("córki", "kuzynki", "babci").
_POLISH_TAKES_I = ("k", "g", "l", "j", "i")
# A masculine stem's soft last letter, spelt with -i- before an ending ("teść" → "teścia").
_POLISH_SOFT = {"ć": "ci", "ń": "ni", "ś": "si", "ź": "zi", "dź": "dzi"}
# A masculine stem that drops its last vowel before an ending ("dziadek" → "dziadka", "wujek" → "wujka").
_POLISH_FLEETING = ("ek",)


def polish_forms(word: str) -> list[str]:
    """A Polish one-word noun's regular genitive, dative, accusative, instrumental and vocative forms (a
    feminine noun's locative is its dative); irregular ones ("mąż", "męża") are left to the tables."""
    if len(word) < 3 or not word.isalpha() or not _polish(word):
        return []
    if word.endswith(_POLISH_ADJECTIVAL) and word.endswith("a"):
        stem = word[:-1]
        return [stem + "ej", stem + "ą"]
    if word.endswith("a"):
        stem = word[:-1]
        if stem.endswith("i"):  # "babcia", "ciocia": -i in three cases, -u to call her
            return [stem, stem + "ę", stem + "ą", stem[:-1] + "iu"]
        genitive = stem + ("i" if stem.endswith(_POLISH_TAKES_I) else "y")
        dative = next(
            (stem[: -len(end)] + soft for end, soft in _POLISH_SOFTENED if stem.endswith(end)), genitive
        )
        return [genitive, dative, stem + "ę", stem + "ą", stem + "o"]
    if word[-1] in "aeiouyąęó" or "ą" in word:  # "mąż", "męża": a vowel that changes is the tables' to list
        return []
    stem = word[:-2] + word[-1] if word.endswith(_POLISH_FLEETING) else word
    stem = next((stem[: -len(end)] + soft for end, soft in _POLISH_SOFT.items() if stem.endswith(end)), stem)
    instrumental = stem + ("iem" if stem.endswith(("k", "g")) else "em")  # "z dziadkiem", "z bratem"
    return [stem + "a", stem + "owi", stem + "u", instrumental]


def _polish(word: str) -> bool:
    """Latin letters, Polish's own among them."""
    return all(character.isascii() or character in "ąćęłńóśźż" for character in word)
