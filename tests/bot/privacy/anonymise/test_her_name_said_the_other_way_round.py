"""She says who she is the other way round: "joy is me", "it's hope here", "kasia to ja".  The word is
her name, whatever else it means and whether or not she gave it a capital; after an article it is no
name ("the one in the photo is me")."""

from __future__ import annotations

import pytest

from tests.bot.privacy.anonymise.redaction import redact


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "please post the discharge letter, not email. precious is me, the one with twins on Ward 6",
            "please post the discharge letter, not email. [NAME] is me, the one with twins on Ward 6",
        ),
        (
            "en",
            "hi its hope here, Bay 2, the one who had the long labour",
            "hi its [NAME] here, Bay 2, the one who had the long labour",
        ),
        ("pl", "kasia to ja, ta z Luton, dziękuję za opiekę", "[NAME] to ja, ta z Luton, dziękuję za opiekę"),
    ],
)
def test_her_name_before_is_me_goes(lang: str, text: str, expected: str) -> None:
    assert redact(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "the woman shouting in the corridor at 3am is me, sorry"),
        ("en", "the blurry one in the photo is me"),
        ("pl", "problem to ja, tak mówiła położna"),
    ],
)
def test_what_is_no_name_before_is_me_stays(lang: str, text: str) -> None:
    assert redact(text, lang) == text
