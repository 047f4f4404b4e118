"""Recognising commands and menu answers in what she typed.

A command is the whole message ("stop", "STOP.", "Stop 👍" is not): a word inside a story must never
stop, delete or restart anything.
"""

from __future__ import annotations

from flows.catalog import command_words, normalise


def command(text: str, lang: str) -> str | None:
    """The command this whole message is, in her language or English, if any."""
    folded = normalise(text)
    if not folded:
        return None
    for name, words in command_words(lang).items():
        if folded in words:
            return name
    return None


def number(text: str) -> int | None:
    """A menu number, in any script's digits ("2", "2.", "٢", "২")."""
    folded = normalise(text).rstrip(")")
    if not folded or len(folded) > 3:
        return None
    try:
        return int(folded)
    except ValueError:
        return None
