"""Train the sentence classifier and write ``data/sentence_model.json`` and ``data/sentence_hidden.npy``;
anyone can re-run it.

    .venv/bin/python -m bot.review.reply_check.train          # train, write the weights (the committed ones)
    .venv/bin/python -m bot.review.reply_check.train --cv     # measure first: 5 folds, every writer checked
    .venv/bin/python -m bot.review.reply_check.train --cv --writers first,blind,blind2   # on three hands

Data (nothing else): ``data/sentences*.toml``, ``data/owning.toml`` and ``data/owning_blind.toml``
(sentences written or chosen by hand for this project) and the tuning parts of eight evaluation sets
(``HANDS``: the first set's, blind, blind2, blind3 and written6 to written9, each by a different hand;
``--writers`` says which are trained on, by default ``TRAINED``: all eight since round 17), split into
sentences: every sentence of a good draft is "ok"; a defensive draft's sentences are labelled by
``data/tuning_labels.toml`` (first set) and ``data/blind_labels.toml`` (blind sets, round 10), or by the
draft's own marks (written6 to written9). No frozen part is ever opened.

The classifier is a softmax over one hidden layer of ``UNITS`` rectified units (round 17) on standardised
embeddings (numpy, full-batch Adam with L2, a fixed seed; the standardisation is folded into the saved
weights), so training is deterministic and needs no extra package. Two logistic heads on the same
embeddings read whether a sentence says sorry for what happened and whether it says who will do what
(``owning.toml``, ``owning_blind.toml``; every defensive sentence counts as neither), so a reply owns
what happened in any words.

``--cv`` holds out each fifth of every writer's tuning stories in turn, trains on the rest of the writers
trained on (``--writers``), checks the held-out drafts with the whole checker (a writer not trained on is
so checked a fifth by each fold's model), and prints the blocked rates at several thresholds, writer by
writer; ``THRESHOLDS[0]`` is the one chosen from that table,
and ``OVERRULED[0]`` the rules file's ``phrase_overruled_above`` (round 7). Besides each writer's two
columns:

- "lists off": the defensive drafts without the blocking phrase lists. Those were written after reading
  the tuning parts, so they catch more of them than of drafts nobody here read.
- "long def": each defensive draft inside a warm opening and closing that own nothing, as long as the good
  drafts: what a length discount costs on balanced lengths.
- "good unowned": the good drafts as if nothing in them owned what happened, the worst case if the owning
  heads miss.
- "voices good": ``data/voices_round5.toml``, good replies written whole in staff voices the tuning half
  has few of (ward manager, consultant, PALS, formal letter, very short texts, Roman Urdu), never trained
  on; a fifth of them checked by each fold's model.
- "r6 … read" and "r6 … held": ``data/voices_round6.toml``, good and defensive drafts written whole in
  styles the rest lacks, never trained on; "held" is the third of them nobody read the results of.
- "alone blind …", "alone blind2 …" (``UNSEEN``, when trained on): leave one writer out. A model trained
  without any of that writer's drafts (nor any hand-written sentence nearly the same as one of them)
  checks all of them: the honest estimate for a hand the checker never saw.
- last, how many of the held-out tuning stories the safeguarding reader flags strongly enough to block
  are still read as urgent now by each fold's ``over`` head (none may be read as over).

The folds leave out, with the held-out stories, every hand-written sentence that is nearly the same
sentence as one of their drafts (cosine above ``PURGE``): hand-written sentences were written after reading
the tuning parts, and without this the folds measured 0 good drafts blocked while the frozen half blocked
one in five.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import tomllib
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
import numpy.typing as npt

from bot.review.reply_check._check import check, is_fragment
from bot.review.reply_check._rules import Rules, rules
from bot.review.reply_check._sentences import HIDDEN_FILE, MODEL_FILE, OK, OWNING_HEADS, Matrix, Model
from bot.review.reply_check._story import Urgency, alarm, sure, urgency
from bot.review.reply_check._text import normalise, sentences
from flows.embedding import embed

HERE = Path(__file__).parent
DATA = HERE / "data"
EVAL = HERE.parents[2] / "tests" / "bot" / "review" / "reply_check" / "eval"
#: the tuning parts of the evaluation sets, by writer: the first set's and the blind sets' (round 8, 9, 12),
#: each by a hand that never saw this repository; ``--writers`` trains on any of them (round 10), and the
#: whole-reply reader (``train_whole.py``, round 12) and the praise reader on all four. Their frozen parts
#: are never opened
WRITERS = {
    "first": EVAL / "tuning.jsonl",
    "blind": EVAL / "blind" / "tuning.jsonl",
    "blind2": EVAL / "blind2" / "tuning.jsonl",
    "blind3": EVAL / "blind3" / "tuning.jsonl",
}
#: the hands the sentence classifier may train on: those four and written6 to written9 (rounds 13 and 15,
#: each defensive draft marking its own defensive sentences; no frozen part)
HANDS = {
    **WRITERS,
    **{hand: EVAL / hand / "tuning.jsonl" for hand in ("written6", "written7", "written8", "written9")},
}
#: every hand's tuning part, the order they were written in: ``HANDS`` and the hands only measured (blind4
#: and blind5, whose defensive drafts mark no sentence; written10 to written12). The praise reader learns
#: from all of them (round 22); ``bench/reply_check.py --set`` measures any
EVERY_HAND = {
    **WRITERS,
    **{hand: EVAL / hand / "tuning.jsonl" for hand in ("blind4", "blind5")},
    **{hand: path for hand, path in HANDS.items() if hand not in WRITERS},
    **{hand: EVAL / hand / "tuning.jsonl" for hand in ("written10", "written11", "written12")},
}
#: the writers --cv also leaves out whole (trained on the others only): the honest estimate for a new hand
UNSEEN = ("blind", "blind2", "blind3")
#: the hands the sentence classifier trains on unless ``--writers`` says otherwise: all eight since round 17
#: (with the hidden layer, chosen by the rule of README round 17); until then the first set's only
TRAINED = tuple(HANDS)
#: the hands the owning heads learn from (their owning files, and their defensive sentences as owning
#: nothing), whatever the classifier trains on: the first set's, as until round 17. Trained on all eight
#: hands' (round 17), the heads lost "go to hospital now" in Polish and Urdu (help_now 0.34 and 0.27, a
#: good reply to an urgent story blocked) and read "You should have told us you were in pain" as sorry
OWNERS = ("first",)
#: a sentence blocks when the classifier gives "ok" less than the first in a reply that neither says sorry
#: nor what will happen, the second in one that does one of the two (or owes no apology: it answers praise
#: or puts her safety first), the third in one that does both, each raised to the power (sentences read) **
#: LENGTH_POWER. Chosen in round 17 by ``bench/reply_check_encoders.py --grid`` (eight hands, each left out
#: in turn; README round 17): of the readings and rows that block at least 548 of their 576 defensive drafts,
#: the one that blocks the fewest of their 556 good ones; applied again to the recipe as shipped (the owning
#: heads trained on the first set, ``OWNERS``), it picks 0.98 / 0.3 / 0.2 (548 and 34). Until round 17
#: (0.99, 0.3, 0.2, chosen with --cv in round 10 on three writers) the rows were chosen for a logistic head
#: trained on the first set only.
OK_BELOW = 0.98
OK_BELOW_PARTLY = 0.3
OK_BELOW_OWNED = 0.2
LENGTH_POWER = 0.5
#: a weaker reading than that, in a reply that owns what happened, is advice
ADVISE_BELOW = 0.5
#: a sentence says sorry (or who will do what) when its owning head gives it more than this
OWNING_ABOVE = 0.5
L2 = 1e-2
STEPS = 800
RATE = 0.05
#: the sentence classifier's hidden layer (round 17): rectified units, L2 (on the mean cross-entropy, as
#: ``L2``), full-batch Adam steps and rate, and the seed of its first weights (so training is reproducible)
UNITS, MLP_L2, MLP_STEPS, MLP_RATE, SEED = 64, 1e-2, 400, 0.01, 15
FOLDS = 5
#: a hand-written sentence this close (cosine, e5) to a held-out draft's sentence is held out with it
PURGE = 0.95
THRESHOLDS = (
    (OK_BELOW, OK_BELOW_PARTLY, OK_BELOW_OWNED, LENGTH_POWER),
    (0.9, 0.2, 0.1, 0.0),  # round 2: the weakest sentence alone decides, however long the reply
    (0.9, 0.3, 0.2, 0.5),  # round 3
    (0.95, 0.3, 0.2, 0.5),
    (0.97, 0.3, 0.2, 0.5),
    (0.95, 0.3, 0.2, 0.25),
    (0.95, 0.3, 0.2, 0.0),
    (0.98, 0.3, 0.1, 0.5),  # round 17, chosen before the owning heads went back to the first set's
    (0.99, 0.2, 0.1, 0.5),  # round 10: lets "We will look into it." through in a reply that owns
    (0.99, 0.3, 0.2, 0.5),  # rounds 5 to 16
)
#: ``phrase_overruled_above`` (in the rules file; the first here is the one chosen): a listed phrase does not
#: block a sentence the classifier reads as fine with at least this P(fine) and the owning heads read as
#: owning. Measured by --cv at ``THRESHOLDS[0]`` (round 7) and chosen by the same rule, then, of rows equal
#: on every defensive column, the one that blocks the fewest good drafts in the other columns, then the
#: strictest.
OVERRULED = (0.8, 0.9, 0.85, 0.7, 1.01)


@dataclass(frozen=True)
class Example:
    text: str
    label: str
    #: the story its draft answers ("" for a hand-written sentence), so folds never share a story
    story: str


#: sentences written by hand: round 1's, round 2's in the ways staff really write (NHS register, typos),
#: round 3's good sentences of the kinds that used to be blocked (saying her story back, reporting a change),
#: round 4's defensive sentences without trigger words and good ones in many styles, and round 5's good
#: ones in other staff voices (ward manager, consultant, PALS, formal letter, very short texts, languages),
#: and round 6's defensive ones in texting style and quiet disputes, and guidelines named to own a failure
HAND_WRITTEN = (
    "sentences.toml",
    "sentences_staff.toml",
    "sentences_good.toml",
    "sentences_round4.toml",
    "sentences_round5.toml",
    "sentences_round6.toml",
)
#: sentences that own what happened (say sorry, say who will do what) and look-alikes that do not
OWNING = "owning.toml"
#: sentences of stories that tell of an emergency that is over, and of one happening now (round 6)
STORY_TIME = "story_time.toml"
#: sentences of the blind sets' good tuning drafts that say sorry or who will do what, read by hand (round 10)
OWNING_BLIND = "owning_blind.toml"


def hand_written() -> list[Example]:
    examples: list[Example] = []
    for name in HAND_WRITTEN:
        data = tomllib.loads((DATA / name).read_text(encoding="utf-8"))
        examples += [Example(text, label, "") for label, texts in data.items() for text in texts]
    return examples


@dataclass(frozen=True)
class Owns:
    """A sentence and, for each name in ``OWNING_HEADS``, whether it owns what happened in that way."""

    text: str
    heads: tuple[bool, ...]


def owning_sentences(writers: Iterable[str] = TRAINED) -> list[Owns]:
    """``data/owning.toml``: sorry, a next step, both, neither, or sending her to urgent help now;
    ``data/owning_blind.toml`` (when a blind set is trained on): sorry or a next step, from the blind sets'
    good drafts; and ``data/story_time.toml``: a story's emergency that is over, or one happening now."""
    says = {
        "apology": (True, False, False, False),
        "next_step": (False, True, False, False),
        "both": (True, True, False, False),
        "neither": (False, False, False, False),
        "help_now": (False, False, True, False),
        "over": (False, False, False, True),
        "now": (False, False, False, False),
    }
    return [
        Owns(text, says[kind])
        for name in _owning_files(writers)
        for kind, texts in tomllib.loads((DATA / name).read_text(encoding="utf-8")).items()
        for text in texts
    ]


def _owning_files(writers: Iterable[str]) -> tuple[str, ...]:
    blind = bool(set(writers) & set(UNSEEN))
    return (OWNING, OWNING_BLIND, STORY_TIME) if blind else (OWNING, STORY_TIME)


#: good replies written whole in other staff voices (round 5): never trained on, only checked by --cv
VOICES = "voices_round5.toml"


def _drafts(name: str) -> list[dict[str, Any]]:
    """Whole drafts with their stories from a data file (``[[draft]]`` tables)."""
    drafts: list[dict[str, Any]] = tomllib.loads((DATA / name).read_text(encoding="utf-8"))["draft"]
    return drafts


def voices() -> list[dict[str, Any]]:
    return _drafts(VOICES)


#: whole drafts with their stories, good and defensive, in styles the other data lacks (round 6): never
#: trained on, only checked by --cv. Split once, by position, before anything was run on them: every third
#: draft of each label is held out, and only its totals are ever printed; the rest ("read") were read to
#: find what the checker got wrong, and data/sentences_round6.toml was written after, in other words.
ROUND6 = "voices_round6.toml"


def round6() -> list[dict[str, Any]]:
    """The round 6 drafts, each with ``part``: "read" or "held"."""
    seen: Counter[str] = Counter()
    marked = []
    for draft in _drafts(ROUND6):
        seen[draft["label"]] += 1
        marked.append({**draft, "part": "held" if seen[draft["label"]] % 3 == 0 else "read"})
    return marked


def tuning_drafts(writers: Iterable[str] = WRITERS) -> list[dict[str, Any]]:
    """The tuning drafts of ``writers`` (of ``EVERY_HAND``), each with ``writer``: whose set it comes from."""
    drafts: list[dict[str, Any]] = []
    for writer in writers:
        with EVERY_HAND[writer].open(encoding="utf-8") as file:
            drafts += [{**json.loads(line), "writer": writer} for line in file if line.strip()]
    return drafts


#: what the sentences of defensive tuning drafts do, read by hand: the first set's (a sentence does what its
#: draft's kind says unless listed) and the blind sets' (round 10: only the listed sentences are defensive)
LABELS = ("tuning_labels.toml", "blind_labels.toml")


#: the kind of a defensive draft whose writer marked its defensive sentences (``defensive_sentences``:
#: written6 and written7, round 13; written8 and written9, round 15, with the same kinds), as the
#: classifier's label for the sentences marked
MARKED_KINDS = {
    "blame": "blame",
    "conditional_apology": "sorry_you_feel",
    "deflection": "deflection",
    "disputing": "disputing",
    "generic": "generic",
    "generic_or_self_praise": "generic",
    # written11: a reply to a story in danger that never says where to get help now; what is wrong is what
    # it leaves out, which the story layer reads, and the sentences it marks ("I have shared your message
    # with the ward manager") are fine on their own
    "ignoring_danger": OK,
    "self_praise": "generic",
    "jargon": "jargon",
    "justifying": "policy",
    "minimising": "minimising",
    "patronising": "patronising",
    "promises_nobody_owns": "unowned_promise",  # written15
    "staff_pressure": "staff_busy",
    "unowned_promise": "unowned_promise",
}


def from_drafts(drafts: Iterable[dict[str, Any]]) -> list[Example]:
    """Each sentence of ``drafts``, labelled: "ok" in a good draft; in a defensive one, by the files of
    ``LABELS``, or by the draft's own marks when its writer marked its defensive sentences."""
    first, blind = (tomllib.loads((DATA / name).read_text(encoding="utf-8")) for name in LABELS)
    kinds, by_draft = first["kinds"], {**first["sentences"], **blind["sentences"]}
    examples: list[Example] = []
    for draft in drafts:
        overrides: dict[str, str] = by_draft.get(draft["id"], {})
        by_kind = draft["label"] == "defensive" and draft["writer"] == "first"
        marked = [normalise(text).strip() for text in draft.get("defensive_sentences", ())]
        for sentence in sentences(normalise(draft["draft"])):
            label = _default(sentence.text, kinds[draft["kind"]]) if by_kind else OK
            if draft["label"] == "defensive" and any(_holds(sentence.text, mark) for mark in marked):
                label = MARKED_KINDS[draft["kind"]]
            read_by_hand = (value for start, value in overrides.items() if sentence.text.startswith(start))
            label = next(read_by_hand, label)
            examples.append(Example(sentence.text, label, draft["story"]))
    return examples


def _holds(text: str, mark: str) -> bool:
    """The sentence is the marked one, or holds it, or is part of it (the splitter may cut it otherwise)."""
    return bool(mark) and (mark in text or text in mark)


def _default(text: str, kind: str) -> str:
    opens_with_thanks = text.lower().startswith(("thank you", "thanks"))
    return OK if opens_with_thanks or is_fragment(text) else kind


def fit(
    examples: Sequence[Example],
    owning: Sequence[Owns],
    embedding: Callable[[Sequence[str]], Matrix] | None = None,
    units: int = UNITS,
    owning_from: Sequence[Example] | None = None,
) -> Model:
    """The sentence classifier on ``examples`` (a hidden layer of ``units`` rectified units, or with none a
    logistic head over the embedding), and the owning heads on ``owning`` plus every sentence of
    ``owning_from`` (by default ``examples``) labelled defensive (a defensive sentence owns nothing, however
    warm it sounds).
    ``embedding`` replaces the shared one (``embed_once``) to measure another sentence encoder (round 14,
    ``bench/reply_check_encoders.py``); the model's weights then read that encoder's vectors."""
    vectors_of = embedding or embed_once
    labels = (OK, *sorted({example.label for example in examples} - {OK}))
    targets = np.zeros((len(examples), len(labels)))
    targets[np.arange(len(examples)), [labels.index(example.label) for example in examples]] = 1.0
    raw = vectors_of([example.text for example in examples])
    hidden, hidden_bias = np.zeros((0, raw.shape[1])), np.zeros(0)
    if units:
        hidden, hidden_bias, weights, bias = mlp(raw, targets, units)
    else:
        weights, bias = _logistic(raw, targets)
    owning_examples = [
        *owning,
        *(
            Owns(e.text, (False,) * len(OWNING_HEADS))
            for e in (examples if owning_from is None else owning_from)
            if e.label != OK
        ),
    ]
    owning_vectors = vectors_of([example.text for example in owning_examples])
    heads = [np.zeros((0, raw.shape[1])), np.zeros(0)]
    for head in range(len(OWNING_HEADS)):
        says = np.array([example.heads[head] for example in owning_examples], dtype=np.float64)
        weights_here, bias_here = binary(owning_vectors, says)
        heads = [np.vstack([heads[0], weights_here]), np.append(heads[1], bias_here)]
    return Model(
        labels,
        weights,
        bias,
        heads[0],
        heads[1],
        OK_BELOW,
        OK_BELOW_OWNED,
        OK_BELOW_PARTLY,
        ADVISE_BELOW,
        LENGTH_POWER,
        OWNING_ABOVE,
        hidden,
        hidden_bias,
    )


def binary(raw: Matrix, says: npt.NDArray[np.float64], l2: float = L2) -> tuple[Matrix, float]:
    """One logistic head: the weights and bias whose log-odds say ``says`` (0 or 1 per row of ``raw``)."""
    weights, bias = _logistic(raw, np.stack([1 - says, says], axis=1), l2)
    # a softmax over (no, yes) is the logistic of their difference
    return weights[1] - weights[0], float(bias[1] - bias[0])


def _logistic(
    raw: Matrix, targets: Matrix, l2: float = L2, rows: npt.NDArray[np.float64] | None = None
) -> tuple[Matrix, Matrix]:
    """Multinomial logistic regression on standardised ``raw`` (full-batch Adam on the mean cross-entropy
    plus L2), with the standardisation folded into the weights it returns. ``rows`` weighs each row's
    cross-entropy (a mean weighted by it; round 15 measures one hand's sentences weighing as much as
    another's), equal by default."""
    vectors, mean, scale = _standardised(raw)
    share = None if rows is None else (rows / rows.sum())[:, None]
    parameters = [np.zeros((targets.shape[1], vectors.shape[1])), np.zeros(targets.shape[1])]

    def gradients(now: list[Matrix]) -> list[Matrix]:
        weights, bias = now
        probabilities = _softmax(vectors @ weights.T + bias)
        error = (
            (probabilities - targets) / len(targets) if share is None else (probabilities - targets) * share
        )
        return [error.T @ vectors + l2 * weights, error.sum(axis=0)]

    _adam(parameters, gradients, STEPS, RATE)
    weights, bias = parameters
    return _folded(weights, bias, mean, scale)


def mlp(raw: Matrix, targets: Matrix, units: int = UNITS) -> tuple[Matrix, Matrix, Matrix, Matrix]:
    """One hidden layer of ``units`` rectified units and a softmax, on standardised ``raw`` (full-batch Adam,
    the fixed ``SEED``): the hidden layer's weights and bias (the standardisation folded in), then the
    output layer's."""
    vectors, mean, scale = _standardised(raw)
    seeded = np.random.default_rng(SEED)
    parameters = [
        seeded.normal(0.0, np.sqrt(2 / vectors.shape[1]), (units, vectors.shape[1])),
        np.zeros(units),
        seeded.normal(0.0, np.sqrt(1 / units), (targets.shape[1], units)),
        np.zeros(targets.shape[1]),
    ]

    def gradients(now: list[Matrix]) -> list[Matrix]:
        hidden, hidden_bias, weights, bias = now
        before = vectors @ hidden.T + hidden_bias
        inner = np.maximum(before, 0.0)
        error = (_softmax(inner @ weights.T + bias) - targets) / len(targets)
        back = (error @ weights) * (before > 0)
        return [
            back.T @ vectors + MLP_L2 * hidden,
            back.sum(axis=0),
            error.T @ inner + MLP_L2 * weights,
            error.sum(axis=0),
        ]

    _adam(parameters, gradients, MLP_STEPS, MLP_RATE)
    hidden, hidden_bias, weights, bias = parameters
    return (*_folded(hidden, hidden_bias, mean, scale), weights, bias)


def _standardised(raw: Matrix) -> tuple[Matrix, Matrix, Matrix]:
    """``raw`` with each column at mean 0 and deviation 1, and the mean and scale that did it."""
    mean, scale = raw.mean(axis=0), raw.std(axis=0) + 1e-6
    return (raw - mean) / scale, mean, scale


def _folded(weights: Matrix, bias: Matrix, mean: Matrix, scale: Matrix) -> tuple[Matrix, Matrix]:
    """Weights learnt on standardised vectors, made to read the raw ones:
    (x - mean) / scale · w + b  ==  x · (w / scale) + (b - mean · w / scale)."""
    folded = weights / scale
    return folded, bias - folded @ mean


def _adam(
    parameters: list[Matrix], gradients: Callable[[list[Matrix]], list[Matrix]], steps: int, rate: float
) -> None:
    """Full-batch Adam on ``parameters``, in place: ``gradients`` gives each one's gradient at the current
    values. One optimiser for every head trained here, so they all learn the same way."""
    moments = [np.zeros_like(parameter) for parameter in parameters]
    squares = [np.zeros_like(parameter) for parameter in parameters]
    for step in range(1, steps + 1):
        for index, gradient in enumerate(gradients(parameters)):
            moments[index] = 0.9 * moments[index] + 0.1 * gradient
            squares[index] = 0.999 * squares[index] + 0.001 * gradient**2
            corrected = moments[index] / (1 - 0.9**step)
            parameters[index] -= rate * corrected / (np.sqrt(squares[index] / (1 - 0.999**step)) + 1e-8)


_embedded: dict[str, Matrix] = {}


def embed_once(texts: Sequence[str]) -> Matrix:
    """Each sentence once, however many folds train on it."""
    missing = [text for text in dict.fromkeys(texts) if text not in _embedded]
    _embedded.update(zip(missing, embed(missing).astype(np.float64), strict=True))
    return np.stack([_embedded[text] for text in texts])


def _softmax(scores: Matrix) -> Matrix:
    scores = scores - scores.max(axis=1, keepdims=True)
    exponentials = np.exp(scores)
    found: Matrix = exponentials / exponentials.sum(axis=1, keepdims=True)
    return found


def cross_validate(writers: Sequence[str] = TRAINED) -> None:
    drafts = tuning_drafts(HANDS)
    # each fold holds out a fifth of each writer's stories (every fold is trained on each hand in ``writers``)
    fold_of: dict[tuple[str, str], int] = {}
    for writer in HANDS:
        stories = sorted({draft["story"] for draft in drafts if draft["writer"] == writer})
        fold_of |= {(writer, story): index % FOLDS for index, story in enumerate(stories)}
    hand, owning, other_voices, sixth = hand_written(), owning_sentences(OWNERS), voices(), round6()
    rows = grid()
    blocked: dict[tuple[float, ...], Counter[str]] = {row: Counter() for row in rows}
    urgent: Counter[str] = Counter()
    for fold in range(FOLDS):
        held = [draft for draft in drafts if fold_of[draft["writer"], draft["story"]] == fold]
        voiced, sixths = other_voices[fold::FOLDS], sixth[fold::FOLDS]
        trained_on = [
            draft
            for draft in drafts
            if fold_of[draft["writer"], draft["story"]] != fold and draft["writer"] in writers
        ]
        model = _fit_without(trained_on, (*held, *voiced, *sixths), hand, owning)
        # held-out stories the safeguarding reader flags strongly enough to block: none may be read as over
        flagged = {draft["story"] for draft in held if _flagged(draft["story"])}
        urgent["urgent"] += len(flagged)
        urgent["still urgent"] += sum(urgency(story, model, rules()) is Urgency.NOW for story in flagged)
        for row in rows:
            trial, phrases = _with(model, row), _overruled_above(row[-1])
            _count(held, trial, phrases, blocked[row])
            blocked[row]["voices"] += sum(
                not check(d["draft"], d["story"], trial, phrases).ok for d in voiced
            )
            for draft in sixths:
                blocked[row][f"r6 {draft['label']} {draft['part']}"] += not check(
                    draft["draft"], draft["story"], trial, phrases
                ).ok
    # leave one writer out: trained on the other writers' drafts only, checked on all of this writer's
    alone = tuple(writer for writer in UNSEEN if writer in writers)
    for writer in alone:
        unseen = [draft for draft in drafts if draft["writer"] == writer]
        others = [draft for draft in drafts if draft["writer"] in writers and draft["writer"] != writer]
        model = _fit_without(others, unseen, hand, owning)
        for row in rows:
            trial, phrases = _with(model, row), _overruled_above(row[-1])
            for draft in unseen:
                blocked[row][f"alone {writer} {draft['label']}"] += not check(
                    draft["draft"], draft["story"], trial, phrases
                ).ok
    totals = Counter(f"{draft['writer']} {draft['label']}" for draft in drafts)
    totals += Counter(f"alone {draft['writer']} {draft['label']}" for draft in drafts)
    totals += Counter(voices=len(other_voices), defensive=sum(d["label"] == "defensive" for d in drafts))
    totals += Counter(good=sum(draft["label"] == "good" for draft in drafts))
    totals += Counter(f"r6 {draft['label']} {draft['part']}" for draft in sixth)
    _print(blocked, totals, alone)
    print(f"urgent tuning stories still read as urgent now: {urgent['still urgent']}/{urgent['urgent']}")


def _fit_without(
    trained_on: Sequence[dict[str, Any]],
    held: Sequence[dict[str, Any]],
    hand: Sequence[Example],
    owning: Sequence[Owns],
) -> Model:
    """A model trained on the drafts ``trained_on`` and the hand-written sentences, less every hand-written
    sentence nearly the same as a sentence of the ``held`` drafts (written after reading them, they would
    carry the held drafts into training)."""
    held_vectors = embed_once([s.text for draft in held for s in sentences(normalise(draft["draft"]))])
    kept = _far(hand, [e.text for e in hand], held_vectors)
    kept_owning = _far(owning, [e.text for e in owning], held_vectors)
    return fit(kept + from_drafts(trained_on), kept_owning, owning_from=owners(kept, trained_on))


def owners(hand: Sequence[Example], drafts: Iterable[dict[str, Any]]) -> list[Example]:
    """What the owning heads learn owns nothing from: ``hand`` and the sentences of the ``OWNERS``' drafts."""
    return [*hand, *from_drafts(draft for draft in drafts if draft["writer"] in OWNERS)]


def _flagged(story: str) -> bool:
    """The safeguarding reader flags the story, or one of its sentences, strongly enough to block."""
    read, above = alarm(story), rules().limits.urgent_model_above
    return any(sure(reading, above) for reading in (read.whole, *read.told))


_Item = TypeVar("_Item")


def _far(items: Sequence[_Item], texts: Sequence[str], held: Matrix) -> list[_Item]:
    """The ``items`` whose ``texts`` are no nearer than ``PURGE`` to any held-out sentence."""
    nearest = (embed_once(texts) @ held.T).max(axis=1)
    return [item for item, close in zip(items, nearest > PURGE, strict=True) if not close]


def grid() -> list[tuple[float, ...]]:
    """The rows --cv measures: every row of ``THRESHOLDS`` at the first of ``OVERRULED``, then the chosen
    row at each of the others."""
    rows = [(*row, OVERRULED[0]) for row in THRESHOLDS]
    return list(dict.fromkeys([*rows, *((*THRESHOLDS[0], above) for above in OVERRULED[1:])]))


def _overruled_above(above: float) -> Rules:
    return replace(rules(), limits=replace(rules().limits, phrase_overruled_above=above))


def _with(model: Model, row: tuple[float, ...]) -> Model:
    below, partly, owned, power, _ = row
    return replace(model, ok_below=below, ok_below_partly=partly, ok_below_owned=owned, length_power=power)


#: "long": each defensive draft again inside a warm opening and closing that own nothing, so it is as long
#: as the good drafts (the evaluation set's defensive drafts average 2.4 sentences, its good ones 4.4): a
#: length discount that only works because defensive drafts are short lets these through
OPENING = "Thank you for taking the time to write to us about your care."
CLOSING = "I hope you and your baby are keeping well."


def _count(held: Sequence[dict[str, Any]], trial: Model, phrases: Rules, counts: Counter[str]) -> None:
    # the same as if no reply owned what happened: every sentence held to the strictest threshold
    unowned = replace(trial, ok_below_partly=trial.ok_below, ok_below_owned=trial.ok_below)
    # the phrase lists were written after reading the tuning half: without them, what the rest catches
    bare = replace(phrases, blocking=tuple(replace(rule, phrases=()) for rule in phrases.blocking))
    for draft in held:
        story = draft["story"]
        counts[f"{draft['writer']} {draft['label']}"] += not check(draft["draft"], story, trial, phrases).ok
        if draft["label"] == "defensive":
            counts["bare"] += not check(draft["draft"], story, trial, bare).ok
            counts["long"] += not check(f"{OPENING} {draft['draft']} {CLOSING}", story, trial, phrases).ok
        else:
            counts["unseen"] += not check(draft["draft"], story, unowned, phrases).ok


def _print(blocked: dict[tuple[float, ...], Counter[str]], total: Counter[str], alone: Sequence[str]) -> None:
    columns = (
        *(
            (f"{writer} {short}", f"{writer} {label}", f"{writer} {label}")
            for writer in HANDS
            for short, label in (("def", "defensive"), ("good", "good"))
        ),
        ("lists off", "bare", "defensive"),
        ("long def", "long", "defensive"),
        ("good unowned", "unseen", "good"),
        ("voices good", "voices", "voices"),
        *(
            (f"r6 {short} {part}", f"r6 {label} {part}", f"r6 {label} {part}")
            for part in ("read", "held")
            for short, label in (("def", "defensive"), ("good", "good"))
        ),
        *(
            (f"alone {writer} {short}", f"alone {writer} {label}", f"alone {writer} {label}")
            for writer in alone
            for short, label in (("def", "defensive"), ("good", "good"))
        ),
    )
    print("columns:", "; ".join(f"{index}: {name}" for index, (name, _, _) in enumerate(columns, 1)))
    print(
        f"{'ok_below':>9} {'partly':>7} {'owned':>6} {'power':>6} {'overruled':>9}",
        *(f"{index:>7}" for index in range(1, len(columns) + 1)),
    )
    for row, counts in blocked.items():
        print(
            " ".join(f"{value:>{width}}" for value, width in zip(row, (9, 7, 6, 6, 9), strict=True)),
            *(f"{f'{counts[key]}/{total[label]}':>7}" for _, key, label in columns),
        )


def sources(writers: Iterable[str] = TRAINED) -> list[Path]:
    """The files a model trained on ``writers`` (its heads on ``OWNERS``) is trained on (their sha256 is
    saved with it)."""
    writers = list(writers)
    blind = bool(set(writers) & set(UNSEEN))
    return [
        *(DATA / name for name in (*HAND_WRITTEN, *_owning_files(OWNERS))),
        *(DATA / name for name in (LABELS if blind else LABELS[:1])),
        *(HANDS[writer] for writer in writers),
    ]


def fingerprints(paths: Iterable[Path]) -> dict[str, str]:
    """The sha256 of each file a model learnt from, by its path in the repository: saved with the model, and
    the tests check the files are unchanged since."""
    root = HERE.parents[2]
    return {str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest() for path in paths}


def write_head(
    name: str, weights: Matrix, bias: float, settings: dict[str, float], trained_on: dict[str, object]
) -> None:
    """One logistic head over the embedding (the whole-reply and praise readers) and its thresholds."""
    data = {
        **settings,
        "weights": [round(float(value), 6) for value in weights],
        "bias": round(bias, 6),
        "trained_on": trained_on,
    }
    (DATA / name).write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")


def write(model: Model, examples: Sequence[Example], writers: Sequence[str] = TRAINED) -> None:
    data = {
        "labels": list(model.labels),
        "ok_below": model.ok_below,
        "ok_below_owned": model.ok_below_owned,
        "ok_below_partly": model.ok_below_partly,
        "advise_below": model.advise_below,
        "length_power": model.length_power,
        "owning_above": model.owning_above,
        "weights": [[round(float(value), 5) for value in row] for row in model.weights],
        "bias": [round(float(value), 5) for value in model.bias],
        "owning_heads": list(OWNING_HEADS),
        "owning_weights": [[round(float(value), 5) for value in row] for row in model.owning_weights],
        "owning_bias": [round(float(value), 5) for value in model.owning_bias],
        "trained_on": {
            "sentences": dict(sorted(Counter(example.label for example in examples).items())),
            "sha256": fingerprints(sources(writers)),
            "embedding": "flows.embedding (multilingual-e5-small, query)",
            "l2": L2,
            "steps": STEPS,
            "hidden": {"units": len(model.hidden), "l2": MLP_L2, "steps": MLP_STEPS, "seed": SEED},
        },
    }
    (DATA / MODEL_FILE).write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    # .npy, not .npz: no timestamps inside, so the same training writes the same bytes
    np.save(DATA / HIDDEN_FILE, np.hstack([model.hidden, model.hidden_bias[:, None]]).astype(np.float32))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cv", action="store_true", help="measure with 5 folds instead of writing weights")
    parser.add_argument(
        "--writers",
        default=",".join(TRAINED),
        help=f"whose tuning drafts to train on, of {', '.join(HANDS)} (default: %(default)s)",
    )
    arguments = parser.parse_args()
    writers = [writer for writer in HANDS if writer in arguments.writers.split(",")]
    if not writers or set(arguments.writers.split(",")) - set(writers):
        parser.error(f"--writers: a comma-separated list of {', '.join(HANDS)}")
    if arguments.cv:
        cross_validate(writers)
        return
    hand, drafts = hand_written(), tuning_drafts(writers)
    examples = hand + from_drafts(drafts)
    write(fit(examples, owning_sentences(OWNERS), owning_from=owners(hand, drafts)), examples, writers)
    print(f"wrote {DATA / MODEL_FILE} from {len(examples)} sentences")


if __name__ == "__main__":
    main()
