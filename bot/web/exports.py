"""Exports: the queue's filtered stories as CSV or XLSX, redacted and audited (``bot.reports.export``)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from flask import Blueprint, Response, request
from flask.typing import ResponseReturnValue

from bot.reports import export
from bot.web.auth import me, requires
from bot.web.current import services
from bot.web.queue import filters_from
from flows.review import Permission

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
