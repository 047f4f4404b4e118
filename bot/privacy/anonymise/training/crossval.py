"""Two-fold cross-validation of the name model: how it does on stories it never saw.

Run ``python -m bot.privacy.anonymise.training.crossval`` (``--misses`` also lists the names each
held-out fold let through and the ordinary words it took out).  The tuning parts of the evaluation sets
(three writers: the first set, blind, blind2) and the hand-written training stories (``training/stories/``)
are each split by story number into halves; a model is trained on one half of each (with the old
development corpus and the template sentences, as ``train_model`` does) and the whole anonymiser is run
with it on the other halves.  Each part is reported on its own, per language: names found, ordinary
words kept and, where the part marks them, decoys kept (words that are also names, places, a verb after a
title).  The frozen parts are never read.  Since the shipped model has seen every one of these stories,
these are the figures to tune by.  The stories in ``training/heldout/`` (names of many origins in
English, Tigrinya; since round 18 half of a second hand's lines in nine languages) are never trained
on: each half is read by the model of one fold.

``--without-blind`` trains as before round 10: the blind parts are scored by each fold's model but never
trained on, the baseline for training on them.  ``--shipped`` scores every part whole with the shipped
model and trains nothing.  ``--seeds 15,16,17`` repeats it all with each training seed and then says how
many names and words changed outcome between the seeds: what a rebuild with another seed would move.
``--runs K`` trains with another number of averaged models.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

from bot.privacy.anonymise import anonymise
from bot.privacy.anonymise._model import use, weights_model
from bot.privacy.anonymise._tokens import TOKEN_RE
from bot.privacy.anonymise.training.handwritten import HELD_OUT, handwritten
from bot.privacy.anonymise.training.templates import Story
from bot.privacy.anonymise.training.train_model import CORPUS, RUNS, SEED, TUNING_PARTS, stories, train

NAME_TYPES = ("NAME", "STAFF NAME")
HAND_WRITTEN = "hand-written stories"
NEVER_TRAINED = "held-out stories (never trained on)"


def decoys(path: Path) -> dict[str, list[str]]:
    """Each story's decoys (the set's ``keep`` list: words that must stay), by its text."""
    rows = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    return {row["text"]: row.get("keep") or [] for row in rows}


class Score:
    """Names found, ordinary words and decoys kept per language, on one part's held-out halves; which
    names were missed and which words taken, to compare seeds."""

    def __init__(self, show_misses: bool, keep: dict[str, list[str]] | None = None) -> None:
        self.found: Counter[str] = Counter()
        self.total: Counter[str] = Counter()
        self.kept: Counter[str] = Counter()
        self.words: Counter[str] = Counter()
        self.decoys_kept: Counter[str] = Counter()
        self.decoys: Counter[str] = Counter()
        self.missed: set[tuple[str, int]] = set()
        self.taken: set[tuple[str, int]] = set()
        self.show_misses = show_misses
        self.keep = keep or {}

    def add(self, story: Story) -> None:
        text, lang, ents = story
        code = lang or "?"
        covered = {i for e in anonymise(text, lang).entities for i in range(e.start, e.end)}
        gold = {i for _, start, end in ents for i in range(start, end)}
        for kind, start, end in ents:
            if kind in NAME_TYPES:
                hit = all(i in covered for i in range(start, end) if not text[i].isspace())
                self.found[code] += hit
                self.total[code] += 1
                if not hit:
                    self.missed.add((text, start))
                    if self.show_misses:
                        print(f"  missed [{code}] {text[start:end]!r} in {text!r}")
        for match in TOKEN_RE.finditer(text):
            span = range(*match.span())
            if not any(i in gold for i in span):
                self.words[code] += 1
                taken = any(i in covered for i in span)
                self.kept[code] += not taken
                if taken:
                    self.taken.add((text, match.start()))
                    if self.show_misses:
                        print(f"  took [{code}] {match.group()!r} in {text!r}")
        for decoy in self.keep.get(text, []):
            for match in re.finditer(re.escape(decoy), text):
                span = range(*match.span())
                if not any(i in gold for i in span):
                    self.decoys[code] += 1
                    self.decoys_kept[code] += not any(i in covered for i in span)

    def report(self, title: str) -> None:
        found, total = sum(self.found.values()), sum(self.total.values())
        kept, words = sum(self.kept.values()), sum(self.words.values())
        print(f"{title}: names found {found}/{total} ({found / total:.1%}), words kept {kept}/{words}")
        if self.decoys:
            print(f"  decoys kept {sum(self.decoys_kept.values())}/{sum(self.decoys.values())}")
        for code in sorted(self.total.keys() | self.words.keys()):
            line = f"  {code:4} names {self.found[code]:3}/{self.total[code]:3}"
            line += f", words {self.kept[code]}/{self.words[code]}"
            if self.decoys[code]:
                line += f", decoys {self.decoys_kept[code]}/{self.decoys[code]}"
            print(line)


def _option(name: str, default: str) -> str:
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default


def _parts() -> dict[str, list[Story]]:
    parts = {title: list(stories((path,))) for title, path in TUNING_PARTS.items()}
    return parts | {HAND_WRITTEN: handwritten()}


def _scores(show_misses: bool) -> dict[str, Score]:
    keep = {title: decoys(path) for title, path in TUNING_PARTS.items()}
    return {title: Score(show_misses, keep.get(title)) for title in (*_parts(), NEVER_TRAINED)}


def shipped(show_misses: bool) -> dict[str, Score]:
    """Every part whole, scored with the shipped model (which has seen all but the blind parts and the
    held-out stories)."""
    scores = _scores(show_misses)
    for title, part in (*_parts().items(), (NEVER_TRAINED, handwritten(HELD_OUT))):
        for story in part:
            scores[title].add(story)
    return scores


def crossvalidate(seed: int, runs: int, show_misses: bool, without_blind: bool) -> dict[str, Score]:
    """Every part's score with models trained by this seed."""
    parts = _parts()
    trained = [title for title in parts if not (without_blind and "blind" in title)]
    rest = list(stories((CORPUS,)))
    scores = _scores(show_misses)
    for fold in (0, 1):
        seen = [story for title in trained for n, story in enumerate(parts[title]) if n % 2 != fold]
        vocab, weights = train(seen + rest, seed, runs)
        use(weights_model(vocab, weights.tolist()))
        for title, part in (*parts.items(), (NEVER_TRAINED, handwritten(HELD_OUT))):
            for story in part[fold::2]:
                scores[title].add(story)
    return scores


def _unsteady(outcomes: list[set[tuple[str, int]]]) -> set[tuple[str, int]]:
    """What some seeds got wrong and others right."""
    first, *rest = outcomes
    return first.union(*rest) - first.intersection(*rest)


def main() -> None:
    show_misses = "--misses" in sys.argv
    if "--shipped" in sys.argv:
        for title, score in shipped(show_misses).items():
            score.report(title)
        return
    seeds = [int(s) for s in _option("--seeds", str(SEED)).split(",")]
    runs = int(_option("--runs", str(RUNS)))
    by_seed = []
    for seed in seeds:
        print(f"seed {seed}, {runs} averaged model(s) a fold")
        scores = crossvalidate(seed, runs, show_misses, "--without-blind" in sys.argv)
        for title, score in scores.items():
            score.report(title)
        by_seed.append(scores)
    if len(seeds) > 1:
        print(f"outcomes that differ between seeds {', '.join(map(str, seeds))}:")
        for title in by_seed[0]:
            names = len(_unsteady([scores[title].missed for scores in by_seed]))
            words = len(_unsteady([scores[title].taken for scores in by_seed]))
            print(f"  {title}: {names} names, {words} ordinary words")


if __name__ == "__main__":
    main()
