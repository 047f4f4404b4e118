"""Her relatives and friends named beside the kin word she uses, in every language, native script and
romanised, and the kin word alone left as she wrote it."""

from __future__ import annotations

import pytest

from tests.bot.privacy.anonymise.redaction import redact


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("ur", "meri behen sadia ne translate kiya", "meri behen [NAME] ne translate kiya"),
        ("ur", "meri bhabi farzana ne form bhara", "meri bhabi [NAME] ne form bhara"),
        ("ur", "میری بھابھی ثمینہ ساتھ آئی", "میری بھابھی [NAME] ساتھ آئی"),
        ("pa", "meri behen jeeti ne translate kita", "meri behen [NAME] ne translate kita"),
        ("pa", "فیر ماسی پروین آئی", "فیر ماسی [NAME] آئی"),
        ("pa", "ਮੇਰੀ ਭੂਆ ਗੁਰਮੀਤ ਨਾਲ ਸੀ", "ਮੇਰੀ ਭੂਆ [NAME] ਨਾਲ ਸੀ"),
        ("gu", "મારી બહેન હેતલ એ મદદ કરી", "મારી બહેન [NAME] એ મદદ કરી"),
        ("gu", "mari bhabhi komal sathe hati", "mari bhabhi [NAME] sathe hati"),
        ("bn", "amar nanad ruma interpreter er kaj korse", "amar nanad [NAME] interpreter er kaj korse"),
        ("bn", "আমার ভাবি রুবিনা সাথে ছিল", "আমার ভাবি [NAME] সাথে ছিল"),
        ("ps", "زما ورېندار ګلالۍ راسره وه", "زما ورېندار [NAME] راسره وه"),
        ("prs", "رفیقم نسیمه همراهم بود", "رفیقم [NAME] همراهم بود"),
        ("so", "saaxiibkay cabdi ayaa i keenay", "saaxiibkay [NAME] ayaa i keenay"),
        ("ti", "ሓትነይ ለተ መጺኣ", "ሓትነይ [NAME] መጺኣ"),
        ("ti", "ጓል ሓብተይ ሳባ መጺኣ", "ጓል ሓብተይ [NAME] መጺኣ"),
        ("pl", "moja szwagierka Agnieszka tłumaczyła", "moja szwagierka [NAME] tłumaczyła"),
        ("ro", "cumnata mea Ioana a tradus", "cumnata mea [NAME] a tradus"),
        ("pt", "minha cunhada Daiane ficou comigo", "minha cunhada [NAME] ficou comigo"),
        ("uk", "моя невістка Оксана перекладала", "моя невістка [NAME] перекладала"),
        ("en", "my brother-in-law Dele drove us", "my brother-in-law [NAME] drove us"),
        ("en", "my neighbour Siobhan had the kids", "my neighbour [NAME] had the kids"),
        ("ar", "rajli samer ma kan fi el beit", "rajli [NAME] ma kan fi el beit"),
        ("pa", "massi pinky aayi si", "massi [NAME] aayi si"),
        ("pa", "ਮੇਰੀ ਕੁੜੀ ਨਵੀ ਠੀਕ ਆ", "ਮੇਰੀ ਕੁੜੀ [NAME] ਠੀਕ ਆ"),
        ("pa", "mere gharwale balraj aaye", "mere gharwale [NAME] aaye"),
        ("gu", "મારી ફ્રેન્ડ કિંજલ મારી સાથે હતી", "મારી ફ્રેન્ડ [NAME] મારી સાથે હતી"),
        ("bn", "আমার হাজব্যান্ড রাজু আসে নাই", "আমার হাজব্যান্ড [NAME] আসে নাই"),
        ("pa", "ਮੇਰੀ ਫਰੈਂਡ ਨਵਨੀਤ ਆਈ", "ਮੇਰੀ ਫਰੈਂਡ [NAME] ਆਈ"),
        ("bn", "amar nam shathi, ami 2 baccha er ma", "amar nam [NAME], ami 2 baccha er ma"),
    ],
)
def test_a_name_after_any_kin_word_is_taken_out(lang: str, text: str, expected: str) -> None:
    assert redact(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ur", "meri behen ne kaha ke ruk jao"),
        ("ur", "nanad bhi aayi thi"),
        ("bn", "amar nanad ashe nai"),
        ("en", "my neighbour came round"),
    ],
)
def test_a_kin_word_with_no_name_leaves_her_words_alone(lang: str, text: str) -> None:
    assert redact(text, lang) == text


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "ar",
            "jana w tala banat khalti, ijo 3al mustashfa",
            "[NAME] w [NAME] banat khalti, ijo 3al mustashfa",
        ),
        ("bn", "তানিয়া আর সুমাইয়া আমার কাজিন, দুজনেই এসেছিল", "[NAME] আর [NAME] আমার কাজিন, দুজনেই এসেছিল"),
    ],
)
def test_a_comma_after_a_kin_word_ends_it(lang: str, text: str, expected: str) -> None:
    assert redact(text, lang) == expected


def test_a_name_opening_the_sentence_before_a_kin_word_is_taken_out() -> None:
    assert (
        redact("بدون ما تسألني. غدير صاحبتي قالت لي أشتكي", "ar")
        == "بدون ما تسألني. [NAME] صاحبتي قالت لي أشتكي"
    )


def test_a_verb_before_a_kin_word_mid_sentence_stays() -> None:
    assert redact("رقمي عندكم اتصلوا بأختي", "ar") == "رقمي عندكم اتصلوا بأختي"


def test_polish_siostra_alone_is_still_the_nurse() -> None:
    assert redact("siostra Ewa podała mi leki", "pl") == "siostra [STAFF NAME] podała mi leki"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("phuppo rukhsana bhi saath thi", "phuppo [NAME] bhi saath thi"),
        ("shazia khala bhi saath thi", "[NAME] khala bhi saath thi"),
    ],
)
def test_a_roman_urdu_aunt_without_my_is_still_her_kin_word(text: str, expected: str) -> None:
    assert redact(text, "ur") == expected


def test_a_name_a_kin_word_points_at_stays_taken_where_the_model_only_slightly_doubts_it() -> None:
    assert redact("دختر خود ستاره را هرگز فراموش نمیکنم", "prs") == "دختر خود [NAME] را هرگز فراموش نمیکنم"


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "tito Arnel drove me in at 4am", "tito [NAME] drove me in at 4am"),
        ("ps", "ror Zalmai zama sara wo", "ror [NAME] zama sara wo"),
        ("so", "Abaayo Hodan ayaa i caawisay", "Abaayo [NAME] ayaa i caawisay"),
        (
            "so",
            "umulisadu aad bay ii caawisay, mahadsanid walaal",
            "umulisadu aad bay ii caawisay, mahadsanid walaal",
        ),
    ],
)
def test_a_bare_kin_word_of_address_is_no_name_and_names_the_word_after_it(
    lang: str, text: str, expected: str
) -> None:
    assert redact(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a minha amiga Tita esteve comigo", "a minha amiga [NAME] esteve comigo"),
        ("o Tito chegou às 5", "o [NAME] chegou às 5"),
        ("a enfermeira Lola foi um anjo", "a enfermeira [STAFF NAME] foi um anjo"),
    ],
)
def test_a_kin_word_borrowed_into_english_is_a_name_in_another_language(text: str, expected: str) -> None:
    """Filipino "tita", "tito", "lola" are kin words in an English story only."""
    assert redact(text, "pt") == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("pt", "a minha amiga Kelly esteve comigo", "a minha amiga [NAME] esteve comigo"),
        ("pt", "a minha prima filipa esteve sempre comigo", "a minha prima [NAME] esteve sempre comigo"),
        ("pt", "a parteira chamava-se Rosário e foi boa", "a parteira chamava-se [STAFF NAME] e foi boa"),
        ("en", "my midwife Maryam khan was lovely", "my midwife [STAFF NAME] was lovely"),
        ("en", "my midwife Sarah smith was lovely", "my midwife [STAFF NAME] was lovely"),
    ],
)
def test_her_portuguese_was_and_was_called_stay_and_a_lowercase_surname_goes(
    lang: str, text: str, expected: str
) -> None:
    """ "Esteve" is also a surname, but it is "was", a Portuguese auxiliary listed with "estava", after
    any name; "chamava-se", she was called, is a naming word as "chama-se" is; a lowercase surname a
    list holds still goes with the name ("Sarah smith", "Maryam khan"), though it is also a word."""
    assert redact(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ਜਸਪ੍ਰੀਤ ਭਾਜੀ ਸਾਨੂੰ ਘਰ ਛੱਡ ਕੇ ਗਏ", "[NAME] ਭਾਜੀ ਸਾਨੂੰ ਘਰ ਛੱਡ ਕੇ ਗਏ"),
        ("ਕੁਲਵੰਤ ਚਾਚੀ ਨੇ ਕਿਹਾ ਪਾਣੀ ਪੀ", "[NAME] ਚਾਚੀ ਨੇ ਕਿਹਾ ਪਾਣੀ ਪੀ"),
        ("harjit bhaji aaye si", "[NAME] bhaji aaye si"),
    ],
)
def test_a_panjabi_word_of_respect_after_a_name_stays_her_word(text: str, expected: str) -> None:
    assert redact(text, "pa") == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("bn", "পাশের বাসার শিরিন ভাবি প্রতিদিন খোঁজ নেয়", "পাশের বাসার [NAME] ভাবি প্রতিদিন খোঁজ নেয়"),
        ("bn", "ডাক্তার আপা খুব ভালো ছিলেন", "ডাক্তার আপা খুব ভালো ছিলেন"),
        ("bn", "আমার ভাবি আসছে", "আমার ভাবি আসছে"),
    ],
)
def test_a_word_before_a_word_of_respect_in_her_script_is_a_name(lang: str, text: str, expected: str) -> None:
    assert redact(text, lang) == expected
