"""A reply's statuses: only a draft can be approved, never one approved, sent or superseded."""

from __future__ import annotations

import pytest

from flows.review import ReplyStatus, can_approve_reply


def test_only_a_draft_can_be_approved() -> None:
    assert can_approve_reply(ReplyStatus.DRAFT)


@pytest.mark.parametrize("status", [ReplyStatus.APPROVED, ReplyStatus.SENT, ReplyStatus.SUPERSEDED])
def test_a_reply_already_decided_can_never_be_approved(status: ReplyStatus) -> None:
    assert not can_approve_reply(status)


def test_every_reply_status_has_a_label_for_staff() -> None:
    assert all(status.label for status in ReplyStatus)
    assert ReplyStatus("superseded").label == "Closed: another reply was sent"
