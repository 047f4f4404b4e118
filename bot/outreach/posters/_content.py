"""What a poster says: the champion's code and group, the ways in, and the English "how to reach us"."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from flows.catalog import text
from flows.languages import DEFAULT

_PLACEHOLDER = re.compile(r"\{(code|number|link)\}")


@dataclass(frozen=True)
class PosterContent:
    """What one champion's poster says. Built by the caller from the champion's group record."""

    code: str  # e.g. "MEDWAY-BUMPS"
    group_name: str  # e.g. "Medway Bumps and Babies" (shown small)
    whatsapp_link: str | None  # the QR encodes this; if None the Telegram link; if both None, no QR
    sms_number: str | None  # e.g. "07700 900123", for "Text HELLO CODE to ..."
    telegram_link: str | None  # https://t.me/<bot>?start=CODE
    languages: tuple[str, ...]  # English first, then the group's chosen languages (our codes)


def plain(value: str) -> str:
    """User-typed names go on paper as one line of text: no control characters, no line breaks.

    Zero-width (non-)joiners stay, as Persian and Indic spellings need them; other format characters
    go, so a bidi override cannot make a name display backwards.
    """
    kept = []
    for char in value:
        category = unicodedata.category(char)
        if category[0] == "Z" or category == "Cc":
            kept.append(" ")
        elif category[0] != "C" or char in "\u200c\u200d":
            kept.append(char)
    return " ".join("".join(kept).split())


def number(value: str | None) -> str:
    """A phone number kept whole: no-break spaces never wrap, and inside Arabic or Urdu text the
    bidi algorithm treats them as part of the number, so "07700 900123" is not shown as "900123 07700".
    """
    return plain(value or "").replace(" ", "\u00a0")


def fill(template: str, values: dict[str, str]) -> str:
    """Fill {code}/{number}/{link} in one pass, so braces in a group's code are never re-expanded."""
    return _PLACEHOLDER.sub(lambda match: values[match.group(1)], template)


def qr_target(content: PosterContent) -> str | None:
    return content.whatsapp_link or content.telegram_link or None


def action_lines(content: PosterContent) -> tuple[str | None, list[str]]:
    """English "how to reach us" lines: the caption over the code, then SMS and Telegram."""
    values = {
        "code": plain(content.code),
        "number": number(content.sms_number),
        "link": plain(content.telegram_link or ""),
    }
    caption = text(DEFAULT, "poster.whatsapp") if content.whatsapp_link else None
    lines: list[str] = []
    if content.sms_number:
        lines.append(fill(text(DEFAULT, "poster.sms"), values))
    if content.telegram_link:
        lines.append(fill(text(DEFAULT, "poster.telegram"), values))
    return caption, lines
