"""The local simulator: a channel like any other, whose "provider" is this machine.

Inbound arrives through the same path as a webhook; outbound goes through the same outbox and is
"delivered" by being marked sent, which is what the simulator page and ``allvoices chat`` read.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import UTC, datetime

from channels.base import InboundMessage, MediaItem, OutboundMessage, SendResult, canonical_address
from flows.types import MediaKind

TRANSPORT = "simulator"


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
    def send(self, message: OutboundMessage) -> SendResult:
        return SendResult(provider_id=f"sim-{message.idempotency_key}")

    def send_template(
        self, address: str, content_sid: str, variables: Mapping[str, str], reference: str | None = None
    ) -> SendResult:
        return SendResult(provider_id=f"sim-template-{content_sid}-{'-'.join(variables.values())}")
