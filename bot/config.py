"""Settings, from the environment or a ``.env`` file. Every one is documented in ``.env.example``."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from dotenv import load_dotenv

DEFAULT_SITES = (
    "Medway Maritime Hospital",
    "Darent Valley Hospital",
    "Maidstone Hospital",
    "Tunbridge Wells Hospital",
    "William Harvey Hospital",
    "Queen Elizabeth The Queen Mother Hospital",
)
SECRET_FILE = Path("var") / "secret_key"


def _env(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def _int(name: str, default: int) -> int:
    raw = _env(name)
    return int(raw) if raw else default


def _list(name: str) -> tuple[str, ...]:
    return tuple(item.strip() for item in _env(name).split(",") if item.strip())


def local_secret() -> str:
    """The secret ``make demo`` keeps under ``var/`` when none is set, made once and kept private."""
    if SECRET_FILE.exists():
        return SECRET_FILE.read_text().strip()
    SECRET_FILE.parent.mkdir(parents=True, exist_ok=True)
    value = secrets.token_urlsafe(48)
    descriptor = os.open(SECRET_FILE, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w") as handle:
        handle.write(value + "\n")
    return value


@dataclass(frozen=True)
class Settings:
    database_url: str
    secret_key: str
    public_url: str
    sites: tuple[str, ...]
    nudge_after: timedelta
    give_up_after: timedelta
    reply_target_days: int
    twilio_account_sid: str = ""
    twilio_auth_token: str = ""
    twilio_from_sms: str = ""
    twilio_from_whatsapp: str = ""
    twilio_api_url: str = ""
    twilio_whatsapp_template_sid: str = ""
    telegram_bot_token: str = ""
    telegram_webhook_secret: str = ""
    telegram_api_url: str = ""
    telegram_bot_username: str = ""
    translate_provider: str = "libretranslate"
    translate_url: str = ""
    translate_api_key: str = ""
    smtp_url: str = ""
    digest_from: str = ""
    secure_cookies: bool = True
    outbox_max_attempts: int = 8
    media_max_bytes: int = 16 * 1024 * 1024
    #: (site, maternity triage number), from "Name=number" entries in ALLVOICES_SITES
    triage: tuple[tuple[str, str], ...] = ()
    alert_emails: tuple[str, ...] = ()
    digest_emails: tuple[str, ...] = ()
    raw_retention_days: int = 30
    population_file: str = ""
    retention_days: int = 365
    alert_sms: tuple[str, ...] = ()
    #: where webhooks keep what a provider sent while the database is away (the worker drains it)
    spool_dir: str = "var/spool"
    #: serve /simulator (ALLVOICES_SIMULATOR=on): anyone who can reach it can make stories, so only locally
    simulator: bool = False
    #: addresses or networks of the reverse proxies whose X-Forwarded-For is believed
    trusted_proxies: tuple[str, ...] = ()
    extra: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_env(cls, database_url: str | None = None) -> Settings:
        load_dotenv(Path(".env"), override=False)
        entries = [entry.partition("=") for entry in _env("ALLVOICES_SITES").split(";") if entry.strip()]
        sites = tuple(name.strip() for name, _, _ in entries) or DEFAULT_SITES
        triage = tuple((name.strip(), number.strip()) for name, _, number in entries if number.strip())
        public_url = _env("ALLVOICES_PUBLIC_URL", "http://127.0.0.1:5000").rstrip("/")
        return cls(
            database_url=database_url or _env("ALLVOICES_DATABASE_URL", "sqlite:///var/allvoices.db"),
            secret_key=_env("ALLVOICES_SECRET_KEY") or local_secret(),
            public_url=public_url,
            sites=sites,
            nudge_after=timedelta(minutes=_int("ALLVOICES_NUDGE_MINUTES", 30)),
            give_up_after=timedelta(hours=_int("ALLVOICES_STORY_TIMEOUT_HOURS", 24)),
            reply_target_days=_int("ALLVOICES_REPLY_TARGET_DAYS", 3),
            twilio_account_sid=_env("TWILIO_ACCOUNT_SID"),
            twilio_auth_token=_env("TWILIO_AUTH_TOKEN"),
            twilio_from_sms=_env("TWILIO_FROM_SMS"),
            twilio_from_whatsapp=_env("TWILIO_FROM_WHATSAPP"),
            twilio_api_url=_env("TWILIO_API_URL"),
            twilio_whatsapp_template_sid=_env("TWILIO_WHATSAPP_TEMPLATE_SID"),
            telegram_bot_token=_env("TELEGRAM_BOT_TOKEN"),
            telegram_webhook_secret=_env("TELEGRAM_WEBHOOK_SECRET"),
            telegram_api_url=_env("TELEGRAM_API_URL"),
            telegram_bot_username=_env("TELEGRAM_BOT_USERNAME").lstrip("@"),
            translate_provider=_env("TRANSLATE_PROVIDER", "libretranslate"),
            translate_url=_env("TRANSLATE_URL"),
            translate_api_key=_env("TRANSLATE_API_KEY"),
            smtp_url=_env("SMTP_URL"),
            digest_from=_env("DIGEST_FROM"),
            secure_cookies=public_url.startswith("https://"),
            outbox_max_attempts=_int("ALLVOICES_OUTBOX_MAX_ATTEMPTS", 8),
            media_max_bytes=_int("ALLVOICES_MEDIA_MAX_BYTES", 16 * 1024 * 1024),
            triage=triage,
            alert_emails=_list("ALLVOICES_ALERT_EMAILS"),
            alert_sms=_list("ALLVOICES_ALERT_SMS"),
            digest_emails=_list("ALLVOICES_DIGEST_EMAILS"),
            raw_retention_days=_int("ALLVOICES_RAW_RETENTION_DAYS", 30),
            population_file=_env("ALLVOICES_POPULATION_FILE"),
            retention_days=_int("ALLVOICES_RETENTION_DAYS", 365),
            spool_dir=_env("ALLVOICES_SPOOL_DIR", "var/spool"),
            simulator=_env("ALLVOICES_SIMULATOR").lower() == "on",
            trusted_proxies=_list("ALLVOICES_TRUSTED_PROXIES"),
        )
