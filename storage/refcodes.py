"""Reference codes she can read out over the phone: no 0/O or 1/I to confuse."""

from __future__ import annotations

import re
import secrets

ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
PATTERN = re.compile(rf"^AV-[{ALPHABET}]{{4,6}}$")


def new_code(length: int = 4) -> str:
    return "AV-" + "".join(secrets.choice(ALPHABET) for _ in range(length))
