"""Training stories written by hand for this project (``training/stories/<lang>.txt``).

Fresh texting-style stories in the languages the tuning part holds too few names of: names in native
script and romanised, nicknames and lowercase, names before and after job titles and honorifics (jan,
ji, bibi, khala, ዶክተር, ډاکټره, ਨਰਸ…), alone at the start of a sentence, in pairs, with a postposition
or prefix fused to them (ንትርሓስ, রোকসানাকে, હેતલને), and decoys: the same titles followed by a verb,
places, a title with no name.  One story a line; ``{N:name}`` marks a name, ``{S:name}`` a staff name
(the whole word, fused affixes and all, as the evaluation set marks them); ``#`` lines are comments.
Written from general knowledge of how people text, never from the evaluation set.
"""

from __future__ import annotations

import re
from pathlib import Path

from bot.privacy.anonymise.training.templates import Story

STORIES = Path(__file__).with_name("stories")
# Stories written the same way but never trained on: a check of names of many origins no list or
# training story holds, read only by ``crossval``.
HELD_OUT = Path(__file__).with_name("heldout")
_MARK = re.compile(r"\{([NS]):([^{}]+)\}")
_TYPES = {"N": "NAME", "S": "STAFF NAME"}


def parse(line: str, lang: str) -> Story:
    """One marked line as the story's text and its names' offsets."""
    parts: list[str] = []
    ents: list[tuple[str, int, int]] = []
    pos = 0
    for match in _MARK.finditer(line):
        parts.append(line[pos : match.start()])
        start = sum(len(p) for p in parts)
        parts.append(match.group(2))
        ents.append((_TYPES[match.group(1)], start, start + len(match.group(2))))
        pos = match.end()
    parts.append(line[pos:])
    return "".join(parts), lang, ents


def handwritten(folder: Path = STORIES) -> list[Story]:
    """Every hand-written story in the folder (the training stories unless told), languages in file-name
    order."""
    return [
        parse(line, path.stem)
        for path in sorted(folder.glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
