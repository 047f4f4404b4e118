"""Quotes for the public page: a lead picks a few words from a story whose teller said yes, takes out
anything that could identify her, and publishes them; or takes them down.

Only moderated stories are offered, and only while she still agrees (a WITHDRAW deletes her quotes at
once). The anonymiser reads the quote before it goes out: anything it still finds must be taken out first.
"""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue

from bot.privacy.anonymise import anonymise
from bot.web.auth import me, requires
from bot.web.current import services, transaction
from bot.web.sites import slug_of
from flows.review import MODERATED_OR_LATER, Permission
from storage import audit, quotes, stories

blueprint = Blueprint("quotes", __name__, url_prefix="/review")
#: short: a quote, not a story
LONGEST = 300


@blueprint.get("/quotes")
@requires(Permission.ACTIONS)
def index() -> ResponseReturnValue:
    with services().db.reading() as session:
        return render_template(
            "review/quotes.html",
            offered=quotes.offered(session),
            published=quotes.published(session),
            slug_of=slug_of,
            sites=services().settings.sites,
            longest=LONGEST,
        )


@blueprint.post("/quotes/<ref>")
@requires(Permission.ACTIONS)
def publish(ref: str) -> ResponseReturnValue:
    text = " ".join(request.form.get("text", "").split())
    with transaction() as session:
        story = stories.by_ref(session, ref)
        if story is None or not story.quote_ok or story.status not in MODERATED_OR_LATER:
            flash("That story cannot be quoted: she has not said yes, or it is not moderated yet.")
        elif not text or len(text) > LONGEST:
            flash(f"Write a short quote: up to {LONGEST} characters.")
        elif "[" in text or anonymise(text, "en").entities or anonymise(text, story.lang).entities:
            flash("The quote may still identify someone (a name, number or place). Take it out first.")
        else:
            quotes.publish(session, story, text, me().username)
            audit.record(session, me().username, "quote_published", story.ref)
            flash(f"Published on the page for {story.site or 'every site'}.")
    return redirect(url_for("quotes.index"))


@blueprint.post("/quotes/published/<int:quote_id>/remove")
@requires(Permission.ACTIONS)
def remove(quote_id: int) -> ResponseReturnValue:
    with transaction() as session:
        quote = quotes.get(session, quote_id)
        if quote is None:  # she withdrew it, or a colleague took it down first
            flash("That quote is already off the public page.")
            return redirect(url_for("quotes.index"))
        story = quotes.story_of(session, quote)
        quotes.remove(session, quote)
        audit.record(session, me().username, "quote_removed", story.ref if story else None)
    flash("The quote is off the public page.")
    return redirect(url_for("quotes.index"))
