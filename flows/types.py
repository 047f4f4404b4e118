"""The plain values that flow through a conversation.

Flows see only these: no database rows, no provider payloads, no clock. The application turns a
provider's webhook into an `Inbound`, runs a flow, then carries out the `Effect`s and renders the
`Reply`s in her language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from flows.safeguarding import Assessment


class MediaKind(StrEnum):
    AUDIO = "audio"
    IMAGE = "image"
    VIDEO = "video"
    DOCUMENT = "document"


@dataclass(frozen=True)
class Inbound:
    """One message from her, as the flow needs it."""

    text: str
    received_at: datetime
    media: tuple[MediaKind, ...] = ()
    #: language the application detected in this message's text, if it could tell.
    detected_lang: str | None = None
    #: champion code carried by a deep link (Telegram ``/start CODE``), if any.
    start_code: str | None = None
    #: when ``detected_lang`` is None: the languages she may read, likeliest first — a champion group's
    #: languages, or the few languages her script is written in ("سلام" is Arabic, Urdu, Pashto or Dari).
    languages: tuple[str, ...] = ()
    #: how urgent her words read, when the application already asked (outside its write lock): the
    #: same `assess(text)` the step would make, so it is not made twice
    assessment: Assessment | None = None


@dataclass(frozen=True)
class Call:
    """A phone call's recording, as the flow needs it: the language she chose, and what she pressed
    before she spoke (both questions default to no)."""

    lang: str
    reply_wanted: bool = False
    quote: bool = False


@dataclass(frozen=True)
class Message:
    """One catalog entry to render: a message id and its named parameters."""

    key: str
    params: tuple[tuple[str, str], ...] = ()


def msg(key: str, **params: str) -> Message:
    return Message(key, tuple(sorted(params.items())))


@dataclass(frozen=True)
class Reply:
    """One outbound message: catalog entries joined into a single text to keep SMS costs down.

    ``choices`` are the menu's options in order, so a channel with buttons can show them; the
    numbered text is always in the message too, for plain SMS.
    """

    parts: tuple[Message, ...]
    choices: tuple[Message, ...] = ()


# ---- effects: what the application must do after a step ----------------------------------------


@dataclass(frozen=True)
class StartStory:
    """Open a new draft story for her."""


@dataclass(frozen=True)
class AddToStory:
    """Keep this inbound message (text and media) as part of the open story."""


@dataclass(frozen=True)
class Answer:
    """Record one answer about the open story (follow-ups, site, when, about you, reply wanted)."""

    field: str
    value: str | None


@dataclass(frozen=True)
class SubmitStory:
    """The open story is complete: give it a reference code and put it in the review queue."""

    reason: str  # "finished", "timeout", "new"


@dataclass(frozen=True)
class OptOut:
    pass


@dataclass(frozen=True)
class OptIn:
    pass


@dataclass(frozen=True)
class Erase:
    """She confirmed DELETE, or said no at the start: erase everything she sent, and her contact."""

    reason: str = "asked"  # "asked" (DELETE) or "declined" (no at "shall we start?")


@dataclass(frozen=True)
class SetLanguage:
    lang: str


@dataclass(frozen=True)
class Attribute:
    """Her first message carried a champion's code."""

    code: str


@dataclass(frozen=True)
class FlagUrgent:
    """The message showed a sign of urgent risk; staff must see it first and leads be alerted."""

    risks: tuple[str, ...]


@dataclass(frozen=True)
class FlagCheckSoon:
    """The message may show a risk, below the alarm: she is not told anything, but a person reads the
    story within minutes ("check soon" in the queue)."""

    risks: tuple[str, ...]


@dataclass(frozen=True)
class RateReply:
    rating: int


@dataclass(frozen=True)
class AddFollowUp:
    """She wrote again after finishing: thread it onto her last story and put it back in the queue."""


@dataclass(frozen=True)
class WithdrawQuotes:
    """She no longer wants any of her words shown publicly: take down every quote of hers, now."""


Effect = (
    StartStory
    | AddToStory
    | Answer
    | SubmitStory
    | OptOut
    | OptIn
    | Erase
    | SetLanguage
    | Attribute
    | FlagUrgent
    | FlagCheckSoon
    | RateReply
    | AddFollowUp
    | WithdrawQuotes
)


@dataclass(frozen=True)
class Outcome:
    state: dict[str, object]
    replies: tuple[Reply, ...] = ()
    effects: tuple[Effect, ...] = field(default=())
