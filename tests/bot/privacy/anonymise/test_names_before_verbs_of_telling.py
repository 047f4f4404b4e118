"""Who told her, or whom she told or asked, is a name even when the name is also a word ("ભાવના",
feeling; "فرشته", angel); "everyone", "someone" and "staff" in her script there are not, and a title
before the person still makes her staff."""

from __future__ import annotations

import pytest

from tests.bot.privacy.anonymise.redaction import redact


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("gu", "પછી ભાવના એ મને કહ્યું", "પછી [NAME] એ મને કહ્યું"),
        ("prs", "به فرشته گفتم که درد دارم", "به [NAME] گفتم که درد دارم"),
        ("gu", "ડૉ. શાહ એ સમજાવ્યું", "ડૉ. [STAFF NAME] એ સમજાવ્યું"),
    ],
)
def test_a_name_before_a_verb_of_telling_is_taken(lang: str, text: str, expected: str) -> None:
    assert redact(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("gu", "સ્ટાફ એ કહ્યું કે રાહ જુઓ"),
        ("gu", "બધા એ કહ્યું કે બધું સારું છે"),
        ("ur", "سٹاف نے کہا انتظار کریں"),
        ("pa", "ਸਟਾਫ ਨੇ ਕਿਹਾ ਉਡੀਕ ਕਰੋ"),
        ("prs", "کسی به من گفت صبر کن"),
    ],
)
def test_everyone_someone_and_staff_stay(lang: str, text: str) -> None:
    assert redact(text, lang) == text


def test_whom_help_came_from_is_a_name_and_a_town_after_from_is_not() -> None:
    assert (
        redact("the support from Nasreen was the best part", "en")
        == "the support from [NAME] was the best part"
    )
    assert redact("we moved from Preston to Leeds", "en") == "we moved from Preston to Leeds"


def test_the_midwife_in_pashto_script_before_a_verb_of_telling_stays() -> None:
    assert redact("مډوایف راته وویل چې صبر وکړه", "ps") == "مډوایف راته وویل چې صبر وکړه"
