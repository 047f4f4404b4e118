"""The simulator: chat as a sender, locally, through the same inbound path and outbox as a real channel.

A voice note may be simulated (no sound), or a real recording (an audio file) that the worker writes down.

The made-up number lives in the signed session cookie, never in a URL, so it is never in a log line.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, redirect, render_template, request, session, url_for
from flask.typing import ResponseReturnValue

from bot.chat.delivery import deliver_due
from bot.chat.receive import receive
from bot.web.current import services
from channels import simulator
from channels.base import CHANNELS, canonical_address
from flows.types import MediaKind
from storage import contacts, inbound, outbox

blueprint = Blueprint("simulator", __name__, url_prefix="/simulator")
MEDIA_CHOICES = {"voice": MediaKind.AUDIO, "photo": MediaKind.IMAGE}


def _current() -> tuple[str, str] | None:
    chosen = session.get("simulator")
    if not isinstance(chosen, dict):
        return None
    return str(chosen.get("channel", "")), str(chosen.get("sender", ""))


@blueprint.get("", strict_slashes=False)
def page() -> ResponseReturnValue:
    current = _current()
    return render_template(
        "simulator/page.html",
        channels=CHANNELS,
        channel=current[0] if current else "whatsapp",
        sender=current[1] if current else "",
        chatting=current is not None,
    )


@blueprint.post("/start")
def start() -> ResponseReturnValue:
    channel = request.form.get("channel", "whatsapp")
    sender = request.form.get("sender", "").strip()[:40]
    if channel not in CHANNELS or not sender:
        return redirect(url_for("simulator.page"))
    session["simulator"] = {"channel": channel, "sender": sender}
    return redirect(url_for("simulator.page"))


@blueprint.post("/reset")
def reset() -> ResponseReturnValue:
    session.pop("simulator", None)
    return redirect(url_for("simulator.page"))


@blueprint.post("/send")
def send() -> ResponseReturnValue:
    current = _current()
    if current is None:
        return {"error": "choose a channel and a number first"}, 400
    channel, sender = current
    text = request.form.get("text", "")
    media = (MEDIA_CHOICES[request.form["media"]],) if request.form.get("media") in MEDIA_CHOICES else ()
    recording = request.files.get("recording")
    files: tuple[tuple[bytes, str], ...] = ()
    if recording is not None and recording.filename:
        # A real recording, so it can be written down like a voice note from her phone.
        files = ((recording.read(), recording.mimetype or "audio/wav"),)
    received = receive(services(), simulator.inbound(channel, sender, text, media, files))
    deliver_due(services(), ids=received.outbox_ids)
    return {"ok": True}


@blueprint.get("/messages")
def messages() -> ResponseReturnValue:
    """Her side of the conversation: what she sent and what reached her phone, in order."""
    current = _current()
    if current is None:
        return {"messages": []}
    channel, sender = current
    found: list[dict[str, Any]] = []
    app_services = services()
    with app_services.db.reading() as db:
        contact = contacts.find(
            db, app_services.vault, simulator.TRANSPORT, channel, canonical_address(channel, sender)
        )
        if contact is not None:
            for message in inbound.of_contact(db, contact.id):
                found.append(
                    {
                        "from": "her",
                        "text": app_services.vault.open(message.body_sealed),
                        "media": [item["kind"] for item in message.media],
                        "at": message.received_at.isoformat(),
                    }
                )
            for row in outbox.for_contact(db, contact.id):
                at = row.sent_at or row.created_at
                found.append(
                    {"from": "service", "text": row.body, "choices": row.choices, "at": at.isoformat()}
                )
    found.sort(key=lambda message: str(message["at"]))
    return {"messages": found, "channel": channel}
