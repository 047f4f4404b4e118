"""Train the whole-reply reader and write ``data/whole_model.json``; anyone can re-run it.

    .venv/bin/python -m bot.review.reply_check.train_whole          # train on every hand, write the weights
    .venv/bin/python -m bot.review.reply_check.train_whole --cv     # measure first: leave each hand out

Data: the tuning drafts of every hand in ``train.EVERY_HAND`` (thirteen since round 23; the four of
``train.WRITERS`` until then), each whole, good or defensive, and each defensive one again inside warm
words that own nothing (``WARM_OPENINGS``, ``WARM_CLOSINGS``); no frozen part is ever opened. The reader
is one logistic head (``train.binary``: numpy, deterministic) over the embedding of the whole normalised
draft.

``--cv`` leaves each hand out in turn: the reader is trained on the others, and that hand's drafts are
checked by the whole checker (the committed sentence model and rules) with this reader (``_whole``: it
outweighs a doubtful reading at ``above`` and ``floor``, and convicts a doubt below ``below``) at each row
of ``ABOVE``, ``FLOORS``, ``BELOWS`` and ``L2S``. Beside each hand's defensive and good blocked, it prints
drafts written by hand and never trained on, checked by the reader trained on every hand: good and
defensive drafts in other voices (``train.voices``, ``train.round6``) and the regression drafts of
``tests/…/drafts.toml``. The chosen row (``ABOVE[0]``, ``FLOORS[0]``, ``BELOWS[0]``, ``L2S[0]``) is the
one ``choose`` picks (round 23's rule, written before it was measured): of the rows that block every
defensive draft written by hand that the checker blocks without the reader, and, over the hands left out,
at least as many defensive drafts inside warm words the reader never trained on (train.py's ``OPENING``
and ``CLOSING``: "long") as without the reader, the one with the most defensive drafts blocked minus good
drafts blocked, over the hands left out and the drafts written by hand together; then the fewest good
blocked, the highest floor, the highest ``above`` and the lowest ``below`` (the reader trusted least).
Until round 23 the rule kept every writer left out at 95 % of defensive drafts blocked and then blocked
the fewest good drafts; with thirteen hands no row keeps the later hands at 95 %.
"""

from __future__ import annotations

import argparse
import tomllib
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from typing import Any

import numpy as np

from bot.review.reply_check._check import check, embed_sentences
from bot.review.reply_check._findings import Finding, Layer
from bot.review.reply_check._sentences import Matrix, model, read
from bot.review.reply_check._text import normalise
from bot.review.reply_check._whole import WHOLE_FILE, WholeReader, convicted, outweighed
from bot.review.reply_check.train import (
    CLOSING,
    DATA,
    EVERY_HAND,
    HERE,
    OPENING,
    binary,
    embed_once,
    fingerprints,
    round6,
    tuning_drafts,
    voices,
    write_head,
)
from flows.embedding import DIMENSIONS

#: P(good) at which the reader may outweigh a sentence's reading; the first is chosen (0.95 until round 23)
ABOVE = (0.7, 0.6, 0.8, 0.9, 0.95)
#: the least P(fine) of a sentence reading it may outweigh; the first is chosen. Never 0: a sure reading
#: always blocks, by design (with 0 the folds block one good draft fewer of 120, and a warm reply with one
#: plainly defensive sentence would rest on the reader alone)
FLOORS = (0.3, 0.05, 0.1, 0.2)
#: P(good) below which every doubt in the reply blocks; the first is chosen (0: never, as until round 23)
BELOWS = (0.1, 0.0, 0.05, 0.2, 0.3)
#: L2 on the standardised embedding; the first is the one chosen
L2S = (0.03, 0.01, 0.1)
#: a reader that never weighs anything: what the checker finds without this layer
NEVER = WholeReader(np.zeros(DIMENSIONS), 0.0, 2.0, 2.0, 0.0)
#: the hand-written regression drafts: a defensive one the checker blocks must stay blocked
REGRESSION = HERE.parents[2] / "tests" / "bot" / "review" / "reply_check" / "drafts.toml"

#: the defensive drafts written by hand and never trained on: the reader may let none of them through
HAND_DEFENSIVE = ("held defensive", "read defensive", "regression defensive")

#: above, floor, below, l2
Row = tuple[float, float, float, float]


def _vectors(drafts: Sequence[dict[str, Any]]) -> Matrix:
    return embed_once([normalise(draft["draft"]) for draft in drafts])


#: warm words that own nothing, wrapped round each defensive training draft as a defensive draft too: read
#: whole, warmth at both ends outweighed one defensive sentence ("… The labour ward was full that night.
#: We hope you understand. If you would like to talk, reply here or call me." read 0.99 good)
WARM_OPENINGS = (
    "Thank you for telling us about this.",
    "Thanks so much for getting in touch and sharing your story x",
    "Dear Mum, thank you for your message and for trusting us with it.",
    "Hi, thank you for writing to us.",
)
WARM_CLOSINGS = (
    "If you would like to talk, reply here or call me.",
    "Take care of yourself and your little one.",
    "We wish you and your family all the best.",
    "Please do get in touch if there is anything else.",
)


def wrapped(draft: dict[str, Any], index: int, opening: str = "", closing: str = "") -> dict[str, Any]:
    """The draft inside warm words that own nothing (the ``index``-th pair, unless given)."""
    opening = opening or WARM_OPENINGS[index % len(WARM_OPENINGS)]
    closing = closing or WARM_CLOSINGS[index // len(WARM_OPENINGS) % len(WARM_CLOSINGS)]
    return {**draft, "draft": f"{opening} {draft['draft']} {closing}"}


def fit(drafts: Sequence[dict[str, Any]], l2: float) -> tuple[Matrix, float]:
    """The reader on ``drafts`` and, as defensive too, each defensive one wrapped in warm words."""
    warm = [wrapped(draft, index) for index, draft in enumerate(drafts) if draft["label"] == "defensive"]
    trained = [*drafts, *warm]
    good = np.array([draft["label"] == "good" for draft in trained], dtype=np.float64)
    return binary(_vectors(trained), good, l2)


def _found(drafts: Sequence[dict[str, Any]]) -> list[list[Finding]]:
    """What the checker finds in each draft without this reader, doubts included."""
    return [list(check(draft["draft"], draft["story"], whole=NEVER).findings) for draft in drafts]


@cache
def _fine(quote: str) -> float:
    """The classifier's P(fine) of a quoted sentence, once per sentence: the grid asks again for every row,
    and the checker's own cache of sentences is smaller than the thirteen hands' drafts."""
    return read(embed_sentences([quote]), model())[0].ok


def _blocked(found: list[Finding], good: float, reader: WholeReader) -> bool:
    """Whether anything blocks once ``reader`` (a row's thresholds) has weighed what the checker found."""
    doubts = [finding for finding in found if finding.layer is Layer.DOUBT]
    weighed = [*outweighed(found, reader, good, _fine), *convicted(doubts, reader, good)]
    return any(finding.blocking for finding in weighed)


def regression() -> list[dict[str, Any]]:
    """The regression drafts as tuning drafts are shaped: good when nothing should block them, defensive
    when something should (drafts marked as a known miss or false block are left out)."""
    drafts = tomllib.loads(REGRESSION.read_text(encoding="utf-8"))["draft"]
    return [
        {"draft": d["text"], "story": d.get("story"), "label": "defensive" if d["blocked_by"] else "good"}
        for d in drafts
        if "known_miss" not in d and "known_false_block" not in d
    ]


def cross_validate() -> Row:
    """Print each row's figures; return the row the rule in the module docstring chooses."""
    drafts = tuning_drafts(EVERY_HAND)
    # each hand's defensive drafts in warm words the reader never trained on: "{hand} long"
    drafts += [
        {**wrapped(draft, 0, OPENING, CLOSING), "label": "long"}
        for draft in drafts
        if draft["label"] == "defensive"
    ]
    found = _found(drafts)
    others = [*voices(), *round6(), *({**d, "part": "regression"} for d in regression())]
    found_others = _found(others)
    table: dict[Row, Counter[str]] = {}
    for l2 in L2S:
        chances: dict[int, float] = {}
        for hand in EVERY_HAND:
            held = [index for index, draft in enumerate(drafts) if draft["writer"] == hand]
            weights, bias = fit([d for d in drafts if d["writer"] != hand and d["label"] != "long"], l2)
            scores = _vectors([drafts[index] for index in held]) @ weights + bias
            chances |= dict(zip(held, 1 / (1 + np.exp(-scores)), strict=True))
        weights, bias = fit([draft for draft in drafts if draft["label"] != "long"], l2)
        other_chances = 1 / (1 + np.exp(-(_vectors(others) @ weights + bias)))
        for above in ABOVE:
            for floor in FLOORS:
                for below in BELOWS:
                    counts = table.setdefault((above, floor, below, l2), Counter())
                    reader = replace(NEVER, above=above, floor=floor, below=below)
                    for index, draft in enumerate(drafts):
                        column = f"{draft['writer']} {draft['label']}"
                        counts[column] += _blocked(found[index], chances[index], reader)
                    for draft, here, chance in zip(others, found_others, other_chances, strict=True):
                        counts[_other_column(draft)] += _blocked(here, float(chance), reader)
    totals = Counter(f"{draft['writer']} {draft['label']}" for draft in drafts)
    totals += Counter(_other_column(draft) for draft in others)
    before = Counter(f"{d['writer']} {d['label']}" for d, f in zip(drafts, found, strict=True) if _any(f))
    before += Counter(_other_column(d) for d, f in zip(others, found_others, strict=True) if _any(f))
    print("above floor below   l2  defensive      long      good  hand-written def/good  (per hand below)")
    print(f"without reader         {_summary(before, totals)}")
    for row, counts in table.items():
        print(f"{row[0]:>5} {row[1]:>5} {row[2]:>5} {row[3]:>4} {_summary(counts, totals)}")
    columns = sorted(totals, key=lambda column: (column.split()[0] not in EVERY_HAND, column))
    chosen = choose(table, totals, before)
    for name, counts in (("without reader", before), (f"chosen {chosen}", table[chosen])):
        print(name)
        for column in columns:
            print(f"  {column:<24} {counts[column]:>4}/{totals[column]}")
    print(f"chosen: above {chosen[0]}, floor {chosen[1]}, below {chosen[2]}, l2 {chosen[3]}")
    return chosen


def _sums(counts: Counter[str], kind: str, hands: bool = True) -> int:
    """``counts`` of one label over every hand left out (``hands``) or over the drafts written by hand."""
    return sum(
        count
        for column, count in counts.items()
        if column.endswith(f" {kind}") and (column.split()[0] in EVERY_HAND) == hands
    )


def _summary(counts: Counter[str], totals: Counter[str]) -> str:
    figures = [f"{_sums(counts, kind)}/{_sums(totals, kind)}" for kind in ("defensive", "long", "good")]
    hand = [f"{_sums(counts, kind, False)}/{_sums(totals, kind, False)}" for kind in ("defensive", "good")]
    return " ".join(f"{figure:>9}" for figure in figures) + f"   {hand[0]:>7} {hand[1]:>7}"


def _any(found: list[Finding]) -> bool:
    return any(finding.blocking for finding in found)


def _other_column(draft: dict[str, Any]) -> str:
    return f"{draft.get('part', 'voices')} {draft.get('label', 'good')}"


def choose(table: dict[Row, Counter[str]], totals: Counter[str], before: Counter[str]) -> Row:
    """The rule of the module docstring."""

    def score(counts: Counter[str]) -> int:
        defensive = _sums(counts, "defensive") + _sums(counts, "defensive", hands=False)
        return defensive - _sums(counts, "good") - _sums(counts, "good", hands=False)

    kept = [
        row
        for row, counts in table.items()
        if all(counts[column] >= before[column] for column in HAND_DEFENSIVE)
        and _sums(counts, "long") >= _sums(before, "long")
    ]
    return min(
        kept,
        key=lambda row: (
            -score(table[row]),
            _sums(table[row], "good") + _sums(table[row], "good", hands=False),
            -row[1],
            -row[0],
            row[2],
        ),
    )


def write(weights: Matrix, bias: float, drafts: Sequence[dict[str, Any]]) -> None:
    trained_on = {
        "drafts": dict(sorted(Counter(f"{d['writer']} {d['label']}" for d in drafts).items())),
        "sha256": fingerprints(EVERY_HAND.values()),
        "embedding": "flows.embedding (multilingual-e5-small, query), the whole normalised draft",
        "l2": L2S[0],
    }
    settings = {"above": ABOVE[0], "floor": FLOORS[0], "below": BELOWS[0]}
    write_head(WHOLE_FILE, weights, bias, settings, trained_on)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cv", action="store_true", help="leave each hand out instead of writing weights")
    if parser.parse_args().cv:
        cross_validate()
        return
    drafts = tuning_drafts(EVERY_HAND)
    weights, bias = fit(drafts, L2S[0])
    write(weights, bias, drafts)
    print(f"wrote {DATA / WHOLE_FILE} from {len(drafts)} drafts")


if __name__ == "__main__":
    main()
