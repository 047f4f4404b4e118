"""When the database is away or stuck: what a provider sent us, kept in a local fsync'd file until it
is back, so a webhook never acknowledges anything that is not durably kept. Items are plain data (a
kind and a JSON payload); the app says what they mean.

Each item is one file, sealed whole with the vault (her number and words never sit on disk in clear),
written to a temporary name, flushed to disk, renamed into place and the folder flushed too — the
rename is what makes it visible, so a crash mid-write leaves no half item. The worker drains the spool
oldest first; taking an item is a rename only one process can win, and storing it again is safe
because a provider's message id is stored once (a replay is a no-op).
"""

from __future__ import annotations

import json
import logging
import os
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from storage.vault import Vault

log = logging.getLogger(__name__)
SUFFIX = ".item"


class Spool:
    def __init__(self, directory: Path, vault: Vault) -> None:
        self.directory = directory
        self._vault = vault

    def keep(self, kind: str, payload: dict[str, Any]) -> Path:
        self.directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        name = f"{time.time_ns():020d}-{uuid.uuid4().hex}"
        sealed = self._vault.seal_bytes(json.dumps({"kind": kind, "payload": payload}).encode())
        temporary = self.directory / f".{name}.tmp"
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            os.write(descriptor, sealed)
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
        final = self.directory / f"{name}{SUFFIX}"
        os.rename(temporary, final)
        folder = os.open(self.directory, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)
        return final

    def waiting(self) -> int:
        return sum(1 for _ in self.directory.glob(f"*{SUFFIX}")) if self.directory.exists() else 0

    def take(self) -> Iterator[tuple[Path, str, dict[str, Any]]]:
        """Each item, oldest first, renamed so no other process takes it; the caller removes it once
        kept elsewhere, or puts it back (`put_back`) to try again later."""
        if not self.directory.exists():
            return
        for path in sorted(self.directory.glob(f"*{SUFFIX}")):
            taken = path.with_name(f"{path.name}.{os.getpid()}")
            try:
                os.rename(path, taken)
            except FileNotFoundError:
                continue  # another worker took it
            try:
                data = json.loads(self._vault.open_bytes(taken.read_bytes()))
                kind, payload = str(data["kind"]), dict(data["payload"])
            except Exception:
                log.exception("spool item %s cannot be read: kept aside for a person to look at", path.name)
                os.rename(taken, taken.with_name(f"{path.name}.unreadable"))
                continue
            yield taken, kind, payload

    def recover(self) -> int:
        """Put back items taken by a process that died before finishing them."""
        found = 0
        for path in self.directory.glob(f"*{SUFFIX}.*") if self.directory.exists() else ():
            owner = path.name.rsplit(".", 1)[1]
            if owner.isdigit() and not _alive(int(owner)):
                self.put_back(path)
                found += 1
        return found

    def put_back(self, taken: Path) -> None:
        os.rename(taken, taken.with_name(taken.name.rsplit(".", 1)[0]))


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
