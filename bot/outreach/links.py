"""What a champion hands out: each channel's way in, with the champion's code in her first words."""

from __future__ import annotations

from bot.services import Services
from channels import registry
from channels.registry import Invite


def first_message(code: str) -> str:
    return f"HELLO {code}"


def invites(services: Services, code: str) -> dict[str, Invite]:
    """Each channel's way in, by channel, so that a story that starts from it is counted for the code."""
    found = registry.invites(services.settings, first_message(code), code)
    return {invite.channel: invite for invite in found}
