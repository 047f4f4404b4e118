"""The town she says she is from or lives in is no name, in any of her languages ("mai Leeds se hoon",
"من از لیدز هستم"), and the model may not take a town after "at" or "from" back when no cue points at
it; a postposition that can mean "with" still leaves the person after it a name."""

from __future__ import annotations

import pytest

from tests.bot.privacy.anonymise.redaction import redact


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("ur", "mai Wigan se hoon, meri beti Zara hai", "mai Wigan se hoon, meri beti [NAME] hai"),
        ("ur", "میں لیڈز سے ہوں اور دائی اچھی تھی", "میں لیڈز سے ہوں اور دائی اچھی تھی"),
        ("pa", "میں ڈربی توں آں، دائی چنگی سی", "میں ڈربی توں آں، دائی چنگی سی"),
        ("prs", "من از لیدز هستم و قابله خوب بود", "من از لیدز هستم و قابله خوب بود"),
        ("ps", "زه د لیډز یم او ډاکټر ښه و", "زه د لیډز یم او ډاکټر ښه و"),
        ("pt", "a minha sogra Dona Aparecida veio do Brasil", "a minha sogra Dona [NAME] veio do Brasil"),
        (
            "en",
            "we came from Preston by taxi and my sister Ruth came too",
            "we came from Preston by taxi and my sister [NAME] came too",
        ),
    ],
)
def test_the_town_she_is_from_stays_and_the_name_goes(lang: str, text: str, expected: str) -> None:
    assert redact(text, lang) == expected


def test_a_name_before_se_meaning_with_is_still_a_name() -> None:
    assert redact("main Sadaf se baat karti hoon", "ur") == "main [NAME] se baat karti hoon"
