"""The queue: every story someone still has to act on, urgent first, with filters and counts."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue

from bot.web.auth import me, requires
from bot.web.common import back_to, now, overdue_before, wait_of
from bot.web.current import services
from channels.base import CHANNELS
from flows import review as workflow
from flows.catalog import available_languages
from flows.review import Permission
from storage import queue as stories_queue, staff
from storage.queue import QueueFilter

blueprint = Blueprint("queue", __name__, url_prefix="/review")


def _date(value: str) -> date | None:
    try:
        return date.fromisoformat(value.strip()) if value.strip() else None
    except ValueError:
        return None


def filters_from(args: Any) -> QueueFilter:
    """The queue's filters from the query string; anything unknown is ignored, never an error."""
    status = args.get("status", "")
    channel = args.get("channel", "")
    return QueueFilter(
        status=status if status in workflow.STAFF_STATUSES else "",
        site=args.get("site", "").strip(),
        lang=args.get("lang", "").strip(),
        theme=args.get("theme", "").strip(),
        channel=channel if channel in CHANNELS else "",
        champion=args.get("champion", "").strip().upper(),
        q=args.get("q", "").strip()[:200],
        since=_date(args.get("since", "")),
        until=_date(args.get("until", "")),
        urgent=args.get("urgent") == "1",
        check_soon=args.get("check_soon") == "1",
    )


@blueprint.get("", strict_slashes=False)
@requires(Permission.VIEW)
def index() -> ResponseReturnValue:
    filters = filters_from(request.args)
    page = request.args.get("page", "1")
    number = int(page) if page.isdigit() and 0 < int(page) < 10_000 else 1
    moment = now()
    target = services().settings.reply_target_days
    with services().db.reading() as session:
        found = stories_queue.page(session, filters, number)
        head = stories_queue.summary(session, filters, overdue_before(moment, target))
        return render_template(
            "review/queue.html",
            stories=found,
            waits={story.id: wait_of(story, moment) for story in found},
            counts=head.counts,
            urgent_count=head.urgent,
            overdue=head.overdue,
            page=number,
            more=len(found) == stories_queue.PAGE_SIZE,
            check_soon_count=head.check_soon,
            filters=filters,
            statuses=workflow.STAFF_STATUSES,
            sites=services().settings.sites,
            languages=available_languages(),
            channels=CHANNELS,
            names=staff.display_names(session),
            now=moment,
        )


@blueprint.get("/next")
@requires(Permission.VIEW)
def next_story() -> ResponseReturnValue:
    """One click to the most pressing story this person can move on, skipping ones someone else has."""
    with services().db.reading() as session:
        found = stories_queue.next_for(session, workflow.next_statuses(me().role), me().username, now())
        if found is not None and found.ref is not None:
            return back_to(found.ref)
    flash("There is nothing waiting for you right now.")
    return redirect(url_for("queue.index"))
