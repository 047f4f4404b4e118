"""The learned name model: an averaged perceptron over ``_features``, one weight row per feature.

Trained in this repository by ``training/train_model.py`` (anyone can re-run it; it writes the same
file byte for byte) and shipped as ``data/model.npz``: no weights are ever fetched at run time.  A word
is labelled O (keep), N (name) or S (staff name); neighbouring name words joined by a space or hyphen
become one span.  ``O_BIAS`` leans the decision towards taking a word out: a name that reaches staff
costs more than an ordinary word lost.
"""

from __future__ import annotations

import io
import threading
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat
from pathlib import Path

import numpy as np
import numpy.typing as npt

from bot.privacy.anonymise._features import WIDTH, features, script
from bot.privacy.anonymise._lexicon import DECOY_WORDS, FACILITY_WORDS, PLACE_PREFIXES, PLACE_WORDS, gazetteer
from bot.privacy.anonymise._names import RuleView, cue_words
from bot.privacy.anonymise._stopwords import ALL as ALL_STOPWORDS, stopwords
from bot.privacy.anonymise._tokens import Token

MODEL = Path(__file__).with_name("data") / "model.npz"
LABELS = ("O", "NAME", "STAFF NAME")
O_BIAS = -3.0
LOWER_BIAS = -1.0  # a lowercase word in a cased script with no cue before it leans less
# Words that, right after a name, are part of it: "رخسانہ بی بی", "Gurpreet Kaur", "نسیم بیگم".
NAME_PARTS = frozenset(
    """بی بی‌بی بیگم begum bibi bi khan خان kaur ਕੌਰ singh ਸਿੰਘ gul گل ګل jan جان bano بانو devi kumari
    বেগম খাতুন খানম ben બેન اختر akhtar علی ali احمد ahmed ahmad حسین hussain شاہ شاه shah ولي ولی wali
    ضیا zia الدین uddin محمد muhammad mohammed""".split()
)
_STRONG_CUES = frozenset({"staff", "family"})
_LOWERCASE_FACILITIES = frozenset("hospital trust clinic ward unit".split())
_EVERYDAY_BANDS = frozenset("12")  # the 5,000 commonest words of a language never carry a name on
_LISTED_SCRIPTS = frozenset({"arb", "bng"})  # scripts without capitals whose everyday words wordfreq lists
_UNLISTED_LANGUAGES = frozenset({"ps", "ti", "so", "gu"})  # languages wordfreq has no everyday words for
# In a script without capitals, an unlisted word joins the name before it when the model's name score
# for it is at most this far below its ordinary score, where no list can tell an unlisted word from a
# verb (Gurmukhi, Gujarati, Ge'ez, Pashto): "بی بی حلیمه".  Chosen by two-fold cross-validation on the
# tuning part: looser costs ordinary words, tighter gains nothing.
EXTEND_MARGIN = -10.0
# Words that, right before a name, are part of it: the kunya ("Abu Yazan", "أم سامر", "Um Fadi").
NAME_PREFIXES = frozenset("abu abo um umm om im ام أم ابو أبو ابن بنت ibn bint".split())
_JOINING_GAPS = frozenset({" ", "-", "\u00a0", "\u200c"})

Span = tuple[str, int, int]


@dataclass(frozen=True)
class Model:
    index: dict[str, int]
    weights: npt.NDArray[np.float32]  # (features + 1, labels); the last row, all zero, is "unknown"

    def scores(self, flat: list[str]) -> npt.NDArray[np.float32]:
        """Summed weights per word and label: one C-level lookup pass and one numpy gather."""
        unknown = len(self.index)
        ids = np.fromiter(map(self.index.get, flat, repeat(unknown)), dtype=np.intp, count=len(flat))
        summed: npt.NDArray[np.float32] = self.weights[ids.reshape(-1, WIDTH)].sum(axis=1)
        return summed


def save(path: Path, vocab: list[str], weights: npt.NDArray[np.float32]) -> None:
    """Sorted vocabulary and a fixed archive layout, so a rebuild gives the same bytes."""
    buffer = io.BytesIO()
    np.savez_compressed(
        buffer,
        vocab=np.frombuffer("\n".join(vocab).encode("utf-8"), dtype=np.uint8),
        weights=weights.astype(np.float16),
    )
    path.write_bytes(buffer.getvalue())


def _load(path: Path) -> Model:
    with np.load(path) as archive:
        vocab = archive["vocab"].tobytes().decode("utf-8").split("\n")
        weights = archive["weights"].astype(np.float32)
    unknown = np.zeros((1, weights.shape[1]), dtype=np.float32)
    return Model({f: n for n, f in enumerate(vocab)}, np.vstack([weights, unknown]))


_lock = threading.Lock()
_cache: list[Model] = []


def model() -> Model:
    """Load once per process; the lock keeps concurrent first calls from each paying the load cost."""
    if _cache:
        return _cache[0]
    with _lock:
        if not _cache:
            _cache.append(_load(MODEL))
    return _cache[0]


@lru_cache(maxsize=32)
def _never_carried(lang: str | None) -> frozenset[str]:
    """Every language's function words and this language's cue words: a name never runs on over them."""
    return ALL_STOPWORDS | cue_words(lang)


def _extend_names(toks: list[Token], labels: list[int], lang: str | None, margins: list[float]) -> None:
    """A name goes on over the next word when that word is a name part, a listed name, a capitalised word
    no list knows, an unlisted word in a script whose everyday words we have lists for ("علی‌رضا جعفری",
    "Галина Петрівна"), or, where no list can tell an unlisted word from a verb (Gurmukhi, Gujarati,
    Ge'ez, Pashto), an unlisted word the model leans towards a name.  A kunya goes with the name after it."""
    gaz = gazetteer()
    stop = _never_carried(lang)
    listed_language = lang not in _UNLISTED_LANGUAGES
    for i in range(1, len(toks)):
        tok = toks[i]
        if labels[i] or not labels[i - 1] or tok.gap_before not in _JOINING_GAPS:
            continue
        low = tok.low
        rare = gaz.frequent.get(low, "0") not in _EVERYDAY_BANDS
        unknown = rare and low not in stop and low not in gaz.common
        listed = low in NAME_PARTS or (low in gaz.names and low not in stop)
        readable = listed_language and script(low[0]) in _LISTED_SCRIPTS
        leaning = not tok.cased and margins[i] >= EXTEND_MARGIN
        if listed or (unknown and (tok.cap or readable or leaning)):
            labels[i] = labels[i - 1]
    for i in range(len(toks) - 2, -1, -1):
        if not labels[i] and labels[i + 1] and toks[i].low in NAME_PREFIXES and toks[i + 1].gap_before == " ":
            labels[i] = labels[i + 1]


def _settle(toks: list[Token], labels: list[int], view: RuleView, lang: str | None) -> None:
    """Where the lists and the rules are surer than the model.  Function words, verbs after a job title,
    places and wards are never names.  A word that is also a name ("Grace") is one only when the rules,
    written for such words, say so, or it stands capitalised beside another name.  And a word a strong
    cue points at, which the rules took, stands unless it is an everyday word ("my saas nasreen")."""
    stop = stopwords(lang)
    starts = {start: kind for kind, start, _ in view.spans}
    for i, tok in enumerate(toks):
        low = tok.low
        cued = tok.start in starts and view.cues[i] in _STRONG_CUES
        if low in stop or low in PLACE_WORDS or low in FACILITY_WORDS:
            labels[i] = 0
        elif low in DECOY_WORDS and tok.start in starts:  # the rules were written for these words
            labels[i] = 2 if starts[tok.start] == "STAFF NAME" else 1
        elif low in DECOY_WORDS:
            beside_name = (i > 0 and labels[i - 1]) or (i + 1 < len(toks) and labels[i + 1])
            if not (tok.cap and not tok.sentence_start and beside_name):
                labels[i] = 0
        elif cued and gazetteer().frequent.get(low) != "1":
            labels[i] = labels[i] or (2 if starts[tok.start] == "STAFF NAME" else 1)
        elif tok.cased and not tok.cap and not view.cues[i] and gazetteer().frequent.get(low) == "1":
            labels[i] = 0  # a lowercase everyday word nothing points at ("34 weeks") is that word


def _clear_places(toks: list[Token], labels: list[int]) -> None:
    """A run of words before "Hospital", "Park", "unit"… or after "St", "Queen", "Royal" names a place.
    A facility word counts in lowercase only when it cannot be anything else ("way", "close" can)."""
    for i, tok in enumerate(toks):
        if not labels[i]:
            continue
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        after = (
            nxt is not None
            and nxt.gap_before == " "
            and ((nxt.low in FACILITY_WORDS and nxt.cap) or nxt.low in _LOWERCASE_FACILITIES)
        )
        before = i > 0 and toks[i - 1].low in PLACE_PREFIXES and toks[i - 1].cap and tok.gap_before == " "
        if after:
            j = i
            while j >= 0 and labels[j]:
                labels[j] = 0
                if not (j > 0 and toks[j].gap_before == " "):
                    break
                j -= 1
        elif before:
            j = i
            while j < len(toks) and labels[j] and (j == i or toks[j].gap_before == " "):
                labels[j] = 0
                j += 1


Stages = dict[str, list[tuple[int, int]]]


def _taken(toks: list[Token], labels: list[int]) -> list[tuple[int, int]]:
    return [(tok.start, tok.end) for tok, label in zip(toks, labels, strict=True) if label]


def find_names(text: str, lang: str | None, stages: Stages | None = None) -> list[Span]:
    """Names and staff names.  ``stages``, when given, is filled with the words each step had taken out
    so far (``training/layers.py`` reports which layer catches what)."""
    view, picked, flat = features(text, lang)
    toks = view.tokens
    labels = [0] * len(toks)
    margins = [-99.0] * len(toks)
    if picked:
        scores = model().scores(flat)
        # The lean towards taking a word out is for words shaped like names or in scripts without
        # capitals; a lowercase word in a cased script ("sertraline") must win on its own.
        cues, ruled = view.cues, {start for _, start, _ in view.spans}
        lean = np.asarray(
            [
                O_BIAS
                if toks[i].cap or not toks[i].cased or cues[i] or toks[i].start in ruled
                else LOWER_BIAS
                for i in picked
            ]
        )
        scores[:, 0] += lean
        best = scores.argmax(axis=1).tolist()
        lead = (scores[:, 1:].max(axis=1) - scores[:, 0]).tolist()
        for i, label, margin in zip(picked, best, lead, strict=True):
            labels[i] = label
            margins[i] = margin
    if stages is not None:
        stages["rules"] = [(start, end) for _, start, end in view.spans]
        stages["model"] = _taken(toks, labels)
    _extend_names(toks, labels, lang, margins)
    if stages is not None:
        stages["model+carried"] = _taken(toks, labels)
    _settle(toks, labels, view, lang)
    _extend_names(toks, labels, lang, margins)  # again, over the rest of a name a strong cue pointed at
    _clear_places(toks, labels)
    if stages is not None:
        stages["final"] = _taken(toks, labels)
    spans: list[Span] = []
    run: list[int] = []
    for i, label in enumerate([*labels, 0]):
        joined = bool(run) and i < len(toks) and toks[i].gap_before in _JOINING_GAPS
        if label and (not run or joined):
            run.append(i)
            continue
        if run:
            staff = sum(labels[j] == 2 for j in run) * 2 >= len(run)
            spans.append((LABELS[2] if staff else LABELS[1], toks[run[0]].start, toks[run[-1]].end))
        run = [i] if label else []
    return spans
