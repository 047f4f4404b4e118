"""Her first words through the whole application: the webhook's path, storage and the outbox.

A woman who says no at the start leaves nothing behind; a woman from a Somali group's poster is offered
Somali before anything in English. Runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

from sqlalchemy import func, select

from bot.services import Services
from flows.catalog import entries
from storage import champions
from storage.models import AuditEvent, Contact, Conversation, Inbound, OutboxMessage, Story
from tests.helpers import say

SHE = "07700 900321"


def _kept(services: Services) -> dict[str, int]:
    with services.db.session() as session:
        return {
            model.__tablename__: session.scalar(select(func.count()).select_from(model)) or 0
            for model in (Contact, Conversation, Inbound, Story)
        }


def test_a_woman_who_texts_no_thanks_at_the_start_gets_a_kind_goodbye_and_nothing_is_kept(
    services: Services,
) -> None:
    (welcome,) = say(services, "Hello", SHE)
    assert "Shall we start?" in welcome
    (goodbye,) = say(services, "no thanks", SHE)
    assert goodbye == entries("en")["consent.no"].text
    assert _kept(services) == {"contact": 0, "conversation": 0, "inbound": 0, "story": 0}
    with services.db.session() as session:
        # Her goodbye went out without a contact to tie it to; the audit says only that it happened.
        (sent,) = session.scalars(select(OutboxMessage))
        assert (sent.contact_id, sent.address_sealed, sent.status) == (None, None, "sent")
        (event,) = session.scalars(select(AuditEvent).where(AuditEvent.action == "declined_at_start"))
        assert set(event.detail) == {"rows"}
    # She can come back any time, as if for the first time.
    (again,) = say(services, "Hello", SHE)
    assert "Shall we start?" in again


def test_a_woman_from_a_somali_groups_poster_is_offered_somali_first_and_counted_for_it(
    services: Services,
) -> None:
    with services.db.session() as session:
        champions.create(session, "MEDWAY-SOM", "Medway Somali mums", "Somali", ["so"], "lena")
    (menu,) = say(services, "HELLO MEDWAY-SOM", SHE)  # what the poster's QR code types for her
    assert menu.splitlines() == ["Soomaali: 1", "English: 2"]
    (welcome,) = say(services, "1", SHE)
    assert welcome.startswith(entries("so")["welcome"].text)
    (story,) = say(services, "haa", SHE)
    assert story.startswith(entries("so")["story.ask"].text)
    with services.db.session() as session:
        contact = session.scalars(select(Contact)).one()
        assert (contact.lang, contact.champion_code) == ("so", "MEDWAY-SOM")


def test_her_own_stop_as_her_very_first_word_is_honoured(services: Services) -> None:
    (stopped,) = say(services, "بند کریں", SHE)
    assert stopped == entries("ur")["stopped"].text
    assert say(services, "ہیلو", SHE) == []
    with services.db.session() as session:
        assert session.scalars(select(Contact.opted_out_at)).one() is not None
