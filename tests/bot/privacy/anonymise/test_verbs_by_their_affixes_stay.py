"""A word whose affixes make it a verb of her language is never a name, wherever it stands: a Polish
past tense with a person ending, a Portuguese "we" form, a Romanian clitic and auxiliary, an Arabic
dialect verb with "me" or "us" on it or said before "to me", "with us", its passive or its "م…ش"
negation, Dari's negative present, a Ukrainian past plural, imperative or present, Tigrinya's negative
and its verbs with "me" or "for me" on them.  A name that only looks like one ("Ramos",
"هاني", "z Michałem", "ኣይመን", Ayman, "ኣይናለምን ሰላምን", Aynalem and Selam) is still taken."""

from __future__ import annotations

import pytest

from tests.bot.privacy.anonymise.redaction import redact


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "pl",
            "Urodziłam w Luton, położna Ola była miła",
            "Urodziłam w Luton, położna [STAFF NAME] była miła",
        ),
        ("pl", "Czekalismy 5 godzin, mąż Adam był ze mną", "Czekalismy 5 godzin, mąż [NAME] był ze mną"),
        (
            "pt",
            "Ficamos três dias, a parteira Ana foi ótima",
            "Ficamos três dias, a parteira [STAFF NAME] foi ótima",
        ),
        (
            "ro",
            "Soțul meu Andrei era acolo și moașa i-a spus să plece",
            "Soțul meu [NAME] era acolo și moașa i-a spus să plece",
        ),
        ("ar", "والممرضة جوسلين ساعدتني كثير بالليل", "والممرضة [STAFF NAME] ساعدتني كثير بالليل"),
        ("ar", "محدش جه يشوفني طول الليل", "محدش جه يشوفني طول الليل"),
        ("prs", "خواهرم زرغونه نمیتوانست داخل بیاید", "خواهرم [NAME] نمیتوانست داخل بیاید"),
        ("ar", "الدكتورة هبة شرحت لي كل شي", "الدكتورة [STAFF NAME] شرحت لي كل شي"),
        ("ar", "وصاحبتي خديجة جابت لي الحريرة", "وصاحبتي [NAME] جابت لي الحريرة"),
        ("ti", "ዶክተር ኦኮሮ ኣይመጸን ኣይደወለን", "ዶክተር [STAFF NAME] ኣይመጸን ኣይደወለን"),
        ("ti", "ነርስ ሜሪ ብዙሕ ሓጊዛትኒ", "ነርስ [STAFF NAME] ብዙሕ ሓጊዛትኒ"),
        ("ti", "ሓኪም ተዛሪቡኒ ብዙሕ", "ሓኪም ተዛሪቡኒ ብዙሕ"),
        ("ti", "ኣብ ጥቓይ ዝነበረት ሰበይቲ ሓጊዛትኒ", "ኣብ ጥቓይ ዝነበረት ሰበይቲ ሓጊዛትኒ"),
        ("ar", "حماتي سعاد سوتلي شوربة", "حماتي [NAME] سوتلي شوربة"),
        ("uk", "Дозволили щоб сестра була зі мною", "Дозволили щоб сестра була зі мною"),
        ("uk", "Подякуйте від мене акушерці", "Подякуйте від мене акушерці"),
        ("uk", "Акушерку звуть Олена", "Акушерку звуть [STAFF NAME]"),
        # Dari's past of an everyday verb: negative, continuous, or with a person ending (round 20)
        ("prs", "خواهرم لیلا نیامد چون کار داشت", "خواهرم [NAME] نیامد چون کار داشت"),
        ("prs", "دخترم نازنین شنیدم که گریه میکرد", "دخترم [NAME] شنیدم که گریه میکرد"),
        ("prs", "قابله زهره میگفت همه چیز خوب است", "قابله [STAFF NAME] میگفت همه چیز خوب است"),
        ("ro", "moașa de noapte n-a venit deloc", "moașa de noapte n-a venit deloc"),
    ],
)
def test_a_verb_by_its_affixes_is_no_name(lang: str, text: str, expected: str) -> None:
    assert redact(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("pt", "a parteira Ana Ramos foi ótima", "a parteira [STAFF NAME] foi ótima"),
        ("ar", "أخوي هاني جاب الأكل", "أخوي [NAME] جاب الأكل"),
        ("pl", "byłam z mężem Michałem cały dzień", "byłam z mężem [NAME] cały dzień"),
        ("pl", "rozmawiałam z pawłem o porodzie", "rozmawiałam z [NAME] o porodzie"),
        ("ti", "ሓኪም ኣይመን መጺኡ", "ሓኪም [STAFF NAME] መጺኡ"),
        ("prs", "شوهرم نوید نیامد", "شوهرم [NAME] نیامد"),
        ("prs", "خواهرم ناهید دیروز آمد", "خواهرم [NAME] دیروز آمد"),
        ("ti", "ኣይናለምን ሰላምን መጺአን", "[NAME] መጺአን"),
        ("uk", "чекали на Данили дзвінок", "чекали на [NAME] дзвінок"),
        ("uk", "Дозволили щоб Оксана була", "Дозволили щоб [NAME] була"),
    ],
)
def test_a_name_shaped_like_no_verb_is_still_taken(lang: str, text: str, expected: str) -> None:
    assert redact(text, lang) == expected
