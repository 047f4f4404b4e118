"""The phrase layer: precise defensive wordings and unexplained jargon, each quoted exactly as written."""

from __future__ import annotations

import re

from bot.privacy.anonymise import everyday_english
from bot.review.reply_check._findings import Finding, Layer, finding
from bot.review.reply_check._rules import Rules
from bot.review.reply_check._text import Sentence, first, matches, quote

# Two or more capitals (digits and & allowed after the first letter), or a spine level such as "L3/4".
_CAPITALS = re.compile(r"(?<![\w&])(?:[A-Z][A-Z0-9&]{1,5}s?|L\d/\d|\d\d/40)(?![\w&])")


def says_otherwise(sentence: Sentence, rules: Rules) -> bool:
    """The sentence uses a trigger word and says the opposite ("you don't need to make a formal complaint"):
    written on purpose, so the sentence classifier does not get to call it defensive either."""
    return any(
        matches(rule.phrases, sentence.text) and first(rule.unless, sentence.text) for rule in rules.blocking
    )


def phrase_findings(sentence: Sentence, story: str, rules: Rules, after: str = "") -> list[Finding]:
    """At most one finding per rule per sentence: "busy" twice in one sentence is one thing to change.
    ``after`` is the reply's next sentence, which may say that the rule this one cites was broken."""
    found: list[Finding] = []
    for rule in rules.blocking:
        hits = [
            hit
            for hit in matches(rule.phrases, sentence.text)
            if not _quoted(sentence.text, hit)
            and not _hers(hit.group(0), story)
            and not (rule.held_to and held_to(sentence.text, hit, after))
        ]
        if hits and not first(rule.unless, sentence.text):
            found.append(finding(rule.name, rule.wording, Layer.PHRASE, _quote(sentence, hits[0])))
    return found


#: a clause that says the rule was broken, pointing back at it: "…, and that did not happen", "They
#: weren't followed.", "It wasn't." (a verb of keeping, or the clause ends); not "it wasn't possible".
#: Texting spellings and a person too since round 26 ("…before u went home and he didnt")
_BROKEN = re.compile(
    r"\b(?:that|this|it|they|he|she|which|none\s+of\s+(?:this|that|it|them))\s+"
    r"(?:did\s*n[o'\u2019]?t|was\s*n[o'\u2019]?t|were\s*n[o'\u2019]?t|never)"
    r"(?:\s+(?:happen(?:ed)?|followed|done|kept|met|applied|offered|given|booked|used|called|explained)\b"
    r"|\s*(?:[.,;:!?]|$))",
    re.IGNORECASE,
)
#: the next sentence opens by saying so: "That didn't happen for you.", "But none of this was done."
_BROKEN_NEXT = re.compile(r"^\W*(?:(?:but|and|sadly|yet)\b,?\s*)?" + _BROKEN.pattern, re.IGNORECASE)
#: a rule denied: "No procedure, and no amount of hurry, makes it right", "there is no policy or procedure
#: that requires you to …"; not "there is no policy that allows partners to stay", which excuses
_NO_RULE = re.compile(
    r"\bno\s+(?:policy|procedure|protocol|guideline|rule)s?\b[^.;:]{0,40}?"
    r"\b(?:says|said|requires|required|makes|made|means|meant|justifies|justified|excuses|excused)\b",
    re.IGNORECASE,
)
#: a rule that is no more: "Our policy used to say partners had to leave at 9pm."
_USED_TO = re.compile(r"\b(?:policy|procedure|protocol|guidelines?|rules?)\s+used\s+to\b", re.IGNORECASE)


def held_to(text: str, hit: re.Match[str], after: str) -> bool:
    """The sentence cites a rule to hold the service to it: the rule is denied, is no more, or the same
    sentence (after the words found) or the next one says it was broken. Shape, not meaning: the classifier
    still reads the sentence."""
    return (
        _BROKEN.search(text, hit.end()) is not None
        or _BROKEN_NEXT.match(after) is not None
        or _NO_RULE.search(text) is not None
        or _USED_TO.search(text) is not None
    )


def _quoted(text: str, hit: re.Match[str]) -> bool:
    """Inside quotation marks, or straight after "told" or "said" (``_REPORTED``): her words, or words
    said to her, being said back."""
    before = text[: hit.start()]
    double = before.count('"') % 2 == 1 or before.count("\u201c") > before.count("\u201d")
    single = re.search(r"(?:^|[\s(])'[^']*$", before) is not None
    return double or single or _REPORTED.search(text, 0, hit.start()) is not None


#: "told" or "said", with "that" after it, just before the words: "you were told you should have rung 111",
#: "they said you refused". Not when we are the ones telling her ("we told you that you should have …"),
#: nor what our records say ("Our records say you failed to attend" disputes her account)
_REPORTED = re.compile(r"(?<!\bwe )(?<!\bi )\b(?:told|said)(?:\s+that)?\s+$", re.IGNORECASE)


#: her words as a reply says them back to her: "i" becomes "you", "my" "your"
_SECOND_TO_FIRST = {"you": r"(?:i|me)", "your": r"my", "you're": r"i'm", "yours": r"mine", "you've": r"i've"}


def _said_back(words: str, story: str) -> bool:
    """Her own words said back to her in the second person, in any tense: she wrote "if i refuse they cant
    help me", the reply "you were told that if you refused, we could not help you"."""
    if not any(word.lower() in _SECOND_TO_FIRST for word in words.split()):
        return False
    stems = [
        _SECOND_TO_FIRST.get(word.lower()) or re.escape(word[: max(4, len(word) - 2)]) + r"\w*"
        for word in words.split()
    ]
    return re.search(r"(?<!\w)" + r"\s+".join(stems) + r"(?!\w)", story, re.IGNORECASE) is not None


def jargon_findings(sentence: Sentence, draft: str, story: str, rules: Rules) -> list[Finding]:
    """A term is fine when a bracket explains it anywhere in the draft, or when she used it in her story."""
    found: list[Finding] = []
    seen: set[str] = set()
    for term in rules.jargon_terms:
        for use in term.phrase.pattern.finditer(sentence.text):
            word = use.group(0)
            if (
                word.lower() not in seen
                and not _explained_in(draft, term.phrase.pattern)
                and not _hers(word, story)
            ):
                seen.add(word.lower())
                found.append(finding("jargon", rules.jargon, Layer.PHRASE, word, plain=term.plain))
    for use in _CAPITALS.finditer(sentence.text):
        word = use.group(0)
        listed = any(term.phrase.pattern.fullmatch(word) for term in rules.jargon_terms)
        same = re.compile(rf"(?<![\w&]){re.escape(word)}(?![\w&])")
        if (
            word.rstrip("s") not in rules.everyday_capitals
            and not everyday_english(word)  # "It does NOT mean your baby is deaf": emphasis
            and word.lower() not in seen
            and not listed
            and not _explained_in(draft, same)
            and not _hers(word, story)
            and not _inside_brackets(sentence.text, use)
        ):
            seen.add(word.lower())
            found.append(finding("jargon", rules.jargon, Layer.PHRASE, word, plain="the plain words"))
    return found


def _explained_in(draft: str, term: re.Pattern[str]) -> bool:
    """Explained once, in brackets ("CTG (a monitor …)" or "a monitor … (CTG)") or in words ("a PPH, which
    means heavy bleeding"): later uses are fine too."""
    return any(_explained(draft, use) for use in term.finditer(draft))


def _quote(sentence: Sentence, match: re.Match[str]) -> str:
    return quote(sentence.text, match.start(), match.end())


#: the words after a term that explain it in place of a bracket ("a postpartum haemorrhage, which means …")
#: or a colon and the plain words, at least three of them in lower case ("a postpartum haemorrhage: very heavy
#: bleeding after birth"; round 26), not a note's "CTG: normal"
_EXPLAINS = re.compile(
    r",?\s*(?:which|that) means\b|,?\s*meaning\b|,?\s*(?:that is|i\.e\.),|:\s*(?-i:[a-z]+(?:\s+[a-z]+){2})",
    re.IGNORECASE,
)


#: a bracket that opens with the term and glosses it after a comma, naming the plain words before it:
#: "breaking the waters (an 'ARM', artificial rupture of membranes)"
_GLOSS_BEFORE = re.compile(r"\(\s*(?:(?:an?|the)\s+)?['\"\u2018\u201c]?$", re.IGNORECASE)
_GLOSS_AFTER = re.compile(r"['\"\u2019\u201d]?\s*,\s*[^()]+\)")


def _explained(text: str, use: re.Match[str]) -> bool:
    after = text[use.end() :].lstrip()
    before = text[: use.start()].rstrip()
    bracket = after.startswith("(") or (before.endswith("(") and after.startswith(")"))
    glossed = _GLOSS_BEFORE.search(text, 0, use.start()) and _GLOSS_AFTER.match(text, use.end())
    return bracket or bool(glossed) or _EXPLAINS.match(text, use.end()) is not None


def _inside_brackets(text: str, use: re.Match[str]) -> bool:
    """A placeholder such as [NAME] or [STAFF NAME] is not jargon."""
    return text.rfind("[", 0, use.start()) > text.rfind("]", 0, use.start())


def _hers(words: str, story: str) -> bool:
    """Her words, as she wrote them or said back to her as "you"."""
    if not story:
        return False
    written = re.search(rf"(?<!\w){re.escape(words)}(?!\w)", story, re.IGNORECASE) is not None
    return written or _said_back(words, story)
