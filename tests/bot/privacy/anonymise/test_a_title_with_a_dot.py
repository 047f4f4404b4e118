"""A title written short with a dot ("Dr.", "ડૉ.", "Dra.", "ডা.") still points at the name after it:
the dot ends the title, not the sentence; a dot after any other word still ends a sentence."""

from __future__ import annotations

import pytest

from bot.privacy.anonymise._tokens import tokenise
from tests.bot.privacy.anonymise.redaction import redact


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("gu", "ડૉ. મહેતા એ બધું સમજાવ્યું", "ડૉ. [STAFF NAME] એ બધું સમજાવ્યું"),
        ("pt", "a Dra. Mendes foi muito paciente", "a Dra. [STAFF NAME] foi muito paciente"),
        ("bn", "ডা. হোসেন ভালো ছিলেন", "ডা. [STAFF NAME] ভালো ছিলেন"),
    ],
)
def test_a_name_after_a_title_with_a_dot_is_staff(lang: str, text: str, expected: str) -> None:
    assert redact(text, lang) == expected


def test_a_dot_after_an_ordinary_word_still_ends_the_sentence() -> None:
    tokens = tokenise("we waited. Then dr. Obi came")
    assert [t.sentence_start for t in tokens] == [True, False, True, False, False, False]
