"""The yearly inequalities summary: the London MVP form filled from a site's year, as HTML and PDF."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pypdfium2
from sqlalchemy import update

from bot.reports.yearly import render_html, render_pdf
from bot.services import Services
from storage import champions
from storage.models import Action, Story
from tests.bot.reports.seeding import SITE, load_medway, seed, seeded_file


def _year_of_stories(services: Services) -> int:
    now = datetime.now(UTC)
    with services.db.session() as session:
        champions.create(session, "MEDWAY-BUMPS", "Bumps", "Somali community, Medway", ["so"], "lena")
    load_medway(services)
    seed(services, champion="MEDWAY-BUMPS")
    with services.db.session() as session:
        session.execute(update(Story).values(quote_ok=True))
        session.add(
            Action(
                site=SITE,
                you_said="Nobody explained the scan",
                we_did="Write a leaflet",
                change="now hand every woman a plain leaflet at her scan",
                status="made",
                made_at=now,
                created_by="lena",
            )
        )
    return (now - timedelta(days=1)).year


def test_the_report_fills_the_form_and_shows_every_part(services: Services) -> None:
    year = _year_of_stories(services)
    html = render_html(services, SITE, year)
    assert "Annual report: addressing inequalities" in html
    assert "Links with key community and special interest organisations" in html
    assert "MEDWAY-BUMPS" in html and "Somali community, Medway" in html
    assert "Communication and information" in html and "nobody explained the scan" in html
    assert "now hand every woman a plain leaflet at her scan" in html
    assert f"We heard from fewer than 5 Black women in {year}; about 9 would match local births." in html
    assert "<svg" in html and "under-heard" in html
    assert "stories answered; half within" in html


def test_the_pdf_says_the_same(services: Services) -> None:
    year = _year_of_stories(services)
    data = render_pdf(services, SITE, year)
    assert data.startswith(b"%PDF")
    document = pypdfium2.PdfDocument(data)
    words = " ".join(document[index].get_textpage().get_text_range() for index in range(len(document)))
    assert "Annual report: addressing inequalities" in words
    assert "under-heard" in words and "MEDWAY-BUMPS" in words


def test_the_report_command_writes_html_and_pdf(tmp_path: Path) -> None:
    env = seeded_file(tmp_path, 5)
    year = str(datetime.now(UTC).year)
    for kind in ("html", "pdf"):
        out = tmp_path / f"report.{kind}"
        command = [
            sys.executable,
            "-m",
            "bot.cli",
            "report",
            "--site",
            SITE,
            "--year",
            year,
            "--format",
            kind,
        ]
        done = subprocess.run(
            [*command, "--out", str(out)], env=env, capture_output=True, text=True, timeout=120
        )
        assert done.returncode == 0, done.stderr
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")
    assert "Annual report" in (tmp_path / "report.html").read_text()
