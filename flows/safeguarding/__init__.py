"""Safeguarding: spot the messages that are emergencies rather than feedback, in any of our languages.

Women write to a feedback line, but some write while bleeding, while their baby is floppy, while they
want to die or while they are afraid to go home. Those messages must not wait in a research queue.

Two layers read every message: fast alarm phrases with their negation and past-tense cues
(``_phrases``, data in ``phrases/<lang>.toml``), and a sentence-embedding model that compares the message
with labelled examples of every kind of risk (``_model``, learnt in ``model.npz``, built by ``train.py``
from ``examples/<lang>.toml`` and the evaluation set's tuning half). ``assess`` joins them into a level:
CLEAR gets her the numbers at once; POSSIBLE marks the story for a person to read soon.

May import: the standard library, numpy and ``flows.embedding``. Pure: reads its packaged data and the
embedding model, writes nothing (``train.py`` is the one build script that writes ``model.npz``).
"""

from __future__ import annotations

from dataclasses import dataclass

from flows.safeguarding import _model
from flows.safeguarding._kinds import CALM_KINDS, URGENT_KINDS, Level, Risk
from flows.safeguarding._phrases import CUE_KEYS, detect_any_language, detect_risks, languages

__all__ = [
    "CALM_KINDS",
    "CUE_KEYS",
    "URGENT_KINDS",
    "Assessment",
    "Level",
    "Risk",
    "assess",
    "detect_risks",
    "languages",
    "preload",
]


@dataclass(frozen=True)
class Assessment:
    """How urgent one message reads, what about, and which layer said so."""

    level: Level
    risks: frozenset[Risk]  # empty when calm
    phrase_risks: frozenset[Risk]  # what layer 1's phrases found (empty when none fired)
    score: float  # layer 2: how urgent it reads, on the scale its thresholds were calibrated on
    model_alarm: bool  # layer 2 alone would have raised the alarm


def assess(text: str) -> Assessment:
    """Read one message with both layers, checking every language's phrases: women mix languages,
    and a woman who started in English may write an emergency in her own."""
    if not text.strip():
        return Assessment(Level.CALM, frozenset(), frozenset(), 0.0, model_alarm=False)
    phrase_risks = detect_any_language(text)
    # A long story is read by the model in at most a few windows: those where a phrase fired among them.
    scored = _model.score(text, alarming=lambda piece: bool(detect_any_language(piece)))
    model = _model.model()
    level = _model.level(bool(phrase_risks), scored.value, model.clear, model.possible, model.floor)
    if level is Level.CALM:
        risks: frozenset[Risk] = frozenset()
    else:
        # The phrases name the risk when they fired: they point at her words. Otherwise the model does.
        risks = phrase_risks or frozenset(scored.risks)
    return Assessment(level, risks, phrase_risks, scored.value, model_alarm=scored.value >= model.clear)


def preload() -> None:
    """Load the embedding model and ours, and compile every language's phrases, now (at start-up)
    rather than on her first message: the phrases alone took over a second to compile."""
    detect_any_language("preload")
    _model.score("preload")
