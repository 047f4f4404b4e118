"""The whole-reply reader: a good reply read whole outweighs a doubtful reading of one of its sentences,
or a listed phrase of a ``weighed`` rule in one, never a sure one, another listed phrase, jargon or an
urgent story answered without help; a reply read whole as
defensive makes its doubts block."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import replace

import numpy as np
import pytest

from bot.review.reply_check import check_reply
from bot.review.reply_check._check import check
from bot.review.reply_check._findings import Finding, Layer
from bot.review.reply_check._rules import rules
from bot.review.reply_check._whole import WHOLE_FILE, WholeReader, convicted, outweighed, whole_reader
from bot.review.reply_check.train import DATA, EVERY_HAND, fingerprints
from bot.review.reply_check.train_whole import ABOVE, BELOWS, FLOORS, L2S, NEVER, choose
from flows.embedding import DIMENSIONS

READER = WholeReader(np.zeros(DIMENSIONS), 0.0, above=0.9, floor=0.1, below=0.1)


def _found(layer: Layer, rule: str = "minimising", quote: str = "Enjoy your little one.") -> Finding:
    return Finding(rule, f"{quote} reads as {rule}", quote, "Say it plainly.", blocking=True, layer=layer)


def test_a_doubtful_reading_in_a_reply_read_whole_as_good_is_advice_and_keeps_its_quote() -> None:
    [found] = outweighed([_found(Layer.SENTENCE)], READER, good=0.97, fine=lambda quote: 0.6)

    assert not found.blocking
    assert found.layer is Layer.DOUBT
    assert found.quote == "Enjoy your little one."


def test_a_sure_reading_still_blocks_however_good_the_reply_reads() -> None:
    [found] = outweighed([_found(Layer.SENTENCE)], READER, good=0.999, fine=lambda quote: 0.04)

    assert found.blocking


def test_a_reply_read_whole_as_less_than_plainly_good_changes_nothing() -> None:
    [found] = outweighed([_found(Layer.SENTENCE)], READER, good=0.8, fine=lambda quote: 0.6)

    assert found.blocking


@pytest.mark.parametrize(
    ("layer", "rule"),
    [(Layer.PHRASE, "unowned_promise"), (Layer.PHRASE, "jargon"), (Layer.STORY, "urgent")],
)
def test_a_listed_phrase_jargon_and_an_urgent_story_without_help_are_never_outweighed(
    layer: Layer, rule: str
) -> None:
    [found] = outweighed([_found(layer, rule)], READER, good=1.0, fine=lambda quote: 1.0)

    assert found.blocking


def test_a_weighed_phrase_in_a_reply_read_whole_as_good_is_advice_read_by_its_whole_sentence() -> None:
    sentence = "Our policy is that we only ask when a woman is alone, and the midwife broke that policy."
    found = replace(_found(Layer.PHRASE, "policy", "Our policy is"), sentence=sentence)
    read: list[str] = []

    def fine(quote: str) -> float:
        read.append(quote)
        return 0.6

    [weighed] = outweighed([found], READER, good=0.97, fine=fine)

    assert not weighed.blocking
    assert weighed.layer is Layer.DOUBT
    assert weighed.quote == "Our policy is"
    assert read == [sentence]


def test_a_weighed_phrase_the_classifier_reads_as_surely_defensive_still_blocks() -> None:
    sentence = "In line with our policy, partners are asked to leave the ward at 8pm."
    found = replace(_found(Layer.PHRASE, "policy", "our policy"), sentence=sentence)

    [weighed] = outweighed([found], READER, good=0.99, fine=lambda quote: 0.02)

    assert weighed.blocking


def test_only_the_rules_file_marks_a_rule_weighed_and_never_sorry_you_feel_or_an_unowned_promise() -> None:
    weighed = {rule.name for rule in rules().blocking if rule.weighed}

    assert weighed == {"policy", "staff_busy"}
    [found] = check_reply("I am sorry you feel that way.").blocking
    assert found.rule == "sorry_you_feel"
    assert found.sentence == ""


def test_a_good_reply_whose_sentences_the_classifier_misreads_is_approved_with_them_shown_as_advice() -> None:
    story = "i was in so much pain after my c section and kept asking for pain relief and they made me wait"
    draft = (
        "Waiting hours in pain after a section is not ok. You nearly fainted and we left you like that, and "
        "I am so sorry. From this week the ward checks pain every hour after a section. I would like to hear "
        "more if you want to tell me."
    )

    alone = check(draft, story, whole=NEVER)
    result = check_reply(draft, story)

    # round 17's classifier misreads the first sentence alone; until then "We left you like that" too
    assert {found.rule for found in alone.blocking} == {"minimising"}
    assert result.ok
    assert {found.quote for found in result.advice} >= {found.quote for found in alone.blocking}


def test_a_warm_reply_that_takes_its_apology_back_is_still_blocked() -> None:
    result = check_reply(
        "Thank you for telling us about the night on the ward. I am so sorry nobody came. However, the ward "
        "was very full that night. If you would like to talk, reply here or call me.",
        "I pressed the buzzer for an hour and nobody came.",
    )

    assert [finding.rule for finding in result.blocking] == ["staff_busy"]


def _doubt(quote: str = "Our midwives do their very best.") -> Finding:
    return Finding(
        "staff_busy", f"{quote} reads as an excuse", quote, "Own it.", blocking=False, layer=Layer.DOUBT
    )


def test_a_doubt_in_a_reply_read_whole_as_defensive_blocks_quoted_as_the_whole_layer() -> None:
    [found] = convicted([_doubt()], READER, good=0.04)

    assert found.blocking
    assert found.layer is Layer.WHOLE
    assert found.quote == "Our midwives do their very best."


def test_a_doubt_in_a_reply_not_read_as_defensive_stays_advice() -> None:
    [found] = convicted([_doubt()], READER, good=0.3)

    assert not found.blocking and found.layer is Layer.DOUBT


def test_a_missing_element_never_blocks_however_defensive_the_reply_reads() -> None:
    missing = Finding(
        "talk_further", "No way to talk", "", "e.g. reply here", blocking=False, layer=Layer.ADVICE
    )

    assert convicted([missing], READER, good=0.0) == [missing]


def test_a_warm_reply_that_sends_her_elsewhere_is_blocked_by_its_doubts_read_with_the_whole_reply() -> None:
    # written12's tuning half (w12-0116): sorry and warmth around "ask someone else"; until round 23 its two
    # deflecting sentences were only doubts, since the reply says sorry
    story = (
        "nobody told me my baby didnt pass her newborn hearing test — I found out from the health visitor "
        "3 weeks later"
    )
    draft = (
        "Thank you for writing, and I'm sorry this came as such a shock three weeks on. Hearing news like "
        "that from the health visitor, after you'd gone home, must have left you with a lot of questions.\n"
        "Newborn hearing screening is run by a separate screening programme, and results are sent on to the "
        "health visiting team to follow up. I'd recommend contacting the screening programme directly, as "
        "they'll be able to explain what happened with your results.\n"
        "I hope your daughter's follow-up appointment goes well, and please take care of yourself too.\n"
        "[STAFF NAME], Postnatal Ward"
    )

    result = check_reply(draft, story)
    never = check(draft, story, whole=replace(whole_reader(), below=0.0))

    assert never.ok
    assert {found.layer for found in result.blocking} == {Layer.WHOLE}
    assert any(
        found.quote.startswith("I'd recommend contacting the screening programme")
        for found in result.blocking
    )


def test_the_committed_reader_is_the_one_train_whole_writes_from_the_tuning_parts_as_they_are() -> None:
    committed = json.loads((DATA / WHOLE_FILE).read_text(encoding="utf-8"))
    now = fingerprints(EVERY_HAND.values())

    assert committed["trained_on"]["sha256"] == now
    chosen = (committed["above"], committed["floor"], committed["below"], committed["trained_on"]["l2"])
    assert chosen == (ABOVE[0], FLOORS[0], BELOWS[0], L2S[0])
    assert whole_reader().weights.shape == (DIMENSIONS,)


def test_the_rule_keeps_every_hand_written_defensive_draft_then_blocks_most_defensive_less_good() -> None:
    hands = ("first", "written12")
    totals = Counter({f"{hand} {kind}": 20 for hand in hands for kind in ("defensive", "long", "good")})
    totals += Counter({"regression defensive": 5, "regression good": 5})
    before = Counter(
        {"first defensive": 18, "written12 defensive": 15, "first long": 17, "written12 long": 14}
    )
    before += Counter({"regression defensive": 5, "first good": 1})
    table = {
        # blocks the most, but lets a hand-written defensive draft through
        (0.95, 0.1, 0.3, 0.03): before
        + Counter({"first defensive": 2, "written12 defensive": 5, "regression defensive": -1}),
        # blocks fewer defensive drafts inside warm words than without the reader
        (0.95, 0.1, 0.2, 0.03): before + Counter({"written12 defensive": 4, "first long": -1}),
        # three more defensive drafts and one more good: +2
        (0.95, 0.1, 0.1, 0.03): before + Counter({"written12 defensive": 3, "written12 good": 1}),
        # two more defensive drafts, no more good: +2 too, and fewer good drafts blocked
        (0.95, 0.1, 0.05, 0.03): before + Counter({"written12 defensive": 2}),
        (0.95, 0.1, 0.0, 0.03): before,
    }

    assert choose(table, totals, before) == (0.95, 0.1, 0.05, 0.03)
