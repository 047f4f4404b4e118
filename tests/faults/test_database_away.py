"""PostgreSQL made unreachable, then frozen, in the middle of a run — through a TCP proxy the test
controls, never the shared server. Webhooks keep being acknowledged (the spool keeps what the database
cannot), /healthz answers within a second either way, and once the database is back nothing
acknowledged is missing, every message is answered and every reply has gone exactly once."""

from __future__ import annotations

import threading
import time
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from bot.services import Services
from tests.fakes.providers import FakeTwilio
from tests.fakes.tcp_proxy import tcp_proxy
from tests.faults.processes import through
from tests.faults.rig import Rig

#: (what the proxy does, for how many seconds)
PHASES = (("open", 4.0), ("cut", 6.0), ("open", 5.0), ("freeze", 6.0), ("open", 3.0))


@pytest.mark.slow
def test_a_database_cut_off_then_frozen_loses_nothing_acknowledged(
    own_postgres: str, tmp_path: Path, twilio_api: FakeTwilio
) -> None:
    twilio_api.callbacks = True
    url = make_url(own_postgres)
    with tcp_proxy((url.host or "127.0.0.1", url.port or 5432)) as proxy:
        rig = Rig(through(own_postgres, proxy.port), own_postgres, tmp_path, twilio_api, workers=1)
        rig.start()
        try:
            stop = threading.Event()
            join = rig.write_in(stop, threads=2)
            watcher = rig.watch_health(stop)
            by_phase: dict[str, Counter[int]] = {}
            began = time.monotonic()
            for what, seconds in PHASES:
                getattr(proxy, what)()
                mark = time.monotonic() - began
                time.sleep(seconds)
                by_phase.setdefault(what, Counter()).update(
                    status for at, status, _ in rig.health.answers if mark + 1.0 <= at < mark + seconds
                )
            stop.set()
            join()
            watcher.join()
            took, state = rig.settle(60.0)
        finally:
            rig.stop()
    print(
        f"\ndatabase away: {state['acknowledged']} messages acknowledged (webhook answers "
        f"{dict(rig.answers)}, {rig.spooled_by_web()} kept in the spool), "
        f"{state['lost']} lost, {state['stored']} stored, {state['unprocessed']} unanswered, "
        f"{state['spooled']} left in the spool; {state['replies']} replies, {state['sent']} sent, "
        f"{state['sent twice']} sent twice, {state['waiting']} waiting; settled {took:.1f} s after; "
        f"proxy reset {proxy.reset} connections; /healthz slowest {rig.health.slowest():.2f} s, "
        f"by phase { ({phase: dict(found) for phase, found in by_phase.items()}) }"
    )
    assert rig.settled(state), rig.logs()
    assert state["sent twice"] == 0 and state["failed"] == 0
    assert rig.health.slowest() < 1.0
    assert set(by_phase["cut"]) == {503} and set(by_phase["freeze"]) == {503}
    assert 200 in by_phase["open"]


def _three_queued(tmp_path: Path, twilio_api: FakeTwilio) -> Services:
    from storage import outbox
    from storage.migrations import upgrade
    from tests.conftest import make_settings

    url = f"sqlite:///{tmp_path / 'allvoices.db'}"
    upgrade(url)
    services = Services.build(
        make_settings(
            url,
            twilio_account_sid=twilio_api.account_sid,
            twilio_auth_token=twilio_api.auth_token,
            twilio_from_sms="+447700900000",
            twilio_api_url=twilio_api.url,
        )
    )
    with services.db.session() as session:
        for n in range(3):
            outbox.enqueue(
                session,
                idempotency_key=f"k{n}",
                channel="sms",
                transport="twilio",
                address_sealed=services.vault.seal(f"+44770090000{n}"),
                body="Thank you.",
                contact_id=None,
            )
    return services


def _statuses(services: Services) -> Counter[str]:
    from sqlalchemy import select

    from storage.models import OutboxMessage

    with services.db.reading() as session:
        return Counter(session.scalars(select(OutboxMessage.status)))


def _each_sent_once_when_drained(services: Services, twilio_api: FakeTwilio, worker: str, label: str) -> None:
    """The fault left all three claimed ("sending"); the worker's next passes send each exactly once."""
    from bot.chat import delivery

    during = _statuses(services)
    while delivery.deliver_due(services, worker=worker):
        pass
    after = _statuses(services)
    sent = Counter(twilio_api.accepted_refs())
    print(f"\n{label}: {dict(during)} during the fault, then {dict(after)}; sent {dict(sent)}")
    assert during == {"sending": 3}
    assert after == {"sent": 3}
    assert sent == {"k0": 1, "k1": 1, "k2": 1}
    services.db.dispose()


def test_a_send_the_database_could_not_record_is_written_down_later_and_never_sent_again(
    tmp_path: Path, twilio_api: FakeTwilio, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The database goes away between a provider taking a message and the worker writing that down:
    the worker keeps the outcome, writes it first when the database is back, gives back the rest of
    the interrupted batch, and sends each message once."""
    from datetime import timedelta

    from sqlalchemy.exc import OperationalError

    from bot.chat import delivery

    services = _three_queued(tmp_path, twilio_api)
    away = [True]
    record = delivery._record_sent

    def record_unless_away(*args: object) -> None:
        if away[0]:
            raise OperationalError("UPDATE outbox", None, ConnectionError("the database is away"))
        record(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(delivery, "_record_sent", record_unless_away)
    monkeypatch.setattr(delivery, "RECORD_PATIENCE", timedelta(seconds=1))
    with pytest.raises(OperationalError):
        delivery.deliver_due(services, worker="w1")
    away[0] = False
    _each_sent_once_when_drained(services, twilio_api, "w1", "recorded later")


def test_a_claim_whose_commit_answer_was_lost_is_given_back_on_the_next_pass(
    tmp_path: Path, twilio_api: FakeTwilio, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The database commits a worker's claim and the connection dies before the worker hears so: the
    rows are claimed in the name of a worker that is alive and beating, so no other worker takes them.
    Its next pass gives them back and sends them."""
    from sqlalchemy.exc import OperationalError

    from bot.chat import delivery
    from storage import outbox

    services = _three_queued(tmp_path, twilio_api)
    claim = outbox.claim

    def claim_then_lose_the_answer(session: object, *args: object, **kwargs: object) -> object:
        with services.db.session() as own:
            claim(own, *args, **kwargs)  # type: ignore[arg-type]
        raise OperationalError("COMMIT", None, ConnectionError("server closed the connection"))

    monkeypatch.setattr(outbox, "claim", claim_then_lose_the_answer)
    with pytest.raises(OperationalError):
        delivery.deliver_due(services, worker="w2")
    monkeypatch.setattr(outbox, "claim", claim)
    _each_sent_once_when_drained(services, twilio_api, "w2", "lost claim")
