"""A site's births by group, set by a lead in the dashboard or from a CSV file; and the IMD lookup."""

from __future__ import annotations

from flask import Blueprint, Response, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue

from bot.reports.population import GROUPS, BadFile, births_csv, parse_births, parse_imd
from bot.reports.representation import LANGUAGE_LABELS
from bot.web.auth import me, requires
from bot.web.current import services, transaction
from flows.representation import AGE_BANDS, DIMENSIONS, ETHNIC_GROUPS, IMD_QUINTILES
from flows.review import Permission
from storage import audit, population as stored

blueprint = Blueprint("population", __name__, url_prefix="/review")
LABELS = {"ethnicity": ETHNIC_GROUPS, "age": AGE_BANDS, "language": LANGUAGE_LABELS, "imd": IMD_QUINTILES}
#: the largest file a lead may upload (a site's births are a few dozen rows; the IMD lookup a few thousand)
MAX_FILE = 2_000_000


def _site() -> str:
    sites = services().settings.sites
    site = request.values.get("site", "")
    return site if site in sites else sites[0]


@blueprint.get("/population")
@requires(Permission.ACTIONS)
def index() -> ResponseReturnValue:
    site = _site()
    with transaction() as session:
        table = stored.for_site(session, site)
        if request.args.get("format") == "csv":
            return Response(
                births_csv(site, stored.rows(session, site)),
                mimetype="text/csv",
                headers={"Content-Disposition": 'attachment; filename="births.csv"'},
            )
        return render_template(
            "leads/population.html",
            site=site,
            sites=services().settings.sites,
            table=table,
            sources=stored.sources(session, site),
            dimensions=DIMENSIONS,
            groups=GROUPS,
            labels=LABELS,
            districts=stored.imd_districts(session),
        )


@blueprint.post("/population")
@requires(Permission.ACTIONS)
def save() -> ResponseReturnValue:
    """The form: one figure per group of one dimension, and where the figures come from."""
    site = _site()
    dimension = request.form.get("dimension", "")
    if dimension not in DIMENSIONS:
        flash("Choose what the figures describe.")
        return redirect(url_for("population.index", site=site))
    source = request.form.get("source", "").strip()[:300]
    rows = []
    for group in GROUPS[dimension]:
        value = request.form.get(f"g_{group}", "").strip().replace(",", "")
        if not value:
            continue
        try:
            births = float(value)
        except ValueError:
            flash(f"{LABELS[dimension].get(group, group)}: write a number of births.")
            return redirect(url_for("population.index", site=site))
        if not 0 <= births < 10**9:
            flash(f"{LABELS[dimension].get(group, group)}: write a number of births.")
            return redirect(url_for("population.index", site=site))
        rows.append((dimension, group, births, source))
    if not source:
        flash("Say where the figures come from: it is shown under every comparison.")
        return redirect(url_for("population.index", site=site))
    with services().db.session() as session:
        stored.replace_site(session, site, rows, me().username)
        audit.record(session, me().username, "population_set", site=site, dimension=dimension, rows=len(rows))
    flash(f"Saved {DIMENSIONS[dimension].lower()} for {site}.")
    return redirect(url_for("population.index", site=site))


@blueprint.post("/population/import")
@requires(Permission.ACTIONS)
def import_file() -> ResponseReturnValue:
    """A CSV of births (site,dimension,group,births,source) or of districts (district,quintile,source)."""
    upload = request.files.get("file")
    kind = request.form.get("kind", "births")
    data = upload.read(MAX_FILE + 1) if upload else b""
    if not data or len(data) > MAX_FILE:
        flash("Choose a CSV file (under 2 MB).")
        return redirect(url_for("population.index"))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        flash("The file must be a CSV saved as UTF-8.")
        return redirect(url_for("population.index"))
    try:
        with services().db.session() as session:
            if kind == "imd":
                districts = parse_imd(text)
                stored.replace_imd(session, districts)
                audit.record(session, me().username, "imd_set", districts=len(districts))
                flash(f"Loaded {len(districts)} postcode districts.")
            else:
                births = parse_births(text, services().settings.sites)
                for site in sorted({row.site for row in births}):
                    mine = [(r.dimension, r.group, r.births, r.source) for r in births if r.site == site]
                    stored.replace_site(session, site, mine, me().username)
                    audit.record(session, me().username, "population_set", site=site, rows=len(mine))
                flash(f"Loaded {len(births)} rows of births.")
    except BadFile as error:
        flash(f"Nothing was loaded: {error}.")
    return redirect(url_for("population.index", site=request.form.get("site", "")))
