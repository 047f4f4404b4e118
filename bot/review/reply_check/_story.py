"""Her story, as the reply must answer it: praise or a complaint, urgent or not, and whether the reply
says back what she told us in any words.

Acknowledgement is meaning, not shared words: every sentence of the reply is compared with every sentence
of her story in the shared embedding space, so "you were left alone when you needed help" answers "nobody
came when I pressed the buzzer".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from functools import cache, lru_cache, partial

import numpy as np
import numpy.typing as npt

from bot.review.reply_check._rules import Rules
from bot.review.reply_check._sentences import OWNING_HEADS, Model, data_file, logistic
from bot.review.reply_check._text import matches, normalise, sentences
from flows.embedding import Vectors, embed
from flows.safeguarding import Assessment, Level, assess


def is_praise(story: str, rules: Rules) -> bool:
    """More words of praise than of complaint: "lovely" and "kind" outnumber "but", "waited" and "rude".
    English words only: without her story, how a reply's own words read."""
    return len(matches(rules.praise_words, story)) > len(matches(rules.complaint_words, story))


PRAISE_FILE = "praise_model.json"


@dataclass(frozen=True)
class PraiseReader:
    """Her story read whole by meaning, in any language (round 12): ``weights`` · embedding + ``bias`` is
    the log-odds that she is thanking or praising, with nothing to answer for; praise at ``above``. The
    word lists of ``is_praise`` found 3 of the 10 praise stories of two later writers and flagged complaints
    that thanked someone in passing."""

    weights: npt.NDArray[np.float64]
    bias: float
    above: float

    def chance(self, story: str) -> float:
        return logistic(story_vector(story), self.weights, self.bias)

    def praises(self, story: str) -> bool:
        return self.chance(story) >= self.above


@cache
def praise_reader() -> PraiseReader:
    data = data_file(PRAISE_FILE)
    weights = np.asarray(data["weights"], dtype=np.float64)
    return PraiseReader(weights, float(data["bias"]), float(data["above"]))


@lru_cache(maxsize=64)
def story_vector(story: str) -> Vectors:
    """Her whole story, embedded once ("query" role, normalised as the trainer reads it)."""
    vector: Vectors = embed([normalise(story)])[0]
    return vector


class Urgency(Enum):
    """What her story asks of a reply: help now (a reply without it is blocked), perhaps (advice), or none."""

    NOW = "now"
    PERHAPS = "perhaps"
    NONE = "none"


@dataclass(frozen=True)
class Alarm:
    """Her story as the app's safeguarding reader reads her messages (``assess``: phrases of every
    language and the embedding model): the whole story, and each of its sentences alone."""

    whole: Assessment
    told: tuple[Assessment, ...]
    texts: tuple[str, ...]  # the sentences ``told`` reads, for reading one again beside its neighbour


@lru_cache(maxsize=64)
def alarm(story: str) -> Alarm:
    """Read once per story: staff type several versions of the reply to the same story."""
    texts = tuple(sentence.text for sentence in sentences(normalise(story)))
    return Alarm(assess(story), tuple(assess(text) for text in texts), texts)


def sure(reading: Assessment, model_above: float) -> bool:
    """Enough to block a reply: an alarm phrase of any language fired (the phrases know negation and past
    cues, and the app never silences them), or the model alone reads it at least ``model_above``. The
    app's own line for the model is drawn so that a false alarm costs her a list of numbers; here it would
    block a good reply, and complaints often read like distress to it."""
    return bool(reading.phrase_risks) or (reading.level is Level.CLEAR and reading.score >= model_above)


def doubtful(reading: Assessment) -> bool:
    """The app gives her the numbers (CLEAR), though not surely enough to block a reply here."""
    return reading.level is Level.CLEAR


def urgency(story: str, model: Model, loaded: Rules) -> Urgency:
    """NOW when a sentence of her story is ``sure``; PERHAPS when the app's reading of her whole message is
    ``doubtful``. Either way, not when the ``over`` head reads every sentence that raises it as an
    emergency that is over ("when she was 3 weeks old she went floppy and we called 999, she's fine now"):
    the reader cannot tell past from present. Nor when the model alone raises it from a sentence that, read
    with the sentence before it, is no longer alarming (``alarming_after``). A risk no single sentence
    raises, only the whole story, stays: when in doubt, now.

    Sentence by sentence for NOW, since the app reads a short message whole and a calm sentence beside an
    urgent one dilutes it ("Baby is 4 days old and very sleepy, not waking for feeds and looks yellow. The
    midwife said it was fine yesterday." reads POSSIBLE whole, well above the line alone). The whole message
    for PERHAPS, since a complaint's short sentences read alone sound like distress ("Nobody ever gets
    back.")."""
    read, above = alarm(story), loaded.limits.urgent_model_above
    now = ~model.owns(story_vectors(story))[:, OWNING_HEADS.index("over")]

    def raised(flags: Callable[[Assessment], bool], meant: Callable[[int], bool] = lambda _: True) -> bool:
        flagged = [flags(reading) for reading in read.told]
        current = any(
            flag and not_over and meant(index)
            for index, (flag, not_over) in enumerate(zip(flagged, now, strict=True))
        )
        return current or (flags(read.whole) and not any(flagged))

    def meant(index: int) -> bool:
        before, text = read.texts[index - 1] if index else "", read.texts[index]
        return bool(read.told[index].phrase_risks) or index == 0 or alarming_after(before, text)

    if raised(partial(sure, model_above=above), meant):
        return Urgency.NOW
    if doubtful(read.whole) and raised(doubtful):
        return Urgency.PERHAPS
    return Urgency.NONE


@lru_cache(maxsize=256)
def alarming_after(before: str, sentence: str) -> bool:
    """The app's reader still gives her the numbers (CLEAR, its own line) when ``sentence`` is read with
    the sentence before it. Read alone, a short sentence is read as the most alarming thing it could mean:
    "I don't want to go anymore." or "I still can't get over that." at the end of a complaint scored 1.07
    and 0.62, above most emergencies, when the sentence before says what "go" and "that" are (her
    appointments, a night apart from her son). A sentence that means harm keeps it beside its neighbour
    ("I've been saving my tablets. I don't think I can go on." stays CLEAR). Only a model-alone
    reading is read again: a phrase alarm is never silenced, and a first sentence has nothing before it."""
    return assess(f"{before} {sentence}").level is Level.CLEAR


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
