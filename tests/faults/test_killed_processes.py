"""Web and worker processes killed (SIGKILL) and stopped (SIGTERM, as every deploy does) at random while
women write in: nothing acknowledged is lost, every reply reaches her exactly once (Twilio calls back
with each message's outbox key), and a minute after the last kill nothing is left waiting."""

from __future__ import annotations

import os
import random
import signal
import threading
import time
from collections import Counter
from pathlib import Path

import pytest

from tests.fakes.providers import FakeTwilio
from tests.faults.processes import Process, children
from tests.faults.rig import Rig

CHAOS_SECONDS = 30.0
CHAOS_LIMIT = 90.0


KINDS = ("term worker", "kill worker", "kill web", "term web")


def _chaos(rig: Rig, seed: int) -> Counter[str]:
    """Every 1.5 to 3 s one process is killed or stopped, for ``CHAOS_SECONDS`` and until each kind has
    happened (at most ``CHAOS_LIMIT``). Stopped workers are started again; gunicorn replaces its own."""
    chosen = random.Random(seed)
    done: Counter[str] = Counter()
    assert rig.web is not None
    began = time.monotonic()
    while time.monotonic() - began < CHAOS_LIMIT and (
        time.monotonic() - began < CHAOS_SECONDS or not set(KINDS) <= set(done)
    ):
        time.sleep(chosen.uniform(1.5, 3.0))
        missing = [kind for kind in KINDS if kind not in done]
        what = missing[0] if missing else chosen.choice(KINDS)
        # A deploy never takes every worker down at once: one that has finished loading its models is
        # always left running (a worker still loading may be killed again, as in a crash loop).
        working = [process for process in rig.worker_processes if process.started()]
        targets = [process for process in rig.worker_processes if process.alive() and working != [process]]
        if what.endswith("worker") and not targets:
            what = chosen.choice(["kill web", "term web"])
        if what.endswith("worker"):
            process: Process = chosen.choice(targets)
            if what == "kill worker":
                process.signal(signal.SIGKILL)
                process.wait(5)
            else:
                process.signal(signal.SIGTERM)
                if not process.wait(30):
                    done["worker did not stop within 30 s"] += 1
                    process.signal(signal.SIGABRT)  # its threads' stacks go to its log
                    process.wait(5)
                    process.signal(signal.SIGKILL)
                    process.wait(5)
            process.start()
        else:
            web = children(rig.web.pid)
            if not web:
                continue
            os.kill(chosen.choice(web), signal.SIGKILL if what == "kill web" else signal.SIGTERM)
        done[what] += 1
    return done


@pytest.mark.slow
def test_killing_and_stopping_processes_at_random_loses_nothing_and_sends_each_reply_once(
    own_postgres: str, tmp_path: Path, twilio_api: FakeTwilio
) -> None:
    twilio_api.callbacks = True
    rig = Rig(own_postgres, own_postgres, tmp_path, twilio_api, workers=2)
    rig.start()
    try:
        stop = threading.Event()
        join = rig.write_in(stop)
        threading.Timer(CHAOS_SECONDS, stop.set).start()  # women write in for the first half minute
        began = time.monotonic()
        done = _chaos(rig, seed=7)
        lasted = time.monotonic() - began
        stop.set()
        join()
        took, state = rig.settle(60.0)
    finally:
        rig.stop()
    callbacks = Counter(outcome for _, _, outcome in twilio_api.callback_log)
    print(
        f"\nkilled processes: {dict(done)} in {lasted:.0f} s; "
        f"{state['acknowledged']} messages acknowledged (webhook answers {dict(rig.answers)}), "
        f"{state['lost']} lost, {state['unprocessed']} unanswered, {state['spooled']} left in the spool; "
        f"{state['replies']} replies, {state['sent']} sent, {state['sent twice']} sent twice, "
        f"{state['waiting']} waiting; settled {took:.1f} s after the last kill; "
        f"status callbacks {dict(callbacks)}"
    )
    assert rig.settled(state), rig.logs()
    assert state["sent twice"] == 0 and state["failed"] == 0 and state["never queued"] == 0
    assert took < 60.0
    assert set(KINDS) <= set(done) and "worker did not stop within 30 s" not in done
