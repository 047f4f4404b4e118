"""The staff dashboard: the queue, a story, moderation, themes, replies, alerts, actions and the audit log.

Responders see redacted text only. Her raw words and her media are shown to moderators (and leads) while
they check the redactions, and every such view is audited. Her address never reaches a template.
Opening a story claims it for a few minutes so two people never work on the same one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

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
from sqlalchemy import String, and_, case, cast, func, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from bot.clients.translators import TranslationError
from bot.privacy.anonymise import ENTITY_TYPES
from bot.review import alerts, moderation, replies, themes, translation
from bot.web.auth import PERMISSIONS, me, requires
from bot.web.helpers import services
from channels.base import CHANNELS
from flows.languages import BY_CODE
from storage import audit, staff, stories
from storage.models import Action, Alert, Inbound, Media, ReplyTemplate, Response, StaffUser, Story

blueprint = Blueprint("review", __name__, url_prefix="/review")

CLAIM_MINUTES = 10
CRITICALITY = ("urgent", "high", "routine")
#: what each role's "next story" is: the work only they can move on
NEXT_STATUSES = {
    "moderator": ("new",),
    "responder": ("moderated",),
    "lead": ("drafted", "new", "moderated"),
    "admin": ("drafted", "new", "moderated"),
}
#: the media types a browser may play or show inline; anything else is offered as a download
PLAYABLE = ("audio/", "image/", "video/")


# --- small helpers ------------------------------------------------------------------------------------


def _now() -> datetime:
    return datetime.now(UTC)


def _story(session: Session, ref: str) -> Story:
    story = stories.by_ref(session, ref)
    if story is None or (story.status == "draft" and not story.urgent):
        abort(404)
    return story


def _user(session: Session) -> StaffUser:
    user = session.get(StaffUser, me().id)
    if user is None:
        abort(403)
    return user


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


def _wait(story: Story, now: datetime) -> Wait | None:
    if story.submitted_at is None or story.status in ("replied", "closed", "withdrawn"):
        return None
    return Wait(working_days(story.submitted_at, now), services().settings.reply_target_days)


def _claimed_by_other(story: Story, now: datetime) -> bool:
    return (
        story.claimed_by is not None
        and story.claimed_by != me().username
        and story.claimed_until is not None
        and story.claimed_until > now
    )


#: the permissions that can move a story on from each stage
STAGE_WORK = {"new": ("moderate",), "moderated": ("draft",), "drafted": ("draft", "approve")}


def _claim(story: Story, now: datetime) -> None:
    """Opening a story holds it for a few minutes if this person can move it on (a responder reading a
    story still to be moderated does not block the moderator); let go when the work is saved."""
    can_work = any(me().can(permission) for permission in STAGE_WORK.get(story.status, ()))
    if can_work and not _claimed_by_other(story, now):
        story.claimed_by = me().username
        story.claimed_until = now + timedelta(minutes=CLAIM_MINUTES)


def _refuse_if_claimed(session: Session, story: Story) -> bool:
    if _claimed_by_other(story, _now()):
        holder = _names(session).get(story.claimed_by or "", story.claimed_by)
        flash(f"{holder} is working on this story. Please wait until they have finished.")
        return True
    return False


def _names(session: Session) -> dict[str, str]:
    """Usernames to display names, so pages say "Mo Khan" rather than a login."""
    return {user.username: user.display_name for user in session.scalars(select(StaffUser))}


def _back(ref: str) -> ResponseReturnValue:
    return redirect(url_for("review.story", ref=ref))


@blueprint.app_template_filter("when")
def _when(moment: datetime | None) -> str:
    return moment.strftime("%-d %b %Y, %H:%M") if moment else ""


@blueprint.app_template_global("language_name")
def _language_name(code: str) -> str:
    language = BY_CODE.get(code)
    return language.english_name if language else code


@blueprint.app_template_global("theme_labels")
def _theme_labels() -> dict[str, str]:
    return themes.labels()


@blueprint.errorhandler(403)
def _forbidden(_: Exception) -> ResponseReturnValue:
    return render_template("review/forbidden.html"), 403


# --- the queue ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Filters:
    """The queue's filters, read from the query string; every one optional."""

    status: str = ""
    site: str = ""
    lang: str = ""
    theme: str = ""
    channel: str = ""
    champion: str = ""
    q: str = ""
    since: date | None = None
    until: date | None = None
    urgent: bool = False

    @classmethod
    def from_args(cls, args: Any) -> Filters:
        return cls(
            status=args.get("status", "") if args.get("status", "") in stories.STATUSES else "",
            site=args.get("site", "").strip(),
            lang=args.get("lang", "").strip(),
            theme=args.get("theme", "").strip(),
            channel=args.get("channel", "") if args.get("channel", "") in CHANNELS else "",
            champion=args.get("champion", "").strip().upper(),
            q=args.get("q", "").strip()[:200],
            since=_date(args.get("since", "")),
            until=_date(args.get("until", "")),
            urgent=args.get("urgent") == "1",
        )

    def conditions(self, with_status: bool = True) -> list[ColumnElement[bool]]:
        found: list[ColumnElement[bool]] = [
            or_(Story.status != "draft", and_(Story.urgent.is_(True), Story.ref.is_not(None)))
        ]
        if with_status and self.status:
            found.append(Story.status == self.status)
        elif with_status:
            found.append(or_(Story.status.in_(stories.QUEUE_STATUSES), Story.status == "draft"))
        if self.urgent:
            found.append(Story.urgent.is_(True))
        if self.site:
            found.append(Story.site == self.site)
        if self.lang:
            found.append(Story.lang == self.lang)
        if self.channel:
            found.append(Story.channel == self.channel)
        if self.champion:
            found.append(Story.champion_code == self.champion)
        if self.theme:
            # Themes are a JSON list; its text form holds each slug in quotes on both databases.
            found.append(cast(Story.themes, String).like(f'%"{_like_escape(self.theme)}"%', escape="\\"))
        if self.since:
            found.append(Story.submitted_at >= datetime.combine(self.since, datetime.min.time(), UTC))
        if self.until:
            end = datetime.combine(self.until, datetime.min.time(), UTC) + timedelta(days=1)
            found.append(Story.submitted_at < end)
        if self.q:
            pattern = f"%{_like_escape(self.q)}%"
            found.append(
                or_(
                    Story.translation_en.ilike(pattern, escape="\\"),
                    and_(Story.lang == replies.ENGLISH, Story.redacted_text.ilike(pattern, escape="\\")),
                )
            )
        return found

    def active(self) -> bool:
        return any(
            (
                self.site,
                self.lang,
                self.theme,
                self.channel,
                self.champion,
                self.q,
                self.since,
                self.until,
                self.urgent,
            )
        )


def _date(value: str) -> date | None:
    try:
        return date.fromisoformat(value.strip()) if value.strip() else None
    except ValueError:
        return None


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


_ORDER = (case((Story.urgent, 0), else_=1), Story.submitted_at, Story.id)


@blueprint.get("", strict_slashes=False)
@requires("view")
def queue() -> ResponseReturnValue:
    filters = Filters.from_args(request.args)
    now = _now()
    with services().db.session() as session:
        found = list(session.scalars(select(Story).where(*filters.conditions()).order_by(*_ORDER).limit(200)))
        rows = session.execute(
            select(Story.status, func.count())
            .where(*filters.conditions(with_status=False))
            .group_by(Story.status)
        )
        counts = {status: int(count) for status, count in rows}
        urgent = session.scalar(
            select(func.count()).where(
                *filters.conditions(with_status=False),
                Story.urgent.is_(True),
                Story.status.in_((*stories.QUEUE_STATUSES, "draft")),
            )
        )
        waits = {story.id: _wait(story, now) for story in found}
        overdue = sum(1 for wait in waits.values() if wait is not None and wait.overdue)
        languages = sorted({lang for (lang,) in session.execute(select(Story.lang).distinct())})
        return render_template(
            "review/queue.html",
            stories=found,
            waits=waits,
            counts=counts,
            urgent_count=int(urgent or 0),
            overdue=overdue,
            filters=filters,
            statuses=stories.STATUSES,
            sites=services().settings.sites,
            languages=languages,
            channels=CHANNELS,
            names=_names(session),
            now=now,
        )


@blueprint.get("/next")
@requires("view")
def next_story() -> ResponseReturnValue:
    """One click to the most pressing story this person can move on, skipping ones someone else has."""
    now = _now()
    statuses = NEXT_STATUSES.get(me().role, ("new",))
    with services().db.session() as session:
        free = or_(
            Story.claimed_until.is_(None), Story.claimed_until <= now, Story.claimed_by == me().username
        )
        for status in statuses:
            found = session.scalars(
                select(Story).where(Story.status == status, free).order_by(*_ORDER).limit(1)
            ).first()
            if found is not None and found.ref is not None:
                return _back(found.ref)
    flash("There is nothing waiting for you right now.")
    return redirect(url_for("review.queue"))


# --- a story ------------------------------------------------------------------------------------------


def _media(session: Session, story: Story) -> list[Media]:
    return list(
        session.scalars(
            select(Media)
            .join(Inbound, Inbound.id == Media.inbound_id)
            .where(Inbound.story_id == story.id, Media.status == "stored")
            .order_by(Media.id)
        )
    )


def _render_story(session: Session, story: Story, pending: list[moderation.Span] | None = None) -> str:
    """The story page. Moderators checking the redactions see her raw words: that view is audited."""
    now = _now()
    moderating = story.status == "new" and me().can("moderate") and not _claimed_by_other(story, now)
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
    template_id = request.args.get("template", "")
    chosen = session.get(ReplyTemplate, int(template_id)) if template_id.isdigit() else None
    return render_template(
        "review/story.html",
        story=story,
        now=now,
        wait=_wait(story, now),
        claimed_by_other=_claimed_by_other(story, now),
        claimer=_names(session).get(story.claimed_by or "", story.claimed_by),
        moderating=moderating,
        raw_segments=raw_segments,
        spans=spans,
        preview=preview,
        entity_types=ENTITY_TYPES,
        english=english,
        suggested=themes.suggest(
            [english, *(story.answers.get(f"{key}_en") for key in ("well", "better", "culture"))]
        )
        if english
        else [],
        all_themes=themes.themes(),
        criticality=CRITICALITY,
        media=_media(session, story) if me().can("moderate") else [],
        alerts=list(session.scalars(select(Alert).where(Alert.story_id == story.id).order_by(Alert.id))),
        responses=story.responses,
        templates=list(
            session.scalars(select(ReplyTemplate).order_by(ReplyTemplate.theme, ReplyTemplate.title))
        ),
        chosen_template=chosen,
        history=list(reversed(audit.recent(session, story_ref=story.ref))),
        names=_names(session),
        me=me(),
    )


@blueprint.get("/story/<ref>")
@requires("view")
def story(ref: str) -> ResponseReturnValue:
    with services().db.session() as session:
        found = _story(session, ref)
        _claim(found, _now())
        return _render_story(session, found)


@blueprint.post("/story/<ref>/release")
@requires("view")
def release(ref: str) -> ResponseReturnValue:
    """Let go of a story without finishing it, so someone else can pick it up at once."""
    with services().db.session() as session:
        found = _story(session, ref)
        if found.claimed_by == me().username:
            found.claimed_by = None
            found.claimed_until = None
    return redirect(url_for("review.queue"))


@blueprint.post("/story/<ref>/moderate")
@requires("moderate")
def moderate(ref: str) -> ResponseReturnValue:
    """Add a missed redaction, undo a wrong one, or confirm. Edits in progress travel in the form as
    offsets (never saved until confirmed), so an abandoned edit leaves the story as it was."""
    with services().db.session() as session:
        found = _story(session, ref)
        if found.status != "new":
            flash("This story has already been moderated.")
            return _back(ref)
        if _refuse_if_claimed(session, found) or found.raw_sealed is None:
            return _back(ref)
        raw = services().vault.open(found.raw_sealed)
        form = request.form
        spans = (
            moderation.decode(form.getlist("span"), raw) if form.get("edited") else moderation.spans_of(found)
        )
        if form.get("undo", "").isdigit():
            index = int(form["undo"])
            spans = [span for number, span in enumerate(spans) if number != index]
        elif form.get("add"):
            kind = form.get("type", "NAME")
            added = moderation.find(raw, form.get("words", ""), kind, spans)
            if not added:
                flash("Those words are not in her story (or are already taken out). Check the spelling.")
            spans = sorted([*spans, *added])
        else:
            keep = timedelta(days=services().settings.raw_retention_days)
            moderation.confirm(session, found, raw, spans, me().username, keep)
            flash(f"{ref}: redactions confirmed. The story can now be translated and answered.")
            return _back(ref)
        found.claimed_until = _now() + timedelta(minutes=CLAIM_MINUTES)
        return _render_story(session, found, pending=spans)


@blueprint.post("/story/<ref>/themes")
@requires("moderate")
def set_themes(ref: str) -> ResponseReturnValue:
    """A person confirms the themes (suggested from her words) and how critical the story is."""
    with services().db.session() as session:
        found = _story(session, ref)
        if _refuse_if_claimed(session, found):
            return _back(ref)
        chosen = themes.valid(request.form.getlist("theme"))
        level = request.form.get("criticality", "")
        found.themes = chosen
        found.criticality = level if level in CRITICALITY else None
        audit.record(
            session, me().username, "themes_set", found.ref, themes=chosen, criticality=found.criticality
        )
    flash("Themes and criticality saved.")
    return _back(ref)


@blueprint.get("/media/<int:media_id>")
@requires("moderate")
def media(media_id: int) -> ResponseReturnValue:
    """A voice note or photo, decrypted for a moderator; never cached, every view audited."""
    with services().db.session() as session:
        item = session.get(Media, media_id)
        if item is None or item.data_sealed is None or item.status != "stored":
            abort(404)
        inbound = session.get(Inbound, item.inbound_id)
        owner = session.get(Story, inbound.story_id) if inbound and inbound.story_id else None
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


@blueprint.post("/alert/<int:alert_id>")
@requires("moderate")
def mark_alert(alert_id: int) -> ResponseReturnValue:
    with services().db.session() as session:
        alert = session.get(Alert, alert_id)
        if alert is None:
            abort(404)
        action = request.form.get("action", "")
        note = request.form.get("note", "").strip()
        if action == "acted" and not note:
            flash("Say what was done, so the next person knows.")
        elif action in ("seen", "acted"):
            alerts.mark(session, alert, me().username, action, note)
            flash("Alert marked as seen." if action == "seen" else "Alert marked as acted on.")
        return _back(alert.story_ref)


# --- replies ------------------------------------------------------------------------------------------


@blueprint.post("/check-reply")
@requires("draft")
def check_reply() -> ResponseReturnValue:
    """The checker, live while the responder types (CSRF header required like any other POST)."""
    data = request.get_json(silent=True) or {}
    body = str(data.get("body", ""))[:5000]
    ref = str(data.get("ref", ""))
    with services().db.session() as session:
        found = stories.by_ref(session, ref) if ref else None
        if found is None:
            abort(404)
        return {"findings": replies.findings(found, body) if body.strip() else []}


@blueprint.post("/story/<ref>/reply")
@requires("draft")
def draft_reply(ref: str) -> ResponseReturnValue:
    body = request.form.get("body", "")
    with services().db.session() as session:
        found = _story(session, ref)
        if _refuse_if_claimed(session, found):
            return _back(ref)
        try:
            response = replies.draft(session, found, _user(session), body)
        except replies.ReplyRefused as refused:
            flash(str(refused))
            return _back(ref)
        _translate(session, response)
        if request.form.get("save_template") and request.form.get("template_title", "").strip():
            replies.save_template(
                session,
                request.form.get("template_theme", ""),
                request.form.get("template_title", ""),
                response.body,
                me().username,
            )
        waiting = len(response.findings)
    if waiting:
        flash(
            f"Your reply is saved, but the checker found {waiting} thing(s) to change before it can be "
            "approved. Write a new version below."
        )
        return _back(ref)
    # Done with this story: back to the queue, so the page does not hold the story from the approver.
    flash(f"{ref}: your reply is saved. Someone else will read and approve it.")
    return redirect(url_for("review.queue"))


def _translate(session: Session, response: Response) -> None:
    """Machine-translate the reply into her language for the approver; a failure is said, not hidden."""
    try:
        result = translation.translate_reply(services(), response.body, response.story.lang)
    except TranslationError:
        flash("The reply could not be translated just now. The approver can try again or write it by hand.")
        return
    if result is not None:
        replies.set_translation(session, response, result[0], result[1], edited_by=None)


def _response(session: Session, response_id: int) -> Response:
    found = session.get(Response, response_id)
    if found is None:
        abort(404)
    return found


@blueprint.post("/response/<int:response_id>/translate")
@requires("approve")
def translate_again(response_id: int) -> ResponseReturnValue:
    with services().db.session() as session:
        response = _response(session, response_id)
        _translate(session, response)
        return _back(response.story.ref or "")


@blueprint.post("/response/<int:response_id>/translation")
@requires("approve")
def edit_translation(response_id: int) -> ResponseReturnValue:
    """The approver (a fluent speaker, or with an interpreter) corrects the translation by hand."""
    with services().db.session() as session:
        response = _response(session, response_id)
        if response.status != "draft":
            flash("This reply has already been approved.")
        else:
            replies.set_translation(
                session, response, request.form.get("translation", ""), None, me().username
            )
            flash("Your translation is saved. It will be sent as you wrote it.")
        return _back(response.story.ref or "")


@blueprint.post("/response/<int:response_id>/approve")
@requires("approve")
def approve(response_id: int) -> ResponseReturnValue:
    with services().db.session() as session:
        response = _response(session, response_id)
        ref = response.story.ref or ""
        try:
            queued = replies.approve(
                session,
                response,
                _user(session),
                override_reason=request.form.get("override_reason", ""),
                may_override=me().can("override"),
            )
        except replies.ReplyRefused as refused:
            flash(str(refused))
            return _back(ref)
    if queued is None:
        flash("Approved. She can no longer be reached on her channel, so nothing was sent.")
    else:
        flash("Approved. The reply is on its way to her.")
    return _back(ref)


@blueprint.route("/templates", methods=["GET", "POST"])
@requires("draft")
def templates() -> ResponseReturnValue:
    with services().db.session() as session:
        if request.method == "POST":
            try:
                replies.save_template(
                    session,
                    request.form.get("theme", ""),
                    request.form.get("title", ""),
                    request.form.get("body", ""),
                    me().username,
                )
                flash("Template saved.")
            except replies.ReplyRefused as refused:
                flash(str(refused))
            return redirect(url_for("review.templates"))
        found = list(
            session.scalars(select(ReplyTemplate).order_by(ReplyTemplate.theme, ReplyTemplate.title))
        )
        return render_template("review/templates.html", templates=found, all_themes=themes.themes())


# --- leads: "you said, we did" and the audit log -------------------------------------------------------


@blueprint.route("/actions", methods=["GET", "POST"])
@requires("actions")
def actions() -> ResponseReturnValue:
    with services().db.session() as session:
        if request.method == "POST":
            you_said = request.form.get("you_said", "").strip()
            we_did = request.form.get("we_did", "").strip()
            if not you_said or not we_did:
                flash("Write what women said and what the service did.")
                return redirect(url_for("review.actions"))
            refs = [
                ref.strip().upper() for ref in request.form.get("story_refs", "").split(",") if ref.strip()
            ]
            action = Action(
                site=request.form.get("site") or None,
                you_said=you_said,
                we_did=we_did,
                themes=themes.valid(request.form.getlist("theme")),
                story_refs=refs,
                status="made" if request.form.get("status") == "made" else "planned",
                created_by=me().username,
            )
            session.add(action)
            session.flush()
            audit.record(session, me().username, "action_added", action_id=action.id)
            flash("Saved to \u201cYou said, we did\u201d.")
            return redirect(url_for("review.actions"))
        found = list(session.scalars(select(Action).order_by(Action.created_at.desc())))
        return render_template(
            "review/actions.html",
            actions=found,
            sites=services().settings.sites,
            all_themes=themes.themes(),
            names=_names(session),
        )


@blueprint.post("/actions/<int:action_id>/made")
@requires("actions")
def action_made(action_id: int) -> ResponseReturnValue:
    with services().db.session() as session:
        action = session.get(Action, action_id)
        if action is None:
            abort(404)
        action.status = "made"
        audit.record(session, me().username, "action_made", action_id=action.id)
    flash("Marked as made.")
    return redirect(url_for("review.actions"))


@blueprint.get("/audit")
@requires("audit")
def audit_log() -> ResponseReturnValue:
    with services().db.session() as session:
        events = audit.recent(session, limit=500)
        return render_template("review/audit.html", events=events, names=_names(session))


# --- admin: staff accounts ----------------------------------------------------------------------------


@blueprint.route("/users", methods=["GET", "POST"])
@requires("admin")
def users() -> ResponseReturnValue:
    """Staff accounts: create with a role, deactivate, reactivate. Sites come from settings."""
    with services().db.session() as session:
        if request.method == "POST":
            form = request.form
            username, password = form.get("username", "").strip(), form.get("password", "")
            display_name, role = form.get("display_name", "").strip(), form.get("role", "")
            if not username or not display_name or role not in PERMISSIONS or len(password) < 12:
                flash("Give a username, a name, a role and a first password of at least 12 characters.")
            elif staff.by_username(session, username) is not None:
                flash("That username is taken.")
            else:
                user = staff.create(
                    session, username, password, role, display_name, form.get("job_title", "")
                )
                audit.record(session, me().username, "user_created", user=user.username, role=role)
                flash(f"{display_name} can now sign in as {user.username}.")
            return redirect(url_for("review.users"))
        found = list(
            session.scalars(select(StaffUser).order_by(StaffUser.active.desc(), StaffUser.display_name))
        )
        return render_template(
            "review/users.html", users=found, roles=staff.ROLES, sites=services().settings.sites
        )


@blueprint.post("/users/<int:user_id>/active")
@requires("admin")
def user_active(user_id: int) -> ResponseReturnValue:
    with services().db.session() as session:
        user = session.get(StaffUser, user_id)
        if user is None:
            abort(404)
        if user.id == me().id:
            flash("You cannot deactivate yourself.")
            return redirect(url_for("review.users"))
        user.active = not user.active
        audit.record(
            session,
            me().username,
            "user_activated" if user.active else "user_deactivated",
            user=user.username,
        )
        flash(f"{user.display_name} is {'active again' if user.active else 'deactivated'}.")
    return redirect(url_for("review.users"))
