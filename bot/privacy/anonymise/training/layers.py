"""Which layer catches what: ``python -m bot.privacy.anonymise.training.layers [tuning|frozen]``.

For every marked name, the layers that took all of it out on their own: the rules (cues, shapes, the
gazetteer), the learned model alone, the model with names carried over their next word, and the final
decision (after the lists settle and places are cleared).  For every other marked identifier, the
patterns that covered its digits and letters.  And the ordinary words each step took out wrongly.
Totals only: the frozen part is never shown story by story.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

from bot.privacy.anonymise import _addresses, _digits, _emails, _rooms, _structured
from bot.privacy.anonymise._model import Stages, find_names

EVAL = Path(__file__).resolve().parents[4] / "tests" / "bot" / "privacy" / "anonymise" / "eval"
NAME_TYPES = ("NAME", "STAFF NAME")
_WORD = re.compile(r"\w+")


def _identifier_layers(text: str) -> dict[str, list[tuple[str, int, int]]]:
    streets = _addresses.addresses(text)
    return {
        "emails": _emails.emails(text),
        "nhs numbers": _structured.nhs_numbers(text),
        "phones": _structured.phones(text),
        "dates of birth (cued, 1900s)": _structured.dates_of_birth(text),
        "hospital numbers": _structured.hospital_numbers(text),
        "handles": _structured.handles(text),
        "streets": streets,
        "postcodes": _addresses.postcodes(text, streets),
        "rooms": _rooms.rooms(text),
        "number shapes": _digits.number_shapes(text),
        "long numbers": _structured.long_numbers(text),
    }


def _covers(spans: list[tuple[int, int]], text: str, start: int, end: int) -> bool:
    covered = {i for a, b in spans for i in range(a, b)}
    return all(i in covered for i in range(start, end) if not text[i].isspace())


def main() -> None:
    part = sys.argv[1] if len(sys.argv) > 1 else "tuning"
    rows = [json.loads(line) for line in (EVAL / f"{part}.jsonl").read_text(encoding="utf-8").splitlines()]
    names: Counter[str] = Counter()
    only: Counter[str] = Counter()
    ids: Counter[str] = Counter()
    id_only: Counter[str] = Counter()
    wrong: Counter[str] = Counter()
    n_names = n_ids = 0
    for row in rows:
        text, lang = row["text"], row["lang"]
        stages: Stages = {}
        find_names(text, lang, stages)
        layers = _identifier_layers(text)
        gold = {i for e in row["entities"] for i in range(e["start"], e["end"])}
        for e in row["entities"]:
            start, end = e["start"], e["end"]
            if e["type"] in NAME_TYPES:
                n_names += 1
                hit = [k for k, spans in stages.items() if _covers(spans, text, start, end)]
                names.update(hit)
                if "final" in hit:
                    by_rules, by_model = "rules" in hit, "model" in hit
                    which = {
                        (True, True): "both",
                        (True, False): "rules, not the model",
                        (False, True): "model, not the rules",
                        (False, False): "neither: carried over or a list",
                    }
                    only[which[(by_rules, by_model)]] += 1
            else:
                n_ids += 1
                hit = [
                    k
                    for k, found in layers.items()
                    if _covers([(a, b) for _, a, b in found], text, start, end)
                ]
                ids.update(hit)
                if len(hit) == 1:
                    id_only[hit[0]] += 1
        for m in _WORD.finditer(text):
            if any(i in gold for i in range(m.start(), m.end())):
                continue
            for k, spans in stages.items():
                if any(a < m.end() and m.start() < b for a, b in spans):
                    wrong[k] += 1
            for k, found in layers.items():
                if any(a < m.end() and m.start() < b for _, a, b in found):
                    wrong[k] += 1
    print(f"{part}: {n_names} names, {n_ids} other identifiers")
    print("names wholly taken out by each step:", ", ".join(f"{k} {v}" for k, v in names.items()))
    print("names taken out in the end, caught by:", ", ".join(f"{k} {v}" for k, v in only.items()))
    print("identifiers wholly covered by each pattern:", ", ".join(f"{k} {v}" for k, v in ids.most_common()))
    print("identifiers only one pattern covered:", ", ".join(f"{k} {v}" for k, v in id_only.most_common()))
    print("ordinary words each step took out:", ", ".join(f"{k} {v}" for k, v in wrong.most_common()))


if __name__ == "__main__":
    main()
