"""A staff search is often her name: no query string reaches an access log, under ``allvoices serve``
(werkzeug) or under the gunicorn command the README documents."""

from __future__ import annotations

import os
import re
import shlex
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from storage.migrations import upgrade
from tests.conftest import SECRET

ROOT = Path(__file__).resolve().parents[2]
NAME = "Amina Yusuf"
SEARCHES = (
    "/review?q=Amina+Yusuf",
    "/review/?q=Amina%20Yusuf&site=Maidstone+Hospital",
    "/review/login?next=%2Freview%2F%3Fq%3DAmina%2BYusuf",
    "/review/story/AV-ABCD?q=Amina",
)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def _running(command: list[str], port: int, tmp_path: Path, log: Path) -> Iterator[str]:
    db = f"sqlite:///{tmp_path / 'logs.db'}"
    upgrade(db)
    env = {**os.environ, "ALLVOICES_DATABASE_URL": db, "ALLVOICES_SECRET_KEY": SECRET}
    with log.open("wb") as output:
        process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=output, stderr=subprocess.STDOUT)
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(200):
                try:
                    urllib.request.urlopen(f"{base}/healthz", timeout=1)
                    break
                except OSError:
                    time.sleep(0.1)
            yield base
        finally:
            process.terminate()
            process.wait(timeout=20)


def _search(base: str) -> None:
    for path in SEARCHES:
        request = urllib.request.Request(base + path, headers={"Referer": base + "/review/?q=Amina+Yusuf"})
        with suppress(urllib.error.HTTPError):
            urllib.request.urlopen(request, timeout=10).close()


def _assert_paths_only(text: str) -> None:
    requests = [line for line in text.splitlines() if "/review" in line]
    assert len(requests) >= len(SEARCHES), text
    print(f"\n{len(requests)} requests logged, by path only; e.g. {requests[0].strip()}")
    assert "Amina" not in text and "Yusuf" not in text and "q=" not in text, text


def test_allvoices_serve_logs_paths_without_their_query_strings(tmp_path: Path) -> None:
    port = _free_port()
    log = tmp_path / "serve.log"
    serve = [sys.executable, "-m", "bot.cli", "serve", "--host", "127.0.0.1", "--port", str(port)]
    with _running(serve, port, tmp_path, log) as base:
        _search(base)
    _assert_paths_only(log.read_text())


def documented_gunicorn() -> list[str]:
    """The gunicorn command from the README, as an operator would paste it."""
    readme = (ROOT / "README.md").read_text()
    blocks = re.findall(r"```sh\n(.*?)```", readme, flags=re.S)
    (command,) = [block for block in blocks if block.lstrip().startswith("gunicorn")]
    return shlex.split(re.sub(r"\\\n", " ", command))


def test_the_documented_gunicorn_command_logs_paths_without_their_query_strings(tmp_path: Path) -> None:
    command = documented_gunicorn()
    assert "--access-logformat" in command
    port = _free_port()
    command[0] = str(Path(sys.executable).parent / "gunicorn")
    command[command.index("-w") + 1] = "1"
    command[command.index("-b") + 1] = f"127.0.0.1:{port}"
    log = tmp_path / "gunicorn.log"
    with _running(command, port, tmp_path, log) as base:
        _search(base)
    _assert_paths_only(log.read_text())
