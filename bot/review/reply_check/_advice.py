"""Advice: what a reply could add. Never blocks, because good replies do these things in their own words.

Each piece of advice is given only when nothing in the reply does the job: saying sorry and saying who
will do what are read by meaning (``Owned``, from the owning heads of the sentence model), so they count
in any words. None is given on a short thank-you for praise: "sorry" or "get in touch" after she said
thank you reads as if nobody read her message.
"""

from __future__ import annotations

import re

import textstat

from bot.review.reply_check._findings import Finding, Layer, finding
from bot.review.reply_check._rules import Rules
from bot.review.reply_check._sentences import Owned
from bot.review.reply_check._text import Sentence, first

_WORD = re.compile(r"[\w']+")


def advice(
    draft: str, reply: list[Sentence], rules: Rules, acknowledged: bool, praise: bool, owned: Owned
) -> list[Finding]:
    found: list[Finding] = []
    text = " ".join(sentence.text for sentence in reply)
    if not acknowledged:
        found.append(finding("acknowledge", rules.advice["acknowledge"], Layer.ADVICE))
    if not praise and not owned.sorry:
        found.append(finding("apology", rules.advice["apology"], Layer.ADVICE))
    if not praise and not owned.step:
        found.append(finding("next_steps", rules.advice["next_steps"], Layer.ADVICE))
    if not praise and not first(rules.talk, text):
        found.append(finding("talk_further", rules.advice["talk_further"], Layer.ADVICE))
    return [*found, *_readability(text, reply, rules), *_length(draft, rules)]


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
