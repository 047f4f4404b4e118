"""A number to call, on Twilio Voice: TwiML in her language, and her recording kept like a voice note.

Every step of a call is a webhook to the same signed address (``POST /webhooks/twilio/voice``); what she
has chosen so far travels in the next step's query (``step``, ``lang``, ``reply``, ``quote``, ``tries``),
which Twilio signs with the rest of the URL, so nobody can change it on the way. The steps and their words
are the pure flow's (``flows.voice``); this module only says them as TwiML, with the twilio library's
``VoiceResponse``, in a voice Twilio has for her language.

When the recording ends Twilio requests the last step with ``RecordingUrl`` (it does so when she hangs
up, too). That request is kept as her message, the same way as an SMS with a voice note: her calling
number as the sender (sealed like any other), the recording as a voice note at ``RecordingUrl + '.wav'``
for the worker to fetch with the account's credentials, and her choices with it. ``CallSid`` is its id,
so a retried request is kept once.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from urllib.parse import urlencode

from twilio.twiml.voice_response import VoiceResponse  # type: ignore[import-untyped]

from channels.base import (
    InboundMessage,
    MediaItem,
    WebhookRejected,
    WebhookResult,
    WebRequest,
    canonical_address,
)
from channels.twilio import TRANSPORT, verify_signature
from flows import voice
from flows.catalog import available_languages, render_message
from flows.types import Call, MediaKind

#: the ``<Say>`` voice (Twilio's Google voices) for each language Twilio can speak. Somali, Pashto, Dari
#: and Tigrinya have none, so the line does not offer them yet; their speakers can send a voice note.
#: Check each in the Twilio console (Voice › Text-to-speech) before going live.
VOICES: Mapping[str, tuple[str, str]] = {
    "en": ("en-GB", "Google.en-GB-Standard-A"),
    "ur": ("ur-IN", "Google.ur-IN-Standard-A"),
    "bn": ("bn-IN", "Google.bn-IN-Standard-A"),
    "pa": ("pa-IN", "Google.pa-IN-Standard-A"),
    "gu": ("gu-IN", "Google.gu-IN-Standard-A"),
    "pl": ("pl-PL", "Google.pl-PL-Standard-A"),
    "ro": ("ro-RO", "Google.ro-RO-Standard-A"),
    "ar": ("ar-XA", "Google.ar-XA-Standard-A"),
    "pt": ("pt-PT", "Google.pt-PT-Standard-A"),
    "uk": ("uk-UA", "Google.uk-UA-Standard-A"),
}
#: the longest story one call records (10 minutes), and the silence that ends it
MAX_RECORDING_SECONDS = 600
SILENCE_SECONDS = 10
#: seconds to wait for a key press
KEY_SECONDS = 8


def spoken_languages() -> tuple[str, ...]:
    """The languages the line offers: those with a catalog and a voice, in the usual order."""
    return tuple(lang for lang in available_languages() if lang in VOICES)


class TwilioVoice:
    """The call-in line's webhook, verified against the account's credentials and its own public URL."""

    def __init__(self, account_sid: str, auth_token: str, url: str) -> None:
        self._account_sid = account_sid
        self._auth_token = auth_token
        self._url = url
        self._languages = spoken_languages()

    def __call__(self, request: WebRequest) -> WebhookResult:
        if not self._auth_token:
            return WebhookResult.refusing(WebhookRejected(403, "Twilio is not configured"))
        form = request.form
        try:
            verify_signature(
                request.url,
                form,
                request.headers.get("X-Twilio-Signature"),
                self._account_sid,
                self._auth_token,
            )
        except WebhookRejected as rejected:
            return WebhookResult.refusing(rejected)
        address = canonical_address("sms", form.get("From", ""))
        can_reply = address.startswith("+")  # a withheld number cannot be texted
        step = request.query.get("step", voice.MENU)
        recording = form.get("RecordingUrl", "").strip()
        heard = bool(recording) and form.get("RecordingDuration", "0").strip() not in ("", "0")
        turn = voice.answer(
            step,
            form.get("Digits", ""),
            self._call(request.query),
            _number(request.query.get("tries")),
            self._languages,
            can_reply,
            recording=heard,
        )
        message = None
        call_id = form.get("CallSid", "").strip()
        if step == voice.RECORDED and heard and turn.call is not None and call_id:
            message = InboundMessage(
                channel="sms",  # her replies, if she asked for one, go by text to the number she called from
                transport=TRANSPORT,
                address=address if can_reply else f"call-{call_id}",
                provider_id=call_id,
                text="",
                received_at=datetime.now(UTC),
                media=(MediaItem(MediaKind.AUDIO, "audio/wav", url=recording + ".wav"),),
                call=turn.call,
            )
        return WebhookResult(body=self._twiml(turn), content_type="text/xml", message=message)

    def _call(self, query: Mapping[str, str]) -> Call | None:
        lang = query.get("lang", "")
        if lang not in self._languages:
            return None
        return Call(lang, reply_wanted=query.get("reply") == "1", quote=query.get("quote") == "1")

    def _next(self, turn: voice.Turn) -> str:
        params = {"step": turn.step or voice.MENU, "tries": str(turn.tries)}
        if turn.call is not None:
            params |= {
                "lang": turn.call.lang,
                "reply": "1" if turn.call.reply_wanted else "0",
                "quote": "1" if turn.call.quote else "0",
            }
        return f"{self._url}?{urlencode(params)}"

    def _twiml(self, turn: voice.Turn) -> str:
        response = VoiceResponse()
        if turn.then == "listen":
            gather = response.gather(
                input="dtmf",
                num_digits=1,
                timeout=KEY_SECONDS,
                action=self._next(turn),
                method="POST",
                action_on_empty_result=True,
            )
            _say(gather, turn.spoken)
            return str(response)
        _say(response, turn.spoken)
        if turn.then == "record":
            response.record(
                action=self._next(turn),
                method="POST",
                max_length=MAX_RECORDING_SECONDS,
                timeout=SILENCE_SECONDS,
                finish_on_key="#",
                play_beep=True,
                trim="trim-silence",
            )
            _say(response, turn.otherwise)  # only reached when nothing was recorded
        response.hangup()
        return str(response)


def _say(verb: VoiceResponse, spoken: tuple[voice.Spoken, ...]) -> None:
    for part in spoken:
        language, speaker = VOICES.get(part.lang, VOICES["en"])
        verb.say(render_message(part.lang, part.message, {}), language=language, voice=speaker)


def _number(value: str | None) -> int:
    return int(value) if value and value.isdigit() else 0
