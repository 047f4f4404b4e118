"""SMS and WhatsApp through Twilio: webhooks in, the Messages API out.

Everything goes through the real ``twilio`` library; ``TWILIO_API_URL`` only moves the API's base URL
(tests point it at a fake on 127.0.0.1). Twilio's Messages API has no idempotency key, so a send that
timed out may still have gone: the outbox retries it, and the status callbacks (`parse_status`) are how
a duplicate or a late failure is reconciled.

Nothing here logs, or puts into an error message, a phone number or a message body: Twilio's own
error text often quotes the number, so only its numeric code is kept.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import quote, urlsplit

import requests
from twilio.base.exceptions import (  # type: ignore[import-untyped]
    TwilioRestException,
    TwilioServiceException,
)
from twilio.http.http_client import TwilioHttpClient  # type: ignore[import-untyped]
from twilio.request_validator import RequestValidator  # type: ignore[import-untyped]
from twilio.rest import Client  # type: ignore[import-untyped]

from channels.base import (
    DeliveryReport,
    InboundMessage,
    MediaItem,
    OutboundMessage,
    SendError,
    SendResult,
    WebhookRejected,
    WebhookResult,
    WebRequest,
    canonical_address,
    media_kind,
)

TRANSPORT = "twilio"
WHATSAPP_PREFIX = "whatsapp:"
TWILIO_API = "https://api.twilio.com"
#: Twilio's code for "outside the WhatsApp 24-hour window: only an approved template can be sent"
WINDOW_CLOSED = "63016"
#: what a messaging webhook answers: an empty TwiML document (we reply through the API, not here)
EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>'

#: Twilio's MessageStatus values, folded into the few the outbox reconciles on.
STATUSES = {
    "accepted": "queued",
    "scheduled": "queued",
    "queued": "queued",
    "sending": "sent",
    "sent": "sent",
    "delivered": "delivered",
    "read": "delivered",
    "undelivered": "undelivered",
    "failed": "failed",
    "canceled": "failed",
}

#: Why a send was refused, for the outbox's ``last_error`` (Twilio's own text may quote her number).
KNOWN_ERRORS = {
    20003: "authentication failed: check TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN",
    21211: "invalid To number",
    21408: "sending to this region is not enabled on the account",
    21610: "she replied STOP to this number, so Twilio will not deliver to her",
    21614: "the To number cannot receive SMS",
    63016: "outside the WhatsApp 24-hour window: only an approved template can be sent",
}


class ProviderError(SendError):
    """A `SendError` that keeps the provider's error code, so callers can act on e.g. 63016 or 21610."""

    def __init__(
        self,
        message: str,
        *,
        retryable: bool,
        retry_after: float | None = None,
        code: str | None = None,
        too_large: bool = False,
    ) -> None:
        super().__init__(
            message,
            retryable=retryable,
            retry_after=retry_after,
            window_closed=code == WINDOW_CLOSED,
            too_large=too_large,
        )
        self.code = code


@dataclass(frozen=True)
class StatusUpdate:
    provider_id: str
    status: str  # a value of STATUSES, or Twilio's own word (lower case) for one we do not fold
    error_code: str | None


def verify_signature(
    url: str, form: Mapping[str, str], signature: str | None, account_sid: str, auth_token: str
) -> None:
    """Twilio signed exactly this URL and form with this account's token, or `WebhookRejected` (403)."""
    # An empty token would make any signature computed with an empty key pass, so it rejects all.
    if not auth_token or not account_sid or not signature:
        raise WebhookRejected(403, "missing Twilio signature or credentials")
    if not RequestValidator(auth_token).validate(url, form, signature):
        raise WebhookRejected(403, "bad Twilio signature")
    if form.get("AccountSid") != account_sid:
        raise WebhookRejected(403, "webhook for another Twilio account")


def _required(form: Mapping[str, str], name: str) -> str:
    value = form.get(name, "").strip()
    if not value:
        raise WebhookRejected(400, f"webhook without {name}")
    return value


def _media(form: Mapping[str, str]) -> tuple[MediaItem, ...]:
    try:
        count = int(form.get("NumMedia") or 0)
    except ValueError:
        raise WebhookRejected(400, "NumMedia is not a number") from None
    items = []
    for index in range(count):
        url = _required(form, f"MediaUrl{index}")
        content_type = form.get(f"MediaContentType{index}") or "application/octet-stream"
        items.append(MediaItem(media_kind(content_type), content_type, url=url))
    return tuple(items)


def parse_inbound(
    url: str, form: Mapping[str, str], signature: str | None, account_sid: str, auth_token: str
) -> InboundMessage:
    """Turn a signed Twilio "incoming message" webhook into an `InboundMessage`.

    ``url`` must be the URL exactly as Twilio requested it (public URL, path and query), since that is
    what Twilio signed; ``form`` may be a Werkzeug MultiDict (repeated keys are signed too).
    """
    verify_signature(url, form, signature, account_sid, auth_token)
    provider_id = _required(form, "MessageSid")
    sender = _required(form, "From")
    channel = "whatsapp" if sender.startswith(WHATSAPP_PREFIX) else "sms"
    return InboundMessage(
        channel=channel,
        transport=TRANSPORT,
        address=canonical_address(channel, sender),
        provider_id=provider_id,
        text=form.get("Body", ""),
        received_at=datetime.now(UTC),
        media=_media(form),
    )


def parse_status(
    url: str, form: Mapping[str, str], signature: str | None, account_sid: str, auth_token: str
) -> StatusUpdate:
    """Read a signed status callback. Callbacks can arrive out of order: never let "sent" undo "delivered"."""
    verify_signature(url, form, signature, account_sid, auth_token)
    provider_id = _required(form, "MessageSid")
    raw = _required(form, "MessageStatus").lower()
    return StatusUpdate(provider_id, STATUSES.get(raw, raw), form.get("ErrorCode") or None)


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    try:
        return max(float(value), 0.0)
    except ValueError:
        pass
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max((moment - datetime.now(UTC)).total_seconds(), 0.0)


def _refuse_rate_limit(response: requests.Response, *args: Any, **kwargs: Any) -> None:
    """A requests hook, because TwilioRestException drops the response headers and Retry-After with them."""
    if response.status_code == 429:
        response.close()
        raise ProviderError(
            "twilio rate limited the send (HTTP 429)",
            retryable=True,
            retry_after=_retry_after(response.headers.get("Retry-After")),
        )


def _http_client(api_url: str, timeout: float) -> TwilioHttpClient:
    """The API's HTTP client, with the proxy (``HTTPS_PROXY``, ``NO_PROXY``) and CA bundle
    (``REQUESTS_CA_BUNDLE``) the environment names for ``api_url`` read now, once, and passed to it.
    Left to ``requests``, every send walked the whole environment again for them: a third of the
    worker's CPU for sending her reply. The API's address never changes, so neither does the answer."""
    client = TwilioHttpClient(
        timeout=timeout,
        request_hooks={"response": [_refuse_rate_limit]},
        proxy=requests.utils.get_environ_proxies(api_url),
    )
    bundle = os.environ.get("REQUESTS_CA_BUNDLE") or os.environ.get("CURL_CA_BUNDLE")
    if bundle:
        client.session.verify = bundle
    client.session.trust_env = False
    return client


def _rest_error(error: TwilioRestException | TwilioServiceException) -> ProviderError:
    status = int(error.status)
    code = int(error.code) if error.code else None
    why = KNOWN_ERRORS.get(code or 0)
    return ProviderError(
        f"twilio error {code} (HTTP {status})" + (f": {why}" if why else ""),
        retryable=status == 429 or status >= 500,
        code=str(code) if code else None,
    )


class TwilioSender:
    def __init__(
        self,
        account_sid: str,
        auth_token: str,
        from_sms: str,
        from_whatsapp: str,
        api_url: str | None,
        status_callback_url: str | None,
        timeout: float = 15.0,
        opener_template: str = "",
    ) -> None:
        self._credentials = (account_sid, auth_token)
        self._opener_template = opener_template
        self._from = {"sms": from_sms, "whatsapp": _whatsapp(from_whatsapp) if from_whatsapp else ""}
        self._status_callback_url = status_callback_url or None
        self._timeout = timeout
        self._api_url = (api_url or TWILIO_API).rstrip("/")
        self._client = Client(account_sid, auth_token, http_client=_http_client(self._api_url, timeout))
        if api_url:
            # edge/region only rewrite *.twilio.com host names; the domain's base_url is the one knob.
            self._client.api.base_url = self._api_url
        self._media = requests.Session()

    def send(self, message: OutboundMessage) -> SendResult:
        """Plain text only: a menu's choices are already numbered inside the body."""
        if message.channel == "whatsapp":
            to = _whatsapp(message.address)
        elif message.channel == "sms":
            to = message.address
        else:
            raise ProviderError(f"twilio cannot send on channel {message.channel}", retryable=False)
        return self._create(message.channel, message.idempotency_key, to=to, body=message.body)

    def send_template(
        self, address: str, content_sid: str, variables: Mapping[str, str], reference: str | None = None
    ) -> SendResult:
        """An approved WhatsApp template: the only thing Twilio delivers outside her 24-hour window."""
        return self._create(
            "whatsapp",
            reference,
            to=_whatsapp(address),
            content_sid=content_sid,
            content_variables=json.dumps(dict(variables)),
        )

    def send_opener(self, address: str, code: str, reference: str | None = None) -> SendResult:
        """WhatsApp's approved opener ("You have a reply about your story {{1}}"), its SID from settings."""
        if not self._opener_template:
            raise ProviderError(
                "no approved WhatsApp template (TWILIO_WHATSAPP_TEMPLATE_SID)", retryable=False
            )
        return self.send_template(address, self._opener_template, {"1": code}, reference)

    def answer_button(self, button: str) -> None:
        """SMS and WhatsApp text have no buttons to acknowledge."""

    def _create(self, channel: str, reference: str | None, **fields: str) -> SendResult:
        sender = self._from[channel]
        if not sender:
            raise ProviderError(f"no Twilio {channel} sender number configured", retryable=False)
        if self._status_callback_url:
            # Twilio has no idempotency key for sends. The outbox row's key rides on the status callback,
            # so a send whose worker died before recording it is still matched to its row, not resent.
            query = f"?ref={quote(reference)}" if reference else ""
            fields["status_callback"] = self._status_callback_url + query
        try:
            created = self._client.messages.create(from_=sender, **fields)
        except (TwilioRestException, TwilioServiceException) as error:
            raise _rest_error(error) from None
        except requests.RequestException as error:
            raise ProviderError(f"twilio unreachable: {type(error).__name__}", retryable=True) from None
        return SendResult(provider_id=str(created.sid))

    def fetch_media(self, url: str, max_bytes: int) -> tuple[bytes, str]:
        """Download one inbound attachment with the account's credentials.

        Twilio answers with a redirect to its storage; requests drops the credentials when the redirect
        leaves the host, which is what that storage expects. Credentials only ever go to Twilio itself.
        """
        if not self._is_twilio(url):
            raise ProviderError("media URL is not on the Twilio API host", retryable=False)
        try:
            with self._media.get(
                url, auth=self._credentials, timeout=self._timeout, stream=True, allow_redirects=True
            ) as response:
                if response.status_code != 200:
                    # A call's recording can take a few seconds to appear after the call: 404 means "soon".
                    not_yet = response.status_code == 404 and "/Recordings/" in url
                    retryable = not_yet or response.status_code == 429 or response.status_code >= 500
                    raise ProviderError(f"twilio media: HTTP {response.status_code}", retryable=retryable)
                declared = response.headers.get("Content-Length")
                if declared and declared.isdigit() and int(declared) > max_bytes:
                    raise ProviderError(
                        f"media too large: over {max_bytes} bytes", retryable=False, too_large=True
                    )
                content = bytearray()
                for chunk in response.iter_content(64 * 1024):
                    content.extend(chunk)
                    if len(content) > max_bytes:
                        raise ProviderError(
                            f"media too large: over {max_bytes} bytes", retryable=False, too_large=True
                        )
                content_type = response.headers.get("Content-Type") or "application/octet-stream"
        except requests.RequestException as error:
            raise ProviderError(f"twilio media unreachable: {type(error).__name__}", retryable=True) from None
        return bytes(content), content_type.split(";", 1)[0].strip()

    def _is_twilio(self, url: str) -> bool:
        target, api = urlsplit(url), urlsplit(self._api_url)
        if (target.scheme, target.netloc) == (api.scheme, api.netloc):
            return True
        host = target.hostname or ""
        return target.scheme == "https" and (host == "twilio.com" or host.endswith(".twilio.com"))


def _whatsapp(number: str) -> str:
    return number if number.startswith(WHATSAPP_PREFIX) else WHATSAPP_PREFIX + number


class TwilioWebhooks:
    """The messaging webhooks, verified against the account's credentials and our public URL."""

    def __init__(self, account_sid: str, auth_token: str) -> None:
        self._account_sid = account_sid
        self._auth_token = auth_token

    def _signed(self, request: WebRequest) -> tuple[str, Mapping[str, str], str | None, str, str]:
        if not self._auth_token:
            raise WebhookRejected(403, "Twilio is not configured")
        signature = request.headers.get("X-Twilio-Signature")
        return request.url, request.form, signature, self._account_sid, self._auth_token

    def inbound(self, request: WebRequest) -> WebhookResult:
        """ "A message comes in": SMS or WhatsApp, with any media as provider URLs to fetch later."""
        try:
            message = parse_inbound(*self._signed(request))
        except WebhookRejected as rejected:
            return WebhookResult.refusing(rejected)
        return WebhookResult(body=EMPTY_TWIML, content_type="text/xml", message=message)

    def status(self, request: WebRequest) -> WebhookResult:
        """A delivery status callback; ``ref`` in its query is the outbox key the send carried."""
        try:
            update = parse_status(*self._signed(request))
        except WebhookRejected as rejected:
            return WebhookResult.refusing(rejected)
        report = DeliveryReport(
            provider_id=update.provider_id,
            status=update.status,
            window_closed=update.error_code == WINDOW_CLOSED,
            error=f"provider error {update.error_code or 'unknown'}",
            reference=request.query.get("ref") or None,
        )
        return WebhookResult(status=204, report=report)
