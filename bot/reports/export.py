"""Stories out to a lead's own tools: CSV or XLSX, from the command line or the queue page's filters.

Only moderated stories (a person has checked the redactions), in their redacted words: never her number,
a raw word of hers or a name. What could still point at her is held back:

- her postcode district becomes its IMD quintile; her own words for her first language become one of our
  language groups; "roughly when" (free text, never anonymised) is left out;
- any "about you" value fewer than 5 exported women share is written as "fewer than 5" (the small-number
  rule of ``flows.small_numbers``), so a rare combination cannot single her out;
- a run of six or more digits left in any text is replaced by ``[PHONE]``, in case one slipped past.

Every export is audited (who, which filters, how many stories) and needs ``Permission.EXPORT``.
Rows stream from the database a thousand at a time and are written as they come.

Sheets (XLSX) / files: ``stories`` (one row per story), ``themes`` (one row per story and theme),
``about_you`` (one row per story). The CSV is the ``stories`` table with the themes and the about-you
columns on each row.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import IO, Any

from sqlalchemy.orm import Session

from bot.reports.representation import LANGUAGE_LABELS, language_group
from bot.review.themes import labels as theme_labels
from channels.base import CHANNEL_LABELS
from flows.languages import BY_CODE
from flows.small_numbers import HIDDEN, enough
from flows.story import FOLLOW_UPS
from storage import audit, exports
from storage.queue import QueueFilter

FORMATS = ("csv", "xlsx")
_DIGITS = re.compile(r"(?:\d[\s\-.]?){6,}")
STORY_COLUMNS: tuple[tuple[str, type], ...] = (
    ("reference", str),
    ("site", str),
    ("channel", str),
    ("language", str),
    ("status", str),
    ("urgent", bool),
    ("criticality", str),
    ("submitted_at", datetime),
    ("moderated_at", datetime),
    ("replied_at", datetime),
    ("hours_to_reply", float),
    ("rating", int),
    ("champion_code", str),
    ("reply_wanted", bool),
    ("story_english", str),
    ("story_her_language", str),
    *((f"{key}_answer", str) for key in FOLLOW_UPS),
)
ABOUT_COLUMNS: tuple[tuple[str, type], ...] = (
    ("reference", str),
    ("ethnic_group", str),
    ("age_band", str),
    ("disability", str),
    ("main_language", str),
    ("imd_quintile", str),
)
THEME_COLUMNS: tuple[tuple[str, type], ...] = (("reference", str), ("theme", str))


def _clean(text: str | None) -> str | None:
    return _DIGITS.sub("[PHONE]", text) if text else text


@dataclass(frozen=True)
class Exported:
    stories: list[Any]
    about: list[Any]
    themes: list[list[Any]]


class _Suppress:
    """An about-you value shown only when at least 5 exported women share it."""

    def __init__(self, counts: dict[str, dict[str, int]]) -> None:
        self.counts = counts
        languages: dict[str, int] = {}
        for key, count in counts["first_language"].items():
            said, lang = key.split("\t")
            group = language_group(said, lang)
            languages[group] = languages.get(group, 0) + count
        self.languages = languages

    def value(self, column: str, value: object) -> str:
        if value is None or value == "":
            return ""
        return str(value) if enough(self.counts[column].get(str(value), 0)) else HIDDEN

    def language(self, said: object, lang: str) -> str:
        group = language_group(str(said or ""), lang)
        return LANGUAGE_LABELS.get(group, group) if enough(self.languages.get(group, 0)) else HIDDEN


def rows(
    session: Session, filters: QueueFilter, start: datetime | None, end: datetime | None
) -> Iterator[Exported]:
    """One exported story at a time: its row, its about-you row and its theme rows."""
    hide = _Suppress(exports.value_counts(session, filters, start, end))
    names = theme_labels()
    for row in exports.stream(session, filters, start, end):
        hours = (
            round((row.replied_at - row.submitted_at).total_seconds() / 3600, 1)
            if row.replied_at and row.submitted_at
            else None
        )
        english = row.translation_en or (row.redacted_text if row.lang == "en" else None)
        answers = row.answers or {}
        story = [
            row.ref,
            row.site or "",
            CHANNEL_LABELS.get(row.channel, row.channel),
            BY_CODE[row.lang].english_name if row.lang in BY_CODE else row.lang,
            row.status,
            bool(row.urgent),
            row.criticality or "",
            row.submitted_at,
            row.moderated_at,
            row.replied_at,
            hours,
            row.rating,
            row.champion_code or "",
            row.reply_wanted,
            _clean(english) or "",
            _clean(row.redacted_text) or "",
            *(_clean(answers.get(f"{key}_en") or answers.get(key)) or "" for key in FOLLOW_UPS),
        ]
        about = [
            row.ref,
            hide.value("ethnicity", row.ethnicity),
            hide.value("age", row.age),
            hide.value("disability", row.disability),
            hide.language(row.first_language, row.lang),
            hide.value("imd_quintile", row.imd_quintile),
        ]
        themes = [[row.ref, names.get(slug, slug)] for slug in row.themes or []]
        yield Exported(story, about, themes)


def _text(value: object) -> object:
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if value is None:
        return ""
    return value


def write_csv(items: Iterator[Exported], out: IO[str]) -> int:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        [name for name, _ in STORY_COLUMNS] + ["themes"] + [name for name, _ in ABOUT_COLUMNS[1:]]
    )
    count = 0
    for item in items:
        themes = "; ".join(theme for _, theme in item.themes)
        writer.writerow([_text(value) for value in item.stories] + [themes] + item.about[1:])
        count += 1
    return count


def write_xlsx(items: Iterator[Exported], out: IO[bytes]) -> int:
    """Three sheets, typed columns (dates as dates, numbers as numbers, yes/no as booleans), streamed."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheets = {name: book.create_sheet(name) for name in ("stories", "themes", "about_you")}
    for name, columns in (
        ("stories", STORY_COLUMNS),
        ("themes", THEME_COLUMNS),
        ("about_you", ABOUT_COLUMNS),
    ):
        sheets[name].append([column for column, _ in columns])
    count = 0
    for item in items:
        sheets["stories"].append([_excel(value) for value in item.stories])
        sheets["about_you"].append(item.about)
        for theme in item.themes:
            sheets["themes"].append(theme)
        count += 1
    book.save(out)
    return count


def _excel(value: object) -> object:
    # Excel has no time zones: datetimes are written in UTC, without the zone
    return value.replace(tzinfo=None) if isinstance(value, datetime) else value


def export(
    session: Session,
    filters: QueueFilter,
    start: datetime | None,
    end: datetime | None,
    kind: str,
    out: IO[Any],
    actor: str,
) -> int:
    """Write the export to ``out`` and audit it; returns how many stories went out."""
    if kind not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}")
    items = rows(session, filters, start, end)
    count = write_csv(items, out) if kind == "csv" else write_xlsx(items, out)
    audit.record(
        session,
        actor,
        "export",
        format=kind,
        stories=count,
        site=filters.site or "all",
        start=start.isoformat() if start else None,
        end=end.isoformat() if end else None,
        filters={key: str(value) for key, value in vars(filters).items() if value},
    )
    return count


def to_bytes(
    session: Session,
    filters: QueueFilter,
    start: datetime | None,
    end: datetime | None,
    kind: str,
    actor: str,
) -> tuple[bytes, int]:
    """The whole export in memory (the web download)."""
    if kind == "csv":
        text = io.StringIO()
        count = export(session, filters, start, end, kind, text, actor)
        return text.getvalue().encode("utf-8-sig"), count
    binary = io.BytesIO()
    count = export(session, filters, start, end, kind, binary, actor)
    return binary.getvalue(), count
