"""Which address a request came from: the socket's, unless it came through a proxy we were told about.

X-Forwarded-For is only words in a header: anyone can send it. Believing it from everyone would let a
stranger choose the address the sign-in limits count against (a fresh one for every guess, or a nurse's
to lock her out). So werkzeug's ``ProxyFix`` is applied only to requests whose socket address is one of
``ALLVOICES_TRUSTED_PROXIES``, and then for one hop: the address that proxy saw.
"""

from __future__ import annotations

from collections.abc import Iterable
from ipaddress import IPv4Network, IPv6Network, ip_address, ip_network
from typing import TYPE_CHECKING

from werkzeug.middleware.proxy_fix import ProxyFix

if TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse, WSGIApplication, WSGIEnvironment


def networks(entries: Iterable[str]) -> tuple[IPv4Network | IPv6Network, ...]:
    """``10.0.0.5`` or ``10.0.0.0/24``; a mistyped entry stops the app starting, rather than being ignored."""
    try:
        return tuple(ip_network(entry, strict=False) for entry in entries)
    except ValueError as error:
        raise ValueError(f"ALLVOICES_TRUSTED_PROXIES: {error}") from None


class TrustedProxies:
    """WSGI middleware: ``ProxyFix`` (X-Forwarded-For and -Proto, one hop) for trusted proxies only."""

    def __init__(self, app: WSGIApplication, trusted: Iterable[str]) -> None:
        self._direct = app
        self._proxied = ProxyFix(app, x_for=1, x_proto=1, x_host=0, x_port=0, x_prefix=0)
        self._trusted = networks(trusted)

    def _from_proxy(self, environ: WSGIEnvironment) -> bool:
        try:
            peer = ip_address(str(environ.get("REMOTE_ADDR", "")))
        except ValueError:
            return False
        return any(peer in network for network in self._trusted)

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        if self._trusted and self._from_proxy(environ):
            return self._proxied(environ, start_response)
        return self._direct(environ, start_response)
