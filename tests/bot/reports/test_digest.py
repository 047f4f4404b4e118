"""The weekly digest: what women told us at one site, what we did, and whose voices are missing."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import update

from bot.reports.digest import last_week, parse_week, render, send_weekly
from bot.services import Services
from storage.migrations import upgrade
from storage.models import Action, Story
from tests.conftest import SECRET, make_settings
from tests.fakes.smtp import Inbox
from tests.helpers import say

SITE = "Medway Maritime Hospital"


def this_week() -> str:
    year, week, _ = datetime.now(UTC).isocalendar()
    return f"{year}-W{week:02d}"


def _story(services: Services, sender: str, words: str, ethnicity: str = "2") -> None:
    for text in ("Hello", "yes", words, "DONE", "1", "May 2025", "YES", "SKIP", "SKIP", "SKIP", ethnicity):
        say(services, text, sender)
    for text in ("SKIP",):
        say(services, text, sender)
    say(services, "NO", sender)
    say(services, "NO", sender)  # no public quote


def _moderate_all(services: Services) -> None:
    with services.db.session() as session:
        session.execute(update(Story).values(status="moderated", themes=["communication", "listened"]))
        session.add(
            Action(
                site=SITE,
                you_said="Nobody explained things",
                we_did="Every scan now has a plain leaflet",
                created_by="lena",
            )
        )


def test_a_week_is_read_as_an_iso_week() -> None:
    start, end = parse_week("2026-W47")
    assert start.isoformat() == "2026-11-16T00:00:00+00:00"
    assert (end - start).days == 7
    with pytest.raises(ValueError):
        parse_week("November")
    assert last_week(datetime(2026, 11, 23, 8, tzinfo=UTC)) == "2026-W47"


def test_the_digest_shows_stories_themes_quotes_actions_and_who_we_heard_from(services: Services) -> None:
    _story(services, "07700 900001", "My midwife Sarah Jones never explained the induction.")
    _story(services, "07700 900002", "Nobody listened when I said the pain was bad.", ethnicity="4")
    _moderate_all(services)
    html = render(services, SITE, this_week())
    assert "fewer than 5</span> this week" in html  # stories in: two women, so no count
    assert "Communication and information" in html
    assert "never explained the induction" in html
    assert "Sarah" not in html and "Jones" not in html and "07700" not in html
    assert "Every scan now has a plain leaflet" in html
    assert "Black, Black British, Caribbean or African" in html
    assert "Census 2021" in html
    assert "data:image/png" not in html and "stories per theme" not in html  # two women: no chart


def test_the_digest_command_writes_a_file(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'digest.db'}"
    upgrade(url)
    local = Services.build(make_settings(url))
    _story(local, "07700 900003", "The ward was cold and loud.")
    local.db.dispose()
    out = tmp_path / "digest.html"
    env = {**os.environ, "ALLVOICES_DATABASE_URL": url, "ALLVOICES_SECRET_KEY": SECRET}
    subprocess.run(
        [sys.executable, "-m", "bot.cli", "digest", "--site", SITE, "--week", this_week(), "--out", str(out)],
        env=env,
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert "allvoices weekly digest" in out.read_text()
    bad = subprocess.run(
        [sys.executable, "-m", "bot.cli", "digest", "--site", "Nowhere", "--week", this_week()],
        env=env,
        capture_output=True,
        timeout=120,
    )
    assert bad.returncode == 2


def test_the_weekly_digest_is_emailed_to_leads(services: Services, smtp: tuple[str, Inbox]) -> None:
    url, inbox = smtp
    services.settings = replace(services.settings, smtp_url=url, digest_emails=("lead@trust.example",))
    assert send_weekly(services, datetime.now(UTC)) == len(services.settings.sites)
    import time

    for _ in range(100):
        if len(inbox.messages) == len(services.settings.sites):  # type: ignore[attr-defined]
            break
        time.sleep(0.05)
    assert len(inbox.messages) == len(services.settings.sites)  # type: ignore[attr-defined]
