"""Sessions: a page being read never holds up her message; every wait on the database is bounded."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from sqlalchemy import func, select

from bot.chat.intake import store
from bot.services import Services
from channels import simulator
from storage.migrations import upgrade
from storage.models import Inbound, Story
from tests.conftest import make_settings


def test_a_lead_reading_the_queue_never_holds_up_her_message_on_sqlite(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'allvoices.db'}"
    upgrade(url)
    services = Services.build(make_settings(url))
    reading = threading.Event()
    done = threading.Event()

    def lead_reads_slowly() -> None:
        with services.db.reading() as session:
            session.scalar(select(func.count()).select_from(Story))
            reading.set()
            done.wait(5)

    lead = threading.Thread(target=lead_reads_slowly)
    lead.start()
    reading.wait(5)
    started = time.monotonic()
    stored = store(services, simulator.inbound("sms", "07700 900123", "Hello"))
    took = time.monotonic() - started
    done.set()
    lead.join()
    assert stored.inbound_id is not None
    assert took < 1.0, f"her message waited {took:.2f} s behind a page view"
    with services.db.reading() as session:
        assert session.scalar(select(func.count()).select_from(Inbound)) == 1


def test_sql_parameters_never_reach_an_error_message(services: Services) -> None:
    from sqlalchemy import text

    try:
        with services.db.session() as session:
            session.execute(text("SELECT * FROM no_such_table WHERE x = :secret"), {"secret": "Amina Yusuf"})
    except Exception as error:
        assert "Amina" not in str(error)
    else:
        raise AssertionError("the query should have failed")
