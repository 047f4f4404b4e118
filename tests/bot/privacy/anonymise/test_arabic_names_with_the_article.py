"""A listed Arabic name with the article written onto it ("الشريف", "الحسين") is a name, and carries a
name on ("الدكتورة سلمى الشريف"); one of the thousand commonest words with it stays ("العربي").  After a
name a title or kin word pointed at, any word with the article but an adjective agreeing with her or an
everyday word is the second half of her name ("فاطمة الزهراء")."""

from __future__ import annotations

import pytest

from tests.bot.privacy.anonymise.redaction import redact


def test_a_surname_with_the_article_goes_with_the_name() -> None:
    assert redact("الدكتورة سلمى الشريف شرحت لي", "ar") == "الدكتورة [STAFF NAME] شرحت لي"


def test_a_common_word_with_the_article_stays() -> None:
    assert redact("تكلمت مع فاطمة العربي", "ar") == "تكلمت مع [NAME] العربي"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("القابلة سلمى الهاشمي بقيت معي للصبح", "القابلة [STAFF NAME] بقيت معي للصبح"),
        ("الممرضة سارة الدوسري هي اللي جابت لي الأكل", "الممرضة [STAFF NAME] هي اللي جابت لي الأكل"),
        ("الدكتورة ريم العنزي شرحت كل خطوة", "الدكتورة [STAFF NAME] شرحت كل خطوة"),
    ],
)
def test_the_second_half_of_her_name_goes_after_a_title_or_kin_word(text: str, expected: str) -> None:
    """Not listed, and not an everyday word: the article opens the second half of a two-word name."""
    assert redact(text, "ar") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("الممرضة سارة اللطيفة ساعدتني", "الممرضة [STAFF NAME] اللطيفة ساعدتني"),
        ("الممرضة هالة الصبح قالت لي ارتاحي", "الممرضة [STAFF NAME] الصبح قالت لي ارتاحي"),
    ],
)
def test_what_she_was_or_when_stays(text: str, expected: str) -> None:
    """A word that describes her agrees with her ("ة"), and a time of day is an everyday word."""
    assert redact(text, "ar") == expected
