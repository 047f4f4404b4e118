"""A poisoned message tried until it is parked: shared by the chat tests that poison the flow."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from bot.chat import receive as receive_module
from bot.services import Services
from storage import inbound as inbound_store
from storage.models import Inbound


def try_until_parked(services: Services, inbound_id: int) -> None:
    """Answer what waits, a minute apart, as often as a message may fail; after each try the poisoned
    message has failed exactly once more, though its transaction rolled back."""
    moment = datetime.now(UTC)
    for attempt in range(1, inbound_store.MAX_ATTEMPTS + 1):
        receive_module.process_pending(services, now=moment)
        with services.db.session() as session:
            poison = session.scalars(select(Inbound).where(Inbound.id == inbound_id)).one()
            assert poison.attempts == attempt, "each failed try is counted once, though the try rolled back"
        moment += timedelta(minutes=1)
