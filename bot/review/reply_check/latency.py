"""How long one check takes while staff type: p50 and p99 per draft, on the tuning half of the evaluation set.

    .venv/bin/python -m bot.review.reply_check.latency [--drafts N]

Two figures: a draft checked for the first time (every sentence embedded), and the same draft checked again
after one word of its last sentence changed (what happens on a keystroke: only that sentence is embedded
again). Her story is embedded once per story, before timing, as the dashboard does when a reply is opened.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

import numpy as np

from bot.review.reply_check import check_reply, preload

TUNING = Path(__file__).parents[3] / "tests" / "bot" / "review" / "reply_check" / "eval" / "tuning.jsonl"


def _percentiles(times: list[tuple[float, float]]) -> str:
    wall, cpu = (np.percentile(np.array(column) * 1000, [50, 99]) for column in zip(*times, strict=True))
    return f"wall p50 {wall[0]:.0f} ms, p99 {wall[1]:.0f} ms; CPU p50 {cpu[0]:.0f} ms, p99 {cpu[1]:.0f} ms"


def _timed(draft: str, story: str) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    check_reply(draft, story)
    return time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--drafts", type=int, default=40, help="how many tuning drafts to time")
    with TUNING.open(encoding="utf-8") as file:
        drafts = [json.loads(line) for line in file if line.strip()][: parser.parse_args().drafts]
    preload()
    for draft in drafts:  # her story, once, as when the reply is opened
        check_reply("", draft["story"])
    first = [_timed(draft["draft"], draft["story"]) for draft in drafts]
    again = [_timed(draft["draft"].rstrip() + " x", draft["story"]) for draft in drafts]
    print(f"{len(drafts)} drafts, load average {os.getloadavg()[0]:.1f}")
    print(f"first check of a draft       {_percentiles(first)}")
    print(f"again after a keystroke      {_percentiles(again)}")


if __name__ == "__main__":
    main()
