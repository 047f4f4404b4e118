"""What several dashboard blueprints share: the app's services, finding a story, claims, reply waits,
and the helpers every template may call."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from flask import Flask, abort, flash, redirect, url_for
from flask.typing import ResponseReturnValue
from sqlalchemy.orm import Session

from bot.review import themes
from bot.web.auth import me
from bot.web.current import services
from channels.base import CHANNEL_LABELS
from channels.simulator import simulated
from flows import review as workflow
from flows.languages import BY_CODE
from flows.review import Status
from flows.small_numbers import shown
from flows.story import ABOUT_LABELS, FOLLOW_UP_LABELS
from storage import staff, stories
from storage.models import StaffUser, Story


def now() -> datetime:
    return datetime.now(UTC)


def story_or_404(session: Session, ref: str) -> Story:
    """A story staff may see: submitted, or urgent while she is still telling it."""
    story = stories.by_ref(session, ref)
    if story is None or (story.status == Status.DRAFT and not story.urgent):
        abort(404)
    return story


def signed_in_user(session: Session) -> StaffUser:
    user = staff.get(session, me().id)
    if user is None:
        abort(403)
    return user


def small_number(text: str, below: int = 2**31) -> int | None:
    """A number typed into an address or a form ("3"), or None: "²" is a digit to ``str.isdigit`` but
    not to ``int``, and an id past what the database holds names no row."""
    if not (text.isascii() and text.isdigit()) or int(text) >= below:
        return None
    return int(text)


def back_to(ref: str) -> ResponseReturnValue:
    return redirect(url_for("stories.view", ref=ref))


# --- claims: a story is held for one person while they work on it -----------------------------------


def held_by_other(story: Story, at: datetime | None = None) -> bool:
    return workflow.held_by_other(story.claimed_by, story.claimed_until, me().username, at or now())


def working_on(story: Story, at: datetime | None = None) -> bool:
    """This person started work on it and still holds it."""
    return story.claimed_by == me().username and not workflow.claim_expired(story.claimed_until, at or now())


def start_work(session: Session, story: Story) -> bool:
    """Take (or renew) the claim as this person starts work on the story; False when someone else has it.

    A claim is taken only here, when someone moderates, drafts or approves: reading a story never holds it.
    """
    if refuse_if_held(session, story):
        return False
    story.claimed_by = me().username
    story.claimed_until = now() + workflow.CLAIM_FOR
    return True


def refuse_if_held(session: Session, story: Story) -> bool:
    """Someone else is working on it: say who, and change nothing."""
    if not held_by_other(story):
        return False
    holder = staff.display_names(session).get(story.claimed_by or "", story.claimed_by)
    flash(f"{holder} is working on this story. Please wait until they have finished.")
    return True


def let_go(story: Story) -> None:
    story.claimed_by = None
    story.claimed_until = None


# --- how long she has waited -------------------------------------------------------------------------


def working_days(start: datetime, end: datetime) -> int:
    """Whole working days (Monday to Friday) from ``start`` to ``end``: the reply target is in these."""
    first, last = start.date(), end.date()
    if last <= first:
        return 0
    whole_weeks, extra = divmod((last - first).days, 7)
    days = whole_weeks * 5
    for offset in range(1, extra + 1):
        if (first + timedelta(days=offset)).weekday() < 5:
            days += 1
    return days


def overdue_before(now: datetime, target_days: int) -> datetime:
    """Stories told before this moment are past the reply target today (``working_days`` > target)."""
    day = now.date()
    while working_days(datetime.combine(day, datetime.min.time(), UTC), now) <= target_days:
        day -= timedelta(days=1)
    return datetime.combine(day + timedelta(days=1), datetime.min.time(), UTC)


@dataclass(frozen=True)
class Wait:
    days: int
    target: int

    @property
    def overdue(self) -> bool:
        return self.days > self.target

    @property
    def due_today(self) -> bool:
        return self.days == self.target


def wait_of(story: Story, at: datetime) -> Wait | None:
    if story.submitted_at is None or not workflow.reply_clock_running(story.status, submitted=True):
        return None
    return Wait(working_days(story.submitted_at, at), services().settings.reply_target_days)


# --- what every template may call --------------------------------------------------------------------


def _when(moment: datetime | None) -> str:
    return moment.strftime("%-d %b %Y, %H:%M") if moment else ""


def _language_name(code: str) -> str:
    language = BY_CODE.get(code)
    return language.english_name if language else code


def _reject_page(args: dict[str, str]) -> dict[str, str]:
    """The query string's filters without its page number, for links to other pages."""
    return {key: value for key, value in args.items() if key != "page"}


def init_app(app: Flask) -> None:
    """Filters and names the dashboard's templates share, one source for each list."""
    app.add_template_filter(_when, "when")
    app.add_template_filter(_reject_page, "reject_page")
    app.add_template_global(_language_name, "language_name")
    app.add_template_global(themes.labels, "theme_labels")
    app.add_template_global(simulated, "simulated")
    app.add_template_global(shown, "shown")
    app.jinja_env.globals.update(
        workflow=workflow,
        Status=Status,
        channel_labels=CHANNEL_LABELS,
        follow_up_labels=FOLLOW_UP_LABELS,
        about_labels=ABOUT_LABELS,
    )
