"""Where she gives names their capitals, a lowercase word mid-sentence that nothing points at and no list
knows as a name is an ordinary word ("Mojego męża Marka wyrzucili", "Я народила"); a lowercase name
opening a line, a listed name or one a cue points at is still taken."""

from __future__ import annotations

import pytest

from tests.bot.privacy.anonymise.redaction import redact


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "pl",
            "Mojego męża Marka wyrzucili o 22, położna Ola nic nie mogła",
            "Mojego męża [NAME] wyrzucili o 22, położna [STAFF NAME] nic nie mogła",
        ),
        (
            "uk",
            "Я народила в Лідсі, акушерка Олена була добра",
            "Я народила в Лідсі, акушерка [STAFF NAME] була добра",
        ),
        ("en", "zinnia here. Midwife Joanne was lovely", "[NAME] here. Midwife [STAFF NAME] was lovely"),
        (
            "en",
            "Midwife Joanne was lovely and my husband tobi stayed",
            "Midwife [STAFF NAME] was lovely and my husband [NAME] stayed",
        ),
    ],
)
def test_a_lowercase_word_is_a_name_only_with_reason(lang: str, text: str, expected: str) -> None:
    assert redact(text, lang) == expected
