"""A romanised kunya ("Um", "Im", mother of) goes with the name after it, unless it is a word of her own
language: in an English story "im" is "I'm" texted without its apostrophe, and stays."""

from __future__ import annotations

import pytest

from tests.bot.privacy.anonymise.redaction import redact


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "im Keziah, had my boy at home", "im [NAME], had my boy at home"),
        ("en", "Im Delphine and the ward was cold", "Im [NAME] and the ward was cold"),
    ],
)
def test_im_in_english_is_i_am_not_a_kunya(lang: str, text: str, expected: str) -> None:
    assert redact(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "kunya"),
    [
        ("en", "my neighbour Um Fadi came every day", "Um"),
        ("ar", "jaretna im Ahmad sa3adatni", "im"),
    ],
)
def test_a_kunya_elsewhere_still_goes_with_the_name(lang: str, text: str, kunya: str) -> None:
    assert f" {kunya} " not in f" {redact(text, lang)} "
