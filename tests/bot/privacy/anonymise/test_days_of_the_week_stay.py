"""The days of the week, in every language and script and in the form "on Friday" takes, are ordinary
words even opening a sentence; a weekday that the gazetteer lists as a name is left to the other layers."""

from __future__ import annotations

import pytest

from bot.privacy.anonymise._stopwords import stopwords
from tests.bot.privacy.anonymise.redaction import redact


@pytest.mark.parametrize(
    ("lang", "text", "word"),
    [
        ("so", "Jimcaha ayaa ilmaha dhashay", "Jimcaha"),
        ("pl", "W piątek nikt nie przyszedł", "piątek"),
        ("uk", "У п'ятницю мене виписали", "п'ятницю"),
        ("ti", "ብዓርቢ ወሊደ", "ብዓርቢ"),
        ("bn", "শুক্রবার রাতে ব্যথা শুরু হলো", "শুক্রবার"),
        ("bn", "শুক্রবারে ছুটি দিল", "শুক্রবারে"),
        ("gu", "મંગળવારે ડૉક્ટર આવ્યા", "મંગળવારે"),
    ],
)
def test_a_weekday_stays(lang: str, text: str, word: str) -> None:
    assert word in redact(text, lang)


def test_a_weekday_that_is_also_a_name_is_not_a_function_word() -> None:
    assert "domingo" not in stopwords("pt")
