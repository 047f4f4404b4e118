"""The rules file (``bot/review/data/reply_rules.toml``), read once into typed rules.

The file holds every word staff see and every list a reviewer may tune; this module only checks its shape.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from bot.review.reply_check._text import Phrase, Phrases, compile_phrase

RULES_FILE = "reply_rules.toml"


@dataclass(frozen=True)
class Wording:
    """What staff are told when a rule fires, and an example of what to write instead."""

    message: str
    suggestion: str


@dataclass(frozen=True)
class PhraseRule:
    """A rule found by precise phrases, unless its sentence also holds one of ``unless``."""

    name: str
    wording: Wording
    phrases: Phrases
    unless: Phrases
    #: its phrases block even in a sentence the classifier and the owning heads read as fine ("sorry you
    #: feel" is never an apology); the other rules' phrases need the meaning layers not to disagree
    absolute: bool = False
    #: its phrases may be cited to hold the service to them rather than to hide behind them ("our protocol
    #: says …, and that didn't happen": ``_lexical.held_to``, round 25)
    held_to: bool = False
    #: in a sentence the classifier reads as plainly fine but the owning heads do not read as owning, the
    #: reply read whole as plainly good may stand in for them (``_whole.vetoable``, round 28): "The ward
    #: was busy, but that is ours to fix, not yours to understand."
    weighed: bool = False


@dataclass(frozen=True)
class JargonTerm:
    phrase: Phrase
    plain: str


@dataclass(frozen=True)
class Limits:
    acknowledge_margin: float
    short_thanks_sentences: int
    max_chars: int
    max_grade: float
    readability_min_words: int
    #: a listed phrase of a rule that is not ``absolute`` does not block a sentence the classifier reads
    #: as fine with at least this P(fine) and the owning heads read as saying sorry or what will happen
    phrase_overruled_above: float
    #: the safeguarding model alone (no phrase of any language) reads a sentence of her story as urgent
    #: enough to block a reply without help now at this score or above (the app's own line is lower)
    urgent_model_above: float


@dataclass(frozen=True)
class Rules:
    limits: Limits
    #: the defensive rules, in the order staff read them
    blocking: tuple[PhraseRule, ...]
    urgent: PhraseRule
    jargon: Wording
    #: clinical language found by the sentence classifier rather than a listed term
    jargon_sentence: Wording
    jargon_terms: tuple[JargonTerm, ...]
    everyday_capitals: frozenset[str]
    advice: Mapping[str, Wording]
    #: what any reply could say: a sentence must be nearer her story than these to say back what she told us
    generic_sentences: tuple[str, ...]
    changes: Phrases
    talk: Phrases
    praise_words: Phrases
    complaint_words: Phrases

    def phrase_rule(self, name: str) -> PhraseRule | None:
        """The blocking rule of that name: its flags say how the meaning layers weigh its phrases
        (``absolute``: never overruled; ``weighed``: the reply read whole may outweigh them)."""
        return next((phrase_rule for phrase_rule in self.blocking if phrase_rule.name == name), None)

    def wording(self, rule: str) -> Wording:
        """A blocking rule's wording as the sentence layer uses it, or an advice rule's."""
        if rule == "jargon":
            return self.jargon_sentence
        if rule == self.urgent.name:
            return self.urgent.wording
        found = next((phrase_rule for phrase_rule in self.blocking if phrase_rule.name == rule), None)
        return found.wording if found else self.advice[rule]


@cache
def rules() -> Rules:
    """Read the rules once per process: they change with a deploy, not between drafts."""
    raw = resources.files("bot.review.data").joinpath(RULES_FILE).read_text(encoding="utf-8")
    data = tomllib.loads(raw)
    limits = _table(data, "limits")
    blocking = _table(data, "blocking")
    advice = _table(data, "advice")
    praise = _table(data, "praise")
    jargon = _table(blocking, "jargon")
    return Rules(
        limits=Limits(
            acknowledge_margin=float(limits["acknowledge_margin"]),
            short_thanks_sentences=int(limits["short_thanks_sentences"]),
            max_chars=int(limits["max_chars"]),
            max_grade=float(limits["max_grade"]),
            readability_min_words=int(limits["readability_min_words"]),
            phrase_overruled_above=float(limits["phrase_overruled_above"]),
            urgent_model_above=float(limits["urgent_model_above"]),
        ),
        blocking=tuple(
            _phrase_rule(name, _table(blocking, name))
            for name in blocking
            if name not in ("jargon", "urgent")
        ),
        urgent=_phrase_rule("urgent", _table(blocking, "urgent")),
        jargon=_wording("jargon", jargon),
        jargon_sentence=Wording(str(jargon["sentence_message"]), str(jargon["sentence_suggestion"])),
        jargon_terms=tuple(
            JargonTerm(compile_phrase(term, ignore_case=not _capitals(term)), str(plain))
            for term, plain in _table(jargon, "terms").items()
        ),
        everyday_capitals=frozenset(_strings(jargon, "everyday_capitals")),
        advice={name: _wording(name, _table(advice, name)) for name in advice},
        generic_sentences=tuple(_strings(_table(advice, "acknowledge"), "generic")),
        changes=_phrases(_table(advice, "next_steps"), "changes"),
        talk=_phrases(_table(advice, "talk_further"), "phrases"),
        praise_words=_phrases(praise, "praise_words"),
        complaint_words=_phrases(praise, "complaint_words"),
    )


def _capitals(term: str) -> bool:
    """An abbreviation written in capitals ("ARM") is matched only in capitals: "your arm" is not jargon."""
    return sum(character.isupper() for character in term) >= 2


def _phrase_rule(name: str, section: Mapping[str, Any]) -> PhraseRule:
    phrases, unless = _phrases(section, "phrases"), _phrases(section, "unless")
    flags = (bool(section.get(flag, False)) for flag in ("absolute", "held_to", "weighed"))
    return PhraseRule(name, _wording(name, section), phrases, unless, *flags)


def _wording(name: str, section: Mapping[str, Any]) -> Wording:
    message, suggestion = section.get("message"), section.get("suggestion")
    if not isinstance(message, str) or not isinstance(suggestion, str):
        raise ValueError(f"{RULES_FILE}: {name} needs a message and a suggestion")
    return Wording(message, suggestion)


def _table(data: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    value = data.get(key)
    if not isinstance(value, dict):
        raise ValueError(f"{RULES_FILE}: [{key}] is missing")
    return value


def _strings(data: Mapping[str, Any], key: str) -> list[str]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValueError(f"{RULES_FILE}: {key} must be a list of strings")
    return value


def _phrases(data: Mapping[str, Any], key: str) -> Phrases:
    return tuple(compile_phrase(phrase) for phrase in _strings(data, key))
