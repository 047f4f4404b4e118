"""Finding her again, and forgetting her when she asks."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from storage.models import Contact, Conversation, Inbound, Media, OutboxMessage, Story
from storage.upsert import insert_ignoring_conflict
from storage.vault import Vault


def lookup_key(vault: Vault, transport: str, channel: str, address: str) -> str:
    # Simulated senders are kept apart from real ones, so the simulator can never text a real phone.
    return vault.lookup(f"{transport}/{channel}", address)


def find_or_create(session: Session, vault: Vault, transport: str, channel: str, address: str) -> Contact:
    key = lookup_key(vault, transport, channel, address)
    insert_ignoring_conflict(
        session,
        Contact.__table__,
        {
            "channel": channel,
            "transport": transport,
            "address_hash": key,
            "address_sealed": vault.seal(address),
            "lang": "en",
        },
        ["address_hash"],
    )
    contact = session.scalars(select(Contact).where(Contact.address_hash == key)).one()
    return contact


def find(session: Session, vault: Vault, transport: str, channel: str, address: str) -> Contact | None:
    key = lookup_key(vault, transport, channel, address)
    return session.scalars(select(Contact).where(Contact.address_hash == key)).one_or_none()


def by_ids(session: Session, ids: list[int]) -> dict[int, Contact]:
    return {found.id: found for found in session.scalars(select(Contact).where(Contact.id.in_(ids)))}


def erase(session: Session, contact_id: int) -> dict[str, int]:
    """Delete everything she sent and her contact; returns how many rows of each kind went."""
    counts: dict[str, int] = {}
    for model, column in (
        (OutboxMessage, OutboxMessage.contact_id),
        (Media, Media.contact_id),
        (Inbound, Inbound.contact_id),
        (Story, Story.contact_id),
        (Conversation, Conversation.contact_id),
        (Contact, Contact.id),
    ):
        result = session.execute(delete(model).where(column == contact_id))
        counts[model.__tablename__] = int(getattr(result, "rowcount", 0) or 0)
    return counts


def touch(contact: Contact, at: datetime) -> None:
    contact.last_inbound_at = at
