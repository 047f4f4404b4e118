"""Each layer of the checker in both directions: what blocks a defensive reply, and what a good one keeps."""

from __future__ import annotations

import numpy as np
import pytest

from bot.review.reply_check import Finding, Layer, check_reply
from bot.review.reply_check._advice import reports_change
from bot.review.reply_check._check import (
    admits,
    embed_sentences,
    overruled,
    owned_by,
    owns_failure,
    sends_to_help,
)
from bot.review.reply_check._lexical import jargon_findings, phrase_findings
from bot.review.reply_check._rules import rules
from bot.review.reply_check._sentences import OWNING_HEADS, Owned, Owning, Reading, model
from bot.review.reply_check._text import Sentence, normalise, sentences

STORY = (
    "The night after my son was born I pressed the buzzer again and again and nobody came. "
    "I was on the ward on my own and in so much pain."
)
THANKS = "Thank you for telling us about the night on the ward when nobody came."
SORRY = "I am so sorry that happened."
NEXT = "I will talk to the ward team this week and write back to you by Friday."
TALK = "If you would like to talk, reply here or call me."
GOOD = f"{THANKS} {SORRY} {NEXT} {TALK}"


def with_sentence(sentence: str) -> str:
    return f"{THANKS} {SORRY} {sentence} {NEXT} {TALK}"


def blocking(draft: str, story: str | None = STORY) -> list[Finding]:
    return list(check_reply(draft, story).blocking)


def advice(draft: str, story: str | None = STORY) -> set[str]:
    return {finding.rule for finding in check_reply(draft, story).advice}


def test_a_warm_reply_that_names_what_happened_passes_with_nothing_to_add() -> None:
    result = check_reply(GOOD, STORY)

    assert result.ok
    assert result.findings == ()


# --- advice: never blocks -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("draft", "missing"),
    [
        (f"{THANKS} {NEXT} {TALK}", "apology"),
        (f"{THANKS} {SORRY} {TALK}", "next_steps"),
        (f"{THANKS} {SORRY} {NEXT}", "talk_further"),
        (f"{SORRY} {NEXT} {TALK}", None),
    ],
)
def test_a_missing_element_is_advice_and_never_blocks(draft: str, missing: str | None) -> None:
    result = check_reply(draft, STORY)

    assert result.ok
    if missing:
        [found] = [finding for finding in result.advice if finding.rule == missing]
        assert not found.blocking and found.layer is Layer.ADVICE
        assert "e.g." in found.suggestion


def test_saying_back_what_happened_in_other_words_counts_as_acknowledging_it() -> None:
    paraphrase = (
        "Thank you for writing. You were left by yourself when you needed help, hurting, with your newborn. "
        f"{SORRY} {NEXT} {TALK}"
    )
    elsewhere = f"Thank you for writing. {SORRY} {NEXT} {TALK}"

    assert "acknowledge" not in advice(paraphrase)
    assert "acknowledge" in advice(elsewhere)
    assert check_reply(elsewhere, STORY).ok


def test_a_short_thank_you_for_praise_passes_untouched() -> None:
    praise = "The midwives on Ward 5 were amazing, so kind and calm. Thank you to Jo especially."

    result = check_reply("Thank you so much! I've passed your lovely words on to Jo and the team.", praise)

    assert result.findings == ()


@pytest.mark.parametrize(
    ("draft", "owns"),
    [
        (
            "That was our failure, not yours. Sam, our bereavement midwife, will ring you tomorrow morning.",
            (1, 1),
        ),
        ("You deserved far better than that night. Dr Shah would like to meet you next week.", (1, 1)),
        ("im so sorry no one came. ive told the manager today and she'll ring u", (1, 1)),
        ("I am sorry you feel the midwives did not listen. Your feedback will be passed on.", (0, 0)),
        ("We apologise for any distress caused. Lessons will be learned.", (0, 0)),
    ],
)
def test_saying_sorry_and_who_will_do_what_are_read_by_meaning_not_words(
    draft: str, owns: tuple[int, int]
) -> None:
    """Good replies own what happened in words nobody listed; "sorry you feel" owns nothing."""
    reply = sentences(normalise(draft))

    owned = owned_by(reply, model().owns(embed_sentences([sentence.text for sentence in reply])), rules())

    assert (owned.sorry, owned.step) == tuple(map(bool, owns))


def test_kind_words_in_the_reply_do_not_excuse_a_complaint_from_an_apology() -> None:
    assert "apology" in advice("Thank you for your kind words about the ward at night. We have shared them.")


def test_an_empty_draft_is_not_blocked_but_told_what_a_reply_needs() -> None:
    result = check_reply("", STORY)

    assert result.ok
    assert {"acknowledge", "apology", "next_steps", "talk_further"} <= advice("", STORY)


def test_a_hard_to_read_or_very_long_reply_gets_advice_not_a_block() -> None:
    hard = (
        "Your documented dissatisfaction regarding communication necessitates comprehensive "
        "multidisciplinary evaluation and organisational consideration."
    )
    long = GOOD + " I will keep you updated." * 60

    assert "readability" in advice(with_sentence(hard))
    assert "length" in advice(long)
    assert check_reply(long, STORY).ok


# --- blocking: precise phrases, quoted exactly ---------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "rule", "quote"),
    [
        ("Visiting ends at 8pm in line with our visiting policy.", "policy", "in line with"),
        ("I am sorry you feel the midwives did not listen.", "sorry_you_feel", "sorry you feel"),
        ("We apologise for any inconvenience caused.", "sorry_you_feel", "apologise for any"),
        ("If you had told the midwife, she could have helped.", "blame", "If you had"),
        ("You didn’t tell us about the pain.", "blame", "You didn't tell"),
        ("Our records show you were seen within the hour.", "disputing", "Our records show"),
        ("The ward was very busy that night.", "staff_busy", "very busy"),
        ("You may wish to make a formal complaint.", "process", "make a formal complaint"),
        ("Rest assured, the doctor always explains things.", "patronising", "Rest assured"),
        ("Lessons will be learned.", "unowned_promise", "Lessons will be learned"),
        ("We value all feedback, both positive and negative.", "generic", "We value all feedback"),
        ("Catering is provided by an external contractor.", "deflection", "external contractor"),
    ],
)
def test_a_defensive_wording_blocks_and_is_quoted(sentence: str, rule: str, quote: str) -> None:
    [found] = blocking(with_sentence(sentence))

    assert (found.rule, found.quote, found.layer) == (rule, quote, Layer.PHRASE)
    assert quote in found.message and found.suggestion


@pytest.mark.parametrize(
    "sentence",
    [
        "No matter how busy that night was, someone should have come to you.",
        "However urgent things were, someone should have told you what was happening.",
        "You don't need to make a formal complaint for us to act on this.",
        "I have put a note on your record so an interpreter is booked every time.",
        "You should have been listened to.",
        "The midwife said it was 'nothing to worry about' without asking you a single question.",
        "I'm sorry you were left on your own.",
    ],
)
def test_a_trigger_word_used_kindly_does_not_block(sentence: str) -> None:
    assert blocking(with_sentence(sentence)) == []


def test_a_listed_phrase_in_a_sentence_that_owns_a_change_does_not_block() -> None:
    """Two layers agree before a phrase blocks: the classifier reads the sentence as fine and the owning
    heads read it as a next step, so "procedure" here is a change owned, not a defence."""
    sentence = "The procedure for answering buzzers at night is being rewritten by our matron, Anna, by June."

    assert blocking(with_sentence(sentence)) == []


def test_a_guideline_named_to_admit_a_failure_is_overruled_when_read_mostly_fine_and_owning() -> None:
    """Round 7: ``phrase_overruled_above`` is chosen by --cv (0.8), so a guideline quoted to say we broke it,
    read 0.85 fine and as an apology, is not made defensive by "guidelines say"; read 0.7 fine, or with a
    turn ("…, but …"), it still blocks."""
    admits = Sentence("The guidelines say he should have been checked at 3 hours, and he was not.", 0)
    turns = Sentence("The guidelines say he should be checked at 3 hours, but we were busy.", 0)

    assert overruled(admits, Reading("policy", 0.85), True, rules())
    assert not overruled(admits, Reading("policy", 0.7), True, rules())
    assert not overruled(admits, Reading("policy", 0.85), False, rules())
    assert not overruled(turns, Reading("policy", 0.95), True, rules())


def test_sorry_you_feel_blocks_however_much_the_sentence_promises() -> None:
    [found] = blocking(with_sentence("I'm sorry you feel we let you down, and I will call you tomorrow."))

    assert (found.rule, found.layer) == ("sorry_you_feel", Layer.PHRASE)


# --- blocking: the sentence classifier, for defensive replies without trigger words ---------------------


@pytest.mark.parametrize(
    ("sentence", "rules_it_may_break"),
    [
        ("The midwife remembers checking on you every hour that night.", {"disputing"}),
        ("Many mums find the first night on the ward a bit overwhelming.", {"minimising"}),
        ("Partners go home at 8pm so every woman on the bay can rest.", {"policy"}),
        ("Your comments will help shape our services in future.", {"unowned_promise", "generic"}),
    ],
)
def test_a_subtle_defensive_sentence_blocks_and_is_quoted_whole(
    sentence: str, rules_it_may_break: set[str]
) -> None:
    draft = f"Thank you for writing. {sentence} Grace, Labour Ward"

    [found] = blocking(draft)

    assert found.layer is Layer.SENTENCE
    assert found.rule in rules_it_may_break
    assert found.quote == sentence


# --- jargon ---------------------------------------------------------------------------------------------


def test_an_unexplained_abbreviation_blocks_with_plain_words_suggested() -> None:
    [found] = blocking(with_sentence("The CTG was not read by a doctor."))

    assert (found.rule, found.quote) == ("jargon", "CTG")
    assert "baby's heartbeat" in found.suggestion


@pytest.mark.parametrize(
    ("sentence", "story"),
    [
        ("The CTG (a monitor of your baby's heartbeat) was not read by a doctor.", STORY),
        ("Your induction of labour was delayed, and nobody told you why.", STORY),
        ("The NICU nurses were so moved by your message.", "My baby was in NICU for 3 weeks."),
        ("You had a PPH, which means heavy bleeding after the birth, and nobody told you.", STORY),
    ],
)
def test_an_explained_term_or_one_she_used_herself_passes(sentence: str, story: str) -> None:
    assert blocking(with_sentence(sentence), story) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "If you would like to talk it through, reply TALK and I will call you this week.",
        "We have let your wife down as a family, and our LGBT staff network is helping us change that.",
    ],
)
def test_a_word_she_is_asked_to_text_back_or_a_group_everyone_names_is_no_jargon(sentence: str) -> None:
    assert "jargon" not in {finding.rule for finding in blocking(with_sentence(sentence), STORY)}


# --- her story ------------------------------------------------------------------------------------------


def test_an_urgent_story_answered_without_where_to_get_help_is_blocked() -> None:
    urgent = "Since I got home I'm bleeding a lot and passing big clots. The midwife hasn't been out yet."
    without = f"Thank you for telling us. {SORRY} I will find out why your visit didn't happen. {TALK}"
    with_help = f"Please call our triage line now on 01632 960 400, or 999 if you feel faint. {without}"

    assert [finding.rule for finding in blocking(without, urgent)] == ["urgent"]
    assert blocking(with_help, urgent) == []


def test_help_now_in_words_no_list_holds_answers_an_urgent_story() -> None:
    urgent = "I'm 34 weeks and I've had a really bad headache for two days and my vision keeps going blurry."
    helps = "Please go to the hospital now and get someone to drive you. We'll be in touch afterwards."
    asks_for_details = "Please send us your date of birth and hospital number so we can look into this."

    assert blocking(f"{SORRY} {helps}", urgent) == []
    assert "urgent" in {finding.rule for finding in blocking(f"{SORRY} {asks_for_details}", urgent)}


# --- the rules file -------------------------------------------------------------------------------------


def test_the_rules_are_read_once_and_every_message_fills_in() -> None:
    assert rules() is rules()
    draft = (
        "Unfortunately the ward was very busy. Our records show you declined. Lessons will be learned. "
        "Your CTG was fine. I am sorry if you felt ignored."
    )

    for found in check_reply(draft, STORY).findings:
        assert "{" not in found.message + found.suggestion
        assert not found.blocking or found.quote in draft


# --- a sentence in the context of its reply ---------------------------------------------------------------


def test_the_classifier_asks_for_stronger_evidence_in_a_reply_that_owns_what_happened() -> None:
    trained = model()

    assert trained.threshold(Owning.FULLY) <= trained.threshold(Owning.PARTLY) < trained.threshold(Owning.NOT)
    assert trained.threshold(Owning.PARTLY) < trained.advise_below


def test_a_reply_that_owes_no_apology_is_read_as_owning_what_happened_in_part() -> None:
    """A reply to praise, or one that puts her safety first, is not held to the strictest threshold."""
    assert Owned(sorry=False, step=False).level() is Owning.NOT
    assert Owned(sorry=False, step=False).level(no_apology_due=True) is Owning.PARTLY
    assert Owned(sorry=True, step=True).level() is Owning.FULLY


def test_a_sentence_that_turns_against_the_apology_still_blocks_in_an_owning_reply() -> None:
    [found] = blocking(with_sentence("However, the ward was very full that night."))

    assert found.layer is Layer.SENTENCE
    assert found.quote == "However, the ward was very full that night."


def test_one_doubtful_sentence_needs_stronger_evidence_the_longer_the_reply() -> None:
    trained = model()

    for owning in Owning:
        assert trained.threshold(owning, 1) > trained.threshold(owning, 4) > trained.threshold(owning, 9) > 0


@pytest.mark.parametrize(
    ("draft", "story"),
    [
        (
            "You told us about nobody explained the induction. Because of stories like yours, we now give "
            "every woman a leaflet about induction.",
            "Nobody explained the induction to me, I was scared the whole time.",
        ),
        (
            "You told us about being sent home in early labour without being examined. Because of stories "
            "like yours, we trained every triage midwife to offer an examination before anyone is sent home.",
            "I was sent home from triage in early labour without anyone examining me.",
        ),
        (
            "You told us about waiting hours for pain relief. Because of stories like yours, we added a "
            "second anaesthetist to the labour ward at night.",
            "I waited six hours for an epidural, the midwife kept saying the anaesthetist was coming.",
        ),
    ],
)
def test_a_reply_that_reports_a_change_made_because_of_her_story_is_not_blocked(
    draft: str, story: str
) -> None:
    """The "You said, we did" message owns what happened by saying what changed: it is not a justification."""
    assert blocking(draft, story) == []
    assert blocking(draft, None) == []


@pytest.mark.parametrize(
    "draft",
    [
        "Thank you for telling us. I am sorry the midwife did not listen. I will meet the ward team "
        "this week and write to you by Friday with what we change. You can call me on the number below.",
        "I am sorry the midwife rolled her eyes when you asked for help. I will talk to her and the ward "
        "manager this week.",
        "We're so sorry nobody came when you rang the bell. The ward manager will call you on Monday.",
    ],
)
def test_a_plain_apology_for_what_happened_with_a_next_step_is_never_blocked(draft: str) -> None:
    """The embedding read "sorry the midwife did not listen" as "sorry you felt ...": its shape decides."""
    assert check_reply(draft).ok


@pytest.mark.parametrize(
    "draft",
    [
        "We are sorry you feel the midwife did not listen. The ward manager will call you.",
        "I am sorry if you were upset. I will look into it.",
        "I am so sorry, but the ward was very busy that night.",
        "I am sorry for any distress caused.",
    ],
)
def test_sorry_for_her_feelings_or_sorry_but_still_blocks(draft: str) -> None:
    assert not check_reply(draft).ok


# --- round 6: texting spellings, an explanation the reply takes back, help that is never defensive ---------


@pytest.mark.parametrize(
    ("sentence", "rule"),
    [
        ("hi, u should of told us he wasnt feeding properly", "blame"),
        ("sorry, we were short staffed and ur midwife was run off her feet", "staff_busy"),
        ("so sorry u feel that way x", "sorry_you_feel"),
    ],
)
def test_a_listed_phrase_is_found_however_it_is_spelt_in_a_text_message(sentence: str, rule: str) -> None:
    assert rule in {found.rule for found in phrase_findings(Sentence(sentence, 0), "", rules())}


def test_what_she_should_have_heard_from_us_is_not_blame() -> None:
    sentence = Sentence("That was the reason, but you should have heard it from us at the time.", 0)

    assert "blame" not in {found.rule for found in phrase_findings(sentence, "", rules())}


def test_an_explanation_the_reply_takes_back_itself_is_advice_not_a_block() -> None:
    """A clinical reason said while still owning what happened is how good replies explain a decision."""
    explanation = "The labour ward was full that night, so you were looked after in triage."
    taken_back = "But we should have told you what was happening, and someone should have stayed with you."

    result = check_reply(f"{THANKS} {explanation} {taken_back} {NEXT} {TALK}", STORY)
    left_standing = check_reply(f"{THANKS} {explanation} We hope you understand. {TALK}", STORY)

    assert result.ok
    assert not left_standing.ok


def test_a_firm_line_that_sends_her_to_urgent_help_is_never_read_as_defensive() -> None:
    story = "My baby is very sleepy and yellow and won't wake for feeds."
    draft = (
        "Thank you for messaging. A sleepy yellow baby needs to be seen today, please call triage now. "
        "If your baby is hard to wake or floppy, call 999."
    )

    assert check_reply(draft, story).ok


def test_a_change_dated_from_what_happened_to_her_is_a_change_reported_not_a_rule() -> None:
    assert reports_change(Sentence("Since then, every baby is weighed on day 3.", 0), rules())
    assert not reports_change(Sentence("Every baby is weighed on day 5.", 0), rules())


@pytest.mark.parametrize(
    ("sentence", "owned"),
    [
        ("But you told us it felt different, and we should have listened to you.", True),
        ("someone should of come when u rang", True),
        ("The midwife should have stayed with you.", True),
        ("We should have been told about the pain by you.", False),
        ("You should have rung us sooner.", False),
        ("Perhaps we should have explained more, but the ward was very busy.", False),
    ],
)
def test_what_we_should_have_done_owns_the_failure_unless_it_is_turned_or_put_on_her(
    sentence: str, owned: bool
) -> None:
    assert admits(Sentence(sentence, 0)) is owned


def test_an_explanation_then_but_and_what_we_should_have_done_is_not_blocked() -> None:
    """Round 7: the heads do not read "…, and we should have listened" as owning, so its shape does."""
    explanation = "Most first labours are slow, and that is what the midwife thought was happening."
    owned = "But you told her this felt different, and we should have listened to you."
    excused = "We should have been told about the pain by you."

    assert check_reply(f"{THANKS} {SORRY} {explanation} {owned} {NEXT} {TALK}", STORY).ok
    assert not check_reply(f"{THANKS} {explanation} {excused} {TALK}", STORY).ok


# --- round 8: the kinds of good reply the blind set showed blocked ------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "blamed"),
    [
        ("You should have a blood test again in six weeks.", False),
        ("You should have another scan at 36 weeks to check his growth.", False),
        ("You have a name, and you should have heard it.", False),
        ("You should have told us about the bleeding sooner.", True),
        ("You should have asked for a different interpreter.", True),
        ("u should of rung triage", True),
        # round 26: what she was owed in other words; going to A&E is what she did
        ("You ought to have been shown his feeds in the first days.", False),
        ("You shouldn't have gone hungry.", False),
        ("You should have gone home with an interpreter explaining every medicine.", False),
        ("You should have gone to A&E as soon as the bleeding started.", True),
    ],
)
def test_what_she_should_have_next_or_was_owed_is_not_blame(sentence: str, blamed: bool) -> None:
    """ "Have" as a verb of its own is what comes next; "heard" or going hungry is what she was owed;
    neither is blame."""
    found = {found.rule for found in phrase_findings(Sentence(sentence, 0), "", rules())}

    assert ("blame" in found) is blamed


@pytest.mark.parametrize(
    ("sentence", "owned"),
    [
        ("Sorry - that should never have happened to you.", True),
        ("So sorry, we let you down that night.", True),
        ("sorry, that was rubbish of us x", True),
        ("Sorry, but the ward was full that night.", False),
        ("Sorry you feel that way.", False),
        ("Sorry for any upset caused.", False),
        ("I am sorry for the inconvenience.", False),
    ],
)
def test_a_sentence_that_opens_with_sorry_owns_the_failure_unless_it_turns_or_is_about_feelings(
    sentence: str, owned: bool
) -> None:
    """Short replies open with "Sorry - …"; the heads read it as owning nothing, so its shape decides."""
    assert owns_failure(Sentence(sentence, 0)) is owned


# --- round 9: the kinds of good reply the second blind set showed blocked (written here, never copied) -----


@pytest.mark.parametrize(
    ("sentence", "rule", "found"),
    [
        ("You shouldn't have to explain your history at every visit.", "blame", False),
        ("You should not have to chase us for results.", "blame", False),
        ("You shouldn't have come in before your contractions were regular.", "blame", True),
        (
            "The unit was very busy, but that is our problem to fix - it should never mean nobody comes.",
            "staff_busy",
            False,
        ),
        ("The unit was very busy, so the midwife could not come sooner.", "staff_busy", True),
    ],
)
def test_what_she_should_be_spared_and_a_busy_ward_taken_back_are_not_defensive(
    sentence: str, rule: str, found: bool
) -> None:
    """ "Shouldn't have to" spares her; a busy ward named as ours to fix is not an excuse for it."""
    rules_found = {finding.rule for finding in phrase_findings(Sentence(sentence, 0), "", rules())}

    assert (rule in rules_found) is found


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("They gave you a CTG (a 'CTG', a monitor of your baby's heartbeat) and nobody said why.", False),
        ("Your scan was moved (the 'EFW', an estimate of her weight) without asking you.", False),
        ("We acted on the trace (see CTG, page 4) before the decision.", True),
    ],
)
def test_a_term_glossed_in_its_bracket_after_a_comma_is_explained(sentence: str, found: bool) -> None:
    rules_found = {finding.rule for finding in blocking(with_sentence(sentence))}

    assert ("jargon" in rules_found) is found


@pytest.mark.parametrize(
    ("sentence", "owned"),
    [
        ("Ne pare rău că nimeni nu v-a explicat rezultatul.", True),
        ("Isso não devia ter acontecido e pedimos desculpa.", True),
        ("Przepraszamy, że nikt do Pani nie oddzwonił.", True),
        ("Lo sentimos mucho, no le explicamos nada.", True),
        ("Ne pare rău că vă simțiți așa.", False),
        ("Lamentamos que se sinta desiludida.", False),
        ("Przepraszamy za wszelkie niedogodności.", False),
        ("Lamentamos, mas a enfermaria estava cheia.", False),
        ("Hum aap se maazrat chahte hain, aap ka BP raat bhar check nahi hua.", True),
        ("Main maafi chahti hoon.", True),
        ("Hum maazrat chahte hain ke aap ko aisa mehsoos hua.", False),
        ("Hum maazrat chahte hain lekin ward bohat busy tha.", False),
    ],
)
def test_a_plain_apology_in_another_language_owns_the_failure_unless_about_feelings_or_turned(
    sentence: str, owned: bool
) -> None:
    """The heads read apologies outside English as owning nothing, so, as for "Sorry -", the shape decides."""
    assert owns_failure(Sentence(sentence, 0)) is owned


# --- round 12: a help word that sends her nowhere, and a next step taken back within its sentence ---------


def test_an_excuse_that_names_triage_is_still_read_when_her_story_needs_no_help_now() -> None:
    story = "waited 5 hours in the assessment unit and nobody explained anything to me"
    draft = "Demand on our triage service was very high that week, which meant some women waited longer."

    assert "staff_busy" in {finding.rule for finding in check_reply(draft, story).blocking}


@pytest.mark.parametrize(
    ("sentence", "sends"),
    [
        ("Demand on our triage service was very high that week.", False),
        ("We will share this with the team today.", False),
        ("Please ring maternity triage now.", True),
        ("If the bleeding gets heavier, go to A&E straight away.", True),
        ("The number is 999.", True),
    ],
)
def test_a_listed_help_word_sends_her_for_help_only_with_a_number_or_an_instruction(
    sentence: str, sends: bool
) -> None:
    nothing = np.zeros(len(OWNING_HEADS), dtype=bool)

    assert sends_to_help(Sentence(sentence, 0), nothing, rules(), urgent_story=False) is sends


def test_what_a_colleague_did_taken_back_by_but_is_not_a_next_step() -> None:
    story = "the midwife came to my house and spoke only english, there was no interpreter"
    draft = (
        "The midwife tells me she did book a phone interpreter, but the line kept cutting out. "
        "I hope that explains why it was hard to follow."
    )

    assert not check_reply(draft, story).ok


def test_an_everyday_word_in_capitals_is_emphasis_not_jargon() -> None:
    # written13's tuning half (2026-12-02): "It does NOT mean your baby is deaf." was blocked as jargon
    result = check_reply(
        "I'm sorry nobody explained. It does NOT mean your baby is deaf, and the CTG was normal.",
        "nobody explained the hearing test",
    )

    assert [(found.rule, found.quote) for found in result.blocking] == [("jargon", "CTG")]


def test_in_line_with_her_faith_serves_her_and_in_line_with_a_policy_defends() -> None:
    story = "our daughter was stillborn and they helped us bury her quickly"
    hers = "Making sure you could bury her quickly in line with your faith is the care Sarah wants for all."
    rule = "Partners leave at 8pm in line with our visiting policy."

    assert not [found for found in check_reply(hers, story).blocking if found.rule == "policy"]
    assert [found.quote for found in check_reply(rule, story).blocking if found.rule == "policy"] == [
        "in line with"
    ]


@pytest.mark.parametrize(
    ("sentence", "after", "cited_to_hide"),
    [
        ("Our protocol says the coordinator calls a second anaesthetist, and that didn't happen.", "", False),
        ("Our policy is that an interpreter is booked the same day.", "That did not happen for you.", False),
        ("There is no policy or procedure that requires you to remove your hijab.", "", False),
        ("No procedure, and no amount of hurry, makes it right to ask a child to interpret.", "", False),
        ("Our policy used to say partners had to leave at 9pm.", "", False),
        ("In line with our visiting policy, partners are asked to leave at 10pm.", "", True),
        ("No policy allows partners to stay, in line with infection control guidance.", "", True),
        ("The midwife followed the correct procedure, so it was not a judgement about you.", "", True),
        ("Our policy is that partners leave at 8pm.", "It wasn't possible to make an exception.", True),
    ],
)
def test_a_rule_cited_to_hold_the_service_to_it_is_not_a_defence(
    sentence: str, after: str, cited_to_hide: bool
) -> None:
    """Round 25: a good reply says the rule was broken, denied or is no more; a defensive one hides
    behind it."""
    found = phrase_findings(Sentence(sentence, 0), "", rules(), after)

    assert ("policy" in {finding.rule for finding in found}) is cited_to_hide


@pytest.mark.parametrize(
    ("sentence", "jargon"),
    [
        ("What you had is called a postpartum haemorrhage: very heavy bleeding after birth.", False),
        ("Your CTG: normal.", True),
    ],
)
def test_a_term_explained_after_a_colon_is_explained(sentence: str, jargon: bool) -> None:
    found = jargon_findings(Sentence(sentence, 0), sentence, "", rules())

    assert bool(found) is jargon


def test_a_broken_rule_said_in_texting_spelling_is_no_defence() -> None:
    text = "the policy says ur baby should of had his hearing test before u went home and he didnt"

    found = phrase_findings(Sentence(text, 0), "", rules())

    assert "policy" not in {finding.rule for finding in found}
