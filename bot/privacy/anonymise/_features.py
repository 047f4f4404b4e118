"""What the learned name model sees of each word: its shape, script, affixes, neighbours and lists.

Shared by the model at run time and by ``training/train_model.py``, so both describe words the same
way.  Features are short strings; the model holds one weight row per string it learned from.  The
rules' own opinion (cue before the word, the name they would take out) is one feature among the rest.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache

from bot.privacy.anonymise._lexicon import HONORIFICS_AFTER, gazetteer
from bot.privacy.anonymise._names import RuleView, cue_words, rule_view
from bot.privacy.anonymise._stopwords import stopwords
from bot.privacy.anonymise._tokens import Token

_SCRIPTS = (
    (0x0041, 0x024F, "lat"),
    (0x0370, 0x03FF, "grk"),
    (0x0400, 0x052F, "cyr"),
    (0x0600, 0x06FF, "arb"),
    (0x0750, 0x077F, "arb"),
    (0x0980, 0x09FF, "bng"),
    (0x0A00, 0x0A7F, "gur"),
    (0x0A80, 0x0AFF, "guj"),
    (0x1200, 0x139F, "eth"),
    (0x2D80, 0x2DDF, "eth"),
)


@lru_cache(maxsize=4096)
def script(ch: str) -> str:
    code = ord(ch)
    return next((name for low, high, name in _SCRIPTS if low <= code <= high), "oth")


def _shapes(toks: list[Token]) -> list[str]:
    """Per token: u (a script without capitals), A (all capitals), X (capitalised) or x."""
    return ["u" if not t.cased else "A" if t.all_caps else "X" if t.cap else "x" for t in toks]


def _length(low: str) -> str:
    n = len(low)
    return "1" if n == 1 else "2" if n == 2 else "3" if n <= 4 else "5" if n <= 7 else "8"


# Words this common (or on a stop or common-word list), with no cue before them and no rule calling
# them a name, are never scored: it keeps the model within the time a story may take.  Names that are
# also everyday words ("Will", "Hope") reach the model only when a cue or a rule points at them.
_OBVIOUS_BANDS = frozenset("12")
_LISTED_WORDS = frozenset("sc")  # a stop word or a common word
WIDTH = 23  # features per word: every row has exactly this many, so scores group them without owners


def ruled_labels(view: RuleView) -> list[str]:
    """Per token: N or S where the rules took it as a name or a staff name, else O.  Only the tokens
    inside a rule's span are visited; where spans overlap, the one that starts first wins."""
    ruled = ["O"] * len(view.tokens)
    if not view.spans:
        return ruled
    starts = [tok.start for tok in view.tokens]
    for kind, start, end in reversed(sorted(view.spans, key=lambda span: span[1])):
        label = "S" if kind == "STAFF NAME" else "N"
        i = bisect_left(starts, start)
        while i < len(starts) and starts[i] < end:
            ruled[i] = label
            i += 1
    return ruled


@lru_cache(maxsize=32)
def _titles(lang: str | None) -> frozenset[str]:
    """Cue words and honorifics: a word before one of them ("Nasrin apa", "ሳባ ሓፍተይ") is often a name,
    in any script, whether or not a list knows the name."""
    return cue_words(lang) | HONORIFICS_AFTER


@lru_cache(maxsize=65536)
def _word_features(w: str, sh: str, kn: str, band: str, code: str) -> tuple[str, ...]:
    """The features a word has wherever it stands; cached, since the same words recur in every story."""
    return (
        "w|" + w,
        "s3|" + w[-3:],
        "s2|" + w[-2:],
        "p3|" + w[:3],
        "sh|" + sh + _length(w),
        "sc|" + script(w[0]) + sh,
        "k|" + kn + sh + band,
        "L|" + code + sh + kn + band,
    )


def features(text: str, lang: str | None) -> tuple[RuleView, list[int], list[str]]:
    """The rules' view, the tokens worth scoring, and their features (WIDTH strings each, flat)."""
    view = rule_view(text, lang)
    toks = view.tokens
    gaz = gazetteer()
    stop = stopwords(lang)
    titles = _titles(lang)
    ruled = ruled_labels(view)
    lows = [t.low for t in toks]
    shapes = _shapes(toks)
    bands = gaz.bands(lows)
    names, common = gaz.names, gaz.common
    known = ["g" if w in names else "c" if w in common else "s" if w in stop else "-" for w in lows]
    padded = ["<s>", "<s>", *lows, "</s>", "</s>"]
    code = lang or "?"
    cues = view.cues
    last = len(toks) - 1
    picked: list[int] = []
    flat: list[str] = []
    for i, tok in enumerate(toks):
        kn = known[i]
        before = ruled[i - 1] if i else "<"
        if (
            not tok.cap
            and not cues[i]
            and ruled[i] == "O"
            and before == "O"
            and kn != "g"
            and (bands[i] in _OBVIOUS_BANDS or kn in _LISTED_WORDS)
        ):
            continue
        picked.append(i)
        w = lows[i]
        sh = shapes[i]
        band = bands[i]
        p1, p2, n1, n2 = padded[i + 1], padded[i], padded[i + 3], padded[i + 4]
        flat += _word_features(w, sh, kn, band, code)
        flat += (
            ("ss|" if tok.sentence_start else "ms|") + sh + kn,
            "w-1|" + p1,
            "w-2|" + p2,
            "w+1|" + n1,
            "w+2|" + n2,
            "w-21|" + p2 + " " + p1,
            "w+12|" + n1 + " " + n2,
            "nc|" + ("t" if n1 in titles else "-") + sh,
            "cue|" + cues[i] + sh,
            "rule|" + ruled[i] + kn,
            "pk|" + (known[i - 1] + shapes[i - 1] + bands[i - 1] if i else "<"),
            "nk|" + (known[i + 1] + shapes[i + 1] + bands[i + 1] if i < last else ">"),
            "gap|" + tok.gap_before.strip()[-1:] + sh,
            "pr|" + before + kn + band + sh,
            "nr|" + (ruled[i + 1] if i < last else ">") + kn + band + sh,
        )
    return view, picked, flat
