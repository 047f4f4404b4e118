"""Every route the app serves, as a stranger and as every role, with ordinary and hostile addresses,
queries and forms: nothing is ever a 500, and strangers never get past the sign-in page.

Runs on SQLite and on PostgreSQL (which refuses NUL and numbers past 64 bits where SQLite shrugs). The
routes come from the app's own url_map, with the simulator on, so a new route is attacked too.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import replace

import pytest
from argon2 import PasswordHasher
from flask import Flask
from flask.testing import FlaskClient

from bot.app import create_app
from bot.services import Services
from flows.review import PERMISSIONS, Role
from storage import staff
from tests.bot.web.test_review_dashboard import as_staff
from tests.bot.web.test_roles import NEEDS, ROLES, one_of_everything, staff_for_every_role

#: what a route's parts point at, beyond the staff dashboard's (``one_of_everything``)
OTHER_PARTS = {"token": "t0ken", "name": "twilio", "filename": "nhsuk/nhsuk.css"}
HOSTILE_PARTS = (
    "%00",
    "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "..%2F..%2Fvar%2Fsecret_key",
    "AV-ZZZZ",
    "9" * 40,
    "%C2%B2",  # "²": a digit to str.isdigit, not to int()
    "%FF%FE",
    "-1",
)
HOSTILE_QUERIES = (
    {"template": "9" * 30, "week": "9999-W52", "site": "<script>", "size": "A3", "next": "//evil.example"},
    {"template": "²", "week": "0000-W01", "site": "\u0001", "since": "9999-12-31", "until": "9999-12-31"},
    {"template": "-1", "week": "2026-W99", "status": "x" * 5000, "q": "%_\\", "urgent": "2", "page": "-1"},
)
#: every form field any page posts, each with hostile values (one set per request, in turn)
HOSTILE_FIELDS: dict[str, tuple[str, ...]] = {
    "body": ("<script>alert(1)</script>", "x" * 20_000, "\u0001\u001b[2J"),
    "edited": ("1", "1", ""),
    "span": ("x", "-5:99999999999999999999:NAME", "0:3:NOT_A_TYPE"),
    "undo": ("²", "9" * 30, "-1"),
    "add": ("", "1", "1"),
    "words": ("<b>", "\u0001", "x" * 5000),
    "type": ("NOPE", "NAME", "<script>"),
    "theme": ("made-up", "<script>", ""),
    "criticality": ("catastrophic", "", "urgent"),
    "action": ("acted", "seen", "destroy"),
    "note": ("x" * 20_000, "<script>", ""),
    "english": ("<script>", "\u0001", " "),
    "translation": ("<script>", "x" * 20_000, ""),
    "override_reason": ("<script>", "", "x" * 20_000),
    "username": ("<script>", "a" * 500, "ADMIN"),
    "password": ("short", "x" * 10_000, "a long enough password"),
    "display_name": ("<script>", "x" * 500, ""),
    "job_title": ("<script>", "x" * 500, ""),
    "role": ("god", "admin", ""),
    "you_said": ("<script>", "x" * 20_000, ""),
    "we_did": ("<script>", "", "x"),
    "story_refs": ("AV-" * 2000, "<script>", "AV-ZZZZ"),
    "site": ("<script>", "Nowhere", ""),
    "name": ("<script>", "x" * 500, ""),
    "community": ("<script>", "x" * 500, ""),
    "languages": ("xx", "<script>", "en"),
    "code": ("<script>", "x" * 500, "mums1"),
    "title": ("<script>", "x" * 500, ""),
    "channel": ("carrier-pigeon", "sms", ""),
    "sender": ("\u0001" * 50, "x" * 500, "07700 900123"),
    "text": ("<script>", "x" * 20_000, "HELP"),
    "media": ("voice", "photo", "virus"),
    "save_template": ("1", "1", ""),
    "template_title": ("<script>", "x" * 500, ""),
    "template_theme": ("made-up", "<script>", ""),
    "status": ("made", "<script>", ""),
    "change": ("<script>", "x" * 20_000, ""),
    "dimension": ("imd", "<script>", "age"),
    "source": ("<script>", "x" * 5000, ""),
    "kind": ("imd", "<script>", "births"),
    "g_white": ("9" * 400, "nan", "-1"),
    "g_1": ("inf", "1e308", "12"),
}


def _routes(app: Flask) -> list[tuple[str, str, str]]:
    return sorted(
        (rule.endpoint, method, rule.rule)
        for rule in app.url_map.iter_rules()
        for method in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"})
    )


def _paths(rule: str, parts: dict[str, str]) -> list[str]:
    """The route with every part as it should be, then with each part in turn made hostile."""
    names = re.findall(r"<(?:\w+:)?(\w+)>", rule)

    def fill(hostile: dict[str, str]) -> str:
        return re.sub(
            r"<(?:\w+:)?(\w+)>", lambda match: hostile.get(match.group(1), parts[match.group(1)]), rule
        )

    return [fill({}), *(fill({name: value}) for name in names for value in HOSTILE_PARTS)]


def _forms() -> list[dict[str, str]]:
    return [{field: values[index] for field, values in HOSTILE_FIELDS.items()} for index in range(3)]


def _reaches_the_view(endpoint: str, role: str | None) -> bool:
    """Whether this role gets past sign-in and its permission check (every role does, off the dashboard)."""
    if endpoint not in NEEDS or NEEDS[endpoint] is None:
        return True
    return role is not None and NEEDS[endpoint] in PERMISSIONS[Role(role)]


def _client(app: Flask, role: str | None) -> FlaskClient:
    return as_staff(app, role) if role else app.test_client()


def _attack(app: Flask, role: str | None, method: str, path: str, extra: dict[str, str]) -> int:
    """One request, from a browser of its own (so signing out or a deactivation does not carry over)."""
    client = _client(app, role)
    if method == "GET":
        return client.get(path, query_string=extra).status_code
    if path.endswith("/check-reply"):
        return client.post(
            path, json={"body": extra.get("body", ""), "ref": extra.get("code", "")}
        ).status_code
    if path.startswith("/simulator/send"):
        client.post("/simulator/start", data={"channel": "sms", "sender": "07700 900123"})
    return client.post(path, data=extra).status_code


def test_no_route_as_any_role_with_any_hostile_input_makes_a_500(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(staff, "_hasher", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))  # speed
    staff_for_every_role(services)
    parts = {**one_of_everything(services), **OTHER_PARTS}
    app = create_app(services=replace(services, settings=replace(services.settings, simulator=True)))
    # A crash answers 500 and is counted; forms go through without their CSRF token (test_csrf has that).
    app.config.update(TESTING=True, PROPAGATE_EXCEPTIONS=False, WTF_CSRF_ENABLED=False)
    outcomes: Counter[int] = Counter()
    crashes: list[str] = []
    routes = _routes(app)
    for (endpoint, method, rule), role in itertools.product(routes, (None, *ROLES)):
        ordinary, *hostile = _paths(rule, parts)
        attempts = [(ordinary, extra) for extra in ({}, *(HOSTILE_QUERIES if method == "GET" else _forms()))]
        attempts += [(path, {}) for path in hostile]
        if not _reaches_the_view(endpoint, role):
            attempts = attempts[:1] + attempts[-1:]  # refused before anything is read: twice is enough
        for path, extra in attempts:
            status = _attack(app, role, method, path, extra)
            outcomes[status] += 1
            if status >= 500:
                crashes.append(f"{role or 'stranger'} {method} {path} {sorted(extra)[:3]}")
            if role is None and rule.startswith("/review") and NEEDS.get(endpoint) is not None:
                assert status in (302, 400, 404), f"a stranger reached {method} {path}"
    answers = dict(sorted(outcomes.items()))
    print(f"\n{len(routes)} routes, {1 + len(ROLES)} roles: {sum(outcomes.values())} requests: {answers}")
    assert crashes == [], "\n".join(crashes)
