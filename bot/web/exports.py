"""Exports: the queue's filtered stories as CSV or XLSX, redacted and audited (``bot.reports.export``)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from flask import Blueprint, Response, request
from flask.typing import ResponseReturnValue

from bot.reports import export, yearly
from bot.web.auth import me, requires
from bot.web.current import services
from bot.web.queue import filters_from
from flows.review import Permission
from storage import audit

blueprint = Blueprint("exports", __name__, url_prefix="/review")
TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@blueprint.get("/export")
@requires(Permission.EXPORT)
def download() -> ResponseReturnValue:
    kind = request.args.get("format", "csv")
    kind = kind if kind in TYPES else "csv"
    filters = filters_from(request.args)
    start = datetime.combine(filters.since, datetime.min.time(), UTC) if filters.since else None
    end = (
        datetime.combine(filters.until, datetime.min.time(), UTC) + timedelta(days=1)
        if filters.until and filters.until.year < 9999
        else None
    )
    with services().db.session() as session:
        data, _ = export.to_bytes(session, filters, start, end, kind, me().username)
    stamp = datetime.now(UTC).strftime("%Y-%m-%d")
    return Response(
        data,
        mimetype=TYPES[kind],
        headers={
            "Content-Disposition": f'attachment; filename="allvoices-stories-{stamp}.{kind}"',
            "Cache-Control": "no-store",
        },
    )


@blueprint.get("/report")
@requires(Permission.EXPORT)
def year_report() -> ResponseReturnValue:
    """The yearly inequalities summary for a site and year (this year's so far unless asked), HTML or PDF."""
    settings = services().settings
    site = request.args.get("site", "all")
    site = site if site in settings.sites else "all"
    asked = request.args.get("year", "")
    this_year = datetime.now(UTC).year
    year = (
        int(asked) if asked.isascii() and asked.isdigit() and 2000 <= int(asked) <= this_year else this_year
    )
    kind = "pdf" if request.args.get("format") == "pdf" else "html"
    with services().db.session() as session:
        audit.record(session, me().username, "report", site=site, year=year, format=kind)
    if kind == "pdf":
        return Response(
            yearly.render_pdf(services(), site, year),
            mimetype="application/pdf",
            headers={"Content-Disposition": f'attachment; filename="allvoices-report-{year}.pdf"'},
        )
    return Response(yearly.render_html(services(), site, year), mimetype="text/html")
