"""The name she gave her baby and the name she asks staff to ask for, in every language, taken out even
when the name is also a word; the same phrases with no name in them left as she wrote them."""

from __future__ import annotations

import pytest

from tests.bot.privacy.anonymise.redaction import redact


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "we named her Joy after my nan", "we named her [NAME] after my nan"),
        ("ur", "ہم نے اس کا نام نور رکھا", "ہم نے اس کا نام [NAME] رکھا"),
        ("ur", "ham ne uska naam noor rakha", "ham ne uska naam [NAME] rakha"),
        ("pa", "ਅਸੀਂ ਉਹਦਾ ਨਾਮ ਖ਼ੁਸ਼ੀ ਰੱਖਿਆ", "ਅਸੀਂ ਉਹਦਾ ਨਾਮ [NAME] ਰੱਖਿਆ"),
        ("gu", "અમે નામ આસ્થા રાખ્યું", "અમે નામ [NAME] રાખ્યું"),
        ("bn", "মেয়ের নাম রেখেছি খুশি", "মেয়ের নাম রেখেছি [NAME]"),
        ("bn", "nam rekhechi alo", "nam rekhechi [NAME]"),
        ("ar", "سميناها أمل", "سميناها [NAME]"),
        ("ar", "سمينا البنت نور لأنها نور حياتنا", "سمينا البنت [NAME] لأنها نور حياتنا"),
        ("ro", "am numit-o Maria", "am numit-o [NAME]"),
        ("uk", "назвали її Надія", "назвали її [NAME]"),
        ("ps", "زوی ته مو احمد نوم ورکړ", "زوی ته مو [NAME] نوم ورکړ"),
        ("ps", "لور ته یې ملالۍ نوم کېښود", "لور ته یې [NAME] نوم کېښود"),
    ],
)
def test_the_name_she_gave_her_baby_is_taken_out(lang: str, text: str, expected: str) -> None:
    assert redact(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "ring me and ask for Tamsin", "ring me and ask for [NAME]"),
        ("gu", "હેતલ માટે પૂછજો", "[NAME] માટે પૂછજો"),
        ("ar", "واسألوا عن أم سيف", "واسألوا عن [NAME]"),
        ("ps", "د ګلالۍ پوښتنه وکړئ", "د [NAME] پوښتنه وکړئ"),
        ("ti", "ንዓይ ሰላም ሕተቱ", "ንዓይ [NAME] ሕተቱ"),
        ("pl", "proszę pytać o Kasię", "proszę pytać o [NAME]"),
        ("ro", "întrebați de Ioana", "întrebați de [NAME]"),
        ("pt", "perguntem por Rosângela", "perguntem por [NAME]"),
        ("uk", "спитайте Олену", "спитайте [NAME]"),
    ],
)
def test_the_name_to_ask_for_is_taken_out(lang: str, text: str, expected: str) -> None:
    assert redact(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "we named the ward after her"),
        ("en", "they named him after his grandad"),
        ("en", "please ask for help if you need it"),
        ("en", "ask for an interpreter"),
        ("gu", "interpreter માટે પૂછજો"),
        ("ar", "اسألوا عن المترجم"),
        ("ti", "ንዓይ ሕተቱ"),
        ("pl", "proszę pytać o tłumacza"),
        ("pt", "pergunte por ajuda"),
    ],
)
def test_the_same_phrases_without_a_name_stay(lang: str, text: str) -> None:
    assert redact(text, lang) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "she never said her name but her badge said Ona",
            "she never said her name but her badge said [NAME]",
        ),
        (
            "the anaesthetist was kind, his name tag said Tadas",
            "the anaesthetist was kind, his name tag said [NAME]",
        ),
    ],
)
def test_the_name_her_badge_gave_goes(text: str, expected: str) -> None:
    assert redact(text, "en") == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "in the end kathleen from reception rang someone",
            "in the end [NAME] from reception rang someone",
        ),
        ("ar", "بالآخر ساعدتني هبة من الاستقبال", "بالآخر ساعدتني [NAME] من الاستقبال"),
        (
            "ps",
            "په پای کې شبنم له reception نه راسره مرسته وکړه",
            "په پای کې [NAME] له reception نه راسره مرسته وکړه",
        ),
        ("ti", "ኣብ መወዳእታ ሳባ ካብ reception ሓጊዛትኒ", "ኣብ መወዳእታ [NAME] ካብ reception ሓጊዛትኒ"),
        ("pl", "potem Gosia z recepcji zadzwoniła", "potem [NAME] z recepcji zadzwoniła"),
    ],
)
def test_whoever_she_names_at_reception_is_taken_out(lang: str, text: str, expected: str) -> None:
    # 2026-12-02: with no cue before it, a name no list knows in a script without capitals stayed
    assert redact(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [("en", "in the end the lady from reception rang someone"), ("pl", "w końcu pani z recepcji zadzwoniła")],
)
def test_someone_at_reception_with_no_name_stays(lang: str, text: str) -> None:
    assert redact(text, lang) == text
