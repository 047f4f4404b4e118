"""Property tests (hypothesis): whatever she writes, at whatever step, in whatever language, the story
flow moves to a valid step and answers in her language; whatever a stranger or a provider posts to a
webhook, the answer is 2xx, 400, 403 or 413 — never a 500."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlencode

import pytest
from flask import Flask
from hypothesis import HealthCheck, given, settings, strategies as st

from bot.app import create_app
from bot.services import Services
from flows.catalog import entries, render
from flows.languages import BY_CODE
from flows.story import AFTER_STORY, QUESTIONS, FlowConfig, State, step
from flows.types import AddToStory, Inbound, MediaKind
from tests.conftest import make_settings
from tests.faults.processes import ACCOUNT_SID, AUTH_TOKEN, sign

LANGUAGES = tuple(BY_CODE)
CONFIG = FlowConfig(sites=("Medway Maritime Hospital", "Darent Valley Hospital"), languages=LANGUAGES)
STEPS = ("new", "consent", "story", "finished", "rating", *AFTER_STORY, *QUESTIONS)
#: where a command's question returns to, and the welcome's mark that the language menu was shown
RESUMES = (*STEPS, "offered_languages")
#: words that mean something somewhere in the flow, so the search reaches past "please answer again"
MEANINGFUL = [
    "yes", "no", "1", "2", "7", "STOP", "START", "HELP", "DELETE", "NEW", "LANGUAGE", "WITHDRAW",
    "DONE", "SKIP", "ME7 4", "32", "30-34", "tak", "haan", "نعم", "так", "👍", "", " ",
]  # fmt: skip
TEXTS = st.one_of(st.sampled_from(MEANINGFUL), st.text(max_size=300))
STATES = st.builds(
    State,
    step=st.sampled_from(STEPS),
    lang=st.sampled_from(LANGUAGES),
    resume=st.one_of(st.none(), st.sampled_from(RESUMES)),
    story_open=st.booleans(),
    story_parts=st.integers(0, 50),
    last_at=st.one_of(st.none(), st.just("2026-11-24T09:00:00+00:00")),
    nudged=st.booleans(),
    opted_out=st.booleans(),
    site=st.one_of(st.none(), st.sampled_from(CONFIG.sites)),
    wants_reply=st.booleans(),
)
T0 = datetime(2026, 11, 24, 9, 30, tzinfo=UTC)
seen: Counter[str] = Counter()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    state=STATES,
    text=TEXTS,
    media=st.lists(st.sampled_from(list(MediaKind)), max_size=2),
    detected=st.one_of(st.none(), st.sampled_from(LANGUAGES)),
    later=st.integers(0, 10**6),
)
def test_any_message_at_any_step_moves_to_a_valid_step_and_answers_in_her_language(
    state: State, text: str, media: list[MediaKind], detected: str | None, later: int
) -> None:
    inbound = Inbound(text, T0 + timedelta(seconds=later), tuple(media), detected_lang=detected)
    outcome = step(state.dump(), inbound, CONFIG)
    after = State.load(outcome.state)
    assert after.dump() == outcome.state, "the state holds only known fields"
    assert after.step in STEPS
    assert after.lang in LANGUAGES
    assert after.resume is None or after.resume in RESUMES
    for reply in outcome.replies:
        rendered = render(after.lang, reply, {"code": "AV-7KQ2"})  # as the app renders them
        assert rendered.strip()
        for part in (*reply.parts, *reply.choices):
            assert part.key == "_literal" or part.key in entries(after.lang), (after.lang, part.key)
    telling = after.step == "story" and AddToStory() in outcome.effects  # her story is taken quietly
    if not state.opted_out and not after.opted_out and not telling:
        assert outcome.replies, f"she heard nothing at {state.step!r} after {text!r}"
    seen[f"{state.step}->{after.step}"] += 1


# ---- webhooks ------------------------------------------------------------------------------------

TELEGRAM_SECRET = "telegram-webhook-secret"
PATHS = ("/webhooks/twilio", "/webhooks/twilio/status", "/webhooks/twilio/voice", "/webhooks/telegram")
ALLOWED = {200, 204, 400, 403, 413}


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    url = f"sqlite:///{tmp_path_factory.mktemp('any-input') / 'allvoices.db'}"
    from storage.migrations import upgrade

    upgrade(url)
    services = Services.build(
        make_settings(
            url,
            twilio_account_sid=ACCOUNT_SID,
            twilio_auth_token=AUTH_TOKEN,
            twilio_from_sms="+447700900000",
            telegram_webhook_secret=TELEGRAM_SECRET,
        )
    )
    application = create_app(services=services)
    application.config.update(TESTING=True)
    yield application
    services.db.dispose()


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=40),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=5)
    ),
    max_leaves=25,
)
TELEGRAM_KEYS = ["update_id", "message", "callback_query", "chat", "id", "from", "date", "text",
                 "caption", "data", "photo", "voice", "document", "file_id", "file_size", "message_id",
                 "type"]  # fmt: skip
TELEGRAM_LIKE = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=40),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.sampled_from(TELEGRAM_KEYS), children, max_size=6)
    ),
    max_leaves=30,
)
TWILIO_KEYS = ["AccountSid", "MessageSid", "From", "To", "Body", "NumMedia", "MediaUrl0", "MediaContentType0",
               "MessageStatus", "ErrorCode", "CallSid", "Digits", "RecordingUrl", "CallStatus"]  # fmt: skip
FORM = st.dictionaries(
    st.one_of(st.sampled_from(TWILIO_KEYS), st.text(min_size=1, max_size=12)),
    st.one_of(
        st.text(max_size=60), st.sampled_from([ACCOUNT_SID, "0", "-1", "99999999999", "whatsapp:+4477"])
    ),
    max_size=8,
)
answers: Counter[int] = Counter()


def _status(app: Flask, path: str, body: bytes, headers: dict[str, str], content_type: str) -> int:
    response = app.test_client().post(path, data=body, headers=headers, content_type=content_type)
    answers[response.status_code] += 1
    return response.status_code


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    path=st.sampled_from(PATHS),
    body=st.binary(max_size=600),
    content_type=st.sampled_from(["application/json", "application/x-www-form-urlencoded", "text/plain", ""]),
    secret=st.sampled_from(["", TELEGRAM_SECRET, "wrong"]),
)
def test_any_bytes_posted_to_any_webhook_never_make_a_500(
    app: Flask, path: str, body: bytes, content_type: str, secret: str
) -> None:
    headers = {"X-Telegram-Bot-Api-Secret-Token": secret} if secret else {}
    assert _status(app, path, body, headers, content_type) in ALLOWED


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    update=st.one_of(
        TELEGRAM_LIKE,
        JSON,
        st.fixed_dictionaries({"update_id": st.integers(), "message": TELEGRAM_LIKE}),
        st.fixed_dictionaries({"update_id": st.integers(), "callback_query": TELEGRAM_LIKE}),
    )
)
def test_any_json_with_the_right_telegram_secret_never_makes_a_500(app: Flask, update: Any) -> None:
    body = json.dumps(update).encode()
    headers = {"X-Telegram-Bot-Api-Secret-Token": TELEGRAM_SECRET}
    assert _status(app, "/webhooks/telegram", body, headers, "application/json") in ALLOWED


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    path=st.sampled_from(PATHS[:3]),
    form=FORM,
    query=st.sampled_from(["", "?ref=x", "?ref=%00", "?a=b&a=c"]),
    ours=st.booleans(),
)
def test_any_form_signed_as_twilio_signs_it_never_makes_a_500(
    app: Flask, path: str, form: dict[str, str], query: str, ours: bool
) -> None:
    """Mostly signed for our own account, so the parsing behind the signature check is reached."""
    if ours:
        form = {**form, "AccountSid": ACCOUNT_SID}
    url = f"http://127.0.0.1:5000{path}{query}"

    signature = sign(url, form)
    status = _status(
        app,
        path + query,
        urlencode(form).encode(),
        {"X-Twilio-Signature": signature},
        "application/x-www-form-urlencoded",
    )
    assert status in ALLOWED


def test_what_the_property_tests_tried(request: pytest.FixtureRequest) -> None:
    """Not a check: the counts, printed (run with -s), so a reader sees how much was tried."""
    print(
        f"\nflow steps: {sum(seen.values())} tried, {len(seen)} step changes; webhooks: "
        f"{sum(answers.values())} posted, by answer {dict(sorted(answers.items()))}"
    )
