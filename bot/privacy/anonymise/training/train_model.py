"""Train the name model, ``data/model.bin.gz``: ``python -m bot.privacy.anonymise.training.train_model``.

Training data, and nothing else:

* the tuning parts of the evaluation sets (``tests/bot/privacy/anonymise/eval/tuning.jsonl``,
  ``eval/blind/tuning.jsonl``, ``eval/blind2/tuning.jsonl``: three writers), the old development
  corpus (``tests/bot/privacy/anonymise/corpus/stories.jsonl``) and the training stories in
  ``training/stories/`` (``training/handwritten.py``), all written by hand;
* many copies of each story with every marked name swapped for another of the same script: a name from
  the gazetteer (Faker's lists), one from ``training/names.txt`` (written by hand for scripts Faker
  lacks), or an invented one (a character chain over those names), so the model learns the context a
  name stands in rather than the names themselves;
* sentences built from templates in all 14 languages (``training/templates.py``), native script and
  romanised, with a name after a cue or a cue with no name after it;
* Polish sentences with the name declined to fit them ("z Kasią", "do Tomka": ``training/polish.py``);
* texting noise on the copies: all lowercase, punctuation gone, Polish/Romanian/Portuguese diacritics
  dropped.

The model is the mean of ``RUNS`` averaged perceptrons, each trained on its own copies, template
sentences and order: with one perceptron, 19 of 360 hand-written names changed outcome between three
seeds in cross-validation, with the mean of ten 10 of 604 (``crossval --seeds 15,16,17``).  The
frozen parts of the evaluation sets are never read here.  Seeded, single-threaded and written in a fixed
layout, so a rerun gives the same file.
"""

from __future__ import annotations

import json
import random
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from bot.privacy.anonymise._features import WIDTH, features, script
from bot.privacy.anonymise._lexicon import gazetteer
from bot.privacy.anonymise._model import LABELS, MODEL, save
from bot.privacy.anonymise.training import polish
from bot.privacy.anonymise.training.handwritten import handwritten
from bot.privacy.anonymise.training.templates import generate

ROOT = Path(__file__).resolve().parents[4]
_EVAL = ROOT / "tests" / "bot" / "privacy" / "anonymise" / "eval"
# The tuning parts of the evaluation sets, each by another writer: cross-validation holds each out by
# fold and reports it on its own, so its figures say how a model does on a writer's stories it never saw.
TUNING_PARTS = {
    "tuning part": _EVAL / "tuning.jsonl",
    "blind tuning part": _EVAL / "blind" / "tuning.jsonl",
    "blind2 tuning part": _EVAL / "blind2" / "tuning.jsonl",
}
CORPUS = ROOT / "tests" / "bot" / "privacy" / "anonymise" / "corpus" / "stories.jsonl"
SOURCES = (*TUNING_PARTS.values(), CORPUS)
HAND_NAMES = Path(__file__).with_name("names.txt")
COPIES = 24
SYNTHETIC_PER_LANGUAGE = 300
LANGUAGES = ("en", "ur", "bn", "pa", "gu", "pl", "ro", "ar", "so", "pt", "ps", "prs", "ti", "uk")
EPOCHS = 4  # each run; with ten runs, 8 epochs kept fewer ordinary words in cross-validation
SEED = 15
RUNS = 10
# A feature whose mean weights are all smaller than this is left out of the file: what only one run of
# ten learned, and little of that.
PRUNE = 0.1
_LABEL = {"NAME": 1, "STAFF NAME": 2}
_FOLD = {
    ord(c): unicodedata.normalize("NFD", c)[0] for c in "ąćęńóśźżăâîșşțţãáàçéêíôõúÁÀÂÃÇÉÊÍÓÔÕÚĄĆĘŃŚŹŻ"
} | {ord("ł"): "l", ord("Ł"): "L"}
_PUNCTUATION = str.maketrans({c: " " for c in '.,!?;:()"“”'})

Story = tuple[str, str | None, list[tuple[str, int, int]]]


def stories(paths: tuple[Path, ...] = SOURCES) -> Iterator[Story]:
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                ents = [(e["type"], e["start"], e["end"]) for e in row["entities"]]
                yield row["text"], row.get("lang"), ents


def _pools() -> dict[str, list[str]]:
    """Name words by script, from the gazetteer and the hand list."""
    pools: dict[str, list[str]] = {}
    hand = [w for w in HAND_NAMES.read_text(encoding="utf-8").splitlines() if w and not w.startswith("#")]
    for word in sorted(gazetteer().names) + hand:
        if len(word) >= 2:
            pools.setdefault(script(word[0]), []).append(word)
    return pools


class _Inventor:
    """Invented names: a second-order character chain over each script's names, so the model meets
    names no list holds."""

    def __init__(self, pools: dict[str, list[str]]) -> None:
        self.next: dict[str, dict[str, list[str]]] = {}
        for name, words in pools.items():
            table: dict[str, list[str]] = {}
            for word in words:
                padded = "^^" + word + "$"
                for k in range(2, len(padded)):
                    table.setdefault(padded[k - 2 : k], []).append(padded[k])
            self.next[name] = table

    def invent(self, name: str, rng: random.Random) -> str | None:
        table = self.next.get(name)
        if not table:
            return None
        out = "^^"
        while len(out) < 14:
            ch = rng.choice(table[out[-2:]])
            if ch == "$":
                break
            out += ch
        word = out[2:]
        return word if len(word) >= 3 else None


def _new_name(original: str, pools: dict[str, list[str]], inventor: _Inventor, rng: random.Random) -> str:
    letters = [c for c in original if c.isalpha()]
    if not letters or rng.random() < 0.15:
        return original
    name = script(letters[0])
    pool = pools.get(name)
    if not pool:
        return original
    words = []
    for _ in range(min(len(original.split()), 3)):
        word = inventor.invent(name, rng) if rng.random() < 0.4 else None
        words.append(word or rng.choice(pool))
    if original == original.lower():
        return " ".join(words)
    return " ".join(w[:1].upper() + w[1:] for w in words)


def _variant(story: Story, pools: dict[str, list[str]], inventor: _Inventor, rng: random.Random) -> Story:
    text, lang, ents = story
    parts: list[str] = []
    new_ents: list[tuple[str, int, int]] = []
    pos = 0
    for kind, start, end in sorted(ents, key=lambda e: e[1]):
        if start < pos:
            continue
        parts.append(text[pos:start])
        piece = _new_name(text[start:end], pools, inventor, rng) if kind in _LABEL else text[start:end]
        begin = sum(len(p) for p in parts)
        parts.append(piece)
        new_ents.append((kind, begin, begin + len(piece)))
        pos = end
    parts.append(text[pos:])
    out = "".join(parts)
    if rng.random() < 0.3 and len(out.lower()) == len(out):
        out = out.lower()
    if rng.random() < 0.2:
        out = out.translate(_PUNCTUATION)
    if rng.random() < 0.2:
        out = out.translate(_FOLD)
    return out, lang, new_ents


def _examples(story: Story) -> tuple[list[list[str]], list[int]]:
    text, lang, ents = story
    view, picked, flat = features(text, lang)
    rows = [flat[n * WIDTH : (n + 1) * WIDTH] for n in range(len(picked))]
    labels: list[int] = []
    for tok in (view.tokens[i] for i in picked):
        label = 0
        for kind, start, end in ents:
            if start < tok.end and tok.start < end:
                label = _LABEL.get(kind, -1)
        labels.append(label)
    return rows, labels


def _perceptron(data: list[tuple[list[list[str]], list[int]]], rng: random.Random) -> dict[str, np.ndarray]:
    """One averaged perceptron over the examples: each feature's weights (O, NAME, STAFF NAME)."""
    vocab = sorted({f for rows, _ in data for row in rows for f in row})
    index = {f: n for n, f in enumerate(vocab)}
    tokens = [
        (np.asarray([index[f] for f in row]), label)
        for rows, labels in data
        for row, label in zip(rows, labels, strict=True)
        if label >= 0
    ]
    weights = np.zeros((len(vocab), len(LABELS)), dtype=np.float64)
    totals = np.zeros_like(weights)  # the averaging trick: sum of (step * update)
    step = 1
    for epoch in range(EPOCHS):
        rng.shuffle(tokens)
        mistakes = 0
        for ids, gold in tokens:
            guess = int(weights[ids].sum(axis=0).argmax())
            if guess != gold:
                mistakes += 1
                weights[ids, gold] += 1
                weights[ids, guess] -= 1
                totals[ids, gold] += step
                totals[ids, guess] -= step
            step += 1
        print(f"epoch {epoch + 1}: {mistakes} mistakes on {len(tokens)} words")
    averaged = weights - totals / step
    return dict(zip(vocab, averaged, strict=True))


def _run(
    training: list[Story], pools: dict[str, list[str]], inventor: _Inventor, seed: str
) -> dict[str, np.ndarray]:
    """One model: the stories' own copies, template and Polish sentences drawn afresh for this seed."""
    rng = random.Random(f"copies {seed}")
    data: list[tuple[list[list[str]], list[int]]] = []
    for story in training:
        data.append(_examples(story))
        for _ in range(COPIES):
            data.append(_examples(_variant(story, pools, inventor, rng)))

    def make_name(name_script: str, rng: random.Random) -> str:
        word = inventor.invent(name_script, rng) if rng.random() < 0.4 else None
        word = word or rng.choice(pools.get(name_script) or pools["lat"])
        return word if rng.random() < 0.4 else word[:1].upper() + word[1:]

    for lang in LANGUAGES:
        for story in generate(lang, SYNTHETIC_PER_LANGUAGE, make_name, rng):
            data.append(_examples(story))
    for story in polish.sentences(SYNTHETIC_PER_LANGUAGE, make_name, random.Random(f"polish {seed}")):
        data.append(_examples(story))
    return _perceptron(data, random.Random(f"order {seed}"))


def train(training: list[Story], seed: int = SEED, runs: int = RUNS) -> tuple[list[str], np.ndarray]:
    """The mean of ``runs`` averaged perceptrons, each on its own copies and order of the data.  One
    perceptron moves with its seed: the data are separable, and which separating weights it ends on
    depends on the names drawn and the order it met them."""
    pools = _pools()
    inventor = _Inventor(pools)
    summed: dict[str, np.ndarray] = {}
    for run in range(runs):
        for feature, row in _run(training, pools, inventor, f"{seed}.{run}").items():
            summed[feature] = summed[feature] + row if feature in summed else row.copy()
    vocab = sorted(f for f, row in summed.items() if np.abs(row).max() / runs >= PRUNE)
    return vocab, np.asarray([summed[f] / runs for f in vocab], dtype=np.float32)


def main() -> None:
    vocab, weights = train([*stories(), *handwritten()])
    save(MODEL, vocab, weights.tolist())
    print(f"{len(vocab)} features written to {MODEL}")


if __name__ == "__main__":
    main()
