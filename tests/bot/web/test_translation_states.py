"""Pages say what is true about translation: with no service set up nothing is "being translated", and
a moderator or lead who reads her language can write the English by hand (recorded in the audit log)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from flask import Flask

from bot.review import translation
from bot.services import Services
from tests.bot.web.test_review_dashboard import (
    app as dashboard_app,
    as_staff,
    audit_of,
    make_story,
    moderate,
    story_row,
    token,
)

POLISH = "Położna mnie nie słuchała, kiedy mówiłam, że bardzo boli."
ENGLISH = "The midwife did not listen to me when I said it hurt a lot."
NO_SERVICE = "No translation service is set up, so nothing will translate this story."

app = dashboard_app  # the dashboard's app, with its staff: Mo moderates, Rita responds, Lena leads


def _page(app: Flask, ref: str, who: str = "mo") -> str:
    return as_staff(app, who).get(f"/review/story/{ref}").get_data(as_text=True)


def _write_english(app: Flask, ref: str, english: str, who: str = "mo") -> str:
    client = as_staff(app, who)
    return client.post(
        f"/review/story/{ref}/translation",
        data={"english": english, "csrf_token": token(client, f"/review/story/{ref}")},
        follow_redirects=True,
    ).get_data(as_text=True)


@pytest.mark.parametrize("provider", [{}, {"translate_provider": "none"}, {"translate_url": ""}])
def test_with_no_translation_service_a_story_is_never_being_translated(
    app: Flask, services: Services, provider: dict[str, str]
) -> None:
    services.settings = replace(services.settings, **provider)
    ref = make_story(services, POLISH, lang="pl")
    assert "Once a moderator confirms the redactions, someone who reads Polish" in _page(app, ref, "rita")
    moderate(app, ref)
    assert story_row(services, ref).translation_status == "pending", "the worker has not run yet"
    page = _page(app, ref)
    assert "Being translated" not in page
    assert NO_SERVICE in page and 'name="english"' in page, "she can write it by hand"
    responder = _page(app, ref, "rita")
    assert NO_SERVICE in responder and 'name="english"' not in responder
    assert "A moderator or lead who reads Polish can add the English." in responder


def test_with_a_translation_service_a_waiting_story_is_being_translated(
    app: Flask, services: Services
) -> None:
    services.settings = replace(services.settings, translate_url="http://127.0.0.1:9/")
    ref = make_story(services, POLISH, lang="pl")
    moderate(app, ref)
    page = _page(app, ref)
    assert "Being translated. Check back in a few minutes." in page and NO_SERVICE not in page


def test_a_story_translated_by_hand_is_shown_with_who_wrote_it_and_audited(
    app: Flask, services: Services
) -> None:
    ref = make_story(services, POLISH, lang="pl")
    moderate(app, ref)
    page = _write_english(app, ref, f"  {ENGLISH}  ")
    assert "Your English translation is saved." in page
    assert ENGLISH in page and "Translated by hand by Mo Khan." in page
    story = story_row(services, ref)
    assert (story.translation_en, story.translation_by, story.translation_status) == (ENGLISH, "mo", "done")
    assert [
        event.actor for event in audit_of(services, ref) if event.action == "story_translated_by_hand"
    ] == ["mo"]
    translation.translate_pending(services)
    assert story_row(services, ref).translation_en == ENGLISH, "the worker leaves it alone"
    assert "already has an English translation" in _write_english(app, ref, "Something else.", who="lena")
    assert story_row(services, ref).translation_en == ENGLISH


def test_a_story_is_translated_by_hand_only_after_moderation_and_never_blank(
    app: Flask, services: Services
) -> None:
    ref = make_story(services, POLISH, lang="pl")
    assert "must confirm the redactions" in _write_english(app, ref, ENGLISH, who="lena")
    moderate(app, ref)
    assert "Write the English translation first." in _write_english(app, ref, "   ")
    assert story_row(services, ref).translation_en is None
    client = as_staff(app, "rita")
    refused = client.post(
        f"/review/story/{ref}/translation", data={"english": ENGLISH, "csrf_token": token(client, "/review/")}
    )
    assert refused.status_code == 403, "responders do not translate stories"
