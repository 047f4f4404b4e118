#!/usr/bin/env python3
"""Counts for README: per language/script, per type, per origin, gazetteer share. stdlib only."""

import collections as C
import json
import sys

path = sys.argv[1] if len(sys.argv) > 1 else "all.jsonl"
with open(path, encoding="utf-8") as f:
    R = [json.loads(line) for line in f]
lang = C.Counter(r["lang"] for r in R)
ls = C.Counter((r["lang"], r["script"] + ("/" + r["writing"] if r["script"] == "native" else "")) for r in R)
typ = C.Counter(e["type"] for r in R for e in r["entities"])
names = [e for r in R for e in r["entities"] if "origin" in e]
orig = C.Counter(e["origin"] for e in names)
distinct = {}
for e in names:
    distinct.setdefault(e["text"].lower(), e)
latin = {k: e for k, e in distinct.items() if all(ord(ch) < 0x0370 for ch in k)}
nin = sum(not e["in_gazetteer"] for e in distinct.values())
lnin = sum(not e["in_gazetteer"] for e in latin.values())
keep = sum(len(r["keep"]) for r in R)
print(f"stories {len(R)}; entities {sum(typ.values())}; name entities {len(names)}; keep words {keep}")
by_lang = ", ".join(f"{k} {v}" for k, v in sorted(lang.items(), key=lambda x: -x[1]))
print("per language:", by_lang, f"(en share {lang['en'] / len(R):.1%})")
print("per language/script:", ", ".join(f"{a}:{b} {v}" for (a, b), v in sorted(ls.items())))
print("per type:", ", ".join(f"{k} {v}" for k, v in typ.most_common()))
print(f"origins ({len(orig)}):", ", ".join(f"{k} {v}" for k, v in orig.most_common()))
print(
    f"distinct names {len(distinct)}; not in gazetteer {nin} ({nin / len(distinct):.1%}); "
    f"Latin-script only: {len(latin)} distinct, not in gazetteer {lnin} ({lnin / len(latin):.1%})"
)
print(f"name mentions not in gazetteer: {sum(not e['in_gazetteer'] for e in names)}/{len(names)}")
