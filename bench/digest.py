"""The digest, the export and the yearly report at 10 000 and 100 000 stories, on PostgreSQL.

Each is timed beside the bare SQL it needs (the counts and rows, with no Python around them), in the
same run on the same database, so the ratio says what the app adds. Then the SQL statements each
dashboard page runs, at both sizes: a page whose count grows with the stories runs a query per row.

    .venv/bin/python bench/digest.py [--sizes 10000,100000] [--postgres URL]

Stories are generated straight into a schema of their own (dropped afterwards): a year, six sites,
ethnic groups skewed away from births (so a group is under-heard), ages, districts, languages, themes,
champion codes, replies and ratings.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import re
import statistics
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, insert, text
from sqlalchemy.engine import Engine, make_url

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.config import DEFAULT_SITES, Settings  # noqa: E402
from bot.reports import digest  # noqa: E402
from bot.reports.export import export  # noqa: E402
from bot.reports.population import parse_births, parse_imd  # noqa: E402
from bot.reports.yearly import render_html  # noqa: E402
from bot.services import Services  # noqa: E402
from storage import champions, population, staff  # noqa: E402
from storage.migrations import upgrade  # noqa: E402
from storage.models import Story  # noqa: E402
from storage.queue import QueueFilter  # noqa: E402

POSTGRES = os.environ.get("ALLVOICES_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
SITE = DEFAULT_SITES[0]
YEAR = 2026
START = datetime(YEAR, 1, 1, tzinfo=UTC)
WEEK = "2026-W40"
EXAMPLES = ROOT / "examples" / "populations"
ETHNIC = (("white", 0.90), ("asian", 0.05), ("black", 0.015), ("mixed", 0.025), ("other", 0.01))
THEMES = ("communication", "listened", "pain", "access", "respect", "interpreter", "postnatal", "safety")
DISTRICTS = ("ME1", "ME2", "ME3", "ME4", "ME5", "ME7", "ME8", "DA1", "TN1")
LANGS = (("en", 0.86), ("pl", 0.04), ("ur", 0.03), ("ro", 0.03), ("pa", 0.02), ("ar", 0.02))
CODES = ("MEDWAY-BUMPS", "SOMALI-MUMS", "POLSKA-MAMY", "GRAVESEND-GURDWARA")
PASSWORD = "a long enough password for the bench"


def _pick(choices: tuple[tuple[str, float], ...], rng: random.Random) -> str:
    return rng.choices([key for key, _ in choices], [weight for _, weight in choices])[0]


def stories(first: int, count: int, rng: random.Random) -> Iterator[dict[str, Any]]:
    for number in range(first, first + count):
        told = START + timedelta(seconds=rng.randrange(364 * 24 * 3600))
        lang = _pick(LANGS, rng)
        replied = told + timedelta(hours=rng.uniform(2, 120)) if rng.random() < 0.7 else None
        ethnicity = _pick(ETHNIC, rng)
        about = {
            "ethnicity": ethnicity if rng.random() < 0.8 else None,
            "age": rng.choice(("under20", "20to24", "25to29", "30to34", "35to39", "40plus")),
            "postcode": rng.choice(DISTRICTS),
            "language": {"en": "English", "pl": "Polish", "ur": "Urdu"}.get(lang, lang),
        }
        yield {
            "ref": f"AV-{number:06d}",
            "channel": rng.choice(("sms", "whatsapp", "telegram")),
            "transport": "twilio",
            "lang": lang,
            "status": "replied" if replied else rng.choice(("new", "moderated", "drafted")),
            "site": DEFAULT_SITES[number % len(DEFAULT_SITES)],
            "redacted_text": "The midwife [NAME] did not explain the induction and I was frightened. " * 3,
            "translation_en": None if lang == "en" else "Nobody explained the induction. " * 3,
            "translation_status": "done",
            "answers": {},
            "about": about,
            "themes": rng.sample(THEMES, rng.randint(0, 3)),
            "champion_code": rng.choice(CODES) if rng.random() < 0.3 else None,
            "submitted_at": told,
            "created_at": told,
            "moderated_at": told + timedelta(hours=1),
            "replied_at": replied,
            "rating": rng.randint(1, 5) if replied and rng.random() < 0.5 else None,
            "reply_wanted": True,
            "quote_ok": rng.random() < 0.3,
            "urgent": False,
            "media_count": 0,
            "redactions": [],
            "translation_attempts": 0,
        }


def generate(services: Services, first: int, count: int, rng: random.Random) -> float:
    began = time.perf_counter()
    batch: list[dict[str, Any]] = []
    table = Story.__table__
    with services.db.engine.begin() as connection:
        for row in stories(first, count, rng):
            batch.append(row)
            if len(batch) == 5000:
                connection.execute(insert(table), batch)
                batch = []
        if batch:
            connection.execute(insert(table), batch)
    with services.db.engine.begin() as connection:
        connection.execute(text("ANALYZE story"))
    return time.perf_counter() - began


def timed(work: Callable[[], object], runs: int = 3) -> float:
    """The median of a few runs, in seconds."""
    found = []
    for _ in range(runs):
        began = time.perf_counter()
        work()
        found.append(time.perf_counter() - began)
    return statistics.median(found)


def bare(engine: Engine, sql: str, **params: object) -> Callable[[], object]:
    def run() -> object:
        with engine.connect() as connection:
            return connection.execute(text(sql), params).fetchall()

    return run


#: the counts the digest needs, as plain SQL: the week's stories, the quarter's about-you answers
BARE_DIGEST = """
SELECT count(*) FROM story
WHERE (:site = 'all' OR site = :site) AND ref IS NOT NULL
  AND submitted_at >= :week_start AND submitted_at < :week_end
"""
BARE_GROUPS = """
SELECT about->>'ethnicity', count(*) FROM story
WHERE (:site = 'all' OR site = :site) AND ref IS NOT NULL
  AND submitted_at >= :start AND submitted_at < :end GROUP BY 1
"""
BARE_EXPORT = """
SELECT ref, site, channel, lang, status, themes, redacted_text, translation_en, submitted_at, replied_at,
       rating, about
FROM story WHERE status IN ('moderated','drafted','approved','replied','closed')
  AND submitted_at >= :start AND submitted_at < :end
"""


def measure(services: Services, engine: Engine) -> dict[str, tuple[float, float]]:
    week_start, week_end = digest.parse_week(WEEK)
    quarter = week_end - timedelta(weeks=13)
    year_end = datetime(YEAR + 1, 1, 1, tzinfo=UTC)

    def bare_digest(site: str = SITE) -> None:
        bare(engine, BARE_DIGEST, site=site, week_start=week_start, week_end=week_end)()
        for field in ("ethnicity", "age", "language"):
            bare(
                engine,
                BARE_GROUPS.replace("'ethnicity'", f"'{field}'"),
                site=site,
                start=quarter,
                end=week_end,
            )()

    def run_export() -> None:
        with services.db.session() as session:
            export(session, QueueFilter(), START, year_end, "csv", io.StringIO(), "bench")

    def bare_export() -> None:
        with engine.connect() as connection:
            result = connection.execution_options(yield_per=1000).execute(
                text(BARE_EXPORT), {"start": START, "end": year_end}
            )
            for _ in result:
                pass

    def bare_year() -> None:
        for field in ("ethnicity", "age", "language"):
            bare(
                engine, BARE_GROUPS.replace("'ethnicity'", f"'{field}'"), site=SITE, start=START, end=year_end
            )()
        bare(
            engine,
            "SELECT themes FROM story WHERE site = :site AND submitted_at >= :start AND submitted_at < :end",
            site=SITE,
            start=START,
            end=year_end,
        )()
        bare(
            engine,
            "SELECT submitted_at, replied_at FROM story WHERE site = :site AND replied_at IS NOT NULL"
            " AND submitted_at >= :start AND submitted_at < :end",
            site=SITE,
            start=START,
            end=year_end,
        )()

    return {
        "digest (one site, one week)": (
            timed(lambda: digest.render(services, SITE, WEEK)),
            timed(bare_digest),
        ),
        "digest (all sites)": (
            timed(lambda: digest.render(services, "all", WEEK)),
            timed(lambda: bare_digest("all")),
        ),
        "export (a year, every site, CSV)": (timed(run_export, 1), timed(bare_export, 1)),
        "yearly report (one site, HTML)": (
            timed(lambda: render_html(services, SITE, YEAR)),
            timed(bare_year),
        ),
    }


@contextmanager
def counting(engine: Engine) -> Iterator[list[str]]:
    statements: list[str] = []

    def seen(*args: Any) -> None:
        statements.append(args[2])

    event.listen(engine, "before_cursor_execute", seen)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", seen)


def statements_per_page(services: Services) -> dict[str, int]:
    from bot.app import create_app

    app = create_app(services=services)
    app.config.update(TESTING=True)
    client = app.test_client()
    page = client.get("/review/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page)
    assert token
    client.post(
        "/review/login", data={"username": "bench", "password": PASSWORD, "csrf_token": token.group(1)}
    )
    pages = {
        "/review (queue)": "/review",
        "/review/digest": f"/review/digest?site={SITE}&week={WEEK}",
        "/review/representation": f"/review/representation?site={SITE}&since=2026-07-01&until=2026-09-30",
        "/review/population": f"/review/population?site={SITE}",
        "/review/champions": "/review/champions",
        "/review/actions": "/review/actions",
    }
    found = {}
    for name, path in pages.items():
        client.get(path)  # warm
        with counting(services.db.engine) as statements:
            answer = client.get(path)
        assert answer.status_code == 200, (path, answer.status_code)
        found[name] = len(statements)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--postgres", default=POSTGRES)
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    schema = f"bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(args.postgres)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = (
        make_url(args.postgres)
        .update_query_dict({"options": f"-csearch_path={schema}"})
        .render_as_string(hide_password=False)
    )
    try:
        upgrade(url)
        settings = Settings.from_env(database_url=url)
        services = Services.build(settings)
        rng = random.Random(17)
        with services.db.session() as session:
            staff.create(session, "bench", PASSWORD, "lead", "Bench", "Lead")
            for code in CODES:
                champions.create(session, code, code.title(), code.split("-")[0].title(), [], "bench")
            births = parse_births((EXAMPLES / "medway-births.csv").read_text(), settings.sites)
            population.replace_site(
                session, SITE, [(r.dimension, r.group, r.births, r.source) for r in births], "b"
            )
            population.replace_imd(session, parse_imd((EXAMPLES / "medway-imd-districts.csv").read_text()))
        engine = services.db.engine
        results: dict[int, dict[str, tuple[float, float]]] = {}
        pages: dict[int, dict[str, int]] = {}
        made = 0
        for size in sizes:
            took = generate(services, made, size - made, rng)
            print(f"generated {size - made} stories in {took:.1f} s", flush=True)
            made = size
            results[size] = measure(services, engine)
            pages[size] = statements_per_page(services)
        print(f"\nPostgreSQL, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the end\n")
        header = "| | " + " | ".join(f"{size:,} stories: app / bare SQL (×)" for size in sizes) + " |"
        print(header)
        print("|---" * (len(sizes) + 1) + "|")
        for name in results[sizes[0]]:
            cells = []
            for size in sizes:
                app, sql = results[size][name]
                cells.append(f"{app:.2f} s / {sql:.3f} s ({app / max(sql, 1e-6):.0f}×)")
            print(f"| {name} | " + " | ".join(cells) + " |")
        print("\n| dashboard page | " + " | ".join(f"SQL statements at {size:,}" for size in sizes) + " |")
        print("|---" * (len(sizes) + 1) + "|")
        for name in pages[sizes[0]]:
            print(f"| {name} | " + " | ".join(str(pages[s][name]) for s in sizes) + " |")
        worst = max(
            results[sizes[-1]]["digest (one site, one week)"][0], results[sizes[-1]]["digest (all sites)"][0]
        )
        print(f"\ndigest at {sizes[-1]:,} stories: {worst:.2f} s ({'under' if worst < 5 else 'OVER'} 5 s)")
        services.db.dispose()
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


if __name__ == "__main__":
    main()
