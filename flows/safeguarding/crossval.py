"""Five-fold cross-validation of layer 2 on the tuning halves: how a change would do on wording it never saw.

Run from the repository root: ``pip install -e '.[train]' && python -m flows.safeguarding.crossval``
(~10 minutes on 2 cores). The frozen half cannot tell two designs apart without being spent, so every
choice in ``train.py`` (examples, weights, directions removed) is made on these figures instead.

Each tuning message is scored by a model built without it: the tuning halves the model learns from
(``TRAINED_ON``) are dealt into five folds (stratified by set, language and label), the hand-written
examples are always in training, and the model is built on the rest exactly as ``train.py`` builds it
(neighbours after removing the training folds' top directions, the classifier fitted on the training
folds). Reported: urgent recall when the clear threshold lets through 8, 9 or 10 % of the calm messages
of those halves, for several fold seeds, and for each set at 9 %: urgent caught and calm given the
numbers, in all and per language. Without the phrases: this measures the model alone. A writer's other
messages stay in training here, so these figures flatter wording nobody has written yet; ``writers.py``
leaves each writer out whole.
"""

from __future__ import annotations

import numpy as np

from flows.safeguarding import _model
from flows.safeguarding.train import (
    FOLDS,
    NEAREST_WEIGHT,
    TOP_DIRECTIONS,
    TRAINED_ON,
    Example,
    Floats,
    K,
    embedded,
    fit,
    group_of,
    hand_written,
    tuning_halves,
)

#: fold seeds: one message is 0.2 % of the urgent half, so a change is read over several dealings
SEEDS = (1, 2, 3, 4)
#: shares of calm messages given the numbers at which recall is compared
RATES = (0.08, 0.09, 0.10)


def folds(examples: list[Example], seed: int) -> dict[int, int]:
    """Each tuning message's fold: every (set, language, label) stratum shuffled and dealt in turn."""
    rng = np.random.default_rng(seed)
    strata: dict[tuple[str, str, str], list[int]] = {}
    for n, example in enumerate(examples):
        if example.evaluation_set is not None:
            strata.setdefault((example.evaluation_set, example.lang, example.label), []).append(n)
    fold_of: dict[int, int] = {}
    start = int(rng.integers(FOLDS))
    for key in sorted(strata):
        members = [strata[key][n] for n in rng.permutation(len(strata[key]))]
        fold_of.update({n: (start + place) % FOLDS for place, n in enumerate(members)})
        start = (start + len(members)) % FOLDS
    return fold_of


def held_out(vectors: Floats, examples: list[Example], seed: int) -> Floats:
    """Every tuning message's combined score from a model built without its fold (others: zero)."""
    group = group_of(examples)
    kinds = [f"{example.label}:{example.kind}" for example in examples]
    fold_of = folds(examples, seed)
    nearest = np.zeros(len(examples), dtype=np.float32)
    linear = np.zeros(len(examples), dtype=np.float32)
    for fold in range(FOLDS):
        test = np.array([n for n, f in fold_of.items() if f == fold])
        train = np.array([n for n in range(len(examples)) if fold_of.get(n, -1) != fold])
        seen = vectors[train]
        centre = seen.mean(axis=0)
        top = np.asarray(np.linalg.svd(seen - centre, full_matrices=False)[2][:TOP_DIRECTIONS], np.float32)
        bank = _model.project(seen, centre, top)
        asked = _model.project(vectors[test], centre, top)
        nearest[test] = _model.nearest_scores(asked @ bank.T, group[train], K)
        fitted = fit(seen, [kinds[n] for n in train], seen.mean(axis=0), seen.std(axis=0))
        linear[test] = _model.linear_scores(vectors[test], fitted)[0]
    tuning = np.array([example.from_tuning for example in examples])

    def scaled(values: Floats) -> Floats:
        return np.asarray((values - np.median(values[tuning])) / values[tuning].std(), dtype=np.float32)

    return np.asarray(
        NEAREST_WEIGHT * scaled(nearest) + (1 - NEAREST_WEIGHT) * scaled(linear), dtype=np.float32
    )


def threshold(values: Floats, calm: np.ndarray, rate: float) -> float:
    """The lowest score that gives the numbers to at most ``rate`` of the calm messages."""
    ordered = np.sort(values[calm])[::-1]
    allowed = int(np.floor(rate * len(ordered)))
    if allowed >= len(ordered):
        return float("-inf")
    # just above the first calm score that must stay below the line, in the scores' own precision
    return float(np.nextafter(ordered[allowed], np.float32(np.inf)))


def per_language(alarmed: np.ndarray, labels: np.ndarray, langs: np.ndarray) -> str:
    """Urgent messages caught and calm ones given the numbers, in all and language by language."""

    def share(label: str, lang: str) -> str:
        mine = (labels == label) & ((langs == lang) | (lang == "all"))
        return f"{int(alarmed[mine].sum())}/{int(mine.sum())}"

    return " ".join(
        f"{lang} {share('urgent', lang)} {share('calm', lang)}" for lang in ["all", *sorted(set(langs))]
    )


def main() -> None:
    examples = [*hand_written(), *tuning_halves()]
    vectors = embedded(examples)  # rounded as the trainer stores them: cross-validate on what it keeps
    tuning = [n for n, example in enumerate(examples) if example.from_tuning]
    labels = np.array([examples[n].label for n in tuning])
    langs = np.array([examples[n].lang for n in tuning])
    sets = np.array([examples[n].evaluation_set for n in tuning])
    urgent, calm = labels == "urgent", labels == "calm"
    recalls = []
    for seed in SEEDS:
        values = held_out(vectors, examples, seed)[tuning]
        recall = [float((values[urgent] >= threshold(values, calm, rate)).mean()) for rate in RATES]
        recalls.append(recall)
        print(f"seed {seed}: recall at " + ", ".join(f"{100 * r:.1f}" for r in recall))
        alarmed = values >= threshold(values, calm, 0.09)
        for name in TRAINED_ON:
            mine = sets == name
            found = per_language(alarmed[mine], labels[mine], langs[mine])
            print(f"  {name}, at 9 %, urgent caught and calm alarmed: {found}")
    mean = np.mean(recalls, axis=0)
    figures = ", ".join(f"{100 * r:.0f} %: {100 * m:.1f}" for r, m in zip(RATES, mean, strict=True))
    print(f"mean urgent recall at {figures}")


if __name__ == "__main__":
    main()
