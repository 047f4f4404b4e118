"""Leads set local births in the dashboard (or from a CSV) and see who we heard from against them."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest
from flask import Flask

from bot.app import create_app
from bot.services import Services
from storage import audit, population, staff
from tests.bot.reports.seeding import EXAMPLES, SITE, load_medway, seed
from tests.bot.web.test_champions import PASSWORD, csrf, sign_in


@pytest.fixture
def app(services: Services) -> Iterator[Flask]:
    with services.db.session() as session:
        staff.create(session, "lena", PASSWORD, "lead", "Lena", "Head of midwifery")
        staff.create(session, "mo", PASSWORD, "moderator", "Mo", "Midwife")
    application = create_app(services=services)
    application.config.update(TESTING=True)
    yield application


def test_a_lead_types_births_in_and_loads_a_csv(app: Flask, services: Services) -> None:
    lead = sign_in(app, "lena")
    token = csrf(lead, "/review/population")
    form = {"csrf_token": token, "site": SITE, "dimension": "age", "source": "Trust booking data 2025"}
    answer = lead.post("/review/population", data={**form, "g_under20": "70", "g_25to29": "800"})
    assert answer.status_code == 302
    with services.db.reading() as session:
        assert population.for_site(session, SITE) == {"age": {"under20": 70.0, "25to29": 800.0}}
    refused = lead.post("/review/population", data={**form, "g_under20": "lots"}, follow_redirects=True)
    assert "write a number of births" in refused.get_data(as_text=True)
    upload = {
        "csrf_token": token,
        "kind": "births",
        "file": (io.BytesIO((EXAMPLES / "medway-births.csv").read_bytes()), "medway.csv"),
    }
    loaded = lead.post("/review/population/import", data=upload, follow_redirects=True)
    assert "Loaded 25 rows of births" in loaded.get_data(as_text=True)
    districts = {
        "csrf_token": token,
        "kind": "imd",
        "file": (io.BytesIO((EXAMPLES / "medway-imd-districts.csv").read_bytes()), "imd.csv"),
    }
    assert "Loaded 7 postcode districts" in lead.post(
        "/review/population/import", data=districts, follow_redirects=True
    ).get_data(as_text=True)
    bad = {"csrf_token": token, "kind": "births", "file": (io.BytesIO(b"a,b\n1,2\n"), "x.csv")}
    assert "Nothing was loaded" in lead.post(
        "/review/population/import", data=bad, follow_redirects=True
    ).get_data(as_text=True)
    page = lead.get(f"/review/population?site={SITE}").get_data(as_text=True)
    assert "ONS Census 2021 TS021" in page
    assert lead.get(f"/review/population?site={SITE}&format=csv").get_data(as_text=True).startswith("site,")
    with services.db.reading() as session:
        assert any(event.action == "population_set" for event in audit.recent(session))
    moderator = sign_in(app, "mo")
    assert moderator.get("/review/population").status_code == 403


def test_the_representation_page_flags_the_least_heard_group(app: Flask, services: Services) -> None:
    load_medway(services)
    seed(services)
    lead = sign_in(app, "lena")
    page = lead.get(f"/review/representation?site={SITE}").get_data(as_text=True)
    assert "We heard from fewer than 5 Black women" in page
    assert "<svg" in page and "under-heard" in page
    assert lead.get("/review/representation?site=Nowhere&since=bad&until=99999-01-01").status_code == 200
    assert sign_in(app, "mo").get("/review/representation").status_code == 403


def test_the_queue_page_exports_what_its_filters_show(app: Flask, services: Services) -> None:
    seed(services, {"white": 6})
    seed(services, {"asian": 5}, site="Maidstone Hospital")
    lead = sign_in(app, "lena")
    queue = lead.get("/review?status=moderated").get_data(as_text=True)
    assert "/review/export?format=xlsx" in queue
    answer = lead.get(f"/review/export?format=csv&site={SITE}")
    assert answer.status_code == 200 and answer.mimetype == "text/csv"
    assert answer.get_data(as_text=True).count("\n") == 7  # the header and six stories from this site
    assert "attachment" in answer.headers["Content-Disposition"]
    assert lead.get("/review/export?format=xlsx").data[:2] == b"PK"
    with services.db.reading() as session:
        assert len([event for event in audit.recent(session) if event.action == "export"]) == 2
    assert sign_in(app, "mo").get("/review/export").status_code == 403


def test_a_lead_gets_the_yearly_report_from_the_dashboard(app: Flask, services: Services) -> None:
    load_medway(services)
    seed(services, {"white": 6})
    lead = sign_in(app, "lena")
    page = lead.get(f"/review/report?site={SITE}")
    assert page.status_code == 200 and "Annual report: addressing inequalities" in page.get_data(as_text=True)
    assert lead.get(f"/review/report?site={SITE}&format=pdf").data.startswith(b"%PDF")
    for hostile in ("²", "99999999999999999999", "-1", "<script>", "\u0661\u0662"):
        assert lead.get("/review/report", query_string={"year": hostile, "site": hostile}).status_code == 200
    assert sign_in(app, "mo").get("/review/report").status_code == 403
