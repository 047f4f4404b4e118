"""Finding her again, and forgetting her when she asks."""

from __future__ import annotations

from datetime import datetime
from functools import cache

from sqlalchemy import Insert, case, delete, or_, select
from sqlalchemy.orm import Session

from storage.models import Contact, Conversation, Inbound, Media, OutboxMessage, Story
from storage.upsert import dialect_insert
from storage.vault import Vault


def lookup_key(vault: Vault, transport: str, channel: str, address: str) -> str:
    # Simulated senders are kept apart from real ones, so the simulator can never text a real phone.
    return vault.lookup(f"{transport}/{channel}", address)


def heard_from(
    session: Session, vault: Vault, transport: str, channel: str, address: str, at: datetime
) -> int:
    """Her contact's id, made on her first message, its last-message time moved on: one statement.

    A provider can deliver her messages out of order, so the time only ever moves forward.
    """
    values = {
        "channel": channel,
        "transport": transport,
        "address_hash": lookup_key(vault, transport, channel, address),
        "address_sealed": vault.seal(address),
        "lang": "en",
        "created_at": at,
        "last_inbound_at": at,
    }
    statement = _heard_from_statement(session.get_bind().dialect.name)
    return int(session.execute(statement, values).scalar_one())


@cache
def _heard_from_statement(dialect: str) -> Insert:
    """Built once per dialect (see `storage.upsert`); her values are its parameters."""
    table = Contact.__table__
    insert = dialect_insert(dialect, table)
    later = case(
        (
            or_(table.c.last_inbound_at.is_(None), table.c.last_inbound_at < insert.excluded.last_inbound_at),
            insert.excluded.last_inbound_at,
        ),
        else_=table.c.last_inbound_at,
    )
    statement: Insert = insert.on_conflict_do_update(
        index_elements=["address_hash"], set_={"last_inbound_at": later}
    ).returning(table.c.id)
    return statement


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
