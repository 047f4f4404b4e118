"""Gazetteer look-up shared by build.py and ad-hoc checks (stdlib only).

A name entity is `in_gazetteer` when ANY of its words (split on spaces and hyphens,
lowercased, outer punctuation stripped) is in the anonymiser's names list.
"""

import gzip
import os
import re
import sys
from functools import lru_cache

# In the repository the set lives in tests/bot/privacy/anonymise/eval/, five levels below the root.
_HERE = os.path.dirname(os.path.abspath(__file__))
_REPO_DATA = os.path.join(_HERE, *[".."] * 5, "bot", "privacy", "anonymise", "data")
_DIRS = [os.environ.get("ANON_GAZ_DIR", ""), os.path.normpath(_REPO_DATA)]
DATA = next((d for d in _DIRS if d and os.path.exists(os.path.join(d, "names.txt.gz"))), None)
if DATA is None:
    raise SystemExit("gazetteer not found; set ANON_GAZ_DIR to the folder holding names.txt.gz")
NAMES = os.path.join(DATA, "names.txt.gz")
COMMON = os.path.join(DATA, "common.txt.gz")


@lru_cache(None)
def _load(path):
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return frozenset(line.strip().lower() for line in f if line.strip())


def words(name):
    out = []
    for w in re.split(r"[\s\-‐]+", name.lower()):
        w = w.strip(".,;:!?\"'’()")
        if w:
            out.append(w)
    return out


def hits(name, path=NAMES):
    s = _load(path)
    return [w for w in words(name) if w in s]


if __name__ == "__main__":
    for n in sys.argv[1:] or [line.strip() for line in sys.stdin if line.strip()]:
        h = hits(n)
        print(("IN " if h else "-- ") + n + ("  " + ",".join(h) if h else ""))
