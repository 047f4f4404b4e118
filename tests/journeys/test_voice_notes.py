"""Acceptance: a voice note spoken in English (synthesised with espeak-ng) sent through the simulator is
fetched, written down by the real Whisper model in the worker, and reaches the moderator as her story
with its words marked as machine-made; once moderated, staff read it like typed words.

The one test here that runs the model: SQLite only, a few seconds of audio (timings are noisy on a
shared two-core machine).
"""

from __future__ import annotations

import io
import re

import pytest
from flask import Flask
from sqlalchemy import select

from bot.chat.media import fetch_pending
from bot.chat.transcribe import transcribe_pending
from bot.services import Services
from storage.models import Media, Story
from tests.journeys.test_whole_loop import app, csrf, her_phone, send, sign_in  # noqa: F401 (fixture)
from tests.speech import needs_espeak, spoken

SAID = "The midwife did not listen to me when I asked for pain relief."


@needs_espeak
@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_synthesised_english_voice_note_becomes_a_moderated_story_with_its_transcript(
    app: Flask,  # noqa: F811
    services: Services,
) -> None:
    phone = app.test_client()
    token = csrf(phone, "/simulator/")
    phone.post(
        "/simulator/start", data={"channel": "whatsapp", "sender": "07700 900457", "csrf_token": token}
    )
    for text in ("Hello", "yes"):
        send(phone, text)
    recording = (io.BytesIO(spoken(SAID)), "note.wav", "audio/wav")
    sent = phone.post(
        "/simulator/send",
        data={"text": "", "csrf_token": csrf(phone, "/simulator/"), "recording": recording},
        content_type="multipart/form-data",
    )
    assert sent.status_code == 200
    assert "we have your voice note" in str(her_phone(phone)[-1]["text"])

    assert fetch_pending(services) == 1, "the worker fetches it like a provider's file"
    assert transcribe_pending(services) == 1, "and writes it down, in English: her chat's language"
    for text in ("DONE", "SKIP", "SKIP", "SKIP", "NO", "NO"):
        send(phone, text)
    ref = re.search(r"AV-[A-HJ-NP-Z2-9]{4,6}", str(her_phone(phone)[-1]["text"]))
    assert ref
    code = ref.group(0)

    moderator = sign_in(app, "mo")
    page = moderator.get(f"/review/story/{code}").get_data(as_text=True)
    assert "written down by machine" in page
    assert re.search(r"midwife did not listen", page, re.IGNORECASE), page
    assert "<audio controls" in page, "the audio stays, for moderators"
    moderator.post(
        f"/review/story/{code}/moderate", data={"csrf_token": csrf(moderator, f"/review/story/{code}")}
    )

    with services.db.session() as session:
        story = session.scalars(select(Story)).one()
        note = session.scalars(select(Media)).one()
        assert story.status == "moderated"
        assert re.search(r"pain relief", story.redacted_text or "", re.IGNORECASE)
        assert note.transcript_status == "done" and note.transcript_lang == "en"
        assert note.data_sealed is not None
    responder_view = sign_in(app, "rita").get(f"/review/story/{code}").get_data(as_text=True)
    assert "written down by machine" in responder_view and "<audio" not in responder_view
