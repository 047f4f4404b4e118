"""Set phrases whose words are never a name, though one of them often is: hope with its light verb ("asha
kori", I hope; "هیله لرم", I have hope; "ተስፋ ገይረ", I hoped).  Asha, Hila, Umeed, Tesfa and Amal are names
as well as "hope", so no list can drop the word alone; with its verb after it, it is the word.  Every
language whose word for hope is also a name, in each script she writes it in; and Ukrainian "glory to
God" ("Слава Богу"), whose first word is also the name Slava.
"""

from __future__ import annotations

from functools import lru_cache

from bot.privacy.anonymise._cues import languages_for, spellings
from bot.privacy.anonymise._tokens import phrase_tokens

_HOPE: dict[str, str] = {
    "bn": "আশা করি|আশা করছি|আশা রাখি|asha kori|asha korchi|asha rakhi|asa kori",
    "ur": "امید ہے|امید کرتی ہوں|امید کرتا ہوں|امید کرتے ہیں|umeed hai|umeed karti|umeed krti|umid hai|"
    "ummeed hai",
    "pa": "ਆਸ ਹੈ|ਉਮੀਦ ਹੈ|امید اے|آس اے|aas hai|umeed aa|ummeed aa",
    "gu": "આશા છે|આશા રાખું|આશા રાખીએ|asha che|aasha che|asha chhe",
    "ps": "هیله لرم|هیله لرو|هیله کوم|هیله ده|hila laram|hila kawam",
    "prs": "امید دارم|امید داریم|امید است|omid daram|umid daram",
    "ar": "عندي أمل|عندي امل|كلي أمل|كلي امل|على أمل|على امل",
    "ti": "ተስፋ ገይረ|ተስፋ ይገብር|ተስፋ ንገብር|ተስፋ ኣለኒ|ተስፋ ኣሎኒ|tesfa geyre",
    "uk": "слава богу|слава господу|слава тобі господи|slava bogu|slava bohu",
}


@lru_cache(maxsize=32)
def _phrases_for(lang: str | None) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Her language's set phrases and her neighbours', in every spelling of their Arabic-script letters, by
    first word: a story is read once, not once per phrase."""
    phrases = {
        phrase_tokens(spelling)
        for code in languages_for(lang)
        for listed in filter(None, _HOPE.get(code, "").split("|"))
        for spelling in spellings(listed)
    }
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for phrase in sorted(phrases):
        by_first.setdefault(phrase[0], []).append(phrase)
    return {first: tuple(found) for first, found in by_first.items()}


def set_phrase_words(folded: list[str], starts: list[bool], lang: str | None) -> frozenset[int]:
    """The tokens of every set phrase in the story (``folded`` casefolded and Arabic-script letters folded
    as cues are); a phrase never runs over a full stop."""
    by_first = _phrases_for(lang)
    words: set[int] = set()
    for i, word in enumerate(folded):
        for phrase in by_first.get(word, ()):
            n = len(phrase)
            if tuple(folded[i : i + n]) == phrase and not any(starts[i + 1 : i + n]):
                words.update(range(i, i + n))
    return frozenset(words)
