"""Safeguarding in the conversation, without a server: the numbers at once at any step, never taken as
her answer; a possible risk passed quietly to a person; the floor line before she tells anything."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from channels.sms import segments
from flows.catalog import available_languages, render
from flows.story import FlowConfig, State, prompt, step
from flows.types import Answer, FlagCheckSoon, FlagUrgent, Inbound, Outcome

SITES = ("Medway Maritime Hospital", "Darent Valley Hospital")
CONFIG = FlowConfig(sites=SITES, languages=("en",), triage=(("Medway Maritime Hospital", "01634 825000"),))
T0 = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
#: urgent, in words no phrase file lists: the model catches it
URGENT = "theres blood running down my legs and it wont stop"
POSSIBLE = "some light spotting today, brownish"
#: the answers that walk her from the welcome to each question, and the question each one reaches
WALK = [
    ("Hello", "consent"),
    ("yes", "story"),
    ("The ward was noisy at night.", "story"),
    ("DONE", "site"),
    ("1", "when"),
    ("March 2025", "offer"),
    ("YES", "well"),
    ("The midwife was kind.", "better"),
    ("More staff at night.", "culture"),
    ("SKIP", "ethnicity"),
    ("2", "age"),
    ("3", "postcode"),
    ("ME7", "disability"),
    ("2", "language"),
    ("English", "reply"),
]
QUESTION_STEPS = [name for _, name in WALK if name not in ("consent", "story")]


class Chat:
    def __init__(self, config: FlowConfig = CONFIG) -> None:
        self.state: dict[str, object] | None = None
        self.now = T0
        self.config = config
        self.last: Outcome | None = None

    def send(self, text: str) -> list[str]:
        self.now += timedelta(minutes=1)
        self.last = step(self.state, Inbound(text, self.now, detected_lang="en"), self.config)
        self.state = self.last.state
        return [render("en", reply, {"code": "AV-TEST"}) for reply in self.last.replies]

    def walk_to(self, wanted: str) -> Chat:
        for text, reached in WALK:
            self.send(text)
            if reached == wanted:
                break
        assert self.step == wanted
        return self

    @property
    def step(self) -> object:
        assert self.state is not None
        return self.state["step"]


@pytest.mark.parametrize("question", QUESTION_STEPS)
def test_an_urgent_message_at_a_question_gets_the_numbers_and_is_not_taken_as_her_answer(
    question: str,
) -> None:
    chat = Chat().walk_to(question)
    (reply,) = chat.send(URGENT)
    assert "999" in reply
    assert chat.last is not None
    assert not [effect for effect in chat.last.effects if isinstance(effect, Answer)]
    assert any(isinstance(effect, FlagUrgent) for effect in chat.last.effects)
    assert chat.step == question  # the question waits; she answers it when she is ready


def test_after_the_numbers_she_can_still_answer_the_question() -> None:
    chat = Chat().walk_to("when")
    chat.send(URGENT)
    chat.send("March 2025")
    assert chat.last is not None
    assert Answer("when", "March 2025") in chat.last.effects
    assert chat.step == "offer"


def test_an_urgent_message_while_telling_is_kept_as_part_of_her_story() -> None:
    chat = Chat().walk_to("story")
    (reply,) = chat.send(URGENT)
    assert "999" in reply and chat.step == "story"


def test_a_possible_risk_gets_no_reply_and_asks_a_person_to_check_soon() -> None:
    chat = Chat().walk_to("story")
    assert chat.send(POSSIBLE) == []
    assert chat.last is not None
    assert [
        type(effect) for effect in chat.last.effects if isinstance(effect, FlagCheckSoon | FlagUrgent)
    ] == [FlagCheckSoon]


def test_a_possible_risk_at_a_question_is_still_her_answer() -> None:
    chat = Chat().walk_to("well")
    chat.send(POSSIBLE)
    assert chat.last is not None
    assert Answer("well", POSSIBLE) in chat.last.effects
    assert chat.step == "better"


def test_before_she_tells_anything_she_is_told_where_to_get_help_now() -> None:
    chat = Chat()
    chat.send("Hello")
    (ask,) = chat.send("yes")
    assert ask.startswith("Tell us what happened")
    assert "999" in ask and "111" in ask and "Samaritans 116 123" in ask
    assert segments(ask) == 1, "the floor line costs no extra SMS in English"


@pytest.mark.parametrize("lang", available_languages())
def test_the_floor_line_is_in_her_language_with_the_same_numbers(lang: str) -> None:
    text = render(lang, prompt(State(step="story", lang=lang), CONFIG))
    assert "999" in text and "111" in text and "116 123" in text


def test_clinical_numbers_name_her_units_triage_line_once_she_has_named_it() -> None:
    chat = Chat().walk_to("when")  # she chose 1, Medway, which has a triage line
    (reply,) = chat.send(URGENT)
    assert "01634 825000" in reply and "999" in reply


def test_without_a_triage_line_clinical_numbers_are_111_and_999() -> None:
    chat = Chat().walk_to("story")  # no site yet, and this line serves two
    (reply,) = chat.send(URGENT)
    assert "111" in reply and "999" in reply and "01634" not in reply


def test_a_line_serving_one_unit_gives_its_triage_line_before_she_names_it() -> None:
    one = FlowConfig(sites=SITES[:1], languages=("en",), triage=CONFIG.triage)
    chat = Chat(one).walk_to("story")
    (reply,) = chat.send(URGENT)
    assert "01634 825000" in reply


@pytest.mark.parametrize(
    ("message", "number"),
    [
        ("my baby has gone floppy and wont wake up", "111"),
        ("i cant stop thinking about ending it tonight", "116 123"),
        ("he said hell kill me when i get home", "0808 2000 247"),
    ],
)
def test_each_kind_of_risk_gets_its_own_number(message: str, number: str) -> None:
    chat = Chat().walk_to("story")
    (reply,) = chat.send(message)
    assert number in reply and "999" in reply
