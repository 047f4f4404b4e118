"""Her words and staff's own input are shown as text on every page, never run: a ``<script>`` in a
story, an answer, a name, a job title, a template, a note, a site… comes out escaped everywhere."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, datetime

from flask import Flask
from sqlalchemy import select

from bot.app import create_app
from bot.reports.digest import render
from bot.services import Services
from storage import stories
from storage.models import Action, Alert, Champion, ReplyTemplate, Response, StaffUser
from tests.bot.web.test_review_dashboard import as_staff, make_story
from tests.faults.test_every_route import OTHER_PARTS


def mark(field: str) -> str:
    return f"<script>{field}</script>"


FIELDS = (
    "story",
    "raw",
    "translation",
    "answer",
    "about",
    "when",
    "site",
    "champion",
    "community",
    "display_name",
    "job_title",
    "reply",
    "reply_translation",
    "override",
    "template_title",
    "template_body",
    "you_said",
    "we_did",
    "note",
)


def _seed(services: Services) -> dict[str, str]:
    """Every field staff or she can fill, holding a script; returns what the pages' addresses need."""
    english = make_story(services, f"The ward was cold. {mark('story')}", site=mark("site"))
    polish = make_story(
        services,
        "Było zimno.",
        lang="pl",
        translation_en=f"It was cold. {mark('translation')}",
        translation_status="done",
        when_text=mark("when"),
        answers={"well": mark("answer")},
        about={"ethnicity": mark("about")},
        champion_code="MUMS1",
    )
    unmoderated = make_story(services, f"Nobody came. {mark('raw')}")  # a moderator sees her raw words
    with services.db.session() as session:
        session.add(
            StaffUser(
                username="odd",
                display_name=mark("display_name"),
                job_title=mark("job_title"),
                role="responder",
                password_hash="-",
            )
        )
        session.flush()
        author = session.scalars(select(StaffUser).where(StaffUser.username == "odd")).one()
        story = stories.by_ref(session, english)
        assert story is not None
        story.status = "drafted"
        other = stories.by_ref(session, polish)
        assert other is not None
        other.status = "drafted"
        session.add_all(
            [
                Response(
                    story_id=story.id,
                    body=mark("reply"),
                    author_id=author.id,
                    override_reason=mark("override"),
                ),
                Response(
                    story_id=other.id,
                    body="Thank you.",
                    author_id=author.id,
                    translation=mark("reply_translation"),
                ),
                Alert(
                    story_id=story.id,
                    story_ref=english,
                    risks=["clinical"],
                    email_status="off",
                    action_note=mark("note"),
                    acted_by="lead",
                    acted_at=datetime.now(UTC),
                ),
                ReplyTemplate(
                    theme="access",
                    title=mark("template_title"),
                    body=mark("template_body"),
                    created_by="lead",
                ),
                Action(
                    site=mark("site"), you_said=mark("you_said"), we_did=mark("we_did"), created_by="lead"
                ),
                Champion(
                    code="MUMS1",
                    name=mark("champion"),
                    community=mark("community"),
                    created_by="lead",
                    link_token="t0ken",
                ),
            ]
        )
    return {"ref": english, "other": polish, "new": unmoderated}


def test_every_page_shows_scripts_as_text(services: Services) -> None:
    services = replace(
        services, settings=replace(services.settings, sites=(mark("site"), "Maidstone Hospital"))
    )
    with services.db.session() as session:
        for role in ("moderator", "lead", "admin"):
            session.add(StaffUser(username=role, display_name=role.title(), role=role, password_hash="-"))
    refs = _seed(services)
    app: Flask = create_app(services=replace(services, settings=replace(services.settings, simulator=True)))
    app.config.update(TESTING=True)
    parts = {**OTHER_PARTS, "code": "MUMS1", "ref": refs["ref"]}
    pages: dict[str, str] = {}
    for rule in app.url_map.iter_rules():
        needs = set(re.findall(r"<(?:\w+:)?(\w+)>", rule.rule))
        if "GET" not in (rule.methods or set()) or not needs <= set(parts):
            continue  # the media route: not a page
        paths = [re.sub(r"<(?:\w+:)?(\w+)>", lambda match: parts[match.group(1)], rule.rule)]
        if rule.endpoint == "stories.view":
            paths.append(f"/review/story/{refs['other']}")
            paths.append(f"/review/story/{refs['new']}")
            paths.append(f"/review/story/{refs['other']}?template=1")
        for path in paths:
            for role in ("moderator", "lead", "admin"):
                response = (as_staff(app, role) if path.startswith("/review") else app.test_client()).get(
                    path
                )
                if response.mimetype == "text/html":
                    pages[f"{role} {path}"] = response.get_data(as_text=True)
    year, week, _ = datetime.now(UTC).isocalendar()
    pages["the digest"] = render(services, "all", f"{year}-W{week:02d}")
    leaked = [
        name
        for name, page in pages.items()
        if "<script>" in re.sub(r'<script src="[^"]+"></script>', "", page)
    ]
    assert leaked == []
    shown = {
        field
        for field in FIELDS
        for page in pages.values()
        if f"&lt;script&gt;{field}&lt;/script&gt;" in page
    }
    print(f"\n{len(pages)} pages checked; {len(shown)} of {len(FIELDS)} kinds of input shown, each escaped")
    assert shown == set(FIELDS), f"never shown, so never checked: {set(FIELDS) - shown}"
