"""The small-number rule, in one place: no count, share, ratio or chart is shown from fewer than 5 women.

Every output that counts women (the digest, the representation page, the export, the yearly report, a
champion's counts page) asks here, so the rule cannot drift between them. A count of 0 may be shown
(nobody is pointed at); 1 to 4 are shown as "fewer than 5"; a share or a ratio needs 5 answers beneath it.
"""

from __future__ import annotations

#: the fewest women a count, a share or a chart may be built from
SMALL = 5
HIDDEN = f"fewer than {SMALL}"


def enough(count: int) -> bool:
    """Whether a figure may be computed from ``count`` women."""
    return count >= SMALL


def safe_count(count: int) -> int | None:
    """The count when it may be shown (0 or at least 5), else None."""
    return count if count == 0 or enough(count) else None


def shown(count: int) -> str:
    """A count as text: the number, or "fewer than 5"."""
    found = safe_count(count)
    return HIDDEN if found is None else str(found)


def safe_share(part: int, whole: int) -> float | None:
    """``part / whole`` when both the part and the whole are big enough to show, else None."""
    if not enough(whole) or safe_count(part) is None:
        return None
    return part / whole
