"""``allvoices db upgrade`` then ``allvoices serve``, as a deployment runs them, answering real HTTP."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from twilio.request_validator import RequestValidator

from tests.conftest import SECRET

SID, TOKEN, TG_SECRET = "AC" + "1" * 32, "serve-test-token", "serve-test-secret"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, str]]:
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    db = tmp_path / "serve.db"
    env = {
        **os.environ,
        "ALLVOICES_DATABASE_URL": f"sqlite:///{db}",
        "ALLVOICES_SECRET_KEY": SECRET,
        "ALLVOICES_PUBLIC_URL": base,
        "TWILIO_ACCOUNT_SID": SID,
        "TWILIO_AUTH_TOKEN": TOKEN,
        "TWILIO_FROM_SMS": "+447700900000",
        "TELEGRAM_WEBHOOK_SECRET": TG_SECRET,
    }
    cli = [sys.executable, "-m", "bot.cli"]
    subprocess.run(
        [*cli, "db", "upgrade"], env=env, cwd=tmp_path, check=True, capture_output=True, timeout=60
    )
    process = subprocess.Popen(
        [*cli, "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        # Start-up imports the language models: a busy machine can take many seconds, so wait by the clock.
        deadline = time.monotonic() + 90
        while True:
            try:
                urllib.request.urlopen(f"{base}/healthz", timeout=2)
                break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    pytest.fail("allvoices serve did not answer /healthz within 90 s")
                time.sleep(0.2)
        yield base, str(db)
    finally:
        process.terminate()
        process.wait(timeout=10)


def _post(url: str, data: bytes, headers: dict[str, str]) -> int:
    request = urllib.request.Request(url, data=data, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


def _twilio(base: str, sid: str, sender: str, signature: str | None = "sign") -> int:
    form = {"MessageSid": sid, "AccountSid": SID, "From": sender, "To": "+447700900000", "Body": "Hello"}
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    if signature == "sign":
        headers["X-Twilio-Signature"] = RequestValidator(TOKEN).compute_signature(
            f"{base}/webhooks/twilio", form
        )
    elif signature:
        headers["X-Twilio-Signature"] = signature
    return _post(f"{base}/webhooks/twilio", urllib.parse.urlencode(form).encode(), headers)


def _rows(db: str, table: str) -> int:
    import sqlite3

    with sqlite3.connect(db) as connection:
        return int(connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])


def test_a_served_app_refuses_unsigned_webhooks_and_stores_signed_ones_once(server: tuple[str, str]) -> None:
    base, db = server
    assert _twilio(base, "SM" + "a" * 32, "+447700900123", signature=None) == 403
    assert _twilio(base, "SM" + "a" * 32, "+447700900123", signature="d3Jvbmc=") == 403
    assert _rows(db, "inbound") == 0
    assert _twilio(base, "SM" + "a" * 32, "+447700900123") == 200
    assert _twilio(base, "SM" + "a" * 32, "+447700900123") == 200
    assert _rows(db, "inbound") == 1
    assert _twilio(base, "SM" + "b" * 32, "whatsapp:+447700900123") == 200
    assert _rows(db, "inbound") == 2


def test_a_served_app_checks_telegrams_secret_and_ignores_a_repeated_update(server: tuple[str, str]) -> None:
    base, db = server
    update = {
        "update_id": 42,
        "message": {
            "message_id": 1,
            "date": 1700000000,
            "chat": {"id": 987654321, "type": "private"},
            "text": "Hi",
        },
    }
    body = json.dumps(update).encode()
    headers = {"Content-Type": "application/json"}
    assert _post(f"{base}/webhooks/telegram", body, headers) == 403
    wrong = {**headers, "X-Telegram-Bot-Api-Secret-Token": "nope"}
    assert _post(f"{base}/webhooks/telegram", body, wrong) == 403
    right = {**headers, "X-Telegram-Bot-Api-Secret-Token": TG_SECRET}
    assert _post(f"{base}/webhooks/telegram", body, right) == 200
    assert _post(f"{base}/webhooks/telegram", body, right) == 200
    assert _rows(db, "inbound") == 1
