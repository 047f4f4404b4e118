"""The story conversation: welcome, her story, follow-ups, where and when, about you, reply wanted.

Pure: ``step(state, inbound, config)`` and ``tick(state, now, config)`` return the new state, the
replies to send and the effects for the application to carry out. State is a plain JSON dict so it
can live in the database between messages.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from datetime import datetime, timedelta

from flows.about_you import AGE, DISABILITY, ETHNICITY, PREFER_NOT, about_value
from flows.catalog import IN_LANG
from flows.commands import command, command_anywhere, greeting_languages, number
from flows.languages import BY_CODE, DEFAULT
from flows.safeguarding import Assessment, Level, Risk, assess
from flows.types import (
    AddFollowUp,
    AddToStory,
    Answer,
    Attribute,
    Effect,
    Erase,
    FlagCheckSoon,
    FlagUrgent,
    Inbound,
    Message,
    OptIn,
    OptOut,
    Outcome,
    RateReply,
    Reply,
    SetLanguage,
    StartStory,
    SubmitStory,
    WithdrawQuotes,
    msg,
)

#: the optional questions after her story, and how staff pages name each answer
FOLLOW_UP_LABELS = {
    "well": "What went well",
    "better": "What could be better",
    "culture": "Cultural, faith or family traditions",
}
#: "about you", asked so we can check we hear from everyone, and how staff pages name each answer
ABOUT_LABELS = {
    "ethnicity": "Ethnic group",
    "age": "Age",
    "postcode": "Postcode district",
    "disability": "Disability",
    "language": "First language",
}
FOLLOW_UPS = tuple(FOLLOW_UP_LABELS)
ABOUT = tuple(ABOUT_LABELS)
#: steps after her story is told, where a day's silence means "keep what she sent".
AFTER_STORY = ("site", "site_other", "when", "offer", *FOLLOW_UPS, *ABOUT, "reply", "quote")
#: steps that ask her a question: a message in danger there is never taken as her answer
QUESTIONS = (*AFTER_STORY, "confirm_delete", "choose_language")
#: steps before she has started, where every language's command words are understood
EARLY = ("new", "consent")
#: at most this many languages are offered as a short menu before any welcome; more means we know
#: nothing and the whole menu comes with the English welcome
SHORT_MENU = 6
#: a message this long at the welcome is her story already, not an answer to "shall we start?".
STORY_AT_CONSENT_WORDS = 5
RATING_MAX = 5


@dataclass(frozen=True)
class FlowConfig:
    sites: tuple[str, ...]
    languages: tuple[str, ...]
    nudge_after: timedelta = timedelta(minutes=30)
    give_up_after: timedelta = timedelta(hours=24)
    reply_days: int = 3
    #: (site, maternity triage phone number) for the sites that have one
    triage: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class State:
    step: str = "new"
    lang: str = DEFAULT
    resume: str | None = None
    story_open: bool = False
    story_parts: int = 0
    last_at: str | None = None
    nudged: bool = False
    opted_out: bool = False
    site: str | None = None
    wants_reply: bool = False
    #: the languages a menu offered her at the start, in its order (a number picks one)
    offered: tuple[str, ...] = ()
    #: the short menu went without the welcome: she has not yet been told who we are
    menu_only: bool = False

    @classmethod
    def load(cls, data: dict[str, object] | None) -> State:
        known = {key: value for key, value in (data or {}).items() if key in cls.__dataclass_fields__}
        if isinstance(known.get("offered"), list):
            known["offered"] = tuple(known["offered"])  # type: ignore[arg-type]
        return cls(**known)  # type: ignore[arg-type]

    def dump(self) -> dict[str, object]:
        return asdict(self)


def _reply(*parts: Message, choices: tuple[Message, ...] = ()) -> Reply:
    return Reply(tuple(parts), choices)


def _literal(text: str) -> Message:
    return msg("_literal", text=text)


def prompt(state: State, config: FlowConfig) -> Reply:
    """What to ask at a step: used the first time and for every kind repeat."""
    step = state.step
    if step in ("new", "consent") and state.menu_only:
        return _short_menu(state.offered)
    if step in ("new", "consent"):
        return _reply(msg("consent.ask"))
    if step == "story":
        # Where to get help now, before she tells anything: a floor that needs no detection.
        return _reply(msg("story.ask"), msg("safety.floor"))
    if step in FOLLOW_UPS:
        return _reply(msg(f"followup.{step}"))
    if step == "site":
        options = (*(_literal(site) for site in config.sites), msg("site.other"))
        return _reply(msg("site.ask"), choices=options)
    if step == "site_other":
        return _reply(msg("site.other.ask"))
    if step == "when":
        return _reply(msg("when.ask"))
    if step == "offer":
        return _reply(msg("followup.offer"))
    if step == "ethnicity":
        return _reply(
            msg("about.ethnicity"),
            choices=(*(msg(f"ethnicity.{key}") for key in ETHNICITY), msg("option.prefer_not")),
        )
    if step == "age":
        ages = (*(msg(f"age.{key}") for key in AGE), msg("option.prefer_not"))
        return _reply(msg("about.age"), choices=ages)
    if step == "postcode":
        return _reply(msg("about.postcode"))
    if step == "disability":
        return _reply(
            msg("about.disability"), choices=(msg("option.yes"), msg("option.no"), msg("option.prefer_not"))
        )
    if step == "language":
        return _reply(msg("about.language"))
    if step == "reply":
        return _reply(msg("reply.ask"))
    if step == "quote":
        return _reply(msg("quote.ask"))
    if step == "confirm_delete":
        return _reply(msg("delete.ask"))
    if step == "choose_language":
        names = tuple(_literal(BY_CODE[code].native_name) for code in config.languages)
        return _reply(msg("language.ask"), choices=names)
    return _reply(msg("finished.again"))


def _short_menu(offered: tuple[str, ...]) -> Reply:
    """A few languages, each line in its own language: "اردو کے لیے 1 بھیجیں"."""
    return _reply(
        *(msg("language.pick", number=str(n), **{IN_LANG: code}) for n, code in enumerate(offered, 1))
    )


def hint(state: State, config: FlowConfig) -> Message:
    """One short line in her language saying what answer we need here: never the whole menu again."""
    step = state.step
    if step in ("new", "consent"):
        if state.menu_only:
            return msg("hint.number", last=str(len(state.offered)))
        return msg("hint.start")
    if step == "site":
        return msg("hint.number", last=str(len(config.sites) + 1))
    if step in ("ethnicity", "disability"):
        options = ETHNICITY if step == "ethnicity" else DISABILITY
        return msg("hint.number", last=str(len(options) + 1))
    if step == "age":
        return msg("hint.age", last=str(len(AGE) + 1))
    if step == "postcode":
        return msg("hint.postcode")
    if step == "offer":
        return msg("hint.yes_skip")
    if step in ("reply", "quote", "confirm_delete"):
        return msg("hint.yes_no")
    if step == "choose_language":
        return msg("hint.number", last=str(len(config.languages)))
    return msg("hint.text")


def _with_prefix(prefix: tuple[Message, ...], reply: Reply) -> Reply:
    return Reply(prefix + reply.parts, reply.choices)


class _Turn:
    """Collects one step's replies and effects so each handler reads as a short story."""

    def __init__(self, state: State) -> None:
        self.state = state
        self.replies: list[Reply] = []
        self.effects: list[Effect] = []
        self.urgent = False

    def say(self, *parts: Message) -> None:
        self.replies.append(_reply(*parts))

    def ask(self, config: FlowConfig, *prefix: Message) -> None:
        self.replies.append(_with_prefix(prefix, prompt(self.state, config)))

    def hint(self, config: FlowConfig) -> None:
        self.say(hint(self.state, config))

    def go(self, step: str, **changes: object) -> None:
        self.state = replace(self.state, step=step, **changes)  # type: ignore[arg-type]

    def done(self) -> Outcome:
        return Outcome(self.state.dump(), tuple(self.replies), tuple(self.effects))


def step(data: dict[str, object] | None, inbound: Inbound, config: FlowConfig) -> Outcome:
    """Her next message moves the conversation on by one step.

    A sign of clear risk is answered first, with the right numbers, whatever the step; a possible one
    is passed quietly to a person. At a question the urgent message is not taken as her answer: she can
    answer when she is ready. Elsewhere the conversation carries on where she was.
    """
    turn = _Turn(replace(State.load(data), last_at=inbound.received_at.isoformat(), nudged=False))
    said = command(inbound.text, turn.state.lang)
    if _starting(turn.state):
        # Before she has started, her own language's STOP, HELP or YES works whatever we think it is;
        # a word only one language uses tells us her language too.
        said, langs = command_anywhere(inbound.text, turn.state.lang)
        if len(langs) == 1 and (lang := next(iter(langs))) in config.languages and lang != turn.state.lang:
            turn.state = replace(turn.state, lang=lang, offered=(), menu_only=False)
            turn.effects.append(SetLanguage(lang))
    if said is None and inbound.text.strip():
        _safeguard(turn, inbound.assessment or assess(inbound.text), config)

    if turn.urgent and turn.state.step in QUESTIONS:
        return turn.done()  # the numbers come first; the question waits until she is ready
    if turn.state.step == "new":
        _first_message(turn, inbound, said, config)
    elif turn.state.opted_out:
        if said == "start":
            turn.state = replace(turn.state, opted_out=False)
            turn.effects.append(OptIn())
            turn.ask(config, msg("started"))
        elif said == "withdraw":
            turn.effects.append(WithdrawQuotes())  # honoured, though she hears nothing more from us
        # After STOP her messages are kept but never answered.
    elif (
        said in ("stop", "help", "delete", "language", "new")
        or (said == "start" and turn.state.step not in ("consent", "confirm_delete"))
        or (said == "withdraw" and turn.state.step != "quote")
    ):
        _command(turn, said, config)
    else:
        _answer(turn, inbound, said, config)
    return turn.done()


def _starting(state: State) -> bool:
    """She has not started yet: at the welcome, or on a detour from it (DELETE, LANGUAGE)."""
    detour = state.step in ("confirm_delete", "choose_language") and (state.resume or "consent") in EARLY
    return state.step in EARLY or detour


def transcribed(data: dict[str, object] | None, inbound: Inbound, config: FlowConfig) -> Outcome:
    """A voice note she sent, now written down: assessed for risk exactly like typed words, and answered
    with the same numbers (or passed quietly to a person). Nothing else moves: her conversation stays
    where it is."""
    state = State.load(data)
    found = assess(inbound.text) if inbound.text.strip() else None
    if found is None or found.level is Level.CALM:
        return Outcome(state.dump())
    risks = tuple(sorted(found.risks))
    if found.level is Level.POSSIBLE:
        return Outcome(state.dump(), (), (FlagCheckSoon(risks),))
    replies = () if state.opted_out else (_safety(found.risks, state, config),)
    return Outcome(state.dump(), replies, (FlagUrgent(risks),))


def _safeguard(turn: _Turn, found: Assessment, config: FlowConfig) -> None:
    """Clear risk: the numbers now and an alert. Possible risk: nothing to her, a person reads it soon."""
    risks = tuple(sorted(found.risks))
    if found.level is Level.CLEAR:
        turn.urgent = True
        turn.effects.append(FlagUrgent(risks))
        if not turn.state.opted_out:
            turn.replies.append(_safety(found.risks, turn.state, config))
    elif found.level is Level.POSSIBLE:
        turn.effects.append(FlagCheckSoon(risks))


def _triage(state: State, config: FlowConfig) -> str | None:
    """Her unit's triage line: the site she named, or the only site this line serves."""
    site = state.site or (config.sites[0] if len(config.sites) == 1 else "")
    return dict(config.triage).get(site)


def _safety(risks: frozenset[Risk], state: State, config: FlowConfig) -> Reply:
    """The right numbers for what she described, before anything else."""
    parts: list[Message] = []
    if Risk.CLINICAL in risks:
        triage = _triage(state, config)
        parts.append(msg("safety.clinical.site", triage=triage) if triage else msg("safety.clinical"))
    if Risk.BABY_UNWELL in risks:
        parts.append(msg("safety.baby"))
    if Risk.SELF_HARM in risks:
        parts.append(msg("safety.self_harm"))
    if Risk.ABUSE in risks:
        parts.append(msg("safety.abuse"))
    parts.append(msg("safety.after"))
    return _reply(*parts)


def _first_message(turn: _Turn, inbound: Inbound, said: str | None, config: FlowConfig) -> None:
    if inbound.start_code:
        turn.effects.append(Attribute(inbound.start_code))
    lang, offered = _her_language(turn.state, inbound, config)
    if lang is not None and lang != turn.state.lang:
        turn.state = replace(turn.state, lang=lang)
        turn.effects.append(SetLanguage(lang))
    if said == "stop":
        turn.go("consent", opted_out=True)
        turn.effects.append(OptOut())
        turn.say(msg("stopped"))
        return
    turn.go("consent")
    if lang is None and len(offered) > 1:
        # We can narrow it to a few (her champion's group, her script, her greeting): ask that first,
        # each language in its own words, and welcome her in the one she picks.
        turn.state = replace(turn.state, offered=offered, menu_only=True)
        turn.ask(config)
        return
    welcome = _with_prefix((msg("welcome"),), prompt(turn.state, config))
    if lang is None and len(config.languages) > 1:
        # Unsure of her language (an emoji, a word every language uses): the English welcome, then
        # every language named in its own script, apart, so the welcome stays in the cheap alphabet.
        names = tuple(_literal(BY_CODE[code].native_name) for code in config.languages)
        turn.state = replace(turn.state, offered=config.languages)
        turn.replies.extend((welcome, _reply(msg("language.other"), choices=names)))
        return
    if turn.state.lang == DEFAULT and inbound.detected_lang is None and len(config.languages) > 1:
        # "hello": English, most likely, but a greeting says little; the way to another is one word.
        welcome = _with_prefix((msg("welcome"),), _reply(msg("consent.ask"), msg("language.more")))
    turn.replies.append(welcome)


def _her_language(state: State, inbound: Inbound, config: FlowConfig) -> tuple[str | None, tuple[str, ...]]:
    """Her language when we can tell (what she wrote, her own greeting or command word), else the few
    she may read, likeliest first, with English last."""
    if inbound.detected_lang in config.languages:
        return inbound.detected_lang, ()
    if state.lang != DEFAULT:
        return state.lang, ()  # her command word was in one language only
    greeted = greeting_languages(inbound.text, inbound.start_code)
    if inbound.start_code:
        greeted -= {DEFAULT}  # "HELLO CODE" is the poster's English, not hers
    possible = [code for code in inbound.languages if code in config.languages]
    hers = [code for code in possible if code in greeted]  # her greeting narrows what we guessed
    if greeted and not possible:
        possible = sorted(greeted & set(config.languages), key=config.languages.index)
    elif hers:
        possible = hers
    if len(possible) == 1 and (hers or not inbound.start_code):
        # A poster's group alone does not say which of its languages she reads, nor that she does.
        return possible[0], ()
    if DEFAULT in possible:
        possible.remove(DEFAULT)
    if not possible:
        return None, ()
    offered = (*possible[: SHORT_MENU - 1], DEFAULT) if DEFAULT in config.languages else tuple(possible)
    return None, offered


def _decline(turn: _Turn) -> None:
    """ "No" before she has started: a kind goodbye, and nothing of hers is kept."""
    turn.effects.append(Erase("declined"))
    turn.state = State(lang=turn.state.lang)
    turn.say(msg("consent.no"))


def _command(turn: _Turn, said: str | None, config: FlowConfig) -> None:
    state = turn.state
    if said == "stop":
        turn.state = replace(state, opted_out=True)
        turn.effects.append(OptOut())
        turn.say(msg("stopped"))
    elif said == "help":
        turn.ask(config, msg("help"), msg("help.now"))
    elif said == "delete":
        turn.go("confirm_delete", resume=_resumable(state))
        turn.ask(config)
    elif said == "language":
        turn.go("choose_language", resume=_resumable(state))
        turn.ask(config)
    elif said == "withdraw":
        turn.effects.append(WithdrawQuotes())
        if state.step in ("finished", "rating"):
            turn.say(msg("quote.withdrawn"))
        else:
            turn.ask(config, msg("quote.withdrawn"))
    elif said == "new":
        prefix: tuple[Message, ...] = ()
        if state.story_open and state.story_parts:
            turn.effects.append(SubmitStory("new"))
            prefix = (msg("new.kept"),)
        turn.go("story", story_open=False, story_parts=0)
        turn.ask(config, *prefix)
    else:  # start while already talking: show where she is
        turn.ask(config)


def _resumable(state: State) -> str:
    """Where to return after a detour; a detour from a detour returns to the first place."""
    if state.step in ("confirm_delete", "choose_language"):
        return state.resume or "consent"
    return state.step


def _answer(turn: _Turn, inbound: Inbound, said: str | None, config: FlowConfig) -> None:
    step_name = turn.state.step
    text = inbound.text.strip()
    if step_name == "consent":
        _consent(turn, inbound, said, config)
    elif step_name == "story":
        _story(turn, inbound, said, config)
    elif step_name in FOLLOW_UPS:
        _follow_up(turn, inbound, said, config)
    elif step_name == "site":
        _site(turn, text, said, config)
    elif step_name == "site_other":
        if not text:
            turn.hint(config)
            return
        turn.effects.append(Answer("site", f"Other: {text}"))
        turn.go("when", site=f"Other: {text}")
        turn.ask(config)
    elif step_name == "when":
        if not text:
            turn.hint(config)
            return
        turn.effects.append(Answer("when", None if said == "skip" else text))
        turn.go("offer")
        turn.ask(config)
    elif step_name == "offer":
        _offer(turn, inbound, said, config)
    elif step_name in ABOUT:
        _about(turn, text, said, config)
    elif step_name == "reply":
        _reply_wanted(turn, said, config)
    elif step_name == "quote":
        _quote(turn, said, config)
    elif step_name == "confirm_delete":
        _confirm_delete(turn, said, config)
    elif step_name == "choose_language":
        _choose_language(turn, text, config)
    elif step_name == "rating" and (rating := number(text)) is not None and 1 <= rating <= RATING_MAX:
        turn.effects.append(RateReply(rating))
        turn.go("finished")
        turn.say(msg("rating.thanks"))
    elif text or inbound.media:
        # After her story is in, anything more she writes is kept with it and read again.
        turn.effects.append(AddFollowUp())
        turn.say(msg("followup.kept"))
    else:
        turn.say(msg("finished.again"))


def _consent(turn: _Turn, inbound: Inbound, said: str | None, config: FlowConfig) -> None:
    state = turn.state
    chosen = number(inbound.text)
    offered = state.offered or (config.languages if state.resume == "offered_languages" else ())
    if offered and chosen is not None and 1 <= chosen <= len(offered):
        lang = offered[chosen - 1]
        if lang != state.lang or state.menu_only:
            if lang != state.lang:
                turn.effects.append(SetLanguage(lang))
            turn.state = replace(state, lang=lang, resume=None, offered=(), menu_only=False)
            turn.replies.append(_with_prefix((msg("welcome"),), prompt(turn.state, config)))
            return
        said = "yes"  # "1 English" after the English welcome
    if inbound.detected_lang in config.languages and inbound.detected_lang != state.lang:
        # She wrote to us in her own language: carry on in it.
        turn.effects.append(SetLanguage(inbound.detected_lang))
        turn.state = state = replace(state, lang=inbound.detected_lang, menu_only=False)
    if said in ("no", "skip"):
        _decline(turn)
    elif said in ("yes", "start") and state.menu_only:
        turn.hint(config)  # "yes" to "which language?": she still needs to pick one
    elif said in ("yes", "start") or (chosen == 1 and not offered):
        turn.state = replace(state, resume=None, offered=(), menu_only=False)
        turn.go("story")
        turn.ask(config)
    elif len(inbound.text.split()) >= STORY_AT_CONSENT_WORDS or inbound.media or turn.urgent:
        # She has started telling it already: keep it rather than make her send it again.
        turn.state = replace(state, resume=None, offered=(), menu_only=False)
        turn.go("story")
        _story(turn, inbound, said, config)
        if not inbound.media:
            turn.ask(config)
    else:
        turn.hint(config)


def _story(turn: _Turn, inbound: Inbound, said: str | None, config: FlowConfig) -> None:
    state = turn.state
    if said in ("done", "skip") and not inbound.media:
        if not state.story_parts:
            turn.say(msg("story.nothing_yet"))
            return
        turn.go("site")
        turn.ask(config, msg("story.thanks"))
        return
    if not inbound.text.strip() and not inbound.media:
        turn.say(msg("story.empty"))
        return
    if not state.story_open:
        turn.effects.append(StartStory())
    turn.effects.append(AddToStory())
    turn.state = replace(state, story_open=True, story_parts=state.story_parts + 1)
    if inbound.media:
        thanks = tuple(msg(f"media.{kind.value}") for kind in dict.fromkeys(inbound.media))
        turn.say(*thanks, msg("media.more"))


def _follow_up(turn: _Turn, inbound: Inbound, said: str | None, config: FlowConfig) -> None:
    field = turn.state.step
    text = inbound.text.strip()
    if inbound.media:
        turn.effects.append(AddToStory())
        turn.ask(config, *(msg(f"media.{kind.value}") for kind in dict.fromkeys(inbound.media)))
        return
    if not text:
        turn.hint(config)
        return
    turn.effects.append(Answer(field, None if said == "skip" else text))
    following = FOLLOW_UPS.index(field) + 1
    if following < len(FOLLOW_UPS):
        turn.go(FOLLOW_UPS[following])
        turn.ask(config)
    else:
        turn.go(ABOUT[0])
        turn.ask(config, msg("about.intro"))


def _offer(turn: _Turn, inbound: Inbound, said: str | None, config: FlowConfig) -> None:
    """The questions that help the team learn are offered, never pressed: one SKIP goes to the end."""
    if said == "yes" or number(inbound.text) == 1:
        turn.go(FOLLOW_UPS[0])
        turn.ask(config)
    elif said in ("skip", "no", "done"):
        turn.effects.append(Answer("about", "skipped"))
        _to_reply_question(turn, config)
    else:
        turn.hint(config)


def _site(turn: _Turn, text: str, said: str | None, config: FlowConfig) -> None:
    chosen = number(text)
    site: str | None = None
    if said == "skip":
        pass
    elif chosen is not None and 1 <= chosen <= len(config.sites):
        site = config.sites[chosen - 1]
    elif chosen == len(config.sites) + 1 or text.casefold() in ("other", "something else"):
        turn.go("site_other")
        turn.ask(config)
        return
    else:
        matches = [name for name in config.sites if text and text.casefold() in name.casefold()]
        if len(matches) != 1:
            turn.hint(config)
            return
        site = matches[0]
    turn.effects.append(Answer("site", site))
    turn.go("when", site=site)
    turn.ask(config)


def _about(turn: _Turn, text: str, said: str | None, config: FlowConfig) -> None:
    field = turn.state.step
    if said == "skip":
        turn.effects.append(Answer("about", "skipped"))
        _to_reply_question(turn, config)
        return
    value = about_value(field, text)
    if value is None:
        turn.hint(config)
        return
    turn.effects.append(Answer(field, None if value == PREFER_NOT else value))
    following = ABOUT.index(field) + 1
    if following < len(ABOUT):
        turn.go(ABOUT[following])
        turn.ask(config)
    else:
        _to_reply_question(turn, config)


def _to_reply_question(turn: _Turn, config: FlowConfig) -> None:
    turn.go("reply")
    turn.ask(config)


def _reply_wanted(turn: _Turn, said: str | None, config: FlowConfig) -> None:
    if said not in ("yes", "no", "skip"):
        turn.hint(config)
        return
    # SKIP goes on too: she is not made to choose, and is not promised a reply she did not ask for.
    turn.effects.append(Answer("reply_wanted", None if said == "skip" else said))
    turn.go("quote", wants_reply=said == "yes")
    turn.ask(config)


def _quote(turn: _Turn, said: str | None, config: FlowConfig) -> None:
    """Her own question, apart from the rest: her words in public only if she says yes to this."""
    if said not in ("yes", "no", "skip", "withdraw"):
        turn.hint(config)
        return
    turn.effects.append(Answer("quote", "yes" if said == "yes" else "no"))
    turn.effects.append(SubmitStory("finished"))
    wanted = turn.state.wants_reply
    turn.go("finished", story_open=False, story_parts=0, wants_reply=False)
    thanks = msg("thanks.reply", days=str(config.reply_days)) if wanted else msg("thanks.noreply")
    if said == "yes":
        turn.say(thanks, msg("quote.thanks"), msg("help.now"))
    else:
        turn.say(thanks, msg("help.now"))


def _confirm_delete(turn: _Turn, said: str | None, config: FlowConfig) -> None:
    if said == "yes":
        turn.effects.append(Erase())
        turn.state = State(lang=turn.state.lang)
        turn.say(msg("delete.done"))
    elif said == "no":
        turn.go(turn.state.resume or "consent", resume=None)
        turn.ask(config, msg("delete.kept"))
    else:
        turn.hint(config)


def _choose_language(turn: _Turn, text: str, config: FlowConfig) -> None:
    chosen = number(text)
    if chosen is None or not 1 <= chosen <= len(config.languages):
        turn.hint(config)
        return
    lang = config.languages[chosen - 1]
    turn.effects.append(SetLanguage(lang))
    back = turn.state.resume or "consent"
    turn.go(back, resume=None, lang=lang, offered=(), menu_only=False)
    # Back at the start, the welcome again in her language: she may not have read it in ours.
    turn.ask(config, msg("welcome") if back in EARLY else msg("language.set"))


def replied(data: dict[str, object] | None) -> Outcome:
    """Staff's reply has reached her: ask whether it helped."""
    state = State.load(data)
    if state.opted_out:
        return Outcome(state.dump())
    if state.step not in ("finished", "rating", "new"):
        # She is telling another story: don't interrupt it with a question about the last one.
        return Outcome(state.dump())
    return Outcome(replace(state, step="rating").dump(), (_reply(msg("rating.ask")),))


def tick(data: dict[str, object] | None, now: datetime, config: FlowConfig) -> Outcome:
    """Time passing with no word from her: one gentle nudge, then, after a day, keep what she sent."""
    state = State.load(data)
    due = next_due(data, config)
    if due is None or now < due:
        return Outcome(state.dump())
    if state.step == "story" and not state.nudged and now < _since(state) + config.give_up_after:
        nudged = replace(state, nudged=True)
        return Outcome(nudged.dump(), (_reply(msg("story.nudge")),))
    kept = replace(state, step="finished", story_open=False, story_parts=0, nudged=False)
    return Outcome(kept.dump(), (_reply(msg("timeout.kept")),), (SubmitStory("timeout"),))


def _since(state: State) -> datetime:
    assert state.last_at is not None
    return datetime.fromisoformat(state.last_at)


def next_due(data: dict[str, object] | None, config: FlowConfig) -> datetime | None:
    """When ``tick`` next has something to do, so the worker can find due conversations cheaply."""
    state = State.load(data)
    if state.opted_out or not state.story_open or not state.story_parts or state.last_at is None:
        return None
    if state.step == "story" and not state.nudged:
        return _since(state) + config.nudge_after
    if state.step == "story" or state.step in AFTER_STORY:
        return _since(state) + config.give_up_after
    return None
