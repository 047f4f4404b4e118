"""A TCP proxy on 127.0.0.1 that a test controls, put between the app and PostgreSQL.

The shared PostgreSQL server is never stopped or paused: the faults happen here, on connections that
belong to the test alone.

- ``open()``: bytes flow both ways (the default).
- ``freeze()``: connections stay up and new ones are accepted, but nothing is forwarded either way — a
  frozen server or a dead network path: a client waits on a read that never ends, until ``open()``.
- ``cut()``: every connection is reset and new ones are reset as soon as they connect — the server is
  unreachable (crashed, restarted, firewalled) until ``open()``.
"""

from __future__ import annotations

import select
import socket
import struct
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress

_POLL = 0.05


class TcpProxy:
    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(_POLL)
        self.port: int = self._listener.getsockname()[1]
        self._flowing = threading.Event()
        self._flowing.set()
        self._cut = False
        self._stopping = threading.Event()
        self._lock = threading.Lock()
        self._pairs: list[tuple[socket.socket, socket.socket]] = []
        self._threads: list[threading.Thread] = []
        self.accepted = 0
        self.reset = 0
        self._accepter = threading.Thread(target=self._accept, name="tcp-proxy", daemon=True)
        self._accepter.start()

    # -- what a test says ------------------------------------------------------------------------
    def open(self) -> None:
        with self._lock:
            self._cut = False
        self._flowing.set()

    def freeze(self) -> None:
        self._flowing.clear()

    def cut(self) -> None:
        with self._lock:
            self._cut = True
            pairs, self._pairs = self._pairs, []
        for pair in pairs:
            for end in pair:
                _reset(end)
            self.reset += 1
        self._flowing.set()  # pumps wake, find their sockets gone and end

    def close(self) -> None:
        self._stopping.set()
        self._flowing.set()
        self.cut()
        self._accepter.join()
        self._listener.close()
        for thread in self._threads:
            thread.join(2)

    # -- the machinery -----------------------------------------------------------------------------
    def _accept(self) -> None:
        while not self._stopping.is_set():
            try:
                client, _ = self._listener.accept()
            except (TimeoutError, OSError):
                continue
            with self._lock:
                cut = self._cut
            if cut:
                _reset(client)
                self.reset += 1
                continue
            try:
                server = socket.create_connection(self.target, timeout=3)
            except OSError:
                _reset(client)
                continue
            self.accepted += 1
            with self._lock:
                self._pairs.append((client, server))
            for source, sink in ((client, server), (server, client)):
                thread = threading.Thread(target=self._pump, args=(source, sink), daemon=True)
                self._threads.append(thread)
                thread.start()

    def _pump(self, source: socket.socket, sink: socket.socket) -> None:
        try:
            while not self._stopping.is_set():
                self._flowing.wait()
                if source.fileno() < 0 or sink.fileno() < 0:
                    return
                ready, _, _ = select.select([source], [], [], _POLL)
                if not ready or not self._flowing.is_set():
                    continue  # frozen: what arrived stays unread in the kernel's buffer
                data = source.recv(65536)
                if not data:
                    break
                sink.sendall(data)
        except (OSError, ValueError):
            pass
        finally:
            for end in (source, sink):
                with suppress(OSError):
                    end.shutdown(socket.SHUT_RDWR)


def _reset(sock: socket.socket) -> None:
    """Close with an RST, as a vanished server looks to its client."""
    with suppress(OSError):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    sock.close()


@contextmanager
def tcp_proxy(target: tuple[str, int]) -> Iterator[TcpProxy]:
    proxy = TcpProxy(target)
    try:
        yield proxy
    finally:
        proxy.close()
