"""Every draft in drafts.toml is blocked by exactly its labelled rules, and every good draft passes.

Exact sets, not "at least": a rule that fires on a reply it should leave alone is as much a bug as one
that misses a defensive reply, because staff stop trusting a checker that nags good replies.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.review.reply_check import check_reply, load_rules

DRAFTS_FILE = Path(__file__).with_name("drafts.toml")


@dataclass(frozen=True)
class Draft:
    name: str
    text: str
    story: str | None
    blocked_by: frozenset[str]


def _load_drafts() -> list[Draft]:
    with DRAFTS_FILE.open("rb") as file:
        raw = tomllib.load(file)["draft"]
    return [
        Draft(item["name"], item["text"], item.get("story"), frozenset(item["blocked_by"])) for item in raw
    ]


DRAFTS = _load_drafts()
GOOD = [draft for draft in DRAFTS if not draft.blocked_by]
DEFENSIVE = [draft for draft in DRAFTS if draft.blocked_by]


def test_the_fixtures_cover_enough_drafts_of_each_kind() -> None:
    labelled = {rule for draft in DEFENSIVE for rule in draft.blocked_by}
    assert len(DRAFTS) >= 40
    assert len(GOOD) >= 15
    assert len(DEFENSIVE) >= 20
    assert labelled == set(load_rules().texts)


@pytest.mark.parametrize("draft", GOOD, ids=[draft.name for draft in GOOD])
def test_a_good_warm_reply_passes(draft: Draft) -> None:
    result = check_reply(draft.text, draft.story)

    assert result.findings == ()
    assert result.ok


@pytest.mark.parametrize("draft", DEFENSIVE, ids=[draft.name for draft in DEFENSIVE])
def test_a_defensive_reply_is_blocked_by_its_labelled_rules(draft: Draft) -> None:
    result = check_reply(draft.text, draft.story)

    assert not result.ok
    assert {finding.rule for finding in result.findings} == draft.blocked_by


@pytest.mark.parametrize("draft", DEFENSIVE, ids=[draft.name for draft in DEFENSIVE])
def test_every_finding_quotes_the_draft_and_suggests_better_words(draft: Draft) -> None:
    flat_draft = " ".join(draft.text.split())

    for finding in check_reply(draft.text, draft.story).findings:
        assert finding.quote in flat_draft
        assert finding.message
        assert finding.suggestion
        assert "{" not in finding.message + finding.suggestion
