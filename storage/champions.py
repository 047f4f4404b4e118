"""Champions and their codes: who brought a woman to the line, counted, never identified."""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from flows.review import Status
from flows.small_numbers import SMALL, shown
from storage.models import Champion, Story

CODE = re.compile(r"^[A-Z0-9](?:[A-Z0-9-]{2,18})[A-Z0-9]$")
#: counts smaller than SMALL are shown as "fewer than 5" (flows.small_numbers), so a count never points at
#: one woman; both names stay here for the pages that read them from storage
__all__ = ["SMALL", "shown"]


class InvalidCode(ValueError):
    pass


def normalise_code(raw: str) -> str:
    code = raw.strip().upper()
    if not CODE.match(code) or sum(ch.isalnum() for ch in code) < 4:
        raise InvalidCode(
            "A code is 4 to 20 letters and digits (a hyphen may join words), like MEDWAY-BUMPS."
        )
    return code


def create(
    session: Session, code: str, name: str, community: str, languages: list[str], actor: str
) -> Champion:
    champion = Champion(
        code=normalise_code(code),
        name=name.strip(),
        community=community.strip(),
        languages=languages,
        link_token=secrets.token_urlsafe(24),
        created_by=actor,
    )
    session.add(champion)
    session.flush()
    return champion


def by_code(session: Session, code: str) -> Champion | None:
    return session.scalars(select(Champion).where(Champion.code == code.strip().upper())).one_or_none()


def by_token(session: Session, token: str) -> Champion | None:
    if not token:
        return None
    return session.scalars(select(Champion).where(Champion.link_token == token)).one_or_none()


def all_champions(session: Session) -> list[Champion]:
    return list(session.scalars(select(Champion).order_by(Champion.code)))


def new_link(champion: Champion) -> None:
    """Revoke the old private link by replacing it."""
    champion.link_token = secrets.token_urlsafe(24)


def code_in(session: Session, text: str) -> str | None:
    """An active champion's code anywhere in her first message ("HELLO MEDWAY-BUMPS")."""
    words = {word.upper() for word in re.findall(r"[A-Za-z0-9][A-Za-z0-9-]{2,19}", text)}
    if not words:
        return None
    return session.scalars(
        select(Champion.code).where(Champion.code.in_(words), Champion.active.is_(True)).limit(1)
    ).first()


@dataclass(frozen=True)
class Count:
    week: str
    lang: str
    started: int
    finished: int


def counts(session: Session, code: str) -> list[Count]:
    """Stories started and finished per ISO week and language; no text, no people."""
    rows = session.execute(
        select(Story.created_at, Story.lang, Story.status).where(Story.champion_code == code)
    ).all()
    table: dict[tuple[str, str], list[int]] = {}
    for created_at, lang, status in rows:
        year, week, _ = created_at.isocalendar()
        cell = table.setdefault((f"{year}-W{week:02d}", lang), [0, 0])
        cell[0] += 1
        cell[1] += status != Status.DRAFT
    return [
        Count(week, lang, started, finished) for (week, lang), (started, finished) in sorted(table.items())
    ]


def reach(session: Session) -> list[tuple[str, str, int, int]]:
    """(code, community, stories started, stories finished) for every champion, for leads."""
    started = func.count(Story.id)
    finished = func.count(Story.id).filter(Story.status != Status.DRAFT)
    rows = session.execute(
        select(Champion.code, Champion.community, started, finished)
        .join(Story, Story.champion_code == Champion.code, isouter=True)
        .group_by(Champion.code, Champion.community)
        .order_by(Champion.code)
    ).all()
    return [(code, community, int(s), int(f)) for code, community, s, f in rows]


def communities(session: Session) -> dict[str, str]:
    """Each champion code's community, for reach tables."""
    return {code: community for code, community in session.execute(select(Champion.code, Champion.community))}
