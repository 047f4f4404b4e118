"""Champions: leads make codes, links, posters and cards; each champion has a private counts page.

The counts page needs no login (champions are not staff) and so shows counts only, never text, and
never a count under five as a number.
"""

from __future__ import annotations

from flask import Blueprint, Response, abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue

from bot.outreach.links import invites
from bot.outreach.posters import PosterContent, card_pdf, missing_fonts, poster_pdf
from bot.web.auth import me, requires
from bot.web.current import services, transaction
from flows.catalog import available_languages
from flows.languages import BY_CODE
from flows.review import Permission
from storage import audit, champions
from storage.models import Champion

blueprint = Blueprint("champions", __name__)


def _champion(code: str) -> Champion:
    with transaction() as session:
        found = champions.by_code(session, code)
    if found is None:
        abort(404)
    return found


@blueprint.get("/review/champions")
@requires(Permission.ACTIONS)
def index() -> ResponseReturnValue:
    with transaction() as session:
        reach = champions.reach(session)
        everyone = champions.all_champions(session)
    communities: dict[str, list[int]] = {}
    for _code, community, started, finished in reach:
        totals = communities.setdefault(community or "Not given", [0, 0])
        totals[0] += started
        totals[1] += finished
    languages = [BY_CODE[code] for code in available_languages()]
    return render_template(
        "champions/index.html", reach=reach, champions=everyone, communities=communities, languages=languages
    )


@blueprint.post("/review/champions")
@requires(Permission.ACTIONS)
def create() -> ResponseReturnValue:
    chosen = [code for code in request.form.getlist("languages") if code in BY_CODE and code != "en"]
    try:
        with services().db.session() as session:
            if champions.by_code(session, request.form.get("code", "")) is not None:
                raise champions.InvalidCode("That code is already in use. Choose another.")
            champion = champions.create(
                session,
                request.form.get("code", ""),
                request.form.get("name", "") or request.form.get("code", ""),
                request.form.get("community", ""),
                chosen,
                me().username,
            )
            audit.record(session, me().username, "champion_created", None, code=champion.code)
            code = champion.code
    except champions.InvalidCode as invalid:
        flash(str(invalid))
        return redirect(url_for("champions.index"))
    return redirect(url_for("champions.detail", code=code))


@blueprint.get("/review/champions/<code>")
@requires(Permission.ACTIONS)
def detail(code: str) -> ResponseReturnValue:
    champion = _champion(code)
    settings = services().settings
    private = (
        f"{settings.public_url}{url_for('champions.counts', token=champion.link_token)}"
        if champion.link_token
        else None
    )
    return render_template(
        "champions/detail.html",
        champion=champion,
        invites=invites(services(), champion.code).values(),
        private_link=private,
        missing=missing_fonts(["en", *champion.languages]),
        language_names={code: BY_CODE[code].english_name for code in BY_CODE},
    )


@blueprint.post("/review/champions/<code>/new-link")
@requires(Permission.ACTIONS)
def new_link(code: str) -> ResponseReturnValue:
    with services().db.session() as session:
        champion = champions.by_code(session, code)
        if champion is None:
            abort(404)
        champions.new_link(champion)
        audit.record(session, me().username, "champion_link_renewed", None, code=champion.code)
    flash("A new private link is ready. The old one no longer works.")
    return redirect(url_for("champions.detail", code=code))


def _content(champion: Champion) -> PosterContent:
    found = invites(services(), champion.code)
    return PosterContent(
        code=champion.code,
        group_name=champion.name,
        whatsapp_link=found["whatsapp"].link,
        sms_number=found["sms"].number,
        telegram_link=found["telegram"].link,
        languages=("en", *champion.languages),
    )


@blueprint.get("/review/champions/<code>/poster.pdf")
@requires(Permission.ACTIONS)
def poster(code: str) -> ResponseReturnValue:
    size = request.args.get("size", "A4")
    if size not in ("A4", "A5"):
        abort(400)
    pdf = poster_pdf(_content(_champion(code)), size)
    return Response(
        pdf,
        mimetype="application/pdf",
        headers={"Content-Disposition": f"inline; filename={code}-{size}.pdf"},
    )


@blueprint.get("/review/champions/<code>/card.pdf")
@requires(Permission.ACTIONS)
def card(code: str) -> ResponseReturnValue:
    pdf = card_pdf(_content(_champion(code)))
    return Response(
        pdf, mimetype="application/pdf", headers={"Content-Disposition": f"inline; filename={code}-card.pdf"}
    )


@blueprint.get("/c/<token>")
def counts(token: str) -> ResponseReturnValue:
    """The champion's own page: how many stories their code brought, by week and language."""
    with transaction() as session:
        champion = champions.by_token(session, token)
        if champion is None or not champion.active:
            abort(404)
        rows = champions.counts(session, champion.code)
    table = [
        (
            row.week,
            BY_CODE[row.lang].english_name if row.lang in BY_CODE else row.lang,
            champions.shown(row.started),
            champions.shown(row.finished),
        )
        for row in rows
    ]
    total_started = champions.shown(sum(row.started for row in rows))
    total_finished = champions.shown(sum(row.finished for row in rows))
    response = Response(
        render_template(
            "champions/counts.html",
            champion=champion,
            table=table,
            total_started=total_started,
            total_finished=total_finished,
        )
    )
    response.headers["X-Robots-Tag"] = "noindex"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response
