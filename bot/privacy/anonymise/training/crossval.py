"""Two-fold cross-validation of the name model on the tuning part: how it does on stories it never saw.

Run ``python -m bot.privacy.anonymise.training.crossval`` (``--misses`` also lists the names each
held-out fold let through).  The tuning part is split by story number into halves; a model is trained
on one half (with the old development corpus and the template sentences, as ``train_model`` does) and
the whole anonymiser is run with it on the other half.  The frozen part is never read.  Since the
shipped model has seen every tuning story, these are the figures to tune by.
"""

from __future__ import annotations

import json
import sys
from collections import Counter

from bot.privacy.anonymise import anonymise
from bot.privacy.anonymise._model import use, weights_model
from bot.privacy.anonymise._tokens import TOKEN_RE
from bot.privacy.anonymise.training.train_model import SOURCES, stories, train

NAME_TYPES = ("NAME", "STAFF NAME")


def main() -> None:
    show_misses = "--misses" in sys.argv
    tuning_path, *others = SOURCES
    rows = [json.loads(line) for line in tuning_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    rest = list(stories(tuple(others)))
    found: Counter[str] = Counter()
    total: Counter[str] = Counter()
    kept = words = 0
    for fold in (0, 1):
        held = [row for n, row in enumerate(rows) if n % 2 == fold]
        seen = [row for n, row in enumerate(rows) if n % 2 != fold]
        training = [
            (r["text"], r.get("lang"), [(e["type"], e["start"], e["end"]) for e in r["entities"]])
            for r in seen
        ]
        vocab, weights = train(training + rest)
        use(weights_model(vocab, weights.tolist()))
        for row in held:
            text, lang = row["text"], row["lang"]
            covered = {i for e in anonymise(text, lang).entities for i in range(e.start, e.end)}
            gold = {i for e in row["entities"] for i in range(e["start"], e["end"])}
            for e in row["entities"]:
                if e["type"] in NAME_TYPES:
                    hit = all(i in covered for i in range(e["start"], e["end"]) if not text[i].isspace())
                    found[lang] += hit
                    total[lang] += 1
                    if show_misses and not hit:
                        print(f"  missed [{lang}] {e['text']!r} in {text!r}")
            for start, end in _words(text):
                if not any(i in gold for i in range(start, end)):
                    words += 1
                    kept += not any(i in covered for i in range(start, end))
    all_found, all_total = sum(found.values()), sum(total.values())
    print(f"names found on held-out halves: {all_found}/{all_total} ({all_found / all_total:.1%})")
    for lang in sorted(total):
        print(f"  {lang:4} {found[lang]:3}/{total[lang]:3} ({found[lang] / total[lang]:.1%})")
    print(f"ordinary words kept: {kept}/{words} ({kept / words:.1%})")


def _words(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in TOKEN_RE.finditer(text)]


if __name__ == "__main__":
    main()
