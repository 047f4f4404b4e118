"""Keeping only what is needed, for as long as it is needed.

- Her raw words and media are purged once a moderator has confirmed the redactions and the
  configured time has passed (``purge_raw_after``); staff keep the redacted text.
- Stories older than the retention age are reduced to their redacted, anonymous form: no link to her
  contact, no raw words, no media. Contacts with nothing left and no recent message are deleted.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

from bot.services import Services
from storage import audit, retention

log = logging.getLogger(__name__)


def purge_raw(services: Services, now: datetime | None = None) -> int:
    """Purge raw text and media of moderated stories whose time has come."""
    moment = now or datetime.now(UTC)
    with services.db.session() as session:
        due = retention.raw_due(session, moment)
        blank = services.vault.seal("")
        for story in due:
            retention.purge_raw(session, story, blank)
            audit.record(session, "system", "raw_purged", story.ref)
        return len(due)


def reduce_old(services: Services, now: datetime | None = None) -> int:
    """Stories past the retention age keep only their redacted, anonymous form."""
    moment = now or datetime.now(UTC)
    cutoff = moment - timedelta(days=services.settings.retention_days)
    with services.db.session() as session:
        old = retention.older_than(session, cutoff)
        for story in old:
            retention.reduce(session, story)
            audit.record(session, "system", "story_anonymised", story.ref)
        retention.forget_idle_contacts(session, cutoff)
        return len(old)
