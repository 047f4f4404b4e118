"""Identifiers with a shape: her profile address, a handle after a platform in her script, a hospital
number however its digits are grouped."""

from __future__ import annotations

import pytest

from tests.bot.privacy.anonymise.redaction import redact


@pytest.mark.parametrize(
    ("lang", "text", "left"),
    [
        ("en", "add me facebook.com/tina.okoro.2291 if u like", "add me [HANDLE] if u like"),
        ("en", "my vids are on tiktok.com/@mumof3_jo now", "my vids are on [HANDLE] now"),
        ("en", "www.instagram.com/bumpdiaries88/ is me", "[HANDLE] is me"),
        ("en", "https://m.facebook.com/profile.php?id=10004455667788 thats me", "[HANDLE] thats me"),
        ("en", "msg me t.me/marta_lviv91", "msg me [HANDLE]"),
        ("pl", "jestem na x.com/ania_mama", "jestem na [HANDLE]"),
    ],
)
def test_her_profile_address_goes_whole(lang: str, text: str, left: str) -> None:
    assert redact(text, lang) == left


@pytest.mark.parametrize(
    ("lang", "text", "left"),
    [
        ("en", "snap: bumpdiaries88", "snap: [HANDLE]"),
        ("en", "my tiktok @ mumof3jo", "my tiktok @ [HANDLE]"),
        ("uk", "мій інстаграм marta.mama.91", "мій інстаграм [HANDLE]"),
        ("ur", "میرا انسٹا hina.mum22 ہے", "میرا انسٹا [HANDLE] ہے"),
        ("prs", "اینستاگرام من nilofar.mama90", "اینستاگرام من [HANDLE]"),
        ("ti", "ኣብ ኢንስታግራም luwam.mum91 እየ", "ኣብ ኢንስታግራም [HANDLE] እየ"),
        ("pl", "na fb jestem jako Ola Mazur 91", "na fb jestem jako [HANDLE]"),
    ],
)
def test_a_handle_after_a_platform_named_in_her_script_or_with_a_colon_goes(
    lang: str, text: str, left: str
) -> None:
    assert redact(text, lang) == left


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ar", "شفت في فيسبوك مجموعة الأمهات ساعدتني كثير"),
        ("uk", "у фейсбук групі мами мені допомогли"),
        ("bn", "ফেসবুক গ্রুপে মায়েরা অনেক সাহায্য করেছে"),
        ("en", "he ignored me at 3.30 and the instant relief at 4.15 was lovely"),
        ("en", "I was @ the hospital @ 3am"),
    ],
)
def test_words_after_a_platform_in_a_script_without_capitals_and_at_for_at_stay(lang: str, text: str) -> None:
    assert redact(text, lang) == text


@pytest.mark.parametrize(
    ("lang", "text", "left"),
    [
        ("ps", "روغتون نمبر QKH 4471 260 دی", "روغتون نمبر [HOSPITAL NUMBER] دی"),
        ("bn", "হাসপাতাল নং RXK 20 44 718", "হাসপাতাল নং [HOSPITAL NUMBER]"),
        ("en", "my number there was WMH 7712 90", "my number there was [HOSPITAL NUMBER]"),
        (
            "pa",
            "hospital no QEH-771245, midwife Simran changi si",
            "hospital no [HOSPITAL NUMBER], midwife [STAFF NAME] changi si",
        ),
        ("ar", "رقم المستشفى RBH-٤٤٥٦٧٨ لو سمحتوا", "رقم المستشفى [HOSPITAL NUMBER] لو سمحتوا"),
        (
            "en",
            "they said to quote LGI-5566778 when I ring",
            "they said to quote [HOSPITAL NUMBER] when I ring",
        ),
        ("ar", "رقمي بالمستشفى RX4 123456 محد اتصل", "رقمي بالمستشفى [HOSPITAL NUMBER] محد اتصل"),
        ("ti", "RX4 123456 እዩ ቁጽሪ ሆስፒታለይ", "[HOSPITAL NUMBER] እዩ ቁጽሪ ሆስፒታለይ"),
    ],
)
def test_a_hospital_number_goes_whole_however_its_digits_are_grouped(lang: str, text: str, left: str) -> None:
    assert redact(text, lang) == left


@pytest.mark.parametrize(
    "text",
    ["the M25 was closed for 2 hours", "bp 150/90 and my B12 was low", "I was on ward C3 for 12 hours"],
)
def test_a_road_a_vitamin_or_a_ward_with_digits_stays(text: str) -> None:
    assert redact(text, "en") == text
