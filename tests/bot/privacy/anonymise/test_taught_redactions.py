"""Moderators teach the anonymiser: what one of them takes out is taken out of the next story before
anyone reads it, and what one of them puts back is left in; remembered as keyed hashes, and audited."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from flask import Flask
from sqlalchemy import select

from bot.app import create_app
from bot.privacy.anonymise import Lessons, anonymise, phrase
from bot.privacy.anonymise._lessons import unlearned
from bot.services import Services
from storage.models import AuditEvent, StaffUser, Story
from storage.redactions import TaughtRedaction
from tests.bot.web.test_review_dashboard import make_story, moderate, story_row
from tests.helpers import say


@pytest.fixture
def review(services: Services) -> Iterator[Flask]:
    with services.db.session() as session:
        session.add(
            StaffUser(
                username="mo",
                display_name="Mo Khan",
                job_title="Midwife",
                role="moderator",
                password_hash="-",
            )
        )
    application = create_app(services=services)
    application.config.update(TESTING=True)
    yield application


def _spans(page: str) -> list[str]:
    return list(dict.fromkeys(re.findall(r'name="span" value="([^"]+)"', page)))


def _tell(services: Services, words: str, sender: str) -> str:
    """Her whole conversation through the chat line; returns the redacted story staff will read."""
    for message in ("Hello", "yes", words, "DONE", "SKIP", "SKIP", "SKIP", "YES", "NO"):
        say(services, message, sender)
    with services.db.session() as session:
        found = session.scalars(select(Story).order_by(Story.id.desc())).first()
        assert found is not None and found.redacted_text is not None
        return found.redacted_text


def test_a_nickname_a_moderator_took_out_is_taken_out_of_the_next_story_before_anyone_reads_it(
    review: Flask, services: Services
) -> None:
    raw = "then pickle came in and held my hand"
    assert anonymise(raw, "en").redacted == raw, "a nickname that is also a word, with no cue"
    ref = make_story(services, raw)
    page = moderate(review, ref, words="Pickle", type="NAME", add="1")
    moderate(review, ref, edited="1", span=_spans(page), confirm="1")
    assert story_row(services, ref).redacted_text == "then [NAME] came in and held my hand"

    told = _tell(services, "Pickle stayed all night. pickle is the only one who listened", "+447700900201")
    assert told == "[NAME] stayed all night. [NAME] is the only one who listened"


def test_a_name_a_moderator_put_back_is_left_in_the_next_story(review: Flask, services: Services) -> None:
    raw = "Sarah Jones was kind."
    assert anonymise(raw, "en").redacted == "[NAME] was kind.", "the anonymiser takes the name out"
    ref = make_story(services, raw)
    page = moderate(review, ref, words="kind", type="NAME", add="1")
    spans = _spans(page)
    undo = next(i for i, span in enumerate(spans) if span.startswith("0:"))
    page = moderate(review, ref, edited="1", span=spans, undo=str(undo))
    moderate(review, ref, edited="1", span=_spans(page), confirm="1")

    told = _tell(services, "Sarah Jones came back the next day", "+447700900202")
    assert told.startswith("Sarah Jones came back")


def test_lessons_are_kept_as_keyed_hashes_and_audited_without_her_words(
    review: Flask, services: Services
) -> None:
    ref = make_story(services, "then biscuit held the baby")
    page = moderate(review, ref, words="biscuit", type="NAME", add="1")
    moderate(review, ref, edited="1", span=_spans(page), confirm="1")
    with services.db.session() as session:
        rows = list(session.scalars(select(TaughtRedaction)))
        events = list(session.scalars(select(AuditEvent).where(AuditEvent.action == "redactions_taught")))
        assert [(row.type, row.words, row.taught_by) for row in rows] == [("NAME", 1, "mo")]
        assert rows[0].words_hash == services.vault.lookup("taught words", "biscuit")
        assert "biscuit" not in rows[0].words_hash
        assert [(event.actor, event.story_ref, event.detail) for event in events] == [
            ("mo", ref, {"lessons": 1})
        ]


def test_a_taught_phrase_matches_in_any_case_and_spacing_and_a_number_is_part_of_it() -> None:
    taught = {"kez": "NAME", "bed 14": "ADDRESS", "sarah jones": "KEEP"}
    lessons = Lessons(lambda words: f"h:{words}", {f"h:{k}": v for k, v in taught.items()}, 2)
    assert phrase("  KEZ ") == "kez" and phrase("Bed   14") == "bed 14"
    result = anonymise("KEZ was in Bed 14, bed 15 was empty; Sarah Jones came", "en", lessons)
    assert result.redacted == "[NAME] was in [ADDRESS], [ADDRESS] was empty; Sarah Jones came"


def test_no_part_of_a_phrase_a_moderator_put_back_is_taken_out() -> None:
    kept_run = {(30, 41)}  # "Sarah Jones", which she said is no name here
    found = [("NAME", 36, 41), ("NAME", 0, 3), ("PHONE", 36, 41)]
    assert unlearned(found, kept_run) == [("NAME", 0, 3), ("PHONE", 36, 41)]


def test_a_name_found_inside_a_phrase_a_moderator_taught_takes_her_type() -> None:
    taught = [("NAME", 0, 3)]  # "KEZ", which she said is a name
    assert unlearned([("STAFF NAME", 0, 3), ("STAFF NAME", 10, 15)], set(), taught) == [
        ("STAFF NAME", 10, 15)
    ]
