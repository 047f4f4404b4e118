"""Ukrainian case endings are read both ways: a kin word in its other cases, a name back to its nominative;
Polish kin words are read in their other cases too."""

from __future__ import annotations

import pytest

from bot.privacy.anonymise._declension import nominatives, oblique_forms, polish_forms
from tests.bot.privacy.anonymise.redaction import redact


def test_a_kin_word_is_declined_with_its_consonant_softened_where_ukrainian_softens_it() -> None:
    assert oblique_forms("подруга") == ["подруги", "подрузі", "подругу", "подругою"]
    assert oblique_forms("чоловік") == ["чоловіка", "чоловікові", "чоловіку", "чоловіком"]
    assert "невісткою" in oblique_forms("невістка") and "невістці" in oblique_forms("невістка")


def test_a_declined_name_leads_back_to_its_nominative() -> None:
    assert "андрій" in nominatives("андрієм")
    assert "василь" in nominatives("василя")
    assert "марія" in nominatives("марії")
    assert "оксана" in nominatives("оксаною")


def test_only_cyrillic_words_are_declined() -> None:
    assert oblique_forms("cholovik") == []


def test_a_polish_kin_word_is_declined_as_a_noun_or_as_an_adjective() -> None:
    assert polish_forms("siostra") == ["siostry", "siostrze", "siostrę", "siostrą", "siostro"]
    assert polish_forms("córka") == ["córki", "córce", "córkę", "córką", "córko"]
    assert polish_forms("teściowa") == ["teściowej", "teściową"]
    assert polish_forms("dziadek") == ["dziadka", "dziadkowi", "dziadku", "dziadkiem"]
    assert polish_forms("mąż") == []  # "męża": the vowel changes, the tables list it


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("róża od teściowej Krystyny stała na oknie", "Krystyny"),
        ("byłam z córką Zosią w szpitalu", "Zosią"),
        ("zadzwoniłam do kuzynki Magdy", "Magdy"),
        ("siostrze Ani nie pozwolili wejść", "Ani"),
    ],
)
def test_a_name_after_a_polish_kin_word_in_another_case_is_taken_out(text: str, name: str) -> None:
    assert name not in redact(text, "pl")


def test_a_polish_kin_word_in_another_case_with_no_name_after_it_stays() -> None:
    assert redact("od teściowej dostałam kwiaty", "pl") == "od teściowej dostałam kwiaty"
