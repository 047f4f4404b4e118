"""The review workflow: a story's statuses, who may move it from one to the next, and what each role works on.

Pure data and functions, like ``flows/story.py``: no I/O. Storage queries, the dashboard, the worker and the
digest all read statuses and permissions from here, so a status is never a bare string in another module
and a new stage is added in one place.

A story's life::

    draft ─submit─► new ─moderate─► moderated ─draft_reply─► drafted ─approve─► approved ─send─► replied
    (she is still     (a moderator    (a responder writes)      (a second person    (the worker
     telling it)       checks the                                 approves)           sent it)
                       redactions)

    Anything she adds after finishing (``follow_up``) sends it back to ``new``, so a moderator reads it first.
    A lead may ``close`` a story or she may ``withdraw`` it.

Claims (``claim_for``): a story is held for one person while they work on it, taken when they *start* work
(moderating, drafting, approving), never by opening a page, and let go when the work is saved.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum


class Status(StrEnum):
    DRAFT = "draft"  # she is still telling it: only an urgent one shows in the queue
    NEW = "new"  # told: a moderator checks what the anonymiser took out
    MODERATED = "moderated"  # redactions confirmed: ready for a reply
    DRAFTED = "drafted"  # a reply is written and waits for a second person
    APPROVED = "approved"  # approved: the worker is sending it
    REPLIED = "replied"  # the reply reached her channel
    CLOSED = "closed"  # nothing more to do
    WITHDRAWN = "withdrawn"  # she took it back

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    Status.DRAFT: "Still being told",
    Status.NEW: "To moderate",
    Status.MODERATED: "To reply",
    Status.DRAFTED: "To approve",
    Status.APPROVED: "Approved",
    Status.REPLIED: "Replied",
    Status.CLOSED: "Closed",
    Status.WITHDRAWN: "Withdrawn",
}

#: every status staff can filter by, in the order a story passes through them (draft is hers, not theirs)
STAFF_STATUSES: tuple[Status, ...] = tuple(status for status in Status if status is not Status.DRAFT)
#: stories someone still has to act on
QUEUE: tuple[Status, ...] = (Status.NEW, Status.MODERATED, Status.DRAFTED, Status.APPROVED)
#: the reply clock has stopped: she has her answer, or there is none to give
FINISHED: tuple[Status, ...] = (Status.REPLIED, Status.CLOSED, Status.WITHDRAWN)
#: a person has checked the redactions, so the words may be quoted, translated and counted by theme
MODERATED_OR_LATER: tuple[Status, ...] = (
    Status.MODERATED,
    Status.DRAFTED,
    Status.APPROVED,
    Status.REPLIED,
    Status.CLOSED,
)
#: she has finished telling it (whatever has happened to it since)
SUBMITTED: tuple[Status, ...] = STAFF_STATUSES


class ReplyStatus(StrEnum):
    """A reply's life: written, approved by a second person, sent; or closed because another reply was sent.

    Once one reply to a story is sent, every other draft for that story is ``SUPERSEDED`` and can never be
    approved: she must not get two answers to one story.
    """

    DRAFT = "draft"  # written, waiting for a second person
    APPROVED = "approved"  # approved: the worker is sending it
    SENT = "sent"  # it reached her channel
    SUPERSEDED = "superseded"  # another reply to the same story was sent first

    @property
    def label(self) -> str:
        return _REPLY_LABELS[self]


_REPLY_LABELS = {
    ReplyStatus.DRAFT: "To approve",
    ReplyStatus.APPROVED: "Approved",
    ReplyStatus.SENT: "Sent",
    ReplyStatus.SUPERSEDED: "Closed: another reply was sent",
}


class ActionStatus(StrEnum):
    """A "You said, we did" change: planned, then made (with one sentence saying what changed).

    When it is made, each linked woman who wanted a reply is sent a short message about it, drafted for
    her story and approved by a second person like any reply.
    """

    PLANNED = "planned"
    MADE = "made"

    @property
    def label(self) -> str:
        return _ACTION_LABELS[self]


_ACTION_LABELS = {ActionStatus.PLANNED: "Change planned", ActionStatus.MADE: "Change made"}
#: the moves a change may take: only planned → made
ACTION_MOVES: dict[ActionStatus, frozenset[ActionStatus]] = {
    ActionStatus.PLANNED: frozenset({ActionStatus.MADE}),
    ActionStatus.MADE: frozenset(),
}


def can_make(status: str) -> bool:
    """Whether a change in ``status`` may be marked made."""
    return status in ACTION_MOVES and ActionStatus.MADE in ACTION_MOVES[ActionStatus(status)]


def can_approve_reply(status: str) -> bool:
    """Only a draft may be approved: never one already approved, sent or superseded."""
    return status == ReplyStatus.DRAFT


class Role(StrEnum):
    MODERATOR = "moderator"
    RESPONDER = "responder"
    LEAD = "lead"
    ADMIN = "admin"


ROLES: tuple[Role, ...] = tuple(Role)


class Permission(StrEnum):
    VIEW = "view"  # the queue and redacted stories
    MODERATE = "moderate"  # her raw words and media, to check the redactions (every view audited)
    DRAFT = "draft"  # write a reply
    APPROVE = "approve"  # approve someone else's reply
    OVERRIDE = "override"  # approve a reply the checker has not passed, with a written reason
    AUDIT = "audit"  # the audit log, the digest, delivery problems, languages
    ACTIONS = "actions"  # "You said, we did", champions and local births
    EXPORT = "export"  # take redacted stories out as CSV or XLSX, and the yearly report (every one audited)
    ADMIN = "admin"  # staff accounts


#: A lead can do a moderator's and a responder's work; an admin everything, and manages staff accounts.
PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.MODERATOR: frozenset({Permission.VIEW, Permission.MODERATE}),
    Role.RESPONDER: frozenset({Permission.VIEW, Permission.DRAFT}),
    Role.LEAD: frozenset(set(Permission) - {Permission.ADMIN}),
    Role.ADMIN: frozenset(Permission),
}


class Move(StrEnum):
    SUBMIT = "submit"  # she finished telling it (DONE, the timeout, or an urgent message)
    MODERATE = "moderate"
    DRAFT_REPLY = "draft_reply"
    APPROVE = "approve"
    SEND = "send"  # the worker sent the approved reply
    FOLLOW_UP = "follow_up"  # she wrote again after finishing
    CLOSE = "close"
    WITHDRAW = "withdraw"


@dataclass(frozen=True)
class Transition:
    sources: frozenset[Status]
    target: Status
    #: the permission a member of staff needs; None for moves made by her or by the system
    needs: Permission | None


TRANSITIONS: dict[Move, Transition] = {
    Move.SUBMIT: Transition(frozenset({Status.DRAFT}), Status.NEW, None),
    Move.MODERATE: Transition(frozenset({Status.NEW}), Status.MODERATED, Permission.MODERATE),
    Move.DRAFT_REPLY: Transition(
        frozenset({Status.MODERATED, Status.DRAFTED, Status.APPROVED, Status.REPLIED}),
        Status.DRAFTED,
        Permission.DRAFT,
    ),
    Move.APPROVE: Transition(frozenset({Status.DRAFTED}), Status.APPROVED, Permission.APPROVE),
    Move.SEND: Transition(frozenset({Status.APPROVED}), Status.REPLIED, None),
    Move.FOLLOW_UP: Transition(frozenset(MODERATED_OR_LATER) | {Status.WITHDRAWN}, Status.NEW, None),
    Move.CLOSE: Transition(frozenset(QUEUE) | {Status.REPLIED}, Status.CLOSED, Permission.APPROVE),
    Move.WITHDRAW: Transition(frozenset(Status) - {Status.WITHDRAWN}, Status.WITHDRAWN, None),
}

#: What each role's "next story" is: the work only they can move on, most pressing stage first.
NEXT_WORK: dict[Role, tuple[Status, ...]] = {
    Role.MODERATOR: (Status.NEW,),
    Role.RESPONDER: (Status.MODERATED,),
    Role.LEAD: (Status.DRAFTED, Status.NEW, Status.MODERATED),
    Role.ADMIN: (Status.DRAFTED, Status.NEW, Status.MODERATED),
}

#: How long a claim holds a story while someone works on it; renewed as they work.
CLAIM_FOR = timedelta(minutes=10)


def role_of(value: str) -> Role | None:
    try:
        return Role(value)
    except ValueError:
        return None


def can(role: str, permission: Permission) -> bool:
    """Whether someone with ``role`` holds ``permission`` (an unknown role holds none)."""
    found = role_of(role)
    return found is not None and permission in PERMISSIONS[found]


def can_move(status: str, move: Move, role: str | None = None) -> bool:
    """Whether a story in ``status`` may take ``move`` (and for a staff move, whether ``role`` may)."""
    transition = TRANSITIONS[move]
    if status not in transition.sources:
        return False
    if transition.needs is None:
        return True
    return role is not None and can(role, transition.needs)


class NotAllowed(Exception):
    """A move the workflow does not allow from the story's status (or not for this role)."""


def advance(status: str, move: Move, role: str | None = None) -> Status:
    """The status a story moves to; raises `NotAllowed` rather than skipping a stage."""
    if not can_move(status, move, role):
        raise NotAllowed(f"a story that is {status!r} cannot {move.value.replace('_', ' ')}")
    return TRANSITIONS[move].target


def stage_work(status: str) -> frozenset[Permission]:
    """The permissions that can move a story on from ``status``: who may claim it to work on it."""
    return frozenset(
        transition.needs
        for move, transition in TRANSITIONS.items()
        if status in transition.sources and transition.needs is not None and move is not Move.CLOSE
    )


def can_work_on(status: str, role: str) -> bool:
    """Whether someone with ``role`` has work to do on a story in ``status`` (and so may claim it)."""
    return any(can(role, permission) for permission in stage_work(status))


def next_statuses(role: str) -> tuple[Status, ...]:
    found = role_of(role)
    return NEXT_WORK[found] if found is not None else (Status.NEW,)


def claim_expired(claimed_until: datetime | None, now: datetime) -> bool:
    return claimed_until is None or claimed_until <= now


def held_by_other(claimed_by: str | None, claimed_until: datetime | None, me: str, now: datetime) -> bool:
    """Someone else started work on it and their claim has not run out."""
    return claimed_by is not None and claimed_by != me and not claim_expired(claimed_until, now)


def reply_clock_running(status: str, submitted: bool) -> bool:
    """Whether she is still waiting for an answer (the reply target counts these days)."""
    return submitted and status not in FINISHED
