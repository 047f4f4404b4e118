"""The local simulator: a channel like any other, whose "provider" is this machine.

Inbound arrives through the same path as a webhook; outbound goes through the same outbox and is
"delivered" by being marked sent, which is what the simulator page and ``allvoices chat`` read.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from channels.base import InboundMessage, MediaItem, OutboundMessage, SendError, SendResult, canonical_address
from flows.types import MediaKind

TRANSPORT = "simulator"


def simulated(transport: str | None) -> bool:
    """A contact or story from the simulator: made up by whoever was at the page, never a real person."""
    return transport == TRANSPORT


def inbound(channel: str, sender: str, text: str, media: tuple[MediaKind, ...] = ()) -> InboundMessage:
    return InboundMessage(
        channel=channel,
        transport=TRANSPORT,
        address=canonical_address(channel, sender),
        provider_id=f"sim-{uuid.uuid4().hex}",
        text=text,
        received_at=datetime.now(UTC),
        media=tuple(MediaItem(kind, f"{kind.value}/simulated") for kind in media),
    )


class SimulatorSender:
    """Every send "reaches her phone" at once: it is marked sent, and the simulator page reads it."""

    def send(self, message: OutboundMessage) -> SendResult:
        return SendResult(provider_id=f"sim-{message.idempotency_key}")

    def send_opener(self, address: str, code: str, reference: str | None = None) -> SendResult:
        return SendResult(provider_id=f"sim-opener-{code}-{reference or ''}")

    def fetch_media(self, source: str, max_bytes: int) -> tuple[bytes, str]:
        """Simulated voice notes and photos have no file behind them (they are stored as "simulated")."""
        raise SendError("simulated media has no file to fetch", retryable=False)

    def answer_button(self, button: str) -> None:
        """The simulator page has nothing to acknowledge."""
