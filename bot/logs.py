"""Logging that cannot leak her number: a filter scrubs phone-like digit runs from every record.

Code never logs addresses on purpose; this catches what a third-party library puts in an error text
(a provider's "the number +44… is invalid", a URL with a chat id).
"""

from __future__ import annotations

import logging
import re

PHONE_LIKE = re.compile(r"(?<![\w])(?:\+|00)?\d[\d\s().-]{6,}\d(?![\w])")
REDACTED = "[number removed]"


def scrub(text: str) -> str:
    return PHONE_LIKE.sub(REDACTED, text)


class ScrubNumbers(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        clean = scrub(message)
        if clean != message:
            record.msg, record.args = clean, None
        if record.exc_info and record.exc_info[1] is not None:
            record.exc_text = scrub(logging.Formatter().formatException(record.exc_info))
            record.exc_info = None
        return True


def configure_logging(level: int = logging.INFO) -> None:
    root = logging.getLogger()
    if not any(isinstance(f, ScrubNumbers) for handler in root.handlers for f in handler.filters):
        if not root.handlers:
            logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
        for handler in root.handlers:
            handler.addFilter(ScrubNumbers())
