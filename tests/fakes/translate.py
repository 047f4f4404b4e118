"""Small HTTP servers on 127.0.0.1 shaped like LibreTranslate, Google's /m page and Azure Translator.

They translate with a tiny phrasebook so round trips give real-looking text, and fall back to a visible
marker ("[ur>en] ...") so chunking can be checked. Every request is recorded so tests can assert on
exactly what left the client: path, query, headers and body.
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from tests.fakes.http import Recorded, RecordingHandler, serve as serve_locally

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


class _Handler(RecordingHandler):
    def _stall(self) -> bool:
        """False when the server is stopping, so the handler should just drop the connection."""
        delay = self.server.fake.behaviour.delay
        return not (delay and self._wait(delay))

    def _send_json(self, status: int, payload: Any) -> None:
        self._json(status, payload)


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


@contextmanager
def serve(handler: type[_Handler]) -> Iterator[FakeServer]:
    with serve_locally(handler, FakeServer("", Behaviour())) as fake:
        yield fake
