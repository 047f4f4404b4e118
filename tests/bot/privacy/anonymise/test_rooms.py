"""A bed, cot, incubator or room number goes with its word, in every one of her languages and orders."""

from __future__ import annotations

import pytest

from bot.privacy.anonymise import anonymise


def digits_left(text: str, lang: str) -> str:
    return "".join(c for c in anonymise(text, lang).redacted if c.isdigit())


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "our boy was in cot 4 on the neonatal unit for a fortnight"),
        ("en", "she spent days in incubator 2 and nobody explained the alarms"),
        ("en", "Bed #9 had no call bell that night"),
        ("en", "they put me in cubicle 3, then cabin 5"),
        ("pl", "synek leżał w inkubatorze 6 przez tydzień"),
        ("pl", "byłam w pokoju 11, łóżeczko 2 stało obok"),
        ("ro", "am stat in rezerva 7, fetita in incubatorul 1"),
        ("pt", "o meu bebê ficou na incubadora 4 e no berço 9"),
        ("uk", "синочок лежав у кувезі 3, а я в кімнаті 8"),
        ("ar", "بنتي كانت في الحاضنة ٥ ثلاث أيام"),
        ("ar", "kont fi el ghorfa 6 w ibni fi sreer 2"),
        ("so", "ilmaha wuxuu ku jiray incubator 8, aniga qol 4"),
        ("ps", "زه په کټ ۶ کې وم او ماشوم په خونه ۲ کې"),
        ("prs", "من در بستر شماره ۸ بودم"),
        ("ur", "mujhe kamra 9 mein rakha, baby cot 2 mein thi"),
        ("bn", "আমি ৭ নম্বর বেডে ছিলাম, বাচ্চা কেবিন ৩ এ"),
        ("bn", "ami cabin 4 e chilam"),
        ("pa", "ਮੈਂ ਕਮਰਾ ੩ ਵਿੱਚ ਸੀ, 5 ਨੰਬਰ ਬੈੱਡ ਤੇ"),
        ("gu", "હું રૂમ ૨ માં હતી, ખાટલા ૩ પર"),
        ("ti", "ab arat 6 neyre, ሕፃን ኣብ ኢንኩቤተር 2"),
        ("ti", "ዓራተይ 12 ነበረ፣ ክፍለይ 3"),
        ("uk", "ya bula v palati 5, lizhko 12 bulo bilia dverei"),
        ("ps", "za pa bistar 7 ke wam"),
        ("prs", "man dar otaq 4 budam, takht 2"),
        ("en", "my bed was number 14 and the one by the window was bed A3"),
        ("pt", "meu quarto era o 5, perto da sala G.2"),
        ("so", "sariirta lambar 4 ayaan ku jiray, sariirtayda 6 ma lahayn"),
        ("ar", "سريري رقم ٤ كان قريب من الباب، وبعدين kont fi sereer ra2am 5"),
        ("bn", "আমি বেড নাম্বার ৯ এ ছিলাম"),
        ("ti", "ኣብ ዓራት ቍጽሪ 14 ነይረ"),
    ],
)
def test_no_digit_of_where_she_or_her_baby_lay_is_left(lang: str, text: str) -> None:
    assert digits_left(text, lang) == ""


@pytest.mark.parametrize(
    "text",
    [
        "there were 3 women in the bay and 2 midwives",
        "I slept 4 hours in that bed",
        "the room was cold for 2 days",
        "the room was 3 degrees too cold and the bed is 2 metres from the door",
    ],
)
def test_counts_beside_a_bed_or_room_stay(text: str) -> None:
    assert anonymise(text, "en").redacted == text


@pytest.mark.parametrize(
    ("lang", "text", "left"),
    [
        ("en", "I was in bay 6 for three nights", "I was in [ADDRESS] for three nights"),
        ("en", "they moved me to bay 2 after theatre", "they moved me to [ADDRESS] after theatre"),
        ("gu", "hu bay 5 ma hati aakhi raat", "hu [ADDRESS] ma hati aakhi raat"),
        ("ur", "main bay 1 mein thi jab doctor aaye", "main [ADDRESS] mein thi jab doctor aaye"),
        ("pa", "asi bay 4 ch si", "asi [ADDRESS] ch si"),
        ("bn", "আমি bay 2 তে ছিলাম", "আমি [ADDRESS] তে ছিলাম"),
        ("pl", "leżałam na bay 3 przy oknie", "leżałam na [ADDRESS] przy oknie"),
        ("ti", "ኣብ bay 7 ነይረ", "ኣብ [ADDRESS] ነይረ"),
        ("ps", "زه په bay 5 کې وم", "زه په [ADDRESS] کې وم"),
        ("so", "bay 6 ayaan ku jiray", "[ADDRESS] ayaan ku jiray"),
        ("so", "waxaan ku jiray bay 4 saddex habeen", "waxaan ku jiray [ADDRESS] saddex habeen"),
        ("ro", "am fost în bay 4 două nopți", "am fost în [ADDRESS] două nopți"),
    ],
)
def test_a_bay_goes_when_she_says_she_was_in_it_in_any_of_her_languages(
    lang: str, text: str, left: str
) -> None:
    assert anonymise(text, lang).redacted == left


@pytest.mark.parametrize(
    ("lang", "text", "left"),
    [
        ("ro", "am fost in salonul 4, patul 1 langa usa", "am fost in [ADDRESS] langa usa"),
        ("pt", "fiquei no quarto 8, cama 3", "fiquei no [ADDRESS]"),
        ("uk", "я лежала в палаті 5, ліжко 2", "я лежала в [ADDRESS]"),
        ("en", "ward 4 bay 3, bed 6 by the window", "ward 4 [ADDRESS] by the window"),
        ("en", "room 2 / cot 1 for the baby", "[ADDRESS] for the baby"),
    ],
)
def test_a_room_and_its_bed_written_apart_go_as_one(lang: str, text: str, left: str) -> None:
    assert anonymise(text, lang).redacted == left


@pytest.mark.parametrize(
    "text",
    [
        "the lady in bay 3 was snoring",
        "bay 3 was noisy all night",
        "ward 7 bay 2",
        "the room was cold and they gave me 2 x 500mg paracetamol",
    ],
)
def test_a_bay_that_is_not_hers_and_doses_beside_a_room_stay(text: str) -> None:
    assert anonymise(text, "en").redacted == text
