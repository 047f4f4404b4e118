"""Closed classes that ran on after a name or a title: Arabizi's relative and prepositions with the
article ("elli", "bel", "fel": the nurse who…, at night), Bengali's object particle with "also" or "only"
("কেও", "কেই") written apart after a name."""

from __future__ import annotations

import pytest

from tests.bot.privacy.anonymise.redaction import redact


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "ar",
            "el nurse Rana elli kanet ma3i kanet 7elwe",
            "el nurse [STAFF NAME] elli kanet ma3i kanet 7elwe",
        ),
        ("ar", "w el nurse bel leil ma ijet", "w el nurse bel leil ma ijet"),
        ("bn", "আমার ভাই সুমন কেও ঢুকতে দেয়নি", "আমার ভাই [NAME] কেও ঢুকতে দেয়নি"),
    ],
)
def test_function_words_after_a_name_or_title_stay(lang: str, text: str, expected: str) -> None:
    assert redact(text, lang) == expected
