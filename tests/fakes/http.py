"""The one local HTTP server every provider fake is built on: 127.0.0.1, a thread, every request recorded.

A fake is a dataclass with a ``url`` and a ``requests`` list; a handler subclasses `RecordingHandler`
and answers in the provider's own shapes. `serve` starts it on a free port and, on the way out, sets
``stopping`` first so a handler told to hang lets go at once.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Protocol, TypeVar
from urllib.parse import parse_qs, urlsplit


@dataclass
class Recorded:
    method: str
    path: str  # path and query exactly as sent on the request line
    headers: dict[str, str]
    body: bytes

    @property
    def form(self) -> dict[str, str]:
        return {key: values[0] for key, values in parse_qs(self.body.decode()).items()}

    @property
    def query(self) -> dict[str, list[str]]:
        return parse_qs(urlsplit(self.path).query)

    def json(self) -> Any:
        return json.loads(self.body)


class Fake(Protocol):
    url: str
    requests: list[Recorded]


F = TypeVar("F", bound=Fake)


class LocalServer(ThreadingHTTPServer):
    daemon_threads = True
    fake: Any
    stopping: threading.Event


class RecordingHandler(BaseHTTPRequestHandler):
    server: LocalServer

    def log_message(self, format: str, *args: Any) -> None:  # keep pytest output clean
        pass

    def _record(self) -> Recorded:
        length = int(self.headers.get("Content-Length") or 0)
        recorded = Recorded(self.command, self.path, dict(self.headers.items()), self.rfile.read(length))
        self.server.fake.requests.append(recorded)
        return recorded

    def _wait(self, seconds: float) -> bool:
        """Stall for ``seconds``; True when the server is stopping meanwhile (then just drop the line)."""
        return self.server.stopping.wait(seconds)

    def _send(self, status: int, body: bytes, content_type: str, **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _json(self, status: int, payload: Any, **headers: str) -> None:
        self._send(status, json.dumps(payload).encode(), "application/json", **headers)


@contextmanager
def serve(handler: type[RecordingHandler], fake: F) -> Iterator[F]:
    server = LocalServer(("127.0.0.1", 0), handler)
    server.stopping = threading.Event()
    server.fake = fake
    fake.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield fake
    finally:
        server.stopping.set()  # releases handlers that hang
        server.shutdown()
        server.server_close()
        thread.join()
