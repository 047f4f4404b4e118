"""Measure the anonymiser on the hand-marked corpus, side by side with Microsoft Presidio.

Run: ``.venv/bin/python bench/anonymise.py``.  Presidio (the ``bench`` extra) is optional; without it
only our figures are printed.  Recall counts a gold entity as found when every character of it is
redacted, whatever type we called it: for privacy what matters is that it is gone.
"""

from __future__ import annotations

import json
import logging
import re
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bot.privacy.anonymise import anonymise  # noqa: E402
from bot.privacy.anonymise._lexicon import gazetteer  # noqa: E402
from bot.privacy.anonymise._tokens import TOKEN_RE  # noqa: E402

CORPUS_DIR = ROOT / "tests" / "bot" / "privacy" / "anonymise" / "corpus"
CORPUS = CORPUS_DIR / "stories.jsonl"
HELDOUT = CORPUS_DIR / "heldout.jsonl"
_WORD = re.compile(rf"{TOKEN_RE.pattern}|\d+")

Spans = list[tuple[str, int, int]]
Detector = Callable[[str, str | None], Spans]


@dataclass
class Scores:
    recall_by_type: dict[str, tuple[int, int]]
    recall_by_origin: dict[str, tuple[int, int]]
    recall_by_gazetteer: dict[str, tuple[int, int]]
    staff_typed: tuple[int, int]
    wrong_words: int
    redacted_words: int
    kept_words: tuple[int, int]
    stories_per_s: float

    @property
    def precision(self) -> float:
        return 1 - self.wrong_words / self.redacted_words if self.redacted_words else 1.0

    def name_recall(self) -> float:
        found = sum(self.recall_by_type[t][0] for t in ("NAME", "STAFF NAME") if t in self.recall_by_type)
        total = sum(self.recall_by_type[t][1] for t in ("NAME", "STAFF NAME") if t in self.recall_by_type)
        return found / total if total else 1.0


def load_corpus(path: Path = CORPUS) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def ours(text: str, lang: str | None) -> Spans:
    return [(e.type, e.start, e.end) for e in anonymise(text, lang).entities]


def _covered(spans: Spans) -> set[int]:
    return {i for _, s, e in spans for i in range(s, e)}


def _add(table: dict[str, tuple[int, int]], key: str, hit: bool) -> None:
    found, total = table.get(key, (0, 0))
    table[key] = (found + hit, total + 1)


def score(detect: Detector, corpus: list[dict[str, object]]) -> Scores:
    by_type: dict[str, tuple[int, int]] = {}
    by_origin: dict[str, tuple[int, int]] = {}
    by_gaz: dict[str, tuple[int, int]] = {}
    staff = [0, 0]
    wrong = redacted = kept = non_gold = 0
    names = gazetteer().names
    started = time.perf_counter()
    predictions = [detect(str(row["text"]), _lang(row)) for row in corpus]
    elapsed = time.perf_counter() - started
    for row, predicted in zip(corpus, predictions, strict=True):
        text = str(row["text"])
        gold: Spans = [(str(g["type"]), int(g["start"]), int(g["end"])) for g in _gold(row)]
        covered = _covered(predicted)
        for g, (kind, s, e) in zip(_gold(row), gold, strict=True):
            hit = all(i in covered for i in range(s, e))
            _add(by_type, kind, hit)
            if "origin" in g:
                _add(by_origin, str(g["origin"]), hit)
                first = _WORD.findall(text[s:e])
                seen = "in gazetteer" if any(w.casefold() in names for w in first) else "not in gazetteer"
                _add(by_gaz, seen, hit)
            if kind == "STAFF NAME":
                staff[1] += 1
                staff[0] += any(k == "STAFF NAME" and ps <= s < pe for k, ps, pe in predicted)
        gold_chars = _covered(gold)
        for m in _WORD.finditer(text):
            in_gold = any(i in gold_chars for i in range(m.start(), m.end()))
            gone = any(i in covered for i in range(m.start(), m.end()))
            redacted += gone
            wrong += gone and not in_gold
            non_gold += not in_gold
            kept += not in_gold and not gone
    return Scores(
        by_type,
        by_origin,
        by_gaz,
        (staff[0], staff[1]),
        wrong,
        redacted,
        (kept, non_gold),
        len(corpus) / elapsed,
    )


def _gold(row: dict[str, object]) -> list[dict[str, object]]:
    entities = row["entities"]
    assert isinstance(entities, list)
    return entities


def _lang(row: dict[str, object]) -> str | None:
    lang = row.get("lang")
    return str(lang) if lang else None


def one_kb_stories(corpus: list[dict[str, object]]) -> list[tuple[str, str | None]]:
    """Stitch English corpus stories into ~1 KB messages: the size the throughput target is set for."""
    texts = [str(r["text"]) for r in corpus if r["lang"] == "en"]
    stories: list[tuple[str, str | None]] = []
    current = ""
    for n in range(len(texts) * 3):
        current += texts[n % len(texts)] + " "
        if len(current.encode()) >= 1024:
            stories.append((current[:1024], "en"))
            current = ""
    return stories


def throughput(detect: Detector, stories: Iterable[tuple[str, str | None]]) -> float:
    items = list(stories)
    started = time.perf_counter()
    for text, lang in items:
        detect(text, lang)
    return len(items) / (time.perf_counter() - started)


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


def _ratio(a: tuple[int, int], b: tuple[int, int] | None) -> str:
    if b is None or not b[1]:
        return ""
    ra, rb = a[0] / a[1], b[0] / b[1]
    return f"{ra / rb:8.2f}x" if rb else "     inf"


def report(our: Scores, their: Scores | None) -> None:
    header = f"{'':28}{'ours':>20}" + (f"{'presidio':>20}{'ours/presidio':>15}" if their else "")
    sections = (
        ("Recall by entity type", our.recall_by_type, their.recall_by_type if their else None),
        ("Name recall by origin", our.recall_by_origin, their.recall_by_origin if their else None),
        ("Name recall by gazetteer", our.recall_by_gazetteer, their.recall_by_gazetteer if their else None),
    )
    for title, mine, theirs in sections:
        print(f"\n{title}\n{header}")
        for key in sorted(mine):
            other = theirs.get(key, (0, mine[key][1])) if theirs is not None else None
            line = f"  {key:26}{_fmt(mine[key]):>20}"
            if other is not None:
                line += f"{_fmt(other):>20}{_ratio(mine[key], other):>15}"
            print(line)
    print("\nOverall")
    rows = [
        ("name recall", f"{our.name_recall():.1%}", f"{their.name_recall():.1%}" if their else ""),
        ("staff typed as STAFF NAME", _fmt(our.staff_typed), _fmt(their.staff_typed) if their else ""),
        (
            "precision (words)",
            f"{our.precision:.1%} ({our.wrong_words} wrong of {our.redacted_words})",
            f"{their.precision:.1%} ({their.wrong_words} wrong of {their.redacted_words})" if their else "",
        ),
        ("other words kept", _fmt(our.kept_words), _fmt(their.kept_words) if their else ""),
        (
            "stories/s (these stories)",
            f"{our.stories_per_s:.0f}",
            f"{their.stories_per_s:.0f}" if their else "",
        ),
    ]
    for label, a, b in rows:
        print(f"  {label:26}{a:>34}{b:>34}")


def main() -> None:
    logging.getLogger("tldextract").setLevel(logging.CRITICAL)  # Presidio's URL recogniser wants the network
    presidio = presidio_detector()
    if presidio is None:
        print("presidio-analyzer is not installed: showing our figures only (pip install the bench extra).")
    else:
        presidio("warm up", None)
    anonymise("warm up", None)
    for title, path in (
        ("Development corpus (tuned on)", CORPUS),
        ("Held-out corpus (never tuned on)", HELDOUT),
    ):
        corpus = load_corpus(path)
        print(f"\n=== {title}: {len(corpus)} stories ===")
        report(score(ours, corpus), score(presidio, corpus) if presidio else None)
    kb = one_kb_stories(load_corpus(CORPUS)) * 5
    print(f"\n=== Throughput on {len(kb)} one-KB stories, one core ===")
    print(f"  ours: {throughput(ours, kb):.0f} stories/s")
    if presidio is not None:
        print(f"  presidio: {throughput(presidio, kb):.0f} stories/s")


if __name__ == "__main__":
    main()
