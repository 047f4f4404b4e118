""" "You said, we did": only real stories, shown on each, planned → made, and the women who asked are told."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.review import actions as changes, replies
from bot.services import Services
from flows.catalog import text as catalog_text
from flows.review import ActionStatus
from storage import staff
from storage.models import Contact, OutboxMessage, Response, Story
from tests.helpers import tell_story


def test_a_change_made_is_told_to_her_in_her_language_after_a_second_person_approves(
    services: Services,
) -> None:
    asked = tell_story(services, "07700 900301", reply_wanted="YES")
    silent = tell_story(services, "07700 900302", reply_wanted="NO")
    with services.db.session() as session:
        lena = staff.create(session, "lena", "a long enough password", "lead", "Lena", "Head of midwifery")
        staff.create(session, "joy", "a long enough password", "lead", "Joy", "Matron")
        for story in session.scalars(select(Story).where(Story.ref.in_([asked, silent]))):
            story.status = "replied"
            story.lang = "ur"
            contact = session.get(Contact, story.contact_id)
            assert contact is not None
            contact.lang = "ur"
        with pytest.raises(changes.ActionRefused, match="AV-ZZZZ"):
            changes.add(session, site=None, you_said="x", we_did="y", themes=[], refs=["AV-ZZZZ"], by="lena")
        action = changes.add(
            session,
            site=None,
            you_said="Nobody explained the induction",
            we_did="Write a leaflet",
            themes=["communication"],
            refs=changes.parse_refs(f"{asked.lower()}, {silent}, {asked}"),
            by="lena",
        )
        assert action.story_refs == [asked, silent]
        with pytest.raises(changes.ActionRefused, match="one sentence"):
            changes.make(services, session, action, " ", lena)
        done = changes.make(services, session, action, "now give every woman a leaflet about induction", lena)
        assert (action.status, done.drafts, done.not_told) == (ActionStatus.MADE, [asked], 1)
        with pytest.raises(changes.ActionRefused, match="already"):
            changes.make(services, session, action, "again", lena)
        draft = session.scalars(select(Response).join(Story).where(Story.ref == asked)).one()
        assert draft.body == (
            "You told us about nobody explained the induction. Because of stories like yours, we now give "
            "every woman a leaflet about induction."
        )
        assert draft.translation and draft.translation.startswith("آپ نے ہمیں")
        with pytest.raises(replies.ReplyRefused, match="Someone else"):
            replies.approve(session, draft, lena)
        joy = staff.by_username(session, "joy")
        assert joy is not None
        # a change made because of stories like hers owns what happened: the checker does not block it
        assert replies.blocking(draft.findings) == []
        assert replies.approve(session, draft, joy) is not None
        sent = session.scalars(select(OutboxMessage).where(OutboxMessage.kind == "reply")).one()
        assert catalog_text("ur", "action.made").split("{about}")[0] in sent.body


def test_every_language_has_the_message() -> None:
    from flows.catalog import available_languages

    for lang in available_languages():
        said = catalog_text(lang, "action.made")
        assert "{about}" in said and "{change}" in said, lang
