"""A capitalised word after "in", "from", "w", "din", "в"… is where she was, not who: the town stays and
the name beside it is still taken."""

from __future__ import annotations

import pytest

from tests.bot.privacy.anonymise.redaction import redact


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "my sister Ruth drove down from Bolton. care was fine",
            "my sister [NAME] drove down from Bolton. care was fine",
        ),
        (
            "pl",
            "moja siostra Ola mówi że w Peterborough jest lepiej",
            "moja siostra [NAME] mówi że w Peterborough jest lepiej",
        ),
        (
            "ro",
            "sora mea Geanina a venit din Craiova si a stat cu mine",
            "sora mea [NAME] a venit din Craiova si a stat cu mine",
        ),
        (
            "uk",
            "ми живемо в Кройдоні, акушерка Ребекка була добра",
            "ми живемо в Кройдоні, акушерка [STAFF NAME] була добра",
        ),
        (
            "uk",
            "ya zhyvu v Norwich, midwife Tanya hovoryla po-rosiisky",
            "ya zhyvu v Norwich, midwife [STAFF NAME] hovoryla po-rosiisky",
        ),
    ],
)
def test_a_town_after_a_locative_stays_and_the_name_goes(lang: str, text: str, expected: str) -> None:
    assert redact(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("we had her at Luton and Dunstable, the care was good", "Dunstable"),
        ("we moved from Bolton and Wigan was next", "Wigan"),
    ],
)
def test_a_town_an_and_joins_to_a_town_stays(text: str, town: str) -> None:
    assert town in redact(text, "en")


def test_a_listed_name_after_a_town_and_an_and_still_goes() -> None:
    assert "Sarah" not in redact("my mum was in Leeds and Sarah came too", "en")
