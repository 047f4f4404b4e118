"""Keeping only what is needed, for as long as it is needed.

- Her raw words and media are purged once a moderator has confirmed the redactions and the
  configured time has passed (``purge_raw_after``); staff keep the redacted text.
- Stories older than the retention age are reduced to their redacted, anonymous form: no link to her
  contact, no raw words, no media. Contacts with nothing left and no recent message are deleted.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

from sqlalchemy import and_, delete, exists, or_, select, update

from bot.services import Services
from storage import audit
from storage.models import Contact, Conversation, Inbound, Media, Story

log = logging.getLogger(__name__)


def purge_raw(services: Services, now: datetime | None = None) -> int:
    """Purge raw text and media of moderated stories whose time has come."""
    moment = now or datetime.now(UTC)
    with services.db.session() as session:
        due = list(
            session.scalars(
                select(Story).where(
                    Story.purge_raw_after.is_not(None),
                    Story.purge_raw_after <= moment,
                    Story.raw_sealed.is_not(None),
                )
            )
        )
        blank = services.vault.seal("")
        for story in due:
            story.raw_sealed = None
            inbound_ids = select(Inbound.id).where(Inbound.story_id == story.id)
            session.execute(delete(Media).where(Media.inbound_id.in_(inbound_ids)))
            session.execute(update(Inbound).where(Inbound.story_id == story.id).values(body_sealed=blank))
            audit.record(session, "system", "raw_purged", story.ref)
        return len(due)


def reduce_old(services: Services, now: datetime | None = None) -> int:
    """Stories past the retention age keep only their redacted, anonymous form."""
    moment = now or datetime.now(UTC)
    cutoff = moment - timedelta(days=services.settings.retention_days)
    with services.db.session() as session:
        old = list(
            session.scalars(
                select(Story).where(
                    Story.created_at < cutoff,
                    or_(Story.contact_id.is_not(None), Story.raw_sealed.is_not(None)),
                    Story.status != "draft",
                )
            )
        )
        for story in old:
            inbound_ids = select(Inbound.id).where(Inbound.story_id == story.id)
            session.execute(delete(Media).where(Media.inbound_id.in_(inbound_ids)))
            session.execute(delete(Inbound).where(Inbound.story_id == story.id))
            story.raw_sealed = None
            story.contact_id = None
            audit.record(session, "system", "story_anonymised", story.ref)
        stale_contacts = select(Contact.id).where(
            or_(Contact.last_inbound_at.is_(None), Contact.last_inbound_at < cutoff),
            ~exists().where(and_(Story.contact_id == Contact.id)),
        )
        for contact_id in list(session.scalars(stale_contacts)):
            session.execute(delete(Inbound).where(Inbound.contact_id == contact_id))
            session.execute(delete(Conversation).where(Conversation.contact_id == contact_id))
            session.execute(delete(Contact).where(Contact.id == contact_id))
        return len(old)
