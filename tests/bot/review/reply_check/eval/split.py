#!/usr/bin/env python3
"""Split all.jsonl ONCE into tuning.jsonl and frozen.jsonl (stdlib only, fixed seed).

- ~50/50, stratified by (label, kind); within each defensive kind the subtle drafts
  are also spread evenly (a secondary term in the balancing cost).
- Grouped by story: every draft that answers the same story text goes to the same
  side, so the frozen half never shares a story with the tuning half.
- Deterministic: a fixed master seed drives a small number of greedy passes; the pass
  whose per-stratum halves are closest to 50/50 wins.
- Run once. If tuning.jsonl / frozen.jsonl already exist, the script only verifies
  that they are exactly what it would write, and refuses to overwrite them if they
  differ (pass --force to overwrite deliberately, e.g. after all.jsonl was extended).

Usage:  python3 split.py [--force] [--dir DIR]
"""
import json
import os
import random
import sys
from collections import Counter, defaultdict

# A second set (written later, by another hand) lives in a folder of its own: split.py --dir DIR.
HERE = (
    os.path.abspath(sys.argv[sys.argv.index("--dir") + 1])
    if "--dir" in sys.argv
    else os.path.dirname(os.path.abspath(__file__))
)
SRC = os.path.join(HERE, "all.jsonl")
OUT = {"tuning": os.path.join(HERE, "tuning.jsonl"), "frozen": os.path.join(HERE, "frozen.jsonl")}
SEED = 20240611
PASSES = 300


def load():
    with open(SRC, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def one_pass(groups, rng):
    order = list(groups)
    rng.shuffle(order)
    order.sort(key=lambda g: -len(groups[g]))  # big groups first, random tie order
    diff = Counter()  # stratum -> tuning minus frozen
    total = 0
    side = {}
    for g in order:
        c = Counter((r["label"], r["kind"]) for r in groups[g])
        c2 = Counter((r["label"], r["kind"], r["style"] == "subtle") for r in groups[g])
        n = len(groups[g])

        def cost(sign):
            return (sum((diff[s] + sign * k) ** 2 for s, k in c.items())
                    + 1.0 * sum((diff[s] + sign * k) ** 2 for s, k in c2.items())
                    + 0.5 * (total + sign * n) ** 2)

        ct, cf = cost(+1), cost(-1)
        choice = "tuning" if ct < cf else "frozen" if cf < ct else rng.choice(["tuning", "frozen"])
        sign = 1 if choice == "tuning" else -1
        for s, k in list(c.items()) + list(c2.items()):
            diff[s] += sign * k
        total += sign * n
        side[g] = choice
    main_d = [v for s, v in diff.items() if len(s) == 2]
    sub_d = [v for s, v in diff.items() if len(s) == 3]
    score = (max(abs(v) for v in main_d), abs(total), max(abs(v) for v in sub_d), sum(v * v for v in main_d), sum(v * v for v in sub_d))
    return score, side


def split(rows):
    groups = defaultdict(list)
    for r in rows:
        groups[r["story"]].append(r)
    rng = random.Random(SEED)
    best = None
    for _ in range(PASSES):
        score, side = one_pass(groups, rng)
        if best is None or score < best[0]:
            best = (score, side)
    side = best[1]
    parts = {"tuning": [], "frozen": []}
    for r in rows:  # keep all.jsonl order inside each part
        parts[side[r["story"]]].append(r)
    return parts


def render(rs):
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rs)


def main():
    force = "--force" in sys.argv[1:]
    rows = load()
    parts = split(rows)
    texts = {k: render(v) for k, v in parts.items()}
    existing = {k: open(p, encoding="utf-8").read() for k, p in OUT.items() if os.path.exists(p)}
    if existing and not force:
        if all(existing.get(k) == texts[k] for k in OUT):
            print("split already done; tuning.jsonl and frozen.jsonl match — nothing written")
        else:
            sys.exit("tuning.jsonl/frozen.jsonl exist and differ from a fresh split; refusing to overwrite (use --force)")
    else:
        for k, p in OUT.items():
            with open(p, "w", encoding="utf-8") as f:
                f.write(texts[k])
        print("wrote", ", ".join(f"{k}.jsonl ({len(parts[k])})" for k in OUT))
    strata = sorted({(r["label"], r["kind"]) for r in rows})
    print(f"{'label':<10}{'kind':<24}{'tuning':>7}{'frozen':>7}")
    for s in strata:
        t = sum(1 for r in parts["tuning"] if (r["label"], r["kind"]) == s)
        f = sum(1 for r in parts["frozen"] if (r["label"], r["kind"]) == s)
        print(f"{s[0]:<10}{s[1]:<24}{t:>7}{f:>7}")
    ts = {r["story"] for r in parts["tuning"]}
    fs = {r["story"] for r in parts["frozen"]}
    print(f"total {len(parts['tuning'])} / {len(parts['frozen'])}; stories {len(ts)} / {len(fs)}; shared {len(ts & fs)}")
    for k in OUT:
        sub = sum(1 for r in parts[k] if r["style"] == "subtle")
        d = sum(1 for r in parts[k] if r["label"] == "defensive")
        print(f"{k}: defensive {d}, of which subtle {sub}")


if __name__ == "__main__":
    main()
