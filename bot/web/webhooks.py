"""Provider webhooks: thin. Verify the signature or secret, store, answer; everything else is queued.

A webhook that cannot be verified is refused (403) before anything is stored. A database that is down
answers 503, so the provider tries again later: nothing is half-stored because the store is one
transaction.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

from flask import Blueprint, Response, request
from flask.typing import ResponseReturnValue
from sqlalchemy.exc import SQLAlchemyError

from bot.chat.delivery import apply_status
from bot.chat.receive import receive
from bot.web.current import services
from channels import telegram, twilio
from channels.twilio import WebhookRejected

blueprint = Blueprint("webhooks", __name__, url_prefix="/webhooks")
log = logging.getLogger(__name__)
T = TypeVar("T")
EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>'


def _public_url() -> str:
    """The URL the provider signed: our public base plus the path and query it called."""
    query = request.query_string.decode("latin-1")
    return services().settings.public_url + request.path + (f"?{query}" if query else "")


def _twilio_signed(parse: Callable[[str, dict[str, str], str | None, str, str], T]) -> T:
    """Parse a Twilio webhook only if Twilio signed it (raises WebhookRejected otherwise)."""
    settings = services().settings
    if not settings.twilio_auth_token:
        raise WebhookRejected(403, "Twilio is not configured")
    return parse(
        _public_url(),
        request.form.to_dict(),
        request.headers.get("X-Twilio-Signature"),
        settings.twilio_account_sid,
        settings.twilio_auth_token,
    )


@blueprint.post("/twilio")
def twilio_inbound() -> ResponseReturnValue:
    try:
        message = _twilio_signed(twilio.parse_inbound)
    except WebhookRejected as rejected:
        log.warning("twilio webhook refused (%s): %s", rejected.status, rejected)
        return "", rejected.status
    try:
        receive(services(), message)
    except SQLAlchemyError:
        log.exception("twilio webhook: database unavailable, asking Twilio to retry")
        return "", 503
    return Response(EMPTY_TWIML, status=200, mimetype="text/xml")


@blueprint.post("/twilio/status")
def twilio_status() -> ResponseReturnValue:
    try:
        update = _twilio_signed(twilio.parse_status)
    except WebhookRejected as rejected:
        return "", rejected.status
    try:
        apply_status(
            services(), update.provider_id, update.status, update.error_code, request.args.get("ref")
        )
    except SQLAlchemyError:
        log.exception("twilio status: database unavailable, asking Twilio to retry")
        return "", 503
    return "", 204


@blueprint.post("/telegram")
def telegram_update() -> ResponseReturnValue:
    settings = services().settings
    if not settings.telegram_webhook_secret:
        return {"ok": False, "description": "Telegram is not configured"}, 403
    try:
        parsed = telegram.parse_update(
            request.get_data(),
            request.headers.get("X-Telegram-Bot-Api-Secret-Token"),
            settings.telegram_webhook_secret,
        )
    except WebhookRejected as rejected:
        log.warning("telegram webhook refused (%s): %s", rejected.status, rejected)
        return {"ok": False}, rejected.status
    if parsed is None:
        return {"ok": True}
    try:
        receive(services(), parsed.message)
    except SQLAlchemyError:
        log.exception("telegram webhook: database unavailable, asking Telegram to retry")
        return {"ok": False}, 503
    sender = services().senders.get(telegram.TRANSPORT)
    if parsed.callback_query_id and isinstance(sender, telegram.TelegramSender):
        try:
            sender.answer_callback(parsed.callback_query_id)
        except Exception:  # the button's spinner stops by itself; her message is already kept
            log.warning("telegram: could not answer a button press")
    return {"ok": True}
