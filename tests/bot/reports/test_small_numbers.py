"""No count, share, ratio or chart anywhere is computed from fewer than 5 women: every output, walked.

A site where every group is small (four women, each different; one champion brought them all) is put
through each output — the digest (file and dashboard page), the representation page, the export (CSV and
XLSX), a champion's own page and the leads' champion page, the yearly report (HTML and PDF) — and none
may show a count of 1 to 4, a share or ratio of those who answered, or a bar for them.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pypdfium2
import pytest
from flask import Flask
from openpyxl import load_workbook

from bot.app import create_app
from bot.reports import digest
from bot.reports.export import export
from bot.reports.yearly import render_html, render_pdf
from bot.services import Services
from storage import champions, staff
from storage.queue import QueueFilter
from tests.bot.reports.seeding import SITE, load_medway, seed
from tests.bot.web.test_champions import PASSWORD, sign_in

#: a number 1 to 4 standing alone in a table cell or a sentence's count
SMALL_COUNT = re.compile(
    r"(?:>|\b(?:from|heard|of|Women|stories|replies)\s)\s*[1-4]\s*(?:<|\s(?:women|stories|of|ratings|replies))"
)
#: a share of those who answered, or a ratio with its interval
SHARE = re.compile(r"of those who answered|\d\.\d\d \(\d\.\d\d–")


@pytest.fixture
def app(services: Services) -> Iterator[Flask]:
    with services.db.session() as session:
        staff.create(session, "lena", PASSWORD, "lead", "Lena", "Head of midwifery")
        token = champions.create(
            session, "MEDWAY-BUMPS", "Bumps", "Somali, Medway", ["so"], "lena"
        ).link_token
    load_medway(services)
    seed(services, {"white": 1, "black": 1, "asian": 1, "mixed": 1}, champion="MEDWAY-BUMPS")
    application = create_app(services=services)
    application.config.update(TESTING=True, TOKEN=token)
    yield application


def _clean(name: str, html: str) -> None:
    visible = re.sub(r"<(script|style)[^>]*>.*?</\1>", "", html, flags=re.S)
    found = [visible[max(0, m.start() - 120) : m.end() + 20] for m in SMALL_COUNT.finditer(visible)]
    assert not found, (name, found)
    assert not SHARE.search(visible)
    assert 'fill="#005eb8"' not in visible.split("Local births</text>")[0] or "<svg" not in visible


def test_every_output_keeps_the_small_number_rule(app: Flask, services: Services) -> None:
    year, week, _ = datetime.now(UTC).isocalendar()
    this_week = f"{year}-W{week:02d}"
    last = (datetime.now(UTC) - timedelta(days=1)).year
    outputs = {
        "digest file": digest.render(services, SITE, this_week),
        "yearly report": render_html(services, SITE, last),
    }
    lead = sign_in(app, "lena")
    for path in (
        f"/review/digest?site={SITE}&week={this_week}",
        f"/review/representation?site={SITE}",
        "/review/champions",
        "/review/champions/MEDWAY-BUMPS",
        f"/c/{app.config['TOKEN']}",
    ):
        answer = lead.get(path)
        assert answer.status_code == 200, path
        outputs[path] = answer.get_data(as_text=True)
    for name, html in outputs.items():
        assert "fewer than 5" in html or "champions/MEDWAY-BUMPS" in name, name
        _clean(name, html)
    assert "No chart: fewer than 5 women answered" in outputs["digest file"]

    pdf = pypdfium2.PdfDocument(render_pdf(services, SITE, last))
    words = " ".join(pdf[index].get_textpage().get_text_range() for index in range(len(pdf)))
    assert "fewer than 5" in words and "ratio" not in words and "of those who answered" not in words

    now = datetime.now(UTC)
    text, binary = io.StringIO(), io.BytesIO()
    with services.db.session() as session:
        for kind, out in (("csv", text), ("xlsx", binary)):
            export(
                session,
                QueueFilter(site=SITE),
                now - timedelta(days=7),
                now + timedelta(days=1),
                kind,
                out,
                "t",
            )
    rows = list(csv.DictReader(io.StringIO(text.getvalue())))
    assert len(rows) == 4
    for row in rows:
        for column in ("ethnic_group", "age_band", "main_language", "imd_quintile"):
            assert row[column] in ("fewer than 5", ""), (column, row[column])
    about = list(load_workbook(binary).worksheets[2].iter_rows(values_only=True))[1:]
    assert {value for row in about for value in row[1:]} <= {"fewer than 5", "", None}
