"""Who we heard from against local births: shares, ratios with their uncertainty, the plain sentence."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.reports import representation
from bot.reports.digest import render
from bot.reports.population import BadFile, parse_births, parse_imd
from bot.services import Services
from flows.representation import ETHNIC_GROUPS, compare, sentence, wilson
from flows.small_numbers import safe_share, shown
from tests.bot.reports.seeding import EXAMPLES, SITE, load_medway, seed
from tests.conftest import SECRET


def test_the_wilson_interval_matches_the_textbook() -> None:
    low, high = wilson(2, 160)
    assert round(low, 4) == 0.0034 and round(high, 4) == 0.0444
    assert wilson(0, 10)[0] == 0.0
    assert wilson(0, 0) == (0.0, 1.0)


def test_nothing_is_computed_from_fewer_than_five_women() -> None:
    assert shown(4) == "fewer than 5" and shown(0) == "0" and shown(5) == "5"
    assert safe_share(3, 100) is None and safe_share(5, 4) is None and safe_share(5, 10) == 0.5
    few = compare("ethnicity", ETHNIC_GROUPS, {"white": 3, "black": 1}, {"white": 80, "black": 20})
    assert not few.enough
    assert all(group.share is None and group.ratio is None for group in few.groups)
    assert "Too few women" in sentence(few)


def test_the_least_heard_group_is_named_against_births() -> None:
    births = {"white": 84.3, "asian": 5.9, "black": 5.6, "mixed": 2.8, "other": 1.4}
    found = compare(
        "ethnicity", ETHNIC_GROUPS, {"white": 140, "asian": 10, "black": 2, "mixed": 5, "other": 3}, births
    )
    black = next(group for group in found.groups if group.key == "black")
    assert black.heard is None and black.ratio is None  # 2 women: never a number
    assert black.under_heard
    assert round(black.expected or 0) == 9
    white = next(group for group in found.groups if group.key == "white")
    assert white.ratio is not None and white.low is not None and white.low < white.ratio < (white.high or 0)
    said = sentence(found, "this quarter")
    assert said.startswith(
        "We heard from fewer than 5 Black women this quarter; about 9 would match local births."
    )


def test_the_example_files_load_and_bad_files_say_which_line() -> None:
    rows = parse_births((EXAMPLES / "medway-births.csv").read_text(), [SITE])
    assert {row.dimension for row in rows} == {"ethnicity", "age", "language", "imd"}
    assert all(row.source for row in rows)
    assert len(parse_imd((EXAMPLES / "medway-imd-districts.csv").read_text())) == 7
    with pytest.raises(BadFile, match="line 2"):
        parse_births("site,dimension,group,births,source\nNowhere,ethnicity,white,5,x\n", [SITE])
    with pytest.raises(BadFile, match="line 2"):
        parse_births(f"site,dimension,group,births,source\n{SITE},ethnicity,purple,5,x\n", [SITE])
    with pytest.raises(BadFile, match="columns"):
        parse_births("a,b\n1,2\n", [SITE])
    with pytest.raises(BadFile, match="line 2"):
        parse_imd("district,quintile,source\nME7,9,x\n")


def test_a_seeded_site_flags_black_women_as_under_heard(services: Services) -> None:
    load_medway(services)
    seed(services)
    end = datetime.now(UTC) + timedelta(days=1)
    with services.db.reading() as session:
        found = representation.build(session, SITE, end - timedelta(weeks=13), end, "this quarter")
    assert found.told == 160 and not found.fallback
    assert found.sentence.startswith("We heard from fewer than 5 Black women this quarter; about 9")
    ethnicity, age, language, imd = found.dimensions
    assert ethnicity.answered == 160
    assert next(g for g in ethnicity.groups if g.key == "black").under_heard
    assert age.answered == 160 and imd.answered == 160  # every district seeded is in the lookup
    assert {g.key for g in language.groups} >= {"en", "pl"}
    assert "fewer than 5" in str(found.chart())
    assert {row.label for row in found.channels} == {"SMS", "WhatsApp", "Telegram"}


def test_the_digest_shows_the_comparison_with_births_and_its_chart(services: Services) -> None:
    load_medway(services)
    seed(services)
    year, week, _ = datetime.now(UTC).isocalendar()
    html = render(services, SITE, f"{year}-W{week:02d}")
    assert "We heard from fewer than 5 Black women in the last 13 weeks; about 9" in html
    assert "<svg" in html and "under-heard" in html
    assert "ONS Census 2021 TS021" in html


def test_the_population_commands_load_and_show_births(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'population.db'}"
    env = {**os.environ, "ALLVOICES_DATABASE_URL": url, "ALLVOICES_SECRET_KEY": SECRET}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "bot.cli", *args]
        return subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)

    assert run("db", "upgrade").returncode == 0
    loaded = run("population", "import", str(EXAMPLES / "medway-births.csv"), "--by", "lena")
    assert loaded.returncode == 0 and "25 rows of births loaded" in loaded.stdout
    districts = run("population", "import-imd", str(EXAMPLES / "medway-imd-districts.csv"))
    assert "7 postcode districts loaded" in districts.stdout
    shown_back = run("population", "show", "--site", SITE).stdout
    assert (
        shown_back.startswith("site,dimension,group,births,source") and ",ethnicity,black,179," in shown_back
    )
    bad = tmp_path / "bad.csv"
    bad.write_text("site,dimension,group,births,source\nNowhere,ethnicity,white,1,x\n")
    refused = run("population", "import", str(bad))
    assert refused.returncode == 2 and "line 2" in refused.stderr
