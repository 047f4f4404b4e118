"""Names of the many origins a UK maternity service meets, written in English texting style with and
without a word pointing at them, and Tigrinya names after the titles for Mrs, Miss
and Mr and after "my midwife" written the romanised way.  None of these sentences is in the training
stories or the held-out ones."""

from __future__ import annotations

import pytest

from bot.privacy.anonymise import anonymise


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "the midwife on nights was adaeze and she was lovely",
            "the midwife on nights was [STAFF NAME] and she was lovely",
        ),
        ("staff nurse analyn said i could shower", "staff nurse [STAFF NAME] said i could shower"),
        ("my husband hoang was not allowed to stay", "my husband [NAME] was not allowed to stay"),
        ("seo-yeon the student midwife was so kind", "[NAME] the student midwife was so kind"),
        ("dr ranasinghe was rude to my husband", "dr [STAFF NAME] was rude to my husband"),
        ("my sister-in-law valbona brought food", "my sister-in-law [NAME] brought food"),
        ("my husband abdirahman was at work", "my husband [NAME] was at work"),
        ("sister hiwot was in charge that night", "sister [STAFF NAME] was in charge that night"),
    ],
)
def test_a_name_of_any_origin_after_or_before_a_cue_goes(text: str, expected: str) -> None:
    assert anonymise(text, "en").redacted == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("i told maricel i was in pain but she said wait", "i told [NAME] i was in pain but she said wait"),
        ("Phuong stayed with me until the baby came", "[NAME] stayed with me until the baby came"),
        ("Mihaela and Ionut came to see the baby", "[NAME] and [NAME] came to see the baby"),
        ("then Ayodele came and said the room was ready", "then [NAME] came and said the room was ready"),
    ],
)
def test_a_name_of_any_origin_with_no_cue_goes(text: str, expected: str) -> None:
    assert anonymise(text, "en").redacted == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ወ/ሮ ኣልጋነሽ ምግቢ ኣምጺኣትለይ", "ወ/ሮ [NAME] ምግቢ ኣምጺኣትለይ"),
        ("w/ro hadas shahi amtsi'atley", "w/ro [NAME] shahi amtsi'atley"),
        ("midwifey tsega bta'mi hagizatni", "midwifey [STAFF NAME] bta'mi hagizatni"),
    ],
)
def test_a_tigrinya_name_after_a_title_goes(text: str, expected: str) -> None:
    assert anonymise(text, "ti").redacted == expected
