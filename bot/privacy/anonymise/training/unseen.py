"""Score marked story files with the model in use (the shipped one), as stories it never saw.

Run ``python -m bot.privacy.anonymise.training.unseen FILE_OR_FOLDER…`` (``--after TEXT`` reads only
the lines after the first comment line that starts with ``# TEXT``: one hand's section of a file;
``--misses`` lists what went wrong).  Files are ``<lang>.txt`` in ``handwritten``'s marks.  Per
language: names found, ordinary words kept (``crossval.Score``), and the digits of identifiers left in
the story.  Hand-written files mark only names, so an identifier is found here by its shape: an e-mail
or handle, a run of six digits or more (phone, NHS and hospital numbers), a full date with its year, a
postcode or district ("B10 9QT", "LS9", "RX4"), a bed or room number.  A ward's number is no
identifier, nor is a time, a weight or a count.  Where a folder holds its writer's ``origins.tsv``
(language, kind, mark, count, origin: hand11 on), names found per origin too, totals only.  Written to
give a new writer's stories an honest first figure before any of them is trained on.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

from bot.privacy.anonymise import anonymise
from bot.privacy.anonymise.training.crossval import NAME_TYPES, Score
from bot.privacy.anonymise.training.handwritten import parse
from bot.privacy.anonymise.training.templates import Story

_IDENTIFIER = re.compile(
    r"[\w.+-]+@[\w-]+(?:\.\w+)+"  # an e-mail
    r"|(?<!\w)@\w+"  # a handle
    r"|(?<![\w/.])\d[\d ]{4,}\d(?![\w/.])"  # digit groups: six digits or more are kept below
    r"|(?<!\w)(?:\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{4}[/.]\d{1,2}[/.]\d{1,2})(?!\w)"  # a full date
    r"|(?<![\w])[A-Z]{1,2}\d[A-Z\d]?(?: \d[A-Z]{2})?(?!\w)"  # a postcode, district or number's letters
    r"|(?i:bed|cama|ліжк[оу]|палат[аиі]|বেড|બેડ|ਬੈੱਡ|بیڈ)\s*\d+"  # a bed or room
)


def identifiers(text: str) -> list[re.Match[str]]:
    """What in her story looks like an identifier (a run of digit groups counts with six digits or more,
    or as a date)."""
    return [m for m in _IDENTIFIER.finditer(text) if not m.group()[0].isdigit() or _six_digits(m.group())]


def _six_digits(run: str) -> bool:
    return "/" in run or "." in run or sum(c.isdigit() for c in run) >= 6


def read(paths: list[Path], after: str | None) -> list[Story]:
    """The stories of each file (or each ``.txt`` of a folder), from the heading ``after`` on if given."""
    files = [f for p in paths for f in (sorted(p.glob("*.txt")) if p.is_dir() else [p])]
    out: list[Story] = []
    for path in files:
        reading = after is None
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("#"):
                reading = reading or line.startswith(f"# {after}")
            elif reading and line.strip():
                out.append(parse(line, path.stem))
    return out


def origins(paths: list[Path]) -> dict[tuple[str, str], str]:
    """Each marked name's origin by (language, mark), from the writer's ``origins.tsv`` in a folder."""
    table: dict[tuple[str, str], str] = {}
    for path in paths:
        listed = path / "origins.tsv"
        if path.is_dir() and listed.exists():
            for row in listed.read_text(encoding="utf-8").splitlines()[1:]:
                lang, _, mark, _, origin = row.split("\t")
                table[(lang, mark)] = origin
    return table


def by_origin(stories: list[Story], score: Score, table: dict[tuple[str, str], str]) -> None:
    """Print names found per origin (``table``, from ``origins``) after ``score`` has read ``stories``."""
    found: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for text, lang, ents in stories:
        for kind, start, end in ents:
            if kind in NAME_TYPES:
                origin = table.get((lang or "?", text[start:end]), "(no origin given)")
                total[origin] += 1
                found[origin] += (text, start) not in score.missed
    under = [origin for origin in total if found[origin] < 0.9 * total[origin]]
    print(f"names found by origin ({len(total)} origins, {len(under)} under 90 %)")
    for origin, count in total.most_common():
        print(f"  {origin:<34} {found[origin]:3}/{count:3}{'  under 90 %' if origin in under else ''}")


def main() -> None:
    args = sys.argv[1:]
    after = args[args.index("--after") + 1] if "--after" in args else None
    show = "--misses" in args
    paths = [Path(a) for n, a in enumerate(args) if not a.startswith("--") and args[n - 1] != "--after"]
    score = Score(show)
    digits: Counter[str] = Counter()
    leaked: Counter[str] = Counter()
    stories = read(paths, after)
    for text, lang, ents in stories:
        # An identifier's letters ("RX", "gmail") are no ordinary word to keep.
        score.add((text, lang, ents + [("ID", *m.span()) for m in identifiers(text)]))
        covered = {i for e in anonymise(text, lang).entities for i in range(e.start, e.end)}
        for m in identifiers(text):
            left = [i for i in range(*m.span()) if text[i].isdigit() and i not in covered]
            digits[lang or "?"] += sum(c.isdigit() for c in m.group())
            leaked[lang or "?"] += len(left)
            if left and show:
                print(f"  leaked [{lang}] {m.group()!r} in {text!r}")
    score.report(", ".join(map(str, paths)))
    if table := origins(paths):
        by_origin(stories, score, table)
    print(f"identifier digits leaked {sum(leaked.values())} of {sum(digits.values())}")
    for lang in sorted(digits):
        print(f"  {lang:4} {leaked[lang]} of {digits[lang]}")


if __name__ == "__main__":
    main()
