#!/usr/bin/env python3
"""Build all.jsonl from the hand-marked sources (stdlib only).

Source files: sources/<lang>.txt, one story a line:  lang|script|text-with-marks
  script: native | latin | mixed, optionally "/writing" (e.g. native/shahmukhi); the
  writing system otherwise defaults from the language.
  '#' lines and blank lines are ignored.

Marks inside the text (the mark is removed, its content stays in the story):
  {N:name:origin}  NAME            {S:name:origin}  STAFF NAME
  {P:..} PHONE   {E:..} EMAIL   {H:..} NHS NUMBER   {C:..} POSTCODE   {A:..} ADDRESS
  {D:..} DATE OF BIRTH   {HN:..} HOSPITAL NUMBER   {U:..} HANDLE   {B:..} ROOM
  [[..]]  a decoy that must stay (goes to "keep")
Offsets are derived here, never typed.  Run:  python3 build.py [DIR PREFIX]
"""

import glob
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gaz

# A second set (written later, by another hand) lives in a folder of its own: build.py DIR PREFIX.
HERE = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
PREFIX = sys.argv[2] if len(sys.argv) > 2 else "an"

LANG_ORDER = ["en", "ur", "bn", "pa", "gu", "pl", "ro", "ar", "so", "pt", "ps", "prs", "ti", "uk"]
TYPES = {
    "N": "NAME",
    "S": "STAFF NAME",
    "P": "PHONE",
    "E": "EMAIL",
    "H": "NHS NUMBER",
    "C": "POSTCODE",
    "A": "ADDRESS",
    "D": "DATE OF BIRTH",
    "HN": "HOSPITAL NUMBER",
    "U": "HANDLE",
    "B": "ROOM",
}
ORIGINS = set(
    """english scottish irish welsh caribbean yoruba igbo akan somali eritrean_tigrinya
ethiopian_amharic pashtun dari_afghan hazara urdu_pakistani panjabi_sikh panjabi_muslim bengali
gujarati tamil hindi_indian malayali polish romanian ukrainian russian lithuanian portuguese
brazilian arabic_levantine arabic_gulf arabic_iraqi arabic_egyptian arabic_maghrebi
arabic_sudanese kurdish turkish chinese vietnamese filipino roma shona zulu nepali
italian spanish greek
hausa congolese korean kikuyu arabic iranian ghanaian_ewe ugandan tamil_srilankan""".split()
)
DEFAULT_WRITING = {
    "ur": "arabic",
    "bn": "bengali",
    "pa": "gurmukhi",
    "gu": "gujarati",
    "ar": "arabic",
    "ps": "arabic",
    "prs": "arabic",
    "ti": "ethiopic",
    "uk": "cyrillic",
}
MARK = re.compile(r"\{(HN|N|S|P|E|H|C|A|D|U|B):([^{}]*)\}|\[\[([^\[\]]*)\]\]")


def parse(line, where):
    lang, script, src = line.split("|", 2)
    script, _, writing = script.partition("/")
    if script not in ("native", "latin", "mixed"):
        raise ValueError(f"{where}: bad script {script!r}")
    if not writing:
        writing = {"latin": "latin", "mixed": "mixed"}.get(script) or DEFAULT_WRITING[lang]
    out, ents, keep, pos = [], [], [], 0
    for m in MARK.finditer(src):
        out.append(src[pos : m.start()])
        start = sum(len(x) for x in out)
        if m.group(3) is not None:
            word = m.group(3)
            keep.append((word, start, start + len(word)))
            out.append(word)
        else:
            code, body = m.group(1), m.group(2)
            origin = None
            if code in ("N", "S"):
                body, sep, origin = body.rpartition(":")
                if not sep or origin not in ORIGINS:
                    raise ValueError(f"{where}: bad origin in {m.group(0)!r}")
            if not body or body != body.strip():
                raise ValueError(f"{where}: empty/space-padded mark {m.group(0)!r}")
            e = {"type": TYPES[code], "start": start, "end": start + len(body), "text": body}
            if origin:
                e["origin"] = origin
                h = gaz.hits(body)
                e["in_gazetteer"] = bool(h)
                e["gazetteer_hits"] = h
            ents.append(e)
            out.append(body)
        pos = m.end()
    out.append(src[pos:])
    text = "".join(out)
    if "{" in text or "}" in text or "[[" in text or "]]" in text:
        raise ValueError(f"{where}: unparsed mark left in text: {text!r}")
    return lang, script, writing, text, ents, keep


def check(rec, keepspans, where):
    t = rec["text"]
    for e in rec["entities"]:
        assert t[e["start"] : e["end"]] == e["text"], where
    spans = [(e["start"], e["end"]) for e in rec["entities"]]
    for w, s, e in keepspans:
        for a, b in spans:
            assert e <= a or s >= b, f"{where}: keep {w!r} overlaps an entity"
    warn = []
    # every other occurrence of a marked name (as a whole word) must be marked too
    for e in rec["entities"]:
        if e["type"] not in ("NAME", "STAFF NAME"):
            continue
        for m in re.finditer(r"(?<!\w)" + re.escape(e["text"]) + r"(?!\w)", t):
            if not any(a <= m.start() and m.end() <= b for a, b in spans) and not any(
                s <= m.start() and m.end() <= e for _, s, e in keepspans
            ):
                warn.append(f"{where}: unmarked repeat of {e['text']!r} at {m.start()}")
    return warn


def main():
    recs, warns = [], []
    files = sorted(
        glob.glob(os.path.join(HERE, "sources", "*.txt")),
        key=lambda p: LANG_ORDER.index(os.path.basename(p)[:-4]),
    )
    for path in files:
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                line = line.rstrip("\n")
                if not line.strip() or line.lstrip().startswith("#"):
                    continue
                where = f"{os.path.basename(path)}:{n}"
                lang, script, writing, text, ents, keep = parse(line, where)
                if lang != os.path.basename(path)[:-4]:
                    raise ValueError(f"{where}: lang {lang} in wrong file")
                rec = {
                    "id": None,
                    "lang": lang,
                    "script": script,
                    "writing": writing,
                    "text": text,
                    "entities": sorted(ents, key=lambda e: e["start"]),
                    "keep": [k[0] for k in keep],
                }
                warns += check(rec, keep, where)
                rec["_where"] = where
                recs.append(rec)
    for i, r in enumerate(recs, 1):
        r["id"] = f"{PREFIX}-{i:04d}"
    texts = [r["text"] for r in recs]
    dup = {t for t in texts if texts.count(t) > 1}
    if dup:
        raise ValueError(f"duplicate stories: {list(dup)[:3]}")
    with open(os.path.join(HERE, "all.jsonl"), "w", encoding="utf-8") as f:
        for r in recs:
            r = {k: v for k, v in r.items() if k != "_where"}
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    for w in warns:
        print("WARN", w, file=sys.stderr)
    print(f"wrote {len(recs)} stories to all.jsonl", file=sys.stderr)


if __name__ == "__main__":
    main()
