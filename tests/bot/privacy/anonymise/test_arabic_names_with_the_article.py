"""A listed Arabic name with the article written onto it ("الشريف", "الحسين") is a name, and carries a
name on ("الدكتورة سلمى الشريف"); one of the thousand commonest words with it stays ("العربي")."""

from __future__ import annotations

from tests.bot.privacy.anonymise.redaction import redact


def test_a_surname_with_the_article_goes_with_the_name() -> None:
    assert redact("الدكتورة سلمى الشريف شرحت لي", "ar") == "الدكتورة [STAFF NAME] شرحت لي"


def test_a_common_word_with_the_article_stays() -> None:
    assert redact("تكلمت مع فاطمة العربي", "ar") == "تكلمت مع [NAME] العربي"
