"""Inbound webhook throughput: the whole Twilio path against a bare insert, in one run.

The Twilio path is: signature check, store the inbound row, run her flow step, insert the outbox row.
The baseline is a bare Flask endpoint inserting one row into the same database. Both run under
gunicorn with 2 workers; a threaded client sends signed requests from many senders. Prints messages/s,
p50 and p99 latency and the ratio to the baseline, for SQLite and for PostgreSQL (when reachable).

    .venv/bin/python bench/webhooks.py [--requests 600] [--concurrency 8]
"""

from __future__ import annotations

import argparse
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
from http.client import HTTPConnection
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from twilio.request_validator import RequestValidator

ROOT = Path(__file__).resolve().parent.parent
SID, TOKEN = "AC" + "b" * 32, "bench-token"
POSTGRES = os.environ.get("ALLVOICES_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start(app: str, env: dict[str, str], port: int) -> subprocess.Popen[bytes]:
    gunicorn = str(Path(sys.executable).parent / "gunicorn")
    process = subprocess.Popen(
        [gunicorn, "-w", "2", "-b", f"127.0.0.1:{port}", "--log-level", "warning", app],
        env=env,
        cwd=ROOT,
    )
    for _ in range(200):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return process
        except OSError:
            time.sleep(0.05)
    process.kill()
    raise RuntimeError(f"{app} did not start")


def load(
    port: int, path: str, public: str, requests: int, concurrency: int
) -> tuple[float, list[float], int]:
    """Send signed webhooks from distinct senders; returns (seconds, latencies, failures)."""
    validator = RequestValidator(TOKEN)
    bodies = []
    for number in range(requests):
        form = {
            "MessageSid": "SM" + uuid.uuid4().hex,
            "AccountSid": SID,
            "From": f"+4477009{number % 100_000:05d}",
            "To": "+447700900000",
            "Body": "Hello, I want to tell you about my birth",
            "NumMedia": "0",
        }
        signature = validator.compute_signature(public + path, form)
        bodies.append((urllib.parse.urlencode(form), signature))
    latencies: list[float] = []
    failures = [0]
    lock = threading.Lock()
    cursor = iter(bodies)

    def worker() -> None:
        connection = HTTPConnection("127.0.0.1", port, timeout=30)
        while True:
            with lock:
                item = next(cursor, None)
            if item is None:
                break
            body, signature = item
            headers = {"Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": signature}
            began = time.perf_counter()
            connection.request("POST", path, body=body, headers=headers)
            response = connection.getresponse()
            response.read()
            took = time.perf_counter() - began
            with lock:
                latencies.append(took)
                failures[0] += response.status >= 300

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - began, latencies, failures[0]


def run(label: str, url: str, requests: int, concurrency: int) -> None:
    port_app, port_bare = free_port(), free_port()
    public = f"http://127.0.0.1:{port_app}"
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "ALLVOICES_DATABASE_URL": url,
        "ALLVOICES_SECRET_KEY": "bench-secret-key-that-is-long-enough-0123456789",
        "ALLVOICES_PUBLIC_URL": public,
        "TWILIO_ACCOUNT_SID": SID,
        "TWILIO_AUTH_TOKEN": TOKEN,
    }
    subprocess.run(
        [str(Path(sys.executable).parent / "allvoices"), "db", "upgrade"],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    results = {}
    for name, app, port, path in (
        ("bare insert", "bench.bare_app:app", port_bare, "/insert"),
        ("twilio path", "bot.app:create_app()", port_app, "/webhooks/twilio"),
    ):
        process = start(app, env, port)
        try:
            load(port, path, public, min(50, requests), concurrency)  # warm up
            seconds, latencies, failures = load(port, path, public, requests, concurrency)
        finally:
            process.terminate()
            process.wait(timeout=10)
        quantiles = statistics.quantiles(latencies, n=100)
        results[name] = (requests / seconds, quantiles[49] * 1000, quantiles[98] * 1000, failures)
    base_rate = results["bare insert"][0]
    print(f"\n{label}: {requests} requests, {concurrency} concurrent, gunicorn -w 2")
    print(f"  {'':<12} {'msg/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'failed':>7} {'ratio':>7}")
    for name, (rate, p50, p99, failures) in results.items():
        print(f"  {name:<12} {rate:>8.0f} {p50:>8.1f} {p99:>8.1f} {failures:>7} {rate / base_rate:>7.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=600)
    parser.add_argument("--concurrency", type=int, default=8)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        run("SQLite", f"sqlite:///{scratch}/bench.db", args.requests, args.concurrency)
    schema = f"bench_{uuid.uuid4().hex[:8]}"
    try:
        admin = create_engine(POSTGRES)
        with admin.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    except Exception as error:
        print(f"\nPostgreSQL: skipped ({type(error).__name__}: not reachable)")
        return
    try:
        url = make_url(POSTGRES).update_query_dict({"options": f"-csearch_path={schema}"})
        run("PostgreSQL", url.render_as_string(hide_password=False), args.requests, args.concurrency)
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))


if __name__ == "__main__":
    main()
