"""Advice: what a reply could add. Never blocks, because good replies do these things in their own words.

Each piece of advice is given only when nothing in the reply does the job in any wording we know, and
none is given on a short thank-you for praise: "sorry" or "get in touch" after she said thank you reads as
if nobody read her message.
"""

from __future__ import annotations

import re

import textstat

from bot.review.reply_check._findings import Finding, Layer, finding
from bot.review.reply_check._rules import Rules
from bot.review.reply_check._sentences import Owning
from bot.review.reply_check._text import Sentence, first

_WORD = re.compile(r"[\w']+")


def advice(
    draft: str, reply: list[Sentence], rules: Rules, acknowledged: bool, praise: bool
) -> list[Finding]:
    found: list[Finding] = []
    text = " ".join(sentence.text for sentence in reply)
    if not acknowledged:
        found.append(finding("acknowledge", rules.advice["acknowledge"], Layer.ADVICE))
    if not praise and not first(rules.apology, text):
        found.append(finding("apology", rules.advice["apology"], Layer.ADVICE))
    if not praise and not any(_next_step(sentence, rules) for sentence in reply):
        found.append(finding("next_steps", rules.advice["next_steps"], Layer.ADVICE))
    if not praise and not first(rules.talk, text):
        found.append(finding("talk_further", rules.advice["talk_further"], Layer.ADVICE))
    return [*found, *_readability(text, reply, rules), *_length(draft, rules)]


def owning(reply: list[Sentence], rules: Rules, praise: bool = False) -> Owning:
    """How much the reply owns what happened: says sorry and says what will happen, the two things defensive
    replies leave out. A reply to praise owes no apology, so it is at least PARTLY."""
    text = " ".join(sentence.text for sentence in reply)
    sorry = first(rules.apology, text) is not None
    step = any(_next_step(sentence, rules) for sentence in reply)
    if sorry and step:
        return Owning.FULLY
    return Owning.PARTLY if sorry or step or praise else Owning.NOT


def _next_step(sentence: Sentence, rules: Rules) -> bool:
    promised = first(rules.next_steps, sentence.text) is not None and not first(
        rules.not_steps, sentence.text
    )
    return promised or reports_change(sentence, rules)


def reports_change(sentence: Sentence, rules: Rules) -> bool:
    """A change made because of her story ("Because of stories like yours, we now …") owns what happened."""
    return first(rules.changes, sentence.text) is not None


def _readability(text: str, reply: list[Sentence], rules: Rules) -> list[Finding]:
    """Coleman-Liau counts letters, not syllables: textstat's syllable counts would download a dictionary."""
    if len(_WORD.findall(text)) < rules.limits.readability_min_words:
        return []
    grade = _grade(text)
    if grade <= rules.limits.max_grade:
        return []
    hardest = max(reply, key=lambda sentence: _grade(sentence.text)).text
    return [
        finding(
            "readability",
            rules.advice["readability"],
            Layer.ADVICE,
            hardest,
            grade=f"{grade:.1f}",
            limit=f"{rules.limits.max_grade:g}",
        )
    ]


def _length(draft: str, rules: Rules) -> list[Finding]:
    reply = draft.strip()
    if len(reply) <= rules.limits.max_chars:
        return []
    count, limit = str(len(reply)), str(rules.limits.max_chars)
    return [finding("length", rules.advice["length"], Layer.ADVICE, count=count, limit=limit)]


def _grade(text: str) -> float:
    return float(textstat.coleman_liau_index(text))
