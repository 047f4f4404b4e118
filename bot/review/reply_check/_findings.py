"""What the checker tells staff: a finding per problem, blocking or advice, with the words it is about."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from bot.review.reply_check._rules import Wording


class Layer(StrEnum):
    """Which part of the checker found it, so the bench can say which layer catches what."""

    PHRASE = "phrase"  # precise words from the rules file
    SENTENCE = "sentence"  # the sentence classifier
    STORY = "story"  # the reply read against her story
    WHOLE = "whole"  # a doubtful sentence in a reply that, read whole, reads as defensive (``_whole``)
    DOUBT = "doubt"  # a sentence the classifier doubts, too weakly to block alone: advice
    ADVICE = "advice"  # a missing element: never blocks


#: the layers whose findings are advice, shown apart and never blocking
ADVISING = (Layer.DOUBT, Layer.ADVICE)


@dataclass(frozen=True)
class Finding:
    rule: str
    message: str
    quote: str
    suggestion: str
    blocking: bool
    layer: Layer
    #: the whole sentence a listed phrase was found in, when its rule is ``weighed`` and the classifier reads
    #: the sentence as plainly fine (round 28): the reply read whole may then outweigh the phrase
    sentence: str = ""


@dataclass(frozen=True)
class CheckResult:
    """``ok`` when nothing blocks; advice may still be there, and never stops approval."""

    findings: tuple[Finding, ...]

    @property
    def ok(self) -> bool:
        return not self.blocking

    @property
    def blocking(self) -> tuple[Finding, ...]:
        return tuple(finding for finding in self.findings if finding.blocking)

    @property
    def advice(self) -> tuple[Finding, ...]:
        return tuple(finding for finding in self.findings if not finding.blocking)


def finding(rule: str, wording: Wording, layer: Layer, quote: str = "", **values: str) -> Finding:
    fill = {"quote": quote, **values}
    return Finding(
        rule,
        _fill(wording.message, fill),
        quote,
        _fill(wording.suggestion, fill),
        blocking=layer not in ADVISING,
        layer=layer,
    )


def _fill(template: str, values: Mapping[str, str]) -> str:
    """Plain replacement rather than str.format, so a stray brace in the rules file cannot crash a check."""
    for key, value in values.items():
        template = template.replace("{" + key + "}", value)
    return template
