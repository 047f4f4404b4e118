"""Turn the hand-marked ``stories.txt``/``heldout.txt`` into JSONL with gold character offsets.

Marking names inline keeps the corpus readable and reviewable; offsets are derived, never typed.
Run: ``.venv/bin/python tests/anonymise/corpus/build.py``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

HERE = Path(__file__).parent
_MARK = re.compile(r"\{([NSPEHCAD]):([^{}:]+)(?::([a-z]+))?\}")
_TYPES = {
    "N": "NAME",
    "S": "STAFF NAME",
    "P": "PHONE",
    "E": "EMAIL",
    "H": "NHS NUMBER",
    "C": "POSTCODE",
    "A": "ADDRESS",
    "D": "DATE OF BIRTH",
}


def parse(line: str) -> tuple[str, str, list[dict[str, object]]]:
    lang, marked = line.split("|", 1)
    text: list[str] = []
    entities: list[dict[str, object]] = []
    pos = 0
    length = 0
    for m in _MARK.finditer(marked):
        plain = marked[pos : m.start()]
        text.append(plain)
        length += len(plain)
        code, value, origin = m.groups()
        entity: dict[str, object] = {"type": _TYPES[code], "start": length, "end": length + len(value)}
        if origin:
            entity["origin"] = origin
        entities.append(entity)
        text.append(value)
        length += len(value)
        pos = m.end()
    text.append(marked[pos:])
    return lang, "".join(text), entities


def build(name: str) -> int:
    rows = []
    for n, line in enumerate((HERE / f"{name}.txt").read_text(encoding="utf-8").splitlines()):
        if line.strip() and not line.startswith("#"):
            lang, text, entities = parse(line)
            rows.append({"id": n, "lang": lang, "text": text, "entities": entities})
    with (HERE / f"{name}.jsonl").open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return len(rows)


def main() -> None:
    for name in ("stories", "heldout"):
        print(f"{name}: {build(name)} stories written")


if __name__ == "__main__":
    main()
