"""Each rule in both directions: the draft that breaks it is blocked, the draft that keeps it is not."""

from __future__ import annotations

import pytest

from bot.review.reply_check import Finding, check_reply, load_rules

GOOD = (
    "Thank you for telling us about the night on the ward when nobody came. I am so sorry that happened. "
    "I will talk to the ward team this week and write back to you by Friday. "
    "If you would like to talk, reply here or call me."
)
THANKS = "Thank you for telling us about the night on the ward when nobody came."
SORRY = "I am so sorry that happened."
NEXT = "I will talk to the ward team this week and write back to you by Friday."
TALK = "If you would like to talk, reply here or call me."


def broken(draft: str, story: str | None = None) -> set[str]:
    return {finding.rule for finding in check_reply(draft, story).findings}


def findings(draft: str, rule: str, story: str | None = None) -> list[Finding]:
    return [finding for finding in check_reply(draft, story).findings if finding.rule == rule]


def with_sentence(sentence: str) -> str:
    return f"{THANKS} {SORRY} {sentence} {NEXT} {TALK}"


def test_the_good_example_reply_passes() -> None:
    assert check_reply(GOOD).ok


# --- thanks -------------------------------------------------------------------------------------------


def test_a_reply_that_does_not_thank_her_is_blocked() -> None:
    draft = f"You told us nobody came when you called. {SORRY} {NEXT} {TALK}"

    assert broken(draft) == {"thanks"}
    assert findings(draft, "thanks")[0].quote == ""


@pytest.mark.parametrize(
    "thanks", ["Thanks for telling us", "Thank-you for telling us", "We are grateful to you"]
)
def test_thanks_in_any_everyday_form_counts(thanks: str) -> None:
    draft = f"{thanks}. You told us nobody came when you called. {SORRY} {NEXT} {TALK}"

    assert "thanks" not in broken(draft)


# --- acknowledge --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "acknowledgement",
    [
        "You told us nobody came.",
        "You said nobody came.",
        "You felt nobody was listening.",
        "You described a long night.",
        "Thank you for telling us about your night.",
    ],
)
def test_saying_back_what_she_said_acknowledges_her_when_her_story_is_unknown(acknowledgement: str) -> None:
    draft = f"Thank you. {acknowledgement} {SORRY} {NEXT} {TALK}"

    assert "acknowledge" not in broken(draft)


def test_a_reply_that_never_says_back_what_she_told_us_is_blocked() -> None:
    draft = f"Thank you for getting in touch. {SORRY} {NEXT} {TALK}"

    assert broken(draft) == {"acknowledge"}


def test_a_reply_that_does_not_use_her_own_words_is_blocked_and_told_which_words_to_use() -> None:
    story = "I pressed the buzzer for an hour and nobody came. I was bleeding and scared."
    draft = f"Thank you for telling us about your care. {SORRY} {NEXT} {TALK}"

    [finding] = findings(draft, "acknowledge", story)

    assert '"buzzer"' in finding.message
    assert '"bleeding"' in finding.message


def test_her_words_are_recognised_in_other_forms() -> None:
    story = "I was scared. I pressed the buzzers and nobody answered."
    draft = f"Thank you. I am sorry you were so scared when you pressed the buzzer. {NEXT} {TALK}"

    assert check_reply(draft, story).ok


def test_words_every_reply_uses_are_not_counted_as_her_words() -> None:
    story = "The care from the staff was not good and my experience was bad."
    draft = f"Thank you for your feedback about the care and your experience. {SORRY} {NEXT} {TALK}"

    assert "acknowledge" in broken(draft, story)


def test_a_very_short_story_needs_only_the_words_it_has() -> None:
    draft = f"Thank you. I am so sorry the midwife was rude to you. {NEXT} {TALK}"

    assert check_reply(draft, "Rude.").ok


# --- apology and non-apology --------------------------------------------------------------------------


def test_a_reply_that_does_not_say_sorry_is_blocked() -> None:
    assert broken(f"{THANKS} {NEXT} {TALK}") == {"apology"}


def test_i_am_sorry_you_were_left_alone_is_a_real_apology() -> None:
    draft = f"{THANKS} I am sorry you were left alone. {NEXT} {TALK}"

    assert check_reply(draft).ok


def test_sorry_followed_by_a_dash_and_if_is_still_an_apology() -> None:
    draft = f"{THANKS} I am so sorry – if you want to talk, call me. {NEXT}"

    assert check_reply(draft).ok


def test_sorry_to_hear_is_sympathy_not_an_apology() -> None:
    draft = f"{THANKS} I was sorry to hear about your night. {NEXT} {TALK}"

    [finding] = findings(draft, "apology")

    assert finding.quote == "sorry to hear"


@pytest.mark.parametrize(
    ("non_apology", "quote"),
    [
        ("I am sorry you feel the midwives were unkind.", "sorry you feel"),
        ("I am sorry if you felt rushed.", "sorry if"),
        ("We are sorry for any upset caused.", "sorry for any"),
        ("I am sorry you were unhappy with your care.", "sorry you were unhappy"),
        ("We apologise for any inconvenience.", "apologise for any"),
        ("I’m sorry that you’re upset.", "sorry that you’re upset"),
    ],
)
def test_a_non_apology_is_blocked_and_does_not_count_as_sorry(non_apology: str, quote: str) -> None:
    draft = f"{THANKS} {non_apology} {NEXT} {TALK}"

    assert broken(draft) == {"apology", "non_apology"}
    assert findings(draft, "non_apology")[0].quote == quote


def test_a_non_apology_is_blocked_even_next_to_a_real_apology() -> None:
    assert broken(with_sentence("We are sorry for any distress.")) == {"non_apology"}


def test_a_reply_to_praise_needs_no_apology_and_no_offer_to_talk() -> None:
    draft = "Thank you so much for your kind words about Ward 5, we have shared them with the team."

    assert check_reply(draft).ok
    assert check_reply(draft, "Ward 5 were amazing, so kind to me and my baby.").ok


def test_kind_words_do_not_excuse_a_reply_to_a_complaint_from_an_apology() -> None:
    story = "Nobody came on Ward 5 at night and I was left alone in pain."
    draft = "Thank you so much for your kind words about Ward 5 at night, we have shared them with the team."

    assert broken(draft, story) == {"apology", "talk_further"}


# --- next steps ---------------------------------------------------------------------------------------


def test_a_reply_that_does_not_say_what_will_happen_is_blocked() -> None:
    assert broken(f"{THANKS} {SORRY} {TALK}") == {"next_steps"}


@pytest.mark.parametrize(
    ("promise", "quote"),
    [
        ("We will look into this.", "look into this"),
        ("Lessons will be learned.", "Lessons will be learned"),
        ("Staff will be reminded.", "be reminded"),
    ],
)
def test_an_empty_promise_with_no_when_is_blocked(promise: str, quote: str) -> None:
    draft = f"{THANKS} {SORRY} {promise} {TALK}"

    assert broken(draft) == {"next_steps"}
    assert findings(draft, "next_steps")[0].quote == quote


@pytest.mark.parametrize(
    "promise",
    [
        "We will look into this and write to you by 14 June.",
        "Our ward manager, Sue, will call you on Monday.",
        "We have changed the night rota so a midwife answers the buzzer.",
        "I will share your story with the night team.",
    ],
)
def test_saying_who_will_do_what_and_when_or_what_has_changed_is_enough(promise: str) -> None:
    assert check_reply(f"{THANKS} {SORRY} {promise} {TALK}").ok


def test_telling_her_what_she_will_need_to_do_is_not_a_promise_from_us() -> None:
    draft = f"{THANKS} {SORRY} You will need to contact the ward. {TALK}"

    assert "next_steps" in broken(draft)


# --- talk further -------------------------------------------------------------------------------------


def test_a_reply_without_a_way_to_talk_further_is_blocked() -> None:
    assert broken(f"{THANKS} {SORRY} {NEXT}") == {"talk_further"}


@pytest.mark.parametrize(
    "offer", ["Reply here if you want to talk.", "Call me on 01632 960 123.", "I am happy to meet you."]
)
def test_any_offer_to_talk_with_us_counts(offer: str) -> None:
    assert check_reply(f"{THANKS} {SORRY} {NEXT} {offer}").ok


def test_pals_as_the_only_way_to_talk_is_a_brush_off() -> None:
    draft = f"{THANKS} {SORRY} {NEXT} Please contact PALS (the Patient Advice and Liaison Service)."

    [finding] = findings(draft, "talk_further")

    assert finding.quote == "Please contact PALS (the Patient Advice and Liaison Service)."


def test_the_advocate_or_pals_offered_as_a_choice_passes() -> None:
    choice = (
        "If you would rather talk to someone outside the team, our maternity advocate or the "
        "Patient Advice and Liaison Service (PALS) can help."
    )

    assert check_reply(f"{GOOD} {choice}").ok


def test_telling_her_she_should_contact_pals_is_blocked_even_with_an_offer_to_talk() -> None:
    draft = f"{GOOD} You should contact PALS (the Patient Advice and Liaison Service) to complain."

    [finding] = findings(draft, "talk_further")

    assert finding.quote == "You should contact"


# --- defensive ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "quote"),
    [
        ("However, the ward was full.", "However"),
        ("The ward was busy.", "busy"),
        ("Unfortunately there was an emergency.", "Unfortunately"),
        ("It is our policy to ask partners to leave.", "policy"),
        ("This is the procedure we follow.", "procedure"),
        ("The midwife followed the protocol.", "protocol"),
        ("Our resources are stretched.", "resources"),
        ("Staffing levels were low.", "Staffing"),
        ("We followed guidelines.", "followed guidelines"),
        ("This is standard practice.", "standard practice"),
        ("The plan was made as per the notes.", "as per"),
        ("Our staff are trained to help.", "Our staff are trained"),
        ("We did our best.", "We did our best"),
    ],
)
def test_a_reply_that_defends_the_service_is_blocked(sentence: str, quote: str) -> None:
    draft = with_sentence(sentence)

    assert broken(draft) == {"defensive"}
    assert findings(draft, "defensive")[0].quote == quote


def test_defensive_words_match_only_whole_words() -> None:
    assert check_reply(with_sentence("Jess was so resourceful and kind.")).ok


def test_a_word_used_twice_is_one_thing_to_fix_with_advice_for_that_word() -> None:
    draft = with_sentence("However, we tried. However, it was late.")

    [finding] = findings(draft, "defensive")

    assert "however" in finding.suggestion.lower()


# --- blame --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "quote"),
    [
        ("If you had told the midwife, she could have helped.", "If you had"),
        ("You should have pressed the buzzer.", "You should have"),
        ("You should've said.", "You should've"),
        ("You failed to attend.", "You failed to"),
        ("You didn't tell us about the pain.", "You didn't tell"),
        ("You didn’t tell us about the pain.", "You didn’t tell"),
        ("Had you called, we would have come.", "Had you"),
    ],
)
def test_a_reply_that_blames_her_is_blocked(sentence: str, quote: str) -> None:
    draft = with_sentence(sentence)

    assert broken(draft) == {"blame"}
    assert findings(draft, "blame")[0].quote == quote


@pytest.mark.parametrize(
    "sentence",
    ["You should have been listened to.", "Had you been seen sooner, the bleeding might have stopped."],
)
def test_saying_what_she_was_owed_is_not_blame(sentence: str) -> None:
    assert check_reply(with_sentence(sentence)).ok


def test_words_that_only_look_like_blame_pass() -> None:
    draft = (
        "Thank you for telling us how you were spoken to after you had your baby. I am so sorry. "
        f"{NEXT} If you’d like to talk, reply here."
    )

    assert check_reply(draft).ok


# --- jargon -------------------------------------------------------------------------------------------


def test_an_unexplained_abbreviation_is_blocked_with_plain_words_suggested() -> None:
    draft = with_sentence("The CTG was not read.")

    [finding] = findings(draft, "jargon")

    assert finding.quote == "CTG"
    assert "baby's heartbeat" in finding.suggestion


@pytest.mark.parametrize(
    "sentence",
    [
        "The CTG (a monitor of your baby's heartbeat) was not read, and the CTG was not checked again.",
        "The monitor of your baby's heartbeat (CTG) was not read.",
        "Your induction of labour was delayed.",
        "I've read your story.",
    ],
)
def test_an_explained_abbreviation_or_plain_term_passes(sentence: str) -> None:
    assert check_reply(with_sentence(sentence)).ok


@pytest.mark.parametrize(
    ("sentence", "quote"),
    [
        ("You were moved to NICU.", "NICU"),
        ("The ctg was not read.", "ctg"),
        ("You had a postpartum haemorrhage.", "postpartum haemorrhage"),
        ("The obstetric team came.", "obstetric"),
        ("You were multiparous.", "multiparous"),
    ],
)
def test_jargon_is_blocked_whatever_its_case(sentence: str, quote: str) -> None:
    assert [finding.quote for finding in findings(with_sentence(sentence), "jargon")] == [quote]


# --- readability and length ---------------------------------------------------------------------------


def test_a_hard_to_read_reply_is_blocked_quoting_its_hardest_sentence() -> None:
    hard = (
        "Your documented dissatisfaction regarding intrapartum communication necessitates comprehensive "
        "multidisciplinary evaluation."
    )
    draft = with_sentence(hard.replace("intrapartum ", ""))

    [finding] = findings(draft, "readability")

    assert finding.quote == hard.replace("intrapartum ", "")


def test_a_short_reply_is_not_scored_for_readability() -> None:
    draft = "Thank you for describing everything. Apologies. Representatives will telephone tomorrow."

    assert "readability" not in broken(draft)


def test_a_reply_longer_than_the_limit_is_blocked_and_one_at_the_limit_is_not() -> None:
    limit = load_rules().max_chars
    padded = f"{GOOD} " + "Reply here any time. " * 60

    assert "length" not in broken(padded[:limit])
    assert "length" in broken(padded[: limit + 1])


# --- the rules file -----------------------------------------------------------------------------------


def test_the_rules_are_read_once_and_cover_every_rule() -> None:
    expected = {
        "thanks", "acknowledge", "apology", "non_apology", "next_steps", "talk_further",
        "defensive", "blame", "jargon", "readability", "length",
    }  # fmt: skip

    assert load_rules() is load_rules()
    assert set(load_rules().texts) == expected


def test_an_empty_draft_lists_everything_that_is_missing() -> None:
    result = check_reply("")

    assert not result.ok
    assert {finding.rule for finding in result.findings} == {
        "thanks", "acknowledge", "apology", "next_steps", "talk_further",
    }  # fmt: skip
