"""Her message made durable, and nothing else: the whole of a webhook's work.

One transaction — her contact (one upsert), the message (one insert; a provider's retry is a no-op),
any media to fetch later — and a signal that wakes the worker, which answers her. If the database is
away or does not answer within the deadline, the message goes to the local spool instead; only when
neither can keep it does the provider get an error, so it tries again. Either way nothing is
acknowledged that is not kept.
"""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from bot.chat.delivery import apply_status
from bot.services import Services
from channels.base import DeliveryReport, InboundMessage, MediaItem
from flows.types import Call, MediaKind
from storage import contacts, inbound
from storage.signals import Signal, notify

log = logging.getLogger(__name__)
#: how long a webhook waits for the database before keeping the message in the spool instead
DEADLINE_SECONDS = 2.0


class Kept(StrEnum):
    STORED = "stored"
    DUPLICATE = "duplicate"  # the provider sent it before
    SPOOLED = "spooled"  # the database was away: the worker stores it when it is back


class NotKept(Exception):
    """Neither the database nor the spool could keep it: the provider must try again."""


@dataclass(frozen=True)
class Stored:
    inbound_id: int | None  # None for a duplicate
    contact_id: int


def store(services: Services, message: InboundMessage) -> Stored:
    """Her contact and her message, in one short transaction that wakes the worker."""
    vault = services.vault
    with services.db.session() as session:
        contact_id = contacts.heard_from(
            session, vault, message.transport, message.channel, message.address, message.received_at
        )
        inbound_id = inbound.add(
            session,
            {
                "channel": message.channel,
                "provider_id": message.provider_id,
                "contact_id": contact_id,
                "received_at": message.received_at,
                "body_sealed": vault.seal(message.text),
                "media": [
                    {"kind": item.kind.value, "content_type": item.content_type, "size": item.size}
                    for item in message.media
                ],
                "start_code": message.start_code,
                "call": asdict(message.call) if message.call is not None else None,
            },
        )
        if inbound_id is None:
            return Stored(None, contact_id)
        inbound.add_media(
            session,
            [
                {
                    "inbound_id": inbound_id,
                    "contact_id": contact_id,
                    "transport": message.transport,
                    "kind": item.kind.value,
                    "content_type": item.content_type,
                    "source_sealed": vault.seal(item.url) if item.url else None,
                    "status": "pending" if item.url else "simulated",
                }
                for item in message.media
            ],
        )
        notify(session, Signal.INBOUND)
    return Stored(inbound_id, contact_id)


def keep(services: Services, message: InboundMessage) -> Kept:
    """Store her message within the deadline, or spool it; raises `NotKept` when neither works."""
    try:
        stored = services.db.within(DEADLINE_SECONDS, lambda: store(services, message))
    except Exception as error:  # the database is away, stuck or refusing: the spool keeps it
        log.warning(
            "%s message not stored (%s): keeping it in the spool", message.channel, type(error).__name__
        )
        try:
            services.spool.keep("message", _message_data(message))
        except OSError as spool_error:
            raise NotKept(str(spool_error)) from error
        return Kept.SPOOLED
    return Kept.STORED if stored.inbound_id is not None else Kept.DUPLICATE


def keep_report(services: Services, report: DeliveryReport) -> Kept:
    """A delivery report, applied within the deadline or spooled like a message."""
    try:
        services.db.within(DEADLINE_SECONDS, lambda: apply_status(services, report))
    except Exception as error:
        log.warning("delivery report not applied (%s): keeping it in the spool", type(error).__name__)
        try:
            services.spool.keep("report", asdict(report))
        except OSError as spool_error:
            raise NotKept(str(spool_error)) from error
        return Kept.SPOOLED
    return Kept.STORED


def drain_spool(services: Services, limit: int = 500) -> int:
    """Store what the spool kept while the database was away, oldest first; stop at the first failure."""
    done = 0
    services.spool.recover()
    for taken, kind, payload in services.spool.take():
        try:
            if kind == "report":
                apply_status(services, DeliveryReport(**payload))
            else:
                store(services, _message_from(payload))
        except Exception:
            services.spool.put_back(taken)
            log.warning("spool: the database is still away; %s items wait", services.spool.waiting())
            break
        taken.unlink()
        done += 1
        if done >= limit:
            break
    return done


def _message_data(message: InboundMessage) -> dict[str, Any]:
    data = asdict(message)
    data["received_at"] = message.received_at.isoformat()
    data["media"] = [{**asdict(item), "kind": item.kind.value} for item in message.media]
    return data


def _message_from(data: dict[str, Any]) -> InboundMessage:
    media = tuple(
        MediaItem(MediaKind(item["kind"]), item["content_type"], item.get("url"), item.get("size"))
        for item in data["media"]
    )
    call = Call(**data["call"]) if data.get("call") else None
    return InboundMessage(
        **{**data, "received_at": datetime.fromisoformat(data["received_at"]), "media": media, "call": call}
    )
