"""Which channels this deployment has, built once from settings: senders, webhooks, invite links, commands.

The app asks the registry, never a provider: "the sender for this transport", "the webhook for this
path", "the ways in for this champion code" (`invites`), "which transport carries SMS". Adding a
provider means a new adapter module and a few lines here.

May import: the adapters in ``channels/`` and ``click`` (for provider set-up commands).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol
from urllib.parse import quote

import click
import phonenumbers

from channels import simulator, telegram, twilio, twilio_voice
from channels.base import Sender, Webhook


class ChannelSettings(Protocol):
    """The settings the adapters read (``bot.config.Settings`` has them all)."""

    @property
    def public_url(self) -> str: ...
    @property
    def twilio_account_sid(self) -> str: ...
    @property
    def twilio_auth_token(self) -> str: ...
    @property
    def twilio_from_sms(self) -> str: ...
    @property
    def twilio_from_whatsapp(self) -> str: ...
    @property
    def twilio_api_url(self) -> str: ...
    @property
    def twilio_whatsapp_template_sid(self) -> str: ...
    @property
    def telegram_bot_token(self) -> str: ...
    @property
    def telegram_webhook_secret(self) -> str: ...
    @property
    def telegram_api_url(self) -> str: ...
    @property
    def telegram_bot_username(self) -> str: ...


@dataclass(frozen=True)
class Invite:
    """One way in for a champion's poster: a link or a number to text, or what is missing to make one."""

    channel: str
    link: str | None = None
    number: str | None = None  # to text, as people write it locally
    instruction: str | None = None  # "Text HELLO CODE to 07700 900123"
    missing: str | None = None  # the setting that would make this way in


#: loggers that write request URLs (a bot token is in Telegram's), chat ids, numbers or texts below WARNING
#: (twilio.http_client logs every request and its headers at INFO)
NOISY_LOGGERS = ("httpx", "httpcore", "telegram", "twilio.http_client")
#: every transport a sender may have come in on, for finding her again by number
TRANSPORTS = (twilio.TRANSPORT, telegram.TRANSPORT, simulator.TRANSPORT)


@dataclass
class Channels:
    senders: dict[str, Sender] = field(default_factory=dict)
    webhooks: dict[str, Webhook] = field(default_factory=dict)

    def sender(self, transport: str) -> Sender | None:
        return self.senders.get(transport)

    def transport_for(self, channel: str) -> str | None:
        """The real transport that carries ``channel`` here (for messages to staff, e.g. on-call SMS)."""
        if channel in ("sms", "whatsapp") and twilio.TRANSPORT in self.senders:
            return twilio.TRANSPORT
        if channel == "telegram" and telegram.TRANSPORT in self.senders:
            return telegram.TRANSPORT
        return None


def _national(number: str) -> str:
    try:
        parsed = phonenumbers.parse(number, "GB")
    except phonenumbers.NumberParseException:
        return number
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)


def invites(settings: ChannelSettings, greeting: str, code: str) -> list[Invite]:
    """Each channel's way in, with her first words (``greeting``) carrying the champion's code."""
    whatsapp = Invite("whatsapp", missing="TWILIO_FROM_WHATSAPP")
    if settings.twilio_from_whatsapp:
        digits = "".join(ch for ch in settings.twilio_from_whatsapp if ch.isdigit())
        whatsapp = Invite("whatsapp", link=f"https://wa.me/{digits}?text={quote(greeting)}")
    sms = Invite("sms", missing="TWILIO_FROM_SMS")
    if settings.twilio_from_sms:
        number = _national(settings.twilio_from_sms)
        sms = Invite("sms", number=number, instruction=f"Text {greeting} to {number}")
    chat = Invite("telegram", missing="TELEGRAM_BOT_USERNAME")
    if settings.telegram_bot_username:
        chat = Invite("telegram", link=f"https://t.me/{settings.telegram_bot_username}?start={code}")
    return [whatsapp, sms, chat]


def build(settings: ChannelSettings) -> Channels:
    """A sender per configured channel (the simulator is always there) and every provider's webhook.

    Webhooks are listed even when their provider is not set up, so a call to them is refused (403)
    rather than unknown (404).
    """
    found = Channels()
    found.senders[simulator.TRANSPORT] = simulator.SimulatorSender()
    if settings.twilio_account_sid and settings.twilio_auth_token:
        found.senders[twilio.TRANSPORT] = twilio.TwilioSender(
            account_sid=settings.twilio_account_sid,
            auth_token=settings.twilio_auth_token,
            from_sms=settings.twilio_from_sms,
            from_whatsapp=settings.twilio_from_whatsapp,
            api_url=settings.twilio_api_url or None,
            status_callback_url=f"{settings.public_url}/webhooks/twilio/status",
            opener_template=settings.twilio_whatsapp_template_sid,
        )
    if settings.telegram_bot_token:
        found.senders[telegram.TRANSPORT] = telegram.TelegramSender(
            settings.telegram_bot_token, settings.telegram_api_url or None
        )
    messaging = twilio.TwilioWebhooks(settings.twilio_account_sid, settings.twilio_auth_token)
    found.webhooks["twilio"] = messaging.inbound
    found.webhooks["twilio/status"] = messaging.status
    found.webhooks["twilio/voice"] = twilio_voice.TwilioVoice(
        settings.twilio_account_sid,
        settings.twilio_auth_token,
        f"{settings.public_url}/webhooks/twilio/voice",
    )
    found.webhooks["telegram"] = telegram.TelegramWebhook(settings.telegram_webhook_secret)
    return found


def commands(settings: Callable[[], ChannelSettings]) -> list[click.Command]:
    """Provider set-up commands for ``allvoices``; ``settings`` is read only when one runs."""

    @click.group("telegram")
    def telegram_group() -> None:
        """The Telegram bot."""

    @telegram_group.command("set-webhook")
    def set_webhook() -> None:
        """Register ALLVOICES_PUBLIC_URL/webhooks/telegram with Telegram, with the secret token."""
        current = settings()
        if not current.telegram_bot_token or not current.telegram_webhook_secret:
            raise click.UsageError("set TELEGRAM_BOT_TOKEN and TELEGRAM_WEBHOOK_SECRET first")
        url = f"{current.public_url}/webhooks/telegram"
        telegram.set_webhook(
            current.telegram_bot_token,
            current.telegram_api_url or None,
            url,
            current.telegram_webhook_secret,
        )
        click.echo(f"Telegram will call {url}")

    return [telegram_group]
