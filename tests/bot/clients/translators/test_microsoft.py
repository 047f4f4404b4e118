"""deep-translator's MicrosoftTranslator against an Azure-Translator-shaped server on 127.0.0.1."""

from __future__ import annotations

import pytest

from bot.clients.translators import DeepTranslatorTranslator, TranslationError
from tests.fakes.translate import PHRASEBOOK, FakeServer

STORY_UR = PHRASEBOOK[0]["ur"]


def test_story_translated_with_key_in_header_and_text_in_body(azure: FakeServer) -> None:
    translator = DeepTranslatorTranslator("microsoft", api_key="azure-key", url=azure.url)

    assert translator.translate(STORY_UR, "ur", "en") == PHRASEBOOK[0]["en"]
    (request,) = azure.requests
    assert request.headers["Ocp-Apim-Subscription-Key"] == "azure-key"
    assert request.json() == [{"text": STORY_UR}]
    assert request.query == {"api-version": ["3.0"], "from": ["ur"], "to": ["en"]}


def test_dari_is_sent_to_microsoft_as_dari(azure: FakeServer) -> None:
    DeepTranslatorTranslator("microsoft", api_key="k", url=azure.url).translate("هیچ کس", "prs", "en")

    assert azure.requests[0].query["from"] == ["prs"]


@pytest.mark.parametrize(
    ("status", "code", "retryable"),
    [(401, 401000, False), (400, 400036, False), (429, 429001, True), (500, 500000, True)],
)
def test_azure_errors_are_classified_by_status(
    azure: FakeServer, status: int, code: int, retryable: bool
) -> None:
    azure.behaviour.status = status
    azure.behaviour.error = {"code": code, "message": "The request is not authorized."}

    with pytest.raises(TranslationError) as caught:
        DeepTranslatorTranslator("microsoft", api_key="k", url=azure.url).translate(STORY_UR, "ur", "en")

    assert caught.value.retryable is retryable
    assert str(code) in str(caught.value)


def test_azure_unreachable_is_retryable(closed_port_url: str) -> None:
    with pytest.raises(TranslationError) as caught:
        DeepTranslatorTranslator("microsoft", api_key="k", url=closed_port_url).translate(
            STORY_UR, "ur", "en"
        )

    assert caught.value.retryable is True
