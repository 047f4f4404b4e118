"""Ukrainian case endings, both ways: a kin word in every case, and the nominative of a declined name.

Ukrainian puts a name and the kin word before it in whichever of seven cases the sentence asks for ("з
чоловіком Андрієм", "сестрі Марії", "чекала Василя"), while the cue tables and the gazetteer hold the
nominative ("чоловік", "андрій").  Regular endings are enough for both: the cue is read in its other
cases, and a capitalised word whose nominative is a listed name is that name.  Irregular stems (a vowel
dropped, "синочок", "синочка") are left to the lists.
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
