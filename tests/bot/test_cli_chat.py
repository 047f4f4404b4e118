"""``allvoices chat`` as CONTRACT.md describes it: one line in, the service's answers out as ``bot: ``."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from flows.catalog import text
from tests.conftest import SECRET

SENDER = "+447700900777"


def chat(tmp_path: Path, *lines: str, database_url: str | None = None) -> list[str]:
    env = {**os.environ, "ALLVOICES_SECRET_KEY": SECRET}
    env["ALLVOICES_DATABASE_URL"] = database_url or f"sqlite:///{tmp_path / 'chat.db'}"
    result = subprocess.run(
        [sys.executable, "-m", "bot.cli", "chat", "--sender", SENDER],
        input="".join(f"{line}\n" for line in lines),
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
        check=True,
    )
    return result.stdout.splitlines()


def test_a_whole_story_by_chat_ends_with_a_reference_code(tmp_path: Path) -> None:
    answers = ["Hello", "yes", "I was left alone for hours.", "Then they rushed me to theatre.", "DONE"]
    output = chat(tmp_path, *answers, *["SKIP"] * 3, "YES", "NO")
    assert all(line.startswith("bot: ") for line in output)
    assert re.search(r"AV-[A-HJ-NP-Z2-9]{4,6}", output[-2] + output[-1])


def test_after_stop_nothing_is_printed_until_start(tmp_path: Path) -> None:
    chat(tmp_path, "Hello", "yes")
    stopped = chat(tmp_path, "STOP")
    assert stopped and "no more messages" in stopped[0]
    assert chat(tmp_path, "hello?", "is anyone there", "DONE") == []
    assert chat(tmp_path, "START")[0] == "bot: Welcome back."


def test_one_run_per_message_continues_the_same_conversation(tmp_path: Path) -> None:
    assert "Shall we start? Reply YES" in "\n".join(chat(tmp_path, "Hi"))
    assert "Tell us what happened" in chat(tmp_path, "yes")[0]
    assert chat(tmp_path, "my story") == []


def test_after_a_whole_conversation_the_database_holds_no_number_in_clear(tmp_path: Path) -> None:
    chat(tmp_path, "Hello", "yes", "story text", "DONE", *["SKIP"] * 3, "NO", "NO")
    files = list(tmp_path.glob("chat.db*"))
    assert files
    digits = SENDER.lstrip("+")
    for path in files:
        data = path.read_bytes()
        for spelling in (SENDER, digits, "07700900777", "7700900777", "07700 900777"):
            assert spelling.encode() not in data, f"{spelling} found in {path.name}"
            assert spelling.encode("utf-16-le") not in data


@pytest.mark.parametrize("channel", ["whatsapp", "telegram"])
def test_chat_speaks_every_channel(tmp_path: Path, channel: str) -> None:
    env = {
        **os.environ,
        "ALLVOICES_SECRET_KEY": SECRET,
        "ALLVOICES_DATABASE_URL": f"sqlite:///{tmp_path / 'c.db'}",
    }
    result = subprocess.run(
        [sys.executable, "-m", "bot.cli", "chat", "--sender", "12345", "--channel", channel],
        input="Hello\n",
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
        check=True,
    )
    assert "Shall we start? Reply YES" in result.stdout


def test_a_polish_first_message_is_welcomed_in_polish_and_an_urgent_one_gets_999(tmp_path: Path) -> None:
    welcome = chat(tmp_path, "Witam, miałam trudny poród i chcę o tym napisać")
    assert welcome[0] == f"bot: {text('pl', 'welcome')}"
    chat(tmp_path, "tak")
    urgent = chat(tmp_path, "Krwawię bardzo mocno od godziny")
    assert "999" in urgent[0]
