"""One check of one draft: the phrase layer, the sentence classifier and her story, then advice."""

from __future__ import annotations

from bot.review.reply_check._advice import advice, owns_it
from bot.review.reply_check._findings import CheckResult, Finding, Layer, finding
from bot.review.reply_check._lexical import jargon_findings, phrase_findings, says_otherwise
from bot.review.reply_check._rules import Rules, rules
from bot.review.reply_check._sentences import Model, Reading, model as trained, read
from bot.review.reply_check._story import is_praise, is_urgent, says_back
from bot.review.reply_check._text import Sentence, first, normalise, sentences
from flows.embedding import Vectors, embed

#: a sentence of this many words or fewer is a greeting or a signature: the classifier does not read it
FRAGMENT_WORDS = 3


#: what a whole reply fails to do rather than what one sentence does: a reply that says sorry and who
#: will do what is neither unowned nor generic, whatever one of its sentences sounds like
WHOLE_REPLY_RULES = ("unowned_promise", "generic")


def is_fragment(text: str) -> bool:
    """A greeting or a sign-off ("– Gemma, Neonatal Nurse Lead"): short, or every word capitalised."""
    words = [word for word in text.split() if word[0].isalpha()]
    return len(words) <= FRAGMENT_WORDS or all(word[0].isupper() for word in words)


def check(draft: str, story: str | None = None, model: Model | None = None) -> CheckResult:
    """``model`` replaces the committed classifier (train.py measures models it has just trained)."""
    loaded = rules()
    text = normalise(draft)
    reply = sentences(text)
    hers = normalise(story).strip() if story else ""
    vectors = embed([sentence.text for sentence in reply])
    blocking = [
        *_sentence_findings(text, reply, hers, loaded, model or trained(), vectors),
        *_story_findings(text, hers, loaded),
    ]
    praise = bool(hers) and is_praise(hers, loaded)
    if praise and len(reply) <= loaded.limits.short_thanks_sentences:
        return CheckResult(tuple(blocking))
    acknowledged = not hers or says_back(vectors, hers, loaded)
    return CheckResult((*blocking, *advice(draft, reply, loaded, acknowledged, praise)))


def _sentence_findings(
    text: str, reply: list[Sentence], story: str, loaded: Rules, model: Model, vectors: Vectors
) -> list[Finding]:
    """Precise phrases first (they quote the exact words); the classifier reads what the rest do."""
    found: list[Finding] = []
    readings = read(vectors, model)
    owned = owns_it(reply, loaded)
    ok_below = model.ok_below_owned if owned else model.ok_below
    for sentence, reading in zip(reply, readings, strict=True):
        here = [*phrase_findings(sentence, story, loaded), *jargon_findings(sentence, text, story, loaded)]
        whole_reply = owned and reading.label in WHOLE_REPLY_RULES
        if (
            not here
            and not whole_reply
            and _classifier_reads(sentence, reading, loaded)
            and reading.ok < ok_below
        ):
            here = [finding(reading.label, loaded.wording(reading.label), Layer.SENTENCE, sentence.text)]
        found.extend(here)
    return found


def _classifier_reads(sentence: Sentence, reading: Reading, loaded: Rules) -> bool:
    """Not a greeting or sign-off, not a sentence that says the opposite of a trigger word, and not clinical
    language the writer explained in brackets."""
    explained = reading.label == "jargon" and "(" in sentence.text
    return not is_fragment(sentence.text) and not says_otherwise(sentence, loaded) and not explained


def _story_findings(text: str, story: str, loaded: Rules) -> list[Finding]:
    """A reply to a story that needs help now must say where to get it, whatever else it says."""
    if story and is_urgent(story) and not first(loaded.urgent.phrases, text):
        return [finding("urgent", loaded.urgent.wording, Layer.STORY)]
    return []
