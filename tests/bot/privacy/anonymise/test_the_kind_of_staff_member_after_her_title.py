"""Portuguese, Romanian, Polish and Arabic put the kind of midwife, nurse or doctor after the title
("a parteira comunitária", "asistenta șefă", "lekarz dyżurny", "القابلة المناوبة"): that word is the
title's, never her name, and the name after it is a staff name."""

from __future__ import annotations

import pytest

from tests.bot.privacy.anonymise.redaction import redact


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("pt", "a parteira comunitária só veio uma vez", "a parteira comunitária só veio uma vez"),
        ("pt", "a médica especialista falou muito depressa", "a médica especialista falou muito depressa"),
        ("ro", "moașa comunitară nu a sunat deloc", "moașa comunitară nu a sunat deloc"),
        ("ro", "medicul specialist a întârziat două ore", "medicul specialist a întârziat două ore"),
        ("pl", "lekarz dyżurny nie miał czasu", "lekarz dyżurny nie miał czasu"),
        # Romanian's short "not" with its auxiliary is a verb, not the name the title points at
        ("ro", "sora de noapte n-a răspuns la sonerie", "sora de noapte n-a răspuns la sonerie"),
        ("ar", "القابلة المناوبة ما ردت على الجرس", "القابلة المناوبة ما ردت على الجرس"),
    ],
)
def test_the_kind_of_staff_member_stays(lang: str, text: str, expected: str) -> None:
    assert redact(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "pt",
            "a enfermeira de plantão Luísa trouxe-me chá",
            "a enfermeira de plantão [STAFF NAME] trouxe-me chá",
        ),
        ("ro", "medicul de gardă Mihai m-a liniștit", "medicul de gardă [STAFF NAME] m-a liniștit"),
        ("ro", "asistenta șefă Daniela a fost blândă", "asistenta șefă [STAFF NAME] a fost blândă"),
        (
            "pl",
            "pielęgniarka oddziałowa Bożena pomogła mi wstać",
            "pielęgniarka oddziałowa [STAFF NAME] pomogła mi wstać",
        ),
        ("ar", "والممرضة المسؤولة ريم كانت حنونة", "والممرضة المسؤولة [STAFF NAME] كانت حنونة"),
    ],
)
def test_the_name_after_the_kind_is_a_staff_name(lang: str, text: str, expected: str) -> None:
    assert redact(text, lang) == expected
