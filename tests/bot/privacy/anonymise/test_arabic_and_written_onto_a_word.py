"""Arabic writes "and" (و) and "so" (ف) onto the word after them: "وما حدا إجا", "وكان", "فما" open
a sentence as often as "ما" and "كان" do, and are as ordinary; a name that starts with those letters
("وليد", "فاطمة") or one "and" is written onto ("وأروى") is still a name."""

from __future__ import annotations

import pytest

from bot.privacy.anonymise._lexicon import gazetteer
from bot.privacy.anonymise._stopwords import _BY_LANGUAGE, _with_and
from tests.bot.privacy.anonymise.redaction import redact


@pytest.mark.parametrize("word", ["وما", "وهو", "وكان", "وفي", "ولما", "فما", "وكمان", "وبس"])
def test_a_function_word_with_and_written_onto_it_stays_opening_a_story(word: str) -> None:
    assert word in redact(f"{word} حدا إجا عالمستشفى", "ar")


@pytest.mark.parametrize(("text", "name"), [("وليد جاء بالليل", "وليد"), ("فاطمة قالت شي", "فاطمة")])
def test_a_name_that_starts_with_those_letters_is_still_taken_out(text: str, name: str) -> None:
    assert name not in redact(text, "ar")


def test_no_word_made_by_writing_and_onto_a_function_word_is_a_listed_name() -> None:
    assert not {word for word in _with_and(_BY_LANGUAGE["ar"]) if word in gazetteer().names}
