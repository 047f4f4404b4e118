"""A backlog answered several women at a time: one transaction for many of them, each woman's messages
still in her order and each answered once; a message that breaks is kept apart from the others in its
transaction; STOP and erasure mid-batch hold. SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.chat import receive as receive_module
from bot.services import Services
from bot.worker import answer_all, send_all
from channels import simulator
from storage.models import Contact, Inbound, OutboxMessage
from tests.bot.chat.retries import try_until_parked
from tests.helpers import say

WOMEN = [f"07700 9{number:05d}" for number in range(25)]  # more than one transaction takes


@pytest.fixture
def transactions(services: Services, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the write transactions opened from here on; no clock cuts a transaction short, so each
    takes as many women as `ANSWERED_TOGETHER` allows however slow the machine is."""
    monkeypatch.setattr(receive_module, "HOLD_AT_MOST", 60.0)
    opened: list[int] = []
    real: Callable[[], AbstractContextManager[Session]] = services.db.session

    @contextmanager
    def counted() -> Iterator[Session]:
        opened.append(1)
        with real() as session:
            yield session

    monkeypatch.setattr(services.db, "session", counted)
    return opened


def _store(services: Services, woman: str, *words: str) -> None:
    for text in words:
        receive_module.store(services, simulator.inbound("sms", woman, text))


def _contact_of(session: Session, woman: str) -> int:
    """Her contact, found by the order the women first wrote in (never by her number in a query)."""
    first_words = select(Inbound.contact_id).order_by(Inbound.id).offset(WOMEN.index(woman)).limit(1)
    return int(session.scalars(first_words).one())


def test_a_backlog_of_many_women_is_answered_together_each_in_her_order_nothing_twice(
    services: Services, transactions: list[int]
) -> None:
    story = "The midwife did not listen when I said the pain was too much."
    for words in ("Hello", "yes", story):
        for woman in WOMEN:
            _store(services, woman, words)
    transactions.clear()
    assert answer_all(services) == len(WOMEN)
    messages = 3 * len(WOMEN)
    assert len(transactions) <= messages // receive_module.ANSWERED_TOGETHER + 3, "answered together"
    one_at_a_time = [reply for words in ("Hello", "yes", story) for reply in say(services, words)]
    with services.db.session() as session:
        backlog = list(session.scalars(select(Inbound).where(Inbound.id <= messages)))
        assert all(row.processed_at is not None and row.attempts == 0 for row in backlog)
        for contact_id in {row.contact_id for row in backlog}:
            mine = select(OutboxMessage.body).where(OutboxMessage.contact_id == contact_id)
            replies = list(session.scalars(mine.order_by(OutboxMessage.id)))
            assert replies == one_at_a_time, "her replies in her order, each once"


def test_a_transaction_that_has_held_the_lock_long_enough_takes_no_more(
    services: Services, transactions: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(receive_module, "HOLD_AT_MOST", 0.0)
    for woman in WOMEN[:5]:
        _store(services, woman, "Hello")
    transactions.clear()
    answer_all(services)
    assert len(transactions) == 5, "each message in its own transaction: the lock is given up at once"
    with services.db.session() as session:
        assert session.scalar(select(func.count()).select_from(OutboxMessage)) == 5


@pytest.mark.usefixtures("poisoned_flow")
def test_one_poisoned_message_is_kept_apart_while_the_others_beside_it_are_answered(
    services: Services, transactions: list[int]
) -> None:
    poisoned = WOMEN[3]
    for woman in WOMEN[:8]:
        _store(services, woman, "poison" if woman == poisoned else "Hello")
    _store(services, poisoned, "STOP")
    try_until_parked(services, 4)
    with services.db.session() as session:
        rows = list(session.scalars(select(Inbound).order_by(Inbound.id)))
        poison, stop = rows[3], rows[-1]
        assert poison.parked_at is not None and poison.last_error == "ValueError"
        assert stop.processed_at is not None, "her STOP went on once the poison was set aside"
        others = [row for row in rows if row.contact_id != poison.contact_id]
        assert all(row.processed_at is not None and row.attempts == 0 for row in others)
        welcomes = session.scalars(
            select(OutboxMessage.contact_id).where(OutboxMessage.contact_id != poison.contact_id)
        ).all()
        assert sorted(welcomes) == sorted({row.contact_id for row in others}), "one welcome each"


def test_a_woman_who_texts_stop_mid_batch_gets_no_more_messages(
    services: Services, transactions: list[int]
) -> None:
    stopping = WOMEN[4]
    for words in ("Hello", "yes"):
        for woman in WOMEN[:12]:
            _store(services, woman, "STOP" if woman == stopping and words == "yes" else words)
    _store(services, stopping, "are you there?")
    answer_all(services)
    send_all(services)
    with services.db.session() as session:
        her = _contact_of(session, stopping)
        assert session.get(Contact, her).opted_out_at is not None  # type: ignore[union-attr]
        rows = list(session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)))
        hers = [row for row in rows if row.contact_id == her]
        assert [row.kind for row in hers if row.status == "sent"] == ["optout_ack"], "only her STOP's answer"
        assert all(row.status == "suppressed" for row in hers if row.kind != "optout_ack")
        others = [row for row in rows if row.contact_id != her]
        assert len({row.contact_id for row in others}) == 11 and all(row.status == "sent" for row in others)


def test_a_woman_erased_mid_batch_takes_nothing_of_the_others_with_her(
    services: Services, transactions: list[int]
) -> None:
    leaving = WOMEN[2]
    the_others_say = {"Hello": "Hello", "DELETE": "yes", "YES": "The midwife was kind to me."}
    for words in ("Hello", "DELETE", "YES"):
        for woman in WOMEN[:12]:
            _store(services, woman, words if woman == leaving else the_others_say[words])
    answer_all(services)
    with services.db.session() as session:
        contacts = session.scalar(select(func.count()).select_from(Contact))
        assert contacts == 11, "she is gone, every other woman is kept"
        left = list(session.scalars(select(Inbound)))
        assert len(left) == 3 * 11 and all(row.processed_at is not None for row in left)
        goodbye = session.scalars(select(OutboxMessage).where(OutboxMessage.kind == "goodbye")).one()
        assert goodbye.contact_id is None
        answered = session.scalars(select(OutboxMessage.contact_id).where(OutboxMessage.kind != "goodbye"))
        assert len(set(answered)) == 11, "each of the others answered"
