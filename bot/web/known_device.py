"""The known-device cookie: a browser someone has signed in on before, so guessing elsewhere can't lock
them out.

After a successful sign-in the browser gets a signed cookie naming a random device id and the usernames
that signed in on it (the last few). It is not a session and grants nothing: it only lets the sign-in
limits tell this browser's attempts for those usernames apart from a stranger's.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import timedelta

from flask import Request, current_app
from itsdangerous import BadSignature, URLSafeTimedSerializer
from werkzeug.wrappers import Response

from bot.web.current import services

COOKIE = "allvoices_device"
MAX_AGE = timedelta(days=90)
#: a shared computer on a ward: remember this many usernames, most recent first
KEEP = 10


@dataclass(frozen=True)
class Device:
    id: str
    usernames: tuple[str, ...] = ()

    def knows(self, username: str) -> bool:
        return username in self.usernames


def _signer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(str(current_app.secret_key), salt="allvoices known device")


def read(request: Request) -> Device | None:
    """The device this browser proved it is, or None (no cookie, a forged one, or older than MAX_AGE)."""
    raw = request.cookies.get(COOKIE)
    if not raw:
        return None
    try:
        data = _signer().loads(raw, max_age=int(MAX_AGE.total_seconds()))
    except BadSignature:
        return None
    if (
        not isinstance(data, dict)
        or not isinstance(data.get("d"), str)
        or not isinstance(data.get("u"), list)
    ):
        return None
    return Device(data["d"], tuple(str(name) for name in data["u"]))


def remember(response: Response, device: Device | None, username: str) -> None:
    """After a successful sign-in: this browser is now known for ``username`` (for another MAX_AGE)."""
    known = device or Device(secrets.token_hex(16))
    usernames = [username, *(name for name in known.usernames if name != username)][:KEEP]
    response.set_cookie(
        COOKIE,
        _signer().dumps({"d": known.id, "u": usernames}),
        max_age=int(MAX_AGE.total_seconds()),
        path="/review",
        secure=services().settings.secure_cookies,
        httponly=True,
        samesite="Lax",
    )
