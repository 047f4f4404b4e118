#!/usr/bin/env python3
"""Split all.jsonl ONCE into tuning.jsonl and frozen.jsonl, ~50/50, stratified by language.

Rule: group stories by "lang"; inside each language sort by id, shuffle with
random.Random(f"{SEED}:{lang}"), first floor(n/2) -> tuning, the rest -> frozen
(so a language with an odd count gives frozen the extra story). Stdlib only; the same
all.jsonl always gives the same split.  Run:  python3 split.py [DIR]
"""

import collections
import json
import os
import random
import sys

SEED = 20240611
# A second set lives in a folder of its own: split.py DIR.
HERE = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))


def main():
    with open(os.path.join(HERE, "all.jsonl"), encoding="utf-8") as f:
        recs = [json.loads(line) for line in f]
    by = collections.defaultdict(list)
    for r in recs:
        by[r["lang"]].append(r)
    tune, frozen = set(), set()
    for lang in sorted(by):
        ids = sorted(r["id"] for r in by[lang])
        random.Random(f"{SEED}:{lang}").shuffle(ids)
        k = len(ids) // 2
        tune.update(ids[:k])
        frozen.update(ids[k:])
    for name, keep in (("tuning.jsonl", tune), ("frozen.jsonl", frozen)):
        with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
            for r in recs:
                if r["id"] in keep:
                    f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"tuning {len(tune)}  frozen {len(frozen)}")


if __name__ == "__main__":
    main()
