"""When to call a provider again after a failure: one policy for sends and translations alike."""

from __future__ import annotations

import random
from datetime import timedelta

MAX_BACKOFF = timedelta(hours=1)


def backoff(attempts: int, retry_after: float | None = None) -> timedelta:
    """Exponential with jitter, so a provider outage is not met by every worker at once; a provider's
    own ``Retry-After`` wins."""
    if retry_after is not None:
        return timedelta(seconds=max(retry_after, 1.0))
    base = min(timedelta(seconds=5 * 2 ** max(attempts - 1, 0)), MAX_BACKOFF)
    return base * random.uniform(0.8, 1.2)
