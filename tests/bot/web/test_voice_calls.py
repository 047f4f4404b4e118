"""Acceptance: a call to the voice line, step by step through the signed webhook, answered with TwiML
made by the real twilio library; her recording, served by the Twilio fake, becomes her story through the
same path as a voice note — stored, fetched, written down, anonymised, put before a moderator — and she
is texted her code only because she asked for a reply. SQLite and PostgreSQL."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select
from twilio.request_validator import RequestValidator

from bot.chat.delivery import deliver_due
from bot.chat.media import fetch_pending
from bot.chat.speech import Transcript
from bot.chat.transcribe import transcribe_pending
from bot.services import Services
from bot.worker import answer_all
from storage.models import Contact, Media, Story
from tests.bot.web.test_webhooks import HER, PUBLIC, wired  # noqa: F401 (fixture)
from tests.fakes.providers import FakeTwilio

VOICE = "/webhooks/twilio/voice"
WAV = b"RIFF\x24\x00\x00\x00WAVEfmt a recording"


class Call:
    """One caller on the line: each request signed as Twilio signs it, each answer parsed as TwiML."""

    def __init__(self, client: FlaskClient, caller: str = HER, sid: str = "CA" + "1" * 32) -> None:
        self.client = client
        self.caller = caller
        self.sid = sid
        self.url = PUBLIC + VOICE
        self.services: Services = client.application.extensions["allvoices"]

    def post(self, url: str, signed: bool = True, **form: str) -> ET.Element:
        settings = self.services.settings
        fields = {"AccountSid": settings.twilio_account_sid, "CallSid": self.sid, "From": self.caller, **form}
        headers = {}
        if signed:
            headers["X-Twilio-Signature"] = RequestValidator(settings.twilio_auth_token).compute_signature(
                url, fields
            )
        parts = urlsplit(url)
        answer = self.client.post(
            parts.path + (f"?{parts.query}" if parts.query else ""), data=fields, headers=headers
        )
        assert answer.status_code == 200, answer.get_data(as_text=True)
        assert answer.content_type.startswith("text/xml")
        return ET.fromstring(answer.get_data(as_text=True))

    def press(self, twiml: ET.Element, key: str) -> ET.Element:
        gather = twiml.find("Gather")
        assert gather is not None, ET.tostring(twiml)
        return self.post(gather.attrib["action"], Digits=key)


def said(twiml: ET.Element) -> list[str]:
    return [say.text or "" for say in twiml.iter("Say")]


@pytest.fixture
def line(wired: tuple[Services, Flask]) -> Iterator[Call]:  # noqa: F811
    _services, app = wired
    yield Call(app.test_client())


def test_a_call_becomes_a_story_through_the_same_path_as_a_voice_note(
    line: Call, twilio_api: FakeTwilio
) -> None:
    menu = line.post(line.url)
    assert said(menu)[0] == "For English, press 1."
    assert len(said(menu)) == 10, "each language Twilio can speak, named in its own voice"
    assert menu.find("Gather/Say[@language='pl-PL']") is not None
    consent = line.press(menu, "1")
    assert "A real person listens" in said(consent)[0] and "press 1" in said(consent)[1]
    reply = line.press(consent, "1")
    assert "text message to this phone" in said(reply)[0]
    quote = line.press(reply, "1")
    assert "website" in said(quote)[0]
    tone = line.press(quote, "2")
    record = tone.find("Record")
    assert record is not None and record.attrib["finishOnKey"] == "#"
    assert "after the tone" in said(tone)[0]

    goodbye = line.post(
        record.attrib["action"],
        RecordingUrl=twilio_api.add_recording(WAV),
        RecordingDuration="42",
        Digits="hangup",
    )
    assert "Thank you. A person will listen to your story." in said(goodbye)
    assert goodbye.find("Hangup") is not None

    services = line.services
    answer_all(services)
    with services.db.session() as session:
        story = session.scalars(select(Story)).one()
        assert (story.channel, story.lang, story.status) == ("voice", "en", "new")
        assert story.reply_wanted is True and story.quote_ok is False
        contact = session.get(Contact, story.contact_id)
        assert contact is not None and contact.channel == "sms" and contact.consented_at is not None
        assert services.vault.open(contact.address_sealed) == HER, "her number, sealed like any other"
    assert deliver_due(services)
    (text,) = twilio_api.accepted
    assert text["To"] == HER and story.ref and story.ref in text["Body"], "her code, by text, as she asked"

    assert fetch_pending(services) == 1, "fetched with the account's credentials, like media"
    with services.db.session() as session:
        note = session.scalars(select(Media)).one()
        assert services.vault.open_bytes(note.data_sealed or b"") == WAV
    transcribe_pending(
        services, lambda audio, lang: Transcript("My name is Amina and nobody came.", True, 42.0, 3.0)
    )
    with services.db.session() as session:
        story = session.scalars(select(Story)).one()
        assert "nobody came" in (story.redacted_text or "") and "Amina" not in (story.redacted_text or "")
        assert "written down by machine" in (story.redacted_text or "")


def test_a_retried_recording_is_kept_once(line: Call, twilio_api: FakeTwilio) -> None:
    url = f"{line.url}?step=recorded&tries=0&lang=en&reply=0&quote=0"
    recording = twilio_api.add_recording(WAV)
    for _ in range(2):
        line.post(url, RecordingUrl=recording, RecordingDuration="5")
    answer_all(line.services)
    with line.services.db.session() as session:
        assert len(list(session.scalars(select(Story)))) == 1


def test_a_caller_who_did_not_ask_for_a_reply_is_never_texted(line: Call, twilio_api: FakeTwilio) -> None:
    url = f"{line.url}?step=recorded&tries=0&lang=ur&reply=0&quote=0"
    line.post(url, RecordingUrl=twilio_api.add_recording(WAV), RecordingDuration="5")
    answer_all(line.services)
    deliver_due(line.services)
    fetch_pending(line.services)
    transcribe_pending(
        line.services, lambda audio, lang: Transcript("I am bleeding heavily now", True, 5.0, 1.0)
    )
    deliver_due(line.services)
    assert twilio_api.accepted == []
    with line.services.db.session() as session:
        story = session.scalars(select(Story)).one()
        assert story.urgent and story.lang == "ur", "staff are alerted all the same"


def test_a_withheld_number_is_not_asked_about_a_reply(line: Call) -> None:
    line.caller = "anonymous"
    consent = line.press(line.press(line.post(line.url), "1"), "1")
    assert "website" in said(consent)[0]


def test_an_unsigned_or_tampered_step_is_refused(line: Call) -> None:
    answer = line.client.post(VOICE, data={"CallSid": line.sid, "From": HER})
    assert answer.status_code == 403
    signed_for = f"{line.url}?step=quote&tries=0&lang=en&reply=0&quote=0"
    fields = {"AccountSid": line.services.settings.twilio_account_sid, "CallSid": line.sid, "Digits": "1"}
    signature = RequestValidator(line.services.settings.twilio_auth_token).compute_signature(
        signed_for, fields
    )
    tampered = line.client.post(
        f"{VOICE}?step=quote&tries=0&lang=en&reply=1&quote=0",
        data=fields,
        headers={"X-Twilio-Signature": signature},
    )
    assert tampered.status_code == 403


def test_tigrinya_is_not_offered_on_the_phone_without_a_voice_to_speak_it(line: Call) -> None:
    menu = " ".join(said(line.post(line.url)))
    assert "ትግርኛ" not in menu and "Soomaali" not in menu
