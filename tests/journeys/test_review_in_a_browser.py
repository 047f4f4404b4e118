"""The whole loop in a real browser: she tells a story in the simulator, a moderator confirms redactions
and themes, a responder's subtly defensive draft is blocked with the words quoted, her good rewrite shows
only advice and is approved by a lead without an override, and the reply arrives.
Every dashboard page is scanned with axe-core for serious or critical accessibility problems.

Needs Debian's Chromium at /usr/bin/chromium (Playwright's own browser download is not used).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe  # type: ignore[import-untyped]
from playwright.sync_api import Browser, Page, sync_playwright

from bot.app import create_app
from bot.chat.delivery import deliver_due
from bot.services import Services
from storage import staff
from storage.migrations import upgrade
from tests.conftest import make_settings

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="no Chromium at /usr/bin/chromium")

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
PASSWORD = "correct horse battery staple"
STAFF = {
    "mo": ("moderator", "Mo Khan", "Moderator"),
    "rita": ("responder", "Rita Jones", "Midwife"),
    "lena": ("lead", "Lena Obi", "Head of Midwifery"),
    "ada": ("admin", "Ada Byrne", "Service manager"),
}
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
STORY = "The midwife Sarah did not listen when I said the pain was too much. We were on Kestrel ward."
# Defensive without a single trigger word: it quietly disputes her account.
SUBTLE = "Thank you for writing. The midwife remembers checking on you often and says you seemed settled."
# Good, but with no offer to talk: advice, never a block.
GOOD = (
    "Thank you for telling us that the midwife did not listen when you said the pain was too much. "
    "I am sorry we did not listen. I will talk to the ward team this week and write to you by Friday."
)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Services]]:
    from werkzeug.serving import make_server

    url = f"sqlite:///{tmp_path_factory.mktemp('browser') / 'allvoices.db'}"
    upgrade(url)
    services = Services.build(make_settings(url, simulator=True))
    with services.db.session() as session:
        for username, (role, name, title) in STAFF.items():
            staff.create(session, username, PASSWORD, role, name, title)
    app = create_app(services=services)
    http = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=http.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{http.server_port}", services
    http.shutdown()
    services.db.dispose()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


def _sign_in(browser: Browser, base: str, username: str) -> Page:
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.goto(f"{base}/review/login")
    page.fill("#username", username)
    page.fill("#password", PASSWORD)
    page.click("button:has-text('Sign in')")
    page.wait_for_url(re.compile(r"/review/?$"))
    return page


def _no_serious_violations(page: Page, where: str) -> None:
    results = Axe().run(page)
    serious = [
        f"{violation['id']} ({violation['impact']}): {violation['help']}"
        for violation in results.response["violations"]
        if violation["impact"] in ("serious", "critical")
    ]
    assert not serious, f"{where}: {serious}"


def _say(page: Page, text: str) -> None:
    count = page.locator(".bubble").count()
    page.fill("#text", text)
    page.press("#text", "Enter")
    # Her message and any answers arrive in the same refresh: the simulator delivers before it answers.
    page.wait_for_function("n => document.querySelectorAll('.bubble').length > n", arg=count)


def test_a_story_goes_from_her_phone_through_three_staff_and_back(
    server: tuple[str, Services], browser: Browser
) -> None:
    base, services = server
    ARTIFACTS.mkdir(exist_ok=True)

    phone = browser.new_context().new_page()
    phone.goto(f"{base}/simulator/")
    phone.check("#channel-whatsapp")
    phone.click("button:has-text('Start chatting')")
    for text in ("Hello", "yes", STORY, "DONE"):
        _say(phone, text)
    for _ in range(12):
        last = phone.locator(".bubble--service").last.inner_text()
        if re.search(r"AV-[A-HJ-NP-Z2-9]{4,6}", last):
            break
        _say(phone, "YES" if "YES or NO" in last else "SKIP")
    code = re.search(r"AV-[A-HJ-NP-Z2-9]{4,6}", phone.locator(".bubble--service").last.inner_text())
    assert code, "\n".join(phone.locator(".bubble").all_inner_texts()[-8:])
    ref = code.group(0)

    moderator = _sign_in(browser, base, "mo")
    assert ref in moderator.content()
    moderator.click("text=Start the next story")
    moderator.wait_for_url(f"**/review/story/{ref}")
    assert moderator.locator("mark.app-redaction").count() >= 1
    _no_serious_violations(moderator, "moderation")
    moderator.fill("#add-words", "Kestrel")
    moderator.select_option("#add-type", "ADDRESS")
    moderator.click("button:has-text('Take these words out')")
    moderator.wait_for_selector(".app-story:has-text('[ADDRESS]')")
    assert "[ADDRESS]" in moderator.locator(".app-story").inner_text()
    moderator.click("button:has-text('Confirm redactions')")
    moderator.wait_for_selector(".app-flash:has-text('redactions confirmed')")
    assert moderator.locator("#theme-listened").is_checked(), "suggested from her words"
    moderator.check("#theme-clinical")
    moderator.click("button:has-text('Save themes and criticality')")
    moderator.wait_for_selector(".app-flash:has-text('Themes and criticality saved.')")

    responder = _sign_in(browser, base, "rita")
    responder.goto(f"{base}/review/story/{ref}")
    story_text = responder.locator(".app-story").inner_text()
    assert "Kestrel" not in story_text and "[ADDRESS]" in story_text
    responder.fill("#body", SUBTLE)
    responder.wait_for_selector("#live-findings:has-text('to change before it can be approved')")
    blocked = responder.locator("#live-findings .app-findings").inner_text()
    assert "The midwife remembers checking on you often" in blocked and "Try:" in blocked
    responder.click("button:has-text('Save reply for approval')")
    responder.wait_for_selector(".app-flash:has-text('thing(s) to change')")
    responder.fill("#body", GOOD)
    responder.wait_for_selector("#live-findings:has-text('nothing to change')")
    assert "a way to talk" in responder.locator("#live-findings .app-advice").inner_text()
    responder.click("button:has-text('Save reply for approval')")
    responder.wait_for_selector(".app-flash:has-text('Someone else will read and approve it')")

    lead = _sign_in(browser, base, "lena")
    lead.screenshot(path=str(ARTIFACTS / "queue.png"), full_page=True)
    _no_serious_violations(lead, "queue")
    lead.goto(f"{base}/review/story/{ref}")
    assert lead.locator("button:has-text('Approve despite the checker')").count() == 1, lead.inner_text(
        "#replies-heading ~ *"
    )
    assert lead.locator(".app-findings q.app-quote").first.inner_text().startswith("The midwife remembers")
    good_card = lead.locator(".nhsuk-card:has-text('I am sorry we did not listen')")
    assert good_card.locator(".app-advice:has-text('a way to talk')").count() == 1
    assert good_card.locator(".app-findings").count() == 0
    lead.screenshot(path=str(ARTIFACTS / "story.png"), full_page=True)
    _no_serious_violations(lead, "story for approval")
    lead.click("button:has-text('Approve and send')")
    lead.wait_for_selector(".app-flash:has-text('on its way to her')")
    for path in ("/review/templates", "/review/actions", "/review/audit"):
        lead.goto(base + path)
        _no_serious_violations(lead, path)

    assert deliver_due(services), "the worker sends the approved reply"
    phone.wait_for_selector(".bubble--service:has-text('I am sorry we did not listen.')", timeout=10_000)
    arrived = phone.locator(".bubble--service").last.inner_text()
    assert ref in arrived and "Rita, Midwife" in arrived

    admin = _sign_in(browser, base, "ada")
    admin.goto(f"{base}/review/users")
    _no_serious_violations(admin, "users")
    admin.set_viewport_size({"width": 375, "height": 800})
    admin.goto(f"{base}/review/")
    _no_serious_violations(admin, "queue on a phone")
    admin.screenshot(path=str(ARTIFACTS / "queue-phone.png"), full_page=True)
