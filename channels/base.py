"""What every channel adapter turns a provider's messages into, and back.

Nothing outside ``channels/`` knows a provider exists: the app sees an `InboundMessage` in and hands
an `OutboundMessage` to a `Sender`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

import phonenumbers

from flows.types import MediaKind

CHANNELS = ("sms", "whatsapp", "telegram")
#: how each channel is named to people (staff pages, the simulator)
CHANNEL_LABELS = {"sms": "SMS", "whatsapp": "WhatsApp", "telegram": "Telegram"}


@dataclass(frozen=True)
class MediaItem:
    kind: MediaKind
    content_type: str
    url: str | None = None
    size: int | None = None


@dataclass(frozen=True)
class InboundMessage:
    channel: str  # sms, whatsapp, telegram
    transport: str  # twilio, telegram, simulator
    address: str  # canonical: E.164 for phones, the chat id for Telegram
    provider_id: str  # unique per channel: a provider retry carries the same id
    text: str
    received_at: datetime
    media: tuple[MediaItem, ...] = ()
    start_code: str | None = None


@dataclass(frozen=True)
class OutboundMessage:
    channel: str
    address: str
    body: str
    choices: tuple[str, ...]
    idempotency_key: str


@dataclass(frozen=True)
class SendResult:
    provider_id: str


class SendError(Exception):
    """A send that did not go. ``retryable`` says whether trying again later can help."""

    def __init__(self, message: str, *, retryable: bool, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retryable = retryable
        self.retry_after = retry_after


class Sender(Protocol):
    def send(self, message: OutboundMessage) -> SendResult: ...


def canonical_address(channel: str, raw: str) -> str:
    """One spelling per sender, so "07700 900123" and "+447700900123" are the same woman."""
    value = raw.strip()
    if channel == "telegram":
        return value
    value = value.removeprefix("whatsapp:")
    try:
        parsed = phonenumbers.parse(value, "GB")
    except phonenumbers.NumberParseException:
        return value
    if not phonenumbers.is_possible_number(parsed):
        return value
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
