"""Train the whole-reply reader and write ``data/whole_model.json``; anyone can re-run it.

    .venv/bin/python -m bot.review.reply_check.train_whole          # train on every writer, write the weights
    .venv/bin/python -m bot.review.reply_check.train_whole --cv     # measure first: leave each writer out

Data: the tuning drafts of every writer in ``train.WRITERS`` (four hands: the first set's and three blind
sets'), each whole, good or defensive, and each defensive one again inside warm words that own nothing
(``WARM_OPENINGS``, ``WARM_CLOSINGS``); no frozen part is ever opened. The reader is one logistic head
(``train.binary``: numpy, deterministic) over the embedding of the whole normalised draft.

``--cv`` leaves each writer out in turn: the reader is trained on the other three, and that writer's
drafts are checked by the whole checker (the committed sentence model and rules) with this reader
(``_whole.outweighed``) at each ``ABOVE``, ``FLOORS`` and ``L2S``. Beside each writer's defensive and good
blocked, it prints drafts written by hand and never trained on, checked by the reader trained on all four
writers: good and defensive drafts in other voices (``train.voices``, ``train.round6``) and the regression
drafts of ``tests/…/drafts.toml``. The chosen row (``ABOVE[0]``, ``FLOORS[0]``, ``L2S[0]``) is, of the rows
that keep every writer left out at 95 % of defensive drafts blocked or more, alone and inside warm words
the reader never trained on (train.py's ``OPENING`` and ``CLOSING``: "long"), and block every defensive
draft written by hand (round 6's and the regression drafts) that the checker blocks without the reader,
the one that blocks the fewest good drafts of the
writers left out, then the most defensive ones, then the highest floor and the highest ``above`` (the
reader trusted least).
"""

from __future__ import annotations

import argparse
import tomllib
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import numpy as np

from bot.review.reply_check._check import check, embed_sentences
from bot.review.reply_check._findings import Finding
from bot.review.reply_check._sentences import Matrix, model, read
from bot.review.reply_check._text import normalise
from bot.review.reply_check._whole import WHOLE_FILE, WholeReader, outweighed
from bot.review.reply_check.train import (
    CLOSING,
    DATA,
    HERE,
    OPENING,
    WRITERS,
    binary,
    embed_once,
    fingerprints,
    round6,
    tuning_drafts,
    voices,
    write_head,
)
from flows.embedding import DIMENSIONS

#: P(good) at which the reader may outweigh a sentence's reading; the first is the one chosen
ABOVE = (0.95, 0.6, 0.7, 0.8, 0.9)
#: the least P(fine) of a sentence reading it may outweigh; the first is chosen. Never 0: a sure reading
#: always blocks, by design (with 0 the folds block one good draft fewer of 120, and a warm reply with one
#: plainly defensive sentence would rest on the reader alone)
FLOORS = (0.1, 0.05, 0.2, 0.3)
#: L2 on the standardised embedding; the first is the one chosen
L2S = (0.03, 0.01, 0.1)
#: a reader that never outweighs anything: what the checker finds without this layer
NEVER = WholeReader(np.zeros(DIMENSIONS), 0.0, 2.0, 2.0)
#: the hand-written regression drafts: a defensive one the checker blocks must stay blocked
REGRESSION = HERE.parents[2] / "tests" / "bot" / "review" / "reply_check" / "drafts.toml"

#: each writer's defensive drafts, as written and inside warm words ("long")
DEFENSIVE = ("defensive", "long")
#: the defensive drafts written by hand and never trained on: the reader may let none of them through
HAND_DEFENSIVE = ("held defensive", "read defensive", "regression defensive")

Row = tuple[float, float, float]


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
    """What the checker finds in each draft without this reader."""
    return [list(check(draft["draft"], draft["story"], whole=NEVER).findings) for draft in drafts]


def _fine(quote: str) -> float:
    return read(embed_sentences([quote]), model())[0].ok


def _blocked(found: list[Finding], good: float, row: Row) -> bool:
    above, floor, _ = row
    reader = replace(NEVER, above=above, floor=floor)
    return any(finding.blocking for finding in outweighed(found, reader, good, _fine))


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
    drafts = tuning_drafts()
    # each writer's defensive drafts in warm words the reader never trained on: "{writer} long"
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
        for writer in WRITERS:
            held = [index for index, draft in enumerate(drafts) if draft["writer"] == writer]
            weights, bias = fit([d for d in drafts if d["writer"] != writer and d["label"] != "long"], l2)
            scores = _vectors([drafts[index] for index in held]) @ weights + bias
            chances |= dict(zip(held, 1 / (1 + np.exp(-scores)), strict=True))
        weights, bias = fit([draft for draft in drafts if draft["label"] != "long"], l2)
        other_chances = 1 / (1 + np.exp(-(_vectors(others) @ weights + bias)))
        for above in ABOVE:
            for floor in FLOORS:
                counts = table.setdefault((above, floor, l2), Counter())
                for index, draft in enumerate(drafts):
                    column = f"{draft['writer']} {draft['label']}"
                    counts[column] += _blocked(found[index], chances[index], (above, floor, l2))
                for draft, here, chance in zip(others, found_others, other_chances, strict=True):
                    counts[_other_column(draft)] += _blocked(here, float(chance), (above, floor, l2))
    totals = Counter(f"{draft['writer']} {draft['label']}" for draft in drafts)
    totals += Counter(_other_column(draft) for draft in others)
    before = Counter(f"{d['writer']} {d['label']}" for d, f in zip(drafts, found, strict=True) if _any(f))
    before += Counter(_other_column(d) for d, f in zip(others, found_others, strict=True) if _any(f))
    columns = sorted(totals, key=lambda column: (column.split()[0] not in WRITERS, column))
    print("above floor   l2 " + " ".join(f"{column:>16}" for column in columns))
    print("without reader   " + " ".join(f"{f'{before[c]}/{totals[c]}':>16}" for c in columns))
    for (above, floor, l2), counts in table.items():
        figures = " ".join(f"{f'{counts[c]}/{totals[c]}':>16}" for c in columns)
        print(f"{above:>5} {floor:>5} {l2:>4} {figures}")
    chosen = choose(table, totals, before)
    print(f"chosen: above {chosen[0]}, floor {chosen[1]}, l2 {chosen[2]}")
    return chosen


def _any(found: list[Finding]) -> bool:
    return any(finding.blocking for finding in found)


def _other_column(draft: dict[str, Any]) -> str:
    return f"{draft.get('part', 'voices')} {draft.get('label', 'good')}"


def choose(table: dict[Row, Counter[str]], totals: Counter[str], before: Counter[str]) -> Row:
    """The rule of the module docstring."""

    def defensive_share(counts: Counter[str], writer: str, kind: str) -> float:
        return counts[f"{writer} {kind}"] / totals[f"{writer} {kind}"]

    kept = [
        row
        for row, counts in table.items()
        if all(defensive_share(counts, writer, kind) >= 0.95 for writer in WRITERS for kind in DEFENSIVE)
        and all(counts[column] == before[column] for column in HAND_DEFENSIVE)
    ]
    return min(
        kept,
        key=lambda row: (
            sum(table[row][f"{writer} good"] for writer in WRITERS),
            -sum(table[row][f"{writer} defensive"] for writer in WRITERS),
            -row[1],
            -row[0],
        ),
    )


def write(weights: Matrix, bias: float, drafts: Sequence[dict[str, Any]]) -> None:
    trained_on = {
        "drafts": dict(sorted(Counter(f"{d['writer']} {d['label']}" for d in drafts).items())),
        "sha256": fingerprints(WRITERS.values()),
        "embedding": "flows.embedding (multilingual-e5-small, query), the whole normalised draft",
        "l2": L2S[0],
    }
    write_head(WHOLE_FILE, weights, bias, {"above": ABOVE[0], "floor": FLOORS[0]}, trained_on)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cv", action="store_true", help="leave each writer out instead of writing weights")
    if parser.parse_args().cv:
        cross_validate()
        return
    drafts = tuning_drafts()
    weights, bias = fit(drafts, L2S[0])
    write(weights, bias, drafts)
    print(f"wrote {DATA / WHOLE_FILE} from {len(drafts)} drafts")


if __name__ == "__main__":
    main()
