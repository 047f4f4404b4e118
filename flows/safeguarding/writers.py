"""Leave one writer out: how the model would do for a writer it never read.

Run from the repository root: ``pip install -e '.[train]' && python -m flows.safeguarding.writers``
(add ``--examples DIR`` to measure another version's example files, e.g. main's, for a before/after).

Every tuning message was written by one of three writers (the first set's, and the two blind sets'),
and each writer repeats her own scenarios and turns of phrase, so a message scored by a model that has
read her other messages looks easier than a new writer's would. Here, for each writer in turn, the model
is built exactly as ``train.py`` builds it from the hand-written examples and the *other* writers' tuning
halves, its thresholds are calibrated on their held-out scores by each rule compared, and the left-out
writer's tuning half is then judged with both layers (phrases and model) as ``assess`` joins them
(each message read whole, as calibration reads it). Reported per writer: urgent messages given the
numbers and calm messages given the numbers. This is the honest estimate for a fourth writer.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

from flows.safeguarding import _model
from flows.safeguarding._kinds import Level
from flows.safeguarding.train import (
    EXAMPLES,
    RULE,
    TUNING,
    Example,
    Floats,
    Rule,
    build,
    calibrate,
    embedded,
    hand_written,
    phrase_alarms,
    tuning_halves,
)

#: the rules compared: the shipped one first, then round 8's and those with room for unseen wording
RULES = (
    RULE,
    Rule(budget=0.09, ties="fewest"),
    Rule(budget=0.09, ties="lowest"),
    Rule(budget=0.10, ties="fewest"),
    Rule(budget=0.10, ties="lowest"),
)


def left_out(
    vectors: Floats, examples: list[Example], alarms: np.ndarray, writer: str, rules: tuple[Rule, ...]
) -> list[tuple[int, int, int, int, float]]:
    """For each rule: urgent caught, urgent, calm alarmed, calm, and the clear threshold, on ``writer``'s
    tuning half, by a model built and calibrated without any of her messages."""
    seen = np.array([example.evaluation_set != writer for example in examples])
    kept = [example for example, keep in zip(examples, seen, strict=True) if keep]
    draft, values = build(vectors[seen], kept)
    tuning = np.array([example.from_tuning for example in kept])
    labels = [example.label for example in kept if example.from_tuning]
    hers = np.array([example.evaluation_set == writer for example in examples])
    scores = _model.judged(vectors[hers], draft)[0]
    her_labels = np.array([example.label for example in examples if example.evaluation_set == writer])
    found = []
    for rule in rules:
        clear, possible, floor = calibrate(values[tuning], alarms[seen][tuning], labels, rule)
        levels = [
            _model.level(bool(a), float(v), clear, possible, floor)
            for a, v in zip(alarms[hers], scores, strict=True)
        ]
        alarmed = np.array([level is Level.CLEAR for level in levels])
        urgent, calm = her_labels == "urgent", her_labels == "calm"
        found.append(
            (int(alarmed[urgent].sum()), int(urgent.sum()), int(alarmed[calm].sum()), int(calm.sum()), clear)
        )
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=Path, default=EXAMPLES, help="a folder of example files")
    examples = [*hand_written(parser.parse_args().examples), *tuning_halves(tuple(TUNING))]
    vectors = embedded(examples)
    alarms = phrase_alarms(examples)
    table = {writer: left_out(vectors, examples, alarms, writer, RULES) for writer in TUNING}
    print("left out:  " + "  ".join(f"{writer + ' urgent, calm alarmed (clear)':>44}" for writer in TUNING))
    for n, rule in enumerate(RULES):
        cells = []
        for writer in TUNING:
            caught, urgent, alarmed, calm, clear = table[writer][n]
            cells.append(f"{caught}/{urgent} {alarmed}/{calm} ({clear:.3f})")
        print(f"{rule.budget:>4.0%} {rule.ties:<8}" + "  ".join(f"{cell:>44}" for cell in cells))


if __name__ == "__main__":
    main()
