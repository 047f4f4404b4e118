"""What bench/webhooks.py and bench/dashboard.py share: scratch databases, gunicorn and worker processes
with their CPU and memory, signed Twilio webhooks, and load loops that stop at the first client error.

Nothing here guesses: a request that does not answer 2xx, a connection that fails, a server that does
not start, or a worker that falls behind for good stops the bench with the reason (`BenchError`).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from http.client import HTTPConnection
from pathlib import Path

import psutil
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine, make_url
from twilio.request_validator import RequestValidator

ROOT = Path(__file__).resolve().parent.parent
SID, TOKEN = "AC" + "0" * 32, "twilio-test-token"  # the fake Twilio's (tests/fakes/providers.py)
PUBLIC = "http://bench.allvoices.test"  # http: the dashboard bench signs in without TLS
SECRET = "bench-secret-key-that-is-long-enough-0123456789"
POSTGRES = os.environ.get("ALLVOICES_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
#: the seven languages of the mixed load (the most spoken among the line's 14)
LANGS = ("en", "ur", "bn", "pl", "ro", "ar", "pt")


class BenchError(RuntimeError):
    """The bench cannot give an honest figure: a client error, a server that did not start…"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def quantile(values: Sequence[float], q: float) -> float:
    """The q-th quantile (0..1) by linear interpolation; needs at least two values."""
    if len(values) < 2:
        raise BenchError("too few measurements for a quantile")
    cut = statistics.quantiles(values, n=1000, method="inclusive")
    return cut[min(int(q * 1000) - 1, len(cut) - 1)]


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def tree_label(root: Path) -> str:
    """A checkout named by its commit (and "+" when it has changes not committed)."""
    try:
        commit = subprocess.run(
            ["git", "-C", str(root), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(root), "status", "--porcelain", "--untracked-files=no"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return root.name
    return commit + ("+" if dirty else "")


# --- databases -------------------------------------------------------------------------------------


@contextlib.contextmanager
def scratch_database(kind: str) -> Iterator[str]:
    """A database of our own, dropped afterwards: a SQLite file, or a PostgreSQL database."""
    if kind == "sqlite":
        with tempfile.TemporaryDirectory(prefix="allvoices-bench-") as folder:
            yield f"sqlite:///{folder}/bench.db"
        return
    name = f"allvoices_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(POSTGRES, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3})
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as error:
        admin.dispose()
        raise BenchError(f"PostgreSQL not reachable at {POSTGRES}: {type(error).__name__}") from error
    try:
        yield make_url(POSTGRES).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@contextlib.contextmanager
def fake_twilio_url() -> Iterator[str]:
    """A local fake Twilio (the tests' own) for the worker to send her replies to."""
    from tests.fakes.providers import fake_twilio

    with fake_twilio() as fake:
        yield fake.url


def arguments(description: str) -> argparse.ArgumentParser:
    """The options every load bench takes; a bench adds its own."""
    parser = argparse.ArgumentParser(description=description.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, one round: checks the bench works")
    parser.add_argument("--tree", type=Path, action="append", default=[], help="another checkout to measure")
    parser.add_argument("--db", choices=("sqlite", "postgres", "both"), default="both")
    parser.add_argument("--rate", type=float, default=10.0, help="webhook arrivals a second")
    parser.add_argument(
        "--threads",
        type=int,
        default=1,
        help="gunicorn threads a worker (gthread when > 1; production on PostgreSQL: 8)",
    )
    return parser


def checkouts(parser: argparse.ArgumentParser, others: Sequence[Path]) -> list[Path]:
    """The other checkouts named by ``--tree``, then this one; each must be an allvoices checkout."""
    trees = [path.resolve() for path in others] + [ROOT]
    for tree in trees:
        if not (tree / "bot" / "app.py").exists():
            parser.error(f"{tree} is not an allvoices checkout")
    return trees


def each_database(choice: str, run: Callable[[str], None]) -> None:
    """``run`` on SQLite and/or PostgreSQL, between the machine's load at start and at end (a figure
    from a loaded machine must say so); PostgreSQL is skipped with a line when it is not reachable,
    unless it alone was asked for."""
    print(f"Load average at start: {_load()} on {os.cpu_count()} cores")
    for kind in ["sqlite", "postgres"] if choice == "both" else [choice]:
        if kind == "postgres" and not postgres_reachable():
            if choice == "postgres":
                raise BenchError(f"PostgreSQL not reachable at {POSTGRES}")
            print(f"\n### postgres: skipped, not reachable at {POSTGRES}")
            continue
        run(kind)
    print(f"\nLoad average at end: {_load()}")


def _load() -> str:
    return ", ".join(f"{x:.1f}" for x in os.getloadavg())


def postgres_reachable() -> bool:
    try:
        engine = create_engine(POSTGRES, connect_args={"connect_timeout": 3})
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        engine.dispose()
        return True
    except Exception:
        return False


def environment(url: str, root: Path, scratch: Path, twilio_url: str = "") -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("ALLVOICES_", "TWILIO_", "TELEGRAM_", "TRANSLATE_"))
    }
    env.update(
        PYTHONPATH=str(root),
        ALLVOICES_DATABASE_URL=url,
        ALLVOICES_SECRET_KEY=SECRET,
        ALLVOICES_PUBLIC_URL=PUBLIC,
        ALLVOICES_SPOOL_DIR=str(scratch / "spool"),
        ALLVOICES_MODEL_DIR=str(ROOT / "var" / "models"),
        TWILIO_ACCOUNT_SID=SID,
        TWILIO_AUTH_TOKEN=TOKEN,
        TWILIO_FROM_SMS="+447700900000",
        TWILIO_FROM_WHATSAPP="+447700900000",
        TWILIO_API_URL=twilio_url,
        TRANSLATE_PROVIDER="none",
        # Every checkout alike: without it, a checkout from before flows/embedding.py set it spends
        # seconds a message with OpenMP threads spinning against each other on this shared machine,
        # and the before/after figures would measure only that (bench it apart: 11.8 s against 1.5 s
        # for seven messages read by the model here).
        OMP_WAIT_POLICY="PASSIVE",
    )
    return env


def migrate(root: Path, env: dict[str, str]) -> None:
    """The checkout's own migrations, on its own database, before any server starts."""
    done = subprocess.run(
        [sys.executable, "-m", "bot.cli", "db", "upgrade"], env=env, cwd=root, capture_output=True, text=True
    )
    if done.returncode != 0:
        raise BenchError(f"migrations failed in {root}:\n{done.stderr[-2000:]}")


def engine_for(url: str) -> Engine:
    return create_engine(url, connect_args={"timeout": 30} if url.startswith("sqlite") else {})


# --- processes --------------------------------------------------------------------------------------


@dataclass
class Process:
    """A server (gunicorn: master and workers) or a worker, with its CPU time and memory."""

    name: str
    popen: subprocess.Popen[bytes]
    port: int = 0
    log: Path | None = None

    def tree(self) -> list[psutil.Process]:
        try:
            top = psutil.Process(self.popen.pid)
            return [top, *top.children(recursive=True)]
        except psutil.NoSuchProcess as error:
            raise BenchError(f"{self.name} died: {self.tail()}") from error

    def cpu(self) -> float:
        """CPU seconds (user + system) used so far by the process and its children."""
        total = 0.0
        for process in self.tree():
            with contextlib.suppress(psutil.NoSuchProcess):
                times = process.cpu_times()
                total += times.user + times.system
        return total

    @contextlib.contextmanager
    def paused(self) -> Iterator[None]:
        """The process stopped for the block (SIGSTOP), then continued. A process stopped inside a
        transaction holds its locks until then: the caller checks it holds none (bench/webhooks.py)."""
        processes = self.tree()
        for process in processes:
            process.suspend()
        try:
            yield
        finally:
            for process in processes:
                with contextlib.suppress(psutil.NoSuchProcess):
                    process.resume()

    def worker_rss(self) -> list[float]:
        """Resident MiB of each gunicorn worker (the master's children)."""
        found = []
        for process in self.tree()[1:]:
            with contextlib.suppress(psutil.NoSuchProcess):
                found.append(process.memory_info().rss / 2**20)
        return found

    def count(self, words: str) -> int:
        """Lines of its log that contain ``words``."""
        if self.log is None or not self.log.exists():
            return 0
        return sum(words in line for line in self.log.read_text(errors="replace").splitlines())

    def rss(self) -> float:
        return float(self.tree()[0].memory_info().rss / 2**20)

    def alive(self) -> None:
        if self.popen.poll() is not None:
            raise BenchError(f"{self.name} exited with {self.popen.returncode}: {self.tail()}")

    def tail(self) -> str:
        if self.log is None or not self.log.exists():
            return ""
        return self.log.read_text(errors="replace")[-3000:]

    def stop(self) -> None:
        if self.popen.poll() is None:
            self.popen.terminate()
            try:
                self.popen.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.popen.kill()
                self.popen.wait()


def gunicorn(
    name: str, app: str, root: Path, env: dict[str, str], scratch: Path, workers: int = 2, threads: int = 1
) -> Process:
    """``gunicorn --preload -w N`` (gthread when ``threads`` > 1) serving ``app`` from ``root``."""
    port = free_port()
    log = scratch / f"{name}.log"
    command = [sys.executable, "-m", "gunicorn", "--preload", "-w", str(workers), "-b", f"127.0.0.1:{port}"]
    if threads > 1:
        command += ["--threads", str(threads)]
    command += ["--log-level", "warning", app]
    handle = log.open("ab")
    process = Process(
        name, subprocess.Popen(command, env=env, cwd=root, stdout=handle, stderr=handle), port, log
    )
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        process.alive()
        try:
            connection = HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/healthz")
            connection.getresponse().read()
            connection.close()
            if len(process.tree()) > workers:
                return process
        except OSError:
            pass
        time.sleep(0.1)
    process.stop()
    raise BenchError(f"{name} did not start: {process.tail()}")


def worker(name: str, root: Path, env: dict[str, str], scratch: Path) -> Process:
    log = scratch / f"{name}.log"
    handle = log.open("ab")
    popen = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "worker"], env=env, cwd=root, stdout=handle, stderr=handle
    )
    process = Process(name, popen, log=log)
    time.sleep(0.5)
    process.alive()
    return process


# --- signed webhooks --------------------------------------------------------------------------------

_validator = RequestValidator(TOKEN)


@dataclass(frozen=True)
class Request:
    path: str
    body: str
    headers: dict[str, str]
    sid: str = ""


def twilio(sender: str, words: str, path: str = "/webhooks/twilio") -> Request:
    """An SMS from ``sender`` as Twilio sends it, signed against the public URL."""
    sid = "SM" + uuid.uuid4().hex
    form = {
        "MessageSid": sid,
        "AccountSid": SID,
        "From": sender,
        "To": "+447700900000",
        "Body": words,
        "NumMedia": "0",
    }
    signature = _validator.compute_signature(PUBLIC + path, form)
    headers = {"Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": signature}
    return Request(path, urllib.parse.urlencode(form), headers, sid)


def as_bare(request: Request) -> Request:
    """The same message to the bare endpoint (which inserts its body as one row)."""
    return Request("/insert", request.body, request.headers, request.sid)


_senders = iter(range(10**6))


def new_sender() -> str:
    """A number never used before in this run."""
    return f"+4477{os.getpid() % 1000:03d}{next(_senders):05d}"


@dataclass
class Timings:
    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)
    started: float = 0.0

    @property
    def rate(self) -> float:
        return len(self.latencies) / self.seconds if self.seconds else 0.0


def _send(connection: HTTPConnection, request: Request) -> float:
    began = time.perf_counter()
    connection.request("POST", request.path, body=request.body, headers=request.headers)
    response = connection.getresponse()
    payload = response.read()
    took = time.perf_counter() - began
    if not 200 <= response.status < 300:
        raise BenchError(f"{request.path} answered {response.status}: {payload[:300]!r}")
    return took


def closed_loop(port: int, requests: Sequence[Request], concurrency: int) -> Timings:
    """As fast as ``concurrency`` clients can send (each waits for its answer): throughput."""
    return _run(port, requests, concurrency, None)


def open_loop(port: int, requests: Sequence[Request], rate: float, clients: int = 32) -> Timings:
    """Arrivals at a steady ``rate`` per second, whether or not earlier ones were answered: latency."""
    return _run(port, requests, clients, rate)


def _run(port: int, requests: Sequence[Request], clients: int, rate: float | None) -> Timings:
    timings = Timings(started=time.time())
    errors: list[BaseException] = []
    lock = threading.Lock()
    cursor = iter(enumerate(requests))
    began = time.perf_counter()

    def client() -> None:
        connection = HTTPConnection("127.0.0.1", port, timeout=30)
        while not errors:
            with lock:
                item = next(cursor, None)
            if item is None:
                break
            number, request = item
            if rate is not None:
                time.sleep(max(0.0, began + number / rate - time.perf_counter()))
                # Each arrival on a new connection, as a provider sends it: a kept-alive one left idle
                # between arrivals is closed by a threaded server, which would fail the next send.
                connection.close()
                connection = HTTPConnection("127.0.0.1", port, timeout=30)
            try:
                took = _send(connection, request)
            except BaseException as error:
                with lock:
                    errors.append(error)
                break
            with lock:
                timings.latencies.append(took)
        connection.close()

    threads = [threading.Thread(target=client, daemon=True) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    timings.seconds = time.perf_counter() - began
    if errors:
        error = errors[0]
        raise BenchError(f"client error after {len(timings.latencies)} answers: {error!r}") from error
    return timings


def wait_answered(engine: Engine, worker_process: Process, spool: Path, timeout: float = 300) -> None:
    """Until the worker has stored what the spool kept and answered every message (or falls behind for
    good)."""
    deadline = time.monotonic() + timeout
    query = text("SELECT count(*) FROM inbound WHERE processed_at IS NULL AND parked_at IS NULL")
    while time.monotonic() < deadline:
        worker_process.alive()
        spooled = any(spool.glob("*.item*")) if spool.exists() else False
        with engine.connect() as connection:
            if not spooled and connection.execute(query).scalar_one() == 0:
                return
        time.sleep(0.1)
    raise BenchError(f"the worker did not answer every message within {timeout} s")
