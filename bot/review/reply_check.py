"""Check a staff reply before it goes to the woman who told us her story.

A defensive reply ("unfortunately the ward was busy, however our staff are trained…") does more harm
than no reply, so every draft is read against the rules in ``bot/review/data/reply_rules.toml`` and cannot be
approved until nothing is missing or wrong. The rules and word lists live in that file so the people
who own the wording can change it without touching code; this module only knows how to apply them.

The word lists are English: drafts are written by NHS staff in English and translated afterwards.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import textstat

# One character for one character, so a match in the normalised text quotes the same span of the draft.
_NORMALISE = str.maketrans(
    {"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'", "`": "'", "\u2010": "-", "\u2011": "-"}
)
# Words of a phrase may be split by spaces, a hyphen or a comma; a dash or a full stop starts a new thought.
_SEP = r"(?:\s*,\s*|\s+|-)"
_GAP_WORDS = 6
_WORD = r"[\w']+"
_LETTERS = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+|\n+")
_RULES_FILE = "reply_rules.toml"
# Each suffix is stripped once, replaced by the second item, and only if a stem of 3+ letters remains.
_SUFFIXES = (("ies", "y"), ("ves", "f"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""), ("ly", ""))


@dataclass(frozen=True)
class Finding:
    rule: str
    message: str
    quote: str
    suggestion: str


@dataclass(frozen=True)
class CheckResult:
    ok: bool
    findings: tuple[Finding, ...]


@dataclass(frozen=True)
class Phrase:
    """A phrase from the rules file, compiled once so every draft is matched the same forgiving way."""

    text: str
    pattern: re.Pattern[str]


Phrases = tuple[Phrase, ...]


@dataclass(frozen=True)
class RuleText:
    """What the responder is told; ``messages`` holds one wording per way a rule can be broken."""

    messages: Mapping[str, str]
    suggestion: str


@dataclass(frozen=True)
class JargonTerm:
    phrase: Phrase
    plain: str


@dataclass(frozen=True)
class Rules:
    max_chars: int
    max_grade: float
    readability_min_words: int
    acknowledge_min_shared_words: int
    texts: Mapping[str, RuleText]
    thanks: Phrases
    acknowledge: Phrases
    generic_stems: frozenset[str]
    stopwords: frozenset[str]
    apology: Phrases
    sympathy_only: Phrases
    compliment_markers: Phrases
    praise_words: Phrases
    complaint_words: Phrases
    non_apology: Phrases
    done: Phrases
    commitments: Phrases
    not_commitments: Phrases
    timing: Phrases
    vague: Phrases
    offers: Phrases
    advocates: Phrases
    brush_offs: Phrases
    defensive: Phrases
    defensive_suggestions: Mapping[str, str]
    blame: Phrases
    not_blame: Phrases
    jargon: tuple[JargonTerm, ...]


def check_reply(draft: str, story_text: str | None = None) -> CheckResult:
    """List everything that stops ``draft`` being sent; ``story_text`` lets us check she hears her own words.

    A reply to praise is not asked for an apology or an offer to talk: being told "sorry" or "get in
    touch" after saying thank you reads as if nobody read her message.
    """
    rules = load_rules()
    text = draft.translate(_NORMALISE)
    story = story_text.translate(_NORMALISE) if story_text and story_text.strip() else None
    praise_reply = _is_praise_reply(text, story, rules)
    findings = [
        *_check_thanks(text, rules),
        *_check_acknowledge(text, story, rules),
        *([] if praise_reply else _check_apology(text, draft, rules)),
        *_phrase_findings("non_apology", rules.non_apology, text, draft, rules),
        *_check_next_steps(text, draft, rules),
        *_check_talk_further(text, draft, rules, praise_reply),
        *_phrase_findings("defensive", rules.defensive, text, draft, rules, rules.defensive_suggestions),
        *_phrase_findings("blame", rules.blame, text, draft, rules, excluded=rules.not_blame),
        *_check_jargon(text, draft, rules),
        *_check_readability(text, draft, rules),
        *_check_length(draft, rules),
    ]
    return CheckResult(ok=not findings, findings=tuple(findings))


@cache
def load_rules() -> Rules:
    """Read the rules once per process: they change with a deploy, not between drafts."""
    raw = resources.files("bot.review.data").joinpath(_RULES_FILE).read_text(encoding="utf-8")
    data = tomllib.loads(raw)
    limits = _table(data, "limits")
    rules = _table(data, "rules")
    ack = _table(rules, "acknowledge")
    apology = _table(rules, "apology")
    compliment = _table(apology, "compliment")
    steps = _table(rules, "next_steps")
    talk = _table(rules, "talk_further")
    defensive = _table(rules, "defensive")
    defensive_suggestions = _table(defensive, "suggestions")
    jargon_terms = _table(_table(rules, "jargon"), "terms")
    return Rules(
        max_chars=_int(limits, "max_chars"),
        max_grade=_float(limits, "max_grade"),
        readability_min_words=_int(limits, "readability_min_words"),
        acknowledge_min_shared_words=_int(limits, "acknowledge_min_shared_words"),
        texts={name: _rule_text(name, _table(rules, name)) for name in rules},
        thanks=_phrases(_table(rules, "thanks"), "phrases"),
        acknowledge=_phrases(ack, "phrases"),
        generic_stems=frozenset(_stem(word) for word in _strings(ack, "generic_words")),
        stopwords=frozenset(_strings(ack, "stopwords")),
        apology=_phrases(apology, "phrases"),
        sympathy_only=_phrases(apology, "sympathy_only"),
        compliment_markers=_phrases(compliment, "compliment_markers"),
        praise_words=_phrases(compliment, "praise_words"),
        complaint_words=_phrases(compliment, "complaint_words"),
        non_apology=_phrases(_table(rules, "non_apology"), "phrases"),
        done=_phrases(steps, "done"),
        commitments=_phrases(steps, "commitments"),
        not_commitments=_phrases(steps, "not_commitments"),
        timing=_phrases(steps, "timing"),
        vague=_phrases(steps, "vague"),
        offers=_phrases(talk, "offers"),
        advocates=_phrases(talk, "advocates"),
        brush_offs=_phrases(talk, "brush_offs"),
        defensive=_phrases(defensive, "phrases"),
        defensive_suggestions={key: _text(defensive_suggestions, key) for key in defensive_suggestions},
        blame=_phrases(_table(rules, "blame"), "phrases"),
        not_blame=_phrases(_table(rules, "blame"), "not_blame"),
        jargon=tuple(JargonTerm(_compile(term), _text(jargon_terms, term)) for term in jargon_terms),
    )


# --- the rules --------------------------------------------------------------------------------------


def _check_thanks(text: str, rules: Rules) -> list[Finding]:
    if _first(rules.thanks, text):
        return []
    return [_finding(rules, "thanks")]


def _check_acknowledge(text: str, story: str | None, rules: Rules) -> list[Finding]:
    """Her own words prove the story was read; without the story, a "you told us" is the best evidence.

    "Had you mentioned" is blame, not acknowledgement, even though it contains "you mentioned".
    """
    her_words = _content_words(story, rules) if story else {}
    needed = min(rules.acknowledge_min_shared_words, len(her_words))
    if needed == 0:
        if _outside(_matches(rules.acknowledge, text), _matches(rules.blame, text)):
            return []
        return [_finding(rules, "acknowledge")]
    reused = her_words.keys() & _content_words(text, rules).keys()
    if len(reused) >= needed:
        return []
    examples = [f'"{word}"' for stem, word in her_words.items() if stem not in reused][:5]
    return [_finding(rules, "acknowledge", "message_story", words=", ".join(examples))]


def _check_apology(text: str, draft: str, rules: Rules) -> list[Finding]:
    """Only a sorry that is not a non-apology or "sorry to hear" counts as saying sorry for what happened."""
    not_sorry = [*_matches(rules.non_apology, text), *_matches(rules.sympathy_only, text)]
    if _outside(_matches(rules.apology, text), not_sorry):
        return []
    sympathy = _first(rules.sympathy_only, text)
    if sympathy:
        return [_finding(rules, "apology", "message_sympathy", quote=_quote(draft, sympathy))]
    return [_finding(rules, "apology")]


def _check_next_steps(text: str, draft: str, rules: Rules) -> list[Finding]:
    """A promise counts when it is already done, says when, or names an action other than an empty one."""
    for sentence in _sentences(text):
        if _first(rules.done, sentence):
            return []
        promises = _outside(_matches(rules.commitments, sentence), _matches(rules.not_commitments, sentence))
        if promises and (_first(rules.timing, sentence) or not _first(rules.vague, sentence)):
            return []
    vague = _first(rules.vague, text)
    if vague:
        return [_finding(rules, "next_steps", "message_vague", quote=_quote(draft, vague))]
    return [_finding(rules, "next_steps")]


def _check_talk_further(text: str, draft: str, rules: Rules, praise_reply: bool) -> list[Finding]:
    """PALS or the advocate is a choice we offer beside ourselves, never somewhere to send her instead."""
    findings = [
        _finding(rules, "talk_further", "message_brush_off", quote=_quote(draft, match))
        for match in _distinct(_matches(rules.brush_offs, text), draft)
    ]
    if praise_reply or _first(rules.offers, text):
        return findings
    other_route = _first(rules.advocates, text)
    if other_route and not findings:
        sentence = _sentence_around(draft, other_route.start())
        return [_finding(rules, "talk_further", "message_pals_only", quote=sentence)]
    return [*findings, _finding(rules, "talk_further")]


def _check_jargon(text: str, draft: str, rules: Rules) -> list[Finding]:
    """A term explained once in brackets may be used again bare, as in any plain-English document."""
    findings: list[Finding] = []
    for term in rules.jargon:
        uses = list(term.phrase.pattern.finditer(text))
        if uses and not any(_explained(text, use) for use in uses):
            quote = _quote(draft, uses[0])
            findings.append(_finding(rules, "jargon", quote=quote, plain=term.plain))
    return findings


def _check_readability(text: str, draft: str, rules: Rules) -> list[Finding]:
    """Coleman-Liau counts letters, not syllables.

    textstat's English syllable counts need NLTK's cmudict, which it downloads on first use: a network
    call from the reply screen, and different scores on machines with and without the download.
    """
    if len(re.findall(_WORD, text)) < rules.readability_min_words:
        return []
    grade = _grade(text)
    if grade <= rules.max_grade:
        return []
    hardest = " ".join(max(_sentences(draft), key=_grade).split())
    return [_finding(rules, "readability", quote=hardest, grade=f"{grade:.1f}", limit=f"{rules.max_grade:g}")]


def _check_length(draft: str, rules: Rules) -> list[Finding]:
    reply = draft.strip()
    if len(reply) <= rules.max_chars:
        return []
    start = reply.rfind(" ", 0, rules.max_chars) + 1
    quote = " ".join(reply[start:].split()[:8])
    return [_finding(rules, "length", quote=quote, count=str(len(reply)), limit=str(rules.max_chars))]


def _phrase_findings(
    rule: str,
    phrases: Phrases,
    text: str,
    draft: str,
    rules: Rules,
    suggestions: Mapping[str, str] | None = None,
    excluded: Phrases = (),
) -> list[Finding]:
    """One finding per distinct wording, so "however" used three times is one thing to fix."""
    found = _outside(_matches(phrases, text), _matches(excluded, text))
    return [
        _finding(
            rules,
            rule,
            quote=_quote(draft, match),
            better=(suggestions or {}).get(_phrase_of(phrases, match)),
        )
        for match in _distinct(found, draft)
    ]


# --- matching ----------------------------------------------------------------------------------------


def _compile(phrase: str) -> Phrase:
    """Turn the rules file's phrase syntax (see its header) into a whole-word, case-insensitive pattern."""
    tokens = [token for token in re.split(r"[\s-]+", phrase.strip().lower()) if token]
    if not tokens or tokens[0] == "..." or tokens[-1] == "..." or tokens[0].startswith("["):
        raise ValueError(f"{_RULES_FILE}: phrase {phrase!r} must start and end with a word")
    parts = [_token_pattern(tokens[0])]
    for token in tokens[1:]:
        if token == "...":
            parts.append(f"(?:{_SEP}{_WORD}){{0,{_GAP_WORDS}}}?")
        elif token.startswith("[") and token.endswith("]"):
            parts.append(f"(?:{_SEP}{_token_pattern(token[1:-1])})?")
        else:
            parts.append(_SEP + _token_pattern(token))
    pattern = r"(?<!\w)(?<!\w')" + "".join(parts) + r"(?!\w)"
    return Phrase(phrase, re.compile(pattern, re.IGNORECASE))


def _token_pattern(token: str) -> str:
    if token.endswith("*"):
        return re.escape(token[:-1]) + r"\w*"
    return re.escape(token)


def _matches(phrases: Phrases, text: str) -> list[re.Match[str]]:
    return sorted(
        (match for phrase in phrases for match in phrase.pattern.finditer(text)),
        key=lambda match: (match.start(), -match.end()),
    )


def _first(phrases: Phrases, text: str) -> re.Match[str] | None:
    found = _matches(phrases, text)
    return found[0] if found else None


def _outside(matches: Iterable[re.Match[str]], excluded: list[re.Match[str]]) -> list[re.Match[str]]:
    """Drop matches that are part of a phrase meaning something else: the "sorry" of "sorry if"."""
    return [
        match
        for match in matches
        if not any(match.start() < other.end() and other.start() < match.end() for other in excluded)
    ]


def _distinct(matches: list[re.Match[str]], draft: str) -> list[re.Match[str]]:
    """Keep the first of overlapping matches and the first of repeated wordings."""
    kept: list[re.Match[str]] = []
    seen: set[str] = set()
    for match in matches:
        wording = _quote(draft, match).lower()
        if wording in seen or any(match.start() < other.end() for other in kept):
            continue
        kept.append(match)
        seen.add(wording)
    return kept


def _phrase_of(phrases: Phrases, match: re.Match[str]) -> str:
    return next(phrase.text for phrase in phrases if phrase.pattern is match.re)


def _explained(text: str, use: re.Match[str]) -> bool:
    after = text[use.end() :].lstrip()
    before = text[: use.start()].rstrip()
    return after.startswith("(") or (before.endswith("(") and after.startswith(")"))


def _is_praise_reply(text: str, story: str | None, rules: Rules) -> bool:
    """The draft must call itself a thank-you for praise, and her story (when known) must read as praise.

    Requiring both stops "thank you for your kind words" from excusing a complaint from an apology.
    """
    if not _first(rules.compliment_markers, text):
        return False
    if story is None:
        return True
    return len(_matches(rules.praise_words, story)) > len(_matches(rules.complaint_words, story))


def _content_words(text: str, rules: Rules) -> dict[str, str]:
    """Meaningful words by stem, each with the first way it was written, in the order they appear."""
    words: dict[str, str] = {}
    for word in _LETTERS.findall(text.lower()):
        if word in rules.stopwords or len(word) < 3:
            continue
        stem = _stem(word)
        if stem not in rules.generic_stems:
            words.setdefault(stem, word)
    return words


def _stem(word: str) -> str:
    """Crude on purpose: it only has to make "scared" meet "scare" and "buzzers" meet "buzzer"."""
    for suffix, replacement in _SUFFIXES:
        root = word[: -len(suffix)]
        if word.endswith(suffix) and len(root) >= 3 and not word.endswith(("ss", "eed")):
            word = root + replacement
            break
    return word[:-1] if word.endswith("e") and len(word) > 3 else word


def _grade(text: str) -> float:
    return float(textstat.coleman_liau_index(text))


def _sentences(text: str) -> list[str]:
    return [sentence.strip() for sentence in _SENTENCE_BREAK.split(text) if sentence.strip()]


def _sentence_around(draft: str, position: int) -> str:
    start = max((m.end() for m in _SENTENCE_BREAK.finditer(draft, 0, position)), default=0)
    end_match = _SENTENCE_BREAK.search(draft, position)
    return " ".join(draft[start : end_match.start() if end_match else len(draft)].split())


# --- wording -----------------------------------------------------------------------------------------


def _quote(draft: str, match: re.Match[str]) -> str:
    return " ".join(draft[match.start() : match.end()].split())


def _finding(
    rules: Rules,
    rule: str,
    which: str = "message",
    quote: str = "",
    better: str | None = None,
    **values: str,
) -> Finding:
    """``better`` is a suggestion written for one particular phrase, preferred over the rule's own."""
    text = rules.texts[rule]
    fill = {"quote": quote, **values}
    return Finding(rule, _fill(text.messages[which], fill), quote, _fill(better or text.suggestion, fill))


def _fill(template: str, values: Mapping[str, str]) -> str:
    """Plain replacement rather than str.format, so a stray brace in the rules file cannot crash a check."""
    for key, value in values.items():
        template = template.replace("{" + key + "}", value)
    return template


# --- reading the rules file --------------------------------------------------------------------------


def _rule_text(name: str, section: Mapping[str, Any]) -> RuleText:
    messages = {key: _text(section, key) for key in section if key.startswith("message")}
    if "message" not in messages:
        raise ValueError(f"{_RULES_FILE}: rules.{name} needs a message")
    return RuleText(messages, _text(section, "suggestion"))


def _table(data: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    value = data.get(key)
    if not isinstance(value, dict):
        raise ValueError(f"{_RULES_FILE}: [{key}] must be a table")
    return value


def _text(data: Mapping[str, Any], key: str) -> str:
    value = data.get(key)
    if not isinstance(value, str):
        raise ValueError(f"{_RULES_FILE}: {key} must be text")
    return value


def _strings(data: Mapping[str, Any], key: str) -> tuple[str, ...]:
    value = data.get(key)
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValueError(f"{_RULES_FILE}: {key} must be a list of text")
    return tuple(value)


def _phrases(data: Mapping[str, Any], key: str) -> Phrases:
    return tuple(_compile(phrase) for phrase in _strings(data, key))


def _int(data: Mapping[str, Any], key: str) -> int:
    value = data.get(key)
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValueError(f"{_RULES_FILE}: {key} must be a whole number")
    return value


def _float(data: Mapping[str, Any], key: str) -> float:
    value = data.get(key)
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        raise ValueError(f"{_RULES_FILE}: {key} must be a number")
    return float(value)
