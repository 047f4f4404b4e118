"""The learned name model: an averaged perceptron over ``_features``, one weight row per feature.

Trained in this repository by ``training/train_model.py`` and shipped as ``data/model.bin.gz``, pinned
by its SHA-256: the script at ``MODEL_BUILT_AT`` rebuilds that file byte for byte (later rounds' rebuilds
were measured and not kept), and a file that is not the pinned one is refused rather than silently
scoring her words differently. No weights are ever fetched at run time.  A word
is labelled O (keep), N (name) or S (staff name); neighbouring name words joined by a space or hyphen
become one span.  ``O_BIAS`` leans the decision towards taking a word out: a name that reaches staff
costs more than an ordinary word lost.
"""

from __future__ import annotations

import gzip
import hashlib
import re
import struct
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat
from pathlib import Path

from bot.privacy.anonymise._cues import FILLERS, PERSIAN_FORMS, THANKS_WORDS
from bot.privacy.anonymise._declension import nominatives
from bot.privacy.anonymise._features import WIDTH, features, script
from bot.privacy.anonymise._frames import frame_words
from bot.privacy.anonymise._lexicon import (
    DECOY_WORDS,
    ENGLISH_OBJECTS,
    FACILITY_WORDS,
    HONORIFICS_AFTER,
    PLACE_PREFIXES,
    PLACE_WORDS,
    everyday_or_medicine,
    gazetteer,
    respect_after_a_name,
)
from bot.privacy.anonymise._names import (
    EVERYDAY_BANDS,
    JOINERS,
    POSSESSORS,
    RuleView,
    after_locative,
    cue_words,
    names_a_place,
    person_after,
)
from bot.privacy.anonymise._stopwords import ALL as ALL_STOPWORDS, own_words, stopwords
from bot.privacy.anonymise._tokens import Token
from bot.privacy.anonymise._verb_shapes import verb_at

MODEL = Path(__file__).with_name("data") / "model.bin.gz"
#: the shipped model (round 4); a new one ships by changing this pin once the tests pass with it
MODEL_SHA256 = "d6ab362f364bf3f698804a80533ebeb22d28724fa7e671c5751a125b599b9bf5"
#: the commit whose ``training/train_model.py`` rebuilds exactly that file (README, "Rebuilding")
MODEL_BUILT_AT = "56565e8"
LABELS = ("O", "NAME", "STAFF NAME")
# Two-fold cross-validation on the tuning part and the hand-written stories: -4 finds 2 names more of
# 360 hand-written than -3 for 4 ordinary words of 6,264; -5 finds none more and loses 7 more words.
O_BIAS = -4.0
LOWER_BIAS = -1.0  # a lowercase word in a cased script with no cue before it leans less
# Words that, right after a name, are part of it: "رخسانہ بی بی", "Gurpreet Kaur", "نسیم بیگم".
NAME_PARTS = frozenset(
    """بی بی‌بی بیگم begum bibi bi khan خان kaur ਕੌਰ singh ਸਿੰਘ gul گل ګل jan جان bano بانو devi kumari
    বেগম খাতুন খানম ben બેન اختر akhtar علی ali احمد ahmed ahmad حسین hussain شاہ شاه shah ولي ولی wali
    ضیا zia الدین uddin محمد muhammad mohammed ullah""".split()
)
# Words that, right after a name, are part of it in her language only: Gujarati "ba" after an elder
# woman's name ("chaku ba", "kokila ba"; elsewhere "ba" is her mother, "mari ba").
_PARTS_BY_LANGUAGE = {"gu": frozenset({"ba"})}
# The first half of a compound name, which the second half follows unless it is a function word ("ګل
# رحمان", "Gul Agha"; "زما خور ګل راغله" is "Gul came").
_OPENS_A_NAME = frozenset("ګل گل gul".split())
# Arabic's "and" written onto the next word ("وولدت", and I gave birth): a name's next word with it is
# a clause going on, not a surname, when the rest is an everyday word ("وليد" is listed).
_AND_ONTO = "و"
# Arabic's article, opening the second half of a name after a name a strong cue pointed at ("الممرضة فاطمة
# الزهراء", "خالتي نور الهدى", "الدكتورة سارة الشمري"); a word after the name that describes her agrees
# with her and ends in "ة" ("الممرضة سارة اللطيفة").
_ARABIC_ARTICLE = "ال"
_ARABIC_FEMININE = "ة"
# The theophoric half of an Afghan name written apart ("نجیب الله", Najibullah), which goes with the name
# before it in Pashto and Dari; in Arabic and Urdu "الله", "اللہ" after a name is as often a blessing.
_THEOPHORIC = {"ps": "الله", "prs": "الله"}
_STRONG_CUES = frozenset({"staff", "family"})
_LOWERCASE_FACILITIES = frozenset("hospital trust clinic ward unit".split())
_LISTED_SCRIPTS = frozenset({"arb", "bng"})  # scripts without capitals whose everyday words wordfreq lists
_UNLISTED_LANGUAGES = frozenset({"ps", "ti", "so", "gu"})  # languages wordfreq has no everyday words for
# In a script without capitals, an unlisted word joins the name before it when the model's name score
# for it is at most this far below its ordinary score, where no list can tell an unlisted word from a
# verb (Gurmukhi, Gujarati, Ge'ez, Pashto): "بی بی حلیمه".  Chosen by two-fold cross-validation on the
# tuning part: looser costs ordinary words, tighter gains nothing.
EXTEND_MARGIN = -10.0
# A word a strong cue points at that is on a frequency list stays a word when the model's name score
# for it is this far below its ordinary score.  Two-fold cross-validation on the tuning part: anywhere
# from -2 to -10 keeps one more ordinary word and loses no name; -4 was the middle of that range.  The
# blind tuning part's "دختر خود ستاره را" (a daughter called Star) stands at -4.1, so the range that
# loses no name is -4.2 to -10, and -7 its middle: on the five tuning parts and `crossval --shipped`,
# -5 to -8 find that name and lose no word.
CUE_VETO = -7.0
# The particles between a given name and a surname ("Maria da Silva", "van der Berg", "bin Osman").
_PARTICLES = frozenset("da das de do dos di del van von der den bin binti ibn".split())
# "Servant of", which never stands without the name of God after it: "عبد الله", "Abdul Rahman".
_SERVANT_OF = frozenset("عبد abd abdul abdel".split())
# An elder's title that is part of the name after it in Akan ("Nana Ama"), unless "my" says grandma.
_ELDERS = frozenset({"nana"})
# Words that, right before a name, are part of it: the kunya ("Abu Yazan", "أم سامر", "Um Fadi").
_SHARED_STEM = 4
NAME_PREFIXES = frozenset("abu abo um umm om im ام أم ابو أبو ابن بنت ibn bint".split())
# A patronymic, in any case ("Петрівна", "Петрівни", "Івановича", "Petrivna"): only a first name stands
# before one, so a capitalised word there goes with it ("мами Любові Петрівни", where "любові" is also
# "of love").
_PATRONYMIC = re.compile(
    r"(?:[оеє]вич|йович|[іїо]вн|евн|ічн|инична)[а-яіїєґ]{0,3}$|(?:ovych|evych|ovich|evich|[iy]ivn|ovn|evn)[a-z]{0,3}$"
)
_NICKNAME_HALF = 4  # letters at most in each half of a doubled nickname ("chi chi", "jo jo", "didi")
_JOINING_GAPS = frozenset({" ", "-", "\u00a0", "\u200c"})
# Place prefixes that are no title of a person ("King", "Lady", "Sir" may be a surname or a title).
_PLACE_ONLY_PREFIXES = frozenset("royal st st. saint".split())
# The articles Portuguese puts before a person's name ("a Jéssica", "o Pedro", "à Ana").
_ARTICLED_NAMES = {"pt": frozenset("a o à ao".split())}
# The genitive postpositions of the languages that put the owner first ("لوٹن کے ہسپتال", "ਸਲੋਹ ਦੇ ਹਸਪਤਾਲ").
_GENITIVES = frozenset("کے کی کا دے دی دا ਦੇ ਦੀ ਦਾ ના ની નું નો".split())
_ENGLISH = frozenset({"en", None})  # an English story, or one whose language is not known
# Arabizi writes a sound with a digit ("3arif", he knew; "3ashani", for me): the letters after it are the
# rest of one word, not a word of their own ("arif" is also a listed name).
_ARABIZI_DIGITS = frozenset("235789")
# Languages whose stories give names and little else a capital mid-sentence (Ukrainian: no capitalised
# nouns, months or days): a capitalised word there the rules took, a listed name or on no list but the
# rarest band, is a name the model doubted ("щоб Настя була зі мною": "настя" is a rare word of some
# language too; "щоб Оксана була").
# After a preposition ("з Лутона", from Luton; "з Настею", with Nastya) the model is left to say which.
_CAPITALISING = {"uk": frozenset("з із зі зо до від в у на біля під над за по при через для без".split())}

Span = tuple[str, int, int]


@dataclass(frozen=True)
class Model:
    """Each feature's weights as one complex number: NAME's weight less O's as the real part, STAFF
    NAME's less O's as the imaginary part.  Only those differences decide a label, and a word's score is
    then a plain sum of WIDTH numbers, done in C by ``sum``, with no numpy to import at start-up."""

    weights: dict[str, complex]

    def scores(self, flat: list[str]) -> list[complex]:
        """Per word, its summed weights: how far NAME and STAFF NAME are ahead of O."""
        values = list(map(self.weights.get, flat, repeat(0j)))
        return [sum(values[k : k + WIDTH], 0j) for k in range(0, len(values), WIDTH)]


# The file: a header (features, labels), every weight as a little-endian float16 row by row in the
# order of LABELS, then the features in UTF-8, one a line; gzipped with no timestamp.
_HEADER = struct.Struct("<II")


def save(path: Path, vocab: list[str], weights: Sequence[Sequence[float]]) -> None:
    """Sorted vocabulary and a fixed layout, so a rebuild gives the same bytes."""
    flat = [float(w) for row in weights for w in row]
    body = _HEADER.pack(len(vocab), len(LABELS)) + struct.pack(f"<{len(flat)}e", *flat)
    body += "\n".join(vocab).encode("utf-8")
    path.write_bytes(gzip.compress(body, mtime=0))


def weights_model(vocab: list[str], weights: Sequence[Sequence[float]]) -> Model:
    """A model straight from training's weights (rows in the order of LABELS)."""
    return Model(
        {f: complex(row[1] - row[0], row[2] - row[0]) for f, row in zip(vocab, weights, strict=True)}
    )


class ModelChanged(RuntimeError):
    """The name model on disk is not the one measured and pinned here."""


def _load(path: Path) -> Model:
    packed = path.read_bytes()
    digest = hashlib.sha256(packed).hexdigest()
    if digest != MODEL_SHA256:
        raise ModelChanged(
            f"{path.name} has SHA-256 {digest}, expected {MODEL_SHA256} (built at {MODEL_BUILT_AT})"
        )
    body = gzip.decompress(packed)
    count, width = _HEADER.unpack_from(body)
    values = struct.unpack_from(f"<{count * width}e", body, _HEADER.size)
    vocab = body[_HEADER.size + 2 * len(values) :].decode("utf-8").split("\n")
    rows = zip(values[0::width], values[1::width], values[2::width], strict=True)
    return Model({f: complex(n - o, s - o) for f, (o, n, s) in zip(vocab, rows, strict=True)})


_lock = threading.Lock()
_cache: list[Model] = []


def use(chosen: Model) -> None:
    """For training tools: score with this model from now on, instead of the shipped one."""
    with _lock:
        _cache[:] = [chosen]


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
    """Every language's function words, this language's cue words and the honorifics that follow a name
    ("Nasrin apa") and the words of the frames a name stands in ("X માટે પૂછજો"): a name never runs on
    over them."""
    return ALL_STOPWORDS | cue_words(lang) | HONORIFICS_AFTER | frame_words(lang)


@lru_cache(maxsize=32)
def _kunyas(lang: str | None) -> frozenset[str]:
    """The kunya words that stand before a name in her language.  A romanised kunya that is a word of her
    own language is that word: "im Sarah" in English is "I'm"."""
    return NAME_PREFIXES - {w for w in own_words(lang) if w.isascii()}


def _extend_names(
    toks: list[Token],
    labels: list[int],
    lang: str | None,
    margins: list[float],
    barred: frozenset[int],
    pointed: frozenset[int],
) -> None:
    """A name goes on over the next word when that word is a name part, a listed name, a capitalised word
    no list knows, an unlisted word in a cased script whose everyday words we have lists for ("Галина
    Петрівна"; in Arabic script it was as often a dialect verb, "نوال ترجمت"), or, where no list can
    tell an unlisted word from a verb (Gurmukhi, Gujarati, Ge'ez, Pashto), an unlisted word the model
    leans towards a name; in a script without capitals, also a word outside the 1,000 commonest the
    model leans towards ("علی‌رضا جعفری").  A kunya goes with the name after it, and the word before a
    patronymic goes with it.  It never goes over a ``barred`` word: a cue's own words, or the town a frame
    put after her name ("મારી બહેન જાગૃતિ વેમ્બલી થી આવી", came from Wembley).  In Arabic, after a name a
    strong cue pointed at (``pointed``), a word with the article that is no everyday word and does not end
    as an adjective agreeing with a woman does is the name's second half ("الممرضة فاطمة الزهراء")."""
    gaz = gazetteer()
    stop = _never_carried(lang)
    own_stop = stopwords(lang)  # "chi" is Italian for who, but no English word
    listed_language = lang not in _UNLISTED_LANGUAGES
    theophoric = _THEOPHORIC.get(lang or "")
    own_parts = _PARTS_BY_LANGUAGE.get(lang or "", frozenset())

    def doubled(i: int) -> bool:
        """A short name said twice is one nickname ("chi chi", "jo-jo"): the second half goes with the
        first."""
        low = toks[i].low
        return (
            0 < i < len(toks)
            and low == toks[i - 1].low
            and toks[i].gap_before in _JOINING_GAPS
            and len(low) <= _NICKNAME_HALF
            and low not in own_stop
        )

    def carries(i: int) -> bool:
        tok = toks[i]
        if tok.gap_before not in _JOINING_GAPS or i in barred:
            return False
        low = tok.low
        band = gaz.frequent.get(low, "0")
        plain = low not in stop and low.translate(PERSIAN_FORMS) not in stop and low not in gaz.common
        unknown = band not in EVERYDAY_BANDS and plain
        listed = (
            low in NAME_PARTS
            or low == theophoric
            or (low in gaz.names and low not in stop)
            or gaz.named_with_article(low)
        )
        readable = listed_language and script(low[0]) in _LISTED_SCRIPTS
        leaning = not tok.cased and margins[i] >= EXTEND_MARGIN
        second_half = (
            lang == "ar"
            and i - 1 in pointed
            and low.startswith(_ARABIC_ARTICLE)
            and not low.endswith(_ARABIC_FEMININE)
            and unknown
        )
        # A surname that is also a word in some language ("جعفری" is parsley in Persian) still goes with
        # the name before it where the model leans to it; one of the thousand commonest words never does.
        return (
            (
                listed
                or low in own_parts
                or toks[i - 1].low in _SERVANT_OF
                or (toks[i - 1].low in _OPENS_A_NAME and opens(i - 1) and plain and low not in own_stop)
                or doubled(i)
                or (unknown and (tok.cap or (readable and tok.cased) or leaning))
                or (leaning and band == "2" and plain)
                or second_half
            )
            and not verb_at(toks, i, lang)
            and not clause_goes_on(i)
        )

    def opens(j: int) -> bool:
        """Token j, taken, opens its name: no taken word of the name stands before it."""
        return not (j > 0 and labels[j - 1] and toks[j].gap_before in _JOINING_GAPS)

    def clause_goes_on(i: int) -> bool:
        """In Arabic, "and" written onto an everyday word: "رهف وولدت في لوتن"."""
        low = toks[i].low
        return (
            lang == "ar"
            and low.startswith(_AND_ONTO)
            and low not in gaz.names
            and gaz.frequent.get(low[1:], "0") in EVERYDAY_BANDS
        )

    def elder(i: int) -> bool:
        """Akan "Nana" (an elder's word) before a name is part of it ("Nana Ama", "Nana Yaw"); after
        "my" it is her grandmother ("my nana Joan")."""
        return not (i > 0 and toks[i - 1].low in POSSESSORS)

    def function_or_place(low: str) -> bool:
        """A word no name is made of: a function word, a place's or a facility's word."""
        return low in stop or low in PLACE_WORDS or low in PLACE_PREFIXES or low in FACILITY_WORDS

    def first_part(i: int) -> bool:
        """A capitalised word just before a capitalised name, listed as a name or known to no everyday
        list, is its first part ("Kelly Cristina", "Maryam Hussaini"), as such a word after one is its
        last.  Not before a lowercase word the model took ("ton Wexham leke gaya"), nor a place word ("at
        Queens Hussaini was the reg")."""
        tok = toks[i]
        low = tok.low
        if not (tok.cap and toks[i + 1].cap) or tok.all_caps or toks[i + 1].gap_before not in _JOINING_GAPS:
            return False
        if function_or_place(low):
            return False
        listed = low in NAME_PARTS or low in gaz.names
        # an unlisted word outside the 5,000 commonest of every language, even one a lorem list holds
        # ("Cristiano", an Italian everyday word, so no name in the gazetteer)
        unknown = gaz.frequent.get(low, "0") not in EVERYDAY_BANDS
        return listed or unknown

    def joined(i: int) -> bool:
        """A word an "and" joins to a name: a listed name, or one no everyday list knows that is
        capitalised or that the model leans towards as much as carrying asks ("حمیده و مژگان", "hamida
        o muzhgan"), or the first half of a doubled nickname ("and jo jo").  Two-fold cross-validation
        on the hand-written stories: half that lean finds 3 names fewer of 306, twice as much 2 more for
        2 more ordinary words lost.  A word that is also a name goes when it has its capital mid-sentence
        ("our twins Hope and Faith"); a town never does ("from Lagos and ebun my aunty", "w Slough")."""
        tok = toks[i]
        low = tok.low
        if i + 1 < len(toks) and doubled(i + 1):
            return True
        if low in PLACE_WORDS or (toks[i - 1].low not in JOINERS and after_locative(toks, i)):
            return False  # an "and" that is also a locative ("jana w tala", Polish "w") says nothing
        if low in DECOY_WORDS and tok.cap and not tok.sentence_start and low not in stop | PLACE_PREFIXES:
            return not after_locative(toks, i)  # "w Royal Bolton": Polish "w" is "in" as well as "and"
        if in_a_list(i) and tok.cap and not tok.sentence_start and not tok.all_caps and not unplaced(low):
            return not after_locative(toks, i)  # "thank Jonalyn, Cherry and Precious": a list of people
        if low in stop or low in gaz.common or low in HONORIFICS_AFTER:
            return False
        everyday = gaz.frequent.get(low, "0") in EVERYDAY_BANDS
        return low in gaz.names or (not everyday and (tok.cap or margins[i] >= EXTEND_MARGIN))

    def in_a_list(i: int) -> bool:
        """Token i is a later item of a list of three or more that a name opened ("Jonalyn, Cherry and
        Precious")."""
        after_comma = toks[i].gap_before.strip() == ","
        return after_comma or (
            i >= 2 and toks[i - 1].low in JOINERS and toks[i - 2].gap_before.strip() == ","
        )

    def unplaced(low: str) -> bool:
        """A word a list of people never holds: a function or place word (``function_or_place``), one of
        her language's own function words, or one of the thousand commonest of any language."""
        return function_or_place(low) or low in own_stop or gaz.frequent.get(low) == "1"

    def listed_on(i: int) -> bool:
        """A word after a name and a comma, in a list an "and" or another comma goes on with ("thanks to
        bisola, ngozi and nkechi")."""
        return (
            i + 1 < len(toks)
            and toks[i].gap_before.strip() == ","
            and (toks[i + 1].low in JOINERS or toks[i + 1].gap_before.strip() == ",")
            and joined(i)
        )

    def particle(i: int) -> bool:
        """Token i, a particle (``_PARTICLES``), stands between a name and a listed or taken surname with
        its capital ("Maria da Silva", "Maria das Dores", "Rahim bin Osman"), not a town ("a Jéssica do
        Porto")."""
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        return (
            toks[i].gap_before == " "
            and nxt is not None
            and nxt.gap_before == " "
            and nxt.cap
            and (nxt.low in gaz.names or labels[i + 1] > 0)  # "Maria das Dores": both halves taken
            and nxt.low not in PLACE_WORDS
            and nxt.low not in stop
        )

    # Only the words after and before a name can change: the rest of the story is not read.
    named = [i for i, label in enumerate(labels) if label]
    for j in named:
        b = j + 1
        while b < len(toks) and not labels[b] and listed_on(b):
            labels[b] = labels[j]
            b += 1
    named = [i for i, label in enumerate(labels) if label]
    for j in named:
        for a, b in ((j + 1, j + 2), (j - 1, j - 2)):
            if 0 <= b < len(toks) and not labels[b] and toks[a].low in JOINERS and joined(b):
                labels[b] = labels[j]
    named = [i for i, label in enumerate(labels) if label]
    for j in named:
        i = j + 1
        while i < len(toks) and not labels[i]:
            if carries(i):
                labels[i] = labels[i - 1]
                i += 1
            elif toks[i].low in _PARTICLES and particle(i):
                labels[i] = labels[i + 1] = labels[i - 1]
                i += 2
            else:
                break
    prefixes = _kunyas(lang)
    for j in reversed(named):
        i = j - 1
        while (
            i >= 0
            and not labels[i]
            and toks[i + 1].gap_before == " "
            and (toks[i].low in prefixes or (toks[i].low in _ELDERS and elder(i)))
        ):
            labels[i] = labels[i + 1]
            i -= 1
        while i >= 0 and not labels[i] and first_part(i):
            labels[i] = labels[i + 1]
            i -= 1
    # A capitalised patronymic is a name wherever it stands ("чекала на Надію Іванівну"), and a
    # capitalised word before it is the first name it belongs to.
    for j, tok in enumerate(toks):
        if not (tok.cap and _PATRONYMIC.search(tok.low)) or (not labels[j] and tok.sentence_start):
            continue
        before = toks[j - 1] if j > 0 else None
        first = before is not None and before.cap and tok.gap_before == " " and before.low not in stop
        labels[j] = labels[j] or (labels[j - 1] if first and labels[j - 1] else 1)
        if first and not labels[j - 1]:
            labels[j - 1] = labels[j]


def _settle(
    toks: list[Token], labels: list[int], view: RuleView, lang: str | None, margins: list[float]
) -> None:
    """Where the lists and the rules are surer than the model.  Function words, verbs after a job title,
    places and wards are never names, unless a listed name stands where a person's does ("my husband
    William", "الدكتور علي").  A word that is also a name ("Grace") is one only when the rules,
    written for such words, say so, or it stands capitalised beside another name.  A capitalised Cyrillic
    word the rules took whose nominative is a listed name is that name ("чекала Василя").  And a word a strong
    cue points at, which the rules took, stands ("my saas nasreen") unless it is an everyday word: one
    of the thousand commonest, or one on a frequency list the model is sure is no name ("mąż
    przywiózł", her husband brought)."""
    stop = stopwords(lang)
    titles = cue_words(lang)
    starts = {start: kind for kind, start, _ in view.spans}
    capitalised = any(tok.cap and not tok.sentence_start and tok.low != "i" for tok in toks)
    # Only a word taken out, or one the rules took, can change: the rest of the story is not read.
    for i in sorted({i for i, label in enumerate(labels) if label} | _indices(toks, starts)):
        tok = toks[i]
        low = tok.low
        cued = tok.start in starts and view.cues[i] in _STRONG_CUES
        # "the doctor Thomas", "الدكتور علي", "Harvey the registrar": a listed name where a person's name
        # stands is that name, though it is also a town or a hospital ("my husband william") or, written
        # as a name is, a function word ("علي", on me; "Nicu", the NICU); and a facility's word with its
        # capital a strong cue points at is a surname ("Dr Hill", "the midwife Hall", "Dr Park")
        # (read only for a word on one of those lists: most words are on none)
        function_word = low in stop or low.translate(PERSIAN_FORMS) in stop  # "هېڅ" is "هیڅ"
        place = low in PLACE_WORDS or low in FACILITY_WORDS
        named = (function_word or place) and _a_name_there(toks, i, view, lang, titles)
        pointed = named and (tok.cap or not tok.cased)
        if (
            (function_word and not pointed)
            or (low in PLACE_WORDS and not named)  # "my husband william"
            or (low in FACILITY_WORDS and not (pointed or (tok.cap and view.cues[i] in _STRONG_CUES)))
            or (low in PLACE_PREFIXES and not tok.cased)  # "رائل", "مستشفى"; "King" may be a surname
            or low in THANKS_WORDS
            or (low in respect_after_a_name(lang) and not tok.cap)  # "shirin apu boleche"
            or i in view.in_cues
            or i in view.placed
            or verb_at(toks, i, lang)  # "ኣይፈቐዱላን", "اتولدت", "Rodziłam": a verb, wherever it stands
            or (lang == "ar" and _arabizi_rest(tok) and not _arabizi_name(tok, view.cues[i], cued))
        ):
            labels[i] = 0
        elif not view.cues[i] and tok.start not in starts and after_locative(toks, i):
            labels[i] = 0  # "at Bolton", "din Harrow": the rules read a town there, and no cue said otherwise
        elif i in view.framed:  # "we named her Joy", "نام نور رکھا": the frame says so, whatever the word
            labels[i] = labels[i] or 1
        elif lang in _ARTICLED_NAMES and tok.cap and tok.start in starts and _articled_name(toks, i, lang):
            labels[i] = labels[i] or (2 if starts[tok.start] == "STAFF NAME" else 1)  # "até a Jéssica gritar"
        elif low in DECOY_WORDS and tok.start in starts:  # the rules were written for these words
            labels[i] = 2 if starts[tok.start] == "STAFF NAME" else 1
        elif low in DECOY_WORDS:
            beside_name = (i > 0 and labels[i - 1]) or (i + 1 < len(toks) and labels[i + 1])
            # The decoys are English words: in another language's story a strong cue before one says
            # whose name it is ("moașa iris a venit", "a minha filha jade")
            foreign = lang not in _ENGLISH and view.cues[i] in _STRONG_CUES
            if not (tok.cap and not tok.sentence_start and beside_name) and not foreign:
                labels[i] = 0
        elif not labels[i] and tok.cap and tok.start in starts and _declined_name(low):
            labels[i] = 2 if starts[tok.start] == "STAFF NAME" else 1  # "чекала Василя", "сестрі Марії"
        elif (
            not labels[i]
            and lang in _CAPITALISING
            and tok.cap
            and not tok.sentence_start
            and tok.start in starts
            and (gazetteer().frequent.get(low) is None or low in gazetteer().names)
            and toks[i - 1].low not in _CAPITALISING[lang]  # "приїхала з Лутона": a town or a name
        ):
            labels[i] = 2 if starts[tok.start] == "STAFF NAME" else 1  # "щоб Настя була зі мною"
        elif (
            not labels[i]
            and tok.start in starts
            and lang not in _CAPITALISING
            and _unknown_but_named(toks, i)
        ):
            labels[i] = 2 if starts[tok.start] == "STAFF NAME" else 1  # "we met Kamsi": no list knows it
        elif (
            view.cues[i] == "family"
            and lang in _ENGLISH
            and tok.cased
            and not tok.cap
            and _verb_before_object(toks, i)
        ):
            labels[i] = 0  # "my husband checks the phone", "my mum flew in": the cue's verb, not a name
        elif view.cues[i] in _STRONG_CUES and _said_of_the_cue(toks, i):
            labels[i] = 0  # "the midwife was rough with me": what she was, not who
        elif cued and gazetteer().frequent.get(low) != "1":
            if margins[i] >= CUE_VETO or not gazetteer().on_a_frequency_list(low):
                labels[i] = labels[i] or (2 if starts[tok.start] == "STAFF NAME" else 1)
        elif tok.cased and not tok.cap and not view.cues[i] and gazetteer().frequent.get(low) == "1":
            labels[i] = 0  # a lowercase everyday word nothing points at ("34 weeks") is that word
        elif (
            capitalised
            and tok.cased
            and not tok.cap
            and not tok.sentence_start
            and view.cues[i] not in _STRONG_CUES  # "I'm", "я" point only at a word shaped like a name
            and tok.start not in starts
            and low not in gazetteer().names
            and not person_after(toks, i, lang)
            and (lang != "en" or everyday_or_medicine(low))
        ):
            labels[i] = 0  # "Marka wyrzucili": she gives names capitals, no list knows this one as a name,
            # it opens no sentence ("babs is what everyone calls me" is texting) and stands before
            # nothing only a person does or is ("then ruaridh came", "ebun my aunty"); in English, only
            # a word on a frequency list or shaped like a medicine ("mandarin", "codeine"): she types
            # one name in lowercase as often ("me and tamsin went in", "honestly tamsin is the reason")


def _arabizi_rest(tok: Token) -> bool:
    """The letters after a digit written for a sound ("arif" of "3arif")."""
    return tok.cased and tok.gap_before[-1:] in _ARABIZI_DIGITS


def _arabizi_name(tok: Token, cue: str, cued: bool) -> bool:
    """Such a word is a name only where a strong cue the rules read points at it: a family word ("ukhti
    3aisha", "ukhti 3ayda"), or a staff word before a listed name ("el doctor 3ashani" is "the doctor,
    for me")."""
    return cued and (cue == "family" or tok.low in gazetteer().names)


def _a_name_there(
    toks: list[Token], i: int, view: RuleView, lang: str | None, titles: frozenset[str]
) -> bool:
    """Token i is a listed name, no title of her language ("minha tia Dona Amélia"), where a person's name
    stands: a strong cue before it, or a person's part after it."""
    low = toks[i].low
    return (
        low in gazetteer().names
        and low not in titles
        and (view.cues[i] in _STRONG_CUES or person_after(toks, i, lang))
    )


def _articled_name(toks: list[Token], i: int, lang: str | None) -> bool:
    """A listed name with its capital mid-sentence straight after the article her language puts before a
    person's name ("a Jéssica", "o João"): the name, which the model had doubted there."""
    return (
        i > 0
        and not toks[i].sentence_start
        and toks[i - 1].low in _ARTICLED_NAMES[lang or ""]
        and toks[i].gap_before == " "
        and toks[i].low in gazetteer().names
    )


def _verb_before_object(toks: list[Token], i: int) -> bool:
    """An everyday English word, no listed name, with an object, a determiner or a particle of motion
    right after it ("checks the phone", "write this", "flew in", "drove me"): the verb of the family
    word before it, since her name after "my husband" is followed by what he did, not by an object."""
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    low = toks[i].low
    return (
        nxt is not None
        and nxt.low in ENGLISH_OBJECTS
        and nxt.gap_before == " "
        and low not in gazetteer().names
        and gazetteer().on_a_frequency_list(low)
    )


def _said_of_the_cue(toks: list[Token], i: int) -> bool:
    """A lowercase everyday word (on the common-word list or a frequency list, no listed name and no word
    that is also a name) that a cue reaches only over "was", "is", "a"…: what the midwife was ("the
    midwife was rough", "the consultant was horrible"), which the model took for her name.  "the midwife
    was sarah", "my midwife was joy" and an unlisted "was chidinma" still go."""
    tok = toks[i]
    low = tok.low
    gaz = gazetteer()
    return (
        tok.cased
        and not tok.cap
        and i > 0
        and toks[i - 1].low in FILLERS
        and low not in gaz.names
        and low not in DECOY_WORDS
        and (low in gaz.common or gaz.on_a_frequency_list(low))
    )


def _one_name(a: str, b: str) -> bool:
    """The same name, or the same name in another case ("Dorota", "Dorotą"): only an ending of up to two
    letters may differ, after at least four shared letters ("Jolanta", "Jolancie" share too few)."""
    if a == b:
        return True
    # Most pairs differ early or in length by more than an ending: they are not compared letter by letter.
    if abs(len(a) - len(b)) > 2 or a[:_SHARED_STEM] != b[:_SHARED_STEM]:
        return False
    shared = next((k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    return shared >= _SHARED_STEM and shared >= max(len(a), len(b)) - 2


# Words that are also names but, capitalised in another language's story, are as often a title, a month,
# a season or part of a place's name in English ("Baby Unit", "Princess Anne", "in May").
_ENGLISH_EVEN_ABROAD = frozenset(
    """baby doctor nurse sister saint royal king queen prince princess bishop major april may june august
    autumn spring summer winter rain storm sky star river brook art cash chance love lovely darling sweetie
    honey will""".split()
)


# The beginnings of "ward" in the languages a ward's English name follows ("z oddziału Rose", "în salonul
# Rose", "na enfermaria Rose", "у відділенні Rose", "qaybta Rose"), and the short words for it, whole
# ("na sali Rose"; "sala" alone would take "salam", a greeting, for a ward).
_WARD_STEMS = ("ward", "oddzia", "salon", "secți", "secti", "enfermaria", "відділ", "палат", "qayb")
_WARD_WORDS = frozenset("sala sali unit wing ala".split())


def _english_word_names(toks: list[Token], labels: list[int], lang: str | None) -> None:
    """In another language's story an English word that is also a name ("Precious", "Blessing", "Joy",
    "Grace"), capitalised mid-sentence, is a name: her language has no such word, and an English word
    she writes there is a name, a title or a place ("dla Precious, która nauczyła mnie karmić"). Not a
    word her own language's lists hold, one after a locative, before a facility word ("Rose ward") or
    after a ward word ("z oddziału Rose"), nor the titles, months and seasons of ``_ENGLISH_EVEN_ABROAD``."""
    if lang in _ENGLISH:
        return
    own = stopwords(lang)
    for i, tok in enumerate(toks):
        low = tok.low
        if (
            not labels[i]
            and low in DECOY_WORDS
            and low not in _ENGLISH_EVEN_ABROAD
            and low not in own
            and _capitalised_not_at_a_place(toks, i)
            and not (i > 0 and (toks[i - 1].low.startswith(_WARD_STEMS) or toks[i - 1].low in _WARD_WORDS))
        ):
            labels[i] = 1


def _every_mention(toks: list[Token], labels: list[int], lang: str | None) -> None:
    """A name taken out once goes every time she writes it again with its capital: "midwife Chidinma came
    at 3, then Chidinma stayed".  Not in a script without capitals, where a name is as often a word she
    uses again in its own sense ("નામ શ્રદ્ધા રાખ્યું … ફક્ત શ્રદ્ધા જ બચી", Faith, and faith).  And a
    name staff carry once is staff's every time ("położna Dorota …, z Dorotą czułam się bezpiecznie"):
    she is rarely writing about two people of one name."""
    named = {toks[i].low: label for i, label in enumerate(labels) if label}
    if not named:
        return
    stop = stopwords(lang)
    for i, tok in enumerate(toks):
        if not labels[i] and tok.cap and tok.low in named and tok.low not in stop:
            labels[i] = named[tok.low]
    staff = [low for low, label in named.items() if label == 2]
    for i, label in enumerate(labels):
        if label == 1 and any(_one_name(toks[i].low, name) for name in staff):
            labels[i] = 2


def _declined_name(low: str) -> bool:
    """A Cyrillic word whose nominative, by its regular case ending, is a listed name: the gazetteer holds
    "василь", she writes "Василя"."""
    names = gazetteer().names
    return "\u0400" <= low[0] <= "\u04ff" and any(n in names for n in nominatives(low))


def _indices(toks: list[Token], starts: dict[int, str]) -> set[int]:
    """Which tokens begin at the given offsets."""
    if not starts:
        return set()
    return {i for i, tok in enumerate(toks) if tok.start in starts}


def _clear_places(toks: list[Token], labels: list[int], cues: list[str]) -> None:
    """A run of words before "Hospital", "Park", "unit"… or after "St", "Queen", "Royal" names a place, and
    "Royal", "St" themselves before a capitalised word ("ami Royal London e chilam").
    A facility word counts in lowercase only when it cannot be anything else ("way", "close" can).  The
    run stops at a word a strong cue points at, unless that word stands right before the facility word:
    "میرا پتر شہروز ویکسہم پارک ہسپتال" keeps her son's name."""
    for i in [i for i, label in enumerate(labels) if label]:
        if not labels[i]:
            continue
        tok = toks[i]
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        after = (
            nxt is not None
            and nxt.gap_before == " "
            and ((nxt.low in FACILITY_WORDS and names_a_place(nxt)) or nxt.low in _LOWERCASE_FACILITIES)
        ) or (not tok.cased and cues[i] not in _STRONG_CUES and _of_a_facility(toks, i))
        before = (
            i > 0
            and toks[i - 1].low in PLACE_PREFIXES
            and names_a_place(toks[i - 1])
            and tok.gap_before == " "
        ) or (
            tok.low in _PLACE_ONLY_PREFIXES
            and cues[i] not in _STRONG_CUES  # "my daughter Royal Smith"
            and nxt is not None
            and nxt.gap_before == " "
            and names_a_place(tok)
            and names_a_place(nxt)
        )
        if after:
            j = i
            while j >= 0 and labels[j] and (j == i or cues[j] not in _STRONG_CUES):
                labels[j] = 0
                if not (j > 0 and toks[j].gap_before == " "):
                    break
                j -= 1
        elif before:
            j = i
            while j < len(toks) and labels[j] and (j == i or toks[j].gap_before == " "):
                labels[j] = 0
                j += 1


def _capitalised_not_at_a_place(toks: list[Token], i: int) -> bool:
    """Token i is capitalised mid-sentence (not all in capitals), neither after a locative nor before a
    facility word ("at Bolton", "Jessop wing", "Rose ward"): where a name stands rather than a place."""
    tok = toks[i]
    return (
        tok.cap
        and not tok.all_caps
        and not tok.sentence_start
        and not after_locative(toks, i)
        and not FACILITY_WORDS.intersection(t.low for t in toks[i + 1 : i + 3])
    )


def _unknown_but_named(toks: list[Token], i: int) -> bool:
    """Token i, which the rules took for a name, is capitalised mid-sentence and shaped like one, on no
    frequency list of any language and no medicine, and neither after a locative nor before a facility
    word ("Jessop wing", "Southall wale clinic"), nor joined by "and" to a medicine or an everyday word
    ("paracetamol i Gaviscon"), nor after a town and its postposition ("Slough ton Wexham"), nor said
    again (every mention is settled together, after): the model's doubt is the word's place, near a
    sentence's end, where its training stories seldom put a name ("we met Kamsi")."""
    tok = toks[i]
    # shaped like a name: letters only ("Kamsi", not "HV-gii")
    if not (tok.low.isalpha() and _capitalised_not_at_a_place(toks, i)):
        return False
    return not (
        gazetteer().on_a_frequency_list(tok.low)
        or everyday_or_medicine(tok.low)
        or (i >= 2 and toks[i - 1].low in JOINERS and everyday_or_medicine(toks[i - 2].low))
        or (i >= 2 and toks[i - 2].low in PLACE_WORDS)
        or sum(other.low == tok.low for other in toks) > 1
    )


def _of_a_facility(toks: list[Token], i: int) -> bool:
    """A word in a script without capitals with a genitive postposition and a facility word after it:
    "لوٹن کے ہسپتال", Luton's hospital.  Not where a strong cue points at the word ("ڈاکٹر احمد کے
    کلینک" is the doctor's own clinic): the caller checks."""
    if i + 2 >= len(toks) or toks[i].cased:
        return False
    genitive, facility = toks[i + 1], toks[i + 2]
    return (
        genitive.low in _GENITIVES
        and genitive.gap_before == " "
        and facility.gap_before == " "
        and facility.low in FACILITY_WORDS
        and not facility.cased
    )


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
        # The lean towards taking a word out is for words shaped like names or in scripts without
        # capitals; a lowercase word in a cased script ("sertraline") must win on its own.
        cues, ruled = view.cues, {start for _, start, _ in view.spans}
        for i, score in zip(picked, model().scores(flat), strict=True):
            tok = toks[i]
            lean = O_BIAS if tok.cap or not tok.cased or cues[i] or tok.start in ruled else LOWER_BIAS
            name, staff = score.real - lean, score.imag - lean
            lead = name if name >= staff else staff  # how far the likelier name label leads O
            margins[i] = lead
            labels[i] = 0 if lead <= 0 else 1 if name >= staff else 2
    if stages is not None:
        stages["rules"] = [(start, end) for _, start, end in view.spans]
        stages["model"] = _taken(toks, labels)
    # A name never runs on over a cue's words, a town a frame marked or "مستشفى", "رائل" in her script.
    prefixes = {i for i, tok in enumerate(toks) if not tok.cased and tok.low in PLACE_PREFIXES}
    barred = view.in_cues | view.placed | prefixes
    pointed = frozenset(i for i, cue in enumerate(view.cues) if cue in _STRONG_CUES)
    _extend_names(toks, labels, lang, margins, barred, pointed)
    if stages is not None:
        stages["model+carried"] = _taken(toks, labels)
    _settle(toks, labels, view, lang, margins)
    _english_word_names(toks, labels, lang)
    _extend_names(
        toks, labels, lang, margins, barred, pointed
    )  # again, over the rest of a name a strong cue pointed at
    _clear_places(toks, labels, view.cues)
    _every_mention(toks, labels, lang)
    # A mention in a place's name ("my daughter Grace", "Grace Ward") is the place.
    _clear_places(toks, labels, view.cues)
    if stages is not None:
        stages["final"] = _taken(toks, labels)
    # Neighbouring name words joined by a space or hyphen are one span, a staff name if most are.
    runs: list[list[int]] = []
    for i in [i for i, label in enumerate(labels) if label]:
        if runs and runs[-1][-1] == i - 1 and toks[i].gap_before in _JOINING_GAPS:
            runs[-1].append(i)
        else:
            runs.append([i])
    spans: list[Span] = []
    for run in runs:
        staff = sum(labels[j] == 2 for j in run) * 2 >= len(run)
        start = toks[run[0]].start
        if lang == "ar" and _arabizi_rest(toks[run[0]]):
            start -= 1  # "3aisha" goes whole, its digit with it
        spans.append((LABELS[2] if staff else LABELS[1], start, toks[run[-1]].end))
    return spans
