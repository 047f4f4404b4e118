"""Behaviour of the anonymiser as the people reading stories rely on it."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import threading
from pathlib import Path
from types import ModuleType

import pytest

from bot.privacy.anonymise import Entity, anonymise
from tests.bot.privacy.anonymise.redaction import redact

ROOT = Path(__file__).resolve().parents[4]


@pytest.mark.parametrize(
    "text",
    [
        "I had hope that it would be quick.",
        "It was may when I went in.",
        "Will you listen to me this time?",
        "Precious moments, full of joy and grace.",
        "I needed patience and mercy on that ward.",
        "The summer heat was awful and the baby was fine.",
    ],
)
def test_ordinary_words_that_are_also_names_are_kept(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("My daughter Grace was born at night.", "My daughter [NAME] was born at night."),
        ("Grace the midwife was lovely.", "[STAFF NAME] the midwife was lovely."),
        ("We called him Precious.", "We called him [NAME]."),
    ],
)
def test_a_decoy_word_is_a_name_when_the_context_says_so(text: str, expected: str) -> None:
    assert redact(text) == expected


def test_hospital_and_service_names_are_kept() -> None:
    text = (
        "I went to Medway Maritime Hospital, then Queen Elizabeth Hospital, St Thomas', Darent Valley, "
        "King's College Hospital and William Harvey Hospital."
    )
    assert redact(text) == text


def test_staff_are_marked_as_staff_so_the_service_learns_a_named_person_was_involved() -> None:
    assert redact("my midwife was chioma and Dr Okafor was rude") == (
        "my midwife was [STAFF NAME] and Dr [STAFF NAME] was rude"
    )


def test_family_and_her_own_name_are_names() -> None:
    assert redact("My name is Adebimpe. Tunde my husband held my hand.") == (
        "My name is [NAME]. [NAME] my husband held my hand."
    )


def test_lowercase_texting_names_are_caught_through_cues() -> None:
    assert redact("my son femi was born at 2am, my husband kofi was there") == (
        "my son [NAME] was born at 2am, my husband [NAME] was there"
    )


def test_a_name_with_no_cue_mid_sentence_is_caught() -> None:
    assert redact("I was with Temitope when my waters broke.") == "I was with [NAME] when my waters broke."


@pytest.mark.parametrize(
    "phone",
    [
        "07700 900123",
        "07700900123",
        "+44 7700 900123",
        "+44 (0)7700 900123",
        "020 7946 0018",
        "(020) 7946 0018",
        "07700-900-123",
    ],
)
def test_uk_phone_numbers_in_every_common_format_are_removed(phone: str) -> None:
    assert redact(f"call me on {phone} please") == "call me on [PHONE] please"


def test_emails_are_removed() -> None:
    assert redact("email me on jo.bloggs+x@example.com thanks") == "email me on [EMAIL] thanks"


@pytest.mark.parametrize("number", ["609 139 0996", "609-139-0996", "6091390996"])
def test_valid_nhs_numbers_are_removed_in_any_layout(number: str) -> None:
    assert redact(f"the number {number} was on my notes") == "the number [NHS NUMBER] was on my notes"


def test_a_labelled_nhs_number_is_removed_even_if_it_fails_the_check() -> None:
    assert redact("My NHS number is 526 018 1590.") == "My NHS number is [NHS NUMBER]."


def test_a_long_number_with_no_label_is_taken_out_whole_since_no_digit_of_an_identifier_may_survive() -> None:
    assert redact("The reference was 8301661318 and nobody called back.") == (
        "The reference was [NHS NUMBER] and nobody called back."
    )
    assert redact("it was 12 34 56 78 on the band") == "it was [HOSPITAL NUMBER] on the band"


def test_full_postcodes_are_removed_in_any_case() -> None:
    assert (
        redact("I live near ME7 5NY, she lives in e17 4pp")
        == "I live near [POSTCODE], she lives in [POSTCODE]"
    )


def test_a_district_where_she_lives_goes_like_a_full_postcode() -> None:
    text = "I live in E17 and we moved to ME7 last year."
    assert redact(text) == "I live in [POSTCODE] and we moved to [POSTCODE] last year."


def test_street_addresses_are_removed() -> None:
    assert redact("I live at 12 Station Road.") == "I live at [ADDRESS]."
    assert redact("my address is flat 3, 45 high street") == "my address is [ADDRESS]"


def test_times_and_distances_are_not_mistaken_for_addresses() -> None:
    text = "It took 10 minutes all the way and I was 3cm at 10:30."
    assert redact(text) == text


def test_dates_of_birth_are_removed_but_birth_story_dates_kept() -> None:
    assert redact("She was born on 3 March 2021.") == "She was born on [DATE OF BIRTH]."
    assert redact("DOB 03/03/1990") == "DOB [DATE OF BIRTH]"
    assert redact("date of birth: 5th of June 1988") == "date of birth: [DATE OF BIRTH]"
    assert redact("On 3 March we went in, in March the scan was fine.") == (
        "On 3 March we went in, in March the scan was fine."
    )


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("pl", "Moja położna Agnieszka była super.", "Moja położna [STAFF NAME] była super."),
        ("uk", "Мене звати Оксана, моя акушерка Наталія.", "Мене звати [NAME], моя акушерка [STAFF NAME]."),
        ("ur", "میرا نام فاطمہ ہے۔", "میرا نام [NAME] ہے۔"),
        ("ar", "اسمي ريم. القابلة سلمى كانت لطيفة.", "اسمي [NAME]. القابلة [STAFF NAME] كانت لطيفة."),
        ("bn", "আমার নাম রুমানা।", "আমার নাম [NAME]।"),
        ("pa", "ਮੇਰਾ ਨਾਮ ਹਰਪ੍ਰੀਤ ਹੈ।", "ਮੇਰਾ ਨਾਮ [NAME] ਹੈ।"),
        ("gu", "મારું નામ ગીતા છે.", "મારું નામ [NAME] છે."),
        ("ti", "ስመይ ሳባ እዩ።", "ስመይ [NAME] እዩ።"),
        ("so", "Magacaygu waa Hodan.", "Magacaygu waa [NAME]."),
    ],
)
def test_names_are_found_in_each_script(lang: str, text: str, expected: str) -> None:
    assert redact(text, lang) == expected
    assert redact(text) == expected  # unknown language applies every language's cues


def test_entity_offsets_point_at_the_original_text() -> None:
    text = "Hi, I'm Akosua Mensah, call 07700 900123, NHS no 609 139 0996, ME7 5NY."
    result = anonymise(text)
    assert [(e.type, text[e.start : e.end]) for e in result.entities] == [
        ("NAME", "Akosua Mensah"),
        ("PHONE", "07700 900123"),
        ("NHS NUMBER", "609 139 0996"),
        ("POSTCODE", "ME7 5NY"),
    ]
    assert all(isinstance(e, Entity) for e in result.entities)


def test_everything_else_of_her_words_is_untouched() -> None:
    text = "  So… I waited 4 hrs!!  Nobody came 😔\n\nThen Dr Okafor's team helped. "
    result = anonymise(text)
    assert result.redacted == "  So… I waited 4 hrs!!  Nobody came 😔\n\nThen Dr [STAFF NAME]'s team helped. "


def test_concurrent_first_calls_agree() -> None:
    results: list[str] = []
    threads = [
        threading.Thread(target=lambda: results.append(redact("my midwife was chioma"))) for _ in range(8)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert set(results) == {"my midwife was [STAFF NAME]"}


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_anonymise", ROOT / "bench" / "anonymise.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("part", "name_floor", "unseen_floor", "kept_floor"),
    [
        ("eval/tuning.jsonl", 0.97, 0.97, 0.98),
        ("corpus/stories.jsonl", 0.98, 0.98, 0.98),
        ("corpus/heldout.jsonl", 0.97, 0.95, 0.98),
    ],
)
def test_names_are_found_and_ordinary_words_kept_above_floors_and_no_identifier_digit_leaks(
    part: str, name_floor: float, unseen_floor: float, kept_floor: float
) -> None:
    """The frozen part of the evaluation set is not here on purpose: it is only ever reported."""
    bench = _bench()
    scores = bench.score(bench.ours, bench.load(ROOT / "tests" / "bot" / "privacy" / "anonymise" / part))
    assert scores.name_recall() >= name_floor
    found, total = scores.by_gazetteer["not in gazetteer"]
    assert found / total >= unseen_floor
    kept, words = scores.words_kept
    assert kept / words >= kept_floor
    assert scores.digits_leaked == 0
    for kind, (found, total) in scores.by_type.items():
        assert found / total >= 0.95, kind


def test_an_arabic_staff_cue_joined_to_and_still_marks_staff() -> None:
    result = anonymise("اسمي فاطمة والقابلة مريم كانت لطيفة", "ar")
    assert result.redacted == "اسمي [NAME] والقابلة [STAFF NAME] كانت لطيفة"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ur", "ڈاکٹر نے کہا بچہ ٹھیک ہے"),
        ("bn", "ডাক্তার বললেন বাচ্চা ঠিক আছে"),
        ("pa", "ਡਾਕਟਰ ਨੇ ਕਿਹਾ ਬੱਚਾ ਠੀਕ ਹੈ"),
        ("gu", "ડોક્ટરે કહ્યું બાળક બરાબર છે"),
        ("pl", "Położna powiedziała że wszystko ok"),
        ("ro", "moașa a zis că e bine"),
        ("ar", "الدكتور قال إن الطفل بخير"),
        ("so", "dhakhtarka wuxuu yiri ilmuhu waa fiican yahay"),
        ("pt", "a parteira disse que estava tudo bem"),
        ("ps", "ډاکټر وویل چې ماشوم ښه دی"),
        ("prs", "داکتر گفت که طفل خوب است"),
        ("uk", "акушерка сказала що все добре"),
        ("ti", "ሓኪም ኩሉ ጽቡቕ እዩ በለ"),
        ("ur", "doctor ne kaha bacha theek hai"),
    ],
)
def test_the_verb_or_postposition_after_a_job_title_is_not_taken_for_a_staff_name(
    lang: str, text: str
) -> None:
    assert redact(text, lang) == text


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("ur", "میری ساس نسرین روز کھانا لاتی تھیں", "میری ساس [NAME] روز کھانا لاتی تھیں"),
        ("ur", "meri saas nasreen roz khana lati thi", "meri saas [NAME] roz khana lati thi"),
        ("pa", "ਮੇਰੀ ਭੈਣ ਮਨਪ੍ਰੀਤ ਨੇ ਮਦਦ ਕੀਤੀ", "ਮੇਰੀ ਭੈਣ [NAME] ਨੇ ਮਦਦ ਕੀਤੀ"),
        ("pa", "meri bhen simran ne madad kiti", "meri bhen [NAME] ne madad kiti"),
        ("bn", "আমার ননদ সুমাইয়া ফোন করবে", "আমার ননদ [NAME] ফোন করবে"),
        ("gu", "મારી સાસુ હંસાબેન રોજ આવતા", "મારી સાસુ [NAME] રોજ આવતા"),
        ("ps", "زما خواښې زرغونه هره ورځ راتله", "زما خواښې [NAME] هره ورځ راتله"),
        ("ps", "zama khawand baryalai ma sara wo", "zama khawand [NAME] ma sara wo"),
        ("prs", "همسرم جاوید شب رفت", "همسرم [NAME] شب رفت"),
        ("ti", "ኣነ ሰናይት እየ", "ኣነ [NAME] እየ"),
        ("ti", "ሓብተይ ሰላም መጺኣ", "ሓብተይ [NAME] መጺኣ"),
        ("ar", "زوجي خالد ما فهم شي", "زوجي [NAME] ما فهم شي"),
        ("so", "walaashay hodan ayaa ii turjuntay", "walaashay [NAME] ayaa ii turjuntay"),
        ("pl", "moja teściowa halinka przyszła", "moja teściowa [NAME] przyszła"),
        ("ro", "soacra mea viorica a venit", "soacra mea [NAME] a venit"),
        ("pt", "a minha sogra fernanda veio", "a minha sogra [NAME] veio"),
        ("uk", "моя свекруха оксана прийшла", "моя свекруха [NAME] прийшла"),
        ("en", "my hubby baz drove me in", "my hubby [NAME] drove me in"),
    ],
)
def test_a_lowercase_or_non_latin_name_nobody_listed_is_taken_out_in_every_language(
    lang: str, text: str, expected: str
) -> None:
    assert redact(text, lang) == expected


def test_a_hospital_number_goes_whole_letters_and_digits_together() -> None:
    assert redact("hosp no RN7730412, MRN 00456712, hospital number RN 7788 123", "en") == (
        "hosp no [HOSPITAL NUMBER], MRN [HOSPITAL NUMBER], hospital number [HOSPITAL NUMBER]"
    )
    assert redact("número do hospital H00234517", "pt") == "número do hospital [HOSPITAL NUMBER]"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my number +40 721 234 567 or 0048 601 234 567", "my number [PHONE] or [PHONE]"),
        ("আমার ফোন নম্বর ০৭৭০০ ৯০০ ৫১৯", "আমার ফোন নম্বর [PHONE]"),
        ("call +252 61 5123456 or +380 67 123 4567", "call [PHONE] or [PHONE]"),
    ],
)
def test_phone_numbers_in_any_country_format_and_any_script_s_digits_are_removed(
    text: str, expected: str
) -> None:
    assert redact(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my insta is @lexi.mumof3 if u want", "my insta is [HANDLE] if u want"),
        ("tiktok yasmin.h_x i posted", "tiktok [HANDLE] i posted"),
        ("fb is Amina Warsame Mum if u want", "fb is [HANDLE] if u want"),
    ],
)
def test_social_media_handles_are_removed(text: str, expected: str) -> None:
    assert redact(text, "en") == expected


def test_a_bed_or_room_number_is_taken_out_with_its_number_and_the_ward_kept() -> None:
    assert redact("i was in bed 14 on Ward 7 for 5 days", "en") == "i was in [ADDRESS] on Ward 7 for 5 days"
    assert redact("أنا كنت بالسرير رقم 5", "ar") == "أنا كنت ب[ADDRESS]"
    assert redact("leżałam w sali nr 4", "pl") == "leżałam w [ADDRESS]"


def test_a_postcode_sector_or_a_district_written_with_her_street_goes_a_district_alone_stays() -> None:
    assert redact("we live at 22 Cable Street E1 8, near ME7 5", "en") == (
        "we live at [ADDRESS] [POSTCODE], near [POSTCODE]"
    )
    assert redact("asi 14 Whitehall Road UB1 ch rehnde aan", "pa") == "asi [ADDRESS] [POSTCODE] ch rehnde aan"


def test_dates_of_birth_in_her_own_script_and_words_are_removed() -> None:
    assert redact("জন্ম তারিখ ১৫/০৩/১৯৯৩", "bn") == "জন্ম তারিখ [DATE OF BIRTH]"
    assert redact("nascida a 8 de outubro de 1990", "pt") == "nascida a [DATE OF BIRTH]"
    assert redact("data urodzenia córki 03.03.2023", "pl") == "data urodzenia córki [DATE OF BIRTH]"
    assert redact("born 3rd april 91, type 1 diabetic", "en") == "born [DATE OF BIRTH], type 1 diabetic"
    # a month is read whole: "3 oct" of "3 octombrie" left "ombrie" beside the mark (2026-12-02)
    assert (
        redact("s-a născut pe 3 octombrie la 2 noaptea", "ro") == "s-a născut pe [DATE OF BIRTH] la 2 noaptea"
    )


def test_starting_up_is_quick_and_loads_no_weights_from_anywhere_but_the_package() -> None:
    code = (
        "import time; t = time.perf_counter(); from bot.privacy.anonymise import anonymise, preload; "
        "preload(); anonymise('my midwife was chioma', 'en'); print(time.perf_counter() - t)"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert float(out.stdout) < 3.0  # the goal is under 1 s; a loaded CI machine gets slack


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("data nașterii 14 iulie 1993", "data nașterii [DATE OF BIRTH]"),
        ("تاريخ الميلاد 3 يناير 1990", "تاريخ الميلاد [DATE OF BIRTH]"),
        ("জন্ম তারিখ ৩ মার্চ ১৯৯২", "জন্ম তারিখ [DATE OF BIRTH]"),
        ("تاریخ تولد ۱۳۷۴/۰۵/۱۲", "تاریخ تولد [DATE OF BIRTH]"),
        ("waxaan dhashay 01/01/1990", "waxaan dhashay [DATE OF BIRTH]"),
        ("dob 03 04 1991", "dob [DATE OF BIRTH]"),
        # A full date with its year is her baby's birthday as often as not: it goes by its shape alone.
        ("we went in on 12/05/2024 at 3am", "we went in on [DATE OF BIRTH] at 3am"),
        ("we went in on the 12th in june at 3am", "we went in on the 12th in june at 3am"),
    ],
)
def test_a_date_of_birth_in_any_of_our_calendars_and_month_names_goes_a_birth_story_date_stays(
    text: str, expected: str
) -> None:
    assert redact(text) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("ur", "ہم فلیٹ 2، 18 ونڈسر روڈ میں رہتے ہیں", "ہم [ADDRESS] میں رہتے ہیں"),
        ("bn", "আমরা থাকি ২২ ক্যাবল স্ট্রিট এ", "আমরা থাকি [ADDRESS] এ"),
        ("pa", "ਅਸੀਂ 14 ਵਾਈਟਹਾਲ ਰੋਡ ਤੇ ਰਹਿੰਦੇ ਹਾਂ", "ਅਸੀਂ [ADDRESS] ਤੇ ਰਹਿੰਦੇ ਹਾਂ"),
        ("en", "we live on jubilee road near the park", "we live on [ADDRESS] near the park"),
        ("en", "im 19 and live on the wayfield estate", "im 19 and live on the [ADDRESS]"),
        (
            "en",
            "I live in Chatham, the way they spoke was awful",
            "I live in Chatham, the way they spoke was awful",
        ),
    ],
)
def test_her_street_goes_in_her_script_or_in_lowercase_and_her_town_stays(
    lang: str, text: str, expected: str
) -> None:
    assert redact(text, lang) == expected
