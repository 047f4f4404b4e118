"""Train the n-gram name-likeness model, ``data/shape.bin.gz``:
``python -m bot.privacy.anonymise.training.train_shape``.

Names: the gazetteer (Faker's names), ``training/names.txt`` (hand-written Gurmukhi, Ge'ez, Urdu and
Pashto names) and every word of the names marked in ``training/stories/``.  Words: the frequency lists
(wordfreq's top 25,000 of each of our languages) and every language's stop words, less any word that is
also a name.  Nothing of the evaluation sets or of ``training/heldout/`` is read.  ``--report`` holds
one word in five out (by the CRC-32 of its letters) and scores it per script, so the figures say how the
score does on words it never saw; the shipped file is trained on every word.  Full-batch gradient descent in a
fixed order, so a rerun gives the same file.
"""

from __future__ import annotations

import gzip
import sys
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import numpy as np

from bot.privacy.anonymise import _shape
from bot.privacy.anonymise._features import script
from bot.privacy.anonymise._lexicon import gazetteer
from bot.privacy.anonymise._stopwords import ALL as ALL_STOPWORDS
from bot.privacy.anonymise._tokens import TOKEN_RE
from bot.privacy.anonymise.training.handwritten import HAND_NAMES, handwritten

DATA = Path(__file__).resolve().parents[1] / "data"
FREQUENT = tuple(DATA / f"frequent-{band}.txt.gz" for band in (1, 2, 3))
STEPS = 300
RATE = 0.05
L2 = 1e-6
FOLDS = 5  # one word in five held out, by its CRC-32


def _words(path: Path) -> list[str]:
    return [w for w in gzip.decompress(path.read_bytes()).decode("utf-8").split("\n") if w]


def _tokens(words: Iterable[str]) -> set[str]:
    return {t.group().casefold() for w in words for t in TOKEN_RE.finditer(w) if len(t.group()) >= 2}


def _unmarked(text: str, ents: list[tuple[str, int, int]]) -> str:
    """A story with its names blanked: its everyday words, romanised or in a script no list covers, are
    the unlisted words a name is told apart from in a story."""
    for _, start, end in ents:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def labelled() -> tuple[list[str], np.ndarray]:
    """Every word with 1 for a name, 0 for an everyday word; sorted, so the order never changes."""
    hand = [w for w in HAND_NAMES.read_text(encoding="utf-8").splitlines() if w and not w.startswith("#")]
    stories = handwritten()
    marked = [text[start:end] for text, _, ents in stories for _, start, end in ents]
    names = _tokens([*gazetteer().names, *hand, *marked])
    unmarked = [_unmarked(text, ents) for text, _, ents in stories]
    lists = [w for path in FREQUENT for w in _words(path)] + sorted(ALL_STOPWORDS)
    words = _tokens(lists + unmarked) - names
    # Scripts none of our word lists holds (Greek, Devanagari…) would teach only that the script is a name's.
    kept = {script(w[0]) for w in words}
    vocab = sorted(w for w in names | words if script(w[0]) in kept)
    return vocab, np.asarray([w in names for w in vocab], dtype=np.float64)


def _rows(vocab: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Every word's n-gram indices, flat, and where each word's run starts."""
    grams = [_shape.grams(w) for w in vocab]
    starts = np.cumsum([0] + [len(g) for g in grams[:-1]])
    return np.asarray([i for g in grams for i in g], dtype=np.int64), starts


def _balanced(vocab: list[str], labels: np.ndarray) -> np.ndarray:
    """Each script's names weigh as much in total as its words, and each script as much as it has
    words: Arabic script's names are few beside its words, and would otherwise all score as words."""
    scripts = np.asarray([script(w[0]) for w in vocab])
    weight = np.zeros(len(vocab))
    for name in set(scripts):
        pick = scripts == name
        names = pick & (labels == 1)
        words = pick & (labels == 0)
        total = pick.sum()
        weight[names] = total / 2 / max(names.sum(), 1)
        weight[words] = total / 2 / max(words.sum(), 1)
    return weight / len(vocab)


def fit(vocab: list[str], labels: np.ndarray) -> tuple[np.ndarray, float]:
    """Logistic regression, full batch, Adam steps; names and words weigh the same in total."""
    flat, starts = _rows(vocab)
    lengths = np.diff(np.append(starts, len(flat)))
    width = 1 << _shape.BITS
    weight = _balanced(vocab, labels)
    w = np.zeros(width + 1)
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    for step in range(1, STEPS + 1):
        z = np.add.reduceat(w[flat], starts) + w[width]
        err = (1 / (1 + np.exp(-z)) - labels) * weight
        grad = np.append(np.bincount(flat, weights=np.repeat(err, lengths), minlength=width), err.sum())
        grad[:width] += L2 * w[:width]
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad * grad
        w -= RATE * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    return w[:width], float(w[width])


def _auc(scores: np.ndarray, labels: np.ndarray) -> float:
    """The chance a name scores above a word (ties count half)."""
    order = np.argsort(scores, kind="stable")
    ranks = np.empty(len(scores))
    ranks[order] = np.arange(1, len(scores) + 1)
    for value in np.unique(scores[np.diff(np.sort(scores), prepend=np.nan) == 0]):
        tied = scores == value
        ranks[tied] = ranks[tied].mean()
    pos = labels == 1
    n_pos, n_neg = pos.sum(), (~pos).sum()
    return float((ranks[pos].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def report(vocab: list[str], labels: np.ndarray) -> None:
    """Train on four words in five and score the fifth, per script."""
    held = np.asarray([_shape.fold(w, FOLDS) == 0 for w in vocab])
    train = [w for w, h in zip(vocab, held, strict=True) if not h]
    weights, bias = fit(train, labels[~held])
    _shape.use([(tuple(weights.tolist()), bias)])
    test = [w for w, h in zip(vocab, held, strict=True) if h]
    scores = np.asarray([_shape.score(w) for w in test])
    bands = np.asarray([int(_shape.band(w)) for w in test])
    gold = labels[held]
    scripts = np.asarray([script(w[0]) for w in test])
    print("held-out words: script, names, words, AUC, accuracy at 0, names in band 0-4, words in band 0-4")
    for name in ["all", *sorted(set(scripts))]:
        pick = np.ones(len(test), bool) if name == "all" else scripts == name
        g, s, b = gold[pick], scores[pick], bands[pick]
        auc = _auc(s, g) if 0 < g.sum() < len(g) else float("nan")
        acc = ((s > 0) == (g == 1)).mean()
        by_band = [[int(((b == k) & (g == label)).sum()) for k in range(5)] for label in (1, 0)]
        counts = f"{int(g.sum()):6} {int((g == 0).sum()):7}"
        print(f"  {name:4} {counts}  {auc:.3f}  {acc:.3f}  {by_band[0]}  {by_band[1]}")


@lru_cache(maxsize=1)
def fold_models() -> list[_shape.Weights]:
    """One model per fold, each trained without that fold's words: the scores the name model trains on
    (``train_model``), so a name of its training stories is scored as an unseen name would be."""
    vocab, labels = labelled()
    folds = np.asarray([_shape.fold(w, FOLDS) for w in vocab])
    models = []
    for k in range(FOLDS):
        weights, bias = fit([w for w, f in zip(vocab, folds, strict=True) if f != k], labels[folds != k])
        models.append((tuple(weights.tolist()), bias))
    return models


def main() -> None:
    vocab, labels = labelled()
    print(f"{int(labels.sum())} names, {int((labels == 0).sum())} words")
    if "--report" in sys.argv:
        report(vocab, labels)
        return
    weights, bias = fit(vocab, labels)
    _shape.save(_shape.SHAPE, weights.tolist(), bias)
    print(f"written to {_shape.SHAPE}")


if __name__ == "__main__":
    main()
