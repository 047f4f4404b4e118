"""Names after a thank-you, in a sentence written all in capitals, and doubled nicknames.  Written fresh
for these tests: none of these sentences is in the training stories or the held-out ones."""

from __future__ import annotations

import pytest

from bot.privacy.anonymise import anonymise
from bot.privacy.anonymise._tokens import unshouted


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("special thanks to folake on delivery suite", "special thanks to [STAFF NAME] on delivery suite"),
        ("shout out to temitope she was a star", "shout out to [STAFF NAME] she was a star"),
        ("all the midwives were kind esp rukayat", "all the midwives were kind esp [STAFF NAME]"),
        ("big up marisol from the night shift", "big up [STAFF NAME] from the night shift"),
        ("thanks to ifeoma, yewande and the team", "thanks to [STAFF NAME], [STAFF NAME] and the team"),
    ],
)
def test_a_name_after_a_thank_you_goes(text: str, expected: str) -> None:
    assert anonymise(text, "en").redacted == expected


@pytest.mark.parametrize(
    "text",
    [
        "thanks to everyone on the ward esp at night",
        "shoutout to the cleaners and the porters",
        "thank you so much for listening",
        "big thanks to the whole team",
    ],
)
def test_a_thank_you_to_no_one_in_particular_keeps_every_word(text: str) -> None:
    assert anonymise(text, "en").redacted == text


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("prs", "تشکر می‌کنم از همه کارمندان"),
        ("prs", "از قابله تشکر میکنم"),
        ("ur", "شکریہ ادا کرتی ہوں سب کا"),
        ("ur", "shukriya ada karti hoon sab ka"),
    ],
)
def test_a_thank_you_followed_by_its_own_verb_keeps_every_word(lang: str, text: str) -> None:
    """Dari and Urdu put the verb after the thanks ("I thank", "I pay thanks"): no name follows it there."""
    assert anonymise(text, lang).redacted == text


def test_a_thank_you_in_urdu_takes_the_name_after_it() -> None:
    assert anonymise("shukriya shabana aapa", "ur").redacted == "shukriya [STAFF NAME] aapa"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("THANK YOU TO KEHINDE AND OLUMIDE", "THANK YOU TO [STAFF NAME] AND [STAFF NAME]"),
        ("MY MIDWIFE WAS CALLED DAMILOLA", "MY MIDWIFE WAS CALLED [STAFF NAME]"),
        (
            "It was a long night. THANK YOU TO BUKOLA AND ENIOLA. I will never forget it.",
            "It was a long night. THANK YOU TO [STAFF NAME] AND [STAFF NAME]. I will never forget it.",
        ),
    ],
)
def test_a_name_in_a_sentence_in_capitals_goes(text: str, expected: str) -> None:
    assert anonymise(text, "en").redacted == expected


@pytest.mark.parametrize(
    "text",
    [
        "I WAS IN SO MUCH PAIN AND THE MIDWIFE IGNORED ME",
        "NOBODY LISTENED TO ME AND MY BABY ENDED UP IN NICU",
        "THE WARD WAS SO HOT AND I COULD NOT SLEEP",
    ],
)
def test_an_ordinary_sentence_in_capitals_keeps_every_word(text: str) -> None:
    assert anonymise(text, "en").redacted == text


def test_only_a_whole_sentence_in_capitals_is_read_as_lowercase() -> None:
    text = "We went to A&E. THANK YOU ALL SO MUCH\nthe NHS was great"
    assert unshouted(text) == "We went to A&E. thank you all so much\nthe NHS was great"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my midwife chi chi was amazing", "my midwife [STAFF NAME] was amazing"),
        ("my daughter mimi was born at 3am", "my daughter [NAME] was born at 3am"),
        ("thanks to bisi and jo jo on the ward", "thanks to [STAFF NAME] and [STAFF NAME] on the ward"),
        ("my sister didi didi came with me", "my sister [NAME] came with me"),
    ],
)
def test_a_doubled_nickname_after_a_cue_goes_as_one_name(text: str, expected: str) -> None:
    assert anonymise(text, "en").redacted == expected
