"""The yearly inequalities summary, shaped like the London MVPs' annual report form.

"ALL Maternity Voices" (London Maternity Clinical Network, 2019) ends with a reporting summary an MVP
sends to its commissioners and trust board: "We have…" rows (links with community organisations, issues
raised and/or addressed, what has been improved) each marked Yes / No / Working on it with notes, and it
asks MVPs to compare who they hear from with their local population. This report fills that form from a
site's year, then gives the detail behind each row:

1. Community links: champion codes, their communities and whom they reached.
2. Issues raised: themes, with a few words from stories whose tellers agreed to be quoted publicly.
3. What has improved: "You said, we did" changes made in the year.
4. Who we heard from against local births (``bot.reports.representation``).
5. Response times and ratings.

Everything follows the small-number rule. HTML by default; PDF with fpdf2, the posters' PDF library,
with a Noto or DejaVu font found on this machine.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

from sqlalchemy.orm import Session

from bot.reports import representation
from bot.reports.representation import TEMPLATES
from bot.review.themes import labels as theme_labels
from bot.services import Services
from flows.representation import ETHNIC_GROUPS
from flows.small_numbers import enough, shown
from storage import actions, yearly
from storage.models import Action

QUOTES_PER_THEME = 2
QUOTE_LENGTH = 240
THEMES_SHOWN = 8


@dataclass(frozen=True)
class Row:
    """One "We have…" row of the form: Yes, No or Working on it, and the notes."""

    what: str
    answer: str
    notes: str


@dataclass
class Yearly:
    site: str
    year: int
    start: datetime
    end: datetime
    generated: datetime
    told: int = 0
    form: list[Row] = field(default_factory=list)
    themes: list[tuple[str, str, list[str]]] = field(default_factory=list)
    made: list[Action] = field(default_factory=list)
    planned: int = 0
    heard_from: representation.Representation | None = None
    replied: int = 0
    median_hours: float | None = None
    within_target: str = ""
    target_days: int = 0
    ratings: dict[int, str] = field(default_factory=dict)
    average_rating: float | None = None


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= QUOTE_LENGTH else text[:QUOTE_LENGTH].rsplit(" ", 1)[0] + "…"


def build(session: Session, services: Services, site: str, year: int) -> Yearly:
    start, end = datetime(year, 1, 1, tzinfo=UTC), datetime(year + 1, 1, 1, tzinfo=UTC)
    found = Yearly(site=site, year=year, start=start, end=end, generated=datetime.now(UTC))
    found.heard_from = representation.build(
        session, site, start, end, f"in {year}", services.settings.population_file
    )
    found.told = found.heard_from.told
    names = theme_labels()
    counts = Counter(theme for themes in yearly.theme_lists(session, site, start, end) for theme in themes)
    quotes: dict[str, list[str]] = {}
    for _ref, themes, text in yearly.quotable(session, site, start, end):
        for theme in themes:
            if len(quotes.setdefault(theme, [])) < QUOTES_PER_THEME:
                quotes[theme].append(_quote(text))
    found.themes = [
        (names.get(slug, slug), shown(count), quotes.get(slug, []) if enough(count) else [])
        for slug, count in counts.most_common(THEMES_SHOWN)
    ]
    found.made = actions.made_between(session, site, start, end)
    found.planned = sum(
        1 for action in actions.for_site(session, site, limit=1000) if action.status != "made"
    )
    hours = [
        (answered - told).total_seconds() / 3600
        for told, answered in yearly.reply_times(session, site, start, end)
    ]
    found.replied = len(hours)
    found.target_days = services.settings.reply_target_days
    if enough(len(hours)):
        found.median_hours = round(statistics.median(hours), 1)
        found.within_target = shown(sum(hour <= found.target_days * 24 for hour in hours))
    given = yearly.ratings(session, site, start, end)
    found.ratings = {rating: shown(given.get(rating, 0)) for rating in range(1, 6)}
    if enough(sum(given.values())):
        found.average_rating = round(sum(r * n for r, n in given.items()) / sum(given.values()), 1)
    found.form = _form(found)
    return found


def _form(found: Yearly) -> list[Row]:
    rep = found.heard_from
    reached = rep.champions if rep else []
    communities = sorted({row.label for row in reached if row.label})
    least = rep.sentence if rep else ""
    return [
        Row(
            "Links with key community and special interest organisations",
            "Yes" if reached else "Working on it",
            f"{len(reached)} champion {'code' if len(reached) == 1 else 'codes'} brought women to the line"
            + (f" ({', '.join(communities[:6])})" if communities else "")
            + "."
            if reached
            else "No champion code brought a story this year.",
        ),
        Row(
            "Issues raised and/or addressed",
            "Yes" if found.themes else "No",
            "; ".join(f"{name} ({count})" for name, count, _ in found.themes[:5]) or "No themes confirmed.",
        ),
        Row(
            "What has been improved?",
            "Yes" if found.made else ("Working on it" if found.planned else "No"),
            f"Changes made: {len(found.made)}; planned: {found.planned}.",
        ),
        Row(
            "Compared who we hear from with local births",
            "Yes" if rep and not rep.fallback else "Working on it",
            least,
        ),
        Row(
            "Answered every woman who asked",
            "Yes" if found.median_hours is not None else "Working on it",
            f"{shown(found.replied)} replies; half within {found.median_hours} hours."
            if found.median_hours is not None
            else f"{shown(found.replied)} replies.",
        ),
    ]


def render_html(services: Services, site: str, year: int) -> str:
    with services.db.reading() as session:
        found = build(session, services, site, year)
        return TEMPLATES.get_template("yearly.html").render(
            report=found, rep=found.heard_from, shown=shown, ethnic_groups=ETHNIC_GROUPS
        )


# --- PDF -------------------------------------------------------------------------------------------

NHS_BLUE = (0, 94, 184)
DARK = (33, 43, 50)
GREY = (76, 98, 114)
RED = (213, 40, 27)


@cache
def _fonts() -> tuple[str, str] | None:
    """A Noto Sans (else DejaVu Sans) regular and bold, as the posters use; None: core Helvetica."""
    found = shutil.which("fc-match")
    for family in ("Noto Sans", "DejaVu Sans"):
        if found is None:
            break
        try:
            regular = subprocess.run(
                [found, "-f", "%{file}", f"{family}:style=Regular"], capture_output=True, text=True, timeout=5
            ).stdout.strip()
            bold = subprocess.run(
                [found, "-f", "%{file}", f"{family}:style=Bold"], capture_output=True, text=True, timeout=5
            ).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            return None
        if regular.endswith(".ttf") and bold.endswith(".ttf") and family.split()[0] in Path(regular).name:
            return regular, bold
    return None


def render_pdf(services: Services, site: str, year: int) -> bytes:
    """The same report as an A4 PDF."""
    from fpdf import FPDF

    with services.db.reading() as session:
        report = build(session, services, site, year)
    pdf = FPDF(format="A4")
    pdf.set_margins(16, 16, 16)
    pdf.set_auto_page_break(True, 16)
    fonts = _fonts()
    family = "Helvetica"
    if fonts is not None:
        pdf.add_font("Report", "", fonts[0])
        pdf.add_font("Report", "B", fonts[1])
        family = "Report"

    def text(value: str) -> str:
        return value if fonts is not None else value.encode("latin-1", "replace").decode("latin-1")

    def heading(value: str, size: float = 15) -> None:
        pdf.ln(3)
        pdf.set_font(family, "B", size)
        pdf.set_text_color(*NHS_BLUE)
        pdf.multi_cell(0, size * 0.5, text(value), new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(*DARK)
        pdf.ln(1)

    def para(value: str, size: float = 10, colour: tuple[int, int, int] = DARK, bold: bool = False) -> None:
        pdf.set_font(family, "B" if bold else "", size)
        pdf.set_text_color(*colour)
        pdf.multi_cell(0, size * 0.5, text(value), new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(*DARK)

    pdf.set_title(f"allvoices yearly report: {site}, {year}")
    pdf.add_page()
    pdf.set_fill_color(*NHS_BLUE)
    pdf.rect(0, 0, 210, 30, "F")
    pdf.set_xy(16, 9)
    pdf.set_font(family, "B", 18)
    pdf.set_text_color(255, 255, 255)
    pdf.cell(0, 8, text(f"Annual report: addressing inequalities, {year}"))
    pdf.set_xy(16, 30 + 4)
    para(f"{site}. Stories told through allvoices in {year}: {shown(report.told)}.", 11, bold=True)
    para(f"Made {report.generated:%-d %B %Y}. No count or share here comes from fewer than 5 women.", 8, GREY)

    heading("We have…")
    pdf.set_fill_color(255, 255, 255)
    pdf.set_draw_color(*GREY)
    with pdf.table(col_widths=(60, 24, 94), text_align=("LEFT", "LEFT", "LEFT"), line_height=5) as table:
        pdf.set_font(family, "B", 9)
        table.row([text("We have…"), "", text("Notes, links, achievements")])
        pdf.set_font(family, "", 9)
        for row in report.form:
            table.row([text(row.what), text(row.answer), text(row.notes)])

    heading("1. Community links")
    rep = report.heard_from
    if rep and rep.champions:
        for reach in rep.champions:
            para(f"{reach.key} ({reach.label or 'community not given'}): {reach.women} women.")
    else:
        para("No champion code brought a story this year.")

    heading("2. Issues raised")
    for name, count, quotes in report.themes:
        para(f"{name}: {count} stories", bold=True)
        for quote in quotes:
            para(f"“{quote}”", 9, GREY)
    if not report.themes:
        para("No themes confirmed this year.")

    heading("3. What has improved: you said, we did")
    for action in report.made:
        para(f"You said: {action.you_said}", bold=True)
        para(f"We did: {action.change or action.we_did}")
        pdf.ln(1)
    if not report.made:
        para("No changes recorded as made this year.")

    heading("4. Who we heard from, against local births")
    if rep is not None:
        para(rep.sentence, 10, bold=True)
        for dimension in rep.dimensions:
            if not dimension.answered:
                continue
            para(dimension.label, 10, NHS_BLUE, bold=True)
            for group in dimension.groups:
                heard = "fewer than 5" if group.heard is None else str(group.heard)
                share = "" if group.share is None else f", {group.share * 100:.0f}% of those who answered"
                births = "" if group.births_share is None else f"; {group.births_share * 100:.0f}% of births"
                ratio = (
                    f"; ratio {group.ratio:.2f} ({group.low:.2f}–{group.high:.2f})"
                    if group.ratio is not None and group.low is not None and group.high is not None
                    else ""
                )
                flag = " — under-heard" if group.under_heard else ""
                para(
                    f"{group.label}: {heard}{share}{births}{ratio}{flag}",
                    9,
                    RED if group.under_heard else DARK,
                )
        para("Compared with: " + "; ".join(rep.sources), 8, GREY)

    heading("5. Response times and ratings")
    para(
        f"{shown(report.replied)} stories answered."
        + (
            f" Half within {report.median_hours} hours; {report.within_target} within the"
            f" {report.target_days}-day target."
            if report.median_hours is not None
            else ""
        )
    )
    if report.average_rating is not None:
        para(f"Women rated the replies {report.average_rating} out of 5 on average.")
    para("Ratings: " + ", ".join(f"{rating}: {count}" for rating, count in report.ratings.items()), 9, GREY)
    return bytes(pdf.output())
