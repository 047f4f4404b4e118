"""How well the reply checker blocks defensive drafts and passes good ones, on the evaluation set.

Run: .venv/bin/python bench/reply_check.py [--part frozen|tuning] [--set blind|...|blind5|written6|...]

Prints, for the frozen part first and then the tuning part (tests/bot/review/reply_check/eval/): defensive
drafts blocked, good drafts blocked (false blocks), blocked by kind, the drafts each rule and each layer
blocks, and drafts checked per second. Only totals are printed, never a draft: the frozen part is for
measuring, not for tuning (see that folder's README). Goal on the frozen part: defensive blocked >= 95 %,
good blocked <= 5 %.
"""

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.review.reply_check import CheckResult, check_reply, preload  # noqa: E402  (needs ROOT on sys.path)
from bot.review.reply_check.train import EVAL  # noqa: E402

PARTS = ("frozen", "tuning")
#: every later hand's folder, learnt from or only measured (written13: not learnt from)
LATER = sorted(
    folder.name for folder in EVAL.iterdir() if any((folder / f"{part}.jsonl").exists() for part in PARTS)
)


def _load(folder: Path, part: str) -> list[dict[str, Any]]:
    with (folder / f"{part}.jsonl").open(encoding="utf-8") as file:
        return [json.loads(line) for line in file if line.strip()]


def _share(count: int, total: int) -> str:
    return f"{count}/{total} ({100 * count / total:.1f} %)" if total else "-"


def _report(folder: Path, part: str) -> None:
    drafts = _load(folder, part)
    started = time.perf_counter()
    results: list[CheckResult] = [check_reply(draft["draft"], draft["story"]) for draft in drafts]
    rate = len(drafts) / (time.perf_counter() - started)
    pairs = list(zip(drafts, results, strict=True))
    defensive = [result for draft, result in pairs if draft["label"] == "defensive"]
    good = [result for draft, result in pairs if draft["label"] == "good"]
    # later hands write the style as a list ("subtle, short, emoji", "subtle; says the questions …")
    subtle = [result for draft, result in pairs if draft["style"].split(",")[0].split(";")[0] == "subtle"]

    print(f"== {part}: {len(drafts)} drafts ({len(defensive)} defensive, {len(good)} good)")
    print(f"defensive blocked      {_share(sum(not r.ok for r in defensive), len(defensive))}")
    print(f"  of them subtle       {_share(sum(not r.ok for r in subtle), len(subtle))}")
    print(f"good blocked (false)   {_share(sum(not r.ok for r in good), len(good))}")
    print(f"speed                  {rate:.1f} drafts/s ({1000 / rate:.0f} ms a draft, story included)")

    print("\nblocked by kind")
    kinds = Counter((draft["label"], draft["kind"]) for draft in drafts)
    caught = Counter((draft["label"], draft["kind"]) for draft, result in pairs if not result.ok)
    for (label, kind), total in sorted(kinds.items()):
        print(f"  {label:<10}{kind:<24}{caught[(label, kind)]:>4}/{total}")

    for label, group in (("defensive", defensive), ("good", good)):
        rules = Counter(rule for result in group for rule in {f.rule for f in result.blocking})
        layers = Counter(layer for result in group for layer in {f.layer.value for f in result.blocking})
        alone = Counter(
            next(iter(found))
            for result in group
            if len(found := {f.layer.value for f in result.blocking}) == 1
        )
        print(f"\n{label} drafts blocked, by rule (a draft may break several)")
        for rule, count in rules.most_common():
            print(f"  {rule:<18}{count:>4}")
        print(f"{label} drafts blocked, by layer (alone = no other layer blocked it)")
        for layer, count in layers.most_common():
            print(f"  {layer:<18}{count:>4}   alone {alone[layer]}")
    advice = Counter(f.rule for result in good for f in result.advice)
    print("\nadvice shown on good drafts (never blocks)")
    for rule, count in advice.most_common():
        print(f"  {rule:<18}{count:>4}")
    print()


def main() -> None:
    parser = argparse.ArgumentParser(description="Reply checker on the evaluation set.")
    parser.add_argument("--part", choices=PARTS, action="append", help="one part only (default: both)")
    parser.add_argument(
        "--set",
        choices=("main", *LATER),
        default="main",
        help="a later set, by another hand",
    )
    args = parser.parse_args()
    preload()
    folder = EVAL if args.set == "main" else EVAL / args.set
    for part in args.part or PARTS:
        if (folder / f"{part}.jsonl").exists():
            _report(folder, part)
        else:  # written6 to written9: written to learn from and read whole, so no part of them is frozen
            print(f"== {part}: none (every draft of this set has been read)\n")


if __name__ == "__main__":
    main()
