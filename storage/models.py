"""The tables. Her address and her raw words are only ever stored sealed by the vault."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC on both databases: SQLite would otherwise hand back naive datetimes."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


#: SQLite hands the id of a deleted row out again unless a table says AUTOINCREMENT; an id that comes
#: back could match a key or reference built from the old one (an erased woman's goodbye, say), so no
#: table of ours lets that happen. PostgreSQL's sequences never reuse a value anyway.
NEVER_REUSE_IDS = {"sqlite_autoincrement": True}


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UTCDateTime(),
        dict[str, Any]: JSON,
        list[Any]: JSON,
        bytes: LargeBinary,
    }


class Contact(Base):
    """One sender on one channel. Reviewers never see this row."""

    __tablename__ = "contact"
    __table_args__ = NEVER_REUSE_IDS

    id: Mapped[int] = mapped_column(primary_key=True)
    channel: Mapped[str] = mapped_column(String(16))
    transport: Mapped[str] = mapped_column(String(16))
    address_hash: Mapped[str] = mapped_column(String(64), unique=True)
    address_sealed: Mapped[bytes]
    lang: Mapped[str] = mapped_column(String(8), default="en")
    champion_code: Mapped[str | None] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    consented_at: Mapped[datetime | None]
    opted_out_at: Mapped[datetime | None]
    last_inbound_at: Mapped[datetime | None]


class Conversation(Base):
    """Where she is in a flow. ``version`` guards against two messages racing for the same state."""

    __tablename__ = "conversation"

    contact_id: Mapped[int] = mapped_column(ForeignKey("contact.id", ondelete="CASCADE"), primary_key=True)
    flow: Mapped[str] = mapped_column(String(32), default="story")
    state: Mapped[dict[str, Any]] = mapped_column(default=dict)
    version: Mapped[int] = mapped_column(default=0)
    due_at: Mapped[datetime | None] = mapped_column(index=True)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class Story(Base):
    __tablename__ = "story"
    __table_args__ = NEVER_REUSE_IDS

    id: Mapped[int] = mapped_column(primary_key=True)
    ref: Mapped[str | None] = mapped_column(String(9), unique=True)
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contact.id", ondelete="CASCADE"), index=True)
    channel: Mapped[str] = mapped_column(String(16))
    #: her contact's transport, kept on the story so "simulated" outlives the link to her contact
    transport: Mapped[str | None] = mapped_column(String(16))
    lang: Mapped[str] = mapped_column(String(8))
    #: draft (being told) → new → moderated → drafted → approved → replied → closed; or withdrawn.
    status: Mapped[str] = mapped_column(String(16), default="draft", index=True)
    raw_sealed: Mapped[bytes | None]
    redacted_text: Mapped[str | None] = mapped_column(Text)
    redactions: Mapped[list[Any]] = mapped_column(default=list)
    translation_en: Mapped[str | None] = mapped_column(Text)
    answers: Mapped[dict[str, Any]] = mapped_column(default=dict)
    about: Mapped[dict[str, Any]] = mapped_column(default=dict)
    site: Mapped[str | None] = mapped_column(String(200))
    when_text: Mapped[str | None] = mapped_column(String(200))
    reply_wanted: Mapped[bool | None] = mapped_column(Boolean)
    urgent: Mapped[bool] = mapped_column(default=False)
    #: a possible risk (below the alarm, not calm): no message to her, a person reads it within minutes
    check_soon_at: Mapped[datetime | None] = mapped_column(index=True)
    media_count: Mapped[int] = mapped_column(default=0)
    champion_code: Mapped[str | None] = mapped_column(String(20))
    themes: Mapped[list[Any]] = mapped_column(default=list)
    #: set by the moderator: urgent, high or routine
    criticality: Mapped[str | None] = mapped_column(String(8))
    rating: Mapped[int | None]
    #: not_needed (English), pending (retried by the worker with backoff), done (by the service or by
    #: hand), failed, off (none set up)
    translation_status: Mapped[str] = mapped_column(String(12), default="not_needed", index=True)
    translation_attempts: Mapped[int] = mapped_column(default=0)
    #: who wrote ``translation_en`` by hand (None: the translation service did)
    translation_by: Mapped[str | None] = mapped_column(String(80))
    translation_next_at: Mapped[datetime | None]
    #: who is working on it, so two people never work the same story
    claimed_by: Mapped[str | None] = mapped_column(String(80))
    claimed_until: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    submitted_at: Mapped[datetime | None] = mapped_column(index=True)
    moderated_at: Mapped[datetime | None]
    moderated_by: Mapped[str | None] = mapped_column(String(80))
    replied_at: Mapped[datetime | None]
    #: her raw words and media are purged after this (set at moderation)
    purge_raw_after: Mapped[datetime | None] = mapped_column(index=True)
    #: she agreed that a short quote may be shown publicly once staff have taken out anything identifying
    #: (None: not asked; False: no, or she withdrew)
    quote_ok: Mapped[bool | None] = mapped_column(Boolean)

    responses: Mapped[list[Response]] = relationship(
        back_populates="story", cascade="all, delete-orphan", passive_deletes=True, order_by="Response.id"
    )


# The queue's filters and order: urgent first, then longest waiting, within a status tab or not.
Index("ix_story_queue", Story.urgent, Story.submitted_at, Story.id)
Index("ix_story_status_queue", Story.status, Story.urgent, Story.submitted_at)
# Migration 0016: a filter (her language, the site, the channel, a champion's code) then the stage and
# what the queue sorts and counts by, so a filtered page reads the few stories still waiting, not every
# story ever told in that language (100 ms a page at 100 000 stories on SQLite; under 1 ms with these).
_WAITING_FIRST = (Story.status, Story.urgent, Story.check_soon_at, Story.submitted_at)
Index("ix_story_lang_queue", Story.lang, *_WAITING_FIRST)
Index("ix_story_site_queue", Story.site, *_WAITING_FIRST)
Index("ix_story_channel_queue", Story.channel, *_WAITING_FIRST)
Index("ix_story_champion_queue", Story.champion_code, *_WAITING_FIRST)
Index("ix_story_replied", Story.replied_at)
#: reports read one site over a period
Index("ix_story_site_submitted", Story.site, Story.submitted_at)
# Migration 0015: the queue's ORDER exactly, so its first page is read in order (SQLite sorts NULL first
# in ascending order already and takes no NULLS FIRST in an index); and every column the counts read.
_QUEUE_ORDER = (
    Story.urgent.desc(),
    Story.check_soon_at.is_(None),
    Story.submitted_at.asc().nulls_first(),
    Story.id,
)
_QUEUE_ORDER_SQLITE = (Story.urgent.desc(), Story.check_soon_at.is_(None), Story.submitted_at, Story.id)
Index("ix_story_queue_order", *_QUEUE_ORDER).ddl_if(dialect="postgresql")
Index("ix_story_status_order", Story.status, *_QUEUE_ORDER).ddl_if(dialect="postgresql")
Index("ix_story_queue_order", *_QUEUE_ORDER_SQLITE).ddl_if(dialect="sqlite")
Index("ix_story_status_order", Story.status, *_QUEUE_ORDER_SQLITE).ddl_if(dialect="sqlite")
Index("ix_story_queue_counts", Story.status, Story.urgent, Story.check_soon_at, Story.submitted_at, Story.ref)


class Inbound(Base):
    """Every message she sent, stored before the provider is answered; a provider retry is a no-op."""

    __tablename__ = "inbound"
    __table_args__ = (
        UniqueConstraint("channel", "provider_id", name="uq_inbound_provider"),
        NEVER_REUSE_IDS,
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    channel: Mapped[str] = mapped_column(String(16))
    provider_id: Mapped[str] = mapped_column(String(100))
    contact_id: Mapped[int] = mapped_column(ForeignKey("contact.id", ondelete="CASCADE"), index=True)
    story_id: Mapped[int | None] = mapped_column(ForeignKey("story.id", ondelete="CASCADE"), index=True)
    received_at: Mapped[datetime] = mapped_column(default=utcnow)
    body_sealed: Mapped[bytes]
    media: Mapped[list[Any]] = mapped_column(default=list)
    start_code: Mapped[str | None] = mapped_column(String(40))
    processed_at: Mapped[datetime | None]
    #: tries at processing it that failed because of the message itself (committed apart from the try)
    attempts: Mapped[int] = mapped_column(default=0)
    #: set after too many failed tries: shown to leads, and her later messages go on without it
    parked_at: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(String(200))
    #: after a failed try, not before this
    retry_at: Mapped[datetime | None]
    #: a phone call's recording: the language she chose and her answers ({"lang", "reply_wanted", "quote"})
    call: Mapped[dict[str, Any] | None] = mapped_column(JSON)


Index("ix_inbound_unprocessed", Inbound.processed_at, Inbound.received_at)
Index("ix_inbound_contact_unprocessed", Inbound.contact_id, Inbound.processed_at)


class StaffUser(Base):
    __tablename__ = "staff_user"
    __table_args__ = NEVER_REUSE_IDS

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    display_name: Mapped[str] = mapped_column(String(120))
    #: how replies are signed: her reply comes from a person, not "the Trust".
    job_title: Mapped[str] = mapped_column(String(120), default="")
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class StaffSession(Base):
    """A signed-in browser. Its cookie holds a random token and only the token's hash is kept here, so
    this table cannot sign anyone in. Sign-out revokes the row; deactivating the person revokes all theirs.
    """

    __tablename__ = "staff_session"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("staff_user.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(default=utcnow)
    revoked_at: Mapped[datetime | None]


class SignInFailure(Base):
    """A wrong password (or unknown username), counted by every web process alike for the sign-in limits.

    ``device`` is set when the browser carried a known-device cookie for this username: those failures
    count against that device only. Rows older than a day are deleted as new ones come.
    """

    __tablename__ = "sign_in_failure"
    __table_args__ = NEVER_REUSE_IDS

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    username: Mapped[str] = mapped_column(String(80), index=True)
    address: Mapped[str] = mapped_column(String(45), index=True)
    device: Mapped[str | None] = mapped_column(String(32), index=True)


class Response(Base):
    """A reply to one story: written by one person, approved by another."""

    __tablename__ = "response"
    __table_args__ = NEVER_REUSE_IDS

    id: Mapped[int] = mapped_column(primary_key=True)
    story_id: Mapped[int] = mapped_column(ForeignKey("story.id", ondelete="CASCADE"), index=True)
    body: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default="draft")  # draft, approved, sent
    author_id: Mapped[int] = mapped_column(ForeignKey("staff_user.id"))
    approver_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"))
    findings: Mapped[list[Any]] = mapped_column(default=list)
    #: a lead approved despite findings: why (audited)
    override_reason: Mapped[str | None] = mapped_column(Text)
    #: the reply in her language, and that translated back to English for the approver to check
    translation: Mapped[str | None] = mapped_column(Text)
    back_translation: Mapped[str | None] = mapped_column(Text)
    translation_edited_by: Mapped[str | None] = mapped_column(String(80))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    approved_at: Mapped[datetime | None]
    sent_at: Mapped[datetime | None]

    story: Mapped[Story] = relationship(back_populates="responses")
    author: Mapped[StaffUser] = relationship(foreign_keys=[author_id])
    approver: Mapped[StaffUser | None] = relationship(foreign_keys=[approver_id])


class OutboxMessage(Base):
    """One message to send. The destination is sealed here too, so a goodbye can outlive her contact."""

    __tablename__ = "outbox"
    __table_args__ = NEVER_REUSE_IDS

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contact.id", ondelete="SET NULL"), index=True)
    story_id: Mapped[int | None] = mapped_column(ForeignKey("story.id", ondelete="SET NULL"))
    channel: Mapped[str] = mapped_column(String(16))
    transport: Mapped[str] = mapped_column(String(16))
    address_sealed: Mapped[bytes | None]
    body: Mapped[str] = mapped_column(Text)
    choices: Mapped[list[Any]] = mapped_column(default=list)
    #: flow, optout_ack, goodbye, reply, template (WhatsApp's approved opener outside 24 hours)
    kind: Mapped[str] = mapped_column(String(16), default="flow")
    idempotency_key: Mapped[str] = mapped_column(String(80), unique=True)
    #: queued → sending → sent → delivered; or failed / undelivered / suppressed (she opted out
    #: before it went) / held (WhatsApp's 24-hour window closed: waits for her next message).
    status: Mapped[str] = mapped_column(String(16), default="queued")
    #: for kind "template": {"content_sid": …, "variables": {…}}
    template: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(default=utcnow)
    claimed_until: Mapped[datetime | None]
    #: the worker sending it; its claim ends when that worker's heartbeat stops
    claimed_by: Mapped[str | None] = mapped_column(String(80))
    provider_id: Mapped[str | None] = mapped_column(String(100), index=True)
    last_error: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[datetime | None]


Index("ix_outbox_due", OutboxMessage.status, OutboxMessage.next_attempt_at)


class Media(Base):
    """A voice note, photo or file she sent: fetched from the provider and kept sealed, for moderators."""

    __tablename__ = "media"
    __table_args__ = NEVER_REUSE_IDS

    id: Mapped[int] = mapped_column(primary_key=True)
    inbound_id: Mapped[int] = mapped_column(ForeignKey("inbound.id", ondelete="CASCADE"), index=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contact.id", ondelete="CASCADE"), index=True)
    transport: Mapped[str] = mapped_column(String(16))
    kind: Mapped[str] = mapped_column(String(16))
    content_type: Mapped[str] = mapped_column(String(100))
    #: where the provider keeps it (a media URL or a file id), sealed; dropped once fetched.
    source_sealed: Mapped[bytes | None]
    data_sealed: Mapped[bytes | None]
    size: Mapped[int | None]
    #: pending → stored; or too_large / failed
    status: Mapped[str] = mapped_column(String(16), default="pending", index=True)
    attempts: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    #: a voice note in words, written by machine (sealed like her typed words); see bot/chat/transcribe.py
    transcript_sealed: Mapped[bytes | None]
    #: working → done / partial (the time ran out) / listen (a person must listen: a language the model
    #: cannot write down, or it failed); None until the note is stored
    transcript_status: Mapped[str | None] = mapped_column(String(16), index=True)
    transcript_lang: Mapped[str | None] = mapped_column(String(8))
    transcript_started_at: Mapped[datetime | None]


class Champion(Base):
    """A community champion or group that hands the number out. Knows counts, never stories."""

    __tablename__ = "champion"
    __table_args__ = NEVER_REUSE_IDS

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    community: Mapped[str] = mapped_column(String(200), default="")
    languages: Mapped[list[Any]] = mapped_column(default=list)
    #: the private, revocable link to the counts page
    link_token: Mapped[str | None] = mapped_column(String(64), unique=True)
    active: Mapped[bool] = mapped_column(default=True)
    created_by: Mapped[str] = mapped_column(String(80))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Alert(Base):
    """An urgent message: the on-call lead is told (never her words or number) and handling is recorded."""

    __tablename__ = "alert"
    __table_args__ = NEVER_REUSE_IDS

    id: Mapped[int] = mapped_column(primary_key=True)
    story_id: Mapped[int] = mapped_column(ForeignKey("story.id", ondelete="CASCADE"), index=True)
    story_ref: Mapped[str] = mapped_column(String(9))
    risks: Mapped[list[Any]] = mapped_column(default=list)
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    #: pending → sent; or failed / off (no email configured) / simulated (nobody is ever alerted)
    email_status: Mapped[str] = mapped_column(String(16), default="pending")
    email_sent_at: Mapped[datetime | None]
    seen_by: Mapped[str | None] = mapped_column(String(80))
    seen_at: Mapped[datetime | None]
    acted_by: Mapped[str | None] = mapped_column(String(80))
    acted_at: Mapped[datetime | None]
    action_note: Mapped[str | None] = mapped_column(Text)


class AuditEvent(Base):
    """Append-only record of what staff did. Never holds her words or her address."""

    __tablename__ = "audit_event"
    __table_args__ = NEVER_REUSE_IDS

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(80))
    action: Mapped[str] = mapped_column(String(40))
    story_ref: Mapped[str | None] = mapped_column(String(9))
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict)


class ReplyTemplate(Base):
    """A starting point for a common theme. Every sent reply is still read and approved by a person."""

    __tablename__ = "reply_template"
    __table_args__ = NEVER_REUSE_IDS

    id: Mapped[int] = mapped_column(primary_key=True)
    theme: Mapped[str] = mapped_column(String(60))
    title: Mapped[str] = mapped_column(String(120))
    body: Mapped[str] = mapped_column(Text)
    created_by: Mapped[str] = mapped_column(String(80))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Action(Base):
    """A "You said, we did" entry: a change the service made, linked to themes and stories."""

    __tablename__ = "action"
    __table_args__ = NEVER_REUSE_IDS

    id: Mapped[int] = mapped_column(primary_key=True)
    site: Mapped[str | None] = mapped_column(String(200))
    you_said: Mapped[str] = mapped_column(Text)
    we_did: Mapped[str] = mapped_column(Text)
    themes: Mapped[list[Any]] = mapped_column(default=list)
    story_refs: Mapped[list[Any]] = mapped_column(default=list)
    #: flows.review.ActionStatus: planned → made
    status: Mapped[str] = mapped_column(String(16), default="planned")
    created_by: Mapped[str] = mapped_column(String(80))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    #: when it was made, by whom, and one sentence of what changed (what women are told)
    made_at: Mapped[datetime | None]
    made_by: Mapped[str | None] = mapped_column(String(80))
    change: Mapped[str | None] = mapped_column(Text)


class Population(Base):
    """A site's births, by group of one "about you" dimension (ethnicity, age, language, imd).

    ``births`` is a count (or a share: only the proportions between a site's groups are used).
    """

    __tablename__ = "population"
    __table_args__ = (
        UniqueConstraint("site", "dimension", "grp", name="uq_population_group"),
        NEVER_REUSE_IDS,
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    site: Mapped[str] = mapped_column(String(200))
    dimension: Mapped[str] = mapped_column(String(16))
    grp: Mapped[str] = mapped_column(String(40))
    births: Mapped[float]
    #: where the figure comes from, named for every reader of the digest
    source: Mapped[str] = mapped_column(String(300), default="")
    updated_by: Mapped[str] = mapped_column(String(80))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class ImdDistrict(Base):
    """A postcode district's Index of Multiple Deprivation quintile (1 most deprived … 5 least)."""

    __tablename__ = "imd_district"

    district: Mapped[str] = mapped_column(String(8), primary_key=True)
    quintile: Mapped[int]
    source: Mapped[str] = mapped_column(String(300), default="")


class Quote(Base):
    """A few of her words, chosen and de-identified by a lead, shown on a site's public page.

    Only from a story whose teller said yes; deleted the moment she withdraws (or her story is erased).
    """

    __tablename__ = "quote"
    __table_args__ = NEVER_REUSE_IDS

    id: Mapped[int] = mapped_column(primary_key=True)
    story_id: Mapped[int] = mapped_column(ForeignKey("story.id", ondelete="CASCADE"), index=True)
    site: Mapped[str | None] = mapped_column(String(200), index=True)
    text: Mapped[str] = mapped_column(Text)
    published_by: Mapped[str] = mapped_column(String(80))
    published_at: Mapped[datetime] = mapped_column(default=utcnow)


class Lease(Base):
    """Who runs the scheduler: many workers may run, one holds the lease."""

    __tablename__ = "lease"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    holder: Mapped[str] = mapped_column(String(80))
    expires_at: Mapped[datetime]
