"""A health visitor named after her role in her language, and the words of a role or kin phrase never
taken as a name, even opening the story."""

from __future__ import annotations

import pytest

from tests.bot.privacy.anonymise.redaction import redact


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("ar", "الزائرة الصحية سعاد قالت إن حليبي قليل", "الزائرة الصحية [STAFF NAME] قالت إن حليبي قليل"),
        ("gu", "હેલ્થ વિઝિટર પ્રીતિ એ કહ્યું", "હેલ્થ વિઝિટર [STAFF NAME] એ કહ્યું"),
        ("ur", "ہیلتھ وزیٹر صائمہ آئی تھی", "ہیلتھ وزیٹر [STAFF NAME] آئی تھی"),
        ("uk", "патронажна медсестра Ірина прийшла", "патронажна медсестра [STAFF NAME] прийшла"),
    ],
)
def test_a_health_visitor_named_after_her_role_is_staff(lang: str, text: str, expected: str) -> None:
    assert redact(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ar", "الزائرة الصحية قالت إن حليبي قليل"),
        ("en", "my bestie came with me to every scan"),
    ],
)
def test_the_words_of_a_role_or_kin_phrase_stay(lang: str, text: str) -> None:
    assert redact(text, lang) == text
