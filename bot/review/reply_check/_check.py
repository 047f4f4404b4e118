"""One check of one draft: the phrase layer, the sentence classifier and her story, then advice.

A sentence is judged in the context of its reply: how sure the classifier must be before it blocks depends
on whether the reply already says sorry and what will happen (``Owning``), read by meaning. A weaker
reading in a reply that owns what happened is a doubt: advice, unless the reply read whole reads as
defensive (``_whole``, round 23).
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import replace
from typing import Literal

import numpy as np
import numpy.typing as npt

from bot.review.reply_check._advice import advice, reports_change
from bot.review.reply_check._findings import CheckResult, Finding, Layer, finding
from bot.review.reply_check._lexical import jargon_findings, phrase_findings, says_otherwise
from bot.review.reply_check._rules import Rules, rules
from bot.review.reply_check._sentences import (
    OWNING_HEADS,
    Model,
    Owned,
    Owning,
    Reading,
    model as trained,
    read,
)
from bot.review.reply_check._story import PraiseReader, Urgency, is_praise, praise_reader, says_back, urgency
from bot.review.reply_check._text import Sentence, first, normalise, sentences
from bot.review.reply_check._whole import WholeReader, convicted, outweighed, vetoable, whole_reader
from flows.embedding import DIMENSIONS, Vectors, embed

#: a sentence of this many words or fewer is a greeting or a signature: the classifier does not read it
FRAGMENT_WORDS = 3


#: what a whole reply fails to do rather than what one sentence does: a reply that says sorry and who
#: will do what is neither unowned nor generic, whatever one of its sentences sounds like
WHOLE_REPLY_RULES = ("unowned_promise", "generic")

#: a sentence that opens by turning against what came before ("I am sorry. However, the ward was full.")
#: takes back the apology before it: it is read as if the reply owned what happened only in part, and as if
#: it stood alone
_TURN_WORDS = r"but|unfortunately|although|though|that said|nevertheless|nonetheless"
TURNS = re.compile(rf"^(?:however,|(?:{_TURN_WORDS}|having said that|even so|sadly)\b)", re.IGNORECASE)

#: a turn anywhere in a sentence ("I am so sorry, but there were two emergencies") takes back what it owns:
#: such a sentence never overrules the phrase in it
TURNS_WITHIN = re.compile(rf"\b(?:however|{_TURN_WORDS})\b", re.IGNORECASE)

#: "I am sorry the midwife did not listen": sorry for what happened, said plainly, and not followed by a
#: turn. The embedding reads it too close to "I am sorry you felt the midwife did not listen" (the heads gave
#: such sentences 0.05 for an apology, and the classifier called them "sorry you feel"), so its shape decides:
#: a plain apology is never "sorry you feel" and always says sorry. Her feelings, "if" and "any" stay with
#: the phrase layer, which blocks them whatever the shape. A sentence may open with it, as a short reply does
#: ("Sorry - I'll share this with the team."): the heads read those as owning nothing.
PLAIN_APOLOGY = re.compile(
    r"(?:^|\b(?:i am|i'm|im|we are|we're|i was|i really am|we really are)\s+)"
    r"(?:(?:so|very|really|truly|deeply|genuinely|sincerely|extremely|terribly)\s+)*sorry\b"
    r"(?:\s*[-\u2013\u2014,:.!]+)?(?:\s+(?:that|for|about))?\s+"
    r"(?!(?:that\s+)?(?:you|u)\s+(?:feel|felt|are\s+feeling|were\s+feeling|think|thought|perceive|perceived|"
    r"see|saw|were\s+upset|are\s+upset|were\s+unhappy|are\s+unhappy|were\s+disappointed|are\s+disappointed)\b"
    r"|if\b|(?:(?:for|about)\s+)?(?:any|the\s+inconvenience)\b|how\s+you\s+feel\b)\w",
    re.IGNORECASE,
)

#: the same plain apology in the other languages replies are written in, which the heads read as owning
#: nothing (round 9: Romanian, Portuguese, Spanish, Polish; round 17: Roman Urdu "hum maazrat chahte hain",
#: which the heads trained on eight hands read 0.33). Never sorry for her feelings ("…că vă simțiți",
#: "…que se sinta", "…że Pani się czuje", "…ke aap ko aisa mehsoos hua"), never "if", "but" or "any"
#: (inconvenience, upset).
OTHER_APOLOGY = re.compile(
    r"\b(?:(?:ne|îmi|imi)\s+pare\s+(?:(?:foarte|sincer)\s+)?r[ăa]u|pedimos\s+(?:sinceras\s+)?desculpas?|"
    r"lamentamos(?:\s+muito)?|lo\s+sentimos(?:\s+mucho)?|pedimos\s+disculpas|przepraszam(?:y)?|"
    r"(?:maazrat|maafi|muafi)\s+(?:chahte|chahta|chahti|mangte|mangta|mangti))\b"
    r"(?![\s,]+(?:(?:hain|hoon|hun|hai)[\s,]+)?(?:(?:c[ăa]|que|że|ze)\s+(?:v[ăa]\s+|se\s+|pani\s+|się\s+)*(?:sim[țt]|sint|sient|czu)\w*|"
    r"dac[ăa]|se|si|jeśli|jesli|dar|mas|pero|ale|pentru\s+orice|por\s+qualquer|por\s+cualquier|"
    r"za\s+wszelkie|agar|lekin|magar|par|ke\s+(?:aap|ap)\s+(?:ko\s+)?(?:aisa\s+|yeh\s+|ye\s+)?(?:mehsoos|laga|lagta))\b)",
    re.IGNORECASE,
)

#: "we should have listened to you": a failure owned by what we should have done (round 7). The heads read
#: "we should have listened" and "we should have been told by you" alike (0.08 and 0.90 for an apology), so
#: its shape decides, as for ``PLAIN_APOLOGY``: we, I or a colleague should have done something, not been
#: told or sent something, and nothing after it turns against it ("…, but the ward was full").
ADMITS = re.compile(
    r"\b(?:we|i|someone|somebody|a midwife|the midwife|a doctor|the doctor|the team|staff)\s+"
    r"(?:should|ought to)\s+(?:have|of|'ve)\s+"
    r"(?!been\s+(?:told|given|sent|informed|made\s+aware|warned|asked)\b)\w",
    re.IGNORECASE,
)

#: the owning heads that read whether a sentence owns what happened (the others read what else it does)
APOLOGY, NEXT_STEP = OWNING_HEADS.index("apology"), OWNING_HEADS.index("next_step")
OWNS_WHAT_HAPPENED = [APOLOGY, NEXT_STEP]
#: a sentence that sends her to urgent help now ("If your baby is floppy, call 999.") is never defensive,
#: however firm it sounds: the classifier does not read it (round 6)
HELP_NOW = OWNING_HEADS.index("help_now")

#: sentences embedded recently: the check runs while staff type, and each keystroke changes one sentence
SENTENCE_CACHE = 4096
_vectors: OrderedDict[str, Vectors] = OrderedDict()
_vectors_lock = threading.Lock()


def embed_sentences(texts: Sequence[str]) -> Vectors:
    """Embed each sentence once per process: a re-check while typing embeds only the sentence that changed."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    with _vectors_lock:
        known = {text: _vectors[text] for text in texts if text in _vectors}
        for text in known:
            _vectors.move_to_end(text)
    missing = [text for text in dict.fromkeys(texts) if text not in known]
    if missing:
        new = dict(zip(missing, embed(missing), strict=True))
        known.update(new)
        with _vectors_lock:
            _vectors.update(new)
            while len(_vectors) > SENTENCE_CACHE:
                _vectors.popitem(last=False)
    return np.stack([known[text] for text in texts])


#: small words a role title keeps in lower case ("Claire, Head of Midwifery", "Lead for the Birth Centre")
TITLE_JOINERS = frozenset({"of", "the", "and", "for", "at", "in", "on", "to", "&"})


def is_fragment(text: str) -> bool:
    """A greeting or a sign-off ("\u2013 Gemma, Neonatal Nurse Lead", "Claire, Head of Midwifery"): short, or
    titled."""
    return len(_words(text)) <= FRAGMENT_WORDS or _titled(text)


def _words(text: str) -> list[str]:
    return [word for word in text.split() if word[0].isalpha() or word == "&"]


def _titled(text: str) -> bool:
    """Every word capitalised but the small words of a title, as a name and a role are written."""
    words = _words(text)
    return all(word[0].isupper() or word.casefold() in TITLE_JOINERS for word in words) and any(
        word[0].isupper() for word in words
    )


def check(
    draft: str,
    story: str | None = None,
    model: Model | None = None,
    with_rules: Rules | None = None,
    whole: WholeReader | None = None,
    praised: PraiseReader | None = None,
) -> CheckResult:
    """``model`` replaces the committed classifier, ``with_rules`` the rules file and ``whole`` the
    whole-reply reader (train.py and train_whole.py measure models they have just trained, and the checker
    without the phrase lists written on the tuning half); ``praised`` the praise reader likewise."""
    loaded = with_rules or rules()
    text = normalise(draft)
    reply = sentences(text)
    hers = normalise(story).strip() if story else ""
    vectors = embed_sentences([sentence.text for sentence in reply])
    classifier = model or trained()
    # her story read whole by meaning; without it, the reply's own words are the best evidence of praise
    praise = is_praise(hers or text, loaded) or bool(hers and (praised or praise_reader()).praises(hers))
    needs = urgency(hers, classifier, loaded) if hers else Urgency.NONE
    urgent = needs is Urgency.NOW
    heads = classifier.owns(vectors)  # per sentence: says sorry, says who will do what, sends her to help
    helps = points_to_help(reply, heads, loaded)
    owned = owned_by(reply, heads, loaded)
    # a reply that puts her safety first owes no apology before it, as a reply to praise owes none
    owns = owned.level(praise or (urgent and helps))
    read_here = _sentence_findings(
        text, reply, hers, loaded, classifier, vectors, heads, owns, needs is not Urgency.NONE
    )
    short_thanks = praise and len(reply) <= loaded.limits.short_thanks_sentences
    # the story's finding blocks when she needs help now, and is advice when she only may; a short thank-you
    # for praise passes untouched, so its doubts are not weighed
    found, doubts = weighed_whole(
        text,
        [*read_here[0], *_story_findings(needs, helps, loaded)],
        [] if short_thanks else read_here[1],
        classifier,
        whole,
    )
    if short_thanks:
        return CheckResult(tuple(found))
    acknowledged = not hers or says_back(vectors, hers, loaded)
    found_advice = advice(draft, reply, loaded, acknowledged, praise, owned)
    return CheckResult((*found, *doubts, *found_advice))


def weighed_whole(
    text: str,
    found: list[Finding],
    doubts: list[Finding],
    classifier: Model,
    whole: WholeReader | None = None,
) -> tuple[list[Finding], list[Finding]]:
    """A third layer, the reply read whole (``_whole``), weighs the classifier's readings: it outweighs a
    doubtful blocking one in a reply it reads as plainly good, and convicts a doubt in a reply it reads as
    defensive. The whole draft is embedded only when there is something to weigh."""
    if not doubts and not any(vetoable(found_here) for found_here in found):
        return found, doubts
    reader = whole or whole_reader()
    good = reader.good(embed_sentences([text])[0])

    def fine(quote: str) -> float:
        return read(embed_sentences([quote]), classifier)[0].ok

    return outweighed(found, reader, good, fine), convicted(doubts, reader, good)


#: a sentence that tells her to do something: "call …", "please go …", "if it gets worse, ring …", "you
#: should come …". A listed help word without it is not sending her anywhere ("Demand on our triage service
#: was high that day" is an excuse, and "today" or "straight away" are in many promises)
DIRECTS_HER = re.compile(
    r"(?:^|[,;:\u2013\u2014-]\s*|\b(?:please|pls|then|and|or|(?:you|u)\s+(?:should|must|need\s+to|can|could)"
    r")\s+)(?:call|ring|phone|go|come|dial|contact|text|get|head|seek|attend|speak)\b",
    re.IGNORECASE,
)


def sends_to_help(
    sentence: Sentence, heads: npt.NDArray[np.bool_], loaded: Rules, urgent_story: bool
) -> bool:
    """This sentence sends her to urgent help now, so the classifier does not read it: the ``help_now``
    head reads it so, or it has a listed phrase and the story may be urgent, or the phrase is a number to
    ring ("999"), or the sentence tells her to do something (``DIRECTS_HER``). In a reply to a story that
    needs no help, "triage" or "straight away" alone is not sending her anywhere."""
    listed = first(loaded.urgent.phrases, sentence.text)
    if listed is None or bool(heads[HELP_NOW]):
        return bool(heads[HELP_NOW])
    number = any(character.isdigit() for character in listed.group(0))
    return urgent_story or number or DIRECTS_HER.search(sentence.text) is not None


def points_to_help(reply: list[Sentence], owns: npt.NDArray[np.bool_], loaded: Rules) -> bool:
    """The reply tells her where to get help now: a listed phrase ("999", "triage"), or a sentence the
    "help_now" head reads as sending her to urgent help in other words ("go to hospital now"). Not in its
    sign-off (round 24): "[STAFF NAME], Triage Lead Midwife" says who wrote, not where to go, unless it
    gives a number to ring."""
    body = [not signs_off(sentence.text) for sentence in reply]
    listed = any(
        first(loaded.urgent.phrases, sentence.text) is not None
        for sentence, read in zip(reply, body, strict=True)
        if read
    )
    return listed or bool((owns[:, HELP_NOW] & np.array(body, dtype=bool)).any())


def signs_off(text: str) -> bool:
    """A sign-off or a title line ("[STAFF NAME], Triage Coordinator", "Gemma, Head of Midwifery"), titled
    and with no number in it."""
    return _titled(text) and not any(character.isdigit() for character in text)


def owned_by(reply: list[Sentence], owns: npt.NDArray[np.bool_], loaded: Rules) -> Owned:
    """What the reply owns, read by meaning (``owns``: ``Model.owns`` of its sentences); a change made
    because of her story (``changes`` in the rules file) is a next step too, since the classifier does not
    read those sentences."""
    # a sentence that turns within itself ("she did arrange an interpreter, but the line kept dropping")
    # takes back what the heads read in it
    kept = np.array([TURNS_WITHIN.search(item.text) is None for item in reply], dtype=bool)
    sorry = bool((owns[:, APOLOGY] & kept).any()) or any(owns_failure(item) for item in reply)
    step = bool((owns[:, NEXT_STEP] & kept).any())
    return Owned(sorry, step or any(reports_change(sentence, loaded) for sentence in reply))


def _sentence_findings(
    text: str,
    reply: list[Sentence],
    story: str,
    loaded: Rules,
    model: Model,
    vectors: Vectors,
    heads: npt.NDArray[np.bool_],
    owns: Owning,
    urgent_story: bool,
) -> tuple[list[Finding], list[Finding]]:
    """Blocking findings and advice. Precise phrases first (they quote the exact words), unless the meaning
    layers both read their sentence as fine (``overruled``); the classifier reads what the rest do, as
    strictly as the rest of the reply calls for: how much it owns what happened, and how many sentences it
    has that could outweigh one doubtful reading."""
    found: list[Finding] = []
    doubts: list[Finding] = []
    readings = read(vectors, model)
    counted = [
        _classifier_reads(sentence, reading, loaded)
        and not (owns is Owning.FULLY and reading.label in WHOLE_REPLY_RULES)
        for sentence, reading in zip(reply, readings, strict=True)
    ]
    count = sum(counted)
    # a sentence that sends her to help still outweighs a doubtful one; it is only never read as defensive
    read_here = [
        reads and not sends_to_help(sentence, heads_here, loaded, urgent_story)
        for sentence, reads, heads_here in zip(reply, counted, heads, strict=True)
    ]
    # whether the next sentence takes this one back ("… But you should have been told.")
    taken_back = [
        index + 1 < len(reply) and takes_back(reply[index + 1], heads[index + 1])
        for index in range(len(reply))
    ]
    # the sentence after each: it may say that a rule this one cites was broken
    following = [reply[index + 1].text if index + 1 < len(reply) else "" for index in range(len(reply))]
    for sentence, reading, reads, heads_here, owned_after, after in zip(
        reply, readings, read_here, heads, taken_back, following, strict=True
    ):
        phrases = phrase_findings(sentence, story, loaded, after)
        if overruled(sentence, reading, bool(heads_here[OWNS_WHAT_HAPPENED].any()), loaded):
            phrases = [found_here for found_here in phrases if _flagged(found_here, loaded, "absolute")]
        elif plainly_fine(sentence, reading, loaded):
            # the owning heads do not read it as owning: the reply read whole may stand in for them (round 28)
            phrases = [weighable(found_here, sentence, loaded) for found_here in phrases]
        here = [*phrases, *jargon_findings(sentence, text, story, loaded)]
        found.extend(here)
        if here or not reads:
            continue
        turns = owns is Owning.FULLY and TURNS.match(sentence.text) is not None and not admits(sentence)
        # a sentence that turns against the apology takes the rest of the reply back: nothing outweighs it
        blocks = reading.ok < (model.threshold(Owning.PARTLY) if turns else model.threshold(owns, count))
        if blocks and not owned_after:
            found.append(finding(reading.label, loaded.wording(reading.label), Layer.SENTENCE, sentence.text))
        elif reading.ok < model.advise_below:
            doubts.append(finding(reading.label, loaded.wording(reading.label), Layer.DOUBT, sentence.text))
    return found, doubts


def takes_back(sentence: Sentence, heads: npt.NDArray[np.bool_]) -> bool:
    """The sentence turns against the one before it and owns what happened ("Emergencies do come first in
    theatre. But you should have been told each time."): the reply has taken back its explanation itself,
    so the sentence classifier's reading of that explanation is advice, never a block. The mirror of
    ``TURNS`` (an apology taken back by "However, …"); a listed phrase in the explanation still blocks."""
    owns = bool(heads[OWNS_WHAT_HAPPENED].any()) or owns_failure(sentence)
    return owns and TURNS.match(sentence.text) is not None


def overruled(sentence: Sentence, reading: Reading, owning: bool, loaded: Rules) -> bool:
    """Two layers agree before a listed phrase blocks: a sentence the classifier reads as plainly fine and
    the owning heads read as saying sorry or what will happen ("We changed our policy because of you") is
    not made defensive by the phrase in it, unless its rule is ``absolute`` or the sentence turns against
    what it owns ("sorry, but …")."""
    return owning and plainly_fine(sentence, reading, loaded)


def plainly_fine(sentence: Sentence, reading: Reading, loaded: Rules) -> bool:
    """The classifier reads the sentence as fine at ``phrase_overruled_above`` or more, and it does not turn
    against itself ("sorry, but …")."""
    return reading.ok >= loaded.limits.phrase_overruled_above and TURNS_WITHIN.search(sentence.text) is None


def weighable(found: Finding, sentence: Sentence, loaded: Rules) -> Finding:
    """A listed phrase of a ``weighed`` rule, in a sentence the classifier reads as plainly fine, carries
    its sentence: the whole-reply reader may outweigh it (``_whole.vetoable``)."""
    return replace(found, sentence=sentence.text) if _flagged(found, loaded, "weighed") else found


def _flagged(found: Finding, loaded: Rules, flag: Literal["absolute", "weighed"]) -> bool:
    """The finding's rule is a listed-phrase rule with that flag set in the rules file."""
    rule = loaded.phrase_rule(found.rule)
    return rule is not None and bool(getattr(rule, flag))


def plainly_sorry(sentence: Sentence) -> bool:
    """Sorry for what happened, plainly (``PLAIN_APOLOGY``, ``OTHER_APOLOGY``), with no turn against it in
    the sentence."""
    shaped = PLAIN_APOLOGY.search(sentence.text) or OTHER_APOLOGY.search(sentence.text)
    return shaped is not None and TURNS_WITHIN.search(sentence.text) is None


def admits(sentence: Sentence) -> bool:
    """What we should have done, owned (``ADMITS``), with no turn against it after it in the sentence."""
    found = ADMITS.search(sentence.text)
    return found is not None and TURNS_WITHIN.search(sentence.text, found.end()) is None


def owns_failure(sentence: Sentence) -> bool:
    """Says sorry for what happened by its shape: a plain apology, or what we should have done."""
    return plainly_sorry(sentence) or admits(sentence)


def _classifier_reads(sentence: Sentence, reading: Reading, loaded: Rules) -> bool:
    """Not a greeting or sign-off, not a sentence that says the opposite of a trigger word, not clinical
    language the writer explained in brackets, and not a change made because of her story."""
    explained = reading.label == "jargon" and "(" in sentence.text
    return not (
        (reading.label == "sorry_you_feel" and plainly_sorry(sentence))
        or is_fragment(sentence.text)
        or says_otherwise(sentence, loaded)
        or explained
        or reports_change(sentence, loaded)
    )


def _story_findings(needs: Urgency, helps: bool, loaded: Rules) -> list[Finding]:
    """A reply to a story that needs help now must say where to get it, whatever else it says; to a story
    that only may need it, saying where is advice."""
    if helps or needs is Urgency.NONE:
        return []
    if needs is Urgency.NOW:
        return [finding("urgent", loaded.urgent.wording, Layer.STORY)]
    return [finding("safety", loaded.advice["safety"], Layer.ADVICE)]
