"""The staff dashboard, as staff use it: queue, claims, moderation, themes, replies, media, alerts, admin.

Runs on SQLite and PostgreSQL. Staff are signed in with a server-side session made directly (the sign-in
form is tested in test_whole_loop, its limits in tests/faults), so each test stays fast.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from bot.app import create_app
from bot.privacy.anonymise import anonymise
from bot.reports import digest
from bot.review import replies, translation
from bot.services import Services
from channels.simulator import TRANSPORT
from storage import staff_sessions, stories
from storage.models import (
    Action,
    Alert,
    AuditEvent,
    Contact,
    Inbound,
    Media,
    OutboxMessage,
    ReplyTemplate,
    Response,
    StaffUser,
    Story,
)

STAFF = {
    "mo": ("moderator", "Mo Khan"),
    "rita": ("responder", "Rita Jones"),
    "lena": ("lead", "Lena Obi"),
    "ada": ("admin", "Ada Byrne"),
}
GOOD_REPLY = (
    "Thank you for telling us that the midwife did not listen when you said the pain was too much. "
    "I am sorry we did not listen. I will talk to the ward team this week and write to you by Friday. "
    "If you would like to talk, reply here."
)
DEFENSIVE_REPLY = "Unfortunately the ward was very busy. However our staff are trained to follow procedures."


@pytest.fixture
def app(services: Services) -> Iterator[Flask]:
    with services.db.session() as session:
        for username, (role, name) in STAFF.items():
            session.add(
                StaffUser(
                    username=username, display_name=name, job_title="Midwife", role=role, password_hash="-"
                )
            )
    application = create_app(services=services)
    application.config.update(TESTING=True)
    yield application


def as_staff(app: Flask, username: str) -> FlaskClient:
    """A client signed in as ``username`` (a server-side session of its own, skipping the slow sign-in
    form: argon2 is deliberately slow)."""
    client = app.test_client()
    services: Services = app.extensions["allvoices"]
    with services.db.session() as db:
        token = staff_sessions.start(db, _user_id(app, username))
    with client.session_transaction() as session:
        session["_user_id"] = token
        session["_fresh"] = True
    return client


def _user_id(app: Flask, username: str) -> int:
    services: Services = app.extensions["allvoices"]
    with services.db.session() as session:
        user = session.scalars(select(StaffUser).where(StaffUser.username == username)).one()
        return user.id


def token(client: FlaskClient, path: str) -> str:
    page = client.get(path).get_data(as_text=True)
    found = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert found, f"no CSRF token on {path}"
    return found.group(1)


def make_story(services: Services, raw: str, lang: str = "en", **fields: Any) -> str:
    """A submitted story as the flow leaves it: raw words sealed, the anonymiser's spans, a reference."""
    with services.db.session() as session:
        contact = Contact(
            channel=fields.pop("channel", "sms"),
            transport=TRANSPORT,
            address_hash=f"hash-{datetime.now(UTC).timestamp()}-{raw[:8]}",
            address_sealed=services.vault.seal("07700 900999"),
            lang=lang,
        )
        session.add(contact)
        session.flush()
        redaction = anonymise(raw, lang)
        story = Story(
            contact_id=contact.id,
            channel=contact.channel,
            lang=lang,
            status="new",
            raw_sealed=services.vault.seal(raw),
            redacted_text=redaction.redacted,
            redactions=[{"type": e.type, "start": e.start, "end": e.end} for e in redaction.entities],
            submitted_at=fields.pop("submitted_at", datetime.now(UTC)),
            reply_wanted=True,
            **fields,
        )
        session.add(story)
        session.flush()
        return stories.assign_ref(session, story)


def story_row(services: Services, ref: str) -> Story:
    with services.db.session() as session:
        found = stories.by_ref(session, ref)
        assert found is not None
        session.expunge(found)
        return found


def audit_of(services: Services, ref: str) -> list[AuditEvent]:
    with services.db.session() as session:
        events = list(session.scalars(select(AuditEvent).where(AuditEvent.story_ref == ref)))
        session.expunge_all()
        return events


def moderate(app: Flask, ref: str, **form: Any) -> str:
    client = as_staff(app, "mo")
    response = client.post(
        f"/review/story/{ref}/moderate", data={"csrf_token": token(client, f"/review/story/{ref}"), **form}
    )
    return response.get_data(as_text=True)


def start_moderating(app: Flask, ref: str, who: str = "mo") -> FlaskClient:
    """Take out one more word: the first edit is starting work, so it claims the story."""
    client = as_staff(app, who)
    client.post(
        f"/review/story/{ref}/moderate",
        data={
            "csrf_token": token(client, f"/review/story/{ref}"),
            "add": "1",
            "words": "cold",
            "type": "NAME",
        },
    )
    return client


def test_reading_a_story_never_claims_it(app: Flask, services: Services) -> None:
    ref = make_story(services, "The ward was cold at night.")
    page = as_staff(app, "mo").get(f"/review/story/{ref}").get_data(as_text=True)
    assert "Confirm redactions" in page, "she can start work straight away"
    assert story_row(services, ref).claimed_by is None
    as_staff(app, "lena").get(f"/review/story/{ref}")
    as_staff(app, "rita").get("/review/next")
    assert story_row(services, ref).claimed_by is None


def test_starting_work_claims_a_story_and_others_see_who_has_it(app: Flask, services: Services) -> None:
    ref = make_story(services, "The ward was cold at night.")
    start_moderating(app, ref)
    assert story_row(services, ref).claimed_by == "mo"

    lead = as_staff(app, "lena")
    page = lead.get(f"/review/story/{ref}").get_data(as_text=True)
    assert "Mo Khan started work on it" in page
    assert "Confirm redactions" not in page, "only the person holding it can change it"
    assert "Mo Khan is working on it" in lead.get("/review/").get_data(as_text=True)
    start_moderating(app, ref, who="lena")
    assert story_row(services, ref).claimed_by == "mo", "a second person does not take it over"


def test_a_claim_runs_out_and_can_be_released(app: Flask, services: Services) -> None:
    ref = make_story(services, "The ward was cold at night.")
    moderator = start_moderating(app, ref)
    moderator.post(f"/review/story/{ref}/release", data={"csrf_token": token(moderator, "/review/")})
    assert story_row(services, ref).claimed_by is None
    with services.db.session() as session:
        found = stories.by_ref(session, ref)
        assert found is not None
        found.claimed_by, found.claimed_until = "rita", datetime.now(UTC) - timedelta(minutes=1)
    start_moderating(app, ref, who="lena")
    assert story_row(services, ref).claimed_by == "lena"


def test_typing_a_reply_claims_the_story_for_its_writer(app: Flask, services: Services) -> None:
    ref = _moderated(app, services)
    writer = as_staff(app, "rita")
    page_token = token(writer, f"/review/story/{ref}")
    assert story_row(services, ref).claimed_by is None
    writer.post(
        "/review/check-reply", json={"body": "Thank you", "ref": ref}, headers={"X-CSRFToken": page_token}
    )
    assert story_row(services, ref).claimed_by == "rita"
    other = as_staff(app, "lena")
    answer = other.post(
        "/review/check-reply",
        json={"body": "Thanks", "ref": ref},
        headers={"X-CSRFToken": token(other, "/review/")},
    ).get_json()
    assert answer["held_by"] == "rita", "the second writer is told at once"


def test_the_queue_puts_urgent_first_then_the_longest_waiting_and_counts_each_stage(
    app: Flask, services: Services
) -> None:
    old = make_story(services, "Old story.", submitted_at=datetime.now(UTC) - timedelta(days=10))
    young = make_story(services, "Young story.")
    urgent = make_story(services, "Urgent story.", urgent=True)
    page = as_staff(app, "rita").get("/review/").get_data(as_text=True)
    assert page.index(urgent) < page.index(old) < page.index(young)
    assert "Overdue" in page
    assert re.search(r'app-counts__number">3</span> to moderate', page)


def test_the_queue_filters_by_every_field_and_searches_her_english_words(
    app: Flask, services: Services
) -> None:
    cold = make_story(
        services,
        "The ward was freezing and nobody brought a blanket.",
        site="Maidstone Hospital",
        champion_code="MUMS1",
        channel="whatsapp",
        themes=["environment"],
    )
    polish = make_story(
        services, "Nikt mi nie wyjaśnił.", lang="pl", translation_en="Nobody explained the blanket."
    )
    old = make_story(services, "A story from long ago.", submitted_at=datetime(2025, 1, 6, 9, tzinfo=UTC))
    client = as_staff(app, "rita")

    def shown(**query: str) -> set[str]:
        page = client.get("/review/", query_string=query).get_data(as_text=True)
        return {ref for ref in (cold, polish, old) if ref in page}

    assert shown() == {cold, polish, old}
    assert shown(site="Maidstone Hospital") == {cold}
    assert shown(lang="pl") == {polish}
    assert shown(theme="environment") == {cold}
    assert shown(channel="whatsapp") == {cold}
    assert shown(champion="mums1") == {cold}
    assert shown(since="2025-01-01", until="2025-01-31") == {old}
    assert shown(q="BLANKET") == {cold, polish}, "English words, or the English translation"
    assert shown(q="wyjaśnił") == set(), "her own words in another language are not searched"
    assert shown(q="100%") == set(), "LIKE wildcards are taken literally"
    assert shown(status="moderated") == set()


def test_next_story_opens_the_most_pressing_one_for_this_role(app: Flask, services: Services) -> None:
    make_story(services, "Newer.")
    urgent = make_story(services, "Older but urgent.", urgent=True)
    response = as_staff(app, "mo").get("/review/next")
    assert response.headers["Location"].endswith(f"/review/story/{urgent}")
    follow = as_staff(app, "rita").get("/review/next", follow_redirects=True).get_data(as_text=True)
    assert "There is nothing waiting for you right now." in follow


def test_a_moderator_adds_and_undoes_redactions_then_confirms(app: Flask, services: Services) -> None:
    services.settings = replace(services.settings, raw_retention_days=7)
    raw = "Sarah Jones was kind. The Kestrel unit was noisy, KESTREL  again."
    ref = make_story(services, raw, lang="pl")
    tool_spans = story_row(services, ref).redactions
    assert tool_spans, "the anonymiser found the name"

    page = moderate(app, ref, words=" kestrel ", type="ADDRESS", add="1")
    assert page.count("[ADDRESS]</span></mark>") == 2, "every place she wrote it, in any case"
    spans = re.findall(r'name="span" value="([^"]+)"', page)
    assert story_row(services, ref).redacted_text == anonymise(raw, "pl").redacted, "nothing saved yet"

    name_index = next(i for i, span in enumerate(dict.fromkeys(spans)) if span.endswith("NAME"))
    page = moderate(app, ref, edited="1", span=list(dict.fromkeys(spans)), undo=str(name_index))
    kept = list(dict.fromkeys(re.findall(r'name="span" value="([^"]+)"', page)))
    moderate(app, ref, edited="1", span=kept, confirm="1")

    story = story_row(services, ref)
    assert story.redacted_text == "Sarah Jones was kind. The [ADDRESS] unit was noisy, [ADDRESS]  again."
    assert story.status == "moderated" and story.moderated_by == "mo"
    assert story.translation_status == "pending", "only now may the text leave for translation"
    assert story.purge_raw_after is not None
    assert timedelta(days=6) < story.purge_raw_after - datetime.now(UTC) <= timedelta(days=7)
    confirmed = next(event for event in audit_of(services, ref) if event.action == "moderated")
    assert [span["type"] for span in confirmed.detail["added"]] == ["ADDRESS", "ADDRESS"]
    assert [span["type"] for span in confirmed.detail["removed"]] == ["NAME"]
    detail = str(confirmed.detail).lower()
    assert "kestrel" not in detail and "sarah" not in detail, "the audit log never holds her words"


def test_confirming_without_edits_keeps_what_the_anonymiser_found(app: Flask, services: Services) -> None:
    ref = make_story(services, "My midwife Chioma Okafor was lovely.")
    moderate(app, ref)
    story = story_row(services, ref)
    assert story.redacted_text == anonymise("My midwife Chioma Okafor was lovely.").redacted
    assert story.translation_status == "not_needed"


def test_her_raw_words_are_shown_to_moderators_audited_and_never_to_responders(
    app: Flask, services: Services
) -> None:
    ref = make_story(services, "Nurse Chioma Okafor ignored me.")
    responder_page = as_staff(app, "rita").get(f"/review/story/{ref}").get_data(as_text=True)
    assert "Okafor" not in responder_page
    assert not [event for event in audit_of(services, ref) if event.action == "raw_viewed"]

    moderator_page = as_staff(app, "mo").get(f"/review/story/{ref}").get_data(as_text=True)
    assert "Okafor" in moderator_page and "<mark" in moderator_page
    viewed = [event for event in audit_of(services, ref) if event.action == "raw_viewed"]
    assert [event.actor for event in viewed] == ["mo"]
    client = as_staff(app, "rita")
    refused = client.post(f"/review/story/{ref}/moderate", data={"csrf_token": token(client, "/review/")})
    assert refused.status_code == 403


def test_media_is_served_only_to_moderators_and_every_view_is_audited(app: Flask, services: Services) -> None:
    ref = make_story(services, "Listen to my voice note.")
    with services.db.session() as session:
        story = stories.by_ref(session, ref)
        assert story is not None
        inbound = Inbound(
            channel="sms",
            provider_id="m1",
            contact_id=story.contact_id or 0,
            story_id=story.id,
            body_sealed=services.vault.seal(""),
        )
        session.add(inbound)
        session.flush()
        media = Media(
            inbound_id=inbound.id,
            contact_id=inbound.contact_id,
            transport=TRANSPORT,
            kind="audio",
            content_type="audio/ogg",
            data_sealed=services.vault.seal_bytes(b"OggS-voice"),
            status="stored",
        )
        session.add(media)
        session.flush()
        media_id = media.id

    assert as_staff(app, "rita").get(f"/review/media/{media_id}").status_code == 403
    assert f"/review/media/{media_id}" not in as_staff(app, "rita").get(f"/review/story/{ref}").get_data(True)
    moderator = as_staff(app, "mo")
    assert f'<audio controls preload="none" src="/review/media/{media_id}"' in moderator.get(
        f"/review/story/{ref}"
    ).get_data(as_text=True)
    served = moderator.get(f"/review/media/{media_id}")
    assert served.data == b"OggS-voice" and served.content_type == "audio/ogg"
    assert served.headers["Cache-Control"] == "no-store"
    assert [event.actor for event in audit_of(services, ref) if event.action == "media_viewed"] == ["mo"]


def _moderated(
    app: Flask,
    services: Services,
    raw: str = "The midwife did not listen when I said the pain was too much.",
    lang: str = "en",
) -> str:
    ref = make_story(services, raw, lang=lang)
    moderate(app, ref)
    return ref


def _draft(app: Flask, ref: str, body: str, who: str = "rita", **extra: str) -> None:
    client = as_staff(app, who)
    client.post(
        f"/review/story/{ref}/reply",
        data={"body": body, "csrf_token": token(client, f"/review/story/{ref}"), **extra},
    )


def _approve(app: Flask, services: Services, ref: str, who: str = "lena", **extra: str) -> str:
    with services.db.session() as session:
        response_id = session.scalars(select(Response.id).order_by(Response.id.desc())).first()
    client = as_staff(app, who)
    result = client.post(
        f"/review/response/{response_id}/approve",
        data={"csrf_token": token(client, f"/review/story/{ref}"), **extra},
        follow_redirects=True,
    )
    return result.get_data(as_text=True)


def _outbox_replies(services: Services) -> list[str]:
    with services.db.session() as session:
        return list(session.scalars(select(OutboxMessage.body).where(OutboxMessage.kind == "reply")))


def test_a_defensive_draft_is_blocked_until_a_lead_overrides_with_a_written_reason(
    app: Flask, services: Services
) -> None:
    ref = _moderated(app, services)
    _draft(app, ref, DEFENSIVE_REPLY)
    page = as_staff(app, "lena").get(f"/review/story/{ref}").get_data(as_text=True)
    assert "The checker found" in page and "very busy" in page

    assert "cannot be approved yet" in _approve(app, services, ref)
    assert _outbox_replies(services) == []
    with services.db.session() as session:
        session.add(StaffUser(username="ali", display_name="Ali", role="moderator", password_hash="-"))
    assert _approve(app, services, ref, who="ada", override_reason="") and _outbox_replies(services) == []

    _approve(app, services, ref, override_reason="She asked for a plain factual answer.")
    assert len(_outbox_replies(services)) == 1
    override = next(event for event in audit_of(services, ref) if event.action == "reply_override")
    assert override.actor == "lena"
    assert override.detail["reason"] == "She asked for a plain factual answer."
    assert "staff_busy" in override.detail["rules"]
    week = "{}-W{:02d}".format(*datetime.now(UTC).isocalendar()[:2])
    with services.db.session() as session:
        assert digest.build(session, services, "all", week).overrides == 1


def test_a_reply_the_checker_passes_is_approved_by_someone_else_and_signed_by_its_writer(
    app: Flask, services: Services
) -> None:
    ref = _moderated(app, services)
    _draft(app, ref, GOOD_REPLY, who="lena")
    assert "Someone else must approve a reply you wrote." in _approve(app, services, ref, who="lena")
    assert _outbox_replies(services) == []
    _approve(app, services, ref, who="ada")
    [sent] = _outbox_replies(services)
    assert sent.endswith("Lena, Midwife") and "I am sorry we did not listen." in sent


def test_a_reply_with_only_advice_is_approved_without_an_override_and_the_advice_shown_apart(
    app: Flask, services: Services
) -> None:
    ref = _moderated(app, services)
    no_offer = GOOD_REPLY.replace(" If you would like to talk, reply here.", "")
    _draft(app, ref, no_offer)
    page = as_staff(app, "lena").get(f"/review/story/{ref}").get_data(as_text=True)
    assert "Suggestions (these do not stop approval)" in page and "a way to talk" in page
    assert "The checker found" not in page

    assert "on its way to her" in _approve(app, services, ref)
    assert len(_outbox_replies(services)) == 1
    assert "reply_override" not in {event.action for event in audit_of(services, ref)}


def test_once_a_reply_is_sent_every_other_draft_for_the_story_is_closed_for_good(
    app: Flask, services: Services
) -> None:
    ref = _moderated(app, services)
    _draft(app, ref, GOOD_REPLY)
    _draft(app, ref, GOOD_REPLY.replace("this week", "on Monday"))
    with services.db.session() as session:
        first, second = session.scalars(select(Response).order_by(Response.id)).all()
        first_id, second_id, story_id = first.id, second.id, first.story_id
    client = as_staff(app, "lena")
    approve_first = client.post(
        f"/review/response/{first_id}/approve",
        data={"csrf_token": token(client, f"/review/story/{ref}")},
        follow_redirects=True,
    ).get_data(as_text=True)
    assert "on its way to her" in approve_first
    with services.db.session() as session:
        replies.mark_sent(session, story_id, datetime.now(UTC))

    again = client.post(
        f"/review/response/{second_id}/approve",
        data={"csrf_token": token(client, f"/review/story/{ref}")},
        follow_redirects=True,
    ).get_data(as_text=True)

    assert "Another reply to this story was sent first" in again
    with services.db.session() as session:
        assert [response.status for response in session.scalars(select(Response).order_by(Response.id))] == [
            "sent",
            "superseded",
        ]
    assert len(_outbox_replies(services)) == 1
    page = client.get(f"/review/story/{ref}").get_data(as_text=True)
    assert "Closed: another reply was sent" in page


def test_the_live_checker_answers_as_she_types_and_needs_a_csrf_token(app: Flask, services: Services) -> None:
    ref = _moderated(app, services)
    client = as_staff(app, "rita")
    page_token = token(client, f"/review/story/{ref}")
    found = client.post(
        "/review/check-reply", json={"body": DEFENSIVE_REPLY, "ref": ref}, headers={"X-CSRFToken": page_token}
    ).get_json()
    assert "staff_busy" in {finding["rule"] for finding in found["blocking"]}
    assert all(finding["quote"] in DEFENSIVE_REPLY for finding in found["blocking"])
    clean = client.post(
        "/review/check-reply", json={"body": GOOD_REPLY, "ref": ref}, headers={"X-CSRFToken": page_token}
    ).get_json()
    assert clean == {"blocking": [], "advice": []}
    assert client.post("/review/check-reply", json={"body": "x", "ref": ref}).status_code == 400


def test_a_reply_goes_out_in_her_language_and_a_hand_edited_translation_is_recorded(
    app: Flask, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        translation, "translate_reply", lambda _services, english, lang: (f"[{lang}] {english}", english)
    )
    ref = _moderated(app, services, "Położna mnie nie słuchała.", lang="pl")
    with services.db.session() as session:
        story = stories.by_ref(session, ref)
        assert story is not None
        story.translation_en, story.translation_status = "The midwife did not listen to me.", "done"
    _draft(app, ref, GOOD_REPLY)
    page = as_staff(app, "lena").get(f"/review/story/{ref}").get_data(as_text=True)
    assert "[pl] Thank you" in page and "Back into English" in page

    with services.db.session() as session:
        response_id = session.scalars(select(Response.id)).one()
    lead = as_staff(app, "lena")
    lead.post(
        f"/review/response/{response_id}/translation",
        data={"translation": "Dziękujemy, że nam Pani powiedziała.", "csrf_token": token(lead, "/review/")},
    )
    _approve(app, services, ref)
    [sent] = _outbox_replies(services)
    assert "Dziękujemy, że nam Pani powiedziała." in sent and "Thank you for telling us" not in sent
    assert [event.actor for event in audit_of(services, ref) if event.action == "translation_edited"] == [
        "lena"
    ]


def test_without_a_translation_service_the_approver_is_told_so(app: Flask, services: Services) -> None:
    ref = _moderated(app, services, "Położna mnie nie słuchała.", lang="pl")
    _draft(app, ref, GOOD_REPLY)
    page = as_staff(app, "lena").get(f"/review/story/{ref}").get_data(as_text=True)
    assert "No translation service is set up, so nothing will translate this reply." in page
    assert "Ask the translation service again" not in page


def test_a_reply_saved_as_a_template_starts_the_next_reply(app: Flask, services: Services) -> None:
    first = _moderated(app, services)
    _draft(
        app, first, GOOD_REPLY, save_template="1", template_title="Not listened to", template_theme="listened"
    )
    with services.db.session() as session:
        template = session.scalars(select(ReplyTemplate)).one()
        assert (template.theme, template.title, template.created_by) == (
            "listened",
            "Not listened to",
            "rita",
        )
        template_id = template.id
    second = _moderated(app, services, "Nobody listened to me about the pain.")
    page = as_staff(app, "rita").get(f"/review/story/{second}?template={template_id}").get_data(as_text=True)
    assert re.search(r'<textarea [^>]*id="body"[^>]*>Thank you for telling us', page)
    client = as_staff(app, "rita")
    client.post(
        "/review/templates",
        data={
            "theme": "access",
            "title": "Cancelled",
            "body": "Thank you.",
            "csrf_token": token(client, "/review/"),
        },
    )
    assert "Cancelled" in client.get("/review/templates").get_data(as_text=True)


def test_themes_are_suggested_from_her_words_and_kept_only_when_a_person_confirms(
    app: Flask, services: Services
) -> None:
    ref = _moderated(app, services, "Nobody listened to me and the interpreter never came.")
    page = as_staff(app, "mo").get(f"/review/story/{ref}").get_data(as_text=True)
    assert re.search(r'id="theme-listened"[^>]*checked', page) and re.search(
        r'id="theme-interpreting"[^>]*checked', page
    )
    assert story_row(services, ref).themes == [], "a suggestion is not saved until confirmed"
    client = as_staff(app, "mo")
    client.post(
        f"/review/story/{ref}/themes",
        data={
            "theme": ["listened", "safety", "made-up"],
            "criticality": "high",
            "csrf_token": token(client, "/review/"),
        },
    )
    story = story_row(services, ref)
    assert (story.themes, story.criticality) == (["listened", "safety"], "high")
    assert [event.detail["themes"] for event in audit_of(services, ref) if event.action == "themes_set"] == [
        ["listened", "safety"]
    ]


def test_an_urgent_alert_is_marked_seen_then_acted_on_with_a_note(app: Flask, services: Services) -> None:
    ref = make_story(services, "I am bleeding a lot.", urgent=True)
    with services.db.session() as session:
        story = stories.by_ref(session, ref)
        assert story is not None
        alert = Alert(story_id=story.id, story_ref=ref, risks=["clinical"], email_status="off")
        session.add(alert)
        session.flush()
        alert_id = alert.id
    client = as_staff(app, "mo")
    assert "Nobody has marked this alert as seen yet." in client.get(f"/review/story/{ref}").get_data(True)
    client.post(f"/review/alert/{alert_id}", data={"action": "seen", "csrf_token": token(client, "/review/")})
    client.post(
        f"/review/alert/{alert_id}",
        data={
            "action": "acted",
            "note": "Rang triage, she is being seen.",
            "csrf_token": token(client, "/review/"),
        },
    )
    with services.db.session() as session:
        marked = session.get(Alert, alert_id)
        assert marked is not None
        assert (marked.seen_by, marked.acted_by, marked.action_note) == (
            "mo",
            "mo",
            "Rang triage, she is being seen.",
        )
    assert "Rang triage" in client.get(f"/review/story/{ref}").get_data(as_text=True)


def test_a_lead_records_you_said_we_did_and_marks_it_made(app: Flask, services: Services) -> None:
    client = as_staff(app, "lena")
    with services.db.session() as session:
        session.add_all(
            Story(ref=ref, channel="sms", lang="en", status="moderated", site=None)
            for ref in ("AV-ABCD", "AV-EFGH")
        )
    form = {
        "you_said": "Nobody explained the drip.",
        "we_did": "Midwives now explain every drip.",
        "theme": ["communication"],
        "csrf_token": token(client, "/review/"),
    }
    refused = client.post(
        "/review/actions", data={**form, "story_refs": "AV-ABCD, AV-ZZZZ"}, follow_redirects=True
    )
    assert "No story has the reference AV-ZZZZ" in refused.get_data(as_text=True)
    client.post("/review/actions", data={**form, "story_refs": "av-abcd, AV-EFGH"})
    with services.db.session() as session:
        action = session.scalars(select(Action)).one()
        assert (action.status, action.story_refs, action.themes) == (
            "planned",
            ["AV-ABCD", "AV-EFGH"],
            ["communication"],
        )
        action_id = action.id
    assert "Change planned" in client.get("/review/story/AV-ABCD").get_data(as_text=True)
    empty = client.post(f"/review/actions/{action_id}/made", data={"csrf_token": token(client, "/review/")})
    assert empty.status_code == 302
    client.post(
        f"/review/actions/{action_id}/made",
        data={"csrf_token": token(client, "/review/"), "change": "now explain every drip before it starts"},
    )
    assert "Change made" in client.get("/review/actions").get_data(as_text=True)
    story_page = client.get("/review/story/AV-EFGH").get_data(as_text=True)
    assert "now explain every drip before it starts" in story_page


def test_an_admin_adds_staff_who_can_then_sign_in_and_deactivates_them(
    app: Flask, services: Services
) -> None:
    admin = as_staff(app, "ada")
    admin.post(
        "/review/users",
        data={
            "username": "Nia",
            "display_name": "Nia Patel",
            "job_title": "Matron",
            "role": "lead",
            "password": "a long first password",
            "csrf_token": token(admin, "/review/"),
        },
    )
    page = admin.get("/review/users").get_data(as_text=True)
    assert "Nia Patel" in page and "Maidstone Hospital" in page, "sites are shown read-only"
    nia_id = _user_id(app, "nia")
    nia = as_staff(app, "nia")
    assert nia.get("/review/").status_code == 200
    admin.post(f"/review/users/{nia_id}/active", data={"csrf_token": token(admin, "/review/")})
    assert nia.get("/review/").status_code == 302, "a deactivated account is signed out at once"


def test_every_page_has_a_strict_content_security_policy_and_no_inline_script(
    app: Flask, services: Services
) -> None:
    ref = _moderated(app, services)
    client = as_staff(app, "lena")
    simulator = create_app(services=replace(services, settings=replace(services.settings, simulator=True)))
    for path in ("/review/", f"/review/story/{ref}", "/review/login", "/simulator/", "/"):
        response = (simulator.test_client() if path == "/simulator/" else client).get(path)
        assert response.status_code == 200, path
        policy = response.headers["Content-Security-Policy"]
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy
        assert response.headers["X-Frame-Options"] == "DENY"
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", response.get_data(as_text=True)), path
