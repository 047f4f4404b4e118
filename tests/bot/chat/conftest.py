"""Fixtures shared by the chat tests."""

from __future__ import annotations

import pytest

from bot.chat import receive as receive_module

#: the text of a message the flow cannot read (``poisoned_flow``)
POISON = "poison"


@pytest.fixture
def poisoned_flow(monkeypatch: pytest.MonkeyPatch) -> None:
    """The flow step raises on a message reading ``POISON``, as a bug would, and answers every other one."""
    real_step = receive_module.story_flow.step

    def breaks_on_poison(state: dict[str, object], inbound: object, config: object) -> object:
        if getattr(inbound, "text", "") == POISON:
            raise ValueError("this message breaks the flow")
        return real_step(state, inbound, config)  # type: ignore[arg-type]

    monkeypatch.setattr(receive_module.story_flow, "step", breaks_on_poison)
