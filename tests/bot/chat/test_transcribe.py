"""Voice notes written down in her language and then treated like typed words: into her story for the
anonymiser and the moderator, checked for urgent risk, and left for a person where the machine cannot
write her language down. The model stands in here (see tests/journeys/test_voice_notes.py for the real
one); SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from sqlalchemy import select

from bot.chat.delivery import deliver_due
from bot.chat.media import fetch_pending
from bot.chat.speech import Transcript
from bot.chat.transcribe import transcribe_pending
from bot.review import moderation
from bot.services import Services
from storage.models import Alert, Media, OutboxMessage, Story
from tests.helpers import say

WAV = (b"RIFF-a-voice-note", "audio/wav")


def speaking(words: str, complete: bool = True) -> Callable[[bytes, str], Transcript]:
    heard: list[str] = []

    def transcriber(audio: bytes, lang: str) -> Transcript:
        assert audio == WAV[0], "the sealed audio, opened"
        heard.append(lang)
        return Transcript(words, complete=complete, audio_seconds=4.0, seconds=1.0)

    transcriber.heard = heard  # type: ignore[attr-defined]
    return transcriber


def _voice_note(services: Services, *before: str) -> list[str]:
    for text in before:
        say(services, text)
    answer = say(services, "", files=(WAV,))
    assert fetch_pending(services) == 1
    return answer


def _texts_since(services: Services, count: int) -> list[str]:
    deliver_due(services)
    with services.db.session() as session:
        return [row.body for row in session.scalars(select(OutboxMessage).order_by(OutboxMessage.id))][count:]


def _sent_count(services: Services) -> int:
    with services.db.session() as session:
        return len(list(session.scalars(select(OutboxMessage))))


def _story(services: Services) -> Story:
    with services.db.session() as session:
        story = session.scalars(select(Story)).one()
        session.expunge(story)
        return story


def test_a_voice_note_is_written_down_in_her_language_and_joins_her_story_marked_as_machine_made(
    services: Services,
) -> None:
    _voice_note(services, "Witam, chcę opowiedzieć o porodzie", "tak")
    transcriber = speaking("Położna Anna nie słuchała mnie.")
    assert transcribe_pending(services, transcriber) == 1
    assert transcriber.heard == ["pl"]  # type: ignore[attr-defined]
    for answer in ("DONE", "SKIP", "SKIP", "SKIP", "NIE", "NIE"):
        say(services, answer)
    story = _story(services)
    raw = services.vault.open(story.raw_sealed or b"")
    assert "(Voice note, written down by machine:)\nPołożna Anna nie słuchała mnie." in raw
    assert "Anna" not in (story.redacted_text or ""), "the same anonymiser as typed words"
    assert "[STAFF NAME]" in (story.redacted_text or "") or "[NAME]" in (story.redacted_text or "")
    with services.db.session() as session:
        note = session.scalars(select(Media)).one()
        assert note.transcript_status == "done" and note.transcript_lang == "pl"
        assert note.transcript_sealed != b"" and b"Anna" not in (note.transcript_sealed or b""), "sealed"
        assert note.data_sealed is not None, "the audio stays, sealed, for moderators"


def test_words_that_arrive_after_she_finished_are_rebuilt_into_the_story_before_moderation(
    services: Services,
) -> None:
    _voice_note(services, "Hello", "yes")
    for answer in ("DONE", "SKIP", "SKIP", "SKIP", "NO", "NO"):
        say(services, answer)
    assert "written down" not in (_story(services).redacted_text or "")
    transcribe_pending(services, speaking("Nobody came when I rang the bell."))
    story = _story(services)
    assert story.status == "new"
    assert "Nobody came when I rang the bell." in (story.redacted_text or "")
    with services.db.session() as session:
        found = session.get(Story, story.id)
        assert found is not None
        raw = services.vault.open(found.raw_sealed or b"")
        spans = moderation.spans_of(found)
        moderation.confirm(session, found, raw, spans, "mo", timedelta(days=30), services.vault)
    assert "Nobody came" in (_story(services).redacted_text or ""), "moderated like her typed words"


def test_words_after_a_moderator_checked_her_story_send_it_back_to_moderation(services: Services) -> None:
    _voice_note(services, "Hello", "yes")
    for answer in ("DONE", "SKIP", "SKIP", "SKIP", "NO", "NO"):
        say(services, answer)
    with services.db.session() as session:
        story = session.scalars(select(Story)).one()
        moderation.confirm(session, story, "", [], "mo", timedelta(days=30), services.vault)
    transcribe_pending(services, speaking("The ward was cold."))
    story = _story(services)
    assert story.status == "new", "a moderator reads the new words first"
    assert story.answers["follow_ups"] == ["(Voice note, written down by machine:)\nThe ward was cold."]


def test_an_urgent_voice_note_is_flagged_alerted_and_answered_with_the_numbers(services: Services) -> None:
    _voice_note(services, "Hello", "yes")
    before = _sent_count(services)
    transcribe_pending(services, speaking("I am bleeding heavily right now and I am scared."))
    story = _story(services)
    assert story.urgent and story.ref
    with services.db.session() as session:
        assert session.scalars(select(Alert)).one().story_id == story.id
    (safety,) = _texts_since(services, before)
    assert "999" in safety


def test_tigrinya_is_left_for_a_person_and_she_is_told_so_once(services: Services) -> None:
    say(services, "Hello")
    say(services, "LANGUAGE")
    say(services, "13")  # ትግርኛ
    say(services, "እወ")
    for _ in range(2):
        say(services, "", files=(WAV,))
    fetch_pending(services)
    before = _sent_count(services)
    transcriber = speaking("never called")
    assert transcribe_pending(services, transcriber) == 0
    assert transcriber.heard == []  # type: ignore[attr-defined]
    with services.db.session() as session:
        assert [note.transcript_status for note in session.scalars(select(Media))] == ["listen", "listen"]
    (told,) = _texts_since(services, before)
    assert "ድምጺ" in told, "in her language: a person will listen to your voice note"


def test_a_note_the_model_cannot_read_goes_to_a_person(services: Services) -> None:
    _voice_note(services, "Hello", "yes")

    def broken(audio: bytes, lang: str) -> Transcript:
        raise RuntimeError("Invalid data found when processing input")

    before = _sent_count(services)
    transcribe_pending(services, broken)
    with services.db.session() as session:
        assert session.scalars(select(Media)).one().transcript_status == "listen"
    assert _texts_since(services, before) == ["A person will listen to your voice note."]


def test_a_note_cut_short_by_the_time_limit_says_so(services: Services) -> None:
    _voice_note(services, "Hello", "yes")
    transcribe_pending(services, speaking("It started on Monday", complete=False))
    say(services, "DONE")
    with services.db.session() as session:
        assert session.scalars(select(Media)).one().transcript_status == "partial"
        story = session.scalars(select(Story)).one()
        raw = services.vault.open(story.raw_sealed or b"") if story.raw_sealed else ""
    assert raw == "" or "only the start, listen for the rest" in raw


def test_each_note_is_written_down_once(services: Services) -> None:
    _voice_note(services, "Hello", "yes")
    assert transcribe_pending(services, speaking("once")) == 1
    assert transcribe_pending(services, speaking("twice")) == 0
