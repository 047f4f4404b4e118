"""The whole-reply reader: does the reply, read as one text, sound like a good answer or a defensive one.

The sentence classifier reads one sentence at a time, and a good reply of a kind it has not seen often has
one sentence it misreads ("She'll be so touched." as a promise nobody owns, "You nearly died in our care and
that's serious." as minimising). Read whole, in the same embedding space, such a reply sits among good
replies. So a third layer must agree before a doubtful reading of meaning blocks: when this reader gives
the whole reply P(good) of at least ``above``, a sentence the classifier read with P(fine) of at least
``floor`` is shown as advice, quoted as before, and does not block; a surer reading still blocks. Never
outweighed: a listed phrase (precise words, with a second layer of its own), unexplained jargon, and an
urgent story answered without help (her safety).

One logistic head (384 weights and a bias) trained by ``train_whole.py`` on the tuning drafts of every
writer, whole; ``above`` and ``floor`` chosen there by leaving each writer out. Weights in
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

    def good(self, vector: Vectors) -> float:
        """P(good) of one reply's embedding (the whole normalised draft, "query" role)."""
        return logistic(vector, self.weights, self.bias)


@cache
def whole_reader() -> WholeReader:
    data = data_file(WHOLE_FILE)
    weights = np.asarray(data["weights"], dtype=np.float64)
    return WholeReader(weights, float(data["bias"]), float(data["above"]), float(data["floor"]))


def vetoable(found: Finding) -> bool:
    """A reading of meaning a reply read whole as good may outweigh: the sentence classifier's. A listed
    phrase is precise words ("Lessons will be learned" in a warm reply is still a promise nobody owns), and
    has its own second layer (``_check.overruled``)."""
    return found.blocking and found.layer is Layer.SENTENCE


def outweighed(
    findings: Iterable[Finding], reader: WholeReader, good: float, fine: Callable[[str], float]
) -> list[Finding]:
    """``findings`` with each doubtful sentence reading turned into advice when the whole reply reads as
    good; ``fine`` is the classifier's P(fine) of a quoted sentence."""
    if good < reader.above:
        return list(findings)
    return [
        replace(found, blocking=False, layer=Layer.ADVICE)
        if vetoable(found) and fine(found.quote) >= reader.floor
        else found
        for found in findings
    ]
