"""What a text costs: SMS segments, from the GSM 03.38 alphabet (the `gsm0338` codec) or UCS-2."""

from __future__ import annotations

import math

import gsm0338  # noqa: F401  (registers the "gsm03.38" codec)

GSM_SINGLE, GSM_PART = 160, 153
UCS2_SINGLE, UCS2_PART = 70, 67


def gsm_septets(text: str) -> int | None:
    """Septets the text needs in GSM-7 (escaped characters count two), or None if it needs UCS-2."""
    try:
        return len(text.encode("gsm03.38"))
    except UnicodeEncodeError:
        return None


def segments(text: str) -> int:
    """How many SMS segments one message costs."""
    septets = gsm_septets(text)
    if septets is not None:
        return 1 if septets <= GSM_SINGLE else math.ceil(septets / GSM_PART)
    units = len(text.encode("utf-16-le")) // 2  # UCS-2 code units; emoji take two
    return 1 if units <= UCS2_SINGLE else math.ceil(units / UCS2_PART)
