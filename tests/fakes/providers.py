"""Twilio's Messages API and Telegram's Bot API as small HTTP servers on 127.0.0.1.

The real client libraries talk to these through ``TWILIO_API_URL`` / ``TELEGRAM_API_URL``. They answer
in each provider's own JSON shapes, record every request so tests can check exactly what left the
client, and can be told to fail the next requests: an HTTP error with a provider error code, a 429
with its retry hint, a hang past the client's timeout, a connection dropped before anything was done
(``drop``), or one dropped after the message was taken (``drop_after``: the client cannot tell it went).
The fake Twilio can also call back with delivery statuses, signed, as Twilio does (``callbacks``), and
stand in for an HTTP proxy in front of itself: a message posted to it in a proxy's absolute form
(``POST http://api.twilio.test/2010-04-01/...``) is taken like any other, its request line kept as sent.
"""

from __future__ import annotations

import base64
import itertools
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote, urlsplit

from tests.fakes.http import Recorded, RecordingHandler, serve

TWILIO_ERRORS = {
    429: (20429, "Too Many Requests"),
    500: (20500, "Internal Server Error"),
    503: (20503, "Service Unavailable"),
}
#: Twilio's wording for some refusals; like the real API, 21211 quotes the number it refused.
TWILIO_MESSAGES = {
    21211: "The 'To' number {to} is not a valid phone number.",
    21610: "Attempt to send to unsubscribed recipient",
    63016: "Failed to send freeform message because you are outside the allowed window. "
    "If you are using WhatsApp, please use a Message Template.",
}


@dataclass
class Failure:
    """One scripted failure. ``hang`` stalls that long and then drops the connection unanswered."""

    status: int = 500
    code: int | None = None  # the provider's error code in the JSON body
    retry_after: int | None = None
    hang: float = 0.0
    #: close the connection at once, unanswered: the message was not taken
    drop: bool = False
    #: take the message (it reaches her phone), then close the connection unanswered
    drop_after: bool = False
    method: str | None = None  # Telegram: only a call to this Bot API method fails


@dataclass
class _Fake:
    url: str = ""
    requests: list[Recorded] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def fail_next(self, count: int = 1, **failure: Any) -> None:
        self.failures.extend(Failure(**failure) for _ in range(count))

    def _failure(self, method: str | None = None) -> Failure | None:
        with self.lock:
            for failure in self.failures:
                if failure.method in (None, method):
                    self.failures.remove(failure)
                    return failure
        return None


@dataclass
class FakeTwilio(_Fake):
    account_sid: str = "AC" + "0" * 32
    auth_token: str = "twilio-test-token"
    media: dict[str, tuple[bytes, str]] = field(default_factory=dict)
    #: the messages Twilio took (answered 201): what would reach her phone
    accepted: list[dict[str, str]] = field(default_factory=list)
    redirect_media: bool = True  # Twilio answers a media URL with a redirect to its storage
    declare_length: bool = True  # False: no Content-Length, so only counting the stream can tell
    #: post "sent" then "delivered" to a message's StatusCallback, signed with the auth token
    callbacks: bool = False
    #: how long a callback keeps trying while our end cannot be reached or answers 5xx (Twilio tries
    #: again on a failed connection; README's connection overrides ask for retries on a 5xx too)
    callback_patience: float = 30.0
    #: (status callback URL, status, HTTP answer or the error's name) for every callback try
    callback_log: list[tuple[str, str, str]] = field(default_factory=list)

    def accepted_refs(self) -> list[str]:
        """The outbox key each accepted message carried on its status callback (``?ref=``)."""
        refs = []
        for form in self.accepted:
            query = urllib.parse.urlsplit(form.get("StatusCallback", "")).query
            refs.append(urllib.parse.parse_qs(query).get("ref", [""])[0])
        return refs

    def call_back(self, form: dict[str, str], sid: str) -> None:
        url = form.get("StatusCallback")
        if not self.callbacks or not url:
            return
        threading.Thread(target=self._call_back, args=(url, form, sid), daemon=True).start()

    def _call_back(self, url: str, sent: dict[str, str], sid: str) -> None:
        from twilio.request_validator import RequestValidator  # type: ignore[import-untyped]

        for status in ("sent", "delivered"):
            form = {
                "AccountSid": self.account_sid,
                "MessageSid": sid,
                "MessageStatus": status,
                "To": sent.get("To", ""),
                "From": sent.get("From", ""),
            }
            signature = RequestValidator(self.auth_token).compute_signature(url, form)
            give_up = time.monotonic() + self.callback_patience
            while True:
                request = urllib.request.Request(
                    url,
                    data=urllib.parse.urlencode(form).encode(),
                    headers={"X-Twilio-Signature": signature},
                )
                try:
                    with urllib.request.urlopen(request, timeout=10) as answer:
                        outcome = str(answer.status)
                except urllib.error.HTTPError as error:
                    outcome = str(error.code)
                except OSError as error:
                    outcome = type(error).__name__
                self.callback_log.append((url, status, outcome))
                if outcome.isdigit() and int(outcome) < 500:
                    break
                if time.monotonic() > give_up:
                    return
                time.sleep(0.5)

    @property
    def messages_path(self) -> str:
        return f"/2010-04-01/Accounts/{self.account_sid}/Messages.json"

    def sent(self) -> list[dict[str, str]]:
        """Every message the client tried to send, including those the fake refused."""
        posted = [r for r in self.requests if r.method == "POST"]
        return [r.form for r in posted if urlsplit(r.path).path == self.messages_path]

    def add_recording(self, content: bytes) -> str:
        """A call's recording, as ``RecordingUrl`` names it: without an extension (``.wav`` is added)."""
        recording_id = "RE" + uuid.uuid4().hex
        self.media[recording_id] = (content, "audio/x-wav")
        return f"{self.url}/2010-04-01/Accounts/{self.account_sid}/Recordings/{recording_id}"

    def add_media(self, content: bytes, content_type: str) -> str:
        media_id = "ME" + uuid.uuid4().hex
        self.media[media_id] = (content, content_type)
        message = f"{self.url}/2010-04-01/Accounts/{self.account_sid}/Messages/MM{uuid.uuid4().hex}"
        return f"{message}/Media/{media_id}"


@dataclass
class FakeTelegram(_Fake):
    token: str = "123456:test-token"
    files: dict[str, tuple[str, bytes]] = field(default_factory=dict)  # file_id → (file_path, content)
    message_ids: Iterator[int] = field(default_factory=lambda: itertools.count(101))
    #: the messages Telegram took: what would reach her chat
    delivered: list[dict[str, str]] = field(default_factory=list)

    def calls(self, method: str) -> list[dict[str, str]]:
        path = f"/bot{self.token}/{method}"
        return [r.form for r in self.requests if r.method == "POST" and r.path == path]


class _Handler(RecordingHandler):
    def _hang(self, failure: Failure) -> None:
        self._wait(failure.hang)
        self.close_connection = True

    def _drop(self) -> None:
        """Reset the connection with nothing said, as a proxy or a crashing server does."""
        import socket
        import struct

        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.close_connection = True


class TwilioHandler(_Handler):
    def _authorised(self) -> bool:
        fake = self.server.fake
        expected = base64.b64encode(f"{fake.account_sid}:{fake.auth_token}".encode()).decode()
        if self.headers.get("Authorization") == f"Basic {expected}":
            return True
        self._error(401, 20003, "Authenticate")
        return False

    def _error(self, status: int, code: int, message: str, **headers: str) -> None:
        payload = {
            "code": code,
            "message": message,
            "more_info": f"https://www.twilio.com/docs/errors/{code}",
            "status": status,
        }
        self._json(status, payload, **headers)

    def do_POST(self) -> None:
        request = self._record()
        fake = self.server.fake
        if urlsplit(request.path).path != fake.messages_path:
            self._error(404, 20404, "The requested resource was not found")
            return
        if not self._authorised():
            return
        form = request.form
        failure = fake._failure()
        sid = "SM" + uuid.uuid4().hex
        if failure is not None and failure.drop_after:
            fake.accepted.append(form)
            if fake.callbacks and form.get("StatusCallback"):
                # The status callback lands before the client learns its answer was lost: the worst order.
                fake._call_back(form["StatusCallback"], form, sid)
            self._drop()
            return
        if failure is not None:
            if failure.hang:
                self._hang(failure)
                return
            if failure.drop:
                self._drop()
                return
            code, message = TWILIO_ERRORS.get(failure.status, (failure.code or 0, "Error"))
            code = failure.code or code
            message = TWILIO_MESSAGES.get(code, message).format(to=form.get("To", ""))
            headers = {"Retry_After": str(failure.retry_after)} if failure.retry_after is not None else {}
            self._error(failure.status, code, message, **headers)
            return
        fake.accepted.append(form)
        fake.call_back(form, sid)
        self._json(
            201,
            {
                "account_sid": fake.account_sid,
                "api_version": "2010-04-01",
                "body": form.get("Body", ""),
                "date_created": "Thu, 01 May 2025 12:00:00 +0000",
                "date_sent": None,
                "date_updated": "Thu, 01 May 2025 12:00:00 +0000",
                "direction": "outbound-api",
                "error_code": None,
                "error_message": None,
                "from": form.get("From"),
                "messaging_service_sid": None,
                "num_media": "0",
                "num_segments": "1",
                "price": None,
                "price_unit": "USD",
                "sid": sid,
                "status": "queued",
                "subresource_uris": {
                    "media": f"/2010-04-01/Accounts/{fake.account_sid}/Messages/{sid}/Media.json"
                },
                "to": form.get("To"),
                "uri": f"/2010-04-01/Accounts/{fake.account_sid}/Messages/{sid}.json",
            },
        )

    def do_GET(self) -> None:
        request = self._record()
        fake = self.server.fake
        parts = urlsplit(request.path).path.strip("/").split("/")
        if parts[0] == "storage" and len(parts) == 2:  # where the redirect goes: no credentials needed
            self._media(parts[1])
            return
        if len(parts) == 5 and parts[:4] == ["2010-04-01", "Accounts", fake.account_sid, "Recordings"]:
            if self._authorised():
                self._media(parts[4].removesuffix(".wav"))
            return
        if (
            len(parts) != 7
            or parts[:3] != ["2010-04-01", "Accounts", fake.account_sid]
            or parts[5] != "Media"
        ):
            self._error(404, 20404, "The requested resource was not found")
            return
        if not self._authorised():
            return
        if fake.redirect_media:
            self._send(307, b"", "text/plain", Location=f"{fake.url}/storage/{parts[6]}")
            return
        self._media(parts[6])

    def _media(self, media_id: str) -> None:
        fake = self.server.fake
        if media_id not in fake.media:
            self._error(404, 20404, "The requested resource was not found")
            return
        content, content_type = fake.media[media_id]
        if fake.declare_length:
            self._send(200, content, content_type)
            return
        # HTTP/1.0 without a length: the body ends when the connection closes.
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.end_headers()
        self.wfile.write(content)
        self.close_connection = True


class TelegramHandler(_Handler):
    def _error(self, status: int, description: str, retry_after: int | None = None) -> None:
        payload: dict[str, Any] = {"ok": False, "error_code": status, "description": description}
        if retry_after is not None:
            payload["parameters"] = {"retry_after": retry_after}
        self._json(status, payload)

    def do_POST(self) -> None:
        request = self._record()
        fake = self.server.fake
        prefix, _, method = urlsplit(request.path).path.strip("/").partition("/")
        if prefix != f"bot{fake.token}":
            self._error(401, "Unauthorized")
            return
        failure = fake._failure(method)
        if failure is not None and failure.drop_after and method in _METHODS:
            self._quietly(method, request.form)
            self._drop()
            return
        if failure is not None:
            if failure.hang:
                self._hang(failure)
                return
            if failure.drop:
                self._drop()
                return
            self._error(
                failure.status,
                _DESCRIPTIONS.get(failure.status, "Internal Server Error"),
                failure.retry_after,
            )
            return
        params = request.form
        handler = _METHODS.get(method)
        if handler is None:
            self._error(404, "Not Found")
            return
        handler(self, params)

    def _quietly(self, method: str, params: dict[str, str]) -> None:
        """Do what ``method`` does (a message reaches her) but write no answer."""
        answered: list[object] = []
        self._json = lambda *args, **kwargs: answered.append(args)  # type: ignore[method-assign]
        _METHODS[method](self, params)

    def do_GET(self) -> None:
        request = self._record()
        fake = self.server.fake
        path = unquote(urlsplit(request.path).path)  # httpx sends the token's ":" as %3A here
        prefix = f"/file/bot{fake.token}/"
        for file_path, content in fake.files.values():
            if path == prefix + file_path:
                self._send(200, content, "application/octet-stream")
                return
        self._error(404, "Not Found")

    def _ok(self, result: Any) -> None:
        self._json(200, {"ok": True, "result": result})

    def get_me(self, params: dict[str, str]) -> None:
        self._ok(
            {
                "id": 123456,
                "is_bot": True,
                "first_name": "All Voices",
                "username": "allvoices_test_bot",
                "can_join_groups": False,
                "can_read_all_group_messages": False,
                "supports_inline_queries": False,
            }
        )

    def send_message(self, params: dict[str, str]) -> None:
        chat_id = int(params["chat_id"])
        if chat_id == 404:
            self._error(400, "Bad Request: chat not found")
            return
        if chat_id == 403:
            self._error(403, "Forbidden: bot was blocked by the user")
            return
        self.server.fake.delivered.append(params)
        self._ok(
            {
                "message_id": next(self.server.fake.message_ids),
                "date": 1746100800,
                "chat": {"id": chat_id, "type": "private", "first_name": "Test"},
                "from": {"id": 123456, "is_bot": True, "first_name": "All Voices"},
                "text": params["text"],
            }
        )

    def get_file(self, params: dict[str, str]) -> None:
        found = self.server.fake.files.get(params["file_id"])
        if found is None:
            self._error(400, "Bad Request: invalid file_id")
            return
        file_path, content = found
        self._ok(
            {
                "file_id": params["file_id"],
                "file_unique_id": "u" + params["file_id"],
                "file_size": len(content),
                "file_path": file_path,
            }
        )

    def true(self, params: dict[str, str]) -> None:
        self._ok(True)


_METHODS = {
    "getMe": TelegramHandler.get_me,
    "sendMessage": TelegramHandler.send_message,
    "getFile": TelegramHandler.get_file,
    "answerCallbackQuery": TelegramHandler.true,
    "setWebhook": TelegramHandler.true,
}
_DESCRIPTIONS = {
    400: "Bad Request: chat not found",
    403: "Forbidden: bot was blocked by the user",
    429: "Too Many Requests: retry after 1",
    500: "Internal Server Error",
    502: "Bad Gateway",
}


@contextmanager
def fake_twilio() -> Iterator[FakeTwilio]:
    with serve(TwilioHandler, FakeTwilio()) as fake:
        yield fake


@contextmanager
def fake_telegram() -> Iterator[FakeTelegram]:
    with serve(TelegramHandler, FakeTelegram()) as fake:
        yield fake
