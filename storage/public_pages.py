"""What a site's public page reads: the changes made, and what the stories that were answered were about."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from flows.review import Status
from storage.models import Action, Story


def changes_made(session: Session, site: str, limit: int = 20) -> list[Action]:
    """ "You said, we did" changes marked made, for this site or for every site, newest first."""
    return list(
        session.scalars(
            select(Action)
            .where(Action.status == "made", or_(Action.site.is_(None), Action.site == site))
            .order_by(Action.created_at.desc(), Action.id.desc())
            .limit(limit)
        )
    )


def replied_themes(session: Session, site: str) -> list[tuple[str, int]]:
    """Each theme of this site's answered stories, with how many, the most common first."""
    counts: Counter[str] = Counter()
    for themes in session.scalars(
        select(Story.themes).where(Story.site == site, Story.status.in_([Status.REPLIED, Status.CLOSED]))
    ):
        counts.update(str(theme) for theme in themes or ())
    return counts.most_common()
