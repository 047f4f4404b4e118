"""Real processes for the fault tests: gunicorn as README runs it in production, `allvoices worker`s, and
Twilio webhooks signed the way Twilio signs them. Everything listens on 127.0.0.1 only.

The processes run from a temporary folder with every setting in their environment, so nothing of the
developer's (``.env``, ``var/``) is read or written.
"""

from __future__ import annotations

import http.client
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from twilio.request_validator import RequestValidator

from tests.conftest import SECRET

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
ACCOUNT_SID = "AC" + "0" * 32
AUTH_TOKEN = "twilio-test-token"  # the fake Twilio's
FROM_SMS = "+447700900000"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def environment(database_url: str, spool: Path, public_url: str, **extra: str) -> dict[str, str]:
    """Every setting a process needs, and nothing from the developer's own environment or ``.env``."""
    keep = {name: os.environ[name] for name in ("PATH", "HOME", "LANG", "TMPDIR") if name in os.environ}
    return {
        **keep,
        "PYTHONPATH": str(ROOT),
        "PYTHONFAULTHANDLER": "1",  # SIGABRT writes every thread's stack to the log
        "ALLVOICES_DATABASE_URL": database_url,
        "ALLVOICES_SECRET_KEY": SECRET,
        "ALLVOICES_PUBLIC_URL": public_url,
        "ALLVOICES_SPOOL_DIR": str(spool),
        "TWILIO_ACCOUNT_SID": ACCOUNT_SID,
        "TWILIO_AUTH_TOKEN": AUTH_TOKEN,
        "TWILIO_FROM_SMS": FROM_SMS,
        **extra,
    }


@dataclass
class Process:
    """One child process and its log file, so a failing test can say what the process said."""

    name: str
    args: list[str]
    env: dict[str, str]
    cwd: Path
    popen: subprocess.Popen[bytes] | None = None
    log: IO[bytes] | None = None
    starts: int = 0
    logs: list[Path] = field(default_factory=list)

    def start(self) -> None:
        path = self.cwd / f"{self.name}-{self.starts}.log"
        self.logs.append(path)
        self.log = path.open("wb")
        self.popen = subprocess.Popen(
            self.args, env=self.env, cwd=self.cwd, stdout=self.log, stderr=subprocess.STDOUT
        )
        self.starts += 1

    @property
    def pid(self) -> int:
        assert self.popen is not None
        return self.popen.pid

    def alive(self) -> bool:
        return self.popen is not None and self.popen.poll() is None

    def signal(self, number: int) -> None:
        if self.alive():
            os.kill(self.pid, number)

    def wait(self, seconds: float) -> bool:
        """True when it exited within ``seconds``."""
        assert self.popen is not None
        try:
            self.popen.wait(seconds)
        except subprocess.TimeoutExpired:
            return False
        return True

    def stop(self) -> None:
        """SIGTERM, and SIGKILL if it is still there after 15 s."""
        if self.popen is None:
            return
        self.signal(signal.SIGTERM)
        if not self.wait(15):
            self.signal(signal.SIGKILL)
            self.wait(5)
        if self.log is not None:
            self.log.close()

    def started(self) -> bool:
        """Alive, and its latest start has logged that it is ready (a worker loads its models first)."""
        return self.alive() and "started" in self.logs[-1].read_text(errors="replace")

    def wait_until_logged(self, words: str, seconds: float) -> None:
        """Until the latest start of this process has logged ``words`` (a worker loads its models first)."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if words in self.logs[-1].read_text(errors="replace"):
                return
            if not self.alive():
                raise RuntimeError(f"{self.name} exited:\n{self.tail()}")
            time.sleep(0.2)
        raise TimeoutError(f"{self.name} did not log {words!r} within {seconds} s:\n{self.tail()}")

    def tail(self, lines: int = 30) -> str:
        text = "\n".join(path.read_text(errors="replace") for path in self.logs if path.exists())
        return "\n".join(text.splitlines()[-lines:])


def gunicorn(env: dict[str, str], cwd: Path, port: int, workers: int = 2) -> Process:
    """The web app as README's production command runs it (``--preload``, threads), on loopback."""
    return Process(
        "gunicorn",
        [
            str(BIN / "gunicorn"),
            "--preload",
            "-w",
            str(workers),
            "--threads",
            "8",
            "-b",
            f"127.0.0.1:{port}",
            "--graceful-timeout",
            "5",
            "bot.app:create_app()",
        ],
        env,
        cwd,
    )


def worker(env: dict[str, str], cwd: Path, name: str = "worker") -> Process:
    return Process(name, [str(BIN / "allvoices"), "worker"], env, cwd)


def wait_for(port: int, path: str = "/healthz", seconds: float = 60.0, status: int = 200) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if get(port, path, timeout=2.0)[0] == status:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise TimeoutError(f"127.0.0.1:{port}{path} did not answer {status} within {seconds} s")


def get(port: int, path: str, timeout: float = 5.0) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def post_form(
    port: int, path: str, form: dict[str, str], headers: dict[str, str], timeout: float = 20.0
) -> int:
    body = urllib.parse.urlencode(form)
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request(
            "POST",
            path,
            body=body,
            headers={"Content-Type": "application/x-www-form-urlencoded", **headers},
        )
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


def signed_inbound(public_url: str, sid: str, sender: str, text: str) -> tuple[dict[str, str], str]:
    """A Twilio "message comes in" webhook and its ``X-Twilio-Signature``."""
    form = {
        "AccountSid": ACCOUNT_SID,
        "MessageSid": sid,
        "From": sender,
        "To": FROM_SMS,
        "Body": text,
        "NumMedia": "0",
    }
    return form, sign(f"{public_url}/webhooks/twilio", form)


def sign(url: str, form: dict[str, str]) -> str:
    return str(RequestValidator(AUTH_TOKEN).compute_signature(url, form))


def postgres_schema() -> tuple[str, str]:
    """A schema of its own on the shared server, migrated: (the app's URL, the schema's name)."""
    import uuid

    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from storage.migrations import upgrade
    from tests.conftest import POSTGRES_URL

    schema = f"f_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES_URL)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    admin.dispose()
    url = make_url(POSTGRES_URL).update_query_dict({"options": f"-csearch_path={schema}"})
    rendered = url.render_as_string(hide_password=False)
    upgrade(rendered)
    return rendered, schema


def drop_schema(schema: str) -> None:
    from sqlalchemy import create_engine, text

    from tests.conftest import POSTGRES_URL

    admin = create_engine(POSTGRES_URL)
    with admin.begin() as connection:
        connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    admin.dispose()


def through(url: str, port: int) -> str:
    """The same database URL, reached through a local port (a `TcpProxy`)."""
    from sqlalchemy.engine import make_url

    return make_url(url).set(host="127.0.0.1", port=port).render_as_string(hide_password=False)


def children(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (gunicorn's web workers under its master)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # "pid (name) state ppid ...": the name may hold spaces, so read from its closing bracket
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.append(int(entry.name))
    return found
