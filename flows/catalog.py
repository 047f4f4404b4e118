"""Prompts and command words, read from one gettext catalog per language.

Catalogs are ``.po`` files read with Babel at start-up rather than compiled ``.mo`` files, so a new
language is one file and needs no build step. Entries marked fuzzy are machine or non-native drafts:
they are still shown to her (better than English she may not read) but counted as unreviewed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from babel.messages.pofile import read_po

from flows.languages import BY_CODE, DEFAULT, LANGUAGES
from flows.types import Message, Reply

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "allvoices"
COMMANDS = (
    "stop",
    "start",
    "help",
    "delete",
    "new",
    "language",
    "done",
    "skip",
    "yes",
    "no",
    "read",
    "withdraw",
)
LITERAL = "_literal"
#: commands understood in every language before her language is known (her first messages): the ones
#: that must never fail her (STOP, HELP, DELETE...) and her answer to "shall we start?".
EARLY_COMMANDS = ("stop", "start", "help", "delete", "language", "yes", "no", "skip")
#: a parameter naming the language one part of a reply is written in (a menu line in its own language).
IN_LANG = "_lang"


@dataclass(frozen=True)
class Entry:
    text: str
    reviewed: bool


def catalog_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def entries(lang: str) -> Mapping[str, Entry]:
    path = catalog_path(lang)
    if not path.exists():
        return {}
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=None)
    found: dict[str, Entry] = {}
    for message in catalog:
        if not message.id or not isinstance(message.id, str) or not isinstance(message.string, str):
            continue
        if message.string:
            found[message.id] = Entry(message.string, reviewed=not message.fuzzy)
    return found


@cache
def available_languages() -> tuple[str, ...]:
    """Languages with a catalog, in the configured order (English first)."""
    return tuple(language.code for language in LANGUAGES if catalog_path(language.code).exists())


def text(lang: str, key: str) -> str:
    """The prompt in her language, else in English: a missing translation must never silence her."""
    found = entries(lang).get(key) or entries(DEFAULT).get(key)
    if found is None:
        raise KeyError(f"no catalog entry {key!r}")
    return found.text


def normalise(words: str) -> str:
    """Fold a short message for matching commands: case, accents kept, punctuation and spaces trimmed."""
    folded = unicodedata.normalize("NFC", words).casefold().strip()
    folded = re.sub(r"[\s]+", " ", folded)
    return folded.strip(" .!?,;:'\"¡¿۔؟।")


@cache
def command_words(lang: str) -> Mapping[str, frozenset[str]]:
    """Each command's words in her language plus English, which always works."""
    words: dict[str, frozenset[str]] = {}
    for command in COMMANDS:
        found: set[str] = set()
        for source in {DEFAULT, lang}:
            entry = entries(source).get(f"words.{command}")
            if entry is not None:
                found.update(normalise(word) for word in entry.text.split(",") if word.strip())
        words[command] = frozenset(found)
    return words


@cache
def command_words_anywhere() -> Mapping[str, Mapping[str, frozenset[str]]]:
    """Each early command word in any language: word -> {command: the languages it is theirs in}.

    A word two languages use for different commands is kept for both, so the caller can tell it is
    unclear and fall back to her current language's meaning.
    """
    found: dict[str, dict[str, set[str]]] = {}
    for lang in available_languages():
        for command in EARLY_COMMANDS:
            entry = entries(lang).get(f"words.{command}")
            if entry is None:
                continue
            for word in entry.text.split(","):
                if word.strip():
                    found.setdefault(normalise(word), {}).setdefault(command, set()).add(lang)
    return {
        word: {command: frozenset(langs) for command, langs in meanings.items()}
        for word, meanings in found.items()
    }


@cache
def greetings() -> Mapping[str, frozenset[str]]:
    """Each language's greetings ("words.hello"), folded: greeting -> the languages that say it."""
    found: dict[str, set[str]] = {}
    for lang in available_languages():
        entry = entries(lang).get("words.hello")
        if entry is None:
            continue
        for word in entry.text.split(","):
            if word.strip():
                found.setdefault(normalise(word), set()).add(lang)
    return {word: frozenset(langs) for word, langs in found.items()}


def render_message(lang: str, message: Message, context: Mapping[str, str]) -> str:
    params = {**context, **dict(message.params)}
    if message.key == LITERAL:
        return params["text"]
    own = params.pop(IN_LANG, lang)
    return text(own, message.key).format(**params)


def render(lang: str, reply: Reply, context: Mapping[str, str] | None = None) -> str:
    """One outbound text: the parts on their own lines, then the numbered choices."""
    ctx = dict(context or {})
    lines = [render_message(lang, part, ctx) for part in reply.parts]
    lines.extend(
        f"{number} {render_message(lang, choice, ctx)}" for number, choice in enumerate(reply.choices, 1)
    )
    return "\n".join(lines)


def is_rtl(lang: str) -> bool:
    language = BY_CODE.get(lang)
    return bool(language and language.rtl)
