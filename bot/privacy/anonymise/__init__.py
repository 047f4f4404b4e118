"""Anonymise a woman's story before any member of staff reads it.

Names (with staff kept distinct, so the service learns a named staff member was involved), phone
numbers, emails, NHS and hospital numbers, social media handles, postcodes, street addresses, bed and
room numbers, and dates of birth are replaced by ``[TYPE]``; every other character of her words is
left exactly as she wrote it.  ``Lessons`` carry what moderators taught this deployment.

This package owns the detectors, their word lists and the learned name model (``data/``).  It imports
only the standard library, numpy and phonenumbers: no database, no web, no network.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.privacy.anonymise._cues import cues_for, languages_for
from bot.privacy.anonymise._lessons import KEEP, Lessons, length, phrase, taught_spans, unlearned
from bot.privacy.anonymise._lexicon import gazetteer
from bot.privacy.anonymise._model import find_names, model
from bot.privacy.anonymise._structured import structured

__all__ = [
    "ENTITY_TYPES",
    "KEEP",
    "Entity",
    "Lessons",
    "Redaction",
    "anonymise",
    "everyday_english",
    "length",
    "phrase",
    "preload",
]

# Earlier types win overlaps: an email's local part is not a name, a house number is not a phone.
ENTITY_TYPES = (
    "EMAIL",
    "HANDLE",
    "NHS NUMBER",
    "PHONE",
    "DATE OF BIRTH",
    "HOSPITAL NUMBER",
    "ADDRESS",
    "POSTCODE",
    "STAFF NAME",
    "NAME",
)
_PRIORITY = {t: n for n, t in enumerate(ENTITY_TYPES)}


@dataclass(frozen=True)
class Entity:
    type: str
    start: int
    end: int


@dataclass(frozen=True)
class Redaction:
    redacted: str
    entities: tuple[Entity, ...]


def everyday_english(word: str) -> bool:
    """A word of everyday English, on the common-words list the name finder keeps (11 000 words: "not",
    "arm", "today"; not "urgent" nor "CTG"): the reply checker reads "NOT" in capitals as emphasis, not
    an abbreviation to explain."""
    return word.casefold() in gazetteer().common


def preload() -> None:
    """Pay the one-off load of the word lists, the model and every language's tables at start-up rather
    than on the first story in each language (under gunicorn --preload, once, before the workers fork).
    The cue tables are built directly; an empty story then builds the rest (stop words, frames, set
    phrases, the words a name never runs on over), since the name finder reads each of them whatever
    the story holds."""
    gazetteer()
    model()
    for lang in (None, *languages_for(None)):
        cues_for(lang)
        find_names("", lang)


def _merged(spans: list[tuple[str, int, int]]) -> list[Entity]:
    """Overlapping finds become one entity covering all of them, so no fragment is left behind (a
    hospital number read partly as a phone still loses its letters).  It takes the type of its longest
    find, earlier types winning ties: a phone that contains an NHS-shaped run is still a phone."""
    groups: list[list[tuple[str, int, int]]] = []
    for span in sorted((s for s in spans if s[1] < s[2]), key=lambda s: (s[1], s[2])):
        if groups and span[1] < max(end for _, _, end in groups[-1]):
            groups[-1].append(span)
        else:
            groups.append([span])
    merged: list[Entity] = []
    for group in groups:
        kind = min(group, key=lambda s: (s[1] - s[2], _PRIORITY[s[0]]))[0]
        merged.append(Entity(kind, group[0][1], max(end for _, _, end in group)))
    return merged


def anonymise(text: str, lang: str | None = None, lessons: Lessons | None = None) -> Redaction:
    """Her words with every identifying thing replaced; ``lessons`` add what moderators taught."""
    found = structured(text) + find_names(text, lang)
    if lessons is not None:
        redact, keep = taught_spans(text, lessons)
        found = unlearned(found, keep, redact) + redact
    taken = _merged(found)
    parts: list[str] = []
    pos = 0
    for e in taken:
        parts.append(text[pos : e.start])
        parts.append(f"[{e.type}]")
        pos = e.end
    parts.append(text[pos:])
    return Redaction("".join(parts), tuple(taken))
