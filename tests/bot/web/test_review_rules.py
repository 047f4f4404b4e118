"""The dashboard's rules without a browser or database: theme suggestions, working days, redaction maths."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.review import moderation, themes
from bot.review.moderation import Span
from bot.web.common import working_days


@pytest.mark.parametrize(
    ("words", "theme"),
    [
        ("Nobody listened to me", "listened"),
        ("I felt ignored and dismissed", "listened"),
        ("The interpreter never came", "interpreting"),
        ("I was worried all night", "mental-health"),
        ("She was breastfeeding for the first time", "feeding"),
        ("They were caring and lovely", "compliments"),
        ("My husband was sent home at 8pm", "partners"),
        ("the midwife explained nothing", "communication"),
    ],
)
def test_a_theme_is_suggested_from_the_forms_of_its_keywords(words: str, theme: str) -> None:
    assert theme in themes.suggest([words])


def test_a_keyword_does_not_match_inside_another_word() -> None:
    assert "respect" not in themes.suggest(["The scar was rudimentary."]), "rude is not rudimentary"
    assert themes.suggest(["The car park was full."]) == []


def test_suggestions_come_in_the_order_of_the_list_and_only_known_themes_are_kept() -> None:
    found = themes.suggest(["Thank you, they listened.", None, "The ward was noisy."])
    assert found == ["listened", "environment", "compliments"]
    assert themes.valid(["compliments", "nonsense", "listened", "listened"]) == ["listened", "compliments"]


def test_every_theme_in_the_design_list_has_keywords() -> None:
    listed = themes.themes()
    assert len(listed) == 19
    assert all(theme.patterns for theme in listed)


@pytest.mark.parametrize(
    ("start", "end", "days"),
    [
        (datetime(2026, 1, 5, 9, tzinfo=UTC), datetime(2026, 1, 5, 17, tzinfo=UTC), 0),  # same Monday
        (datetime(2026, 1, 5, 9, tzinfo=UTC), datetime(2026, 1, 8, 9, tzinfo=UTC), 3),  # Mon to Thu
        (datetime(2026, 1, 9, 9, tzinfo=UTC), datetime(2026, 1, 12, 9, tzinfo=UTC), 1),  # Fri to Mon
        (datetime(2026, 1, 10, 9, tzinfo=UTC), datetime(2026, 1, 11, 9, tzinfo=UTC), 0),  # Sat to Sun
        (datetime(2026, 1, 5, 9, tzinfo=UTC), datetime(2026, 1, 19, 9, tzinfo=UTC), 10),  # two weeks
    ],
)
def test_waiting_is_counted_in_working_days(start: datetime, end: datetime, days: int) -> None:
    assert working_days(start, end) == days


def test_redacting_rebuilds_the_text_from_raw_and_merges_overlaps() -> None:
    raw = "Call Amy Lee on 07700 900123 today"
    spans = [Span(5, 8, "NAME"), Span(5, 12, "NAME"), Span(16, 28, "PHONE")]
    assert moderation.redact(raw, spans) == "Call [NAME] on [PHONE] today"


def test_found_words_are_every_occurrence_in_any_case_but_not_ones_already_taken_out() -> None:
    raw = "Bay 4 was loud. bay  4 again."
    existing = [Span(0, 5, "ADDRESS")]
    assert moderation.find(raw, "bay 4", "ADDRESS", existing) == [Span(16, 22, "ADDRESS")]
    assert moderation.find(raw, "   ", "NAME", []) == []
    assert moderation.find(raw, "bay", "NOT A TYPE", []) == []


def test_spans_from_a_form_are_checked_against_her_text() -> None:
    assert moderation.decode(["0:3:NAME", "2:99:NAME", "x:1:NAME", "1:2:WHATEVER", "0:3:NAME"], "abcdef") == [
        Span(0, 3, "NAME")
    ]


def test_segments_mark_each_redaction_for_the_moderator() -> None:
    pieces = moderation.segments("Hi Amy, bye", [Span(3, 6, "NAME")])
    assert [(piece.text, piece.type) for piece in pieces] == [("Hi ", None), ("Amy", "NAME"), (", bye", None)]
