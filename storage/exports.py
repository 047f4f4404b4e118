"""What an export reads: moderated stories under the queue's filters, streamed a thousand rows at a time.

Only plain columns are selected (never ORM objects, never her sealed words), so 100 000 stories stream in
bounded memory. Her postcode district is turned into its IMD quintile in the same query; the district
itself never leaves the database.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from sqlalchemy import ColumnElement, Row, func, select
from sqlalchemy.orm import Session

from flows.review import MODERATED_OR_LATER
from storage.models import ImdDistrict, Story
from storage.queue import QueueFilter, conditions
from storage.representation import about

#: rows fetched from the database at a time
BATCH = 1000
COLUMNS = (
    Story.ref,
    Story.site,
    Story.channel,
    Story.lang,
    Story.status,
    Story.urgent,
    Story.criticality,
    Story.themes,
    Story.redacted_text,
    Story.translation_en,
    Story.answers,
    Story.submitted_at,
    Story.moderated_at,
    Story.replied_at,
    Story.rating,
    Story.champion_code,
    Story.reply_wanted,
    about("ethnicity").label("ethnicity"),
    about("age").label("age"),
    about("disability").label("disability"),
    about("language").label("first_language"),
    ImdDistrict.quintile.label("imd_quintile"),
)


def _where(filters: QueueFilter, start: datetime | None, end: datetime | None) -> list[ColumnElement[bool]]:
    found = conditions(filters, with_status=False)
    found.append(
        Story.status.in_(
            [filters.status] if filters.status in MODERATED_OR_LATER else list(MODERATED_OR_LATER)
        )
    )
    if start is not None:
        found.append(Story.submitted_at >= start)
    if end is not None:
        found.append(Story.submitted_at < end)
    return found


def _district() -> ColumnElement[bool]:
    return ImdDistrict.district == func.upper(about("postcode"))


def stream(
    session: Session, filters: QueueFilter, start: datetime | None = None, end: datetime | None = None
) -> Iterator[Row[tuple[object, ...]]]:
    """Every exported story, oldest first, fetched in batches."""
    query = (
        select(*COLUMNS)
        .outerjoin(ImdDistrict, _district())
        .where(*_where(filters, start, end))
        .order_by(Story.submitted_at, Story.id)
        .execution_options(yield_per=BATCH)
    )
    yield from session.execute(query)


def value_counts(
    session: Session,
    filters: QueueFilter,
    start: datetime | None,
    end: datetime | None,
) -> dict[str, dict[str, int]]:
    """How many exported stories hold each "about you" value (one grouped query per column), so a value
    held by fewer than 5 can be left out of the export."""
    found: dict[str, dict[str, int]] = {}
    where = _where(filters, start, end)
    for name in ("ethnicity", "age", "disability"):
        value = about(name)
        rows = session.execute(select(value, func.count()).where(*where).group_by(value))
        found[name] = {str(key): int(count) for key, count in rows if key is not None}
    rows = session.execute(
        select(ImdDistrict.quintile, func.count())
        .select_from(Story)
        .join(ImdDistrict, _district())
        .where(*where)
        .group_by(ImdDistrict.quintile)
    )
    found["imd_quintile"] = {str(key): int(count) for key, count in rows}
    answer = func.coalesce(func.lower(func.trim(about("language"))), "")
    spoken = session.execute(
        select(answer, Story.lang, func.count()).where(*where).group_by(answer, Story.lang)
    )
    found["first_language"] = {f"{said}\t{lang}": int(count) for said, lang, count in spoken}
    return found
