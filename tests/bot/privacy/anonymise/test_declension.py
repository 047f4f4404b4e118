"""Ukrainian case endings are read both ways: a kin word in its other cases, a name back to its nominative."""

from __future__ import annotations

from bot.privacy.anonymise._declension import nominatives, oblique_forms


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
