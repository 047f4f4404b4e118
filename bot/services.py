"""The parts every entry point needs (web app, worker, CLI), built once from settings."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.config import Settings
from channels.base import Sender
from channels.simulator import TRANSPORT as SIMULATOR, SimulatorSender
from flows.catalog import available_languages
from flows.story import FlowConfig
from storage.db import Database
from storage.vault import Vault


@dataclass
class Services:
    settings: Settings
    db: Database
    vault: Vault
    flow: FlowConfig
    senders: dict[str, Sender] = field(default_factory=dict)

    @classmethod
    def build(cls, settings: Settings) -> Services:
        flow = FlowConfig(
            sites=settings.sites,
            languages=available_languages(),
            nudge_after=settings.nudge_after,
            give_up_after=settings.give_up_after,
            reply_days=settings.reply_target_days,
            triage=settings.triage,
        )
        return cls(
            settings, Database(settings.database_url), Vault(settings.secret_key), flow, senders(settings)
        )


def senders(settings: Settings) -> dict[str, Sender]:
    """A sender per configured channel; the simulator is always there."""
    found: dict[str, Sender] = {SIMULATOR: SimulatorSender()}
    if settings.twilio_account_sid and settings.twilio_auth_token:
        from channels.twilio import TRANSPORT as TWILIO, TwilioSender

        found[TWILIO] = TwilioSender(
            account_sid=settings.twilio_account_sid,
            auth_token=settings.twilio_auth_token,
            from_sms=settings.twilio_from_sms,
            from_whatsapp=settings.twilio_from_whatsapp,
            api_url=settings.twilio_api_url or None,
            status_callback_url=f"{settings.public_url}/webhooks/twilio/status",
        )
    if settings.telegram_bot_token:
        from channels.telegram import TRANSPORT as TELEGRAM, TelegramSender

        found[TELEGRAM] = TelegramSender(settings.telegram_bot_token, settings.telegram_api_url or None)
    return found
