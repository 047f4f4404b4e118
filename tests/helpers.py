"""Talking to the service as she would: through the simulator channel, the real inbound path and outbox."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import select

from bot.chat.delivery import deliver_due
from bot.chat.receive import receive
from bot.services import Services
from channels import simulator
from flows.types import MediaKind
from storage.models import OutboxMessage

SHE = "07700 900123"


def say(
    services: Services,
    text: str,
    sender: str = SHE,
    channel: str = "sms",
    media: tuple[MediaKind, ...] = (),
    files: tuple[tuple[bytes, str], ...] = (),
    transport: str = simulator.TRANSPORT,
) -> list[str]:
    """Send one message (``files``: real ones, as content and type); return every message that reached
    her phone in answer.

    Through the simulator by default; another ``transport`` stands for a real provider (a simulated
    story never alerts anyone, so alert tests need one), with nothing delivered unless it is set up.
    """
    received = receive(
        services, replace(simulator.inbound(channel, sender, text, media, files), transport=transport)
    )
    deliver_due(services, ids=received.outbox_ids)
    with services.db.session() as session:
        rows = session.scalars(
            select(OutboxMessage)
            .where(OutboxMessage.id.in_(received.outbox_ids), OutboxMessage.status == "sent")
            .order_by(OutboxMessage.id)
        )
        return [row.body for row in rows]


def tell_story(services: Services, sender: str = SHE, reply_wanted: str = "YES", quote: str = "NO") -> str:
    """A whole conversation with SKIP to every question; returns her reference code."""
    say(services, "Hello", sender)
    say(services, "yes", sender)
    say(services, "The midwife Sarah did not listen when I said the pain was too much.", sender)
    say(services, "My husband had to shout for help.", sender)
    for answer in ("DONE", "SKIP", "SKIP", "SKIP", reply_wanted):
        say(services, answer, sender)
    final = say(services, quote, sender)
    return reference_in(final)


def reference_in(messages: list[str]) -> str:
    import re

    for message in messages:
        found = re.search(r"AV-[A-HJ-NP-Z2-9]{4,6}", message)
        if found:
            return found.group(0)
    raise AssertionError(f"no reference code in {messages!r}")
