"""Small HTTP servers on 127.0.0.1 shaped like LibreTranslate, Google's /m page and Azure Translator.

They translate with a tiny phrasebook so round trips give real-looking text, and fall back to a visible
marker ("[ur>en] ...") so chunking can be checked. Every request is recorded so tests can assert on
exactly what left the client: path, query, headers and body.
"""

from __future__ import annotations

import html
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

# Rows of the same sentence in several languages, keyed by provider code (Dari appears as "fa").
PHRASEBOOK: list[dict[str, str]] = [
    {
        "ur": "دائی نے میری بات نہیں سنی۔ مجھے بہت درد تھا۔",
        "en": "The midwife did not listen to me. I was in a lot of pain.",
    },
    {
        "en": "Thank you for telling us. We are sorry you were not listened to.",
        "ur": "ہمیں بتانے کا شکریہ۔ ہمیں افسوس ہے کہ آپ کی بات نہیں سنی گئی۔",
        "pl": "Dziękujemy, że nam Pani powiedziała. Przykro nam, że nikt Pani nie wysłuchał.",
    },
    {"fa": "هیچ کس برایم ترجمه نکرد.", "en": "Nobody translated for me."},
]


def fake_translate(text: str, source: str, target: str) -> str:
    for row in PHRASEBOOK:
        if row.get(source) == text and target in row:
            return row[target]
    return f"[{source}>{target}] {text}"


@dataclass
class Recorded:
    method: str
    path: str  # path and query exactly as sent on the request line
    headers: dict[str, str]
    body: bytes

    @property
    def query(self) -> dict[str, list[str]]:
        return parse_qs(urlsplit(self.path).query)

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class Behaviour:
    """What the next responses look like; tests change it before calling the client."""

    status: int = 200
    error: Any = None  # JSON error payload sent with a non-200 status
    delay: float = 0.0  # seconds to stall before answering (cut short when the server stops)


@dataclass
class FakeServer:
    url: str
    behaviour: Behaviour
    requests: list[Recorded] = field(default_factory=list)


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:  # keep pytest output clean
        pass

    def _record(self) -> Recorded:
        length = int(self.headers.get("Content-Length") or 0)
        recorded = Recorded(self.command, self.path, dict(self.headers.items()), self.rfile.read(length))
        self.server.fake.requests.append(recorded)
        return recorded

    def _stall(self) -> bool:
        """False when the server is stopping, so the handler should just drop the connection."""
        delay = self.server.fake.behaviour.delay
        return not (delay and self.server.stopping.wait(delay))

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _send_json(self, status: int, payload: Any) -> None:
        self._send(status, json.dumps(payload).encode(), "application/json")


class LibreTranslateHandler(_Handler):
    """``POST /translate`` with a JSON body, as LibreTranslate 1.x serves it."""

    def do_POST(self) -> None:
        request = self._record()
        if not self._stall():
            return
        behaviour = self.server.fake.behaviour
        if behaviour.status != 200:
            self._send_json(behaviour.status, behaviour.error or {"error": "Internal error"})
            return
        body = request.json()
        self._send_json(200, {"translatedText": fake_translate(body["q"], body["source"], body["target"])})


class GoogleMobileHandler(_Handler):
    """``GET /m?tl=..&sl=..&q=..`` answered with the HTML of translate.google.com/m.

    deep-translator reads the first ``<div class="result-container">`` (or ``div.t0``) from the page.
    """

    def do_GET(self) -> None:
        request = self._record()
        if not self._stall():
            return
        behaviour = self.server.fake.behaviour
        if behaviour.status != 200:
            self._send(behaviour.status, b"<html><body>Error</body></html>", "text/html")
            return
        query = request.query
        translated = fake_translate(query["q"][0], query["sl"][0], query["tl"][0])
        page = (
            "<!DOCTYPE html><html><head><title>Google Translate</title></head><body>"
            '<div class="root-container"><div class="header">Google Translate</div>'
            f'<div class="result-container">{html.escape(translated)}</div>'
            "</div></body></html>"
        )
        self._send(200, page.encode(), "text/html; charset=utf-8")


class AzureTranslatorHandler(_Handler):
    """``POST /translate?api-version=3.0&from=..&to=..`` with ``[{"text": ..}]``, as Azure Translator v3."""

    def do_POST(self) -> None:
        request = self._record()
        if not self._stall():
            return
        behaviour = self.server.fake.behaviour
        if behaviour.status != 200:
            self._send_json(behaviour.status, {"error": behaviour.error})
            return
        query = request.query
        target = query["to"][0]
        translated = fake_translate(request.json()[0]["text"], query["from"][0], target)
        self._send_json(200, [{"translations": [{"text": translated, "to": target}]}])


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    fake: FakeServer
    stopping: threading.Event


@contextmanager
def serve(handler: type[_Handler]) -> Iterator[FakeServer]:
    httpd = _Server(("127.0.0.1", 0), handler)
    httpd.stopping = threading.Event()
    httpd.fake = FakeServer(f"http://127.0.0.1:{httpd.server_address[1]}", Behaviour())
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield httpd.fake
    finally:
        httpd.stopping.set()
        httpd.shutdown()
        httpd.server_close()
        thread.join()
