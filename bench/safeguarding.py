"""Confusion table and throughput of flows.safeguarding over tests/safeguarding/cases.toml.

Run: .venv/bin/python bench/safeguarding.py
"""

import sys
import time
import tomllib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from flows.safeguarding import Risk, detect_risks  # noqa: E402  (needs ROOT on sys.path)

CASES_FILE = ROOT / "tests" / "safeguarding" / "cases.toml"
ROUNDS = 50


def _row(name: str, truth: list[bool], guess: list[bool]) -> str:
    tp = sum(t and g for t, g in zip(truth, guess, strict=True))
    fp = sum(g and not t for t, g in zip(truth, guess, strict=True))
    fn = sum(t and not g for t, g in zip(truth, guess, strict=True))
    tn = len(truth) - tp - fp - fn
    precision = f"{tp / (tp + fp):.2f}" if tp + fp else "-"
    recall = f"{tp / (tp + fn):.2f}" if tp + fn else "-"
    return f"{name:<12}{tp:>5}{fp:>5}{fn:>5}{tn:>5}{precision:>11}{recall:>8}"


def main() -> None:
    cases: list[dict[str, Any]] = tomllib.loads(CASES_FILE.read_text("utf-8"))["case"]
    expected = [frozenset(Risk(r) for r in case["risks"]) for case in cases]
    found = [detect_risks(case["text"], case.get("lang")) for case in cases]

    print(f"{len(cases)} labelled messages from {CASES_FILE.relative_to(ROOT)}\n")
    print(f"{'':<12}{'TP':>5}{'FP':>5}{'FN':>5}{'TN':>5}{'precision':>11}{'recall':>8}")
    for risk in Risk:
        print(_row(risk.value, [risk in e for e in expected], [risk in f for f in found]))
    print(_row("urgent", [bool(e) for e in expected], [bool(f) for f in found]))

    wrong = [(case, f) for case, e, f in zip(cases, expected, found, strict=True) if e != f]
    for case, f in wrong:
        print(f"  wrong [{case.get('lang')}] {case['text']!r}: expected {case['risks']}, got {sorted(f)}")

    start = time.perf_counter()
    for _ in range(ROUNDS):
        for case in cases:
            detect_risks(case["text"], case.get("lang"))
    elapsed = time.perf_counter() - start
    print(f"\n{ROUNDS * len(cases) / elapsed:,.0f} messages/s ({ROUNDS} rounds, warm cache, one thread)")


if __name__ == "__main__":
    main()
