"""Her baby, her parents and grandparents are kin words in every script she writes ("મારા દીકરા", "ਪੁੱਤ",
"طفلم", "بےبے"), as the transliterated "midwife" is a staff word in Ge'ez ("ሚድዋይፍ") and "apu" an
honorific after a name: the name after (or before) them goes, the kin word itself stays, and the town
in "په … کې" (in …) stays too."""

from __future__ import annotations

import pytest

from tests.bot.privacy.anonymise.redaction import redact


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("gu", "મારા દીકરા નીલ નું વજન વધ્યું", "મારા દીકરા [NAME] નું વજન વધ્યું"),
        ("gu", "મારી બા કમળા રોજ આવતા", "મારી બા [NAME] રોજ આવતા"),
        ("pa", "ਪੁੱਤ ਗੁਰਮੀਤ ਹੁਣ ਠੀਕ ਹੈ", "ਪੁੱਤ [NAME] ਹੁਣ ਠੀਕ ਹੈ"),
        ("pa", "تے بےبے صغراں نوں اندر نئیں آن دتا", "تے بےبے [NAME] نوں اندر نئیں آن دتا"),
        ("prs", "طفلم یاسین را به بخش بردند", "طفلم [NAME] را به بخش بردند"),
        # her grandmother without "my", as Urdu texts often say her (2026-12-02)
        ("ur", "بیٹی ہوئی ہے۔ دادی پروین بہت خوش ہیں", "بیٹی ہوئی ہے۔ دادی [NAME] بہت خوش ہیں"),
        ("ur", "nani shamim aayi thi", "nani [NAME] aayi thi"),
        ("ti", "ሚድዋይፍ ሄለን ሓገዘትኒ", "ሚድዋይፍ [STAFF NAME] ሓገዘትኒ"),
    ],
)
def test_a_name_after_her_baby_parent_or_grandparent_is_taken(lang: str, text: str, expected: str) -> None:
    assert redact(text, lang) == expected


def test_a_lowercase_name_before_apu_is_taken() -> None:
    assert redact("shirin apu boleche complain korte", "bn") == "[NAME] apu boleche complain korte"


def test_the_town_in_pashto_pa_ke_stays() -> None:
    assert redact("زما لور په لیډز کې وزېږېده", "ps") == "زما لور په لیډز کې وزېږېده"


@pytest.mark.parametrize("text", ["دادی نے کہا صبر کرو", "nani ne kaha sab theek hai", "دادی بہت خوش ہیں"])
def test_her_grandmother_with_no_name_after_stays_whole(text: str) -> None:
    assert redact(text, "ur") == text
