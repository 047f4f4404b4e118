"""The whole story, told in each language, with not one English prompt and an SMS cost we can afford."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest

from channels.sms import segments
from flows.catalog import DEFAULT, available_languages, entries, render
from flows.story import FlowConfig, step
from flows.types import Inbound, OptOut, Outcome

SITES = ("Medway Maritime Hospital", "Darent Valley Hospital")
CONFIG = FlowConfig(sites=SITES, languages=available_languages())
T0 = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
CODE = "AV-TEST"
BRAND = "allvoices"  # the line's name, the same in every language
TRANSLATED = tuple(code for code in available_languages() if code != DEFAULT)
#: segments one whole story may cost in any language (English is 13).
MAX_SEGMENTS = 16
STORY = {
    "ur": "دائی بہت اچھی تھی لیکن وارڈ ٹھنڈا تھا۔",
    "bn": "ধাত্রী খুব ভালো ছিলেন কিন্তু ওয়ার্ড ঠান্ডা ছিল।",
    "pa": "ਦਾਈ ਬਹੁਤ ਚੰਗੀ ਸੀ ਪਰ ਵਾਰਡ ਠੰਢਾ ਸੀ।",
    "gu": "દાયણ ખૂબ સારી હતી પણ વોર્ડ ઠંડો હતો.",
    "pl": "Położna była miła, ale na sali było zimno.",
    "ro": "Moașa a fost bună, dar în salon era frig.",
    "ar": "كانت القابلة لطيفة لكن الجناح كان باردًا.",
    "so": "Umulisadu way fiicnayd laakiin qolku wuu qabowsanaa.",
    "pt": "A parteira foi simpática, mas a enfermaria estava fria.",
    "ps": "قابله ډېره ښه وه خو وارډ سوړ و.",
    "prs": "قابله خیلی مهربان بود ولی اتاق سرد بود.",
    "ti": "እታ መሕረሲት ጽብቕቲ ነይራ ግን እቲ ክፍሊ ዝሑል ነይሩ።",
    "uk": "Акушерка була добра, але в палаті було холодно.",
}


class Chat:
    """Her side of the conversation with the pure flow, rendered in her language."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.state: dict[str, object] | None = None
        self.now = T0
        self.effects: list[object] = []
        self.read: list[str] = []

    def send(self, text: str, detected_lang: str | None = None) -> list[str]:
        self.now += timedelta(minutes=1)
        outcome = step(self.state, Inbound(text, self.now, detected_lang=detected_lang), CONFIG)
        return self._take(outcome)

    def _take(self, outcome: Outcome) -> list[str]:
        self.state = outcome.state
        self.effects.extend(outcome.effects)
        replies = [render(self.lang, reply, {"code": CODE}) for reply in outcome.replies]
        self.read.extend(replies)
        return replies

    def word(self, command: str) -> str:
        """Her own first word for a command, as she would type it."""
        return entries(self.lang)[f"words.{command}"].text.split(",")[0].strip()


def english_sentences() -> set[str]:
    """Every English prompt sentence, without the command words and codes other languages keep."""
    found: set[str] = set()
    for key, entry in entries(DEFAULT).items():
        if key.startswith("words."):
            continue
        for sentence in re.split(r"(?<=[.?!:])\s+|\n", entry.text):
            words = re.sub(rf"\b[A-Z]{{2,}}\b|\{{\w+\}}|[0-9]+|{BRAND}", " ", sentence)
            words = " ".join(re.findall(r"[A-Za-z']+", words))
            if len(words) >= 5:
                found.add(words.casefold())
    return found


ENGLISH = english_sentences()


def english_in(text: str) -> list[str]:
    plain = text
    for site in (*SITES, CODE, BRAND):
        plain = plain.replace(site, " ")
    plain = " ".join(re.findall(r"[A-Za-z']+", re.sub(r"\b[A-Z]{2,}\b", " ", plain))).casefold()
    return [sentence for sentence in ENGLISH if re.search(rf"\b{re.escape(sentence)}\b", plain)]


def tell_whole_story(lang: str) -> Chat:
    chat = Chat(lang)
    chat.send("Hello", detected_lang=lang)
    chat.send(chat.word("yes"))
    chat.send(STORY[lang])
    chat.send(chat.word("done"))
    for _ in range(3):  # hospital, when, and the optional questions
        assert chat.send(chat.word("skip")), f"{lang}: no reply to skip"
    assert chat.send(chat.word("yes")), f"{lang}: no question about a public quote"
    (thanks,) = chat.send(chat.word("no"))
    assert CODE in thanks
    return chat


def test_the_guard_would_catch_an_english_prompt() -> None:
    (welcome,) = Chat(DEFAULT).send("hi")
    assert english_in(welcome)
    assert english_in("Dziękujemy. What went well?")


@pytest.mark.parametrize("lang", TRANSLATED)
def test_her_whole_story_is_told_in_her_language_with_no_english_prompt(lang: str) -> None:
    chat = tell_whole_story(lang)
    leaks = {reply: english_in(reply) for reply in chat.read if english_in(reply)}
    assert not leaks, f"{lang}: English in {leaks}"


def test_a_whole_story_costs_no_more_than_sixteen_sms_segments_in_any_language() -> None:
    """Prints the table with ``pytest -s``: what one whole story costs by SMS in each language."""
    chats = {lang: tell_whole_story(lang) for lang in TRANSLATED} | {DEFAULT: _english_story()}
    cost = {lang: sum(segments(reply) for reply in chats[lang].read) for lang in available_languages()}
    print("\nlanguage  SMS segments for one whole story (2 hospitals listed)")
    for lang, total in cost.items():
        print(f"{lang:<9} {total:>3}")
    assert not {lang: total for lang, total in cost.items() if total > MAX_SEGMENTS}


def _english_story() -> Chat:
    chat = Chat(DEFAULT)
    chat.send("Hello, I want to tell you about my birth", detected_lang=DEFAULT)
    for text in ("yes", "The ward was cold.", "done", *["skip"] * 3, "yes"):
        chat.send(text)
    return chat


@pytest.mark.parametrize("lang", TRANSLATED)
def test_stop_in_her_own_word_silences_her(lang: str) -> None:
    chat = Chat(lang)
    chat.send("Hello", detected_lang=lang)
    chat.send(chat.word("yes"))
    chat.send(STORY[lang])
    (stopped,) = chat.send(chat.word("stop"))
    assert OptOut() in chat.effects
    assert stopped == render(lang, step(None, Inbound("stop", T0), CONFIG).replies[0])
    assert chat.send(STORY[lang]) == []


@pytest.mark.parametrize("lang", TRANSLATED)
def test_english_stop_always_silences_her(lang: str) -> None:
    chat = Chat(lang)
    chat.send("Hello", detected_lang=lang)
    chat.send("STOP")
    assert OptOut() in chat.effects
    assert chat.send(chat.word("done")) == []
