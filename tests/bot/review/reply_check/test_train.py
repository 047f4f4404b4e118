"""What ``train.py --cv`` measures is what the checker runs with."""

from __future__ import annotations

from bot.review.reply_check._rules import rules
from bot.review.reply_check.train import OVERRULED, THRESHOLDS, grid


def test_the_overrule_threshold_chosen_by_cv_is_the_one_the_rules_file_holds() -> None:
    assert OVERRULED[0] == rules().limits.phrase_overruled_above


def test_cv_measures_every_threshold_row_and_every_overrule_threshold_at_the_chosen_row() -> None:
    rows = grid()

    assert rows[: len(THRESHOLDS)] == [(*row, OVERRULED[0]) for row in THRESHOLDS]
    assert {row[-1] for row in rows if row[:-1] == THRESHOLDS[0]} == set(OVERRULED)
