"""Provider webhooks: thin. The channel registry names a handler per path; it verifies and parses, we
keep what it carries, and the provider gets the answer the handler chose. The worker does the rest.

A webhook that cannot be verified is refused (403) before anything is kept. What it carries is stored
in one short transaction, or — when the database is away or stuck — kept in the local spool
(``bot.chat.intake``); only when neither can keep it does the provider get a 503, so it tries again.
"""

from __future__ import annotations

import logging

from flask import Blueprint, Response, abort, request
from flask.typing import ResponseReturnValue

from bot.chat.intake import NotKept, keep, keep_report
from bot.web.current import services
from channels.base import WebRequest

blueprint = Blueprint("webhooks", __name__, url_prefix="/webhooks")
log = logging.getLogger(__name__)


def _as_called() -> WebRequest:
    """The request as the provider made it: the URL it signed is our public base plus path and query."""
    query = request.query_string.decode("latin-1")
    return WebRequest(
        url=services().settings.public_url + request.path + (f"?{query}" if query else ""),
        headers=dict(request.headers.items()),
        form=request.form.to_dict(),
        query=request.args.to_dict(),
        body=request.get_data(),
    )


@blueprint.post("/<path:name>")
def webhook(name: str) -> ResponseReturnValue:
    handler = services().channels.webhooks.get(name)
    if handler is None:
        abort(404)
    result = handler(_as_called())
    if result.refused is not None:
        log.warning("%s webhook refused (%s): %s", name, result.status, result.refused)
    else:
        try:
            if result.message is not None:
                keep(services(), result.message)
            if result.report is not None:
                keep_report(services(), result.report)
        except NotKept:
            log.exception("%s webhook: neither the database nor the spool could keep it", name)
            return "", 503
        if result.button is not None and result.message is not None:
            sender = services().channels.sender(result.message.transport)
            try:
                if sender is not None:
                    sender.answer_button(result.button)
            except Exception:  # the button's spinner stops by itself; her message is already kept
                log.warning("%s: could not acknowledge a button press", name)
    return Response(result.body, status=result.status, mimetype=result.content_type)
