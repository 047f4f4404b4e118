#!/usr/bin/env python3
"""Split all.jsonl ONCE into tuning.jsonl and frozen.jsonl (stdlib only).

Rule
----
* Strata = (lang, label).  Every stratum is split ~50/50.
* Seed is fixed (SEED below), so re-running on the same all.jsonl gives the
  same split byte for byte.
* Inside a stratum the rows are shuffled with the seeded RNG, then stably
  sorted by `kind`, then dealt alternately tuning/frozen starting from a
  seeded coin-flip.  Dealing in kind order spreads every kind over both
  halves (a kind with 2+ rows in a stratum lands on both sides).
* Odd-sized strata therefore give the extra row to whichever side the
  coin-flip started on; across ~42 strata this evens out.

The split is meant to be made once and committed.  The script refuses to
overwrite existing tuning.jsonl / frozen.jsonl unless --force is given, so
that the frozen half is not silently reshuffled after anyone has looked at it.

Usage:  python3 split.py            (first time; --dir DIR for a second set)
        python3 split.py --check    (verify committed files match the rule)
"""

import json
import os
import random
import sys
from collections import defaultdict

SEED = 20240611
# A second set (written later, by another hand) lives in a folder of its own: split.py --dir DIR.
HERE = (
    os.path.abspath(sys.argv[sys.argv.index("--dir") + 1])
    if "--dir" in sys.argv
    else os.path.dirname(os.path.abspath(__file__))
)
ALL = os.path.join(HERE, "all.jsonl")
TUNING = os.path.join(HERE, "tuning.jsonl")
FROZEN = os.path.join(HERE, "frozen.jsonl")


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def split(rows):
    rng = random.Random(SEED)
    strata = defaultdict(list)
    for r in rows:
        strata[(r["lang"], r["label"])].append(r)
    tuning, frozen = [], []
    for key in sorted(strata):
        group = sorted(strata[key], key=lambda r: r["id"])
        rng.shuffle(group)
        group.sort(key=lambda r: r["kind"])  # stable: keeps shuffled order within a kind
        side = rng.randrange(2)
        for r in group:
            (tuning if side == 0 else frozen).append(r)
            side ^= 1
    tuning.sort(key=lambda r: r["id"])
    frozen.sort(key=lambda r: r["id"])
    return tuning, frozen


def dump(path, rows):
    with open(path, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def main(argv):
    rows = load(ALL)
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids)), "duplicate ids in all.jsonl"
    tuning, frozen = split(rows)

    if "--check" in argv:
        ok = (load(TUNING) == tuning) and (load(FROZEN) == frozen)
        print("committed split matches rule" if ok else "MISMATCH: committed split differs")
        return 0 if ok else 1

    if (os.path.exists(TUNING) or os.path.exists(FROZEN)) and "--force" not in argv:
        print(
            "tuning.jsonl/frozen.jsonl already exist; the split is made once. "
            "Use --check to verify, or --force to overwrite deliberately."
        )
        return 1

    dump(TUNING, tuning)
    dump(FROZEN, frozen)
    print(f"tuning: {len(tuning)}  frozen: {len(frozen)}  (seed {SEED})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
