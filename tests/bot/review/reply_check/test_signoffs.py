"""A greeting or a sign-off is not a sentence the classifier reads: a name and a role title never block."""

from __future__ import annotations

import pytest

from bot.review.reply_check._check import is_fragment


@pytest.mark.parametrize(
    "text",
    [
        "Claire, Head of Midwifery",
        "– Gemma, Neonatal Nurse Lead",
        "Dr Amina Yusuf, Lead for the Birth Centre",
        "Ward 7 Manager & Team",
        "Thanks, Jo",
    ],
)
def test_a_name_with_a_role_title_is_a_sign_off(text: str) -> None:
    assert is_fragment(text)


@pytest.mark.parametrize(
    "text",
    [
        "Your words have gone to the whole birth centre team.",
        "The ward was very busy that night.",
        "Midwives at the Royal follow the guidance for every woman.",
    ],
)
def test_a_sentence_with_lower_case_words_of_its_own_is_read(text: str) -> None:
    assert not is_fragment(text)
