"""The local simulator: a channel like any other, whose "provider" is this machine.

Inbound arrives through the same path as a webhook; outbound goes through the same outbox and is
"delivered" by being marked sent, which is what the simulator page and ``allvoices chat`` read.

A simulated voice note or photo has no file behind it unless one is given (a recording to be written
down, say): a real file travels as a ``data:`` URL where a provider would give its media URL, and is
"fetched" from it by the worker like any provider's file.
"""

from __future__ import annotations

import base64
import binascii
import uuid
from datetime import UTC, datetime

from channels.base import (
    InboundMessage,
    MediaItem,
    OutboundMessage,
    SendError,
    SendResult,
    canonical_address,
    media_kind,
)
from flows.types import MediaKind

TRANSPORT = "simulator"


def simulated(transport: str | None) -> bool:
    """A contact or story from the simulator: made up by whoever was at the page, never a real person."""
    return transport == TRANSPORT


def inbound(
    channel: str,
    sender: str,
    text: str,
    media: tuple[MediaKind, ...] = (),
    files: tuple[tuple[bytes, str], ...] = (),
) -> InboundMessage:
    """Her message; ``media`` are simulated (no file), ``files`` real ones as (content, content type)."""
    real = tuple(
        MediaItem(
            media_kind(content_type),
            content_type,
            url=f"data:{content_type};base64,{base64.b64encode(content).decode()}",
            size=len(content),
        )
        for content, content_type in files
    )
    return InboundMessage(
        channel=channel,
        transport=TRANSPORT,
        address=canonical_address(channel, sender),
        provider_id=f"sim-{uuid.uuid4().hex}",
        text=text,
        received_at=datetime.now(UTC),
        media=tuple(MediaItem(kind, f"{kind.value}/simulated") for kind in media) + real,
    )


class SimulatorSender:
    """Every send "reaches her phone" at once: it is marked sent, and the simulator page reads it."""

    def send(self, message: OutboundMessage) -> SendResult:
        return SendResult(provider_id=f"sim-{message.idempotency_key}")

    def send_opener(self, address: str, code: str, reference: str | None = None) -> SendResult:
        return SendResult(provider_id=f"sim-opener-{code}-{reference or ''}")

    def fetch_media(self, source: str, max_bytes: int) -> tuple[bytes, str]:
        """A file sent with her simulated message, from its ``data:`` URL."""
        header, _, payload = source.partition(",")
        if not header.startswith("data:") or not header.endswith(";base64"):
            raise SendError("simulated media has no file to fetch", retryable=False)
        try:
            content = base64.b64decode(payload, validate=True)
        except binascii.Error:
            raise SendError("simulated media is not base64", retryable=False) from None
        if len(content) > max_bytes:
            raise SendError(f"media too large: over {max_bytes} bytes", retryable=False, too_large=True)
        return content, header.removeprefix("data:").removesuffix(";base64")

    def answer_button(self, button: str) -> None:
        """The simulator page has nothing to acknowledge."""
