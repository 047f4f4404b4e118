#!/usr/bin/env python3
"""Validate all.jsonl / tuning.jsonl / frozen.jsonl against the brief. stdlib only."""

import collections as C
import itertools
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TYPES = {
    "NAME",
    "STAFF NAME",
    "PHONE",
    "EMAIL",
    "NHS NUMBER",
    "POSTCODE",
    "ADDRESS",
    "DATE OF BIRTH",
    "HOSPITAL NUMBER",
    "HANDLE",
    "ROOM",
}


def load(name):
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        return [json.loads(line) for line in f]


A, T, F = load("all.jsonl"), load("tuning.jsonl"), load("frozen.jsonl")
err = []
ids = [r["id"] for r in A]
if len(set(ids)) != len(ids):
    err.append("duplicate ids")
for r in A:
    t = r["text"]
    if r["script"] not in ("native", "latin", "mixed"):
        err.append(f"{r['id']} script")
    for e in r["entities"]:
        if e["type"] not in TYPES:
            err.append(f"{r['id']} type {e['type']}")
        if t[e["start"] : e["end"]] != e["text"]:
            err.append(f"{r['id']} offset {e}")
        if (e["type"] in ("NAME", "STAFF NAME")) != ("origin" in e):
            err.append(f"{r['id']} origin {e}")
        if "origin" in e and "in_gazetteer" not in e:
            err.append(f"{r['id']} in_gazetteer {e}")
    sp = sorted((e["start"], e["end"]) for e in r["entities"])
    if any(a[1] > b[0] for a, b in itertools.pairwise(sp)):
        err.append(f"{r['id']} overlapping entities")
    for k in r["keep"]:
        if k not in t:
            err.append(f"{r['id']} keep {k!r} not in text")
if {r["id"] for r in T} & {r["id"] for r in F}:
    err.append("split overlap")
if sorted(r["id"] for r in T + F) != sorted(ids):
    err.append("split does not cover all")
langs = C.Counter(r["lang"] for r in A)
names = {}
for r in A:
    for e in r["entities"]:
        if "origin" in e:
            names.setdefault(e["text"].lower(), e)
share = sum(not e["in_gazetteer"] for e in names.values()) / len(names)
origins = {e["origin"] for r in A for e in r["entities"] if "origin" in e}
req = [
    ("stories >= 440", len(A) >= 440),
    ("languages >= 9", len(langs) >= 9),
    ("each non-English lang >= 20", all(v >= 20 for k, v in langs.items() if k != "en")),
    ("origins >= 22", len(origins) >= 22),
    ("distinct names not in gazetteer >= 60%", share >= 0.6),
]
for what, ok in req:
    print(("ok  " if ok else "FAIL"), what)
    if not ok:
        err.append(what)
print("\n".join(err) or "all checks passed")
sys.exit(1 if err else 0)
