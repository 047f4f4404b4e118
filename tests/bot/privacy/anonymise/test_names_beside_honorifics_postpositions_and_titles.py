"""Names beside the words that govern them, in the languages the first rounds missed most: an honorific
after the name stays, a second name joined by "and" goes too, a name with a postposition or a fused case
ending goes whole, and a job title followed by a verb keeps both.  None of these sentences is in the
training stories."""

from __future__ import annotations

import pytest

from bot.privacy.anonymise import anonymise


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("ur", "کل رات نسرین باجی نے میرے لیے چائے بنائی", "کل رات [NAME] باجی نے میرے لیے چائے بنائی"),
        (
            "ur",
            "kal raat nasreen baji ne mere liye chai banayi",
            "kal raat [NAME] baji ne mere liye chai banayi",
        ),
        ("ps", "پرون شپه نسرینه خاله راته چای راوړل", "پرون شپه [NAME] خاله راته چای راوړل"),
    ],
)
def test_an_honorific_after_a_name_stays(lang: str, text: str, expected: str) -> None:
    assert anonymise(text, lang).redacted == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("pa", "ਹਰਨੀਤ ਤੇ ਕਮਲਪ੍ਰੀਤ ਮੇਰੀਆਂ ਨਣਦਾਂ ਨੇ", "[NAME] ਤੇ [NAME] ਮੇਰੀਆਂ ਨਣਦਾਂ ਨੇ"),
        ("prs", "فریبا و شکیلا آمدند", "[NAME] و [NAME] آمدند"),
    ],
)
def test_a_name_joined_to_a_name_by_and_goes_too(lang: str, text: str, expected: str) -> None:
    assert anonymise(text, lang).redacted == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "ur",
            "میں نے شبنم کو فون کیا مگر اس نے نہیں اٹھایا",
            "میں نے [NAME] کو فون کیا مگر اس نے نہیں اٹھایا",
        ),
        ("ti", "ምስ ኣብርሀት ብተሌፎን ተዛሪበ", "ምስ [NAME] ብተሌፎን ተዛሪበ"),
        ("gu", "મેં મીનાક્ષીને ફોન કર્યો", "મેં [NAME] ફોન કર્યો"),
        ("bn", "আমি শারমিনকে ফোন করলাম", "আমি [NAME] ফোন করলাম"),
    ],
)
def test_a_name_with_a_postposition_or_a_fused_ending_goes_whole(lang: str, text: str, expected: str) -> None:
    assert anonymise(text, lang).redacted == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("ti", "ትማሊ ለይቲ ሚድዋይፍ ኣልማዝ ብጣዕሚ ሓጊዛትኒ", "ትማሊ ለይቲ ሚድዋይፍ [STAFF NAME] ብጣዕሚ ሓጊዛትኒ"),
        ("ps", "زما مډوایف شیرینه وه، ډېره ښه وه", "زما مډوایف [STAFF NAME] وه، ډېره ښه وه"),
        ("pa", "ਨਰਸ ਹਰਜੋਤ ਨੇ ਮੇਰਾ ਹੱਥ ਫੜਿਆ", "ਨਰਸ [STAFF NAME] ਨੇ ਮੇਰਾ ਹੱਥ ਫੜਿਆ"),
    ],
)
def test_a_staff_name_after_a_title_goes_and_the_time_words_before_stay(
    lang: str, text: str, expected: str
) -> None:
    assert anonymise(text, lang).redacted == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ps", "ډاکټر وویل چې ماشوم ښه دی"),
        ("prs", "داکتر گفت که طفل خوب است"),
        ("pa", "ਡਾਕਟਰ ਨੇ ਕਿਹਾ ਕਿ ਬੱਚਾ ਠੀਕ ਹੈ"),
        ("ti", "ዶክተር ቆልዓ ጽቡቕ እዩ ኢሉ"),
    ],
)
def test_a_title_followed_by_a_verb_keeps_every_word(lang: str, text: str) -> None:
    assert anonymise(text, lang).redacted == text


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "pl",
            "położna Dorota opiekowała się mną, z Dorotą czułam się bezpiecznie",
            "położna [STAFF NAME] opiekowała się mną, z [STAFF NAME] czułam się bezpiecznie",
        ),
        (
            "en",
            "midwife Chidinma came at 3, then Chidinma stayed",
            "midwife [STAFF NAME] came at 3, then [STAFF NAME] stayed",
        ),
    ],
)
def test_a_name_staff_carry_once_is_staff_every_time_it_is_mentioned(
    lang: str, text: str, expected: str
) -> None:
    assert anonymise(text, lang).redacted == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("so", "ummulisadii Cawo aad bay u fiicnayd"),
        ("uk", "likar Hryhorenko navit ne predstavylas"),
    ],
)
def test_a_staff_word_in_her_spelling_types_the_name_as_staff(lang: str, text: str) -> None:
    assert "[STAFF NAME]" in anonymise(text, lang).redacted


@pytest.mark.parametrize(
    "text",
    [
        "my daughter Grace is fine. We were on Grace Ward for 3 days",
        "Sarah was kind. The Kestrel unit was noisy, KESTREL  again.",
    ],
)
def test_a_name_said_again_inside_a_place_stays_the_place(text: str) -> None:
    redacted = anonymise(text, "en").redacted
    assert "Grace Ward" in redacted or "Kestrel unit was noisy, KESTREL" in redacted


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a minha tia Dona Amélia veio comigo", "a minha tia Dona [NAME] veio comigo"),
        ("a dona Zulmira da limpeza foi simpática", "a dona [NAME] da limpeza foi simpática"),
    ],
)
def test_portuguese_dona_is_a_title_before_her_name_not_part_of_it(text: str, expected: str) -> None:
    assert anonymise(text, "pt").redacted == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ami Whipps Cross e chilam, amar shashuri ar moni khala ashlo",
            "Ami Whipps Cross e chilam, amar shashuri ar [NAME] khala ashlo",
        ),
        (
            "Nurse Jenny amake bollo, pore tania apa ashlo",
            "Nurse [STAFF NAME] amake bollo, pore [NAME] apa ashlo",
        ),
    ],
)
def test_a_lowercase_name_before_a_word_of_respect_goes_where_she_capitalises_others(
    text: str, expected: str
) -> None:
    assert anonymise(text, "bn").redacted == expected


def test_a_listed_name_after_the_portuguese_article_goes_where_the_model_doubts_it() -> None:
    assert (
        "Priscila"
        not in anonymise("esperei uma hora até a Priscila da cama 4 ir chamar alguém", "pt").redacted
    )


def test_a_country_after_the_portuguese_article_stays() -> None:
    text = "moro em Luton e a Inglaterra é fria"
    assert anonymise(text, "pt").redacted == text
