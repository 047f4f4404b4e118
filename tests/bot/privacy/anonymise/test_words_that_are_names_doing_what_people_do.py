"""A word that is also a name is her name when she gives it its capital mid-sentence and a verb only a
person does follows it ("on nights Dawn held my hand till dawn"); a title or a modal there stays ("the
Royal said no", "if May came")."""

from __future__ import annotations

import pytest

from tests.bot.privacy.anonymise.redaction import redact


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("after the shift change Hope came to see us", "after the shift change [NAME] came to see us"),
        ("the student on nights Joy held my hand", "the student on nights [NAME] held my hand"),
    ],
)
def test_a_capitalised_word_that_is_also_a_name_doing_what_people_do_goes(text: str, expected: str) -> None:
    assert redact(text, "en") == expected


@pytest.mark.parametrize("text", ["the Royal said no visitors", "I asked if May came with a discount"])
def test_a_title_or_a_modal_before_such_a_verb_stays(text: str) -> None:
    assert redact(text, "en") == text
