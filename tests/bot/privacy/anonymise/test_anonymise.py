"""Behaviour of the anonymiser as the people reading stories rely on it."""

from __future__ import annotations

import importlib.util
import sys
import threading
from pathlib import Path
from types import ModuleType

import pytest

from bot.privacy.anonymise import Entity, anonymise

ROOT = Path(__file__).resolve().parents[4]


def redact(text: str, lang: str | None = None) -> str:
    return anonymise(text, lang).redacted


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


def test_a_district_alone_is_kept_for_who_we_heard_from() -> None:
    text = "I live in E17 and we moved to ME7 last year."
    assert redact(text) == text


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
    ("corpus", "name_floor", "unseen_floor", "precision_floor"),
    [("stories.jsonl", 0.97, 0.95, 0.98), ("heldout.jsonl", 0.95, 0.92, 0.97)],
)
def test_corpus_recall_and_precision_stay_above_floors(
    corpus: str, name_floor: float, unseen_floor: float, precision_floor: float
) -> None:
    bench = _bench()
    scores = bench.score(bench.ours, bench.load(bench.CORPUS_DIR / corpus))
    assert scores.name_recall() >= name_floor
    found, total = scores.by_gazetteer["not in gazetteer"]
    assert found / total >= unseen_floor
    assert scores.precision >= precision_floor
    for kind, (found, total) in scores.by_type.items():
        assert found / total >= 0.9, kind
    for origin, (found, total) in scores.by_origin.items():
        assert found / total >= 0.75, origin


def test_an_arabic_staff_cue_joined_to_and_still_marks_staff() -> None:
    result = anonymise("اسمي فاطمة والقابلة مريم كانت لطيفة", "ar")
    assert result.redacted == "اسمي [NAME] والقابلة [STAFF NAME] كانت لطيفة"
