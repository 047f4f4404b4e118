"""Her story, as the reply must answer it: praise or a complaint, urgent or not, and whether the reply
says back what she told us in any words.

Acknowledgement is meaning, not shared words: every sentence of the reply is compared with every sentence
of her story in the shared embedding space, so "you were left alone when you needed help" answers "nobody
came when I pressed the buzzer".
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from bot.review.reply_check._rules import Rules
from bot.review.reply_check._sentences import OWNING_HEADS, Model
from bot.review.reply_check._text import matches, normalise, sentences
from flows.embedding import Vectors, embed
from flows.safeguarding import detect_risks


def is_praise(story: str, rules: Rules) -> bool:
    """More words of praise than of complaint: "lovely" and "kind" outnumber "but", "waited" and "rude"."""
    return len(matches(rules.praise_words, story)) > len(matches(rules.complaint_words, story))


def is_urgent(story: str, model: Model) -> bool:
    """The same safeguarding detector that answers her messages at once decides what sounds urgent; the
    ``over`` head then reads whether each sentence it flags tells of something over ("when she was 3 weeks
    old she went floppy and we called 999, she's fine now"), which needs no help now. The detector cannot
    tell past from present. A story whose risk no single sentence raises stays urgent: when in doubt, now."""
    if not detect_risks(story, "en"):
        return False
    told = sentences(normalise(story))
    flagged = [index for index, sentence in enumerate(told) if detect_risks(sentence.text, "en")]
    if not flagged:
        return True
    over = model.owns(story_vectors(story)[flagged])[:, OWNING_HEADS.index("over")]
    return not bool(over.all())


@lru_cache(maxsize=64)
def story_vectors(story: str) -> Vectors:
    """Her story's sentences, embedded once while staff type several versions of the reply."""
    return embed([sentence.text for sentence in sentences(normalise(story))])


@lru_cache(maxsize=1)
def generic_vectors(generic: tuple[str, ...]) -> Vectors:
    return embed(list(generic))


def says_back(reply: Vectors, story: str, rules: Rules) -> bool:
    """Some sentence of the reply is nearer a sentence of her story than any reply-to-anyone sentence is."""
    theirs = story_vectors(story)
    if len(reply) == 0 or len(theirs) == 0:
        return False
    to_story = np.max(reply @ theirs.T, axis=1)
    to_anyone = np.max(reply @ generic_vectors(rules.generic_sentences).T, axis=1)
    return bool(np.max(to_story - to_anyone) >= rules.limits.acknowledge_margin)
