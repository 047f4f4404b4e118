"""Exports: redacted stories out as CSV or XLSX, typed, audited, with nothing that points at her."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from openpyxl import load_workbook
from sqlalchemy import update

from bot.reports.export import export
from bot.services import Services
from storage import audit
from storage.models import Story
from storage.queue import QueueFilter
from tests.bot.reports.seeding import SITE, load_medway, seed, seeded_file

WEEK = timedelta(days=7)


def _export(services: Services, kind: str, filters: QueueFilter | None = None) -> bytes | str:
    now = datetime.now(UTC)
    with services.db.session() as session:
        if kind == "csv":
            text = io.StringIO()
            export(session, filters or QueueFilter(site=SITE), now - WEEK, now + WEEK, kind, text, "lena")
            return text.getvalue()
        binary = io.BytesIO()
        export(session, filters or QueueFilter(site=SITE), now - WEEK, now + WEEK, kind, binary, "lena")
        return binary.getvalue()


def test_the_csv_has_every_story_and_never_a_number_or_a_small_group(services: Services) -> None:
    load_medway(services)
    refs = seed(services, {"white": 12, "black": 2})
    with services.db.session() as session:
        session.execute(
            update(Story)
            .where(Story.ref == refs[0])
            .values(
                redacted_text="Call me on 07700 900123 please, [NAME] was rude.", when_text="Sarah's birthday"
            )
        )
        session.add(
            Story(
                ref="AV-NEW1",
                channel="sms",
                lang="en",
                status="new",
                site=SITE,
                redacted_text="x",
                submitted_at=datetime.now(UTC),
            )
        )
    found = _export(services, "csv")
    assert isinstance(found, str)
    rows = list(csv.DictReader(io.StringIO(found)))
    assert len(rows) == 14  # moderated and later only: the new story is not read by a person yet
    assert "07700" not in found and "900123" not in found and "[PHONE]" in found
    assert "Sarah" not in found  # "roughly when" is free text, never exported
    assert "ME4" not in found and "ME7" not in found  # districts become IMD quintiles
    groups = {row["ethnic_group"] for row in rows}
    assert groups == {"white", "fewer than 5"}  # 2 Black women: not shown
    assert {row["main_language"] for row in rows} <= {"English", "fewer than 5"}
    assert rows[0]["themes"] == "Communication and information"
    with services.db.reading() as session:
        assert [event.detail["stories"] for event in audit.recent(session) if event.action == "export"] == [
            14
        ]


def test_the_xlsx_has_a_typed_sheet_per_table(services: Services) -> None:
    seed(services, {"white": 6})
    data = _export(services, "xlsx")
    assert isinstance(data, bytes)
    book = load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["stories", "themes", "about_you"]
    stories = list(book["stories"].iter_rows(values_only=True))
    header, first = stories[0], stories[1]
    assert len(stories) == 7
    row = dict(zip(header, first, strict=True))
    assert isinstance(row["submitted_at"], datetime)
    assert isinstance(row["urgent"], bool) and isinstance(row["reply_wanted"], bool)
    assert len(list(book["themes"].iter_rows())) == 7


def test_the_export_command_writes_csv_and_xlsx(tmp_path: Path) -> None:
    env = seeded_file(tmp_path, 5)
    today = datetime.now(UTC).date()
    dates = ["--from", str(today - timedelta(days=7)), "--to", str(today)]
    for kind in ("csv", "xlsx"):
        out = tmp_path / f"stories.{kind}"
        command = [
            sys.executable,
            "-m",
            "bot.cli",
            "export",
            "--site",
            SITE,
            *dates,
            "--format",
            kind,
            "--out",
            str(out),
        ]
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        assert "5 stories written" in done.stdout
    assert (tmp_path / "stories.csv").read_text().startswith("reference,site,")
    bad = subprocess.run(
        [sys.executable, "-m", "bot.cli", "export", "--site", "Nowhere", *dates],
        env=env,
        capture_output=True,
        timeout=120,
    )
    assert bad.returncode == 2
