"""Moderation: a person checks what the anonymiser took out of her words before anyone else reads them.

The anonymiser misses things (a nickname, a ward bay number) and sometimes takes too much (a drug called
after a person). So the moderator sees her raw words with every redaction marked, adds what was missed,
undoes what was wrong, and confirms. Only then does the story go on to translation and responders, and
her raw words are kept only until ``purge_raw_after``.

Spans are offsets into the RAW text, exactly as ``bot.privacy.anonymise`` reports them, so the
redacted text can always be rebuilt from the raw text and the final list.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from bot.privacy.anonymise import ENTITY_TYPES, KEEP, length, phrase
from bot.review import translation
from storage import audit, redactions
from storage.models import Story
from storage.vault import Vault

_NAME_TYPES = frozenset({"NAME", "STAFF NAME"})


@dataclass(frozen=True, order=True)
class Span:
    start: int
    end: int
    type: str

    def as_json(self) -> dict[str, Any]:
        return {"type": self.type, "start": self.start, "end": self.end}

    def encode(self) -> str:
        """For a hidden form field: offsets and a type, never the words."""
        return f"{self.start}:{self.end}:{self.type}"


@dataclass(frozen=True)
class Segment:
    """A piece of her raw text for the template: plain, or redacted with its type (escaped by Jinja)."""

    text: str
    type: str | None
    index: int | None = None


def spans_of(story: Story) -> list[Span]:
    """What the anonymiser found, as stored on the story."""
    return sorted(
        Span(int(item["start"]), int(item["end"]), str(item["type"]))
        for item in story.redactions
        if isinstance(item, dict)
    )


def decode(values: Iterable[str], raw: str) -> list[Span]:
    """Spans from form fields, dropping anything malformed, out of range or of an unknown type."""
    spans: set[Span] = set()
    for value in values:
        start, _, rest = value.partition(":")
        end, _, kind = rest.partition(":")
        if start.isdigit() and end.isdigit() and kind in ENTITY_TYPES:
            span = Span(int(start), int(end), kind)
            if 0 <= span.start < span.end <= len(raw):
                spans.add(span)
    return sorted(spans)


def find(raw: str, words: str, kind: str, existing: Sequence[Span]) -> list[Span]:
    """Every place ``words`` occur in her raw text (any case, any spacing), as new spans of ``kind``.

    Typing the words rather than offsets means a missed name is taken out everywhere she wrote it.
    """
    parts = words.split()
    if not parts or kind not in ENTITY_TYPES:
        return []
    pattern = re.compile(r"\s+".join(re.escape(part) for part in parts), re.IGNORECASE)
    found = [Span(match.start(), match.end(), kind) for match in pattern.finditer(raw)]
    return [span for span in found if span not in existing]


def merged(spans: Iterable[Span]) -> list[Span]:
    """Overlapping spans become one (the earlier one's type), so no placeholder is ever nested."""
    result: list[Span] = []
    for span in sorted(spans):
        if result and span.start < result[-1].end:
            last = result[-1]
            result[-1] = Span(last.start, max(last.end, span.end), last.type)
        else:
            result.append(span)
    return result


def redact(raw: str, spans: Iterable[Span]) -> str:
    """Her words with each span replaced by ``[TYPE]``: the same shape the anonymiser produces."""
    parts: list[str] = []
    position = 0
    for span in merged(spans):
        parts.append(raw[position : span.start])
        parts.append(f"[{span.type}]")
        position = span.end
    parts.append(raw[position:])
    return "".join(parts)


def segments(raw: str, spans: Sequence[Span]) -> list[Segment]:
    """Her raw text cut into plain and redacted pieces, for marking each redaction on screen."""
    pieces: list[Segment] = []
    position = 0
    for index, span in enumerate(spans):
        if span.start < position:
            continue
        pieces.append(Segment(raw[position : span.start], None))
        pieces.append(Segment(raw[span.start : span.end], span.type, index))
        position = span.end
    pieces.append(Segment(raw[position:], None))
    return [piece for piece in pieces if piece.text]


def _teach(session: Session, vault: Vault, raw: str, added: set[Span], removed: set[Span], who: str) -> int:
    """Remember each added redaction, and each undone name, as a keyed hash of its words."""
    key = redactions.hasher(vault)
    lessons = [(span, span.type) for span in added]
    lessons += [(span, KEEP) for span in removed if span.type in _NAME_TYPES]
    taught = 0
    for span, kind in lessons:
        words = raw[span.start : span.end]
        if phrase(words):
            redactions.remember(session, key(phrase(words)), length(words), kind, who)
            taught += 1
    return taught


def confirm(
    session: Session,
    story: Story,
    raw: str,
    final: Sequence[Span],
    who: str,
    keep_raw_for: timedelta,
    vault: Vault,
) -> None:
    """The moderator's word is final: rebuild the redacted text and let the story go on.

    What she added is remembered for the next story, and a name she undid is remembered as not a name
    (as keyed hashes: see ``storage.redactions``).  The audit records what was added and removed as
    types and offsets only: the audit log must never hold her words.
    """
    before = set(spans_of(story))
    after = set(merged(final))
    now = datetime.now(UTC)
    story.redacted_text = redact(raw, after)
    story.redactions = [span.as_json() for span in sorted(after)]
    story.status = "moderated"
    story.moderated_at = now
    story.moderated_by = who
    story.purge_raw_after = now + keep_raw_for
    story.claimed_by = None
    story.claimed_until = None
    translation.queue_story(story)
    audit.record(
        session,
        who,
        "moderated",
        story.ref,
        added=[span.as_json() for span in sorted(after - before)],
        removed=[span.as_json() for span in sorted(before - after)],
    )
    taught = _teach(session, vault, raw, after - before, before - after, who)
    if taught:
        audit.record(session, who, "redactions_taught", story.ref, lessons=taught)
