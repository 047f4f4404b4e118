"""Inbound webhooks under load: the Twilio path beside a bare insert into the same database, in one run.

The Twilio path is the real one: gunicorn serving the app (signature check, her contact and message
stored in one transaction, the worker woken) and an ``allvoices worker`` answering her from the
database, its replies sent to a local fake Twilio. The baseline is a bare Flask endpoint that inserts
one row into the same database, under the same gunicorn. Every figure is the median of ``--rounds``
rounds (3), and in every round the baseline and each checkout are measured one after the other, so a
ratio compares like with like on a shared, noisy machine.

Per checkout and database it reports:

- **throughput** with ``--concurrency`` clients each waiting for its answer (closed loop), separately
  for first messages (a new sender: her contact is created) and mid-story ones (she is telling her
  story), and the ratio to the bare endpoint's rate in the same round; then again with the worker
  paused while they arrive (it answers them afterwards), which is the webhook path's own rate: on two
  cores the worker, reading every message with the safeguarding model, otherwise takes its share;
- **server CPU per message**: the web processes' (gunicorn master and workers, by psutil) and the
  worker's, which answers her after the webhook has returned;
- **latency at a stated arrival rate** (``--rate`` messages a second, steady, whether or not earlier
  ones were answered: open loop), p50 and p99, first and mid-story, and **her reply queued** p99: from
  the webhook storing her first message to the worker queueing the welcome (database clocks);
- **memory**: the largest web worker's resident size after warming up and after 500 and 1 000 messages
  in seven languages.

Tables are made before gunicorn forks. Any answer but 2xx, a failed connection, a server or worker that
dies, a parked message or a worker that does not catch up stops the bench with the reason.

    .venv/bin/python bench/webhooks.py [--quick] [--tree PATH ...] [--db sqlite|postgres|both]

``--tree PATH`` measures another checkout too (its own code, migrations and worker), beside this one
and the same baseline, for before/after figures in the same run:
``git worktree add /work/wt/bench-before <commit>`` then ``--tree /work/wt/bench-before``.
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import sqlite3
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select, text
from sqlalchemy.engine import Engine

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import harness
from bench.bare_app import create_table
from bench.harness import BenchError, Process, Request
from storage.models import Inbound, OutboxMessage
from tests.fakes.providers import fake_twilio
from tests.samples import SAMPLES

#: what the app logs when the database did not take her message within its deadline
SPOOLED = "keeping it in the spool"
MID_STORY = {
    "en": "They left me alone for hours and when I asked for help the midwife said I was fine",
    "ur": "مجھے کئی گھنٹے اکیلا چھوڑ دیا گیا اور کسی نے میری بات نہیں سنی",
    "bn": "আমাকে অনেক ঘণ্টা একা রাখা হয়েছিল, কেউ আমার কথা শোনেনি",
    "pl": "Zostawili mnie samą na wiele godzin i nikt nie odpowiadał na dzwonek",
    "ro": "M-au lăsat singură ore întregi și nimeni nu a venit când am sunat",
    "ar": "تركوني وحدي لساعات ولم يستمع أحد إلى ما قلته عن الألم",
    "pt": "Deixaram-me sozinha durante horas e ninguém respondeu quando chamei",
}


@dataclass(frozen=True)
class Sizes:
    rounds: int
    first: int  # first messages per round, closed loop
    mid: int  # mid-story messages per round, closed loop
    latency: int  # messages per latency phase (first, then mid-story), at the stated rate
    senders: int  # senders prepared to be mid-story (each sends several of the mid-story messages)
    memory: int  # messages for the memory figure


FULL = Sizes(rounds=3, first=60, mid=60, latency=60, senders=20, memory=1000)
QUICK = Sizes(rounds=1, first=14, mid=14, latency=14, senders=7, memory=28)


def first_messages(count: int) -> list[Request]:
    """Openings from new senders, the seven languages in turn."""
    rows = zip(*(SAMPLES[lang] for lang in harness.LANGS), strict=False)
    samples = itertools.cycle([text for row in rows for text in row])
    return [harness.twilio(harness.new_sender(), next(samples)) for _ in range(count)]


def mid_messages(senders: Sequence[tuple[str, str]], count: int) -> list[Request]:
    """``count`` mid-story messages, the prepared senders taking turns."""
    turns = itertools.islice(itertools.cycle(senders), count)
    return [harness.twilio(sender, MID_STORY[lang]) for sender, lang in turns]


def phase_messages(target: Target, phase: str, count: int) -> list[Request]:
    """``count`` new first messages, or mid-story ones from the target's prepared senders."""
    return first_messages(count) if phase == "first" else mid_messages(target.senders, count)


@dataclass
class Target:
    """One checkout under test on one database: its web server, its worker, its database."""

    label: str
    root: Path
    url: str
    web: Process
    worker: Process
    engine: Engine
    spool: Path
    senders: list[tuple[str, str]]
    spooled: int = 0  # acknowledged from the spool because the database did not answer within 2 s


def prepare_senders(target: Target, count: int, concurrency: int) -> None:
    """Senders who said hello and YES, so their next messages are mid-story (not measured)."""
    langs = itertools.cycle(harness.LANGS)
    senders = [(harness.new_sender(), next(langs)) for _ in range(count)]
    for step in ("hello", "yes"):
        requests = [
            harness.twilio(sender, SAMPLES[lang][0] if step == "hello" else "yes") for sender, lang in senders
        ]
        harness.closed_loop(target.web.port, requests, concurrency)
        harness.wait_answered(target.engine, target.worker, target.spool)
    target.senders = senders


def _utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def reply_queued(engine: Engine, sids: Sequence[str], after_outbox_id: int) -> list[float]:
    """Seconds from each first message stored to her first reply queued (database timestamps)."""
    with engine.connect() as connection:
        received = {
            row.id: _utc(row.received_at)
            for row in connection.execute(
                select(Inbound.id, Inbound.received_at).where(Inbound.provider_id.in_(list(sids)))
            )
        }
        queued: dict[int, datetime] = {}
        for row in connection.execute(
            select(OutboxMessage.idempotency_key, OutboxMessage.created_at).where(
                OutboxMessage.id > after_outbox_id
            )
        ):
            key = row.idempotency_key
            if key.startswith("in") and "-" in key and key[2:].split("-")[0].isdigit():
                inbound_id = int(key[2:].split("-")[0])
                at = _utc(row.created_at)
                queued[inbound_id] = min(at, queued.get(inbound_id, at))
    missing = [inbound_id for inbound_id in received if inbound_id not in queued]
    if len(received) != len(sids) or missing:
        raise BenchError(
            f"{len(missing)} first messages got no reply, {len(sids) - len(received)} not stored"
        )
    return [(queued[inbound_id] - at).total_seconds() for inbound_id, at in received.items()]


def last_outbox_id(engine: Engine) -> int:
    with engine.connect() as connection:
        return int(
            connection.execute(select(OutboxMessage.id).order_by(OutboxMessage.id.desc()).limit(1)).scalar()
            or 0
        )


def check_nothing_parked(engine: Engine) -> None:
    with engine.connect() as connection:
        parked = connection.execute(select(Inbound.id).where(Inbound.parked_at.is_not(None))).all()
    if parked:
        raise BenchError(f"{len(parked)} messages were parked: the worker failed on them")


def holds_nothing(engine: Engine) -> bool:
    """No one else has a transaction open, so a paused worker holds no lock a webhook would wait on
    (its heartbeat and deliveries write on their own clock, not only when a message comes in)."""
    if engine.dialect.name == "postgresql":
        with engine.connect() as connection:
            busy = connection.execute(
                text(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                    "AND pid <> pg_backend_pid() AND backend_type = 'client backend' AND state <> 'idle'"
                )
            ).scalar()
        return not busy
    probe = sqlite3.connect(str(engine.url.database), timeout=0)
    try:
        probe.execute("BEGIN IMMEDIATE")  # fails at once while anyone holds the write lock
        probe.rollback()
        return True
    except sqlite3.OperationalError:
        return False
    finally:
        probe.close()


@contextlib.contextmanager
def paused(target: Target) -> Iterator[None]:
    """The target's worker stopped for the block, at a moment it holds no transaction."""
    for _ in range(100):
        with target.worker.paused():
            if holds_nothing(target.engine):
                yield
                return
        time.sleep(0.05)
    raise BenchError(f"{target.label}: the worker never paused outside a transaction")


def measure_closed(
    server: Process,
    requests: Sequence[Request],
    concurrency: int,
    target: Target | None,
    worker_paused: bool = False,
) -> tuple[float, float, float]:
    """(messages/s, web CPU ms a message, worker CPU ms a message once it has answered them).

    ``worker_paused``: the worker is stopped while the messages arrive and answers them afterwards, so
    the rate is the webhook path's own, without the worker sharing the CPUs."""
    spooled = server.count(SPOOLED)
    web0 = server.cpu()
    work0 = target.worker.cpu() if target else 0.0
    with paused(target) if target and worker_paused else contextlib.nullcontext():
        timings = harness.closed_loop(server.port, requests, concurrency)
    web = (server.cpu() - web0) * 1000 / len(requests)
    if target is not None:
        target.spooled += server.count(SPOOLED) - spooled
    work = 0.0
    if target is not None:
        harness.wait_answered(target.engine, target.worker, target.spool)
        work = (target.worker.cpu() - work0) * 1000 / len(requests)
    return timings.rate, web, work


def one_round(
    results: dict[tuple[str, str], list[float]],
    bare: Process,
    targets: Sequence[Target],
    sizes: Sizes,
    concurrency: int,
    rate: float,
) -> None:
    first = first_messages(sizes.first)
    rates: dict[str, dict[str, float]] = defaultdict(dict)
    for server, target in ((bare, None), *((t.web, t) for t in targets)):
        label = target.label if target else "bare insert"
        for phase in ("first", "mid"):
            if target is None:
                source = first if phase == "first" else first[: sizes.mid]
                requests = [harness.as_bare(request) for request in source]
            else:
                requests = phase_messages(target, phase, sizes.mid if phase == "mid" else sizes.first)
            msg_s, web, work = measure_closed(server, requests, concurrency, target)
            rates[phase][label] = msg_s
            results[label, f"{phase} msg/s"].append(msg_s)
            results[label, f"{phase} web CPU"].append(web)
            if target is not None:
                results[label, f"{phase} worker CPU"].append(work)
                again = phase_messages(target, phase, len(requests))
                alone, _, _ = measure_closed(server, again, concurrency, target, worker_paused=True)
                rates[f"{phase}, worker paused"][label] = alone
        for phase in ("first", "mid"):
            if target is None:
                requests = [harness.as_bare(r) for r in first_messages(sizes.latency)]
            else:
                requests = phase_messages(target, phase, sizes.latency)
            before = last_outbox_id(target.engine) if target else 0
            spooled = server.count(SPOOLED)
            timings = harness.open_loop(server.port, requests, rate)
            if target is not None:
                target.spooled += server.count(SPOOLED) - spooled
            results[label, f"{phase} p50"].append(harness.quantile(timings.latencies, 0.5) * 1000)
            results[label, f"{phase} p99"].append(harness.quantile(timings.latencies, 0.99) * 1000)
            results[label, f"{phase} arrivals/s"].append(timings.rate)
            if target is not None:
                harness.wait_answered(target.engine, target.worker, target.spool)
                if phase == "first":
                    queued = reply_queued(target.engine, [r.sid for r in requests], before)
                    results[label, "reply queued p99"].append(harness.quantile(queued, 0.99) * 1000)
    for phase in ("first", "mid"):
        for label, value in rates[phase].items():
            if label != "bare insert":
                results[label, f"{phase} ratio"].append(value / rates[phase]["bare insert"])
        for label, value in rates[f"{phase}, worker paused"].items():
            results[label, f"{phase} ratio, worker paused"].append(value / rates[phase]["bare insert"])


def memory(target: Target, count: int, concurrency: int) -> tuple[float, float, float]:
    """The largest web worker's resident MiB: before, after half of ``count`` messages, after all."""
    start = max(target.web.worker_rss())
    half = count // 2
    marks = []
    for _ in range(2):
        requests = first_messages(half // 2) + mid_messages(target.senders, half - half // 2)
        harness.closed_loop(target.web.port, requests, concurrency)
        marks.append(max(target.web.worker_rss()))
    # The last figure: the worker is not waited for (it would take minutes on this machine).
    return start, marks[0], marks[1]


def run_database(
    kind: str, trees: Sequence[Path], sizes: Sizes, args: argparse.Namespace, twilio_url: str
) -> None:
    with contextlib.ExitStack() as stack:
        scratch = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="allvoices-bench-")))
        targets: list[Target] = []
        bare: Process | None = None
        for number, root in enumerate(trees):
            url = stack.enter_context(harness.scratch_database(kind))
            env = harness.environment(url, root, scratch, twilio_url)
            env["ALLVOICES_SPOOL_DIR"] = str(scratch / f"spool-{number}")
            harness.migrate(root, env)
            if bare is None:
                create_table(url)  # before gunicorn forks
                bare = harness.gunicorn(
                    f"bare-{kind}",
                    "bench.bare_app:create_app()",
                    harness.ROOT,
                    harness.environment(url, harness.ROOT, scratch),
                    scratch,
                    threads=args.threads,
                )
                stack.callback(bare.stop)
            web = harness.gunicorn(
                f"web-{kind}-{number}", "bot.app:create_app()", root, env, scratch, threads=args.threads
            )
            stack.callback(web.stop)
            work = harness.worker(f"worker-{kind}-{number}", root, env, scratch)
            stack.callback(work.stop)
            engine = harness.engine_for(url)
            stack.callback(engine.dispose)
            label = ("this tree " if root == harness.ROOT else "") + harness.tree_label(root)
            target = Target(label, root, url, web, work, engine, scratch / f"spool-{number}", [])
            prepare_senders(target, sizes.senders, args.concurrency)
            targets.append(target)
        assert bare is not None
        results: dict[tuple[str, str], list[float]] = defaultdict(list)
        for _ in range(sizes.rounds):
            one_round(results, bare, targets, sizes, args.concurrency, args.rate)
        for target in targets:
            check_nothing_parked(target.engine)
        memories = {target.label: memory(target, sizes.memory, args.concurrency) for target in targets}
        report(kind, results, memories, ["bare insert", *(t.label for t in targets)], sizes, args)
        for target in targets:
            print(f"- {target.label}: {target.spooled} messages went to the spool (database slower than 2 s)")


def report(
    kind: str,
    results: dict[tuple[str, str], list[float]],
    memories: dict[str, tuple[float, float, float]],
    labels: Sequence[str],
    sizes: Sizes,
    args: argparse.Namespace,
) -> None:
    def cell(label: str, metric: str, digits: int = 0) -> str:
        values = results.get((label, metric))
        return f"{harness.median(values):.{digits}f}" if values else "–"

    server = f"gunicorn --preload -w 2{f' --threads {args.threads}' if args.threads > 1 else ''}"
    print(
        f"\n### {kind}: medians of {sizes.rounds} round(s); {server}; throughput with {args.concurrency} "
        f"clients ({sizes.first} first, {sizes.mid} mid-story messages a round); latency at "
        f"{args.rate:g} arrivals/s ({sizes.latency} messages a phase)\n"
    )
    print(
        "| | first msg/s | × bare | mid msg/s | × bare | × bare, worker paused (first, mid) "
        "| web CPU ms/msg (first, mid) | worker CPU ms/msg "
        f"(first, mid) | first p50 / p99 ms @{args.rate:g}/s | mid p50 / p99 ms @{args.rate:g}/s "
        "| reply queued p99 ms |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for label in labels:
        print(
            f"| {label} | {cell(label, 'first msg/s')} | {cell(label, 'first ratio', 2)} "
            f"| {cell(label, 'mid msg/s')} | {cell(label, 'mid ratio', 2)} "
            f"| {cell(label, 'first ratio, worker paused', 2)}, {cell(label, 'mid ratio, worker paused', 2)} "
            f"| {cell(label, 'first web CPU', 1)}, {cell(label, 'mid web CPU', 1)} "
            f"| {cell(label, 'first worker CPU', 1)}, {cell(label, 'mid worker CPU', 1)} "
            f"| {cell(label, 'first p50')} / {cell(label, 'first p99')} "
            f"| {cell(label, 'mid p50')} / {cell(label, 'mid p99')} "
            f"| {cell(label, 'reply queued p99')} |"
        )
    achieved = [
        value for (_, metric), values in results.items() if metric.endswith("arrivals/s") for value in values
    ]
    if achieved:
        print(f"\nArrivals achieved in the latency phases: {min(achieved):.1f}–{max(achieved):.1f}/s.")
    print(
        f"\nLargest web worker, resident MiB, after warm-up / {sizes.memory // 2} / {sizes.memory} messages "
        f"in {len(harness.LANGS)} languages ({', '.join(harness.LANGS)}):"
    )
    for label, (start, half, end) in memories.items():
        print(f"- {label}: {start:.0f} / {half:.0f} / {end:.0f}")
    sys.stdout.flush()


def main() -> None:
    parser = harness.arguments(__doc__ or "")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--messages", type=int, help="messages a phase (first, mid-story, latency)")
    args = parser.parse_args()
    sizes = QUICK if args.quick else FULL
    if args.messages:
        sizes = replace(sizes, first=args.messages, mid=args.messages, latency=args.messages)
    trees = harness.checkouts(parser, args.tree)
    with fake_twilio() as twilio:
        harness.each_database(args.db, lambda kind: run_database(kind, trees, sizes, args, twilio.url))


if __name__ == "__main__":
    main()
