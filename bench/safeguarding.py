"""How well urgent messages are caught, in every language and kind, and how fast.

Run: .venv/bin/python bench/safeguarding.py [--part frozen|tuning|both] [--set blind|blind2|blind3]

Reads the evaluation set in tests/safeguarding/eval/ (see its README): the frozen half first, then the
tuning half. Urgent recall counts only messages assessed CLEAR (only that gets her the numbers); a false
alarm is a calm message assessed CLEAR. Also: "possible" messages reaching at least "check soon", calm
messages marked "check soon", which layer caught what, the risk named, latency, memory and start-up.

The tuning half is part of the model's training data, so its figures here are in-sample; the trainer
(python -m flows.safeguarding.train) prints held-out figures for it. Only aggregates are printed: the
frozen half is for measuring, never for reading message by message.
"""

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from flows.safeguarding import Assessment, Level, assess, preload  # noqa: E402  (needs ROOT on sys.path)

EVAL = ROOT / "tests" / "safeguarding" / "eval"
LANGS = ("en", "ur", "bn", "pa", "gu", "pl", "ro", "ar", "so", "pt", "ps", "prs", "ti", "uk")
#: a long story with one urgent sentence buried in the middle: the worst case for latency
LONG_STORY = " ".join(
    ["The midwives on the ward were kind and the room was clean, but the night staff changed twice."] * 6
    + ["Right now I am bleeding heavily and soaking a pad every half hour and feel faint."]
    + ["We waited a long time for the discharge letter and the car park machine was broken again."] * 6
)


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _pct(hit: int, total: int) -> str:
    return f"{hit}/{total} {100 * hit / total:5.1f}%" if total else "-"


def _table(title: str, rows: list[tuple[str, str, str, str, str]]) -> None:
    print(f"\n{title}")
    print(f"  {'':<22}{'urgent→clear':>18}{'calm→clear':>16}{'possible→≥check':>19}{'calm→check soon':>19}")
    for name, *cells in rows:
        print(
            f"  {name:<22}" + "".join(f"{cell:>{w}}" for cell, w in zip(cells, (18, 16, 19, 19), strict=True))
        )


def _figures(
    rows: list[dict[str, Any]], found: list[Assessment], key: str
) -> list[tuple[str, str, str, str, str]]:
    groups: dict[str, list[tuple[dict[str, Any], Assessment]]] = defaultdict(list)
    for row, assessment in zip(rows, found, strict=True):
        groups[row[key]].append((row, assessment))
        groups["ALL"].append((row, assessment))
    order = [*(LANGS if key == "lang" else sorted(k for k in groups if k != "ALL")), "ALL"]
    out = []
    for name in order:
        pairs = groups.get(name, [])

        def count(label: str, levels: tuple[Level, ...], pairs: list[Any] = pairs) -> str:
            picked = [a.level in levels for r, a in pairs if r["label"] == label]
            return _pct(sum(picked), len(picked))

        out.append(
            (
                name,
                count("urgent", (Level.CLEAR,)),
                count("calm", (Level.CLEAR,)),
                count("possible", (Level.CLEAR, Level.POSSIBLE)),
                count("calm", (Level.POSSIBLE,)),
            )
        )
    return out


def _layers(rows: list[dict[str, Any]], found: list[Assessment]) -> None:
    """Which layer caught the urgent messages that got the numbers, and what raised the false alarms."""
    for label, title in (("urgent", "urgent caught"), ("calm", "false alarms")):
        clear = [
            a for r, a in zip(rows, found, strict=True) if r["label"] == label and a.level is Level.CLEAR
        ]
        both = sum(bool(a.phrase_risks) and a.model_alarm for a in clear)
        phrase = sum(bool(a.phrase_risks) and not a.model_alarm for a in clear)
        model = sum(not a.phrase_risks for a in clear)
        print(f"  {title:<14} {len(clear):>4}: both layers {both}, phrases only {phrase}, model only {model}")
    urgent = [
        (r, a) for r, a in zip(rows, found, strict=True) if r["label"] == "urgent" and a.level is Level.CLEAR
    ]
    right = sum(r["risk"] in a.risks for r, a in urgent)
    print(f"  right risk named (so the right numbers) for {_pct(right, len(urgent))} of urgent caught")
    every = [a for r, a in zip(rows, found, strict=True) if r["label"] == "urgent"]
    phrases, model = sum(bool(a.phrase_risks) for a in every), sum(a.model_alarm for a in every)
    print(
        f"  each layer on its own, of all urgent: phrases fire on {_pct(phrases, len(every))},"
        f" model reaches its clear threshold on {_pct(model, len(every))}"
    )
    missed = [a for a in every if a.level is not Level.CLEAR]
    doubted = sum(bool(a.phrase_risks) for a in missed)
    soon = sum(a.level is Level.POSSIBLE for a in missed)
    print(
        f"  urgent not given the numbers {len(missed)}: a phrase fired but the model doubted it {doubted},"
        f" neither layer {len(missed) - doubted}; marked check soon {soon}"
    )


def _run(folder: Path, part: str) -> None:
    rows = [json.loads(line) for line in (folder / f"{part}.jsonl").read_text("utf-8").splitlines() if line]
    times: list[float] = []
    cpu: list[float] = []
    found: list[Assessment] = []
    for row in rows:
        start, start_cpu = time.perf_counter(), time.process_time()
        found.append(assess(row["text"]))
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    print(f"\n=== {part.upper()} ({len(rows)} messages) ===")
    if part == "tuning" and folder == EVAL:
        print("(in the model's training data: in-sample; the trainer prints held-out figures)")
    _table("per language", _figures(rows, found, "lang"))
    _table("per kind", _figures(rows, found, "kind"))
    print("\nwhich layer")
    _layers(rows, found)
    print(f"\nspeed: {len(rows) / sum(times):,.0f} messages/s in one process")
    for name, spent in (("wall clock", times), ("CPU (all threads)", cpu)):
        ordered = sorted(spent)
        p50, p99 = ordered[len(ordered) // 2], ordered[int(len(ordered) * 0.99)]
        print(
            f"  {name:<18} per message p50 {1000 * p50:.0f} ms, p99 {1000 * p99:.0f} ms,"
            f" max {1000 * ordered[-1]:.0f} ms"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=("frozen", "tuning", "both"), default="both")
    parser.add_argument(
        "--set",
        choices=("main", "blind", "blind2", "blind3"),
        default="main",
        help="a later set, by another hand",
    )
    args = parser.parse_args()
    before = _rss_mb()
    start = time.perf_counter()
    preload()
    loaded = time.perf_counter() - start
    print(f"start-up: {loaded:.2f} s to load and verify the embedding model and ours;")
    print(f"memory: {_rss_mb() - before:.0f} MB more resident after loading ({_rss_mb():.0f} MB in all)")
    start, start_cpu = time.perf_counter(), time.process_time()
    long_found = assess(LONG_STORY)
    took, took_cpu = time.perf_counter() - start, time.process_time() - start_cpu
    words = len(LONG_STORY.split())
    print(
        f"worst case: a {words}-word story with one urgent sentence in the middle: {1000 * took:.0f} ms"
        f" ({1000 * took_cpu:.0f} ms CPU), assessed {long_found.level.value}"
    )
    for part in ("frozen", "tuning") if args.part == "both" else (args.part,):
        _run(EVAL if args.set == "main" else EVAL / args.set, part)


if __name__ == "__main__":
    main()
