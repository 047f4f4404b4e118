"""The hand-written name rules: gazetteer, context cues, and the shape of the word, weighed together.

They are one signal for the learned model (``_model.py``), which decides.  No single signal is
enough.  The gazetteer misses most names of most origins and contains ordinary
words; cues miss names said without one; capitals are absent in texting and present at every sentence
start.  So a word is a name when a cue points at it, or when it looks like one (capitalised, not a
common word) and either the gazetteer knows it or its position rules out a sentence-initial capital.
"""

from __future__ import annotations

import re
from functools import cached_property, lru_cache
from itertools import compress
from typing import NamedTuple

from bot.privacy.anonymise._cues import FILLERS, PERSIAN_FORMS, STAFF_TERMS_AFTER, Cue, cues_for
from bot.privacy.anonymise._frames import HERSELF, frame_words, framed, placed
from bot.privacy.anonymise._lexicon import (
    DECOY_WORDS,
    ENGLISH_OBJECTS,
    FACILITY_WORDS,
    HONORIFICS,
    LOCATIVES,
    PLACE_PREFIXES,
    PLACE_WORDS,
    Gazetteer,
    everyday_or_medicine,
    gazetteer,
    respect_after_a_name,
)
from bot.privacy.anonymise._set_phrases import set_phrase_words
from bot.privacy.anonymise._stopwords import ALL as ALL_STOPWORDS, stopwords
from bot.privacy.anonymise._tokens import Token, tokenise, unshouted

Span = tuple[str, int, int]

_SUFFIXES = ("ies", "ied", "es", "ed", "s", "d", "ing", "ly", "ness", "ful")
# Lowercase words after "was"/"is" are usually adjectives ("my midwife was amazing"), not names.
_LONE_I = re.compile(r"\bI\b")
_VERB_END = re.compile(r"(?:ed|ing)$")
_ADJECTIVE_END = re.compile(r"(?:ing|ed|ful|ous|ive|ly|able|ible|less|ish|ic|al|est|ent|ant)$")
# Verbs only a person is the subject of ("ruaridh came", "tamsin said", "graca ficou comigo"), in the
# languages of the line written with capitals: not those a medicine can take too ("codeine helped",
# "oramorph took the edge off", "sertraline made me calm").
_ACTING_VERBS = frozenset(
    """said says came told asked checked explained held stayed visited arrived rang called cried smiled
    listened sat stood stitched delivered examined scanned reassured shouted ignored refused
    drove phoned texted messaged hugged cuddled prayed cooked translated sang promised spoke talked
    waited walked laughed apologised apologized
    disse veio ficou explicou perguntou falou chegou segurou chorou gritou ligou
    powiedziała powiedział przyszła przyszedł została został wyjaśniła zapytała trzymała płakała
    zadzwoniła krzyczała
    сказала сказав прийшла прийшов залишилася пояснила запитала тримала плакала подзвонила""".split()
)
# Verbs that, right after a sentence-initial capitalised word, mark it as someone doing something.
_PERSON_VERBS = _ACTING_VERBS | frozenset(
    "helped took gave had has brought made kept looked was is and".split()
)
_BRACKETED = frozenset("me mine".split())  # "eilidh (me)"
_ARTICLES = frozenset("the a an".split())  # no name follows one: "the syntocinon made me sick"
# ...except where her language puts an article before a person's name ("depois a graça chegou", "o joão
# ficou"): there only an English "the" says so.
_ARTICLES_BY_LANGUAGE = {"pt": frozenset({"the"})}
_PERSON_ARTICLES = {"pt": frozenset({"o", "a"})}  # the article before a person's name
# The 5,000 commonest words of a language: never carry a name on, nor stand before a word of respect.
EVERYDAY_BANDS = frozenset("12")
POSSESSORS = frozenset("my our her his their moja mój mojej mea meu minha мій моя".split())
# Who she is may follow her name straight on or after a comma ("o dudu, meu filho, ficou").
_APPOSITION_GAPS = frozenset({" ", ", "})
# "and" in every language and script she writes: "Kehinde and Taiwo", "حمیده و مژگان", "ਜਸਮੀਤ ਤੇ ਰੂਪਿੰਦਰ".
JOINERS = frozenset(
    """and & i și si e та і و o wa w aur اور te ਤੇ تے ate ਅਤੇ iyo ar আর ও ane અને او aw""".split()
)
_MAX_FILLERS = 3
_SIGNATURE_WORDS = 3  # a first name, a middle name and a surname at most
_LOWERCASE_FACILITIES = frozenset("hospital trust clinic ward unit".split())  # "the queen elizabeth hospital"
_GENERIC = frozenset("called named name звати imię imie numele chama-se chamava-se chamado chamada".split())
_MODALS = frozenset("will may".split())  # "Will the midwives read this?" asks, it does not name
_FAMILY_NOUNS = frozenset(
    """husband hubby partner wife son daughter baby sister brother friend cousin mum mom mother dad father
    aunt auntie aunty uncle niece nephew nan nana gran grandma sister-in-law mother-in-law
    marido filho filha irmã irmão amiga amigo mãe pai sogra sogro cunhada cunhado tia tio prima primo
    afilhada afilhado vizinha avó avô mąż syn córka siostra brat przyjaciółka koleżanka teściowa
    soțul sotul fiul fiica sora fratele prietena soacra чоловік син донька дочка сестра брат подруга
    свекруха кума""".split()
)


class _Context:
    """The per-call view of the text; built once so every rule reads the same tokens and lists."""

    def __init__(self, text: str, lang: str | None) -> None:
        self.lang = lang
        self.text = unshouted(text)  # a sentence in capitals reads as if texted in lowercase
        self.tokens = tokenise(self.text)
        self.gaz: Gazetteer = gazetteer()
        self.cues = _cue_index(lang)
        self.cue_words = cue_words(lang)
        self.cue_memo: dict[int, tuple[Cue, bool] | None] = {}
        # Names an "and" joins to a name a thank-you pointed at, with that cue's kind: the cue is theirs.
        self.shared_cues: dict[int, str] = {}
        self.frame_names: set[int] = set()
        # Arabic-script letters folded to one spelling for matching cues ("مېړه" is listed "میړه"): one
        # translate over the whole story, since no token holds a line break.
        self.folded = "\n".join([t.low for t in self.tokens]).translate(PERSIAN_FORMS).split("\n")
        # The cue ending at each token, found once; only a token at most a few fillers after one can
        # have a cue before it, so every other token is answered without a search.
        self.cue_ends: dict[int, Cue] = {}
        self.cue_reach: set[int] = set()
        for j, word in enumerate(self.folded):
            if word in self.cues:
                cue = _cue_ending_at(self, j)
                if cue is not None and not (len(cue.phrase) == 1 and _named_not_cued(self.tokens[j], cue)):
                    self.cue_ends[j] = cue
                    self.cue_reach.update(range(j + 1, j + 2 + _MAX_FILLERS))
                    if cue.kin:  # "لبنى صاحبتي": the word before a kin cue may be her name
                        self.cue_reach.add(j - len(cue.phrase))
        # Where a frame puts a name ("named her *", "ask for *"), with whether it names a baby.
        starts = [t.sentence_start for t in self.tokens]
        self.framed = framed(self.folded, starts, lang)
        self.cue_reach.update(self.framed)
        # Where a frame puts the town she is from ("mai Leeds se hoon"), and the words of a set phrase
        # ("asha kori", I hope): never a name.
        self.placed = placed(self.folded, starts, lang) | set_phrase_words(self.folded, starts, lang)
        self.frame_words = frame_words(lang)
        self.stop = stopwords(lang)

    @cached_property
    def lowercase_text(self) -> bool:
        """Texting style: no capitals anywhere but "I".  Then a known name is trusted even in lowercase.
        Worked out only when a rule asks."""
        without_i = _LONE_I.sub("", self.text)
        return without_i.lower() == without_i and without_i.upper() != without_i

    @cached_property
    def place_of(self) -> dict[int, int]:
        """Each token's place by its first character, for a rule handed the token alone."""
        return {t.start: i for i, t in enumerate(self.tokens)}

    def common(self, tok: Token) -> bool:
        return _common(tok.low, tok.cap)

    def rare(self, tok: Token) -> bool:
        """Outside the thousand commonest words of every language we have lists for."""
        return self.gaz.frequent.get(tok.low, "0") != "1"

    def known(self, tok: Token) -> bool:
        return tok.low in self.gaz.names or self.gaz.named_with_article(tok.low)

    def shaped(self, tok: Token) -> bool:
        """Could stand in a run of name words without any cue."""
        low = tok.low
        if self.common(tok) or low in self.cue_words or low in HONORIFICS or low in PLACE_PREFIXES:
            return False
        if tok.all_caps and (len(tok.low) <= 5 or not self.known(tok)):  # NICU, SCBU, shouting
            return False
        if not tok.cased:
            return self.known(tok)
        return tok.cap or (self.lowercase_text and self.known(tok) and len(tok.low) >= 3)

    def adjacent(self, i: int) -> bool:
        """Token i follows token i-1 with only spaces between (a comma ends a full name)."""
        return i > 0 and self.tokens[i].gap_before in (" ", "\u00a0")


@lru_cache(maxsize=65536)
def _common(low: str, cap: bool) -> bool:
    """An everyday word, or (in lowercase) one with an everyday stem: "stitched", "nappies".  Cached:
    the lists never change, and the same words come back in every story."""
    common = gazetteer().common
    if low in common or low in PLACE_WORDS:
        return True
    if cap:
        return False
    return any(low.endswith(s) and low[: -len(s)] in common for s in _SUFFIXES) or (
        low.endswith(("ied", "ies")) and low[:-3] + "y" in common
    )


@lru_cache(maxsize=32)
def cue_words(lang: str | None) -> frozenset[str]:
    """Every word of every cue: "Moja" or "My" opening a sentence is a cue, never a name."""
    return frozenset(word for cue in cues_for(lang) if not cue.derived for word in cue.phrase)


@lru_cache(maxsize=32)
def _cue_index(lang: str | None) -> dict[str, list[Cue]]:
    """Cues indexed by their LAST token, because we search backwards from a candidate name."""
    index: dict[str, list[Cue]] = {}
    for cue in cues_for(lang):
        index.setdefault(cue.phrase[-1], []).append(cue)
    for cues in index.values():
        cues.sort(key=lambda c: -len(c.phrase))
    return index


def _named_not_cued(tok: Token, cue: Cue) -> bool:
    """A one-word cue that is also a listed name, where she wrote the name: a form made by rule that
    the gazetteer lists ("باسمة", Basima, read as "باسمه", in his name), or a bare kin word with its
    capital ("Lola the student midwife"; "my lola", grandma, is the kin word)."""
    return (cue.derived or (cue.kin and tok.cap)) and tok.low in gazetteer().names


def _cue_ending_at(ctx: _Context, j: int) -> Cue | None:
    """The longest cue whose last token is token j, so "my sister" (family) beats "sister" (staff).  A
    one-word cue is token j itself, since cues are indexed by their last word: nothing is compared."""
    for cue in ctx.cues.get(ctx.folded[j], ()):
        n = len(cue.phrase)
        if n == 1:
            return cue
        first = j - n + 1
        if first < 0:
            continue
        if tuple(ctx.folded[first : j + 1]) == cue.phrase and not any(
            t.sentence_start for t in ctx.tokens[first + 1 : j + 1]
        ):
            return cue
    return None


def _cue_before(ctx: _Context, i: int) -> tuple[Cue, bool] | None:
    """A cue just before token i, allowing a few filler words; the flag says fillers were skipped.

    Titles and generic naming words ("Miss", "called") say a name follows but not whose; a staff word
    before them ("the consultant Miss Adeyemi", "a doctor called roksana") decides that.  Remembered
    per token: the rules and the model's features both ask.
    """
    if i not in ctx.cue_reach:
        return None
    if i not in ctx.cue_memo:
        ctx.cue_memo[i] = _find_cue_before(ctx, i)
    return ctx.cue_memo[i]


def _find_cue_before(ctx: _Context, i: int) -> tuple[Cue, bool] | None:
    j = i - 1
    skipped = 0
    while j >= 0 and skipped <= _MAX_FILLERS and not ctx.tokens[j + 1].sentence_start:
        cue = ctx.cue_ends.get(j)
        if cue is not None:
            if cue.kin and "," in ctx.tokens[j + 1].gap_before and not ctx.tokens[i].cap:
                return None  # "banat khalti, ijo", "আমার কাজিন, দুজনেই": the comma ends her relative
            if cue.kind == "family" and (cue.phrase[0] in HONORIFICS or cue.phrase[-1] in _GENERIC):
                earlier = _cue_before(ctx, j - len(cue.phrase) + 1)
                if earlier is not None and earlier[0].kind == "staff":
                    return earlier[0], skipped > 0
            return cue, skipped > 0
        if ctx.tokens[j].low not in FILLERS:
            return None
        skipped += 1
        j -= 1
    return None


def _staff_after(ctx: _Context, k: int) -> bool:
    """A staff word after the name ending at token k: "Grace the midwife", "Chioma (midwife)"."""
    j = k + 1
    skipped = 0
    while j < len(ctx.tokens) and skipped <= _MAX_FILLERS and not ctx.tokens[j].sentence_start:
        low = ctx.tokens[j].low
        if low in STAFF_TERMS_AFTER:
            return not any(ctx.tokens[x].low in POSSESSORS and low == "sister" for x in range(k + 1, j))
        if low not in FILLERS and low not in POSSESSORS and low not in {"our", "was", "is"}:
            return False
        skipped += 1
        j += 1
    return False


def _is_place(ctx: _Context, start: int, end: int) -> bool:
    """Before a facility word ("Grace Ward"), after a place prefix ("St Thomas") or, with a capital,
    after a locative ("from Bolton", "din Craiova"): a cue, checked earlier, still wins there."""
    toks = ctx.tokens
    after = toks[end + 1].low if end + 1 < len(toks) else ""
    if (after in FACILITY_WORDS and names_a_place(toks[end + 1])) or after in _LOWERCASE_FACILITIES:
        return True
    before = toks[start - 1].low if start > 0 else ""
    return (
        (before in PLACE_PREFIXES and names_a_place(toks[start - 1]))
        or after_locative(toks, start)
        or start in ctx.placed
    )


def names_a_place(tok: Token) -> bool:
    """A facility word or place prefix counts with its capital ("Park", not "park"), or in a script
    without capitals."""
    return tok.cap or not tok.cased


def after_locative(toks: list[Token], i: int) -> bool:
    """A word in a cased script straight after "in", "at", "from", "din", "в"…: where she was; and a
    capitalised word an "and" joins to such a town ("at Luton and Dunstable", "din Iași și Bacău"),
    unless it is a listed name ("in Leeds and Sarah came": she may have moved on to who)."""
    if not toks[i].cased or i == 0:
        return False
    if toks[i - 1].low in LOCATIVES:
        return True
    return (
        i > 2
        and toks[i].cap
        and not toks[i].sentence_start
        and toks[i - 1].low in JOINERS
        and toks[i - 2].cap
        and toks[i - 3].low in LOCATIVES
        and toks[i].low not in gazetteer().names
    )


def _extend(ctx: _Context, i: int) -> int:
    """Index of the last token of the name starting at i (surnames and middle names follow it)."""
    k = i
    while k + 1 < len(ctx.tokens) and ctx.adjacent(k + 1):
        nxt = ctx.tokens[k + 1]
        if nxt.low in FACILITY_WORDS or not (ctx.shaped(nxt) or (not nxt.cased and ctx.known(nxt))):
            break
        k += 1
    return k


def _cue_accepts(ctx: _Context, tok: Token, cue: Cue, via_fillers: bool) -> bool:
    """A frame's own word is no name after a cue either: "وجوزي بيقولي شوشو" (and my husband calls me)."""
    if tok.low in ctx.cue_words or tok.low in HONORIFICS or tok.low in FILLERS or tok.low in ctx.frame_words:
        return False
    if tok.cap and tok.low in DECOY_WORDS and not tok.sentence_start:
        return True  # "my daughter Grace"
    if tok.low in DECOY_WORDS and _her_own_named(ctx, tok, cue, via_fillers):
        return True  # "my daughter hope is 2 weeks": straight after her kin word, a name-word is a name
    if cue.strong and tok.low in PLACE_WORDS and ctx.known(tok):
        return True  # "my husband william": a listed name that is also a hospital's or a town's
    if ctx.common(tok):
        # In a script without capitals a kin word says as much as a capital: "دختر خود ستاره" is a
        # daughter called Star, unless the word is one of the thousand commonest ("شوهرم گفت").
        return not tok.cased and cue.strong and cue.kind == "family" and not via_fillers and ctx.rare(tok)
    if ctx.shaped(tok) or ctx.known(tok):
        return True
    if not cue.strong or len(tok.low) < 2:
        return False
    if tok.cased and not tok.cap:
        return not _VERB_END.search(tok.low) and not (via_fillers and _ADJECTIVE_END.search(tok.low))
    return True


def _her_own_named(ctx: _Context, tok: Token, cue: Cue, via_fillers: bool) -> bool:
    """A word that is also a name (`DECOY_WORDS`), straight after a word for one of her own people
    ("my daughter ruby", "my son sunny has jaundice"): a name that reaches a reviewer breaks her trust, a
    word taken costs a word, so here the name reading wins.  Not a modal ("my husband will"), nor a verb
    with its object after it ("my husband drew the curtains")."""
    if not (tok.cased and cue.strong and cue.kind == "family" and not via_fillers) or tok.low in _MODALS:
        return False
    at = ctx.place_of[tok.start] + 1
    nxt = ctx.tokens[at] if at < len(ctx.tokens) else None
    return nxt is None or nxt.low not in ENGLISH_OBJECTS


def _frame_accepts(ctx: _Context, i: int) -> bool:
    """The word a frame points at, unless it is a function or cue word.  A baby's name may be any word
    ("نام نور رکھا", Noor, light); a name to ask for must be capitalised or, in a script without
    capitals, one no everyday list knows ("ask for help", "ask for Precious")."""
    tok = ctx.tokens[i]
    low = tok.low
    if low in ctx.stop or low in ctx.cue_words or low in HONORIFICS or low in FILLERS or len(low) < 2:
        return False
    if tok.all_caps:
        return False
    if i > 0 and ctx.tokens[i - 1].low in _ARTICLES_BY_LANGUAGE.get(ctx.lang or "", _ARTICLES):
        return False  # "the one in the photo is me": no name follows an article
    if ctx.framed[i]:  # "joy is me": a word that is also a name is hers here
        return (
            not tok.cased
            or tok.cap
            or not ctx.common(tok)
            or (ctx.framed[i] == HERSELF and low in DECOY_WORDS)
        )
    if not tok.cased:  # "اسألوا عن المترجم": a word with the Arabic article is what she asks for
        return not ctx.common(tok) and ctx.rare(tok) and not low.startswith("ال")
    # "ask for rukhsana", "support from ogechi": in lowercase, a listed name or a word no list of any
    # language knows and no medicine ("ask for help", "asked for paracetamol" stay)
    return tok.cap or (not ctx.common(tok) and (ctx.known(tok) or not everyday_or_medicine(low)))


def _family_after(ctx: _Context, k: int) -> bool:
    """ "Tunde my husband held my hand", "Rose, my doula, knew my plan": a possessive and a family word,
    any family cue that opens with a possessive, or a kin cue in any language ("Rabia meri behen",
    "لبنى صاحبتي"), right after the name."""
    toks = ctx.tokens
    if k + 1 >= len(toks) or toks[k + 1].sentence_start:
        return False
    possessive = toks[k + 1].low in POSSESSORS
    if possessive and k + 2 < len(toks) and toks[k + 2].low in _FAMILY_NOUNS:
        return True
    for j in range(k + 1, min(k + 5, len(toks))):
        cue = ctx.cue_ends.get(j)
        if cue is not None and cue.kind == "family" and j - len(cue.phrase) == k and (possessive or cue.kin):
            return True
    return False


def person_after(toks: list[Token], i: int, lang: str | None) -> bool:
    """Token i is followed, in its sentence, by what only a person is: a verb only a person does ("then
    ruaridh came"), or a possessive and a family word, in English, Portuguese, Polish, Romanian or
    Ukrainian, perhaps after a comma ("ebun my aunty", "o dudu, meu filho"), or "the" and a staff word
    ("folake the midwife"; a staff word straight after is mostly what kind: "bereavement midwife")."""
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    articles = _ARTICLES_BY_LANGUAGE.get(lang or "", _ARTICLES)
    if nxt is None or nxt.sentence_start or (i > 0 and toks[i - 1].low in articles):
        return False
    if nxt.low in _ACTING_VERBS:
        return nxt.gap_before == " "
    after = toks[i + 2] if i + 2 < len(toks) else None
    return (
        after is not None
        and after.gap_before == " "
        and nxt.gap_before in _APPOSITION_GAPS
        and nxt.low in POSSESSORS | {"the"}
        and (after.low in _FAMILY_NOUNS or (nxt.low == "the" and after.low in STAFF_TERMS_AFTER))
    )


def _lowercase_subject(ctx: _Context, i: int) -> bool:
    """A lowercase word listed as a name or known to no list of any language, just before a verb only a
    person does ("then morag came", "potem gosia przyszła"), who someone is in brackets ("ruaridh
    (partner)") or a word of respect said after a name ("tania apa"): her name typed without its
    capital; in a script without capitals, a word before a word of respect.  Tried only where such a
    word follows."""
    toks = ctx.tokens
    if i + 1 >= len(toks) or not (
        toks[i + 1].low in _subject_marks(ctx.lang)[1] or "(" in toks[i + 1].gap_before or _kin_of(ctx, i)
    ):
        return False  # most words: nothing of a person's follows them
    tok = toks[i]
    low = tok.low
    if not tok.cased:
        return _honoured_in_her_script(ctx, i)
    return (
        not tok.cap
        and len(low) >= 3
        and (
            person_after(toks, i, ctx.lang)
            or _in_brackets(toks, i + 1)
            or _honoured(toks, i, ctx.lang)
            or _kin_of(ctx, i)
        )
        and low not in ctx.stop
        and low not in ctx.cue_words
        and low not in HONORIFICS
        and low not in FILLERS
        and not ctx.common(tok)
        and (ctx.known(tok) or not ctx.gaz.on_a_frequency_list(low) or _articled_nickname(ctx, i))
    )


def _kin_of(ctx: _Context, i: int) -> bool:
    """Token i is someone whose relative she names next: "chidinma's mum", "dawit’s dad" (a medicine or a
    shop has no mum).  Not a baby: a shop has a baby aisle ("lidl's baby wipes")."""
    tok = ctx.tokens[i]
    return (
        ctx.text[tok.end : tok.end + 3] in ("'s ", "’s ")
        and i + 1 < len(ctx.tokens)
        and ctx.tokens[i + 1].low in _FAMILY_NOUNS
        and ctx.tokens[i + 1].low != "baby"
        and ctx.tokens[i + 1].start == tok.end + 3
    )


def _honoured_in_her_script(ctx: _Context, i: int) -> bool:
    """In a script without capitals, a word just before a word of respect said after a first name
    ("পাশের বাসার শিরিন ভাবি", "ਗੁਰਪ੍ਰੀਤ ਭਾਜੀ"), which is no function or cue word and not among the 5,000
    commonest words of any language we have lists for."""
    low = ctx.tokens[i].low
    return (
        _honoured(ctx.tokens, i, ctx.lang)
        and low not in ctx.stop
        and low not in ctx.cue_words
        and low not in HONORIFICS
        and ctx.gaz.frequent.get(low) not in EVERYDAY_BANDS
    )


def _articled_nickname(ctx: _Context, i: int) -> bool:
    """In Portuguese, a lowercase word on no list but the rarest band, after the article put before a
    person's name ("o dudu, meu filho", "o dudu ficou"): a nickname, which the rarest band often holds by
    chance as a word of some other language."""
    return (
        i > 0
        and ctx.tokens[i - 1].low in _PERSON_ARTICLES.get(ctx.lang or "", frozenset())
        and ctx.gaz.frequent.get(ctx.tokens[i].low) is None
    )


def _honoured(toks: list[Token], i: int, lang: str | None) -> bool:
    """Token i has a word of respect said after a first name right after it ("tania apa", "moni khala",
    "nasreen baji", Gujarati "jagruti ben")."""
    return (
        i + 1 < len(toks) and toks[i + 1].low in respect_after_a_name(lang) and toks[i + 1].gap_before == " "
    )


@lru_cache(maxsize=32)
def _subject_marks(lang: str | None) -> tuple[frozenset[str], frozenset[str]]:
    """The words that mark the word before them as a person's name in her language (a person's verb, a
    word of respect), and those with what else may follow a subject (a possessive, "the")."""
    marks = _ACTING_VERBS | respect_after_a_name(lang)
    return marks, marks | POSSESSORS | {"the"}


def _in_brackets(toks: list[Token], j: int) -> bool:
    """Token j opens brackets that hold only who a person is, after her name: "(me)", "(partner)",
    "(midwife)", "(my sister)"; not a clause ("paracetamol (midwife said so)")."""
    if j >= len(toks) or toks[j].gap_before.strip() != "(":
        return False
    last = j + 1 if toks[j].low in POSSESSORS and j + 1 < len(toks) else j
    role = toks[last].low
    closed = last + 1 == len(toks) or toks[last + 1].gap_before.lstrip().startswith(")")
    return closed and (role in _BRACKETED or role in _FAMILY_NOUNS or role in STAFF_TERMS_AFTER)


def _kin_named_before(ctx: _Context, i: int) -> bool:
    """A word in a script without capitals opening a sentence or clause just before a kin cue ("لبنى صاحبتي
    قالت", "Lubna my friend said"): a name when no everyday list knows it and it is no cue word itself.
    Mid-clause the word before a kin cue is mostly a verb ("لما شفت بنتي", "اتصلوا بأختي"): each cost a
    word on the tuning parts."""
    tok = ctx.tokens[i]
    return (
        (tok.sentence_start or "," in tok.gap_before or "،" in tok.gap_before)
        and not tok.cased
        and len(tok.low) >= 2
        and tok.low not in ctx.cue_words
        and tok.low not in FILLERS
        and not ctx.common(tok)
        and ctx.rare(tok)
        and ctx.gaz.frequent.get(tok.low, "0") == "0"
        and _family_after(ctx, i)
    )


class RuleView(NamedTuple):
    """What the rules saw, for the model to weigh: the tokens, the cue just before each token (as
    "staff", "family" or "weak"), and the names the rules alone would take out."""

    tokens: list[Token]
    cues: list[str]
    spans: list[Span]
    # the tokens a frame put a name on ("named her *"), or a person's verb after a word no list knows
    # ("then morag came"): the model may not undo it
    framed: frozenset[int]
    # The tokens of a cue of two words or more ("الزائرة الصحية"), of a cue's form made by rule
    # ("للممرضة", "сестрі"), of a kin word ("طفلم", "ماسی") or of a staff title ("Dhakhtar" opening a
    # sentence): never a name.
    in_cues: frozenset[int]
    placed: frozenset[int]  # her town ("mai Leeds se hoon") or a set phrase ("asha kori"): never a name


def rule_view(text: str, lang: str | None) -> RuleView:
    ctx = _Context(text, lang)
    spans = _rule_names(ctx)
    cues = [""] * len(ctx.tokens)
    for i in sorted(ctx.cue_reach):
        cued = _cue_before(ctx, i) if i < len(cues) else None
        if cued is not None:
            cues[i] = cued[0].kind if cued[0].strong else "weak"
    for i, kind in ctx.shared_cues.items():
        cues[i] = kind
    in_cues = {
        j - k
        for j, cue in ctx.cue_ends.items()
        if len(cue.phrase) > 1 or cue.derived or cue.kin or (cue.kind == "staff" and not cue.thanks)
        for k in range(len(cue.phrase))
    }
    return RuleView(ctx.tokens, cues, spans, frozenset(ctx.frame_names), frozenset(in_cues), ctx.placed)


def _rule_names(ctx: _Context) -> list[Span]:
    toks = ctx.tokens
    names, reach = ctx.gaz.names, ctx.cue_reach
    spans: list[Span] = []
    # The words just before a verb only a person does, a word of respect, or who she is in brackets
    # ("eilidh (me) and ruaridh (partner)"): most stories have none, and are not searched.
    folded = ctx.folded
    marks = _subject_marks(ctx.lang)[0]
    subjects = (
        set()
        if marks.isdisjoint(folded)
        else set(compress(range(-1, len(folded) - 1), map(marks.__contains__, folded)))
    )
    if "(" in ctx.text:
        subjects.update(j - 1 for j in range(1, len(toks)) if _in_brackets(toks, j))
    if "'s " in ctx.text or "’s " in ctx.text:  # "chidinma's mum"
        subjects.update(j for j in range(len(toks) - 1) if _kin_of(ctx, j))
    if not POSSESSORS.isdisjoint(folded):  # who she is after her name: "o dudu, meu filho", "ebun my aunty"
        subjects.update(
            j - 1
            for j in range(1, len(folded) - 1)
            if folded[j] in POSSESSORS and folded[j + 1] in _FAMILY_NOUNS
        )
    tried = reach | subjects if subjects else reach
    i = 0
    while i < len(toks):
        tok = toks[i]
        if not tok.cap and i not in tried and tok.low not in names:
            i += 1  # no cue, no capital, no listed name, no person's verb after: no name starts here
            continue
        kind: str | None = None
        end = i
        cued = _cue_before(ctx, i)
        shared: Cue | None = None
        staff_cued = cued is not None and cued[0].kind == "staff"  # "ડૉ. શાહ એ કહ્યું": the title says whose
        if i in ctx.framed and _frame_accepts(ctx, i) and not staff_cued:
            end = _extend(ctx, i) if tok.cased else i
            kind = "NAME"
            ctx.shared_cues[i] = "family"
            ctx.frame_names.add(i)
        elif cued is not None and _cue_accepts(ctx, tok, *cued):
            shared = cued[0] if cued[0].thanks else None
            end = _extend(ctx, i)
            staff = cued[0].kind == "staff" or (not cued[0].strong and _staff_after(ctx, end))
            kind = "STAFF NAME" if staff else "NAME"
        elif tok.cap and tok.low in DECOY_WORDS and tok.low not in _MODALS and _staff_after(ctx, i):
            kind = "STAFF NAME"
        elif tok.cap and tok.low in DECOY_WORDS and tok.low not in _MODALS and _family_after(ctx, i):
            kind = "NAME"
        elif tok.cap and tok.low in DECOY_WORDS and _acts(ctx, i):
            kind = "NAME"  # "the midwife on nights Dawn held my hand till dawn"
        elif _kin_named_before(ctx, i):
            kind = "NAME"
            ctx.shared_cues[i] = "family"
        elif not tok.cap and _lowercase_subject(ctx, i) and (not _is_place(ctx, i, i) or _kin_of(ctx, i)):
            kind = "NAME"
            ctx.frame_names.add(i)  # the verb after it is as sure as a frame: the model may not undo it
        elif ctx.shaped(tok):
            end = _extend(ctx, i)
            if _is_place(ctx, i, end):
                i = end + 1
                continue
            if _signs_off(ctx, i, end):
                kind = "NAME"
                ctx.frame_names.update(range(i, end + 1))  # as sure as a frame: the model may not undo it
            elif _staff_after(ctx, end):
                kind = "STAFF NAME"
            elif (
                any(ctx.known(t) for t in toks[i : end + 1])
                or _family_after(ctx, end)
                or _looks_like_person(ctx, i, end)
            ):
                kind = "NAME"
        if kind is None:
            i += 1
            continue
        spans.append((kind, tok.start, toks[end].end))
        i = _joined_name(ctx, end, kind, spans, shared)
    return spans


def _acts(ctx: _Context, i: int) -> bool:
    """A capitalised word mid-sentence, no title or modal ("Royal", "May", "Will"), with a verb only a person
    does right after it: "Dawn held my hand", "Hope came to see us"."""
    toks = ctx.tokens
    return (
        not toks[i].sentence_start
        and toks[i].low not in _MODALS
        and toks[i].low not in PLACE_PREFIXES
        and i + 1 < len(toks)
        and toks[i + 1].low in _ACTING_VERBS
        and toks[i + 1].gap_before == " "
    )


def _signs_off(ctx: _Context, i: int, end: int) -> bool:
    """Capitalised words, listed as names or on no frequency list and no function word of any language,
    that are the last sentence of her story on their own, after at least one other: her signature ("…
    was shocking. Bisola")."""
    toks = ctx.tokens
    return (
        i > 0
        and end == len(toks) - 1
        and end - i < _SIGNATURE_WORDS
        and toks[i].sentence_start
        and all(
            t.cased
            and t.cap
            and not t.all_caps
            and t.low not in ALL_STOPWORDS  # "… Shukriya", "… Mashallah", in any language
            and (ctx.known(t) or not ctx.gaz.on_a_frequency_list(t.low))
            for t in toks[i : end + 1]
        )
    )


def _looks_like_person(ctx: _Context, i: int, end: int) -> bool:
    """An unknown capitalised word: mid-sentence it is a name; at a sentence start it needs more."""
    tok = ctx.tokens[i]
    if not tok.cased:
        return False
    if not tok.sentence_start:
        return not (i > 0 and ctx.tokens[i - 1].low == "the")
    nxt = ctx.tokens[end + 1].low if end + 1 < len(ctx.tokens) else ""
    return end > i or nxt in _PERSON_VERBS


def _joined_name(ctx: _Context, end: int, kind: str, spans: list[Span], cue: Cue | None) -> int:
    """ "my twins Kehinde and Taiwo": the second name shares the cue of the first.  After a thank-you it
    is taken as the first was, even in lowercase ("thanks to kehinde and olumide"), and the cue is its,
    over the whole list, commas and all ("shout out to ifeoma, blessing and nnenna": a word that is also
    a name goes there when it stands alone as one of the list).  Doing so after every strong cue cost
    ordinary words in cross-validation (README, round 6)."""
    toks = ctx.tokens
    while (at := _next_in_list(ctx, end, cue)) is not None:
        nxt = toks[at]
        cued = cue is not None and (_cue_accepts(ctx, nxt, cue, False) or _alone_in_list(ctx, at))
        last = _extend(ctx, at)
        if not (ctx.shaped(nxt) or cued) or _is_place(ctx, at, last):
            break
        spans.append((kind, nxt.start, toks[last].end))
        if cue is not None and cued:
            ctx.shared_cues[at] = cue.kind
        end = last
        if cue is None:
            break  # with no thank-you before it, one name an "and" joins
    return end + 1


def _next_in_list(ctx: _Context, end: int, cue: Cue | None) -> int | None:
    """Where the next of a list of names would start after the name ending at token ``end``: after an
    "and" in any language, or, in a thank-you's list, after a comma ("thanks to adaora, chipo, and
    tsion")."""
    toks = ctx.tokens
    at = end + 1
    if at < len(toks) and toks[at].low in JOINERS:
        at += 1
    elif cue is None or at >= len(toks) or "," not in toks[at].gap_before:
        return None
    return at if at < len(toks) and not toks[at].sentence_start else None


def _alone_in_list(ctx: _Context, i: int) -> bool:
    """A word that is also a name ("blessing", "precious") standing alone in a thank-you's list of names:
    a comma, an "and" or the end of what she says follows it ("thank you bisi, precious and mercy"; not
    "thanks bisi, hope to see you")."""
    toks = ctx.tokens
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    return toks[i].low in DECOY_WORDS and (
        nxt is None or nxt.sentence_start or nxt.low in JOINERS or nxt.gap_before.strip() != ""
    )
