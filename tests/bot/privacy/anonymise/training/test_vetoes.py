"""The veto audit puts real names where a name stands and says which step after the model dropped
one; every step it switches off is one the name finder has."""

from __future__ import annotations

from bot.privacy.anonymise import _model
from bot.privacy.anonymise.training.vetoes import STEPS, audit


def test_every_step_it_switches_off_is_one_the_name_finder_has() -> None:
    assert all(hasattr(_model, attr) for attr, _ in STEPS.values())


def test_a_name_in_its_case_is_no_longer_dropped_and_a_dropped_one_is_told() -> None:
    lines: list[str] = []
    sentences, dropped, _ = audit("pl", ["michał", "paweł"], lines.append)
    assert sentences == 20  # 2 names, with and without the capital, in 5 places
    assert dropped == 0
    assert lines[0].startswith("pl: 2 names, 20 sentences, 0 dropped")


def test_a_step_that_drops_a_name_is_named() -> None:
    lines: list[str] = []
    _, dropped, _ = audit("ro", ["nicu"], lines.append)
    assert dropped >= 1  # "sora mea nicu": a function word in lowercase
    assert any("function word" in line for line in lines)
