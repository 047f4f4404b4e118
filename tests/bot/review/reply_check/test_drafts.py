"""Every draft in drafts.toml: a good or merely incomplete draft is never blocked, a defensive one is.

A missing element (no apology, no next step, no offer to talk) is advice: a checker that blocks good
replies teaches staff to override it, and then it protects nobody.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.review.reply_check import check_reply

DRAFTS_FILE = Path(__file__).with_name("drafts.toml")


@dataclass(frozen=True)
class Draft:
    name: str
    text: str
    story: str | None
    blocked_by: frozenset[str]
    advice: frozenset[str]
    known_false_block: str | None
    known_miss: str | None


def _load_drafts() -> list[Draft]:
    with DRAFTS_FILE.open("rb") as file:
        raw = tomllib.load(file)["draft"]
    return [
        Draft(
            item["name"],
            item["text"],
            item.get("story"),
            frozenset(item["blocked_by"]),
            frozenset(item.get("advice", [])),
            item.get("known_false_block"),
            item.get("known_miss"),
        )
        for item in raw
    ]


DRAFTS = _load_drafts()
PASSING = [draft for draft in DRAFTS if not draft.blocked_by]
DEFENSIVE = [draft for draft in DRAFTS if draft.blocked_by]


def test_the_fixtures_cover_enough_drafts_of_each_kind() -> None:
    assert len(DRAFTS) >= 40
    assert len(PASSING) >= 25
    assert len(DEFENSIVE) >= 20


@pytest.mark.parametrize(
    "draft",
    [
        pytest.param(
            draft,
            id=draft.name,
            marks=[pytest.mark.xfail(strict=True, reason=draft.known_false_block)]
            if draft.known_false_block
            else [],
        )
        for draft in PASSING
    ],
)
def test_a_good_or_merely_incomplete_reply_is_never_blocked(draft: Draft) -> None:
    result = check_reply(draft.text, draft.story)

    assert result.blocking == (), [finding.quote for finding in result.blocking]
    assert result.ok
    assert draft.advice <= {finding.rule for finding in result.advice}


@pytest.mark.parametrize(
    "draft",
    [
        pytest.param(
            draft,
            id=draft.name,
            marks=[pytest.mark.xfail(strict=True, reason=draft.known_miss)] if draft.known_miss else [],
        )
        for draft in DEFENSIVE
    ],
)
def test_a_defensive_reply_is_blocked_by_one_of_its_rules(draft: Draft) -> None:
    result = check_reply(draft.text, draft.story)

    assert not result.ok
    assert {finding.rule for finding in result.blocking} & draft.blocked_by


@pytest.mark.parametrize("draft", DEFENSIVE, ids=[draft.name for draft in DEFENSIVE])
def test_every_blocking_finding_quotes_the_draft_and_suggests_better_words(draft: Draft) -> None:
    flat_draft = " ".join(draft.text.replace("\u2019", "'").split())

    for finding in check_reply(draft.text, draft.story).blocking:
        assert finding.quote and finding.quote in flat_draft
        assert finding.message and finding.suggestion
        assert "{" not in finding.message + finding.suggestion
