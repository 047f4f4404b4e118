"""The review queue: which stories staff see, filtered and counted, most pressing first.

Urgent stories come first (even one she is still telling), then those marked "check soon" (a possible
risk, for a person to read within minutes), then the longest waiting. Every filter is optional; the
dashboard reads them from the query string and hands them here as a `QueueFilter`, so they are whatever
anyone typed into an address: control characters are dropped before they reach the database
(PostgreSQL refuses NUL outright), and a date at the end of the calendar is no upper bound.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import String, and_, case, cast, func, or_, select
from sqlalchemy.orm import Session, load_only
from sqlalchemy.sql.elements import ColumnElement

from flows.review import FINISHED, QUEUE, Status
from storage.models import Story

ENGLISH = "en"
#: urgent first (one she is still telling before all), then "check soon", then oldest first: the queue's
#: and "next story"'s order
ORDER = (Story.urgent.desc(), Story.check_soon_at.is_(None), Story.submitted_at.asc().nulls_first(), Story.id)
#: stories on one page of the queue
PAGE_SIZE = 50
#: the columns the queue shows: the page never loads her words, however long the archive
LISTED = load_only(
    Story.id,
    Story.ref,
    Story.status,
    Story.urgent,
    Story.check_soon_at,
    Story.criticality,
    Story.submitted_at,
    Story.claimed_by,
    Story.claimed_until,
    Story.site,
    Story.lang,
    Story.channel,
    Story.transport,  # "Simulated" is shown beside the reference
    Story.themes,
    # "simulated" is read from the transport on every row: without it each row would load it on its own
    Story.transport,
)
#: the stages still waiting for someone (a draft shows only while urgent or "check soon")
WAITING = (*QUEUE, Status.DRAFT)


@dataclass(frozen=True)
class QueueFilter:
    """What a member of staff asked to see; every field optional."""

    status: str = ""
    site: str = ""
    lang: str = ""
    theme: str = ""
    channel: str = ""
    champion: str = ""
    q: str = ""
    since: date | None = None
    until: date | None = None
    urgent: bool = False
    check_soon: bool = False

    def active(self) -> bool:
        """Any filter beyond the status tabs is set."""
        return any(
            (
                self.site,
                self.lang,
                self.theme,
                self.channel,
                self.champion,
                self.q,
                self.since,
                self.until,
                self.urgent,
                self.check_soon,
            )
        )


def _printable(text: str) -> str:
    """Without control characters (NUL, escape, delete…): no site, language or word of hers holds one."""
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cc")


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def visible() -> ColumnElement[bool]:
    """Staff see submitted stories, and an urgent or "check soon" one while she is still telling it."""
    flagged = or_(Story.urgent.is_(True), Story.check_soon_at.is_not(None))
    return or_(Story.status != Status.DRAFT, and_(flagged, Story.ref.is_not(None)))


def conditions(filters: QueueFilter, with_status: bool = True) -> list[ColumnElement[bool]]:
    found: list[ColumnElement[bool]] = [visible()]
    site, lang, theme, champion, q = (
        _printable(text) for text in (filters.site, filters.lang, filters.theme, filters.champion, filters.q)
    )
    if with_status and filters.status:
        found.append(Story.status == filters.status)
    elif with_status:
        found.append(Story.status.in_(WAITING))
    if filters.urgent:
        found.append(Story.urgent.is_(True))
    if filters.check_soon:
        found.append(Story.check_soon_at.is_not(None))
    if site:
        found.append(Story.site == site)
    if lang:
        found.append(Story.lang == lang)
    if filters.channel:
        found.append(Story.channel == filters.channel)
    if champion:
        found.append(Story.champion_code == champion)
    if theme:
        # Themes are a JSON list; its text form holds each slug in quotes on both databases.
        found.append(cast(Story.themes, String).like(f'%"{_like_escape(theme)}"%', escape="\\"))
    if filters.since:
        found.append(Story.submitted_at >= datetime.combine(filters.since, datetime.min.time(), UTC))
    if filters.until and filters.until < date.max:
        end = datetime.combine(filters.until, datetime.min.time(), UTC) + timedelta(days=1)
        found.append(Story.submitted_at < end)
    if q:
        pattern = f"%{_like_escape(q)}%"
        found.append(
            or_(
                Story.translation_en.ilike(pattern, escape="\\"),
                and_(Story.lang == ENGLISH, Story.redacted_text.ilike(pattern, escape="\\")),
            )
        )
    return found


def page(session: Session, filters: QueueFilter, number: int = 1, size: int = PAGE_SIZE) -> list[Story]:
    """One page of the stories to list, most pressing first (only the columns the queue shows)."""
    query = select(Story).options(LISTED).where(*conditions(filters)).order_by(*ORDER)
    return list(session.scalars(query.offset((max(number, 1) - 1) * size).limit(size)))


@dataclass(frozen=True)
class Summary:
    """What the queue's head counts: stories at each waiting stage, urgent, "check soon", overdue."""

    counts: dict[str, int]
    urgent: int
    check_soon: int
    overdue: int


def summary(session: Session, filters: QueueFilter, before: datetime) -> Summary:
    """Every count the queue page shows, in one statement over the waiting stages only (never the
    archive of answered stories); ``before``: told before it is past the reply target."""
    urgent = Story.urgent.is_(True)
    check_soon = and_(Story.check_soon_at.is_not(None), Story.urgent.is_(False))
    overdue = and_(Story.status.not_in(FINISHED), Story.submitted_at < before)
    rows = session.execute(
        select(
            Story.status,
            func.count(),
            func.count(case((urgent, 1))),
            func.count(case((check_soon, 1))),
            func.count(case((overdue, 1))),
        )
        .where(*conditions(filters, with_status=False), Story.status.in_(WAITING))
        .group_by(Story.status)
    ).all()
    return Summary(
        counts={status: int(count) for status, count, *_ in rows},
        urgent=sum(int(row[2]) for row in rows),
        check_soon=sum(int(row[3]) for row in rows),
        overdue=sum(int(row[4]) for row in rows),
    )


def counts(session: Session, filters: QueueFilter) -> dict[str, int]:
    """Stories at each stage, under every filter but the status tab."""
    rows = session.execute(
        select(Story.status, func.count())
        .where(*conditions(filters, with_status=False))
        .group_by(Story.status)
    )
    return {status: int(count) for status, count in rows}


def urgent_count(session: Session, filters: QueueFilter) -> int:
    """Urgent stories still waiting for someone, under the same filters."""
    found = session.scalar(
        select(func.count()).where(
            *conditions(filters, with_status=False),
            Story.urgent.is_(True),
            Story.status.in_((*QUEUE, Status.DRAFT)),
        )
    )
    return int(found or 0)


def waiting_since_before(session: Session, filters: QueueFilter, before: datetime) -> int:
    """Stories still waiting for a reply that were told before ``before`` (past the reply target)."""
    found = session.scalar(
        select(func.count()).where(
            *conditions(filters, with_status=False),
            Story.status.not_in(FINISHED),
            Story.submitted_at < before,
        )
    )
    return int(found or 0)


def check_soon_count(session: Session, filters: QueueFilter) -> int:
    """Stories marked "check soon" (and not already urgent) still waiting for someone."""
    found = session.scalar(
        select(func.count()).where(
            *conditions(filters, with_status=False),
            Story.check_soon_at.is_not(None),
            Story.urgent.is_(False),
            Story.status.in_((*QUEUE, Status.DRAFT)),
        )
    )
    return int(found or 0)


def languages(session: Session) -> list[str]:
    """Every language a story has come in, for the language filter."""
    return sorted(lang for (lang,) in session.execute(select(Story.lang).distinct()))


def next_for(session: Session, statuses: tuple[Status, ...], username: str, now: datetime) -> Story | None:
    """The most pressing story at the first of ``statuses`` that has one nobody else is working on."""
    free = or_(Story.claimed_until.is_(None), Story.claimed_until <= now, Story.claimed_by == username)
    for status in statuses:
        found = session.scalars(
            select(Story)
            .where(Story.status == status, Story.ref.is_not(None), free)
            .order_by(*ORDER)
            .limit(1)
        ).first()
        if found is not None:
            return found
    return None
