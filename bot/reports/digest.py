"""The weekly digest for one site: what women told us, what we did, and who we have not heard from.

Built only from moderated, redacted stories. "Who we heard from" looks at the quarter to the digest's
week (13 weeks: a week alone is too few women to compare) and sets it against the site's births
(``bot.reports.representation``); no count, share or chart comes from fewer than 5 women.
"""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from html import escape

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup
from sqlalchemy.orm import Session

from bot.clients.mail import send_email
from bot.reports import representation
from bot.review.alerts import RISK_WORDS
from bot.review.themes import labels as theme_labels
from bot.services import Services
from channels.base import CHANNEL_LABELS
from channels.simulator import simulated
from flows.languages import BY_CODE
from flows.representation import ETHNIC_GROUPS
from flows.review import MODERATED_OR_LATER, Status
from flows.small_numbers import safe_count, shown
from storage import actions, alerts, replies, stories
from storage.models import Action, Alert

QUOTES = 5
#: "who we heard from" looks back over this many weeks, ending with the digest's week
REPRESENTATION_WEEKS = 13
#: the digest renders on its own, for a file or an email, without building the web app
TEMPLATES = Environment(
    loader=PackageLoader("bot.reports", "templates"), autoescape=select_autoescape(default=True)
)


@dataclass
class Digest:
    site: str
    week: str
    start: datetime
    end: datetime
    stories_in: int = 0
    #: of ``stories_in``, how many were made up in the simulator (labelled, never from a real person)
    simulated: int = 0
    previous_in: int = 0
    languages: list[tuple[str, int]] = field(default_factory=list)
    channels: list[tuple[str, int]] = field(default_factory=list)
    themes: list[tuple[str, int, int]] = field(default_factory=list)
    #: (reference, quote, simulated)
    quotes: list[tuple[str, str, bool]] = field(default_factory=list)
    urgent: list[Alert] = field(default_factory=list)
    #: stories marked "check soon": a possible risk a person read within minutes, without alerting on-call
    check_soon: int = 0
    replied: int = 0
    median_reply_hours: float | None = None
    within_target: int = 0
    #: replies a lead approved over the checker's blocking findings: a rising count means staff distrust it
    overrides: int = 0
    ratings: list[int] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    heard_from: representation.Representation | None = None
    charts: dict[str, Markup] = field(default_factory=dict)

    @property
    def average_rating(self) -> float | None:
        return round(statistics.mean(self.ratings), 1) if self.ratings else None


def parse_week(week: str) -> tuple[datetime, datetime]:
    """ "2026-W47" → Monday 00:00 UTC of that ISO week, and the Monday after (9999's last week has none)."""
    try:
        year, number = week.upper().split("-W")
        monday = date.fromisocalendar(int(year), int(number), 1)
        start = datetime(monday.year, monday.month, monday.day, tzinfo=UTC)
        return start, start + timedelta(days=7)
    except (ValueError, OverflowError) as error:
        raise ValueError(f"{week!r} is not an ISO week like 2026-W47") from error


def last_week(now: datetime | None = None) -> str:
    year, week, _ = ((now or datetime.now(UTC)) - timedelta(days=7)).isocalendar()
    return f"{year}-W{week:02d}"


def build(session: Session, services: Services, site: str, week: str) -> Digest:
    start, end = parse_week(week)
    digest = Digest(site=site, week=week, start=start, end=end)
    seen = (*MODERATED_OR_LATER, Status.NEW)
    this_week = stories.submitted_between(session, site, start, end, seen)
    before = stories.submitted_between(session, site, start - timedelta(days=7), start, seen)
    digest.stories_in, digest.previous_in = len(this_week), len(before)
    digest.simulated = sum(simulated(story.transport) for story in this_week)
    digest.languages = Counter(
        BY_CODE[s.lang].english_name if s.lang in BY_CODE else s.lang for s in this_week
    ).most_common()
    digest.channels = Counter(CHANNEL_LABELS.get(s.channel, s.channel) for s in this_week).most_common()
    now_themes = Counter(theme for story in this_week for theme in story.themes)
    then_themes = Counter(theme for story in before for theme in story.themes)
    names = theme_labels()
    digest.themes = [
        (names.get(slug, slug), count, then_themes.get(slug, 0)) for slug, count in now_themes.most_common()
    ]
    moderated = [story for story in this_week if story.status in MODERATED_OR_LATER]
    digest.quotes = [
        (
            story.ref or "",
            _quote(story.translation_en or (story.redacted_text if story.lang == "en" else None)),
            simulated(story.transport),
        )
        for story in moderated
        if (story.translation_en or story.lang == "en") and story.redacted_text
    ][:QUOTES]
    digest.urgent = alerts.raised_between(session, site, start, end)
    digest.check_soon = sum(1 for story in this_week if story.check_soon_at is not None and not story.urgent)
    replied = stories.replied_between(session, site, start, end)
    hours = [
        (story.replied_at - story.submitted_at).total_seconds() / 3600
        for story in replied
        if story.replied_at and story.submitted_at
    ]
    digest.replied = len(replied)
    digest.median_reply_hours = round(statistics.median(hours), 1) if hours else None
    target = services.settings.reply_target_days * 24
    digest.within_target = sum(hour <= target for hour in hours)
    digest.overrides = replies.overridden_between(session, site, start, end)
    digest.ratings = [story.rating for story in replied if story.rating]
    digest.actions = actions.for_site(session, site)
    digest.heard_from = representation.build(
        session,
        site,
        end - timedelta(weeks=REPRESENTATION_WEEKS),
        end,
        "in the last 13 weeks",
        services.settings.population_file,
    )
    digest.charts = _charts(digest)
    return digest


def _quote(text: str | None, limit: int = 280) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"


def _charts(digest: Digest) -> dict[str, Markup]:
    """Charts as inline SVG: they show in a browser, a saved file and the dashboard alike, cost nothing
    to draw, and carry no image to block."""
    charts: dict[str, Markup] = {}
    # the small-number rule: a bar is drawn only for a theme both weeks' counts of which may be shown
    themes = [
        theme
        for theme in digest.themes
        if safe_count(theme[1]) is not None and safe_count(theme[2]) is not None
    ]
    if themes:
        charts["themes"] = _theme_chart(themes)
    return charts


def _theme_chart(themes: list[tuple[str, int, int]], width: int = 640) -> Markup:
    row, left, right = 30, 230, 50
    top = max(max(now, then) for _, now, then in themes) or 1
    scale = (width - left - right) / top
    height = row * len(themes) + 34
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="Arial, sans-serif" font-size="12">',
        "<title>Stories per theme this week and the week before</title>",
    ]
    for index, (name, now, then) in enumerate(themes):
        y = 8 + index * row
        parts.append(f'<text x="{left - 6}" y="{y + 13}" text-anchor="end">{escape(name[:36])}</text>')
        parts.append(f'<rect x="{left}" y="{y + 2}" width="{now * scale:.1f}" height="12" fill="#005eb8"/>')
        parts.append(f'<rect x="{left}" y="{y + 15}" width="{then * scale:.1f}" height="6" fill="#aeb7bd"/>')
        parts.append(f'<text x="{left + now * scale + 4:.1f}" y="{y + 12}">{now}</text>')
    legend = 8 + len(themes) * row + 4
    parts.append(
        f'<rect x="{left}" y="{legend}" width="12" height="10" fill="#005eb8"/>'
        f'<text x="{left + 16}" y="{legend + 9}">This week</text>'
        f'<rect x="{left + 100}" y="{legend}" width="12" height="10" fill="#aeb7bd"/>'
        f'<text x="{left + 116}" y="{legend + 9}">Week before</text></svg>'
    )
    return Markup("".join(parts))


def _html(template: str, services: Services, site: str, week: str) -> str:
    with services.db.reading() as session:
        digest = build(session, services, site, week)
        return TEMPLATES.get_template(template).render(
            digest=digest, risk_words=RISK_WORDS, shown=shown, ethnic_groups=ETHNIC_GROUPS
        )


def render(services: Services, site: str, week: str) -> str:
    """The digest as one self-contained HTML page (charts embedded), for a file, a browser or email."""
    return _html("digest.html", services, site, week)


def render_body(services: Services, site: str, week: str) -> Markup:
    """The digest's content alone, for a page of the dashboard to show inside its own layout."""
    return Markup(_html("_digest_body.html", services, site, week))


def send_weekly(services: Services, now: datetime | None = None) -> int:
    """Each Monday: last week's digest for every site, by email to ALLVOICES_DIGEST_EMAILS."""
    if not services.settings.digest_emails or not services.settings.smtp_url:
        return 0
    week = last_week(now)
    for site in services.settings.sites:
        html = render(services, site, week)
        send_email(
            services.settings,
            services.settings.digest_emails,
            f"allvoices weekly digest: {site}, {week}",
            f"The allvoices digest for {site}, week {week}, is attached as HTML. Open it in a browser.",
            html=html,
        )
    return len(services.settings.sites)
