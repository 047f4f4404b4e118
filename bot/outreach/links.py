"""What a champion hands out: links that carry her code, and the poster's words."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

import phonenumbers

from bot.config import Settings


@dataclass(frozen=True)
class Links:
    whatsapp: str | None
    sms_number: str | None
    sms_instruction: str | None
    telegram: str | None


def first_message(code: str) -> str:
    return f"HELLO {code}"


def _national(number: str) -> str:
    try:
        parsed = phonenumbers.parse(number, "GB")
    except phonenumbers.NumberParseException:
        return number
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)


def links(settings: Settings, code: str) -> Links:
    """Each channel's way in, with the code in her first message so it is counted."""
    whatsapp = None
    if settings.twilio_from_whatsapp:
        digits = "".join(ch for ch in settings.twilio_from_whatsapp if ch.isdigit())
        whatsapp = f"https://wa.me/{digits}?text={quote(first_message(code))}"
    sms_number = _national(settings.twilio_from_sms) if settings.twilio_from_sms else None
    telegram = (
        f"https://t.me/{settings.telegram_bot_username}?start={code}"
        if settings.telegram_bot_username
        else None
    )
    return Links(
        whatsapp=whatsapp,
        sms_number=sms_number,
        sms_instruction=f"Text {first_message(code)} to {sms_number}" if sms_number else None,
        telegram=telegram,
    )
