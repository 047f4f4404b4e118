"""The parts every entry point needs (web app, worker, CLI), built once from settings."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bot.config import Settings
from channels import registry
from channels.registry import Channels
from flows.catalog import available_languages
from flows.story import FlowConfig
from storage.db import Database
from storage.spool import Spool
from storage.vault import Vault


@dataclass
class Services:
    settings: Settings
    db: Database
    vault: Vault
    flow: FlowConfig
    channels: Channels
    spool: Spool

    @classmethod
    def build(cls, settings: Settings) -> Services:
        flow = FlowConfig(
            sites=settings.sites,
            languages=available_languages(),
            nudge_after=settings.nudge_after,
            give_up_after=settings.give_up_after,
            reply_days=settings.reply_target_days,
            triage=settings.triage,
        )
        vault = Vault(settings.secret_key)
        return cls(
            settings,
            Database(settings.database_url),
            vault,
            flow,
            registry.build(settings),
            Spool(Path(settings.spool_dir), vault),
        )
