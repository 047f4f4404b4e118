"""Fetching what she sent as voice notes, photos and files, and keeping it sealed for moderators.

The webhook only records where the provider keeps a file; the worker fetches it with the account's
credentials, so a large voice note never slows the webhook or makes the provider retry.
"""

from __future__ import annotations

import logging

from bot.services import Services
from channels.base import SendError
from flows.catalog import render
from flows.types import Reply, msg
from storage import media as stored_media, outbox
from storage.models import Contact, Media

log = logging.getLogger(__name__)
#: what moderators can play or view safely in a browser; anything else (an .exe, a .zip) is not fetched.
SUPPORTED = ("audio/", "image/", "video/", "application/pdf")


def fetch_pending(services: Services, limit: int = 10) -> int:
    with services.db.session() as session:
        pending = [
            (row.id, row.transport, row.content_type, services.vault.open(row.source_sealed))
            for row in stored_media.to_fetch(session, limit)
            if row.source_sealed is not None
        ]
    for media_id, transport, content_type, source in pending:
        if content_type.lower().startswith(SUPPORTED):
            _fetch_one(services, media_id, transport, source)
        else:
            _refuse(services, media_id, "unsupported", "media.unsupported")
    return len(pending)


def _fetch_one(services: Services, media_id: int, transport: str, source: str) -> None:
    fetcher = services.channels.sender(transport)
    limit = services.settings.media_max_bytes
    try:
        if fetcher is None:
            raise SendError(f"no sender configured for {transport}", retryable=False)
        data, content_type = fetcher.fetch_media(source, limit)
        if len(data) > limit:
            raise SendError(f"media too large: over {limit} bytes", retryable=False, too_large=True)
    except SendError as error:
        if error.too_large:
            _refuse(services, media_id, "too_large", "media.too_big")
            return
        with services.db.session() as session:
            row = session.get(Media, media_id)
            if row is not None:
                row.attempts += 1
                if not error.retryable or row.attempts >= stored_media.MAX_ATTEMPTS:
                    row.status = "failed"
        log.warning("media %s not fetched (retryable=%s)", media_id, error.retryable)
        return
    with services.db.session() as session:
        row = session.get(Media, media_id)
        if row is not None:
            row.data_sealed = services.vault.seal_bytes(data)
            row.size = len(data)
            row.content_type = content_type or row.content_type
            row.status = "stored"
            row.source_sealed = None
    log.info("media %s stored (%s bytes)", media_id, len(data))


def _refuse(services: Services, media_id: int, status: str, message: str) -> None:
    """Refused kindly: she is told why, in her language, and what she can send instead."""
    with services.db.session() as session:
        row = session.get(Media, media_id)
        if row is None:
            return
        row.status = status
        row.source_sealed = None
        contact = session.get(Contact, row.contact_id)
        if contact is None:
            return
        outbox.enqueue_to(
            session, contact, f"media-{status}-{media_id}", render(contact.lang, Reply((msg(message),)))
        )
    log.info("media %s refused: %s", media_id, status)
