"""Layer 1: alarm phrases, and the cues that cancel them, read from one data file per language.

Fast (well under a millisecond) and explainable: a reviewer can point at the phrase that fired. It
cannot reach wording nobody listed, which is why ``_model`` scores every message as well.

Everything language-specific (alarm phrases and the cues that cancel them: negation, past tense,
resolution) is data in ``phrases/<lang>.toml`` so that native speakers can review and extend it without
reading Python.  The phrase mini-language is documented in ``phrases/en.toml``.

The layer leans towards raising an alarm: a false alarm costs a volunteer a minute, a missed one
can cost a life.  Cancellation therefore needs an explicit cue, and an "ongoing" cue (now, still,
since ...) overrides past tense.
"""

from __future__ import annotations

import functools
import itertools
import re
import tomllib
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources

from flows.safeguarding._kinds import Risk

_PACKAGE = "flows.safeguarding.phrases"
_FALLBACK_LANGUAGE = "en"
# A negation cue cancels a phrase only if at most this many tokens separate them ("no heavy bleeding",
# "haven't had any bleeding"); further away it usually negates something else.
_NEGATION_WINDOW = 3
# Gap sizes for "*" and "..." inside a phrase; "&" groups use the file's [meta] window.
_SHORT_GAP = 2
_LONG_GAP = 5
CUE_KEYS = ("negation", "negation_after", "past", "present", "ongoing", "resolved", "clause_breaks")

# Texting drops accents, mixes Arabic and Persian keyboards and pads words with invisible characters.
# Both the phrases and the messages go through the same folding so that either spelling matches.
_INVISIBLE = "\u00ad\u061c\u0640\u200b\u200c\u200d\u200e\u200f\u2060\ufeff'’‘ʼ`´"
_FOLD_MAP: dict[int | str, str | None] = {
    **dict.fromkeys(map(ord, _INVISIBLE), None),
    "ł": "l",
    "ة": "ه",
    "ۃ": "ه",
    "ہ": "ه",
    "ھ": "ه",
    "ى": "ي",
    "ی": "ي",
    "ې": "ي",
    "ۍ": "ي",
    "ے": "ي",
    "ک": "ك",
    "ٱ": "ا",
    **{base + i: str(i) for base in (0x660, 0x6F0, 0x966, 0x9E6, 0xA66, 0xAE6) for i in range(10)},
}
_FOLD = str.maketrans(_FOLD_MAP)
# Latin/Cyrillic accents and Arabic-script vowel marks and hamza are optional in everyday writing;
# Indic and Ethiopic marks are letters in their own right and are kept.
_OPTIONAL_MARKS = re.compile("[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
_REPEATS = re.compile(r"([^\W\d_])\1+")
_COMBINING = "".join(
    re.escape(chr(cp)) for cp in range(0x0900, 0x1400) if unicodedata.category(chr(cp)) in ("Mn", "Mc")
)
_PIECES = re.compile(rf"(?P<tok>(?:[^\W_]|[{_COMBINING}])+)|(?P<sent>[.!?؟۔।॥።\n]+)|(?P<clause>[,،;؛:፣፤])")


def _fold(text: str) -> str:
    """Fold text so that common spelling variants meet (casefold, accents, keyboards, "pleeease")."""
    text = unicodedata.normalize("NFD", unicodedata.normalize("NFKC", text).casefold())
    text = _OPTIONAL_MARKS.sub("", text)
    return _REPEATS.sub(r"\1", unicodedata.normalize("NFC", text).translate(_FOLD))


@dataclass(frozen=True, slots=True)
class _Doc:
    """A message as tokens, with the sentence and punctuation clause each token is in."""

    text: str  # " tok tok tok " so that phrase regexes can rely on single spaces around tokens
    starts: tuple[int, ...]
    sentence: tuple[int, ...]
    clause: tuple[int, ...]


def _parse(message: str) -> _Doc:
    tokens: list[str] = []
    sentence: list[int] = []
    clause: list[int] = []
    sent_no = clause_no = 0
    for piece in _PIECES.finditer(_fold(message)):
        if piece.lastgroup == "tok":
            tokens.append(piece.group())
            sentence.append(sent_no)
            clause.append(clause_no)
        else:
            sent_no += piece.lastgroup == "sent"
            clause_no += 1
    starts: list[int] = []
    pos = 1
    for token in tokens:
        starts.append(pos)
        pos += len(token) + 1
    return _Doc(" " + " ".join(tokens) + " ", tuple(starts), tuple(sentence), tuple(clause))


def _atom(word: str, where: str) -> str:
    """Regex for one alternative: ``word``, ``prefix*``, ``*suffix`` or ``several_words``."""
    prefix, suffix = word.endswith("*"), word.startswith("*")
    folded = [piece.group() for piece in _PIECES.finditer(_fold(word.strip("*"))) if piece.lastgroup == "tok"]
    if not folded or (prefix and suffix):
        raise ValueError(
            f"{where}: {word!r} must be a word (or words_joined_by_underscores) with at most one *"
        )
    return ("\\S*" if suffix else "") + " ".join(map(re.escape, folded)) + ("\\S*" if prefix else "")


def _sequence(elements: list[str], where: str) -> str:
    """Regex for an ordered run of tokens, gaps and negative look-aheads."""
    while elements and elements[0] in ("*", "..."):
        elements = elements[1:]
    while elements and elements[-1] in ("*", "..."):
        elements = elements[:-1]
    if not elements or all(e.startswith("!") for e in elements):
        raise ValueError(f"{where}: phrase has no words")
    out = []
    for element in elements:
        if element in ("*", "..."):
            out.append(f"((?:\\S+ ){{0,{_SHORT_GAP if element == '*' else _LONG_GAP}}})")
        elif element.startswith("!"):
            out.append("(?!(?:" + "|".join(_atom(w, where) for w in element[1:].split("|")) + ") )")
        else:
            out.append("(?:" + "|".join(_atom(w, where) for w in element.split("|")) + ") ")
    return "".join(out)


def _phrase(phrase: str, window: int, where: str) -> str:
    """Regex for a phrase; "&"-separated groups may come in any order within ``window`` tokens."""
    groups = [_sequence(group.split(), where) for group in phrase.split("&")]
    if len(groups) == 1:
        return groups[0]
    gap = f"((?:\\S+ ){{0,{window}}})"
    return "(?:" + "|".join(gap.join(order) for order in itertools.permutations(groups)) + ")"


def _compile(phrases: Iterable[str], window: int, where: str) -> re.Pattern[str] | None:
    """One regex finding every (overlapping) occurrence of any of the phrases."""
    parts = [f"(?:{_phrase(p, window, where)})" for p in phrases]
    return re.compile("(?<= )(?=(" + "|".join(parts) + "))") if parts else None


_Span = tuple[int, int]  # token indices, end exclusive


def _spans(pattern: re.Pattern[str] | None, doc: _Doc) -> Iterator[tuple[_Span, list[_Span]]]:
    """Occurrences of a phrase regex, with the token spans its gaps skipped over."""
    if pattern is None:
        return

    def token_span(start: int, end: int) -> _Span:
        return bisect_right(doc.starts, start) - 1, bisect_right(doc.starts, end - 1)

    for found in pattern.finditer(doc.text):
        gaps = [
            token_span(*found.span(g))
            for g in range(2, pattern.groups + 1)
            if found.start(g) != -1 and found.end(g) > found.start(g)
        ]
        yield token_span(*found.span(1)), gaps


@dataclass(frozen=True, slots=True)
class _Lexicon:
    risks: tuple[tuple[Risk, re.Pattern[str] | None, re.Pattern[str] | None], ...]
    cues: dict[str, re.Pattern[str] | None]


@functools.cache
def _lexicon(lang: str) -> _Lexicon:
    """Compile a language file once; functools.cache is thread-safe, at worst compiling twice."""
    where = f"{lang}.toml"
    data = tomllib.loads(resources.files(_PACKAGE).joinpath(where).read_text(encoding="utf-8"))
    window = int(data["meta"]["window"])
    cues = {key: _compile(data["cues"][key], window, f"{where} cues.{key}") for key in CUE_KEYS}
    risks = tuple(
        (
            risk,
            _compile(data["risks"][risk.value]["phrases"], window, f"{where} risks.{risk.value}"),
            _compile(data["risks"][risk.value].get("unless_after", []), window, f"{where} {risk.value}"),
        )
        for risk in Risk
    )
    return _Lexicon(risks, cues)


@functools.cache
def languages() -> tuple[str, ...]:
    return tuple(
        sorted(
            entry.name.removesuffix(".toml")
            for entry in resources.files(_PACKAGE).iterdir()
            if entry.name.endswith(".toml")
        )
    )


class _Context:
    """Where the cancelling cues of one language fall in one message."""

    def __init__(self, lexicon: _Lexicon, doc: _Doc) -> None:
        self.doc = doc
        found = {key: [span for span, _ in _spans(pattern, doc)] for key, pattern in lexicon.cues.items()}
        self.negation, self.negation_after = found["negation"], found["negation_after"]
        self.past, self.present, self.ongoing = found["past"], found["present"], found["ongoing"]
        self.resolved = found["resolved"]
        # Connectives ("but", "because", "if") start a new clause: "I don't know | if the baby ...".
        breaks = {start for start, _ in found["clause_breaks"]}
        clause, current = [], 0
        for i, punct_clause in enumerate(doc.clause):
            current += i in breaks or (i > 0 and punct_clause != doc.clause[i - 1])
            clause.append(current)
        self.clause = clause

    def cancels(self, match: _Span, gaps: list[_Span]) -> bool:
        """Whether the phrase at ``match`` is negated, in the past, or said to be over."""
        start, end = match
        clause, sentence = self.clause[start], self.doc.sentence[start]

        def in_clause(spans: list[_Span]) -> Iterator[_Span]:
            return (s for s in spans if self.clause[s[0]] == clause)

        def in_gap(s: int, e: int) -> bool:
            return any(gs <= s and e <= ge for gs, ge in gaps)

        if any(0 <= start - e <= _NEGATION_WINDOW or in_gap(s, e) for s, e in in_clause(self.negation)):
            return True
        if any(0 <= s - end <= _NEGATION_WINDOW or in_gap(s, e) for s, e in in_clause(self.negation_after)):
            return True
        if any(in_clause(self.present)) or any(in_clause(self.ongoing)):
            return False
        if any(self.doc.sentence[s] == sentence and s >= end for s, _ in self.resolved):
            return True
        ongoing = any(self.doc.sentence[s] == sentence for s, _ in self.ongoing)
        return not ongoing and any(in_clause(self.past))

    def preceded_by(self, match: _Span, spans: Iterator[tuple[_Span, list[_Span]]]) -> bool:
        start = match[0]
        return any(
            self.clause[s] == self.clause[start] and 0 <= start - e <= _NEGATION_WINDOW for (s, e), _ in spans
        )


def _detect_in(lang: str, doc: _Doc) -> set[Risk]:
    lexicon = _lexicon(lang)
    context: _Context | None = None
    found: set[Risk] = set()
    for risk, pattern, unless_after in lexicon.risks:
        for match, gaps in _spans(pattern, doc):
            context = context or _Context(lexicon, doc)
            if not context.cancels(match, gaps) and not context.preceded_by(match, _spans(unless_after, doc)):
                found.add(risk)
                break
    return found


def detect_risks(text: str, lang: str | None = None) -> frozenset[Risk]:
    """Risks a message raises, checked in her language and in English, which women often mix in.

    A language without a phrase file (or ``None``) is checked in English only.
    """
    primary = (lang or "").casefold().replace("_", "-").split("-")[0]
    codes = [primary] if primary in languages() and primary != _FALLBACK_LANGUAGE else []
    doc = _parse(text)
    if not doc.starts:
        return frozenset()
    return frozenset(itertools.chain.from_iterable(_detect_in(code, doc) for code in [*codes, "en"]))


def detect_any_language(text: str) -> frozenset[Risk]:
    """Risks a message raises in any of our languages' phrases (women mix languages): the message is
    parsed once and each language's phrases are run once."""
    doc = _parse(text)
    if not doc.starts:
        return frozenset()
    return frozenset(itertools.chain.from_iterable(_detect_in(code, doc) for code in languages()))
