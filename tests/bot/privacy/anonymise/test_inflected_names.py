"""A Polish name goes in whichever case the sentence puts it, in lowercase too, and "ani" stays."""

from __future__ import annotations

import pytest

from bot.privacy.anonymise import anonymise
from bot.privacy.anonymise.training.polish import decline


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("byłam cały dzień z kasią i nikt nie przyszedł", "byłam cały dzień z [NAME] i nikt nie przyszedł"),
        ("zadzwoniłam do Ani żeby przyjechała", "zadzwoniłam do [NAME] żeby przyjechała"),
        ("powiedziałam gosi że boli ją brzuch", "powiedziałam [NAME] że boli ją brzuch"),
        ("byłam z justyną na porodówce", "byłam z [NAME] na porodówce"),
        ("rozmawiałam z Bartkiem przez telefon całą noc", "rozmawiałam z [NAME] przez telefon całą noc"),
        ("przyjechałam z Olą bo mąż był w pracy", "przyjechałam z [NAME] bo mąż był w pracy"),
    ],
)
def test_a_declined_polish_name_goes(text: str, expected: str) -> None:
    assert anonymise(text, "pl").redacted == expected


def test_the_word_ani_stays_when_it_means_nor() -> None:
    text = "nie było ani jednej położnej"
    assert anonymise(text, "pl").redacted == text


def test_names_are_declined_for_training_sentences_by_their_pattern() -> None:
    assert decline("Kasia")["ins"] == "Kasią"
    assert decline("Tomek")["gen"] == "Tomka"
    assert decline("Paweł")["ins"] == "Pawłem"
    assert decline("Kemi")["dat"] == "Kemi"


def test_a_verb_after_a_family_word_stays_while_a_name_there_goes() -> None:
    assert anonymise("mąż przywiózł Tomka i Zosię do szpitala", "pl").redacted == (
        "mąż przywiózł [NAME] i [NAME] do szpitala"
    )
    assert anonymise("mój mąż marek przyjechał", "pl").redacted == "mój mąż [NAME] przyjechał"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("мами Любові Петрівни не пустили на ніч", "мами [NAME] не пустили на ніч"),
        ("я довго чекала на Надію Іванівну", "я довго чекала на [NAME]"),
        ("попросила Віру Миколаївну почекати", "попросила [NAME] почекати"),
    ],
)
def test_a_ukrainian_first_name_goes_with_the_patronymic_after_it_in_any_case(
    text: str, expected: str
) -> None:
    assert anonymise(text, "uk").redacted == expected


def test_a_patronymic_alone_takes_no_everyday_word_before_it() -> None:
    assert anonymise("сказала Петрівна що все добре", "uk").redacted == "сказала [NAME] що все добре"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Я приїхала з чоловіком Андрієм о пів на першу", "Я приїхала з чоловіком [NAME] о пів на першу"),
        ("я чекала Василя до ранку", "я чекала [NAME] до ранку"),
        ("дзвонила сестрі Марії цілу ніч", "дзвонила сестрі [NAME] цілу ніч"),
        ("моя подруга Богдана переклала", "моя подруга [NAME] переклала"),
        ("тітка Леся перекладала", "тітка [NAME] перекладала"),
    ],
)
def test_a_ukrainian_name_and_the_kin_word_before_it_are_read_in_any_case(text: str, expected: str) -> None:
    assert anonymise(text, "uk").redacted == expected


def test_a_ukrainian_town_in_the_genitive_stays() -> None:
    assert anonymise("Тетяна з Харкова допомогла мені", "uk").redacted == "[NAME] з Харкова допомогла мені"


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("ps", "زما ورور حبیب الله هم راغی", "زما ورور [NAME] هم راغی"),
        ("prs", "شوهرم امان الله شب پیشم بود", "شوهرم [NAME] شب پیشم بود"),
        ("ur", "mera bhai sana ullah aya", "mera bhai [NAME] aya"),
    ],
)
def test_an_afghan_name_with_ullah_written_apart_goes_whole(lang: str, text: str, expected: str) -> None:
    assert anonymise(text, lang).redacted == expected
