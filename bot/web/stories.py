"""One story: what staff read, her answers, media for moderators, themes, and letting go of a claim.

Responders see redacted text only. Her raw words and her media are shown to moderators (and leads) while
they check the redactions, and every such view is audited. Her address never reaches a template.
"""

from __future__ import annotations

from flask import (
    Blueprint,
    Response as FlaskResponse,
    abort,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask.typing import ResponseReturnValue
from sqlalchemy.orm import Session

from bot.privacy.anonymise import ENTITY_TYPES
from bot.review import moderation, replies, themes, translation
from bot.web.auth import me, requires
from bot.web.common import (
    back_to,
    held_by_other,
    let_go,
    now,
    refuse_if_held,
    small_number,
    story_or_404,
    wait_of,
    working_on,
)
from bot.web.current import services
from flows import review as workflow
from flows.review import Move, Permission, Status
from flows.story import FOLLOW_UPS
from storage import (
    actions as stored_actions,
    alerts,
    audit,
    media as stored_media,
    replies as stored_replies,
    staff,
)
from storage.models import Story

blueprint = Blueprint("stories", __name__, url_prefix="/review")

CRITICALITY = ("urgent", "high", "routine")
#: the media types a browser may play or show inline; anything else is offered as a download
PLAYABLE = ("audio/", "image/", "video/")


def render_story(session: Session, story: Story, pending: list[moderation.Span] | None = None) -> str:
    """The story page. Moderators checking the redactions see her raw words: that view is audited."""
    moment = now()
    moderating = _shows_raw_words(story)
    raw_segments: list[moderation.Segment] = []
    spans: list[moderation.Span] = []
    if moderating and story.raw_sealed is not None:
        raw = services().vault.open(story.raw_sealed)
        spans = pending if pending is not None else moderation.spans_of(story)
        raw_segments = moderation.segments(raw, spans)
        audit.record(session, me().username, "raw_viewed", story.ref)
        preview = moderation.redact(raw, spans)
    else:
        preview = story.redacted_text or ""
    english = replies.story_english(story)
    template_id = small_number(request.args.get("template", ""))
    names = staff.display_names(session)
    return render_template(
        "review/story.html",
        story=story,
        now=moment,
        wait=wait_of(story, moment),
        claimed_by_other=held_by_other(story, moment),
        working=working_on(story, moment),
        claimer=names.get(story.claimed_by or "", story.claimed_by),
        moderating=moderating,
        can_draft=workflow.can_move(story.status, Move.DRAFT_REPLY, me().role),
        raw_segments=raw_segments,
        spans=spans,
        preview=preview,
        entity_types=ENTITY_TYPES,
        english=english,
        suggested=themes.suggest([english, *(story.answers.get(f"{key}_en") for key in FOLLOW_UPS)])
        if english
        else [],
        all_themes=themes.themes(),
        criticality=CRITICALITY,
        machine_translation=translation.set_up(services().settings),
        media=stored_media.stored_for_story(session, story.id) if me().can(Permission.MODERATE) else [],
        alerts=alerts.for_story(session, story.id),
        changes=stored_actions.for_story(session, story.ref) if story.ref else [],
        responses=story.responses,
        templates=stored_replies.templates(session),
        chosen_template=stored_replies.template(session, template_id) if template_id is not None else None,
        history=list(reversed(audit.recent(session, story_ref=story.ref))),
        names=names,
        me=me(),
    )


@blueprint.get("/story/<ref>")
@requires(Permission.VIEW)
def view(ref: str) -> ResponseReturnValue:
    """Reading a story never claims it: the claim comes when someone starts work on it.

    A page that shows a moderator her raw words writes that view to the audit log, so it takes the
    write lock; every other view only reads, and never holds up her messages.
    """
    with services().db.reading() as session:
        found = story_or_404(session, ref)
        if not _shows_raw_words(found):
            return render_story(session, found)
    with services().db.session() as session:
        return render_story(session, story_or_404(session, ref))


def _shows_raw_words(story: Story) -> bool:
    """A moderator (not held off by a colleague's claim) checks a new story's redactions."""
    return story.status == Status.NEW and me().can(Permission.MODERATE) and not held_by_other(story)


@blueprint.post("/story/<ref>/release")
@requires(Permission.VIEW)
def release(ref: str) -> ResponseReturnValue:
    """Let go of a story without finishing it, so someone else can pick it up at once."""
    with services().db.session() as session:
        found = story_or_404(session, ref)
        if found.claimed_by == me().username:
            let_go(found)
    return redirect(url_for("queue.index"))


@blueprint.post("/story/<ref>/themes")
@requires(Permission.MODERATE)
def set_themes(ref: str) -> ResponseReturnValue:
    """A person confirms the themes (suggested from her words) and how critical the story is."""
    with services().db.session() as session:
        found = story_or_404(session, ref)
        if refuse_if_held(session, found):
            return back_to(ref)
        chosen = themes.valid(request.form.getlist("theme"))
        level = request.form.get("criticality", "")
        found.themes = chosen
        found.criticality = level if level in CRITICALITY else None
        audit.record(
            session, me().username, "themes_set", found.ref, themes=chosen, criticality=found.criticality
        )
    flash("Themes and criticality saved.")
    return back_to(ref)


@blueprint.post("/story/<ref>/translation")
@requires(Permission.MODERATE)
def translate_by_hand(ref: str) -> ResponseReturnValue:
    """A moderator or lead who reads her language (or has an interpreter) writes the English."""
    with services().db.session() as session:
        found = story_or_404(session, ref)
        if found.status not in workflow.MODERATED_OR_LATER:
            flash("A moderator must confirm the redactions before the story is translated.")
            return back_to(ref)
        if refuse_if_held(session, found):
            return back_to(ref)
        try:
            translation.translate_by_hand(session, found, request.form.get("english", ""), me().username)
        except translation.NotTranslated as refused:
            flash(str(refused))
            return back_to(ref)
    flash("Thank you. Your English translation is saved.")
    return back_to(ref)


@blueprint.get("/media/<int:media_id>")
@requires(Permission.MODERATE)
def media(media_id: int) -> ResponseReturnValue:
    """A voice note or photo, decrypted for a moderator; never cached, every view audited."""
    with services().db.session() as session:
        item = stored_media.get(session, media_id)
        if item is None or item.data_sealed is None or item.status != "stored":
            abort(404)
        owner = stored_media.story_of(session, item)
        audit.record(session, me().username, "media_viewed", owner.ref if owner else None, media=item.id)
        data = services().vault.open_bytes(item.data_sealed)
        content_type = (
            item.content_type if item.content_type.startswith(PLAYABLE) else "application/octet-stream"
        )
    response = FlaskResponse(data, content_type=content_type)
    response.headers["Cache-Control"] = "no-store"
    if content_type == "application/octet-stream":
        response.headers["Content-Disposition"] = f'attachment; filename="media-{media_id}"'
    return response
