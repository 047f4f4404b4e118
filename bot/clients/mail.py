"""Outgoing email through SMTP_URL: digests and urgent alerts (never her words or her number)."""

from __future__ import annotations

import smtplib
import ssl
from email.message import EmailMessage
from typing import Protocol
from urllib.parse import unquote, urlsplit


class MailSettings(Protocol):
    @property
    def smtp_url(self) -> str: ...
    @property
    def digest_from(self) -> str: ...


def send_email(
    settings: MailSettings, to: tuple[str, ...], subject: str, body: str, html: str | None = None
) -> None:
    """One email through SMTP_URL (smtp://host:port, or smtps://user:password@host:465)."""
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
