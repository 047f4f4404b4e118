"""Twilio sends a webhook again whenever it is not sure we got it: 500 signed webhooks, each sent twice
in a shuffled order by 8 clients at once, to gunicorn with two workers on PostgreSQL, as production
runs it. Every one is stored once: the unique (channel, provider id) makes a replay a no-op, even
when both copies race in two processes."""

from __future__ import annotations

import random
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select

from bot.chat.intake import drain_spool
from bot.services import Services
from storage.models import Contact, Inbound
from tests.conftest import make_settings
from tests.faults.processes import environment, free_port, gunicorn, post_form, signed_inbound, wait_for

MESSAGES = 500


@pytest.mark.slow
def test_500_webhooks_sent_twice_in_any_order_are_stored_once(own_postgres: str, tmp_path: Path) -> None:
    port = free_port()
    public_url = f"http://127.0.0.1:{port}"
    web = gunicorn(environment(own_postgres, tmp_path / "spool", public_url), tmp_path, port)
    web.start()
    try:
        wait_for(port)
        webhooks = [
            signed_inbound(public_url, f"SM{n:032x}", f"+4477009{n % 100:05d}", f"message {n}")
            for n in range(MESSAGES)
        ]
        sends = webhooks * 2
        random.Random(12).shuffle(sends)

        def send(webhook: tuple[dict[str, str], str]) -> int:
            form, signature = webhook
            return post_form(port, "/webhooks/twilio", form, {"X-Twilio-Signature": signature})

        with ThreadPoolExecutor(8) as clients:
            answers = Counter(clients.map(send, sends))
    finally:
        web.stop()

    # A request that met a slow database was kept in the spool instead: the worker stores those.
    spooled = sum(1 for _ in (tmp_path / "spool").glob("*.item"))
    services = Services.build(make_settings(own_postgres, spool_dir=str(tmp_path / "spool")))
    while drain_spool(services):
        pass
    services.db.dispose()
    engine = create_engine(own_postgres)
    with engine.connect() as connection:
        stored = connection.scalar(select(func.count()).select_from(Inbound)) or 0
        distinct = connection.scalar(select(func.count(func.distinct(Inbound.provider_id)))) or 0
        senders = connection.scalar(select(func.count()).select_from(Contact)) or 0
    engine.dispose()
    print(
        f"\nreplay: {MESSAGES} sent twice ({len(sends)} requests, answers {dict(answers)}), "
        f"{stored} stored, {stored - distinct} duplicated ({spooled} by way of the spool), {senders} senders"
    )
    assert answers == Counter({200: len(sends)}), web.tail()
    assert (stored, distinct, senders) == (MESSAGES, MESSAGES, 100)
