"""Her story: an emergency told of as over needs no help now in the reply; one happening now does."""

from __future__ import annotations

import pytest

from bot.review.reply_check import check_reply
from bot.review.reply_check._sentences import model
from bot.review.reply_check._story import is_urgent

REPLY_WITHOUT_HELP = (
    "I'm so sorry, that sounds frightening. I'm glad you are both well now. "
    "If you would like to talk it through with one of our midwives, just reply here."
)


@pytest.mark.parametrize(
    "story",
    [
        "when my son was a week old he stopped breathing and we rang 999, hes 2 now and totally fine",
        "After my first birth in 2019 I had a huge bleed and needed a transfusion. Nobody talked to me.",
    ],
)
def test_an_emergency_she_tells_of_as_over_needs_no_help_now(story: str) -> None:
    result = check_reply(REPLY_WITHOUT_HELP, story)

    assert not is_urgent(story, model())
    assert "urgent" not in {finding.rule for finding in result.blocking}


@pytest.mark.parametrize(
    "story",
    [
        "my baby is floppy and wont wake up for feeds",
        "I had my baby 6 days ago and now I'm bleeding heavily and feel faint.",
        "I bled a lot after my first baby and it's happening again today, I'm soaking pads.",
    ],
)
def test_an_emergency_happening_now_still_needs_help_in_the_reply(story: str) -> None:
    """A birth in the past does not make a bleed today past: when in doubt, now."""
    result = check_reply(REPLY_WITHOUT_HELP, story)

    assert is_urgent(story, model())
    assert "urgent" in {finding.rule for finding in result.blocking}
