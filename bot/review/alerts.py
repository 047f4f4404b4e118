"""Urgent risk never waits: the on-call lead is told at once, by email and/or SMS.

An alert carries the reference code and a link, never her words or her number: email and SMS are not
places for them. Every alert and what was done about it is recorded, and appears in the digest.

A simulated story (anyone who can reach /simulator can type one) is still flagged urgent, so the flow
can be seen working, but nobody is emailed or texted about it.
"""

from __future__ import annotations

import logging
import smtplib
from datetime import UTC, datetime

from sqlalchemy.orm import Session

from bot.clients.mail import send_email
from bot.services import Services
from channels.base import canonical_address
from channels.simulator import simulated
from storage import alerts, audit, outbox
from storage.models import Alert, Story

log = logging.getLogger(__name__)
RISK_WORDS = {
    "clinical": "urgent clinical signs",
    "baby_unwell": "a baby who may be unwell",
    "self_harm": "thoughts of suicide or self-harm",
    "abuse": "domestic abuse or fear of going home",
}


def raise_alert(services: Services, session: Session, story: Story, risks: tuple[str, ...]) -> Alert:
    assert story.ref is not None
    if simulated(story.transport):
        audit.record(session, "system", "urgent_flagged", story.ref, risks=list(risks), simulated=True)
        return alerts.add(session, story, list(risks), "simulated")
    alert = alerts.add(session, story, list(risks), "pending" if services.settings.alert_emails else "off")
    audit.record(session, "system", "urgent_flagged", story.ref, risks=list(risks))
    text = alert_text(services, story.ref, risks)
    for number in services.settings.alert_sms:
        outbox.enqueue(
            session,
            idempotency_key=f"alert-{alert.id}-{number[-4:]}",
            channel="sms",
            transport=services.channels.transport_for("sms") or "unconfigured",
            address_sealed=services.vault.seal(canonical_address("sms", number)),
            body=text,
            contact_id=None,
            kind="alert",
        )
    return alert


def alert_text(services: Services, ref: str, risks: tuple[str, ...] | list[str]) -> str:
    what = ", ".join(RISK_WORDS.get(risk, risk) for risk in risks)
    return (
        f"allvoices URGENT {ref}: a message showed {what}. She has been given the emergency numbers. "
        f"Please look now: {services.settings.public_url}/review/story/{ref}"
    )


def send_pending(services: Services) -> int:
    """Email alerts not yet sent (the worker runs this every few seconds)."""
    with services.db.session() as session:
        pending = [(alert.id, alert.story_ref, list(alert.risks)) for alert in alerts.email_pending(session)]
    for alert_id, ref, risks in pending:
        status = "sent"
        try:
            send_email(
                services.settings,
                services.settings.alert_emails,
                f"allvoices: urgent story {ref}",
                alert_text(services, ref, risks)
                + "\n\nThis email has none of her words or contact details, by design.",
            )
        except (OSError, smtplib.SMTPException) as error:
            log.warning("alert %s: email failed (%s), will retry", alert_id, type(error).__name__)
            status = "pending"
        with services.db.session() as session:
            alert = alerts.get(session, alert_id)
            if alert is not None and status == "sent":
                alert.email_status = "sent"
                alert.email_sent_at = datetime.now(UTC)
    return len(pending)


def mark(session: Session, alert: Alert, who: str, action: str, note: str = "") -> None:
    """Seen or acted on: who and when, kept for the digest and the audit log."""
    now = datetime.now(UTC)
    if action == "seen" and alert.seen_at is None:
        alert.seen_by, alert.seen_at = who, now
    elif action == "acted":
        alert.seen_by, alert.seen_at = alert.seen_by or who, alert.seen_at or now
        alert.acted_by, alert.acted_at, alert.action_note = who, now, note.strip() or None
    audit.record(session, who, f"alert_{action}", alert.story_ref)
