"""Choosing a provider from settings, language-code mapping, and how long text is cut."""

from __future__ import annotations

import pytest

from bot.clients.translators import (
    LANGUAGES,
    DeepTranslatorTranslator,
    LibreTranslateTranslator,
    NoTranslator,
    TranslationError,
    _segments,
    make_translator,
    provider_code,
)


def test_none_provider_returns_text_unchanged_for_any_languages() -> None:
    translator = make_translator("none", None, None)

    assert isinstance(translator, NoTranslator)
    assert translator.name == "none"
    assert translator.translate("دائی نے میری بات نہیں سنی۔\n", "ur", "en") == "دائی نے میری بات نہیں سنی۔\n"
    assert translator.translate("Thank you.", "en", "ti") == "Thank you."
    assert translator.translate("  \n", "ur", "en") == ""


def test_libretranslate_is_the_default_and_needs_a_url() -> None:
    translator = make_translator("", "http://127.0.0.1:5000", None)

    assert isinstance(translator, LibreTranslateTranslator)
    assert translator.name == "libretranslate"
    with pytest.raises(ValueError, match="TRANSLATE_URL"):
        make_translator("libretranslate", None, None)


def test_hosted_providers_are_built_through_deep_translator() -> None:
    google = make_translator("Google", None, None)
    microsoft = make_translator("microsoft", None, "key")

    assert isinstance(google, DeepTranslatorTranslator) and google.name == "google"
    assert isinstance(microsoft, DeepTranslatorTranslator) and microsoft.name == "microsoft"


@pytest.mark.parametrize(
    ("provider", "api_key", "message"), [("microsoft", None, "TRANSLATE_API_KEY"), ("deepl", "k", "deepl")]
)
def test_misconfiguration_fails_at_startup(provider: str, api_key: str | None, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        make_translator(provider, None, api_key)


def test_libretranslate_url_must_be_http() -> None:
    with pytest.raises(ValueError, match="http"):
        make_translator("libretranslate", "file:///etc/passwd", None)


@pytest.mark.parametrize("provider", ["libretranslate", "google", "microsoft", "none"])
def test_every_allvoices_language_has_a_code_for_every_provider(provider: str) -> None:
    codes = [provider_code(lang, provider) for lang in LANGUAGES]

    assert len(set(codes)) == len(LANGUAGES)


@pytest.mark.parametrize(
    ("provider", "dari"), [("libretranslate", "fa"), ("google", "fa"), ("microsoft", "prs"), ("none", "prs")]
)
def test_dari_code_per_provider(provider: str, dari: str) -> None:
    assert provider_code("prs", provider) == dari


def test_unsupported_language_is_a_permanent_error() -> None:
    with pytest.raises(TranslationError) as caught:
        provider_code("tlh", "google")

    assert caught.value.retryable is False


@pytest.mark.parametrize(
    "text",
    [
        "One. Two! Three? " * 50,
        "\n\nLeading breaks.\n\nA paragraph.\n\n\nTrailing.\n\n",
        "word " * 30 + "x" * 95 + " end.",
        "دائی نے میری بات نہیں سنی۔ " * 20 + "ਮੈਨੂੰ ਦਰਦ ਸੀ। " * 20,
    ],
)
def test_cutting_keeps_every_character_and_respects_the_limit(text: str) -> None:
    pieces = _segments(text, 40)

    assert "".join(chunk + sep for chunk, sep in pieces) == text
    assert all(len(chunk) <= 40 for chunk, _ in pieces)
    assert all(not chunk[:1].isspace() for chunk, _ in pieces)
