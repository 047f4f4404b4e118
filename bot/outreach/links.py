"""What a champion hands out: each channel's way in, with the champion's code in her first words."""

from __future__ import annotations

from bot.services import Services
from channels import registry
from channels.registry import Invite


def first_message(code: str) -> str:
    """What her phone types for her (the WhatsApp QR code) or the poster tells her to text.

    The words stay English and the same for every group: the code carries the group's languages, so
    her first reply is a short menu of those languages, each in its own words, before anything in
    English (``flows.story``). Her own greeting with the code ("Salaan MEDWAY-SOM") settles it at once.
    """
    return f"HELLO {code}"


def invites(services: Services, code: str) -> dict[str, Invite]:
    """Each channel's way in, by channel, so that a story that starts from it is counted for the code."""
    found = registry.invites(services.settings, first_message(code), code)
    return {invite.channel: invite for invite in found}
