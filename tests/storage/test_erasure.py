"""DELETE erases everything she sent, in every table; only the fact of an erasure remains."""

from __future__ import annotations

from sqlalchemy import inspect, select, text

from bot.services import Services
from storage.models import AuditEvent, Base
from tests.helpers import SHE, say, tell_story


def _rows_mentioning(services: Services, words: list[str]) -> list[str]:
    found: list[str] = []
    with services.db.engine.connect() as connection:
        for table in inspect(services.db.engine).get_table_names():
            for row in connection.execute(text(f'SELECT * FROM "{table}"')):
                rendered = " ".join(str(value) for value in row)
                found.extend(f"{table}: {word}" for word in words if word in rendered)
    return found


def test_delete_erases_every_row_of_hers_in_every_table(services: Services) -> None:
    code = tell_story(services)
    say(services, "NEW")
    say(services, "A second story about the ward")
    (ask,) = say(services, "DELETE")
    assert "delete everything" in ask
    (goodbye,) = say(services, "YES")
    assert "deleted" in goodbye
    with services.db.session() as session:
        tables = {table.name for table in Base.metadata.sorted_tables}
        counts = {
            name: session.execute(text(f'SELECT COUNT(*) FROM "{name}"')).scalar_one()
            for name in ("contact", "conversation", "inbound", "story", "response")
        }
        outbox_addresses = session.execute(
            text("SELECT COUNT(*) FROM outbox WHERE address_sealed IS NOT NULL")
        ).scalar_one()
        audit_actions = [event.action for event in session.scalars(select(AuditEvent))]
    assert "contact" in tables
    assert counts == {"contact": 0, "conversation": 0, "inbound": 0, "story": 0, "response": 0}
    assert outbox_addresses == 0
    assert audit_actions == ["erasure"]
    assert _rows_mentioning(services, [code, "Sarah", "ward", "shout"]) == []


def test_someone_else_on_another_number_is_untouched_by_her_delete(services: Services) -> None:
    tell_story(services, sender="07700 900999")
    say(services, "Hello")
    say(services, "DELETE")
    say(services, "YES")
    with services.db.session() as session:
        assert session.execute(text("SELECT COUNT(*) FROM story")).scalar_one() == 1
        assert session.execute(text("SELECT COUNT(*) FROM contact")).scalar_one() == 1
    assert SHE
