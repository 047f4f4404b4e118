"""Provider webhooks: thin. The channel registry names a handler per path; it verifies and parses, we
store, and the provider gets the answer the handler chose. Everything else is queued.

A webhook that cannot be verified is refused (403) before anything is stored. A database that is down
answers 503, so the provider tries again later: nothing is half-stored because the store is one
transaction.
"""

from __future__ import annotations

import logging

from flask import Blueprint, Response, abort, request
from flask.typing import ResponseReturnValue
from sqlalchemy.exc import SQLAlchemyError

from bot.chat.delivery import apply_status
from bot.chat.receive import receive
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
                receive(services(), result.message)
            if result.report is not None:
                apply_status(services(), result.report)
        except SQLAlchemyError:
            log.exception("%s webhook: database unavailable, asking the provider to retry", name)
            return "", 503
        if result.button is not None and result.message is not None:
            sender = services().channels.sender(result.message.transport)
            try:
                if sender is not None:
                    sender.answer_button(result.button)
            except Exception:  # the button's spinner stops by itself; her message is already kept
                log.warning("%s: could not acknowledge a button press", name)
    return Response(result.body, status=result.status, mimetype=result.content_type)
