"""Each site's births by group, and postcode districts' deprivation: what "who we heard from" meets."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from storage.models import ImdDistrict, Population


def replace_site(session: Session, site: str, rows: Iterable[tuple[str, str, float, str]], by: str) -> int:
    """Set a site's births: the (dimension, group, births, source) rows replace those dimensions."""
    found = list(rows)
    dimensions = {dimension for dimension, _, _, _ in found}
    if dimensions:
        session.execute(
            delete(Population).where(Population.site == site, Population.dimension.in_(dimensions))
        )
    for dimension, group, births, source in found:
        session.add(
            Population(site=site, dimension=dimension, grp=group, births=births, source=source, updated_by=by)
        )
    session.flush()
    return len(found)


def for_site(session: Session, site: str) -> dict[str, dict[str, float]]:
    """{dimension: {group: births}} for one site (empty when none is set)."""
    table: dict[str, dict[str, float]] = {}
    for dimension, group, births in session.execute(
        select(Population.dimension, Population.grp, Population.births).where(Population.site == site)
    ):
        table.setdefault(dimension, {})[group] = float(births)
    return table


def rows(session: Session, site: str) -> list[tuple[str, str, float, str]]:
    """(dimension, group, births, source) for one site, in a steady order."""
    return [
        (dimension, group, float(births), source)
        for dimension, group, births, source in session.execute(
            select(Population.dimension, Population.grp, Population.births, Population.source)
            .where(Population.site == site)
            .order_by(Population.dimension, Population.grp)
        )
    ]


def sources(session: Session, site: str) -> list[str]:
    """The sources a site's figures name, each once."""
    return [
        source
        for (source,) in session.execute(
            select(Population.source).where(Population.site == site, Population.source != "").distinct()
        )
    ]


def sites_with_births(session: Session) -> list[str]:
    return sorted(site for (site,) in session.execute(select(Population.site).distinct()))


def replace_imd(session: Session, rows: Iterable[tuple[str, int, str]]) -> int:
    """Load (district, quintile, source) rows, replacing any district already known."""
    count = 0
    for district, quintile, source in rows:
        session.merge(ImdDistrict(district=district, quintile=quintile, source=source))
        count += 1
    session.flush()
    return count


def imd_districts(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(ImdDistrict)) or 0)


def imd_sources(session: Session) -> list[str]:
    return [
        s for (s,) in session.execute(select(ImdDistrict.source).where(ImdDistrict.source != "").distinct())
    ]
