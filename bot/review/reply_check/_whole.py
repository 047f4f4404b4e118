"""The whole-reply reader: does the reply, read as one text, sound like a good answer or a defensive one.

The sentence classifier reads one sentence at a time, and a good reply of a kind it has not seen often has
one sentence it misreads ("She'll be so touched." as a promise nobody owns, "You nearly died in our care and
that's serious." as minimising). Read whole, in the same embedding space, such a reply sits among good
replies. So a third layer must agree before a doubtful reading of meaning blocks: when this reader gives
the whole reply P(good) of at least ``above``, a sentence the classifier read with P(fine) of at least
``floor`` is shown as a doubt (advice), quoted as before, and does not block; a surer reading still blocks.
Never outweighed: a listed phrase (precise words, with a second layer of its own) unless its rule is
``weighed`` and its sentence reads as plainly fine to the classifier (round 28: "policy" and "busy",
cited honestly in words no list foresaw; the reader stands in for the owning heads of ``_check.overruled``),
unexplained jargon, and an urgent story answered without help (her safety).

It weighs the other way too (round 23): a defensive reply wrapped in warmth says sorry and what happens
next, so its one excusing sentence is read too leniently to block and is only a doubt ("Night shifts are
covered by a small team looking after many mothers at once, so call bells can't always be answered straight
away."). When the reader gives the whole reply P(good) below ``below``, every doubt in it blocks, quoted,
as layer ``whole``. A reply with no doubt is never blocked by this reader alone.

One logistic head (384 weights and a bias) trained by ``train_whole.py`` on the tuning drafts of every
hand, whole; ``above``, ``floor`` and ``below`` chosen there by leaving each hand out. Weights in
``data/whole_model.json``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import cache

import numpy as np
import numpy.typing as npt

from bot.review.reply_check._findings import Finding, Layer
from bot.review.reply_check._sentences import data_file, logistic
from flows.embedding import Vectors

WHOLE_FILE = "whole_model.json"


@dataclass(frozen=True)
class WholeReader:
    """``weights`` · embedding + ``bias`` is the log-odds that the reply is good. It outweighs a sentence's
    reading when it gives the reply P(good) of at least ``above`` and the classifier gave that sentence
    P(fine) of at least ``floor``: a doubtful reading, not a sure one ("However, the ward was very full that
    night." in a warm reply still blocks)."""

    weights: npt.NDArray[np.float64]
    bias: float
    above: float
    floor: float
    #: below this P(good), every doubt in the reply blocks
    below: float = 0.0

    def good(self, vector: Vectors) -> float:
        """P(good) of one reply's embedding (the whole normalised draft, "query" role)."""
        return logistic(vector, self.weights, self.bias)


@cache
def whole_reader() -> WholeReader:
    data = data_file(WHOLE_FILE)
    weights = np.asarray(data["weights"], dtype=np.float64)
    settings = (float(data[name]) for name in ("above", "floor", "below"))
    return WholeReader(weights, float(data["bias"]), *settings)


def vetoable(found: Finding) -> bool:
    """A reading a reply read whole as good may outweigh: the sentence classifier's, and a listed phrase of
    a ``weighed`` rule (it carries its sentence). Other listed phrases are precise words ("Lessons will be
    learned" in a warm reply is still a promise nobody owns), with their own second layer
    (``_check.overruled``)."""
    return found.blocking and (
        found.layer is Layer.SENTENCE or (found.layer is Layer.PHRASE and bool(found.sentence))
    )


def outweighed(
    findings: Iterable[Finding], reader: WholeReader, good: float, fine: Callable[[str], float]
) -> list[Finding]:
    """``findings`` with each doubtful reading turned into a doubt (advice) when the whole reply reads as
    good; ``fine`` is the classifier's P(fine) of the sentence (a sentence finding quotes its sentence, a
    phrase finding carries it)."""
    if good < reader.above:
        return list(findings)
    return [
        replace(found, blocking=False, layer=Layer.DOUBT)
        if vetoable(found) and fine(found.sentence or found.quote) >= reader.floor
        else found
        for found in findings
    ]


def convicted(doubts: Iterable[Finding], reader: WholeReader, good: float) -> list[Finding]:
    """``doubts`` each made blocking (layer ``whole``) when the whole reply reads as defensive, as they
    were otherwise."""
    if good >= reader.below:
        return list(doubts)
    return [
        replace(found, blocking=True, layer=Layer.WHOLE) if found.layer is Layer.DOUBT else found
        for found in doubts
    ]
