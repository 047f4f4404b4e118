"""Hostile input never becomes a 500: malformed Telegram updates (sent with the right secret) and control
characters in the queue's filters, on SQLite and on PostgreSQL (which refuses NUL outright)."""

from __future__ import annotations

import copy
import json
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import select

from bot.app import create_app
from bot.services import Services
from storage.models import Inbound, StaffUser
from tests.bot.web.test_review_dashboard import as_staff, make_story
from tests.conftest import make_settings

SECRET = "telegram-webhook-secret"
SHE = {"id": 555000111, "is_bot": False, "first_name": "A"}
CHAT = {"id": 555000111, "type": "private"}


def message(**fields: Any) -> dict[str, Any]:
    body = {
        "message_id": 1,
        "date": int(datetime.now(UTC).timestamp()),
        "chat": CHAT,
        "from": SHE,
        "text": "Hi",
    }
    body.update(fields)
    return {"update_id": 1, "message": {key: value for key, value in body.items() if value is not DROP}}


def callback(**fields: Any) -> dict[str, Any]:
    body = {"id": "q1", "chat_instance": "c", "data": "1", "from": SHE}
    body.update(fields)
    return {
        "update_id": 2,
        "callback_query": {key: value for key, value in body.items() if value is not DROP},
    }


DROP = object()
DEEP = '{"update_id": 3, "message": ' + "[" * 100_000 + "]" * 100_000 + "}"
#: what the issue names, and their near relations: each must be refused with 400
REFUSED = {
    "a button press without from": callback(**{"from": DROP}),
    "a button press whose data is not text": callback(data={"a": 1}),
    "a message without chat": message(chat=DROP),
    "a chat without an id": message(chat={"type": "private"}),
    "a chat id that is text": message(chat={"id": "abc", "type": "private"}),
    "a chat id that is true": message(chat={"id": True, "type": "private"}),
    "a chat id past 64 bits": message(chat={"id": 10**40, "type": "private"}),
    "a date past the end of time": message(date=10**20),
    "a date before the beginning of time": message(date=-(10**20)),
    "a date as a huge float": message(date=1e308),
    "text that is a number": message(text=123),
    "text that is an object": message(text={"a": 1}),
    "a caption that is a list": message(text=DROP, caption=["x"]),
    "a photo whose width is text": message(
        photo=[{"file_id": "a", "file_unique_id": "u", "width": "w", "height": 1}]
    ),
    "a file size that is text": message(document={"file_id": "a", "file_unique_id": "u", "file_size": "big"}),
    "an update id past 64 bits": {"update_id": 10**40, "message": message()["message"]},
    "an update id that is true": {"update_id": True, "message": message()["message"]},
    "a message that is a list": {"update_id": 1, "message": [1]},
    "a list, not an update": [],
    "JSON nested 100,000 deep": DEEP,
}


@pytest.fixture
def services(database_url: str) -> Iterator[Services]:
    """Telegram's webhook is set up (its secret known), nothing else: no update goes further than us."""
    built = Services.build(make_settings(database_url, telegram_webhook_secret=SECRET))
    yield built
    built.db.dispose()


@pytest.fixture
def app(services: Services) -> Flask:
    with services.db.session() as session:
        session.add(StaffUser(username="lena", display_name="Lena Obi", role="lead", password_hash="-"))
    application = create_app(services=services)
    application.config.update(TESTING=True)
    return application


def post_update(app: Flask, update: object) -> int:
    body = update if isinstance(update, str) else json.dumps(update)
    return (
        app.test_client()
        .post(
            "/webhooks/telegram",
            data=body,
            headers={"X-Telegram-Bot-Api-Secret-Token": SECRET},
            content_type="application/json",
        )
        .status_code
    )


@pytest.mark.parametrize("name", REFUSED)
def test_a_malformed_telegram_update_is_refused_with_400(app: Flask, name: str) -> None:
    assert post_update(app, REFUSED[name]) == 400


def test_nul_in_her_telegram_message_is_dropped_and_the_rest_kept(app: Flask, services: Services) -> None:
    assert post_update(app, message(text="Hel\u0000lo")) == 200
    with services.db.session() as session:
        (kept,) = session.scalars(select(Inbound)).all()
        assert services.vault.open(kept.body_sealed) == "Hello"


HOSTILE: list[object] = [
    None,
    "",
    -1,
    0,
    10**30,
    1e308,
    True,
    [],
    {},
    "\u0000",
    "\u001b[2J",
    "x" * 5000,
    [[[[{}]]]],
]


def _paths(update: object, prefix: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    if isinstance(update, dict):
        for key, value in update.items():
            yield (*prefix, key)
            yield from _paths(value, (*prefix, key))


def _mutated(update: dict[str, Any], path: tuple[str, ...], value: object) -> dict[str, Any]:
    changed = copy.deepcopy(update)
    here = changed
    for key in path[:-1]:
        here = here[key]
    here[path[-1]] = value
    return changed


def test_every_field_of_an_update_replaced_by_junk_never_makes_a_500(app: Flask) -> None:
    """Each field of a message and of a button press, in turn, set to each hostile value."""
    outcomes: Counter[int] = Counter()
    crashes = []
    for update in (message(), callback(message={"message_id": 9, "date": 1, "chat": CHAT})):
        for path in _paths(update):
            for value in HOSTILE:
                status = post_update(app, _mutated(update, path, value))
                outcomes[status] += 1
                if status >= 500:
                    crashes.append(f"{'.'.join(path)}={value!r:.20}")
    answers = dict(sorted(outcomes.items()))
    print(f"\nmalformed Telegram updates: {sum(outcomes.values())} sent, by answer {answers}")
    assert crashes == []
    assert set(outcomes) <= {200, 400}


FILTERS = ("q", "site", "lang", "theme", "champion", "status", "channel", "since", "until", "urgent")
CONTROL = ["\u0001", "\u001b", "\u007f", "a\u0008b", "\t", "\u0085", "%", "_", "\\"]


def test_control_characters_in_every_queue_filter_never_make_a_500(app: Flask, services: Services) -> None:
    make_story(services, "The ward was cold.", site="Maidstone Hospital", themes=["environment"])
    lead = as_staff(app, "lena")
    outcomes: Counter[int] = Counter()
    for name in FILTERS:
        for value in CONTROL:
            status = lead.get("/review/", query_string={name: value}).status_code
            outcomes[status] += 1
            assert status == 200, f"{name}={value!r}"
        assert lead.get("/review/", query_string={name: "\u0000"}).status_code == 400, name
        outcomes[400] += 1
    for day in ("9999-12-31", "0001-01-01"):
        assert lead.get("/review/", query_string={"since": day, "until": day}).status_code == 200, day
    answers = dict(sorted(outcomes.items()))
    print(f"\nqueue filters: {sum(outcomes.values())} hostile values, by answer {answers}")


@pytest.mark.parametrize(
    "path",
    [
        "/review?q=%00",
        "/review/?site=%00",
        "/review/?lang=a%00",
        "/review/story/AV-%00",
        "/review/login?next=%00",
    ],
)
def test_nul_anywhere_in_a_staff_address_is_a_400(app: Flask, path: str) -> None:
    assert as_staff(app, "lena").get(path).status_code == 400


def test_nul_in_a_staff_form_is_a_400_before_anything_is_stored(app: Flask) -> None:
    client = app.test_client()
    page = client.get("/review/login").get_data(as_text=True)
    token = page.split('name="csrf_token" type="hidden" value="')[1].split('"')[0]
    answer = client.post(
        "/review/login", data={"username": "le\u0000na", "password": "x", "csrf_token": token}
    )
    assert answer.status_code == 400
