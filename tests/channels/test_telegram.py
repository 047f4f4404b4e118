"""The Telegram adapter against a fake Bot API, through the real python-telegram-bot."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest

from channels.base import OutboundMessage, SendError
from channels.telegram import TelegramSender, parse_update, set_webhook
from channels.twilio import WebhookRejected
from flows.types import MediaKind
from tests.fakes.providers import FakeTelegram

SECRET = "s3cret_token-for-tests"
CHAT = 987654321
USER = {"id": CHAT, "is_bot": False, "first_name": "Amina", "language_code": "en"}
PRIVATE = {"id": CHAT, "type": "private", "first_name": "Amina"}


def update(**body: Any) -> bytes:
    return json.dumps({"update_id": 5001, **body}).encode()


def message(**fields: Any) -> dict[str, Any]:
    return {"message_id": 11, "date": 1746100800, "chat": PRIVATE, "from": USER, **fields}


def outbound(address: str = str(CHAT), choices: tuple[str, ...] = ()) -> OutboundMessage:
    return OutboundMessage("telegram", address, "Would you like a reply? 1 Yes 2 No", choices, "key-1")


@pytest.fixture
def sender(telegram_api: FakeTelegram) -> Iterator[TelegramSender]:
    one = TelegramSender(telegram_api.token, telegram_api.url, timeout=2.0)
    yield one
    one.close()


# ---- webhooks ----------------------------------------------------------------------------------


@pytest.mark.parametrize("header", [None, "", "wrong", SECRET + "x", "ünïcode"])
def test_a_wrong_or_missing_secret_is_refused(header: str | None) -> None:
    with pytest.raises(WebhookRejected) as refused:
        parse_update(update(message=message(text="hi")), header, SECRET)
    assert refused.value.status == 403


def test_no_configured_secret_refuses_everything() -> None:
    with pytest.raises(WebhookRejected) as refused:
        parse_update(update(message=message(text="hi")), "", "")
    assert refused.value.status == 403


@pytest.mark.parametrize(
    "body",
    [b"not json", b"\xff\xfe", b"[1, 2]", b'{"hello": 1}', b'{"update_id": "x"}', update(message={"x": 1})],
    ids=["text", "bytes", "list", "no-update-id", "string-id", "broken-message"],
)
def test_a_body_that_is_not_an_update_is_malformed(body: bytes) -> None:
    with pytest.raises(WebhookRejected) as refused:
        parse_update(body, SECRET, SECRET)
    assert refused.value.status == 400


def test_a_text_message_parses() -> None:
    parsed = parse_update(update(message=message(text="The midwife did not listen")), SECRET, SECRET)
    assert parsed is not None and parsed.callback_query_id is None
    inbound = parsed.message
    assert (inbound.channel, inbound.transport, inbound.address) == ("telegram", "telegram", str(CHAT))
    assert (inbound.provider_id, inbound.text, inbound.start_code) == (
        "u5001",
        "The midwife did not listen",
        None,
    )


@pytest.mark.parametrize(
    ("text", "start_code"),
    [("/start CHAMP42", "CHAMP42"), ("/start", None), ("/start@allvoices_test_bot CHAMP42", "CHAMP42")],
)
def test_start_carries_the_deep_link_code_and_no_text(text: str, start_code: str | None) -> None:
    parsed = parse_update(update(message=message(text=text)), SECRET, SECRET)
    assert parsed is not None
    assert (parsed.message.text, parsed.message.start_code) == ("", start_code)


def test_a_voice_note_parses_as_audio_by_file_id() -> None:
    voice = {
        "file_id": "VOICE1",
        "file_unique_id": "v1",
        "duration": 12,
        "mime_type": "audio/ogg",
        "file_size": 5120,
    }
    parsed = parse_update(update(message=message(voice=voice)), SECRET, SECRET)
    assert parsed is not None
    assert parsed.message.text == ""
    [item] = parsed.message.media
    assert (item.kind, item.content_type, item.url, item.size) == (
        MediaKind.AUDIO,
        "audio/ogg",
        "VOICE1",
        5120,
    )


def test_a_photo_parses_as_its_largest_size_with_the_caption_as_text() -> None:
    sizes = [
        {"file_id": "SMALL", "file_unique_id": "p1", "width": 90, "height": 60, "file_size": 900},
        {"file_id": "LARGE", "file_unique_id": "p3", "width": 1280, "height": 853, "file_size": 90000},
        {"file_id": "MEDIUM", "file_unique_id": "p2", "width": 320, "height": 213, "file_size": 9000},
    ]
    parsed = parse_update(update(message=message(photo=sizes, caption="my discharge letter")), SECRET, SECRET)
    assert parsed is not None
    assert parsed.message.text == "my discharge letter"
    assert [(m.kind, m.url) for m in parsed.message.media] == [(MediaKind.IMAGE, "LARGE")]


def test_video_and_document_parse_with_their_kinds() -> None:
    video = {
        "file_id": "VID",
        "file_unique_id": "v",
        "width": 1,
        "height": 1,
        "duration": 3,
        "mime_type": "video/mp4",
    }
    document = {
        "file_id": "DOC",
        "file_unique_id": "d",
        "file_name": "letter.pdf",
        "mime_type": "application/pdf",
    }
    for field, kind, content_type in (
        ("video", MediaKind.VIDEO, "video/mp4"),
        ("document", MediaKind.DOCUMENT, "application/pdf"),
    ):
        attachment = video if field == "video" else document
        parsed = parse_update(update(message=message(**{field: attachment})), SECRET, SECRET)
        assert parsed is not None
        [item] = parsed.message.media
        assert (item.kind, item.content_type) == (kind, content_type)


def test_a_button_press_parses_as_her_choice() -> None:
    query = {
        "id": "4382bfdwdsb323b2d9",
        "from": USER,
        "chat_instance": "-1234",
        "data": "2",
        "message": message(
            text="Would you like a reply? 1 Yes 2 No",
            **{"from": {"id": 123456, "is_bot": True, "first_name": "All Voices"}},
        ),
    }
    parsed = parse_update(update(callback_query=query), SECRET, SECRET)
    assert parsed is not None
    assert parsed.callback_query_id == "4382bfdwdsb323b2d9"
    assert (parsed.message.text, parsed.message.address, parsed.message.provider_id) == (
        "2",
        str(CHAT),
        "u5001",
    )


@pytest.mark.parametrize(
    "body",
    [
        {"edited_message": message(text="edited", edit_date=1746100900)},
        {
            "my_chat_member": {
                "chat": PRIVATE,
                "from": USER,
                "date": 1746100800,
                "old_chat_member": {"status": "member", "user": USER},
                "new_chat_member": {"status": "kicked", "user": USER, "until_date": 0},
            }
        },
    ],
    ids=["edited_message", "my_chat_member"],
)
def test_updates_we_do_not_handle_are_none(body: dict[str, Any]) -> None:
    assert parse_update(update(**body), SECRET, SECRET) is None


# ---- sending -----------------------------------------------------------------------------------


def test_a_message_with_choices_goes_with_one_button_per_choice(
    telegram_api: FakeTelegram, sender: TelegramSender
) -> None:
    result = sender.send(outbound(choices=("Yes", "No")))
    [sent] = telegram_api.calls("sendMessage")
    assert (sent["chat_id"], sent["text"]) == (str(CHAT), "Would you like a reply? 1 Yes 2 No")
    assert json.loads(sent["reply_markup"]) == {
        "inline_keyboard": [[{"text": "Yes", "callback_data": "1"}], [{"text": "No", "callback_data": "2"}]]
    }
    assert result.provider_id == "101"


def test_a_message_without_choices_has_no_keyboard(
    telegram_api: FakeTelegram, sender: TelegramSender
) -> None:
    sender.send(outbound())
    [sent] = telegram_api.calls("sendMessage")
    assert "reply_markup" not in sent


def test_one_sender_sends_many_times_from_many_threads(
    telegram_api: FakeTelegram, sender: TelegramSender
) -> None:
    ids = [sender.send(outbound()).provider_id for _ in range(3)]
    threads = [threading.Thread(target=sender.send, args=(outbound(),)) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert ids == ["101", "102", "103"]
    assert len(telegram_api.calls("sendMessage")) == 6
    assert len(telegram_api.calls("getMe")) == 1  # initialised once, on the one loop


def test_two_senders_in_one_process_both_work(telegram_api: FakeTelegram, sender: TelegramSender) -> None:
    other = TelegramSender(telegram_api.token, telegram_api.url)
    try:
        sender.send(outbound())
        other.send(outbound())
        sender.send(outbound())
    finally:
        other.close()
    assert len(telegram_api.calls("sendMessage")) == 3


def test_flood_control_is_retryable_after_what_telegram_says(
    telegram_api: FakeTelegram, sender: TelegramSender
) -> None:
    telegram_api.fail_next(method="sendMessage", status=429, retry_after=3)
    with pytest.raises(SendError) as failed:
        sender.send(outbound())
    assert (failed.value.retryable, failed.value.retry_after) == (True, 3.0)
    assert sender.send(outbound()).provider_id == "101"


def test_a_hang_past_the_timeout_is_retryable(telegram_api: FakeTelegram) -> None:
    quick = TelegramSender(telegram_api.token, telegram_api.url, timeout=0.3)
    telegram_api.fail_next(method="sendMessage", hang=5.0)
    started = time.monotonic()
    try:
        with pytest.raises(SendError) as failed:
            quick.send(outbound())
    finally:
        quick.close()
    assert failed.value.retryable
    assert time.monotonic() - started < 3


@pytest.mark.parametrize("status", [500, 502])
def test_a_server_error_is_retryable(telegram_api: FakeTelegram, sender: TelegramSender, status: int) -> None:
    telegram_api.fail_next(method="sendMessage", status=status)
    with pytest.raises(SendError) as failed:
        sender.send(outbound())
    assert failed.value.retryable


def test_an_unreachable_telegram_is_retryable() -> None:
    gone = TelegramSender("123456:test-token", "http://127.0.0.1:9", timeout=1)
    try:
        with pytest.raises(SendError) as failed:
            gone.send(outbound())
    finally:
        gone.close()
    assert failed.value.retryable


@pytest.mark.parametrize(("chat", "why"), [("403", "blocked"), ("404", "(?i)chat not found")])
def test_a_blocked_bot_or_unknown_chat_is_not_retryable(sender: TelegramSender, chat: str, why: str) -> None:
    with pytest.raises(SendError, match=why) as failed:
        sender.send(outbound(address=chat))
    assert not failed.value.retryable


def test_a_rejected_token_is_not_retryable_and_not_quoted(telegram_api: FakeTelegram) -> None:
    wrong = TelegramSender("999:wrong-token", telegram_api.url, timeout=2.0)
    try:
        with pytest.raises(SendError) as failed:
            wrong.send(outbound())
    finally:
        wrong.close()
    assert not failed.value.retryable
    assert "wrong-token" not in str(failed.value)


def test_a_button_press_is_answered(telegram_api: FakeTelegram, sender: TelegramSender) -> None:
    sender.answer_callback("4382bfdwdsb323b2d9")
    assert telegram_api.calls("answerCallbackQuery") == [{"callback_query_id": "4382bfdwdsb323b2d9"}]


def test_media_is_fetched_by_file_id(telegram_api: FakeTelegram, sender: TelegramSender) -> None:
    telegram_api.files["VOICE1"] = ("voice/file_7.oga", b"OggS voice note")
    assert sender.fetch_media("VOICE1", max_bytes=1000) == (b"OggS voice note", "audio/ogg")


def test_media_over_the_limit_is_refused_before_download(
    telegram_api: FakeTelegram, sender: TelegramSender
) -> None:
    telegram_api.files["BIG"] = ("videos/file_8.mp4", b"x" * 5000)
    with pytest.raises(SendError, match="too large") as failed:
        sender.fetch_media("BIG", max_bytes=1000)
    assert not failed.value.retryable
    assert not [r for r in telegram_api.requests if r.method == "GET"]


def test_an_unknown_file_is_not_retryable(sender: TelegramSender) -> None:
    with pytest.raises(SendError) as failed:
        sender.fetch_media("NOPE", max_bytes=1000)
    assert not failed.value.retryable


def test_set_webhook_sends_the_url_and_secret(telegram_api: FakeTelegram) -> None:
    set_webhook(
        telegram_api.token, telegram_api.url, "https://allvoices.example.org/webhooks/telegram", SECRET
    )
    [call] = telegram_api.calls("setWebhook")
    assert call["url"] == "https://allvoices.example.org/webhooks/telegram"
    assert call["secret_token"] == SECRET
    assert json.loads(call["allowed_updates"]) == ["message", "callback_query"]
