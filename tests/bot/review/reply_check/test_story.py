"""Her story, read by the app's safeguarding reader in any language: an emergency happening now needs help
now in the reply, one told of as over does not, and one the reader is unsure of gets advice."""

from __future__ import annotations

import pytest

from bot.review.reply_check import check_reply
from bot.review.reply_check._rules import rules
from bot.review.reply_check._sentences import model
from bot.review.reply_check._story import Urgency, alarm, sure, urgency

REPLY_WITHOUT_HELP = (
    "I'm so sorry, that sounds frightening. I'm glad you are both well now. "
    "If you would like to talk it through with one of our midwives, just reply here."
)


@pytest.mark.parametrize(
    "story",
    [
        "when my son was a week old he stopped breathing and we rang 999, hes 2 now and totally fine",
        "After my first birth in 2019 I had a huge bleed and needed a transfusion. Nobody talked to me.",
        "جب میری بیٹی تین ہفتے کی تھی تو اس نے سانس لینا بند کر دیا اور ہم نے 999 پر کال کی،"
        " اب وہ دو سال کی ہے اور بالکل ٹھیک ہے",
        "عندما كان عمر ابني أسبوعين توقف عن التنفس واتصلنا بالإسعاف، عمره الآن سنتان وهو بخير تماماً",
    ],
)
def test_an_emergency_she_tells_of_as_over_needs_no_help_now(story: str) -> None:
    result = check_reply(REPLY_WITHOUT_HELP, story)

    assert urgency(story, model(), rules()) is Urgency.NONE
    assert "urgent" not in {finding.rule for finding in result.blocking}


@pytest.mark.parametrize(
    "story",
    [
        "my baby is floppy and wont wake up for feeds",
        "I had my baby 6 days ago and now I'm bleeding heavily and feel faint.",
        "I bled a lot after my first baby and it's happening again today, I'm soaking pads.",
    ],
)
def test_an_emergency_happening_now_still_needs_help_in_the_reply(story: str) -> None:
    """A birth in the past does not make a bleed today past: when in doubt, now. (The safeguarding model
    doubts the last one, a hair under its floor; a phrase alarm is never silenced.)"""
    result = check_reply(REPLY_WITHOUT_HELP, story)

    assert urgency(story, model(), rules()) is Urgency.NOW
    assert "urgent" in {finding.rule for finding in result.blocking}


#: urgent stories as the app's safeguarding reader reads them: no listed English phrase in the first two
#: (the model alone reads them), a phrase of her own language in the rest
URGENT_IN_ANY_WORDS = [
    "my baby is bleeding from the cord and won't stop",
    "میرے بچے کی ناف سے خون بہہ رہا ہے اور رک نہیں رہا",
    "مجھے ڈیلیوری کے بعد بہت زیادہ خون آ رہا ہے اور چکر آ رہے ہیں",
    "Krwawię bardzo mocno od rana i kręci mi się w głowie.",
    "نزيف شديد منذ الصباح وأشعر بالدوار، ولدت قبل أسبوع",
]


@pytest.mark.parametrize("story", URGENT_IN_ANY_WORDS)
def test_a_reply_to_an_urgent_story_in_any_words_or_language_without_help_now_is_blocked(story: str) -> None:
    result = check_reply(REPLY_WITHOUT_HELP, story)

    assert urgency(story, model(), rules()) is Urgency.NOW
    assert "urgent" in {finding.rule for finding in result.blocking}


@pytest.mark.parametrize("story", URGENT_IN_ANY_WORDS)
@pytest.mark.parametrize(
    "reply",
    [
        "I'm so sorry. Please call 999 or go to maternity triage now.",
        "مجھے بہت افسوس ہے۔ براہ کرم فوراً ہسپتال جائیں۔",
        "Bardzo mi przykro. Proszę od razu jechać do szpitala.",
    ],
)
def test_the_same_story_answered_by_sending_her_to_help_now_passes_in_her_language_too(
    story: str, reply: str
) -> None:
    """The help_now head reads "go to hospital straight away" in Urdu and Polish without a number."""
    result = check_reply(reply, story)

    assert "urgent" not in {finding.rule for finding in result.blocking}
    assert "safety" not in {finding.rule for finding in result.advice}


NOT_MOVING = (
    "baby hasnt moved since last night, im 35 weeks. the triage midwife was short with me last time so i dont"
    " want to ring again"
)


def test_a_help_word_in_the_sign_off_is_not_help_now() -> None:
    reply = (
        "Thank you for telling us, and I'm sorry your last call felt so rushed. Nobody should feel afraid"
        " to ring us. I have shared your message with the team. [STAFF NAME], Triage Lead Midwife"
    )

    assert "urgent" in {finding.rule for finding in check_reply(reply, NOT_MOVING).blocking}


def test_a_number_to_ring_in_the_sign_off_is_help_now() -> None:
    reply = (
        "Thank you for telling us, and I'm sorry your last call felt so rushed. Please ring us now.\n"
        "Maternity Triage 0161 555 0123"
    )

    assert "urgent" not in {finding.rule for finding in check_reply(reply, NOT_MOVING).blocking}


def test_a_story_the_reader_only_marks_check_soon_asks_nothing_of_the_reply() -> None:
    """POSSIBLE by the model alone is the app's "check soon": it takes a quarter of calm messages."""
    story = (
        "I had a miscarriage at 11 weeks and was sent to wait in the same room as pregnant women "
        "waiting for their scans."
    )
    result = check_reply(REPLY_WITHOUT_HELP, story)

    assert urgency(story, model(), rules()) is Urgency.NONE
    assert not {"urgent", "safety"} & {finding.rule for finding in result.findings}


@pytest.mark.parametrize(
    "story",
    [
        "The receptionist laughed at my questions at every visit. I don't want to go anymore.",
        "The consultant spoke about me to the students as if I was not in the room. "
        "I never want to go back there.",
        "They took my daughter to the other ward without telling me where. I still can't get past it.",
    ],
)
def test_a_complaints_last_words_alarming_only_alone_ask_no_help_now(story: str) -> None:
    """Read alone, "I don't want to go anymore." sounds like wanting to die; read with the sentence before
    it, it is about her appointments, and the app's reader no longer gives her the numbers."""
    last = alarm(story).told[-1]
    result = check_reply(REPLY_WITHOUT_HELP, story)

    assert sure(last, rules().limits.urgent_model_above) and not last.phrase_risks
    assert urgency(story, model(), rules()) is not Urgency.NOW
    assert "urgent" not in {finding.rule for finding in result.blocking}


def test_a_sentence_that_means_harm_beside_its_neighbour_still_needs_help_now() -> None:
    story = "I've been saving my tablets. I don't think I can go on."
    result = check_reply(REPLY_WITHOUT_HELP, story)

    assert not any(reading.phrase_risks for reading in alarm(story).told)
    assert urgency(story, model(), rules()) is Urgency.NOW
    assert "urgent" in {finding.rule for finding in result.blocking}


def test_a_story_that_may_need_help_now_gets_advice_to_say_where_never_a_block() -> None:
    """The app gives her the numbers, but the model alone is not sure enough to block a reply."""
    story = "I've had a bit of a headache today and I'm a bit worried."
    result = check_reply(REPLY_WITHOUT_HELP, story)
    helped = check_reply(f"{REPLY_WITHOUT_HELP} If you are still unwell, please call triage now.", story)

    assert urgency(story, model(), rules()) is Urgency.PERHAPS
    assert "urgent" not in {finding.rule for finding in result.blocking}
    assert "safety" in {finding.rule for finding in result.advice}
    assert "safety" not in {finding.rule for finding in helped.advice}


def test_the_story_is_read_once_however_many_drafts_answer_it() -> None:
    story = "my baby is bleeding from the cord and won't stop"
    check_reply(REPLY_WITHOUT_HELP, story)
    before = alarm.cache_info().hits

    check_reply("Please call 999 now.", story)

    assert alarm.cache_info().hits == before + 1
