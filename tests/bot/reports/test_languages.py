"""The translation status table tells the truth: drafts count as translated but never as reviewed."""

from __future__ import annotations

from click.testing import CliRunner

from bot.cli import i18n
from bot.reports.languages import needing_review, status
from flows.catalog import DEFAULT, entries
from flows.languages import LANGUAGES


def test_every_language_is_listed_in_menu_order_against_the_english_total() -> None:
    rows = status()
    assert [row.code for row in rows] == [language.code for language in LANGUAGES]
    assert {row.total for row in rows} == {len(entries(DEFAULT))}


def test_english_is_the_reviewed_source() -> None:
    english = status()[0]
    assert english.code == DEFAULT
    assert english.translated == english.reviewed == english.total


def test_non_native_drafts_are_translated_but_wait_for_review() -> None:
    for row in status()[1:]:
        assert row.translated == row.total, row
        assert row.reviewed == 0, row
    assert needing_review() == [language.code for language in LANGUAGES if language.code != DEFAULT]


def test_the_status_command_prints_one_line_per_language() -> None:
    result = CliRunner().invoke(i18n, ["status"])
    assert result.exit_code == 0
    for language in LANGUAGES:
        assert f"\n{language.code} " in result.output
    assert "needing native review" in result.output
