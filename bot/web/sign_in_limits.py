"""The sign-in limits: guessing is slowed, then stopped; the person who knows her password gets in.

Failures are kept in the database (``storage.sign_in_failures``), so every web process and every
gunicorn worker counts the same ones. Three counts, each over the last ``WINDOW``:

- **A known device** (a browser that signed in as this username before, ``known_device``) answers only
  for its own failures: strangers guessing on the same address, or at the same account, never hold it
  back. After ``DEVICE_FREE`` failures of its own it is slowed like an account.
- **Per address**, for browsers not known for the username: after ``ADDRESS_LIMIT`` failures that
  address waits until the oldest leaves the window. Generous, as a whole hospital may share one address.
- **Per account**, for browsers not known for the username: after ``ACCOUNT_FREE`` failures each try
  waits a little longer after the last (1, 2, 4… seconds, never more than ``MAX_WAIT``): a slowdown for a
  guesser, never a long lock-out for her.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from storage import sign_in_failures
from storage.sign_in_failures import Failures

WINDOW = timedelta(minutes=15)
ADDRESS_LIMIT = 30
ACCOUNT_FREE = 5
DEVICE_FREE = 10
MAX_WAIT = timedelta(minutes=1)


def _slowed(failures: Failures, free: int, now: datetime) -> timedelta | None:
    if failures.count < free or failures.last is None:
        return None
    delay = min(timedelta(seconds=2 ** min(failures.count - free, 16)), MAX_WAIT)
    left = failures.last + delay - now
    return left if left > timedelta(0) else None


def _address_full(failures: Failures, now: datetime) -> timedelta | None:
    if failures.count < ADDRESS_LIMIT or failures.first is None:
        return None
    left = failures.first + WINDOW - now
    return left if left > timedelta(0) else None


def wait(
    session: Session, username: str, address: str, device: str | None, now: datetime
) -> timedelta | None:
    """How long this attempt must wait before a password is even checked; None when it may go ahead.

    ``device`` is the known-device id when this browser is known for ``username``, else None.
    """
    since = now - WINDOW
    if device is not None:
        return _slowed(sign_in_failures.for_device(session, device, since), DEVICE_FREE, now)
    waits = [
        _address_full(sign_in_failures.for_address(session, address, since), now),
        _slowed(sign_in_failures.for_username(session, username, since), ACCOUNT_FREE, now),
    ]
    return max((left for left in waits if left is not None), default=None)
