""" "You said, we did": a change linked only to stories that exist, planned then made; when made, each
linked woman who wanted a reply is sent a short message about it in her language.

The message is not sent here: it is drafted as a reply to her story (written by the lead who marked the
change made) and goes through the usual two-person path — someone else reads and approves it, then the
outbox sends it. Her language comes from the catalogs (``action.made``: "You told us about … Because of
stories like yours, we …"); the lead's own words inside it are machine translated when a translation
service is set up, and the approver sees the English beside it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy.orm import Session

from bot.review import replies
from bot.review.translation import translate_reply
from bot.services import Services
from flows.catalog import text as catalog_text
from flows.review import ActionStatus, Status, can_make
from storage import actions as stored, audit
from storage.models import Action, Contact, StaffUser, Story

REF = re.compile(r"AV-[A-Z0-9]{4,6}")
#: only a story already answered takes this message as a further reply: one still waiting for its own
#: answer must not have it replaced (a sent reply supersedes every other draft), nor a withdrawn one
_REPLYABLE = (Status.REPLIED,)


class ActionRefused(ValueError):
    """Why a change cannot be saved or made: shown to the lead as it is."""


def parse_refs(raw: str) -> list[str]:
    """Reference codes from what a lead typed ("AV-7KQ2, av-9pp3"), each once, in order."""
    return list(dict.fromkeys(REF.findall(raw.upper())))


def add(
    session: Session,
    *,
    site: str | None,
    you_said: str,
    we_did: str,
    themes: Sequence[str],
    refs: Sequence[str],
    by: str,
) -> Action:
    """A planned change. Every story reference must be a story that exists, or nothing is saved."""
    if not you_said.strip() or not we_did.strip():
        raise ActionRefused("Write what women said and what the service will do.")
    missing = [ref for ref in refs if ref not in stored.existing_refs(session, refs)]
    if missing:
        raise ActionRefused(
            f"No story has the reference {', '.join(missing)}. Check the codes and try again."
        )
    action = stored.add(
        session,
        site=site,
        you_said=you_said.strip(),
        we_did=we_did.strip(),
        themes=themes,
        story_refs=refs,
        made=False,
        by=by,
    )
    audit.record(session, by, "action_added", action_id=action.id, stories=len(refs))
    return action


@dataclass
class Made:
    """What marking a change made did: the reply drafts waiting for a second person, and who was left out."""

    drafts: list[str] = field(default_factory=list)
    #: linked stories whose teller did not ask for a reply, withdrew, can no longer be reached, or is still
    #: waiting for the answer to her story
    not_told: int = 0


def _her_words(services: Services, english: str, lang: str) -> str:
    try:
        found = translate_reply(services, english, lang)
    except Exception:  # a failing provider leaves the lead's English words inside her language's sentence
        return english
    return found[0] if found else english


def _lower_first(text: str) -> str:
    text = text.strip().rstrip(".")
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


def message(services: Services, action: Action, lang: str) -> tuple[str, str]:
    """The short message, in English (for the approver) and in her language."""
    about, change = _lower_first(action.you_said), _lower_first(action.change or action.we_did)
    english = catalog_text("en", "action.made").format(about=about, change=change)
    if lang == "en":
        return english, english
    hers = catalog_text(lang, "action.made").format(
        about=_her_words(services, about, lang), change=_her_words(services, change, lang)
    )
    return english, hers


def make(services: Services, session: Session, action: Action, change: str, by: StaffUser) -> Made:
    """Planned → made, with one sentence of what changed; drafts her message for every linked story."""
    if not can_make(action.status):
        raise ActionRefused("This change is already marked as made.")
    if not change.strip():
        raise ActionRefused("Say in one sentence what changed: it is what the women who told us will read.")
    action.status = ActionStatus.MADE
    action.change = change.strip()
    action.made_at = datetime.now(UTC)
    action.made_by = by.username
    done = Made()
    for story in stored.linked_stories(session, action):
        if not _wants_to_hear(session, story):
            done.not_told += 1
            continue
        english, hers = message(services, action, story.lang)
        response = replies.draft(session, story, by, english)
        if story.lang != "en":
            replies.set_translation(session, response, hers, None, None)
        done.drafts.append(story.ref or "")
    audit.record(
        session,
        by.username,
        "action_made",
        action_id=action.id,
        drafts=len(done.drafts),
        not_told=done.not_told,
    )
    return done


def _wants_to_hear(session: Session, story: Story) -> bool:
    if not story.reply_wanted or story.status not in _REPLYABLE or story.contact_id is None:
        return False
    contact = session.get(Contact, story.contact_id)
    return contact is not None and contact.opted_out_at is None
