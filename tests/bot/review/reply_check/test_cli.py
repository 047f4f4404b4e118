"""``allvoices check-reply`` keeps its outside shape: JSON with ok and findings, exit 0, 1 or 2."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from bot.cli import main

STORY = "The midwife did not listen when I said the pain was too much."
GOOD = (
    "Thank you for telling us that the midwife did not listen when you said the pain was too much. "
    "I am sorry we did not listen. I will talk to the ward team this week and write to you by Friday."
)


def test_a_good_draft_against_its_story_is_ok_with_advice_apart(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")

    result = CliRunner().invoke(main, ["check-reply", "--story", str(story)], input=GOOD)

    answer = json.loads(result.output)
    assert result.exit_code == 0
    assert answer["ok"] is True and answer["findings"] == []
    assert "talk_further" in {finding["rule"] for finding in answer["advice"]}


def test_a_defensive_draft_exits_1_with_each_finding_quoted() -> None:
    result = CliRunner().invoke(main, ["check-reply"], input="Thank you. Our records show you were seen.")

    answer = json.loads(result.output)
    assert result.exit_code == 1 and answer["ok"] is False
    assert answer["findings"][0]["rule"] == "disputing"
    assert answer["findings"][0]["quote"] == "Our records show"
    assert answer["findings"][0]["message"]


def test_only_english_is_accepted_and_anything_else_is_a_usage_error() -> None:
    assert CliRunner().invoke(main, ["check-reply", "--lang", "en"], input=GOOD).exit_code == 0
    assert CliRunner().invoke(main, ["check-reply", "--lang", "pl"], input=GOOD).exit_code == 2
