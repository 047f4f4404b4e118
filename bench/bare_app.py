"""The baseline for bench/webhooks.py: a bare Flask endpoint that inserts one row into the same database."""

from __future__ import annotations

import os

from flask import Flask, request
from sqlalchemy import Column, Integer, MetaData, Table, Text

from storage.db import make_engine

engine = make_engine(os.environ["ALLVOICES_DATABASE_URL"])
rows = Table("bench_row", MetaData(), Column("id", Integer, primary_key=True), Column("body", Text))
rows.create(engine, checkfirst=True)

app = Flask(__name__)


@app.post("/insert")
def insert() -> tuple[str, int]:
    with engine.begin() as connection:
        connection.execute(rows.insert().values(body=request.form.get("Body", "")))
    return "", 200
