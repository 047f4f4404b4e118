"""Her message kept and answered whatever goes wrong: odd bytes, a message that breaks the flow, an
erased neighbour, a worker stopped or killed, a database that is away. SQLite and PostgreSQL."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.chat import receive as receive_module
from bot.chat.delivery import deliver_due, release_claims, requeue_stale
from bot.chat.intake import Kept, drain_spool, keep
from bot.services import Services
from bot.worker import HOLDER, answer_all, heartbeat
from channels import simulator
from storage import inbound as inbound_store, lease, outbox
from storage.models import Contact, Inbound, OutboxMessage, StaffUser
from storage.outbox import HEARTBEAT_PREFIX
from tests.bot.chat.retries import try_until_parked
from tests.helpers import SHE, say


def _sent_to(services: Services, sender: str = SHE) -> list[str]:
    with services.db.session() as session:
        return [row.body for row in session.scalars(select(OutboxMessage).order_by(OutboxMessage.id))]


def test_a_nul_byte_is_cleaned_at_the_edge_and_she_is_answered(services: Services) -> None:
    replies = say(services, "Hel\x00lo\x07 \ufffe")
    assert replies and "Shall we start?" in replies[0]
    with services.db.session() as session:
        (row,) = session.scalars(select(Inbound))
        assert services.vault.open(row.body_sealed) == "Hello "
        assert row.processed_at is not None and row.attempts == 0


@pytest.mark.usefixtures("poisoned_flow")
def test_a_message_that_keeps_failing_is_parked_and_her_stop_still_goes_through(services: Services) -> None:
    say(services, "Hello")
    for text in ("poison", "STOP"):
        receive_module.store(services, simulator.inbound("sms", SHE, text))
    try_until_parked(services, 2)
    with services.db.session() as session:
        poison, stop = session.scalars(select(Inbound).where(Inbound.id > 1).order_by(Inbound.id))
        assert poison.parked_at is not None and poison.last_error == "ValueError"
        assert stop.processed_at is not None, "her STOP went on once the poison was set aside"
        assert session.scalars(select(Contact.opted_out_at)).one() is not None
        assert [row.id for row in inbound_store.parked(session)] == [poison.id]


def test_an_erased_womans_goodbye_never_swallows_the_next_womans_reply(services: Services) -> None:
    """SQLite hands deleted ids out again unless told not to; a reused id once made a key collide."""
    say(services, "Hello", sender="07700 900111")
    say(services, "DELETE", sender="07700 900111")
    goodbye = say(services, "YES", sender="07700 900111")
    assert goodbye, "she is told her data is gone"
    with services.db.session() as session:
        assert session.scalar(select(func.count()).select_from(Inbound)) == 0, "everything she sent went"
    replies = say(services, "Hello", sender="07700 900222")
    assert replies and "Shall we start?" in replies[0], "the next woman is answered"


def test_a_stopping_worker_gives_back_what_it_had_not_sent(services: Services) -> None:
    receive_module.receive(services, simulator.inbound("sms", SHE, "Hello"))
    with services.db.session() as session:
        (row,) = outbox.claim(session, datetime.now(UTC), HOLDER)
    assert release_claims(services, HOLDER) == 1
    with services.db.session() as session:
        assert session.get(OutboxMessage, row.id).status == "queued"  # type: ignore[union-attr]
    assert deliver_due(services) == [row.id]


def test_a_killed_workers_claims_come_back_when_its_heartbeat_stops(services: Services) -> None:
    receive_module.receive(services, simulator.inbound("sms", SHE, "Hello"))
    heartbeat(services)
    with services.db.session() as session:
        (mine,) = outbox.claim(session, datetime.now(UTC), HOLDER)
    assert requeue_stale(services) == 0, "a beating worker keeps its claims"
    later = datetime.now(UTC) + timedelta(seconds=25)
    assert requeue_stale(services, now=later) == 1, "no heartbeat for 20 s: the claim comes back"
    with services.db.session() as session:
        assert session.get(OutboxMessage, mine.id).status == "queued"  # type: ignore[union-attr]
        lease.release(session, HEARTBEAT_PREFIX + HOLDER, HOLDER)


def test_while_the_database_is_away_her_message_waits_sealed_in_the_spool(
    services: Services,
) -> None:
    away = Services.build(
        services.settings.__class__(
            **{**services.settings.__dict__, "database_url": "postgresql+psycopg://postgres@127.0.0.1:1/x"}
        )
    )
    message = simulator.inbound("sms", SHE, "my midwife was kind")
    assert keep(away, message) is Kept.SPOOLED
    (item,) = Path(services.settings.spool_dir).glob("*.item")
    assert os.stat(item).st_mode & 0o077 == 0, "only the service can read it"
    on_disk = item.read_bytes()
    assert b"kind" not in on_disk and b"7700" not in on_disk, "sealed: no words, no number"
    assert keep(away, message) is Kept.SPOOLED, "a provider retry while away is kept again"
    assert drain_spool(services) == 2
    answer_all(services)
    with services.db.session() as session:
        assert session.scalar(select(func.count()).select_from(Inbound)) == 1, "stored once"
    assert _sent_to(services)


def test_a_backlog_of_60_women_is_answered_in_one_go_each_in_her_order_nothing_twice(
    services: Services,
) -> None:
    women = [f"07700 9{number:05d}" for number in range(60)]  # more than one pass takes
    for words in ("Hello", "yes"):
        for woman in women:
            receive_module.store(services, simulator.inbound("sms", woman, words))
    assert answer_all(services) == 60
    one_at_a_time = [reply for words in ("Hello", "yes") for reply in say(services, words)]
    with services.db.session() as session:
        backlog = list(session.scalars(select(Inbound).where(Inbound.id <= 2 * len(women))))
        assert all(row.processed_at is not None and row.attempts == 0 for row in backlog)
        for contact_id in {row.contact_id for row in backlog}:
            mine = select(OutboxMessage.body).where(OutboxMessage.contact_id == contact_id)
            replies = list(session.scalars(mine.order_by(OutboxMessage.id)))
            assert replies == one_at_a_time, "her replies in her order, each once"


def test_leads_see_a_parked_message_without_her_words_or_number(services: Services) -> None:
    from bot.app import create_app
    from tests.bot.web.test_review_dashboard import as_staff

    receive_module.store(services, simulator.inbound("sms", SHE, "my name is Amina Yusuf"))
    with services.db.session() as session:
        for _ in range(inbound_store.MAX_ATTEMPTS):
            inbound_store.failed(session, 1, "DataError", datetime.now(UTC))
        session.add(StaffUser(username="lena", display_name="Lena", role="lead", password_hash="-"))
    app = create_app(services=services)
    app.config.update(TESTING=True)
    page = as_staff(app, "lena").get("/review/deliveries").get_data(as_text=True)
    assert "Messages we could not read" in page and "DataError" in page
    assert "Amina" not in page and "7700" not in page
