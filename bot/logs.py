"""Logging that cannot leak her number, nor what staff searched for.

A filter scrubs phone-like digit runs from every record: code never logs addresses on purpose; this
catches what a third-party library puts in an error text (a provider's "the number +44… is invalid", a
URL with a chat id). The access log of ``allvoices serve`` leaves out query strings: a search of the
queue (``/review?q=Amina``) is a name, and an access log is kept and read far more widely than the data.
"""

from __future__ import annotations

import logging
import re
from urllib.parse import urlsplit

from werkzeug.serving import WSGIRequestHandler

from channels.registry import NOISY_LOGGERS

PHONE_LIKE = re.compile(r"(?<![\w:.-])(?!\d{4}-\d\d-\d\d)\+?\d[\d ().-]{7,}\d(?![\w:])")
#: fewer digits than this is a time, a count or an IP address, not a phone number or chat id.
MIN_DIGITS = 9
REDACTED = "[number removed]"


def _replace(match: re.Match[str]) -> str:
    found = match.group(0)
    return REDACTED if sum(ch.isdigit() for ch in found) >= MIN_DIGITS else found


def scrub(text: str) -> str:
    return PHONE_LIKE.sub(_replace, text)


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
    # The scheduler logs every run of every job: a second-by-second diary nobody reads.
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    # Provider libraries that log addresses, tokens or texts below WARNING (the channels know which).
    for noisy in NOISY_LOGGERS:
        logging.getLogger(noisy).setLevel(logging.WARNING)


class AccessLogWithoutQuery(WSGIRequestHandler):
    """werkzeug's request handler, logging each request's path but never its query string."""

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        # Called once the response is sent, so the request itself has already seen the full path.
        if hasattr(self, "path"):
            self.path = urlsplit(self.path).path
        method, _, rest = self.requestline.partition(" ")
        target, _, version = rest.partition(" ")
        self.requestline = " ".join(part for part in (method, target.split("?")[0], version) if part)
        super().log_request(code, size)
