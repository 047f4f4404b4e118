"""Acceptance, in a real browser: she says yes to a public quote; a lead publishes a few of her words;
the site's public page shows the quote and a change made, cached but never stale for long; she sends
WITHDRAW and the quote is gone. Each page is scanned with axe-core for serious or critical problems.
"""

from __future__ import annotations

from datetime import timedelta

from playwright.sync_api import Browser
from sqlalchemy import select

from bot.review import moderation
from bot.services import Services
from storage import actions
from storage.models import Story
from tests.helpers import say
from tests.journeys.test_review_in_a_browser import (  # noqa: F401 (fixtures)
    _no_serious_violations,
    _sign_in,
    browser,
    pytestmark,
    server,
)

SITE = "Medway Maritime Hospital"
PAGE = "/sites/medway-maritime-hospital"
QUOTE = "The midwife sat with me all night and explained every step."


def _her_story_with_a_yes(services: Services) -> str:
    for text in ("Hello", "yes", "Sarah the midwife sat with me all night and explained every step.", "DONE"):
        say(services, text)
    for answer in ("1", "SKIP", "SKIP", "NO"):  # the first hospital; no reply wanted
        say(services, answer)
    (thanks,) = say(services, "YES")  # a few of her words may be shown
    assert "WITHDRAW" in thanks
    with services.db.session() as session:
        story = session.scalars(select(Story)).one()
        assert story.site == SITE and story.quote_ok
        raw = services.vault.open(story.raw_sealed or b"")
        moderation.confirm(
            session, story, raw, moderation.spans_of(story), "mo", timedelta(days=30), services.vault
        )
        actions.add(
            session,
            site=SITE,
            you_said="Nobody told us what was happening during induction.",
            we_did="Every induction now starts with a midwife explaining each step, in your language.",
            themes=["information"],
            story_refs=[],
            made=True,
            by="lena",
        )
        return str(story.ref)


def test_a_published_quote_and_a_change_made_show_publicly_until_she_withdraws(
    server: tuple[str, Services],  # noqa: F811
    browser: Browser,  # noqa: F811
) -> None:
    base, services = server
    ref = _her_story_with_a_yes(services)

    lead = _sign_in(browser, base, "lena")
    lead.goto(f"{base}/review/quotes")
    _no_serious_violations(lead, "quotes")
    lead.fill(f"#quote-{ref}", "Sarah the midwife sat with me all night.")
    lead.click("button:has-text('Publish this quote')")
    lead.wait_for_selector(".app-flash:has-text('may still identify someone')")
    lead.fill(f"#quote-{ref}", QUOTE)
    lead.click("button:has-text('Publish this quote')")
    lead.wait_for_selector(".app-flash:has-text('Published on the page')")

    public = browser.new_context().new_page()  # no login
    answer = public.goto(base + PAGE)
    assert answer is not None and answer.status == 200
    assert "max-age=60" in (answer.headers.get("cache-control") or "")
    assert QUOTE in public.inner_text("#maincontent")
    assert "explaining each step, in your language" in public.inner_text("#maincontent")
    assert ref not in public.content() and "Sarah" not in public.content()
    _no_serious_violations(public, "public page")
    public.set_viewport_size({"width": 375, "height": 800})
    _no_serious_violations(public, "public page on a phone")

    (done,) = say(services, "WITHDRAW")
    assert "We will not show any of your words" in done
    public.reload()
    assert QUOTE not in public.inner_text("#maincontent")
    assert "explaining each step" in public.inner_text("#maincontent"), "the change made stays"
    lead.goto(f"{base}/review/quotes")
    assert QUOTE not in lead.content() and ref not in lead.inner_text("#maincontent")
