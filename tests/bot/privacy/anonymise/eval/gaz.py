"""Gazetteer look-up shared by build.py and ad-hoc checks (stdlib only).

A name entity is `in_gazetteer` when ANY of its words (split on spaces and hyphens,
lowercased, outer punctuation stripped) is in the anonymiser's names list.
"""
import gzip, re, sys
from functools import lru_cache

import os

# The project moved the anonymiser once (bot/anonymise -> bot/privacy/anonymise); look in both.
_DIRS = [os.environ.get("ANON_GAZ_DIR", ""),
         "/work/main/bot/privacy/anonymise/data", "/work/main/bot/anonymise/data"]
DATA = next((d for d in _DIRS if d and os.path.exists(os.path.join(d, "names.txt.gz"))), None)
if DATA is None:
    raise SystemExit("gazetteer not found; set ANON_GAZ_DIR to the folder holding names.txt.gz")
NAMES = os.path.join(DATA, "names.txt.gz")
COMMON = os.path.join(DATA, "common.txt.gz")

@lru_cache(None)
def _load(path):
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return frozenset(l.strip().lower() for l in f if l.strip())

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
    for n in sys.argv[1:] or [l.strip() for l in sys.stdin if l.strip()]:
        h = hits(n)
        print(("IN " if h else "-- ") + n + ("  " + ",".join(h) if h else ""))
