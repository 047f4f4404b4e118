"""The "about you" answers added up in the database: one grouped query per table, never one per story.

Counted: stories she finished at a site in a period (not withdrawn). Each function returns small rows of
(group, count); the small-number rule and the comparison with births are applied above, in
``flows.representation`` and ``flows.small_numbers``.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from flows.review import SUBMITTED, Status
from storage.models import ImdDistrict, Story

#: who is counted: finished, not taken back
COUNTED = tuple(status for status in SUBMITTED if status is not Status.WITHDRAWN)
#: the columns a group can be read from
REACH = {"champion": Story.champion_code, "channel": Story.channel}


def _told(site: str, start: datetime, end: datetime) -> list[ColumnElement[bool]]:
    found: list[ColumnElement[bool]] = [
        Story.ref.is_not(None),
        Story.status.in_(list(COUNTED)),
        Story.submitted_at >= start,
        Story.submitted_at < end,
    ]
    if site.lower() != "all":
        found.append(Story.site == site)
    return found


def about(story_field: str) -> ColumnElement[str]:
    """One "about you" answer as text, in SQL (JSON on both databases)."""
    answer: ColumnElement[str] = Story.about[story_field].as_string()
    return answer


def told(session: Session, site: str, start: datetime, end: datetime) -> int:
    return int(session.scalar(select(func.count(Story.id)).where(*_told(site, start, end))) or 0)


def answers(session: Session, site: str, start: datetime, end: datetime, story_field: str) -> dict[str, int]:
    """{answer: women} for one "about you" question (those who did not answer are left out)."""
    answer = about(story_field)
    rows = session.execute(
        select(answer, func.count(Story.id))
        .where(*_told(site, start, end), answer.is_not(None))
        .group_by(answer)
    )
    return {str(value): int(count) for value, count in rows if value not in (None, "")}


def languages(session: Session, site: str, start: datetime, end: datetime) -> list[tuple[str, str, int]]:
    """(her answer to "first language" or "", the language she wrote in, women)."""
    answer = func.coalesce(func.lower(func.trim(about("language"))), "")
    rows = session.execute(
        select(answer, Story.lang, func.count(Story.id))
        .where(*_told(site, start, end))
        .group_by(answer, Story.lang)
    )
    return [(str(said or ""), str(lang), int(count)) for said, lang, count in rows]


def deprivation(session: Session, site: str, start: datetime, end: datetime) -> dict[str, int]:
    """{IMD quintile: women}, by the postcode district she gave (districts not in the lookup left out)."""
    rows = session.execute(
        select(ImdDistrict.quintile, func.count(Story.id))
        .select_from(Story)
        .join(ImdDistrict, ImdDistrict.district == func.upper(about("postcode")))
        .where(*_told(site, start, end))
        .group_by(ImdDistrict.quintile)
    )
    return {str(quintile): int(count) for quintile, count in rows}


def reach(session: Session, site: str, start: datetime, end: datetime, by: str) -> list[tuple[str, str, int]]:
    """(champion code or channel, ethnic group or "", women): which outreach reaches which groups."""
    column = REACH[by]
    ethnicity = func.coalesce(about("ethnicity"), "")
    rows = session.execute(
        select(column, ethnicity, func.count(Story.id))
        .where(*_told(site, start, end), column.is_not(None))
        .group_by(column, ethnicity)
    )
    return [(str(key), str(group or ""), int(count)) for key, group, count in rows]
