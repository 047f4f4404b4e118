"""Measure the anonymiser on the evaluation set, frozen part first, then the tuning part.

Run: ``.venv/bin/python bench/anonymise.py`` (``--quick`` skips throughput and start-up; ``--set blind``
``blind2``, ``blind3`` or ``blind4`` measures a set written later, by another hand, in ``eval/blind*/``).
Presidio (the ``bench`` extra) is optional; without it only our figures are printed.

A gold entity counts as found when every non-space character of it is redacted, whatever type we called
it: for privacy what matters is that it is gone.  "Ordinary words kept" is every word outside a gold
entity that we left alone; "decoys kept" is the set's hand-picked traps (places, hospitals, words that
are also names, a verb after a job title).  "Identifier digits leaked" counts digits of gold identifiers
left in the redacted text.  The frozen part is only ever scored in aggregate: never read story by story.
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bot.privacy.anonymise import anonymise, preload  # noqa: E402
from bot.privacy.anonymise._lexicon import gazetteer  # noqa: E402
from bot.privacy.anonymise._tokens import TOKEN_RE  # noqa: E402

EVAL_DIR = ROOT / "tests" / "bot" / "privacy" / "anonymise" / "eval"
FROZEN = EVAL_DIR / "frozen.jsonl"
TUNING = EVAL_DIR / "tuning.jsonl"
CORPUS_DIR = ROOT / "tests" / "bot" / "privacy" / "anonymise" / "corpus"
_WORD = re.compile(rf"{TOKEN_RE.pattern}|\d+")
_NAME_SPLIT = re.compile(r"[\s\-‐]+")
NAME_TYPES = ("NAME", "STAFF NAME")

Spans = list[tuple[str, int, int]]
Detector = Callable[[str, str | None], Spans]
Tally = dict[str, tuple[int, int]]


@dataclass
class Scores:
    by_type: Tally = field(default_factory=dict)
    by_origin: Tally = field(default_factory=dict)
    by_lang: Tally = field(default_factory=dict)
    by_gazetteer: Tally = field(default_factory=dict)
    staff_typed: tuple[int, int] = (0, 0)
    words_kept: tuple[int, int] = (0, 0)
    decoys_kept: tuple[int, int] = (0, 0)
    wrong_words: int = 0
    redacted_words: int = 0
    digits_leaked: int = 0
    digits: int = 0
    stories_per_s: float = 0.0

    @property
    def precision(self) -> float:
        return 1 - self.wrong_words / self.redacted_words if self.redacted_words else 1.0

    def name_recall(self) -> float:
        found = sum(self.by_type.get(t, (0, 0))[0] for t in NAME_TYPES)
        total = sum(self.by_type.get(t, (0, 0))[1] for t in NAME_TYPES)
        return found / total if total else 1.0


def load(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def ours(text: str, lang: str | None) -> Spans:
    return [(e.type, e.start, e.end) for e in anonymise(text, lang).entities]


def _add(table: Tally, key: str, hit: bool) -> None:
    found, total = table.get(key, (0, 0))
    table[key] = (found + hit, total + 1)


def _pair(a: tuple[int, int], hit: bool) -> tuple[int, int]:
    return (a[0] + hit, a[1] + 1)


def in_gazetteer(name: str) -> bool:
    """The evaluation set's own rule: any word of the name (split on spaces and hyphens) is listed."""
    names = gazetteer().names
    return any(w.strip(".,;:!?\"'’()").casefold() in names for w in _NAME_SPLIT.split(name) if w)


def _entities(row: dict[str, object]) -> list[dict[str, object]]:
    entities = row["entities"]
    assert isinstance(entities, list)
    return entities


def _lang(row: dict[str, object]) -> str | None:
    lang = row.get("lang")
    return str(lang) if lang else None


def score(detect: Detector, rows: list[dict[str, object]], misses: bool = False) -> Scores:
    """Score every story; ``misses`` prints each name left and each ordinary word taken (tuning parts
    only: the caller checks)."""
    s = Scores()
    started = time.process_time()
    predictions = [detect(str(row["text"]), _lang(row)) for row in rows]
    s.stories_per_s = len(rows) / (time.process_time() - started)
    for row, predicted in zip(rows, predictions, strict=True):
        text = str(row["text"])
        covered = {i for _, a, b in predicted for i in range(a, b)}
        gold_chars: set[int] = set()
        for g in _entities(row):
            kind, a, b = str(g["type"]), int(str(g["start"])), int(str(g["end"]))
            gold_chars.update(range(a, b))
            hit = all(i in covered for i in range(a, b) if not text[i].isspace())
            _add(s.by_type, kind, hit)
            if misses and not hit:
                print(f"  missed [{row['lang']}] {kind} {text[a:b]!r} in {text!r}")
            if kind in NAME_TYPES:
                _add(s.by_origin, str(g["origin"]), hit)
                _add(s.by_lang, str(row["lang"]), hit)
                seen = "in gazetteer" if in_gazetteer(text[a:b]) else "not in gazetteer"
                _add(s.by_gazetteer, seen, hit)
            if kind == "STAFF NAME":
                typed = any(k == kind and pa <= a < pb for k, pa, pb in predicted)
                s.staff_typed = _pair(s.staff_typed, typed)
            if kind not in NAME_TYPES:
                digits = [i for i in range(a, b) if text[i].isdigit()]
                s.digits += len(digits)
                s.digits_leaked += sum(i not in covered for i in digits)
        for m in _WORD.finditer(text):
            in_gold = any(i in gold_chars for i in range(m.start(), m.end()))
            gone = any(i in covered for i in range(m.start(), m.end()))
            s.redacted_words += gone
            s.wrong_words += gone and not in_gold
            if not in_gold:
                s.words_kept = _pair(s.words_kept, not gone)
                if misses and gone:
                    print(f"  took [{row['lang']}] {m.group()!r} in {text!r}")
        for decoy in row.get("keep") or []:
            for m in re.finditer(re.escape(str(decoy)), text):
                if not any(i in gold_chars for i in range(m.start(), m.end())):
                    gone = any(i in covered for i in range(m.start(), m.end()))
                    s.decoys_kept = _pair(s.decoys_kept, not gone)
    return s


def one_kb_stories(rows: list[dict[str, object]]) -> list[tuple[str, str | None]]:
    """Stories of one language stitched into ~1 KB messages: the size the throughput goal is set for."""
    by_lang: dict[str, list[str]] = {}
    for row in rows:
        by_lang.setdefault(str(row["lang"]), []).append(str(row["text"]))
    stories: list[tuple[str, str | None]] = []
    for lang, texts in sorted(by_lang.items()):
        current = ""
        for n in range(len(texts) * 4):
            current += texts[n % len(texts)] + " "
            if len(current.encode()) >= 1024:
                cut = current.encode()[:1024].decode("utf-8", "ignore")
                stories.append((cut, lang))
                current = ""
    return stories


def throughput(detect: Detector, stories: Iterable[tuple[str, str | None]]) -> float:
    """Stories per CPU-second of this process: one core's rate, whatever else the machine is doing."""
    items = list(stories)
    started = time.process_time()
    for text, lang in items:
        detect(text, lang)
    return len(items) / (time.process_time() - started)


def start_up_seconds() -> float:
    """A fresh interpreter: import, load every list and the model, redact one story."""
    code = (
        "import time; t = time.perf_counter(); from bot.privacy.anonymise import anonymise, preload; "
        "preload(); anonymise('my midwife was chioma', 'en'); print(time.perf_counter() - t)"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def presidio_detector() -> Detector | None:
    """Presidio with no NER model (none can be downloaded here): a blank spaCy pipeline, its pattern
    recognisers, and the UK ones switched on explicitly."""
    try:
        import spacy
        from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
        from presidio_analyzer.nlp_engine import SpacyNlpEngine
        from presidio_analyzer.predefined_recognizers import (
            NhsRecognizer,
            PhoneRecognizer,
            UkNinoRecognizer,
            UkPostcodeRecognizer,
        )
    except ImportError:
        return None
    nlp_engine = SpacyNlpEngine(models=[{"lang_code": "en", "model_name": "blank"}])
    nlp_engine.nlp = {"en": spacy.blank("en")}
    registry = RecognizerRegistry(supported_languages=["en"])
    registry.load_predefined_recognizers(languages=["en"], nlp_engine=nlp_engine)
    for recogniser in (
        NhsRecognizer(),
        UkNinoRecognizer(),
        UkPostcodeRecognizer(),
        PhoneRecognizer(supported_regions=["GB"]),
    ):
        registry.add_recognizer(recogniser)
    analyzer = AnalyzerEngine(registry=registry, nlp_engine=nlp_engine, supported_languages=["en"])

    def detect(text: str, lang: str | None) -> Spans:
        return [(r.entity_type, r.start, r.end) for r in analyzer.analyze(text=text, language="en")]

    return detect


def _fmt(pair: tuple[int, int]) -> str:
    found, total = pair
    return f"{found / total:6.1%} ({found}/{total})" if total else "   n/a"


def report(our: Scores, their: Scores | None) -> None:
    header = f"{'':28}{'ours':>20}" + (f"{'presidio':>20}" if their else "")
    sections = (
        ("Recall by entity type", our.by_type, their.by_type if their else None),
        ("Name recall by language", our.by_lang, their.by_lang if their else None),
        ("Name recall by origin", our.by_origin, their.by_origin if their else None),
        ("Name recall by gazetteer", our.by_gazetteer, their.by_gazetteer if their else None),
    )
    for title, mine, theirs in sections:
        print(f"\n{title}\n{header}")
        for key in sorted(mine):
            line = f"  {key:26}{_fmt(mine[key]):>20}"
            if theirs is not None:
                line += f"{_fmt(theirs.get(key, (0, mine[key][1]))):>20}"
            print(line)
    print("\nOverall")
    rows = [
        ("name recall", lambda s: f"{s.name_recall():.1%}"),
        ("staff typed as STAFF NAME", lambda s: _fmt(s.staff_typed)),
        ("ordinary words kept", lambda s: _fmt(s.words_kept)),
        ("decoys kept", lambda s: _fmt(s.decoys_kept)),
        ("precision (words)", lambda s: f"{s.precision:.1%} ({s.wrong_words} wrong of {s.redacted_words})"),
        ("identifier digits leaked", lambda s: f"{s.digits_leaked} of {s.digits}"),
        ("stories/s (these stories)", lambda s: f"{s.stories_per_s:.0f}"),
    ]
    for label, show in rows:
        print(f"  {label:26}{show(our):>34}" + (f"{show(their):>34}" if their else ""))


def gazetteer_overlap(rows: list[dict[str, object]]) -> str:
    """How many of the part's names our gazetteer lists: they should come from elsewhere."""
    names = [str(g["text"]) for row in rows for g in _entities(row) if g["type"] in NAME_TYPES]
    distinct = {n.casefold() for n in names}
    listed = {n for n in distinct if in_gazetteer(n)}
    mentions = sum(in_gazetteer(n) for n in names)
    return (
        f"{len(listed)} of {len(distinct)} distinct names ({mentions} of {len(names)} mentions) have a word "
        "in the gazetteer"
    )


def main() -> None:
    logging.getLogger("tldextract").setLevel(logging.CRITICAL)  # Presidio's URL recogniser wants the network
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="skip throughput and start-up")
    parser.add_argument(
        "--set", choices=("main", "blind", "blind2", "blind3", "blind4"), default="main", help="which set"
    )
    parser.add_argument("--part", choices=("frozen", "tuning"), help="one part only (default: all)")
    parser.add_argument(
        "--misses", action="store_true", help="with --part tuning: each name left, word taken"
    )
    args = parser.parse_args()
    if args.misses and args.part != "tuning":
        parser.error(
            "--misses reads stories one by one: only with --part tuning (the frozen part stays unread)"
        )
    presidio = presidio_detector()
    if presidio is None:
        print("presidio-analyzer is not installed: showing our figures only (pip install the bench extra).")
    else:
        presidio("warm up", None)
    preload()  # every list, the model and each language's cue tables: start-up is timed apart
    parts = [
        ("Frozen part (never tuned on)", FROZEN),
        ("Tuning part", TUNING),
        ("Old development corpus", CORPUS_DIR / "stories.jsonl"),
        ("Old held-out corpus", CORPUS_DIR / "heldout.jsonl"),
    ]
    if args.set != "main":
        parts = [
            (f"Set {args.set}, frozen part (never tuned on)", EVAL_DIR / args.set / "frozen.jsonl"),
            (f"Set {args.set}, tuning part", EVAL_DIR / args.set / "tuning.jsonl"),
        ]
    if args.part:
        parts = [(title, path) for title, path in parts if path.stem.startswith(args.part)]
    for title, path in parts:
        rows = load(path)
        print(f"\n=== {title}: {len(rows)} stories ({path.relative_to(ROOT)}) ===")
        if EVAL_DIR in path.parents:
            print(f"  {gazetteer_overlap(rows)}")
        report(score(ours, rows, args.misses), score(presidio, rows) if presidio else None)
    if args.quick:
        return
    kb = one_kb_stories(load(TUNING)) * 3
    print(f"\n=== Throughput on {len(kb)} one-KB stories in 14 languages, one core ===")
    print(f"  ours: {throughput(ours, kb):.0f} stories/s")
    if presidio is not None:
        print(f"  presidio: {throughput(presidio, kb):.0f} stories/s")
    print(f"  start-up (fresh interpreter, load everything, first story): {start_up_seconds():.2f} s")


if __name__ == "__main__":
    main()
