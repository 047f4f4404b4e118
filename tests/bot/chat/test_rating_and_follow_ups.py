"""After her reply she is asked whether it helped; anything more she writes goes back to the team."""

from __future__ import annotations

from sqlalchemy import select

from bot.chat.delivery import deliver_due
from bot.review import replies
from bot.services import Services
from storage import staff, stories
from storage.models import Story
from tests.helpers import say, tell_story

GOOD_REPLY = (
    "Thank you for telling us that the midwife did not listen when the pain was too much. I am so sorry "
    "that happened. I will talk to the ward team this week and write to you by Friday. If you would like "
    "to talk, reply here."
)


def _reply_to(services: Services, ref: str) -> list[str]:
    with services.db.session() as session:
        author = staff.create(session, "rita", "long-password-1", "responder", "Rita", "Midwife")
        lead = staff.create(session, "lena", "long-password-2", "lead", "Lena", "Head of midwifery")
        story = stories.by_ref(session, ref)
        assert story is not None
        story.status = "moderated"
        response = replies.draft(session, story, author, GOOD_REPLY)
        replies.approve(session, response, lead)
    deliver_due(services)
    with services.db.session() as session:
        from storage.models import OutboxMessage

        return [row.body for row in session.scalars(select(OutboxMessage).order_by(OutboxMessage.id))][-2:]


def test_after_the_reply_arrives_she_is_asked_whether_it_helped(services: Services) -> None:
    ref = tell_story(services)
    reply, question = _reply_to(services, ref)
    assert "write to you by Friday" in reply
    assert "Did this reply help? Reply 1 to 5" in question
    (thanks,) = say(services, "4")
    assert "Thank you" in thanks
    with services.db.session() as session:
        story = stories.by_ref(session, ref)
        assert story is not None and story.rating == 4 and story.status == "replied"


def test_what_she_writes_after_her_reply_is_threaded_onto_her_story_and_queued_again(
    services: Services,
) -> None:
    ref = tell_story(services)
    _reply_to(services, ref)
    (kept,) = say(services, "Thank you. Also my partner Kwame was not allowed to stay overnight.")
    assert ref in kept and "added this to your story" in kept
    with services.db.session() as session:
        story = session.scalars(select(Story).where(Story.ref == ref)).one()
        assert story.status == "new"
        (follow_up,) = story.answers["follow_ups"]
    assert "not allowed to stay overnight" in follow_up
    assert "Kwame" not in follow_up
