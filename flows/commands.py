"""Recognising commands and menu answers in what she typed.

A command is the whole message ("stop", "STOP.", "Stop 👍" is not): a word inside a story must never
stop, delete or restart anything.
"""

from __future__ import annotations

import re

from flows.catalog import command_words, command_words_anywhere, greetings, normalise


def command(text: str, lang: str) -> str | None:
    """The command this whole message is, in her language or English, if any."""
    folded = normalise(text)
    if not folded:
        return None
    for name, words in command_words(lang).items():
        if folded in words:
            return name
    return None


def command_anywhere(text: str, lang: str) -> tuple[str | None, frozenset[str]]:
    """Before her language is known: the command this message is in any language, and the languages
    it is that command in. Her current language and English decide when languages disagree."""
    own = command(text, lang)
    if own is not None:
        return own, frozenset()
    meanings = command_words_anywhere().get(normalise(text), {})
    if len(meanings) != 1:
        return None, frozenset()  # not a command, or two languages read it two ways
    ((name, langs),) = meanings.items()
    return name, langs


def greeting_languages(text: str, ignore: str | None = None) -> frozenset[str]:
    """The languages whose greeting this whole message is ("cześć", "salaam"), if it is one.

    ``ignore`` is a champion's code carried in the same words ("HELLO MEDWAY-BUMPS").
    """
    words = text
    if ignore:
        words = re.sub(re.escape(ignore), " ", words, flags=re.IGNORECASE)
    return greetings().get(normalise(words), frozenset())


def number(text: str) -> int | None:
    """A menu number, in any script's digits ("2", "2.", "٢", "২")."""
    folded = normalise(text).rstrip(")")
    if not folded or len(folded) > 3:
        return None
    try:
        return int(folded)
    except ValueError:
        return None
