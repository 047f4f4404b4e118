"""Input no page can use: a NUL character, refused with 400 before any view runs.

PostgreSQL cannot store or even compare text holding NUL (``%00`` in an address or a form), so one
would reach the database as an error and come back as a 500. Nobody types it, so it is refused
outright on the staff pages and the simulator; provider webhooks are left to their adapters.
"""

from __future__ import annotations

from flask import Flask, abort, request

GUARDED = ("/review", "/simulator")
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


def init_app(app: Flask) -> None:
    @app.before_request
    def refuse_nul() -> None:
        if request.path.startswith(GUARDED) and _holds_nul():
            abort(400)
