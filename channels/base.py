"""What every channel adapter turns a provider's messages into, and back, and what a channel can do.

Nothing outside ``channels/`` knows a provider exists. The app hands a provider's webhook to the
`Webhook` the registry names for its path and gets back a `WebhookResult` (her message, a delivery
report, a button to acknowledge, and the answer to give); it hands an `OutboundMessage` to the
`Sender` for her transport, which can also send WhatsApp's approved opener, fetch a file she sent and
acknowledge a button. Errors come back as `SendError` with what the app needs to decide: retry or
not, when, and whether she must write first.

May import: ``flows.types`` (media kinds, a call's choices) and ``phonenumbers``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

import phonenumbers

from flows.types import Call, MediaKind

CHANNELS = ("sms", "whatsapp", "telegram")
#: how each channel is named to people (staff pages, the simulator)
CHANNEL_LABELS = {"sms": "SMS", "whatsapp": "WhatsApp", "telegram": "Telegram", "voice": "Phone call"}
#: channels that carry a free-form message only this long after her last one (less a safety margin);
#: outside it only an approved opener may be sent, and her answer opens the window again
REPLY_WINDOWS = {"whatsapp": timedelta(hours=24) - timedelta(minutes=5)}


@dataclass(frozen=True)
class MediaItem:
    kind: MediaKind
    content_type: str
    url: str | None = None
    size: int | None = None


_NONCHARACTERS = {
    *range(0xFDD0, 0xFDF0),
    *(plane * 0x10000 + low for plane in range(17) for low in (0xFFFE, 0xFFFF)),
}


def clean_text(text: str) -> str:
    """Her words as any database and any screen can hold them: no NUL or other control characters
    (line breaks and tabs stay), no Unicode non-characters, no lone surrogates. Done at the edge, once,
    so one odd byte can never wedge a conversation."""
    return "".join(
        char
        for char in text
        if (char in "\n\t" or ord(char) >= 0x20)
        and not 0x7F <= ord(char) <= 0x9F
        and not 0xD800 <= ord(char) <= 0xDFFF
        and ord(char) not in _NONCHARACTERS
    )


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
    call: Call | None = None  # a phone call's recording: her language and answers come with it

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", clean_text(self.text))


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
    """A send (or a fetch) that did not go.

    ``retryable`` says whether trying again later can help, ``retry_after`` when; ``window_closed`` that
    the channel will only carry an approved opener until she writes again; ``too_large`` that a file
    she sent is over the size we keep.
    """

    def __init__(
        self,
        message: str,
        *,
        retryable: bool,
        retry_after: float | None = None,
        window_closed: bool = False,
        too_large: bool = False,
    ) -> None:
        super().__init__(message)
        self.retryable = retryable
        self.retry_after = retry_after
        self.window_closed = window_closed
        self.too_large = too_large


class Sender(Protocol):
    """What a transport can do for the app, whatever provider is behind it."""

    def send(self, message: OutboundMessage) -> SendResult: ...

    def send_opener(self, address: str, code: str, reference: str | None = None) -> SendResult:
        """The approved message that may start a conversation again ("You have a reply about {code}")."""
        ...

    def fetch_media(self, source: str, max_bytes: int) -> tuple[bytes, str]:
        """A file she sent, as (bytes, content type); raises `SendError` (``too_large`` when too big)."""
        ...

    def answer_button(self, button: str) -> None:
        """Acknowledge a button she pressed, where the channel shows a spinner until we do."""
        ...


class WebhookRejected(Exception):
    """A webhook that must not be acted on; ``status`` is the HTTP status to answer with."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status


@dataclass(frozen=True)
class WebRequest:
    """A provider's call, as the web app received it."""

    url: str  # exactly as the provider called it: our public base URL, the path and the query
    headers: Mapping[str, str]
    form: Mapping[str, str]
    query: Mapping[str, str]
    body: bytes


@dataclass(frozen=True)
class DeliveryReport:
    """What a provider says happened to a message we sent."""

    provider_id: str
    status: str  # queued, sent, delivered, failed, undelivered (or the provider's own word)
    window_closed: bool = False
    error: str | None = None  # why it failed, never her number or words
    reference: str | None = None  # the outbox key we sent it with, when the provider echoes it


@dataclass(frozen=True)
class WebhookResult:
    """What to do with a webhook, and how to answer the provider."""

    status: int = 200
    body: str = ""
    content_type: str = "text/plain"
    message: InboundMessage | None = None
    report: DeliveryReport | None = None
    button: str | None = None  # a button press to acknowledge once her message is stored
    refused: str | None = None  # why it was refused, for the log

    @classmethod
    def refusing(
        cls, rejected: WebhookRejected, body: str = "", content_type: str = "text/plain"
    ) -> WebhookResult:
        return cls(rejected.status, body, content_type, refused=str(rejected))


#: a provider's webhook handler: verify, parse, and say how to answer
Webhook = Callable[[WebRequest], WebhookResult]


def media_kind(content_type: str) -> MediaKind:
    """What a file is, from its content type: a voice note is any audio."""
    major = content_type.split("/", 1)[0].strip().lower()
    return {"audio": MediaKind.AUDIO, "image": MediaKind.IMAGE, "video": MediaKind.VIDEO}.get(
        major, MediaKind.DOCUMENT
    )


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
