"""The dashboard under an archive: the queue page and the weekly digest at 10 000 and 100 000 stories, the
SQL statements a queue page costs, and webhook p99 while a lead keeps refreshing the queue.

Stories are written straight into a scratch database (an archive: 80 % answered, closed or withdrawn, a
tenth waiting for staff, a tenth still being told; seven languages, six sites, 1 % urgent, 2 % "check
soon", spread over 26 weeks). The queue page and the digest are timed in the
checkout's own app (Flask's test client, signed in as a lead; SQL statements counted on its engine);
the webhook figure runs the checkout under gunicorn with its worker: messages arrive at ``--rate`` a
second, once with nobody looking and once while a lead refreshes the queue as fast as it answers (or,
with ``--lead-pause S``, every S seconds, as a lead at her desk does: the first figure is the harsh one).
Every figure is a median (of 5 page loads, of 3 digests, of 3 rounds); any error stops the bench.

    .venv/bin/python bench/dashboard.py [--quick] [--tree PATH ...] [--db sqlite|postgres|both]
        [--lead-pause S]
"""

from __future__ import annotations

import argparse
import contextlib
import http.cookiejar
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

if "--inner" not in sys.argv:  # inside, the checkout under test comes first on PYTHONPATH
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import harness
from bench.harness import BenchError

LEAD, PASSWORD = "bench-lead", "bench-lead-password-0123"
ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
#: an archive: most stories answered long ago, a tenth still waiting for someone
STATUSES = (
    ("replied", 62),
    ("closed", 15),
    ("withdrawn", 3),
    ("new", 4),
    ("moderated", 3),
    ("drafted", 2),
    ("approved", 1),
    ("draft", 10),
)
THEMES = ("communication", "pain-relief", "respect", "staffing", "aftercare", "cleanliness", "discrimination")
WORDS = (
    "The midwife did not listen when I said the pain was too much and nobody explained the induction. "
    "After the birth the ward was noisy and I waited hours for help with feeding. "
)


def _ref(number: int) -> str:
    letters = []
    for _ in range(6):
        number, digit = divmod(number, len(ALPHABET))
        letters.append(ALPHABET[digit])
    return "AV-" + "".join(letters)


def seed(url: str, start: int, stop: int) -> None:
    """Stories ``start`` to ``stop`` (numbers, for unique references), written in batches."""
    from sqlalchemy import create_engine, text

    from bot.config import DEFAULT_SITES
    from storage.models import Story

    now = datetime.now(UTC)
    chance = random.Random(start)
    statuses = [status for status, weight in STATUSES for _ in range(weight)]
    engine = create_engine(url)
    table = Story.__table__
    rows: list[dict[str, Any]] = []
    with engine.begin() as connection:
        for number in range(start, stop):
            status = chance.choice(statuses)
            lang = harness.LANGS[number % len(harness.LANGS)]
            submitted = now - timedelta(minutes=chance.randrange(26 * 7 * 24 * 60))
            rows.append(
                {
                    "ref": _ref(number),
                    "channel": chance.choice(("sms", "whatsapp", "telegram")),
                    "transport": "twilio",
                    "lang": lang,
                    "status": status,
                    "redacted_text": WORDS,
                    "translation_en": None if lang == "en" else WORDS,
                    "site": chance.choice(DEFAULT_SITES),
                    "urgent": chance.random() < 0.01,
                    "check_soon_at": submitted if chance.random() < 0.02 else None,
                    "themes": chance.sample(THEMES, chance.randrange(3)),
                    "created_at": submitted - timedelta(minutes=20),
                    "submitted_at": None if status == "draft" else submitted,
                    "replied_at": submitted + timedelta(days=chance.randrange(1, 20))
                    if status in ("replied", "closed")
                    else None,
                    "rating": chance.randrange(1, 6)
                    if status == "replied" and chance.random() < 0.3
                    else None,
                }
            )
            if len(rows) == 5000:
                connection.execute(table.insert(), rows)
                rows = []
        if rows:
            connection.execute(table.insert(), rows)
    if engine.dialect.name == "postgresql":
        # A real archive grows over months and autovacuum keeps its statistics and visibility map; one
        # written in a minute has neither, and the planner's guesses would be timed instead (the
        # queue page's SQL at 100 000 stories: 45 ms without them, 5 ms with them).
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("VACUUM ANALYZE story"))
    engine.dispose()


def add_lead(url: str) -> None:
    from bot.config import Settings
    from bot.services import Services
    from storage import staff

    services = Services.build(Settings.from_env(url))
    with services.db.session() as session:
        staff.create(session, LEAD, PASSWORD, "lead", "Bench Lead")
    services.db.dispose()


# --- inside the checkout under test (run with its code on PYTHONPATH) ---------------------------------


def inner(rounds: int) -> dict[str, Any]:
    """Queue page and digest timings in this checkout's app; printed as JSON for the outer bench."""
    from sqlalchemy import event

    from bot.app import create_app
    from bot.reports import digest

    app = create_app()
    app.config.update(TESTING=True)
    services = app.extensions["allvoices"]
    client = app.test_client()
    page = client.get("/review/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page)
    if token is None:
        raise BenchError("no CSRF token on the sign-in page")
    client.post("/review/login", data={"username": LEAD, "password": PASSWORD, "csrf_token": token.group(1)})
    statements: list[str] = []
    event.listen(services.db.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    found: dict[str, Any] = {}
    for name, path in (
        ("queue", "/review"),
        ("queue, one language", "/review?lang=ur"),
        ("page 20", "/review?page=20"),
    ):
        times = []
        for number in range(rounds + 1):
            statements.clear()
            began = time.perf_counter()
            response = client.get(path)
            took = time.perf_counter() - began
            if response.status_code != 200:
                raise BenchError(f"{path} answered {response.status_code}")
            if number:  # the first load warms the caches
                times.append(took * 1000)
        found[name] = {"ms": harness.median(times), "statements": len(statements)}
    week = digest.last_week(datetime.now(UTC))
    times = []
    for _ in range(max(1, rounds // 2)):
        began = time.perf_counter()
        html = digest.render(services, "all", week)
        times.append(time.perf_counter() - began)
        if "AV-" not in html and "stories" not in html:
            raise BenchError("the digest rendered nothing")
    found["digest"] = {"s": harness.median(times)}
    import bot

    found["code"] = str(Path(bot.__file__).resolve().parent.parent)
    return found


def run_inner(root: Path, env: dict[str, str], rounds: int) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--inner", str(rounds)],
        env={**env, "PYTHONPATH": f"{root}{os.pathsep}{harness.ROOT}"},
        cwd=root,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise BenchError(f"queue and digest timing failed in {root}:\n{done.stderr[-3000:]}")
    found = dict(json.loads(done.stdout.strip().splitlines()[-1]))
    if Path(found["code"]) != root:
        raise BenchError(f"timed the code in {found['code']}, not {root}")
    return found


# --- a lead refreshing the queue while messages arrive -------------------------------------------------


class Lead:
    """A signed-in lead who reloads the queue on another thread: as fast as it answers, or ``pause``
    seconds after each page."""

    def __init__(self, port: int, pause: float = 0.0) -> None:
        self.pause = pause
        self.base = f"http://127.0.0.1:{port}"
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )
        page = self.opener.open(self.base + "/review/login", timeout=30).read().decode()
        token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page)
        if token is None:
            raise BenchError("no CSRF token on the sign-in page")
        form = urllib.parse.urlencode({"username": LEAD, "password": PASSWORD, "csrf_token": token.group(1)})
        self.opener.open(self.base + "/review/login", data=form.encode(), timeout=30).read()
        self.stop = threading.Event()
        self.loads: list[float] = []
        self.errors: list[BaseException] = []
        self.thread = threading.Thread(target=self._refresh, daemon=True)

    def _refresh(self) -> None:
        while not self.stop.is_set():
            began = time.perf_counter()
            try:
                response = self.opener.open(self.base + "/review", timeout=60)
                body = response.read()
                if response.status != 200 or (
                    b"sign in" in body[:2000].lower() and b"queue" not in body.lower()
                ):
                    raise BenchError(f"the queue answered {response.status} (signed out?)")
            except BaseException as error:
                self.errors.append(error)
                return
            self.loads.append(time.perf_counter() - began)
            self.stop.wait(self.pause)

    def __enter__(self) -> Lead:
        self.thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.stop.set()
        self.thread.join()
        if self.errors:
            raise BenchError(f"the lead's page failed: {self.errors[0]!r}") from self.errors[0]


def webhooks_beside_lead(
    root: Path, url: str, env: dict[str, str], scratch: Path, args: argparse.Namespace
) -> dict[str, float]:
    rounds, count, rate = args.rounds, args.messages, args.rate
    spool = Path(env["ALLVOICES_SPOOL_DIR"])
    web = harness.gunicorn(
        f"web-{root.name}", "bot.app:create_app()", root, env, scratch, threads=args.threads
    )
    work = harness.worker(f"worker-{root.name}", root, env, scratch)
    engine = harness.engine_for(url)
    alone, beside, pages = [], [], []
    try:
        for _ in range(rounds):
            for looking in (False, True):
                requests = [harness.twilio(harness.new_sender(), "hello") for _ in range(count)]
                with Lead(web.port, args.lead_pause) if looking else contextlib.nullcontext() as lead:
                    timings = harness.open_loop(web.port, requests, rate)
                (beside if looking else alone).append(harness.quantile(timings.latencies, 0.99) * 1000)
                if lead is not None:
                    pages.extend(lead.loads)
                harness.wait_answered(engine, work, spool)
    finally:
        web.stop()
        work.stop()
        engine.dispose()
    if not pages:
        raise BenchError("the lead never loaded the queue")
    return {
        "alone p99": harness.median(alone),
        "beside p99": harness.median(beside),
        "ratio": harness.median([b / a for a, b in zip(alone, beside, strict=True)]),
        "page median ms": harness.median(pages) * 1000,
        "pages": len(pages) / rounds,
    }


def run_database(kind: str, trees: Sequence[Path], sizes: tuple[int, ...], args: argparse.Namespace) -> None:
    rows: list[tuple[str, int, dict[str, Any]]] = []
    lead_rows: list[tuple[str, dict[str, float]]] = []
    with harness.fake_twilio_url() as twilio_url:
        for root in trees:
            label = ("this tree " if root == harness.ROOT else "") + harness.tree_label(root)
            with (
                tempfile.TemporaryDirectory(prefix="allvoices-bench-") as folder,
                harness.scratch_database(kind) as url,
            ):
                scratch = Path(folder)
                env = harness.environment(url, root, scratch, twilio_url)
                harness.migrate(root, env)
                os.environ.update({k: v for k, v in env.items() if k.startswith("ALLVOICES_")})
                add_lead(url)
                done = 0
                for size in sizes:
                    seed(url, done, size)
                    done = size
                    rows.append((label, size, run_inner(root, env, args.page_rounds)))
                    print(f"  {kind} {label} {size}: {rows[-1][2]}", file=sys.stderr, flush=True)
                lead_rows.append(
                    (
                        label,
                        webhooks_beside_lead(root, url, env, scratch, args),
                    )
                )
    print(f"\n### {kind}: queue page (median of {args.page_rounds} loads, signed in as a lead) and digest")
    print("\n| | stories | queue ms | SQL | one language ms | SQL | page 20 ms | SQL | digest s |")
    print("|---|---|---|---|---|---|---|---|---|")
    for label, size, found in rows:
        queue, lang, far = found["queue"], found["queue, one language"], found["page 20"]
        print(
            f"| {label} | {size:,} | {queue['ms']:.0f} | {queue['statements']} | {lang['ms']:.0f} "
            f"| {lang['statements']} | {far['ms']:.0f} | {far['statements']} | {found['digest']['s']:.2f} |"
        )
    print(
        f"\nWebhook p99 at {args.rate:g} arrivals/s with {sizes[-1]:,} stories, "
        f"median of {args.rounds} rounds "
        f"of {args.messages} messages, alone and while a lead refreshes the queue "
        f"{f'every {args.lead_pause:g} s' if args.lead_pause else 'without pause'}:\n"
    )
    print("| | p99 alone ms | p99 beside the lead ms | × | queue loads a round | queue median ms |")
    print("|---|---|---|---|---|---|")
    for label, found in lead_rows:
        print(
            f"| {label} | {found['alone p99']:.0f} | {found['beside p99']:.0f} | {found['ratio']:.2f} "
            f"| {found['pages']:.0f} | {found['page median ms']:.0f} |"
        )
    sys.stdout.flush()


def main() -> None:
    parser = harness.arguments(__doc__ or "")
    parser.add_argument("--messages", type=int, default=60, help="webhooks a round beside the lead")
    parser.add_argument(
        "--lead-pause", type=float, default=0.0, help="seconds the lead waits between reloads (0: none)"
    )
    parser.add_argument("--inner", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.inner is not None:
        print(json.dumps(inner(args.inner)))
        return
    sizes = (200, 1_000) if args.quick else (10_000, 100_000)
    args.rounds, args.page_rounds = (1, 1) if args.quick else (3, 5)
    if args.quick:
        args.messages = 20
    trees = harness.checkouts(parser, args.tree)
    harness.each_database(args.db, lambda kind: run_database(kind, trees, sizes, args))


if __name__ == "__main__":
    main()
