"""Train the praise reader (her story read whole: praise, or something to answer) and write
``data/praise_model.json``; anyone can re-run it.

    .venv/bin/python -m bot.review.reply_check.train_praise          # train on every writer, write it
    .venv/bin/python -m bot.review.reply_check.train_praise --cv     # measure first: leave each writer out

Data: the stories of every writer's tuning drafts (``PRAISE_HANDS``: ``train.WRITERS`` until round 22,
every hand's tuning part since; a story is praise when a draft of a ``PRAISE_KINDS`` kind answers it) and
``data/praise_stories.toml`` (stories written by hand in our languages, praise and not: complaints,
questions, thanks that come with a complaint). One logistic head (``train.binary``) over the whole
story's embedding.

The checker reads a story as praise when the word lists or this reader say so: the reader alone found
more praise but took the lenient reading from replies to mixed stories the lists had flagged (on the
tuning parts, blind2's good drafts blocked 5 -> 7), so it adds to the lists and replaces nothing.

``--cv`` leaves each writer out: the reader trained on the others and the hand-written stories reads that
writer's stories, at each ``ABOVE``, beside the word lists the checker used before. The chosen ``above``
(``ABOVE[0]``) is, of those that flag no more of the writers' other stories than the word lists did, the
one that finds the most praise stories, then the highest.
"""

from __future__ import annotations

import argparse
import tomllib
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

from bot.review.reply_check._rules import rules
from bot.review.reply_check._sentences import Matrix
from bot.review.reply_check._story import PRAISE_FILE, is_praise
from bot.review.reply_check._text import normalise
from bot.review.reply_check.train import (
    DATA,
    EVERY_HAND,
    binary,
    embed_once,
    fingerprints,
    tuning_drafts,
    write_head,
)

#: P(praise) at which a story is praise; the first is the one chosen
ABOVE = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8)
L2 = 0.03
HAND = "praise_stories.toml"
#: the kinds of draft that answer praise, as each writer named it
PRAISE_KINDS = frozenset({"praise_thanks", "thanks_for_praise"})
#: whose tuning stories the reader learns from (round 22: every hand's; until then ``WRITERS`` only): the
#: word lists and four writers found 0.25 for "the theatre team were unreal ... 10/10"
PRAISE_HANDS = tuple(EVERY_HAND)


def stories() -> list[dict[str, Any]]:
    """Each writer's tuning stories once, with ``praise`` and ``writer``; then the hand-written ones."""
    found: dict[str, dict[str, Any]] = {}
    for draft in tuning_drafts(PRAISE_HANDS):
        fresh = {"story": draft["story"], "writer": draft["writer"], "praise": False}
        story = found.setdefault(draft["story"], fresh)
        story["praise"] = story["praise"] or draft["kind"] in PRAISE_KINDS
    hand = tomllib.loads((DATA / HAND).read_text(encoding="utf-8"))
    written = [
        {"story": text, "writer": "hand", "praise": kind == "praise"} for kind in hand for text in hand[kind]
    ]
    return [*found.values(), *written]


def fit(rows: list[dict[str, Any]]) -> tuple[Matrix, float]:
    vectors = embed_once([normalise(row["story"]) for row in rows])
    return binary(vectors, np.array([row["praise"] for row in rows], dtype=np.float64), L2)


def cross_validate() -> float:
    rows = stories()
    counts: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    for writer in PRAISE_HANDS:
        held = [row for row in rows if row["writer"] == writer]
        weights, bias = fit([row for row in rows if row["writer"] != writer])
        chances = 1 / (1 + np.exp(-(embed_once([normalise(row["story"]) for row in held]) @ weights + bias)))
        for row, chance in zip(held, chances, strict=True):
            column = "praise" if row["praise"] else "other"
            totals[column] += 1
            counts[f"words {column}"] += is_praise(normalise(row["story"]), rules())
            for above in ABOVE:
                counts[f"{above} {column}"] += bool(chance >= above)
    print(f"left out, {totals['praise']} praise stories and {totals['other']} others: found / others flagged")
    print(f"  word lists       {counts['words praise']:>3} / {counts['words other']}")
    for above in ABOVE:
        print(f"  reader {above:<9} {counts[f'{above} praise']:>3} / {counts[f'{above} other']}")
    kept = [above for above in ABOVE if counts[f"{above} other"] <= counts["words other"]]
    chosen = max(kept, key=lambda above: (counts[f"{above} praise"], above))
    print(f"chosen: above {chosen}")
    return chosen


def write(weights: Matrix, bias: float, rows: list[dict[str, Any]]) -> None:
    trained_on = {
        "stories": dict(sorted(Counter(f"{r['writer']} {r['praise']}" for r in rows).items())),
        "sha256": fingerprints(sources()),
        "embedding": "flows.embedding (multilingual-e5-small, query), the whole normalised story",
        "l2": L2,
    }
    write_head(PRAISE_FILE, weights, bias, {"above": ABOVE[0]}, trained_on)


def sources() -> list[Path]:
    """The files the praise reader learns from."""
    return [*(EVERY_HAND[hand] for hand in PRAISE_HANDS), DATA / HAND]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cv", action="store_true", help="leave each writer out instead of writing weights")
    if parser.parse_args().cv:
        cross_validate()
        return
    rows = stories()
    weights, bias = fit(rows)
    write(weights, bias, rows)
    print(f"wrote {DATA / PRAISE_FILE} from {len(rows)} stories")


if __name__ == "__main__":
    main()
