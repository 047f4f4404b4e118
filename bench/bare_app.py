"""The baseline for the benches: a bare Flask endpoint that inserts one row into the same database.

Its table is made by the bench before gunicorn forks (`create_table`), never by a worker on its first
request, so two workers never race to create it.
"""

from __future__ import annotations

import os

from flask import Flask, request
from sqlalchemy import Column, Integer, MetaData, Table, Text, text

from storage.db import make_engine

ROWS = Table("bench_row", MetaData(), Column("id", Integer, primary_key=True), Column("body", Text))


def create_table(url: str) -> None:
    engine = make_engine(url)
    ROWS.create(engine, checkfirst=True)
    engine.dispose()


def create_app() -> Flask:
    engine = make_engine(os.environ["ALLVOICES_DATABASE_URL"])
    app = Flask(__name__)

    @app.post("/insert")
    def insert() -> tuple[str, int]:
        with engine.begin() as connection:
            connection.execute(ROWS.insert().values(body=request.form.get("Body", "")))
        return "", 200

    @app.get("/healthz")
    def healthz() -> tuple[str, int]:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        return "ok", 200

    return app
