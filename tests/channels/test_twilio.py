"""The Twilio adapter against a fake Messages API, through the real twilio library."""

from __future__ import annotations

import json
import time
from collections.abc import Mapping

import pytest
from twilio.request_validator import RequestValidator  # type: ignore[import-untyped]

from channels.base import OutboundMessage, SendError
from channels.twilio import ProviderError, TwilioSender, WebhookRejected, parse_inbound, parse_status
from flows.types import MediaKind
from tests.fakes.providers import FakeTwilio

SID = "AC" + "0" * 32
TOKEN = "twilio-test-token"
URL = "https://allvoices.example.org/webhooks/twilio?x=1"
STATUS_URL = "https://allvoices.example.org/webhooks/twilio/status"
FROM_SMS = "+447700900001"
FROM_WHATSAPP = "+447700900002"
HER = "+447700900123"


def signed(url: str, form: Mapping[str, str], token: str = TOKEN) -> str:
    return str(RequestValidator(token).compute_signature(url, form))


def sms_form(**extra: str) -> dict[str, str]:
    return {
        "AccountSid": SID,
        "MessageSid": "SM" + "1" * 32,
        "From": "07700 900123",
        "To": FROM_SMS,
        "Body": "The midwife did not listen",
        "NumMedia": "0",
        **extra,
    }


def sender(fake: FakeTwilio, timeout: float = 5.0) -> TwilioSender:
    return TwilioSender(
        fake.account_sid, fake.auth_token, FROM_SMS, FROM_WHATSAPP, fake.url, STATUS_URL, timeout
    )


def outbound(channel: str = "sms", body: str = "Thank you. 1 Yes 2 No") -> OutboundMessage:
    return OutboundMessage(channel, HER, body, ("Yes", "No"), "key-1")


# ---- webhooks ----------------------------------------------------------------------------------


def test_a_signed_sms_webhook_parses() -> None:
    form = sms_form()
    message = parse_inbound(URL, form, signed(URL, form), SID, TOKEN)
    assert (message.channel, message.transport, message.address) == ("sms", "twilio", HER)
    assert message.provider_id == form["MessageSid"]
    assert message.text == "The midwife did not listen"
    assert message.media == ()
    assert message.received_at.tzinfo is not None


def test_a_signed_whatsapp_webhook_parses_as_whatsapp() -> None:
    form = sms_form(From=f"whatsapp:{HER}", To=f"whatsapp:{FROM_WHATSAPP}", Body="")
    message = parse_inbound(URL, form, signed(URL, form), SID, TOKEN)
    assert (message.channel, message.address, message.text) == ("whatsapp", HER, "")


@pytest.mark.parametrize(
    ("signature", "account_sid", "token"),
    [
        (None, SID, TOKEN),
        ("", SID, TOKEN),
        ("bm90IHRoZSBzaWduYXR1cmU=", SID, TOKEN),
        ("signed-with-another-token", SID, TOKEN),
        ("signed", "AC" + "9" * 32, TOKEN),
        ("signed", SID, ""),
    ],
    ids=["missing", "empty", "wrong", "other-token", "other-account", "no-token-configured"],
)
def test_unsigned_or_wrongly_signed_or_foreign_webhooks_are_refused(
    signature: str | None, account_sid: str, token: str
) -> None:
    form = sms_form()
    if signature == "signed":
        signature = signed(URL, form, token)
    elif signature == "signed-with-another-token":
        signature = signed(URL, form, "another-token")
    with pytest.raises(WebhookRejected) as refused:
        parse_inbound(URL, form, signature, account_sid, token)
    assert refused.value.status == 403


def test_a_signature_for_another_url_is_refused() -> None:
    form = sms_form()
    with pytest.raises(WebhookRejected) as refused:
        parse_inbound(
            URL, form, signed("https://elsewhere.example.org/webhooks/twilio?x=1", form), SID, TOKEN
        )
    assert refused.value.status == 403


def test_a_tampered_body_is_refused() -> None:
    form = sms_form()
    signature = signed(URL, form)
    with pytest.raises(WebhookRejected) as refused:
        parse_inbound(URL, {**form, "Body": "something else"}, signature, SID, TOKEN)
    assert refused.value.status == 403


def test_a_signed_webhook_without_message_sid_is_malformed() -> None:
    form = sms_form()
    del form["MessageSid"]
    with pytest.raises(WebhookRejected) as refused:
        parse_inbound(URL, form, signed(URL, form), SID, TOKEN)
    assert refused.value.status == 400


def test_media_is_parsed_with_its_kind() -> None:
    base = "https://api.twilio.com/2010-04-01/Accounts/AC0/Messages/MM1/Media/"
    form = sms_form(
        From=f"whatsapp:{HER}",
        NumMedia="4",
        MediaUrl0=base + "ME0",
        MediaContentType0="audio/ogg",
        MediaUrl1=base + "ME1",
        MediaContentType1="image/jpeg",
        MediaUrl2=base + "ME2",
        MediaContentType2="video/mp4",
        MediaUrl3=base + "ME3",
        MediaContentType3="application/pdf",
    )
    message = parse_inbound(URL, form, signed(URL, form), SID, TOKEN)
    assert [(m.kind, m.content_type, m.url) for m in message.media] == [
        (MediaKind.AUDIO, "audio/ogg", base + "ME0"),
        (MediaKind.IMAGE, "image/jpeg", base + "ME1"),
        (MediaKind.VIDEO, "video/mp4", base + "ME2"),
        (MediaKind.DOCUMENT, "application/pdf", base + "ME3"),
    ]


def test_a_status_callback_is_parsed() -> None:
    form = {
        "AccountSid": SID,
        "MessageSid": "SM" + "2" * 32,
        "MessageStatus": "undelivered",
        "ErrorCode": "30003",
    }
    update = parse_status(STATUS_URL, form, signed(STATUS_URL, form), SID, TOKEN)
    assert (update.provider_id, update.status, update.error_code) == (
        form["MessageSid"],
        "undelivered",
        "30003",
    )

    read = {"AccountSid": SID, "MessageSid": "SM" + "2" * 32, "MessageStatus": "read"}
    update = parse_status(STATUS_URL, read, signed(STATUS_URL, read), SID, TOKEN)
    assert (update.status, update.error_code) == ("delivered", None)


def test_an_unsigned_status_callback_is_refused() -> None:
    form = {"AccountSid": SID, "MessageSid": "SM" + "2" * 32, "MessageStatus": "delivered"}
    with pytest.raises(WebhookRejected) as refused:
        parse_status(STATUS_URL, form, None, SID, TOKEN)
    assert refused.value.status == 403


# ---- sending -----------------------------------------------------------------------------------


def test_an_sms_reaches_twilio_with_to_from_body_and_status_callback(twilio_api: FakeTwilio) -> None:
    result = sender(twilio_api).send(outbound("sms"))
    [sent] = twilio_api.sent()
    assert sent == {
        "To": HER,
        "From": FROM_SMS,
        "Body": "Thank you. 1 Yes 2 No",
        "StatusCallback": f"{STATUS_URL}?ref=key-1",
    }
    assert result.provider_id.startswith("SM")
    assert twilio_api.requests[0].headers["Authorization"].startswith("Basic ")


def test_a_whatsapp_message_goes_between_whatsapp_addresses(twilio_api: FakeTwilio) -> None:
    sender(twilio_api).send(outbound("whatsapp"))
    [sent] = twilio_api.sent()
    assert (sent["To"], sent["From"]) == (f"whatsapp:{HER}", f"whatsapp:{FROM_WHATSAPP}")


def test_a_whatsapp_template_sends_content_sid_and_variables(twilio_api: FakeTwilio) -> None:
    sender(twilio_api).send_template(HER, "HX" + "a" * 32, {"1": "AV-7K3Q"})
    [sent] = twilio_api.sent()
    assert sent["ContentSid"] == "HX" + "a" * 32
    assert json.loads(sent["ContentVariables"]) == {"1": "AV-7K3Q"}
    assert (sent["To"], sent["From"]) == (f"whatsapp:{HER}", f"whatsapp:{FROM_WHATSAPP}")
    assert "Body" not in sent


@pytest.mark.parametrize("status", [500, 503])
def test_a_server_error_is_retryable(twilio_api: FakeTwilio, status: int) -> None:
    twilio_api.fail_next(status=status)
    with pytest.raises(SendError) as failed:
        sender(twilio_api).send(outbound())
    assert failed.value.retryable


def test_a_rate_limit_is_retryable_after_what_twilio_says(twilio_api: FakeTwilio) -> None:
    twilio_api.fail_next(status=429, retry_after=7)
    with pytest.raises(SendError) as failed:
        sender(twilio_api).send(outbound())
    assert (failed.value.retryable, failed.value.retry_after) == (True, 7.0)


def test_a_rate_limit_without_retry_after_leaves_it_to_backoff(twilio_api: FakeTwilio) -> None:
    twilio_api.fail_next(status=429)
    with pytest.raises(SendError) as failed:
        sender(twilio_api).send(outbound())
    assert (failed.value.retryable, failed.value.retry_after) == (True, None)


def test_a_hang_past_the_timeout_is_retryable(twilio_api: FakeTwilio) -> None:
    twilio_api.fail_next(hang=5.0)
    started = time.monotonic()
    with pytest.raises(SendError) as failed:
        sender(twilio_api, timeout=0.3).send(outbound())
    assert failed.value.retryable
    assert time.monotonic() - started < 3


def test_an_unreachable_twilio_is_retryable(twilio_api: FakeTwilio) -> None:
    gone = TwilioSender(SID, TOKEN, FROM_SMS, FROM_WHATSAPP, "http://127.0.0.1:9", None, timeout=1)
    with pytest.raises(SendError) as failed:
        gone.send(outbound())
    assert failed.value.retryable


def test_an_invalid_number_is_not_retryable_and_not_quoted(twilio_api: FakeTwilio) -> None:
    twilio_api.fail_next(status=400, code=21211)
    with pytest.raises(ProviderError) as failed:
        sender(twilio_api).send(outbound())
    assert (failed.value.retryable, failed.value.code) == (False, "21211")
    assert HER not in str(failed.value) and "900123" not in str(failed.value)


@pytest.mark.parametrize("code", [21610, 21408])
def test_refusals_twilio_will_repeat_are_not_retryable(twilio_api: FakeTwilio, code: int) -> None:
    twilio_api.fail_next(status=400, code=code)
    with pytest.raises(ProviderError) as failed:
        sender(twilio_api).send(outbound())
    assert (failed.value.retryable, failed.value.code) == (False, str(code))


def test_outside_the_whatsapp_window_is_not_retryable_and_says_63016(twilio_api: FakeTwilio) -> None:
    twilio_api.fail_next(status=400, code=63016)
    with pytest.raises(ProviderError) as failed:
        sender(twilio_api).send(outbound("whatsapp"))
    assert (failed.value.retryable, failed.value.code) == (False, "63016")


def test_wrong_credentials_are_not_retryable(twilio_api: FakeTwilio) -> None:
    wrong = TwilioSender(SID, "wrong", FROM_SMS, FROM_WHATSAPP, twilio_api.url, None)
    with pytest.raises(ProviderError) as failed:
        wrong.send(outbound())
    assert (failed.value.retryable, failed.value.code) == (False, "20003")
    assert "wrong" not in str(failed.value)


def test_a_channel_without_a_sender_number_is_refused(twilio_api: FakeTwilio) -> None:
    sms_only = TwilioSender(SID, TOKEN, FROM_SMS, "", twilio_api.url, None)
    with pytest.raises(SendError) as failed:
        sms_only.send(outbound("whatsapp"))
    assert not failed.value.retryable
    assert twilio_api.requests == []


def test_one_sender_recovers_after_failures(twilio_api: FakeTwilio) -> None:
    one = sender(twilio_api)
    twilio_api.fail_next(status=500)
    with pytest.raises(SendError):
        one.send(outbound())
    assert one.send(outbound()).provider_id.startswith("SM")


def test_a_proxy_named_at_start_carries_every_send(
    twilio_api: FakeTwilio, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HTTP_PROXY", twilio_api.url)  # the fake stands in for the proxy too
    through_proxy = TwilioSender(SID, TOKEN, FROM_SMS, FROM_WHATSAPP, "http://api.twilio.test", None)
    monkeypatch.delenv("HTTP_PROXY")
    for _ in range(2):
        through_proxy.send(outbound())
    assert [request.path.split("/2010-04-01/")[0] for request in twilio_api.requests] == [
        "http://api.twilio.test",
        "http://api.twilio.test",
    ], "both sends asked the proxy for the API, though the environment no longer names it"


def test_no_proxy_named_at_start_sends_straight_to_twilio(
    twilio_api: FakeTwilio, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")  # nothing listens there
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    assert sender(twilio_api).send(outbound()).provider_id.startswith("SM")


def test_the_environment_is_read_once_not_on_every_send(
    twilio_api: FakeTwilio, monkeypatch: pytest.MonkeyPatch
) -> None:
    direct = sender(twilio_api)
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")  # set after start: not read again
    assert direct.send(outbound()).provider_id.startswith("SM")
    assert twilio_api.requests[0].path.startswith("/2010-04-01/")


# ---- media -------------------------------------------------------------------------------------


@pytest.mark.parametrize("redirect", [True, False])
def test_media_is_fetched_with_the_account_credentials(twilio_api: FakeTwilio, redirect: bool) -> None:
    twilio_api.redirect_media = redirect
    url = twilio_api.add_media(b"OggS voice note", "audio/ogg")
    content, content_type = sender(twilio_api).fetch_media(url, max_bytes=1000)
    assert (content, content_type) == (b"OggS voice note", "audio/ogg")
    assert twilio_api.requests[0].headers["Authorization"].startswith("Basic ")
    if redirect:
        assert twilio_api.requests[1].path.startswith("/storage/")


def test_media_fetch_without_credentials_is_refused_by_twilio(twilio_api: FakeTwilio) -> None:
    url = twilio_api.add_media(b"data", "image/jpeg")
    wrong = TwilioSender(SID, "wrong", FROM_SMS, FROM_WHATSAPP, twilio_api.url, None)
    with pytest.raises(SendError) as failed:
        wrong.fetch_media(url, max_bytes=1000)
    assert not failed.value.retryable


@pytest.mark.parametrize("declare_length", [True, False], ids=["content-length", "counted"])
def test_media_over_the_limit_is_refused(twilio_api: FakeTwilio, declare_length: bool) -> None:
    twilio_api.declare_length = declare_length
    url = twilio_api.add_media(b"x" * 200_000, "video/mp4")
    with pytest.raises(SendError, match="too large") as failed:
        sender(twilio_api).fetch_media(url, max_bytes=100_000)
    assert not failed.value.retryable


def test_credentials_never_go_to_a_host_that_is_not_twilio(twilio_api: FakeTwilio) -> None:
    with pytest.raises(SendError) as failed:
        sender(twilio_api).fetch_media("https://attacker.example.org/2010-04-01/x", max_bytes=1000)
    assert not failed.value.retryable
