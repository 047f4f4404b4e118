"""Stories written straight into the database with "about you" answers, for the reports' tests."""

from __future__ import annotations

import itertools
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.reports.population import parse_births, parse_imd
from bot.services import Services
from storage import population
from storage.migrations import upgrade
from storage.models import Story
from tests.conftest import SECRET, make_settings

SITE = "Medway Maritime Hospital"
EXAMPLES = Path(__file__).resolve().parents[3] / "examples" / "populations"
#: the seeded quarter: 160 women, of whom 2 Black where local births would give about 9
ETHNICITIES = {"white": 140, "asian": 10, "black": 2, "mixed": 5, "other": 3}
_refs = itertools.count(1)


def load_medway(services: Services) -> None:
    births = parse_births((EXAMPLES / "medway-births.csv").read_text(), services.settings.sites)
    with services.db.session() as session:
        population.replace_site(
            session, SITE, [(r.dimension, r.group, r.births, r.source) for r in births], "test"
        )
        population.replace_imd(session, parse_imd((EXAMPLES / "medway-imd-districts.csv").read_text()))


def seed(
    services: Services,
    ethnicities: dict[str, int] | None = None,
    site: str = SITE,
    at: datetime | None = None,
    champion: str | None = None,
) -> list[str]:
    """Moderated stories told in the week before ``at`` (now by default); returns their references."""
    moment = at or datetime.now(UTC)
    refs = []
    with services.db.session() as session:
        for number, (group, count) in enumerate((ethnicities or ETHNICITIES).items()):
            for index in range(count):
                ref = f"AV-T{next(_refs):05d}"
                refs.append(ref)
                session.add(
                    Story(
                        ref=ref,
                        channel=("sms", "whatsapp", "telegram")[index % 3],
                        transport="twilio",
                        lang="pl" if group == "white" and index % 10 == 0 else "en",
                        status="replied" if index % 2 else "moderated",
                        site=site,
                        redacted_text=f"The midwife [NAME] was kind but nobody explained the scan ({group}).",
                        about={
                            "ethnicity": group,
                            "age": ("25to29", "30to34", "under20")[index % 3],
                            "postcode": ("ME4", "ME7", "ME8", "ME1")[(index + number) % 4],
                            "language": "Polish" if group == "white" and index % 10 == 0 else "English",
                        },
                        themes=["communication"],
                        champion_code=champion,
                        submitted_at=moment - timedelta(days=1, minutes=index),
                        replied_at=moment - timedelta(hours=2) if index % 2 else None,
                        rating=(index % 5) + 1 if index % 2 else None,
                        reply_wanted=True,
                    )
                )
    return refs


def seeded_file(folder: Path, count: int) -> dict[str, str]:
    """A SQLite file in ``folder`` holding ``count`` stories told this week, and the environment that
    points the ``allvoices`` command at it (for the commands' own tests)."""
    url = f"sqlite:///{folder / 'allvoices.db'}"
    upgrade(url)
    services = Services.build(make_settings(url))
    seed(services, {"white": count})
    services.db.dispose()
    return {**os.environ, "ALLVOICES_DATABASE_URL": url, "ALLVOICES_SECRET_KEY": SECRET}
