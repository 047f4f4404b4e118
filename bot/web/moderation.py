"""Moderation: a moderator checks what was taken out of her words before anyone else reads them."""

from __future__ import annotations

from datetime import timedelta

from flask import Blueprint, flash, request
from flask.typing import ResponseReturnValue

from bot.review import moderation
from bot.web.auth import me, requires
from bot.web.common import back_to, small_number, start_work, story_or_404
from bot.web.current import services
from bot.web.stories import render_story
from flows.review import Permission, Status

blueprint = Blueprint("moderation", __name__, url_prefix="/review")


@blueprint.post("/story/<ref>/moderate")
@requires(Permission.MODERATE)
def moderate(ref: str) -> ResponseReturnValue:
    """Add a missed redaction, undo a wrong one, or confirm. Edits in progress travel in the form as
    offsets (never saved until confirmed), so an abandoned edit leaves the story as it was. The first
    edit claims the story, so a second moderator does not check it at the same time."""
    with services().db.session() as session:
        found = story_or_404(session, ref)
        if found.status != Status.NEW:
            flash("This story has already been moderated.")
            return back_to(ref)
        if found.raw_sealed is None or not start_work(session, found):
            return back_to(ref)
        raw = services().vault.open(found.raw_sealed)
        form = request.form
        spans = (
            moderation.decode(form.getlist("span"), raw) if form.get("edited") else moderation.spans_of(found)
        )
        undo = small_number(form.get("undo", ""))
        if undo is not None:
            spans = [span for number, span in enumerate(spans) if number != undo]
        elif form.get("add"):
            kind = form.get("type", "NAME")
            added = moderation.find(raw, form.get("words", ""), kind, spans)
            if not added:
                flash("Those words are not in her story (or are already taken out). Check the spelling.")
            spans = sorted([*spans, *added])
        else:
            keep = timedelta(days=services().settings.raw_retention_days)
            moderation.confirm(session, found, raw, spans, me().username, keep, services().vault)
            flash(f"{ref}: redactions confirmed. The story can now be translated and answered.")
            return back_to(ref)
        return render_story(session, found, pending=spans)
