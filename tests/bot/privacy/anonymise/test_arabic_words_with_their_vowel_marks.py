"""Arabic's short vowels and doubling marks are written only now and then ("وُلِدَ", "سارَة"): a word is
read as it is without them, so a verb with its marks after a name stays a verb and a name with them is
still a name."""

from __future__ import annotations

import pytest

from tests.bot.privacy.anonymise.redaction import redact


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ابني يوسف وُلِدَ في لوتن قبل موعده", "ابني [NAME] وُلِدَ في لوتن قبل موعده"),
        ("أخي عمر وُلد في نفس المستشفى", "أخي [NAME] وُلد في نفس المستشفى"),
        ("الممرضة سارَة ساعدتني بالرضاعة", "الممرضة [STAFF NAME] ساعدتني بالرضاعة"),
    ],
)
def test_a_word_is_read_without_its_vowel_marks(text: str, expected: str) -> None:
    assert redact(text, "ar") == expected
