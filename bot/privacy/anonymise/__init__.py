"""Anonymise a woman's story before any member of staff reads it.

Names (with staff kept distinct, so the service learns a named staff member was involved), phone
numbers, emails, NHS numbers, full postcodes, street addresses and dates of birth are replaced by
``[TYPE]``; every other character of her words is left exactly as she wrote it.

May import: its own private modules and data only (pure: text in, redacted text and spans out).
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.privacy.anonymise._lexicon import gazetteer
from bot.privacy.anonymise._names import find_names
from bot.privacy.anonymise._structured import structured

__all__ = ["ENTITY_TYPES", "Entity", "Redaction", "anonymise", "preload"]

# Earlier types win overlaps: an email's local part is not a name, a house number is not a phone.
ENTITY_TYPES = (
    "EMAIL",
    "NHS NUMBER",
    "PHONE",
    "DATE OF BIRTH",
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


def preload() -> None:
    """Pay the one-off gazetteer load at start-up rather than on the first story."""
    gazetteer()


def anonymise(text: str, lang: str | None = None) -> Redaction:
    spans = structured(text) + find_names(text, lang)
    spans.sort(key=lambda s: (_PRIORITY[s[0]], -(s[2] - s[1]), s[1]))
    taken: list[Entity] = []
    for kind, start, end in spans:
        if start < end and all(end <= e.start or start >= e.end for e in taken):
            taken.append(Entity(kind, start, end))
    taken.sort(key=lambda e: e.start)
    parts: list[str] = []
    pos = 0
    for e in taken:
        parts.append(text[pos : e.start])
        parts.append(f"[{e.type}]")
        pos = e.end
    parts.append(text[pos:])
    return Redaction("".join(parts), tuple(taken))
