"""Input no page can use, turned away before it reaches the database: it would come back as a 500.

- NUL: PostgreSQL cannot store or even compare text holding it (``%00`` in an address or a form).
  Nobody types it, so it is refused with 400 everywhere but the provider webhooks, which are left to
  their adapters (a provider's message is hers, and is never refused for a character).
- An id in an address past what the database's integer columns hold (``/review/media/99999…``) is no
  row at all: such addresses answer 404, like any other id that names nothing.
"""

from __future__ import annotations

from typing import Any

from flask import Flask, abort, request
from werkzeug.routing import IntegerConverter, Map

WEBHOOKS = "/webhooks/"
NUL = "\x00"


def _holds_nul() -> bool:
    if NUL in request.path:
        return True
    for values in (request.args, request.form):
        if any(NUL in key or NUL in value for key, value in values.items(multi=True)):
            return True
    if request.is_json:
        body = request.get_data(as_text=True)
        return NUL in body or "\\u0000" in body.lower()
    return False


class DatabaseId(IntegerConverter):
    """``<int:…>`` in a route: a whole number the database's ids can hold (SQL INTEGER), else no match."""

    def __init__(self, map: Map, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("max", 2**31 - 1)
        super().__init__(map, *args, **kwargs)


def init_app(app: Flask) -> None:
    """Before any blueprint is registered, so every ``<int:…>`` route is built with ``DatabaseId``."""
    app.url_map.converters["int"] = DatabaseId

    @app.before_request
    def refuse_nul() -> None:
        if not request.path.startswith(WEBHOOKS) and _holds_nul():
            abort(400)
