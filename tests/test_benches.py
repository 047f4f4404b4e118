"""The load benches, run in their quickest mode so they never rot: each must finish cleanly and print
its tables (figures from a quick run mean nothing; the full runs are in the README)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("bench", "options", "expected"),
    [
        ("webhooks.py", (), ("| bare insert |", "reply queued p99", "Largest web worker")),
        # a lead at her desk, reloading after a pause (the harsh default, no pause, is the same loop)
        ("dashboard.py", ("--lead-pause", "0.2"), ("| queue ms |", "p99 beside the lead", "every 0.2 s")),
    ],
)
def test_bench_runs_quickly_and_prints_its_tables(
    bench: str, options: tuple[str, ...], expected: tuple[str, ...]
) -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / bench), "--quick", "--db", "sqlite", *options],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    for words in expected:
        assert words in done.stdout, done.stdout
