"""The one helper these tests share: a story as staff would read it after anonymising."""

from __future__ import annotations

from bot.privacy.anonymise import anonymise


def redact(text: str, lang: str | None = None) -> str:
    return anonymise(text, lang).redacted
