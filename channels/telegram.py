"""Telegram through the real ``python-telegram-bot``: webhook updates in, Bot API calls out.

python-telegram-bot is asyncio-only, and its HTTP client binds to the event loop it first ran on, so a
`Bot` cannot be shared between separate ``asyncio.run`` calls. The app is synchronous (Flask, the
outbox worker), so every call here goes to one event loop per process, kept running in a daemon
thread, and each sender's `Bot` lives on that loop for good.

Like Twilio, the Bot API has no idempotency key: a send that timed out may still have gone, and a
retry can then show her the message twice. Telegram sends no delivery receipts either.

The "httpx" logger writes every request URL, bot token included, at INFO, and python-telegram-bot
logs call parameters (chat id, text) at DEBUG: keep both loggers at WARNING in production.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import mimetypes
import os
import re
import threading
import warnings
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

from telegram import Bot, CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.error import (
    BadRequest,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TelegramError,
    TimedOut,
)
from telegram.request import HTTPXRequest
from telegram.warnings import PTBDeprecationWarning

from channels.base import (
    InboundMessage,
    MediaItem,
    OutboundMessage,
    SendError,
    SendResult,
    WebhookRejected,
    WebhookResult,
    WebRequest,
)
from flows.types import MediaKind

TRANSPORT = "telegram"
TELEGRAM_API = "https://api.telegram.org"
#: the only updates the webhook acts on; anything else is not even sent to us.
ALLOWED_UPDATES = ("message", "callback_query")
#: what a t.me/<bot>?start=CODE deep link can carry; anything else after /start was typed by hand.
START_CODE = re.compile(r"[A-Za-z0-9_-]{1,64}")
#: a bot token's shape, kept out of error messages, which end up in the outbox table and the logs.
BOT_TOKEN = re.compile(r"\d+:[\w-]{20,}")

T = TypeVar("T")


@dataclass(frozen=True)
class TelegramInbound:
    message: InboundMessage
    callback_query_id: str | None  # set for a button press, which must be answered (`answer_callback`)


def parse_update(body: bytes, secret_header: str | None, expected_secret: str) -> TelegramInbound | None:
    """Turn a webhook body into what the app acts on; None for updates it ignores (answer 200 anyway).

    ``secret_header`` is the ``X-Telegram-Bot-Api-Secret-Token`` header, which Telegram sends as given
    to `set_webhook`; an empty ``expected_secret`` rejects everything rather than accepting anyone.
    Anything that is not an update we can read (a chat without an id, a date past the end of time, JSON
    nested thousands deep) is refused with 400, never let through to fail further in.
    """
    if not expected_secret or secret_header is None:
        raise WebhookRejected(403, "missing Telegram secret token")
    if not hmac.compare_digest(secret_header.encode(), expected_secret.encode()):
        raise WebhookRejected(403, "bad Telegram secret token")
    try:
        data = json.loads(body)
    except (ValueError, RecursionError):
        raise WebhookRejected(400, "webhook body is not JSON") from None
    if not isinstance(data, dict):
        raise _unreadable()
    _id(data.get("update_id"))
    try:
        update = Update.de_json(data, bot=None)
    except (TypeError, ValueError, KeyError, AttributeError, IndexError, OverflowError, RecursionError):
        raise _unreadable() from None
    provider_id = f"u{update.update_id}"
    if update.callback_query is not None:
        return _callback(provider_id, update.callback_query)
    if update.message is not None:
        return TelegramInbound(_message(provider_id, update.message), None)
    return None


def _unreadable() -> WebhookRejected:
    return WebhookRejected(400, "webhook body is not a Telegram update")


def _id(value: object) -> int:
    """A Telegram id: a whole number that fits in 64 bits (Telegram's need at most 52), not true or false."""
    if isinstance(value, bool) or not isinstance(value, int) or not -(2**63) < value < 2**63:
        raise _unreadable()
    return value


def _text(value: object) -> str:
    """Her words, or "" for none. NUL is dropped: nobody types it, and PostgreSQL cannot store it."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise _unreadable()
    return value.replace("\x00", "")


def _inbound(
    provider_id: str,
    chat_id: int,
    text: str,
    media: tuple[MediaItem, ...] = (),
    start_code: str | None = None,
) -> InboundMessage:
    return InboundMessage(
        channel="telegram",
        transport=TRANSPORT,
        address=str(chat_id),
        provider_id=provider_id,
        text=text,
        received_at=datetime.now(UTC),
        media=media,
        start_code=start_code,
    )


def _callback(provider_id: str, query: CallbackQuery) -> TelegramInbound:
    # Without the message (too old, or an inline-mode button) the private chat's id is the user's id.
    chat = getattr(query.message, "chat", None)
    if chat is not None:
        chat_id = _id(chat.id)
    elif query.from_user is not None:
        chat_id = _id(query.from_user.id)
    else:
        raise _unreadable()
    if not isinstance(query.id, str):
        raise _unreadable()
    return TelegramInbound(_inbound(provider_id, chat_id, _text(query.data)), query.id)


def _message(provider_id: str, message: Message) -> InboundMessage:
    if message.chat is None:
        raise _unreadable()
    chat_id = _id(message.chat.id)
    text = _text(message.text) or _text(message.caption)
    start_code = None
    words = text.split(maxsplit=1)
    if words and (words[0] == "/start" or words[0].startswith("/start@")):
        text = ""
        code = words[1].strip() if len(words) > 1 else ""
        start_code = code if START_CODE.fullmatch(code) else None
    return _inbound(provider_id, chat_id, text, media=_media(message), start_code=start_code)


def _media(message: Message) -> tuple[MediaItem, ...]:
    """Attachments by file_id: the URL behind one needs the bot token, so `fetch_media` resolves it."""
    photo = max(message.photo, key=lambda size: _id(size.width) * _id(size.height)) if message.photo else None
    attachments = (
        (message.voice, MediaKind.AUDIO, "audio/ogg"),
        (message.audio, MediaKind.AUDIO, "audio/mpeg"),
        (photo, MediaKind.IMAGE, "image/jpeg"),
        (message.video, MediaKind.VIDEO, "video/mp4"),
        (message.video_note, MediaKind.VIDEO, "video/mp4"),
        (message.document, MediaKind.DOCUMENT, "application/octet-stream"),
    )
    found = []
    for file, kind, default in attachments:
        if file is None:
            continue
        mime_type = getattr(file, "mime_type", None)
        if not isinstance(file.file_id, str) or not file.file_id or not isinstance(mime_type, str | None):
            raise _unreadable()
        size = None if file.file_size is None else _id(file.file_size)
        found.append(MediaItem(kind, mime_type or default, file.file_id, size))
    return tuple(found)


class _Loop:
    """The process's one event loop for Telegram, started on first use and again after a fork."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._running: tuple[int, asyncio.AbstractEventLoop] | None = None

    def get(self) -> asyncio.AbstractEventLoop:
        with self._lock:
            if self._running is None or self._running[0] != os.getpid():
                loop = asyncio.new_event_loop()
                threading.Thread(target=loop.run_forever, name="telegram-loop", daemon=True).start()
                self._running = (os.getpid(), loop)
            return self._running[1]


_LOOP = _Loop()


def _send_error(error: TelegramError) -> SendError:
    # Subclasses first: BadRequest and TimedOut are both NetworkErrors.
    if isinstance(error, RetryAfter):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", PTBDeprecationWarning)  # int today, timedelta in v23
            wait = error.retry_after
        seconds = wait.total_seconds() if isinstance(wait, timedelta) else float(wait)
        return SendError("telegram flood control", retryable=True, retry_after=seconds)
    if isinstance(error, InvalidToken):  # its message quotes the token
        return SendError("telegram rejected the bot token", retryable=False)
    if isinstance(error, Forbidden | BadRequest):
        return SendError(f"telegram refused: {_scrubbed(error)}", retryable=False)
    if isinstance(error, TimedOut):
        return SendError("telegram timed out", retryable=True)
    if isinstance(error, NetworkError):
        return SendError(f"telegram unreachable: {_scrubbed(error)}", retryable=True)
    return SendError(f"telegram error: {type(error).__name__}", retryable=True)


def _scrubbed(error: TelegramError) -> str:
    return BOT_TOKEN.sub("[token]", error.message)


class TelegramSender:
    def __init__(self, token: str, api_url: str | None, timeout: float = 15.0) -> None:
        self._token = token
        self._root = (api_url or TELEGRAM_API).rstrip("/")
        self._timeout = timeout
        self._lock = threading.Lock()
        self._bound: tuple[asyncio.AbstractEventLoop, Bot] | None = None

    def send(self, message: OutboundMessage) -> SendResult:
        """Choices become one inline button per row; the button sends back her choice's number."""
        if message.channel != "telegram":
            raise SendError(f"telegram cannot send on channel {message.channel}", retryable=False)
        markup = None
        if message.choices:
            markup = InlineKeyboardMarkup(
                [
                    [InlineKeyboardButton(choice, callback_data=str(index + 1))]
                    for index, choice in enumerate(message.choices)
                ]
            )
        sent = self._call(lambda bot: bot.send_message(message.address, message.body, reply_markup=markup))
        return SendResult(provider_id=str(sent.message_id))

    def answer_callback(self, callback_query_id: str) -> None:
        """Stops the spinner on her button; Telegram gives up on it after a few seconds anyway."""
        self._call(lambda bot: bot.answer_callback_query(callback_query_id))

    def answer_button(self, button: str) -> None:
        self.answer_callback(button)

    def send_opener(self, address: str, code: str, reference: str | None = None) -> SendResult:
        """Telegram has no 24-hour window, so no opener is ever needed."""
        raise SendError("telegram has no approved-opener messages", retryable=False)

    def fetch_media(self, file_id: str, max_bytes: int) -> tuple[bytes, str]:
        """Download an attachment; the type is guessed from Telegram's file path (prefer the inbound one)."""
        return self._call(lambda bot: self._download(bot, file_id, max_bytes))

    async def _download(self, bot: Bot, file_id: str, max_bytes: int) -> tuple[bytes, str]:
        file = await bot.get_file(file_id)
        if file.file_size is not None and file.file_size > max_bytes:
            raise SendError(f"media too large: over {max_bytes} bytes", retryable=False, too_large=True)
        # python-telegram-bot reads the whole file (the Bot API caps downloads at 20 MB), so count after.
        content = bytes(await file.download_as_bytearray())
        if len(content) > max_bytes:
            raise SendError(f"media too large: over {max_bytes} bytes", retryable=False, too_large=True)
        content_type, _ = mimetypes.guess_type(file.file_path or "")
        return content, content_type or "application/octet-stream"

    def set_webhook(self, url: str, secret: str) -> None:
        self._call(lambda bot: bot.set_webhook(url, allowed_updates=ALLOWED_UPDATES, secret_token=secret))

    def close(self) -> None:
        with self._lock:
            bound, self._bound = self._bound, None
        if bound is not None and bound[0] is _LOOP.get():
            asyncio.run_coroutine_threadsafe(bound[1].shutdown(), bound[0]).result(self._timeout)

    def _bot(self) -> tuple[asyncio.AbstractEventLoop, Bot]:
        loop = _LOOP.get()
        with self._lock:
            if self._bound is None or self._bound[0] is not loop:
                bot = Bot(
                    self._token,
                    base_url=f"{self._root}/bot",
                    base_file_url=f"{self._root}/file/bot",
                    request=self._request(),
                    get_updates_request=self._request(),
                )
                self._bound = (loop, bot)
            return self._bound

    def _request(self) -> HTTPXRequest:
        timeout = self._timeout
        return HTTPXRequest(
            connect_timeout=timeout, read_timeout=timeout, write_timeout=timeout, media_write_timeout=timeout
        )

    def _call(self, work: Callable[[Bot], Awaitable[T]]) -> T:
        loop, bot = self._bot()

        async def run() -> T:
            await bot.initialize()  # once; until getMe has succeeded it is tried again on each call
            return await work(bot)

        return _wait(loop, run(), deadline=4 * self._timeout)  # getMe and the call, each with its timeouts


def _wait(loop: asyncio.AbstractEventLoop, coroutine: Coroutine[Any, Any, T], deadline: float) -> T:
    future = asyncio.run_coroutine_threadsafe(coroutine, loop)
    try:
        return future.result(deadline)
    except TimeoutError:
        future.cancel()
        raise SendError("telegram did not answer in time", retryable=True) from None
    except TelegramError as error:
        raise _send_error(error) from None


def set_webhook(token: str, api_url: str | None, url: str, secret: str) -> None:
    """Point Telegram at our webhook, with the secret it must echo in every update's header."""
    sender = TelegramSender(token, api_url)
    try:
        sender.set_webhook(url, secret)
    finally:
        sender.close()


class TelegramWebhook:
    """Updates, accepted only with the secret Telegram echoes in ``X-Telegram-Bot-Api-Secret-Token``."""

    def __init__(self, secret: str) -> None:
        self._secret = secret

    def __call__(self, request: WebRequest) -> WebhookResult:
        if not self._secret:
            return WebhookResult(403, '{"ok": false, "description": "Telegram is not configured"}', _JSON)
        try:
            parsed = parse_update(
                request.body, request.headers.get("X-Telegram-Bot-Api-Secret-Token"), self._secret
            )
        except WebhookRejected as rejected:
            return WebhookResult.refusing(rejected, '{"ok": false}', _JSON)
        if parsed is None:
            return WebhookResult(body=_OK, content_type=_JSON)
        return WebhookResult(
            body=_OK, content_type=_JSON, message=parsed.message, button=parsed.callback_query_id
        )


_JSON = "application/json"
_OK = '{"ok": true}'
