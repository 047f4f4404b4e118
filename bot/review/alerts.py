"""Urgent risk never waits: the on-call lead is told at once, by email and/or SMS.

An alert carries the reference code and a link, never her words or her number: email and SMS are not
places for them. Every alert and what was done about it is recorded, and appears in the digest.
"""

from __future__ import annotations

import logging
import smtplib
import ssl
from datetime import UTC, datetime
from email.message import EmailMessage
from urllib.parse import unquote, urlsplit

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.services import Services
from channels.base import canonical_address
from storage import audit, outbox
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
    alert = Alert(
        story_id=story.id,
        story_ref=story.ref,
        risks=list(risks),
        email_status="pending" if services.settings.alert_emails else "off",
    )
    session.add(alert)
    session.flush()
    audit.record(session, "system", "urgent_flagged", story.ref, risks=list(risks))
    text = alert_text(services, story.ref, risks)
    for number in services.settings.alert_sms:
        outbox.enqueue(
            session,
            idempotency_key=f"alert-{alert.id}-{number[-4:]}",
            channel="sms",
            transport="twilio",
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
        pending = [
            (alert.id, alert.story_ref, list(alert.risks))
            for alert in session.scalars(select(Alert).where(Alert.email_status == "pending").limit(20))
        ]
    for alert_id, ref, risks in pending:
        status = "sent"
        try:
            send_email(
                services,
                services.settings.alert_emails,
                f"allvoices: urgent story {ref}",
                alert_text(services, ref, risks)
                + "\n\nThis email has none of her words or contact details, by design.",
            )
        except (OSError, smtplib.SMTPException) as error:
            log.warning("alert %s: email failed (%s), will retry", alert_id, type(error).__name__)
            status = "pending"
        with services.db.session() as session:
            alert = session.get(Alert, alert_id)
            if alert is not None and status == "sent":
                alert.email_status = "sent"
                alert.email_sent_at = datetime.now(UTC)
    return len(pending)


def send_email(
    services: Services, to: tuple[str, ...], subject: str, body: str, html: str | None = None
) -> None:
    """One email through SMTP_URL (smtp://host:port, or smtps://user:password@host:465)."""
    settings = services.settings
    if not settings.smtp_url or not to:
        raise smtplib.SMTPException("SMTP_URL or recipients not set")
    url = urlsplit(settings.smtp_url)
    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = settings.digest_from or "allvoices@localhost"
    message["To"] = ", ".join(to)
    message.set_content(body)
    if html is not None:
        message.add_alternative(html, subtype="html")
    host, port = url.hostname or "localhost", url.port
    client: smtplib.SMTP
    if url.scheme == "smtps":
        client = smtplib.SMTP_SSL(host, port or 465, timeout=15, context=ssl.create_default_context())
    else:
        client = smtplib.SMTP(host, port or 25, timeout=15)
    with client:
        if url.username:
            client.login(unquote(url.username), unquote(url.password or ""))
        client.send_message(message)


def mark(session: Session, alert: Alert, who: str, action: str, note: str = "") -> None:
    """Seen or acted on: who and when, kept for the digest and the audit log."""
    now = datetime.now(UTC)
    if action == "seen" and alert.seen_at is None:
        alert.seen_by, alert.seen_at = who, now
    elif action == "acted":
        alert.seen_by, alert.seen_at = alert.seen_by or who, alert.seen_at or now
        alert.acted_by, alert.acted_at, alert.action_note = who, now, note.strip() or None
    audit.record(session, who, f"alert_{action}", alert.story_ref)
