"""Two-fold cross-validation of the name model: how it does on stories it never saw.

Run ``python -m bot.privacy.anonymise.training.crossval`` (``--misses`` also lists the names each
held-out fold let through and the ordinary words it took out).  The tuning part and the hand-written
training stories (``training/stories/``) are each split by story number into halves; a model is trained
on one half of both (with the old development corpus and the template sentences, as ``train_model``
does) and the whole anonymiser is run with it on the other halves.  Each part is reported on its own:
the tuning part holds a dozen names a language, the hand-written stories add more in the languages
where the tuning part is thin.  The frozen part is never read.  Since the shipped model has seen every
one of these stories, these are the figures to tune by.  The stories in ``training/heldout/`` (names of
many origins in English, Tigrinya) are never trained on: each half is read by the model of one fold.

``--seeds 15,16,17`` repeats it all with each training seed and then says how many names and words
changed outcome between the seeds: what a rebuild with another seed would move.  ``--runs K`` trains
with another number of averaged models.
"""

from __future__ import annotations

import sys
from collections import Counter

from bot.privacy.anonymise import anonymise
from bot.privacy.anonymise._model import use, weights_model
from bot.privacy.anonymise._tokens import TOKEN_RE
from bot.privacy.anonymise.training.handwritten import HELD_OUT, handwritten
from bot.privacy.anonymise.training.templates import Story
from bot.privacy.anonymise.training.train_model import RUNS, SEED, SOURCES, stories, train

NAME_TYPES = ("NAME", "STAFF NAME")
NEVER_TRAINED = "held-out stories (never trained on)"


class Score:
    """Names found per language and ordinary words kept, on one part's held-out halves; which names
    were missed and which words taken, to compare seeds."""

    def __init__(self, show_misses: bool) -> None:
        self.found: Counter[str] = Counter()
        self.total: Counter[str] = Counter()
        self.kept = self.words = 0
        self.missed: set[tuple[str, int]] = set()
        self.taken: set[tuple[str, int]] = set()
        self.show_misses = show_misses

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
                self.words += 1
                taken = any(i in covered for i in span)
                self.kept += not taken
                if taken:
                    self.taken.add((text, match.start()))
                    if self.show_misses:
                        print(f"  took [{code}] {match.group()!r} in {text!r}")

    def report(self, title: str) -> None:
        found, total = sum(self.found.values()), sum(self.total.values())
        print(f"{title}: names found on held-out halves {found}/{total} ({found / total:.1%})")
        for code in sorted(self.total):
            hits, names = self.found[code], self.total[code]
            print(f"  {code:4} {hits:3}/{names:3} ({hits / names:.1%})")
        print(f"  ordinary words kept: {self.kept}/{self.words} ({self.kept / self.words:.1%})")


def _option(name: str, default: str) -> str:
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default


def crossvalidate(seed: int, runs: int, show_misses: bool) -> dict[str, Score]:
    """Every part's score with models trained by this seed."""
    tuning_path, *others = SOURCES
    tuning = list(stories((tuning_path,)))
    parts = {"tuning part": tuning, "hand-written stories": handwritten()}
    rest = list(stories(tuple(others)))
    never_trained = handwritten(HELD_OUT)
    scores = {title: Score(show_misses) for title in (*parts, NEVER_TRAINED)}
    for fold in (0, 1):
        seen = [story for part in parts.values() for n, story in enumerate(part) if n % 2 != fold]
        vocab, weights = train(seen + rest, seed, runs)
        use(weights_model(vocab, weights.tolist()))
        for title, part in (*parts.items(), (NEVER_TRAINED, never_trained)):
            for story in part[fold::2]:
                scores[title].add(story)
    return scores


def _unsteady(outcomes: list[set[tuple[str, int]]]) -> set[tuple[str, int]]:
    """What some seeds got wrong and others right."""
    first, *rest = outcomes
    return first.union(*rest) - first.intersection(*rest)


def main() -> None:
    show_misses = "--misses" in sys.argv
    seeds = [int(s) for s in _option("--seeds", str(SEED)).split(",")]
    runs = int(_option("--runs", str(RUNS)))
    by_seed = []
    for seed in seeds:
        print(f"seed {seed}, {runs} averaged model(s) a fold")
        scores = crossvalidate(seed, runs, show_misses)
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
