"""What the yearly report reads: a site's year in a few grouped queries and narrow column reads."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from flows.review import MODERATED_OR_LATER
from storage.models import Story
from storage.representation import COUNTED

#: stories whose few words may go in a report that leaves the Trust: she said yes to public quotes
QUOTABLE_LIMIT = 400


def _at(site: str, start: datetime, end: datetime) -> list[ColumnElement[bool]]:
    found: list[ColumnElement[bool]] = [
        Story.ref.is_not(None),
        Story.submitted_at >= start,
        Story.submitted_at < end,
    ]
    if site.lower() != "all":
        found.append(Story.site == site)
    return found


def theme_lists(session: Session, site: str, start: datetime, end: datetime) -> Iterator[list[str]]:
    """Each moderated story's themes (one narrow column, streamed)."""
    query = (
        select(Story.themes)
        .where(*_at(site, start, end), Story.status.in_(list(MODERATED_OR_LATER)))
        .execution_options(yield_per=5000)
    )
    for (themes,) in session.execute(query):
        yield list(themes or [])


def reply_times(
    session: Session, site: str, start: datetime, end: datetime
) -> Iterator[tuple[datetime, datetime]]:
    """(told, first answered) for every story told in the period and answered."""
    query = (
        select(Story.submitted_at, Story.replied_at)
        .where(*_at(site, start, end), Story.replied_at.is_not(None))
        .execution_options(yield_per=5000)
    )
    for told, answered in session.execute(query):
        if told is not None and answered is not None:
            yield told, answered


def ratings(session: Session, site: str, start: datetime, end: datetime) -> dict[int, int]:
    """{rating 1–5: how many women gave it}."""
    rows = session.execute(
        select(Story.rating, func.count())
        .where(*_at(site, start, end), Story.rating.is_not(None))
        .group_by(Story.rating)
    )
    return {int(rating): int(count) for rating, count in rows if rating is not None}


def statuses(session: Session, site: str, start: datetime, end: datetime) -> dict[str, int]:
    rows = session.execute(
        select(Story.status, func.count())
        .where(*_at(site, start, end), Story.status.in_(list(COUNTED)))
        .group_by(Story.status)
    )
    return {str(status): int(count) for status, count in rows}


def quotable(session: Session, site: str, start: datetime, end: datetime) -> list[tuple[str, list[str], str]]:
    """(reference, themes, redacted English) of moderated stories whose teller agreed to public quotes."""
    rows = session.execute(
        select(Story.ref, Story.themes, Story.translation_en, Story.redacted_text, Story.lang)
        .where(*_at(site, start, end), Story.status.in_(list(MODERATED_OR_LATER)), Story.quote_ok.is_(True))
        .order_by(Story.submitted_at.desc())
        .limit(QUOTABLE_LIMIT)
    )
    found = []
    for ref, themes, english, redacted, lang in rows:
        text = english or (redacted if lang == "en" else None)
        if text:
            found.append((str(ref), list(themes or []), str(text)))
    return found
