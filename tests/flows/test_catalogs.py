"""Each catalog says all English says, keeps its placeholders and is honest about review."""

from __future__ import annotations

import re
import string

import pytest
from babel.messages.pofile import read_po

from flows.catalog import COMMANDS, DEFAULT, catalog_path, command_words, entries
from flows.languages import LANGUAGES

TRANSLATED = tuple(language.code for language in LANGUAGES if language.code != DEFAULT)
ENGLISH = entries(DEFAULT)
#: her own word a prompt tells her to send, before the English one: "TAK" in "Odpisz TAK (YES)".
OWN_WORD = re.compile(r"([^\s(),.:;،]+) \(([A-Z]+)\)")
#: an English command word in capitals, which always works: "STOP".
ENGLISH_WORD = re.compile(r"\b[A-Z]{2,}\b")


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("lang", TRANSLATED)
def test_each_catalog_parses_and_names_its_language(lang: str) -> None:
    with catalog_path(lang).open("rb") as handle:
        catalog = read_po(handle)
    assert f"Language: {lang}" in catalog_path(lang).read_text(encoding="utf-8")
    assert len(catalog) > 0


@pytest.mark.parametrize("lang", TRANSLATED)
def test_each_catalog_translates_every_english_string(lang: str) -> None:
    missing = sorted(set(ENGLISH) - set(entries(lang)))
    assert not missing, f"{lang} lacks {missing}"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_placeholders_are_kept_exactly(lang: str) -> None:
    for key, english in ENGLISH.items():
        assert placeholders(entries(lang)[key].text) == placeholders(english.text), f"{lang} {key}"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_drafts_by_non_native_speakers_are_never_presented_as_reviewed(lang: str) -> None:
    reviewed = [key for key, entry in entries(lang).items() if entry.reviewed]
    assert not reviewed, f"{lang}: {reviewed} marked reviewed; only a native reviewer clears fuzzy"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_command_has_her_own_words(lang: str) -> None:
    for command in COMMANDS:
        words = [word.strip() for word in entries(lang)[f"words.{command}"].text.split(",")]
        assert all(words), f"{lang} words.{command} has an empty word"
        assert all(word == word.casefold() for word in words), f"{lang} words.{command} not lowercase"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_no_word_means_two_different_commands(lang: str) -> None:
    seen: dict[str, str] = {}
    for command, words in command_words(lang).items():
        for word in words:
            assert seen.setdefault(word, command) == command, (
                f"{lang}: {word!r} is {seen[word]} and {command}"
            )


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_word_a_prompt_tells_her_to_send_works(lang: str) -> None:
    known = set().union(*command_words(lang).values()) | {"hello"}  # HELLO is the poster's keyword
    for key, entry in entries(lang).items():
        if key.startswith("words."):
            continue
        for own, english in OWN_WORD.findall(entry.text):
            assert own.casefold() in command_words(lang)[_command(english)], f"{lang} {key}: {own!r}"
        for english in ENGLISH_WORD.findall(entry.text):
            assert english.casefold() in known | {"sms"}, f"{lang} {key}: {english!r} is no command"


def _command(english: str) -> str:
    """The command an English capitalised word in a prompt stands for."""
    return next(name for name, words in command_words(DEFAULT).items() if english.casefold() in words)
