"""Safeguarding detection: labelled cases across languages plus the behaviours that matter most."""

import tomllib
from pathlib import Path
from typing import Any

import pytest

from flows.safeguarding import CUE_KEYS, Level, Risk, assess, detect_risks, languages

CASES: list[dict[str, Any]] = tomllib.loads((Path(__file__).parent / "cases.toml").read_text("utf-8"))["case"]
PHRASES_DIR = Path(__file__).resolve().parents[2] / "flows" / "safeguarding" / "phrases"
REQUIRED_LANGUAGES = {"en", "pl", "ur", "ar", "ro", "bn", "pt", "uk"}


@pytest.mark.parametrize("case", CASES, ids=[f"{c.get('lang')}-{i}" for i, c in enumerate(CASES)])
def test_labelled_case(case: dict[str, Any]) -> None:
    assert detect_risks(case["text"], case.get("lang")) == frozenset(Risk(r) for r in case["risks"])


def test_case_file_covers_required_languages_and_both_labels() -> None:
    assert len(CASES) >= 80
    for lang in REQUIRED_LANGUAGES:
        labels = [bool(c["risks"]) for c in CASES if c.get("lang") == lang]
        assert True in labels and False in labels, lang


@pytest.mark.parametrize("lang", languages())
def test_phrase_file_parses_and_has_required_sections(lang: str) -> None:
    data = tomllib.loads((PHRASES_DIR / f"{lang}.toml").read_text("utf-8"))
    assert data["meta"]["language"] == lang
    assert isinstance(data["meta"]["window"], int)
    assert set(CUE_KEYS) <= set(data["cues"])
    assert all(isinstance(data["cues"][key], list) for key in CUE_KEYS)
    for risk in Risk:
        assert data["risks"][risk.value]["phrases"], f"{lang}: no phrases for {risk}"
    detect_risks("compile check", lang)  # raises ValueError on a malformed phrase


def test_every_phrase_file_is_discovered() -> None:
    assert set(languages()) == {p.stem for p in PHRASES_DIR.glob("*.toml")}
    assert {"so", "pa", "gu", "ps", "prs", "ti"} | REQUIRED_LANGUAGES <= set(languages())


def test_bleeding_that_stopped_last_year_is_not_an_alarm() -> None:
    assert detect_risks("the heavy bleeding stopped last year", "en") == frozenset()


def test_present_heavy_bleeding_is_an_alarm() -> None:
    assert detect_risks("I'm bleeding a lot", "en") == {Risk.CLINICAL}


def test_negated_bleeding_is_not_an_alarm() -> None:
    assert detect_risks("no heavy bleeding now", "en") == frozenset()
    assert detect_risks("I'm not bleeding heavily", "en") == frozenset()


def test_a_bare_no_before_a_present_alarm_does_not_cancel_it() -> None:
    assert detect_risks("no I'm bleeding heavily", "en") == {Risk.CLINICAL}


def test_worry_that_turned_out_fine_is_not_an_alarm() -> None:
    assert detect_risks("I was worried the baby wasn't moving but she was fine", "en") == frozenset()


def test_ongoing_cue_overrides_past_tense() -> None:
    assert detect_risks("I was bleeding all night and it's still going", "en") == {Risk.CLINICAL}


def test_resolution_does_not_cancel_a_present_alarm() -> None:
    assert detect_risks("I'm bleeding heavily but the baby is fine", "en") == {Risk.CLINICAL}


def test_stopped_inside_the_alarm_is_not_a_resolution() -> None:
    assert detect_risks("the baby stopped moving", "en") == {Risk.CLINICAL}


def test_past_suicidal_feelings_with_support_now_are_not_an_alarm() -> None:
    """Judgment call: a past low point she says is over is feedback; staff still read it, not as an alarm."""
    text = "I used to feel like ending it all but I have support now and I'm ok"
    assert detect_risks(text, "en") == frozenset()


def test_past_depression_that_got_help_is_not_an_alarm() -> None:
    assert detect_risks("I felt depressed after the birth but my health visitor helped", "en") == frozenset()


def test_not_wanting_to_die_is_not_self_harm() -> None:
    assert detect_risks("I don't want to die", "en") == frozenset()


@pytest.mark.parametrize(
    "text",
    [
        "دیشب فکر کردم اگه نباشم همه راحت‌ترند",  # last night I thought everyone is better off if I'm not here
        "بدون من بچه‌هایم بهتر زندگی میکنند",  # my children would live better without me
    ],
)
def test_everyone_better_off_without_her_in_dari_or_farsi_is_self_harm(text: str) -> None:
    """Said in the middle of a complaint about short visits, it was only marked to read soon."""
    assert Risk.SELF_HARM in detect_risks(text, "prs")


def test_feeling_better_in_dari_is_no_alarm() -> None:
    assert detect_risks("امروز بهتر هستم، ماما خوب بود", "prs") == frozenset()


def test_baby_who_cannot_breathe_is_baby_unwell_not_maternal() -> None:
    assert detect_risks("my baby can't breathe", "en") == {Risk.BABY_UNWELL}


BABY_BLEEDING = ["my baby is bleeding", "baby bleeding a lot"]


@pytest.mark.parametrize("text", BABY_BLEEDING)
def test_a_baby_bleeding_gets_her_the_urgent_numbers(text: str) -> None:
    # found outside the evaluation set: the clinical bleeding phrases exclude a baby as subject, and until
    # the newborn_bleeding examples the model read it as calm, so she got no 999 line
    assert assess(text).level is Level.CLEAR


def test_a_cord_that_bled_a_little_and_healed_is_not_an_alarm() -> None:
    assert assess("her cord bled a little when it dropped off last week, all healed now").level is Level.CALM


def test_english_is_checked_alongside_her_language() -> None:
    assert detect_risks("Jestem w 32 tygodniu and I'm bleeding a lot", "pl") == {Risk.CLINICAL}


def test_unknown_or_regional_language_code_falls_back_sensibly() -> None:
    assert detect_risks("I want to kill myself", "xx") == {Risk.SELF_HARM}
    assert detect_risks("Estou sangrando muito", "pt-BR") == {Risk.CLINICAL}


def test_polish_and_romanian_match_with_or_without_diacritics() -> None:
    assert detect_risks("Krwawię bardzo mocno", "pl") == detect_risks("krwawie bardzo mocno", "pl")
    assert detect_risks("Sângerez foarte mult", "ro") == detect_risks("sangerez foarte mult", "ro")
    assert detect_risks("sangerez foarte mult", "ro") == {Risk.CLINICAL}


def test_arabic_letter_variants_and_invisible_characters_are_folded() -> None:
    assert detect_risks("اريد ان اموت", "ar") == detect_risks("أُرِيدُ أَنْ أَمُوتَ", "ar") == {Risk.SELF_HARM}
    assert detect_risks("I'm blee\u200bding a lot", "en") == {Risk.CLINICAL}


def test_urdu_negation_after_the_verb_cancels() -> None:
    assert detect_risks("bohat khoon aa raha hai", "ur") == {Risk.CLINICAL}
    assert detect_risks("bohat khoon nahi aa raha", "ur") == frozenset()


def test_empty_and_punctuation_only_messages() -> None:
    assert detect_risks("", "en") == frozenset()
    assert detect_risks("?!  ...", None) == frozenset()


def test_preloading_compiles_every_languages_phrases_before_her_first_message() -> None:
    """The worker preloads at start-up: compiling the phrases on her first message took over a second."""
    from flows.safeguarding import _phrases, languages, preload

    _phrases._lexicon.cache_clear()
    preload()
    assert _phrases._lexicon.cache_info().currsize == len(languages())
