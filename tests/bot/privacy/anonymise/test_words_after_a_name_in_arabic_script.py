"""In Arabic script a name no longer runs on over the dialect verb after it, which no list knows; the
pet name her husband calls her by is still taken, as the word after "calls me"."""

from __future__ import annotations

import pytest

from tests.bot.privacy.anonymise.redaction import redact


@pytest.mark.parametrize(
    ("lang", "text", "kept", "taken"),
    [
        ("ar", "أختي نوال ترجمت لي كل شي بالمستشفى", "ترجمت", "نوال"),
        ("ar", "الممرضة Jocelyn أخدت البيبي شوي عشان أنام", "أخدت", "Jocelyn"),
        ("prs", "قابله Rachel ساعت‌ها پیش ما نشست", "ساعت‌ها", "Rachel"),
        ("ar", "اسمي رهف وولدت في لوتن", "وولدت", "رهف"),
    ],
)
def test_the_verb_after_a_name_stays(lang: str, text: str, kept: str, taken: str) -> None:
    redacted = redact(text, lang)
    assert kept in redacted
    assert taken not in redacted


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "my husband calls me Bibi, he was there", "my husband calls me [NAME], he was there"),
        ("en", "the ward never calls me back", "the ward never calls me back"),
    ],
)
def test_the_name_she_is_called_by_is_taken(lang: str, text: str, expected: str) -> None:
    assert redact(text, lang) == expected


def test_her_pet_name_in_arabic_is_taken_and_the_verb_before_it_stays() -> None:
    redacted = redact("أنا ريم وجوزي بيقولي لولو", "ar")
    assert "لولو" not in redacted
    assert "بيقولي" in redacted
