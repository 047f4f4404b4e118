"""The house stays findable: the rules `lint-imports` cannot express, checked on the real source.

`make lint` runs `lint-imports` for the layers (the four parts; bot's capabilities, wiring on top) and
for import cycles; these tests add what a layer cannot say.
"""

from __future__ import annotations

import re
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("bot", "channels", "flows", "storage")


def _private_part(module: str) -> str | None:
    """The package that owns ``module`` privately (``bot.privacy.anonymise`` for ``…anonymise._names``)."""
    parts = module.split(".")
    for index, part in enumerate(parts):
        if part.startswith("_") and not part.startswith("__"):
            return ".".join(parts[:index])
    return None


def test_no_module_reaches_into_another_packages_private_modules() -> None:
    graph = grimp.build_graph(*PACKAGES)
    trespasses = []
    for imported in graph.modules:
        owner = _private_part(imported)
        if owner is None:
            continue
        for importer in graph.find_modules_that_directly_import(imported):
            if importer != owner and not importer.startswith(owner + "."):
                trespasses.append(f"{importer} -> {imported}")
    assert trespasses == []


def _python(*folders: str) -> list[Path]:
    return [path for folder in folders for path in sorted((ROOT / folder).rglob("*.py"))]


def test_every_query_is_a_named_function_in_storage() -> None:
    """The app asks storage by name ("the queue page", "stories due for translation"), never in SQL."""
    found = [str(path.relative_to(ROOT)) for path in _python("bot") if "select(" in path.read_text()]
    assert found == []


def test_only_channels_and_the_settings_know_a_provider() -> None:
    """Twilio, and Telegram's Bot API, exist only in channels/ (and their settings in bot/config.py).

    "telegram" the chat app she uses is a channel name like "sms" and "whatsapp"; what must not leak is
    the provider: its library, its settings, its error codes.
    """
    provider = re.compile(
        r"(?i:twilio)|channels\.telegram\b|from telegram\b|import telegram\b"
        r"|telegram_(bot|webhook|api)|TELEGRAM_"
    )
    leaks = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in _python("bot", "flows", "storage")
        if path != ROOT / "bot" / "config.py"
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if provider.search(line)
    ]
    assert leaks == []


def test_every_package_says_what_it_owns_and_what_it_may_import() -> None:
    silent = []
    for package in PACKAGES:
        for init in sorted((ROOT / package).rglob("__init__.py")):
            text = init.read_text()
            if "data" in init.parts or "safeguarding_phrases" in init.parts:
                continue
            if not text.startswith('"""') or "import" not in text.split('"""')[1]:
                silent.append(str(init.relative_to(ROOT)))
    assert silent == []
