"""The ``allvoices`` command: set-up, the web app, the worker, and tools anyone can try on stdin."""

from __future__ import annotations

import json
import os
import secrets
import signal
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

import click

from bot.config import Settings
from bot.logs import AccessLogWithoutQuery, configure_logging
from bot.services import Services
from channels.base import CHANNELS
from channels.registry import commands as channel_commands
from storage.migrations import upgrade

if TYPE_CHECKING:
    from bot.review.reply_check import Finding

DEMO_LOGINS = Path("var") / "demo-logins.txt"
DEMO_USERS = (
    ("moderator", "moderator", "Amira", "Moderator"),
    ("responder", "responder", "Grace", "Patient experience midwife"),
    ("lead", "lead", "Joanne", "Head of midwifery"),
    ("admin", "admin", "Sam", "Service administrator"),
)


def _services(db: str | None = None) -> Services:
    return Services.build(Settings.from_env(database_url=db))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """allvoices: women tell their experience of maternity care in their own words and language."""


@main.group()
def db() -> None:
    """The database."""


@db.command("upgrade")
@click.option("--db", "url", help="Database URL (default ALLVOICES_DATABASE_URL).")
def db_upgrade(url: str | None) -> None:
    """Apply migrations to ALLVOICES_DATABASE_URL."""
    settings = Settings.from_env(database_url=url)
    upgrade(settings.database_url)
    click.echo("database is up to date")


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=int)
def serve(host: str, port: int) -> None:
    """The web app: webhooks, simulator, review dashboard."""
    from bot.app import create_app

    configure_logging()
    create_app().run(
        host=host, port=port, threaded=True, use_reloader=False, request_handler=AccessLogWithoutQuery
    )


@main.command()
@click.option("--once", is_flag=True, help="Run every job once and exit.")
def worker(once: bool) -> None:
    """Drain the outbox and run scheduled jobs; any number may run at once."""
    from bot import worker as worker_module

    configure_logging()
    services = _services()
    if once:
        worker_module.run_once(services)
    else:
        worker_module.run_forever(services)


@main.command()
@click.option("--sender", required=True, help="Her number or chat id (made up).")
@click.option("--channel", type=click.Choice(CHANNELS), default="sms", show_default=True)
@click.option("--db", "url", help="Database URL (default ALLVOICES_DATABASE_URL).")
def chat(sender: str, channel: str, url: str | None) -> None:
    """A sender's side of the conversation: one message per line in, the service's answers out."""
    from bot.chat.delivery import deliver_due
    from bot.chat.receive import receive
    from channels import simulator
    from storage import outbox

    services = _services(url)
    upgrade(services.settings.database_url)
    for line in sys.stdin:
        text = line.rstrip("\r\n")
        received = receive(services, simulator.inbound(channel, sender, text))
        if not received.outbox_ids:
            continue
        deliver_due(services, ids=received.outbox_ids)
        with services.db.session() as session:
            for row in outbox.sent_among(session, received.outbox_ids):
                for body_line in row.body.splitlines() or [""]:
                    click.echo(f"bot: {body_line}")
        sys.stdout.flush()


@main.command()
@click.option("--ref", help="Her reference code, e.g. AV-7KQ2.")
@click.option("--sender", help="Her number or chat id, as she gave it.")
@click.option("--channel", type=click.Choice(CHANNELS), default="sms", show_default=True)
@click.option("--by", "actor", required=True, help="Who is carrying out the request (kept in the audit log).")
def erase(ref: str | None, sender: str | None, channel: str, actor: str) -> None:
    """Erase everything a woman sent, on her request by letter or phone: by reference code or number."""
    from bot.privacy.erasure import erase_by_ref, erase_by_sender

    if bool(ref) == bool(sender):
        raise click.UsageError("give exactly one of --ref or --sender")
    services = _services()
    found = (
        erase_by_ref(services, ref, actor) if ref else erase_by_sender(services, channel, sender or "", actor)
    )
    if not found:
        click.echo("Nothing found to erase.")
        sys.exit(1)
    click.echo("Erased everything she sent, and her contact. The audit log records only that it happened.")


@main.command()
@click.option("--lang", default=None, help="Her language code, if known.")
@click.option("--jsonl", is_flag=True, help='Each line {"text": …, "lang": …} in, one JSON result out.')
def anonymise(lang: str | None, jsonl: bool) -> None:
    """Redact names, numbers and addresses from text on standard input."""
    from bot.privacy.anonymise import anonymise as redact

    if not jsonl:
        click.echo(redact(sys.stdin.read(), lang).redacted, nl=False)
        return
    for number, line in enumerate(sys.stdin, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError:
            item = None
        if not isinstance(item, dict):
            # A clear word and the usage exit, not a traceback: the lines before it were answered.
            raise click.UsageError(f'line {number} is not a JSON object like {{"text": "...", "lang": "ur"}}')
        result = redact(str(item.get("text", "")), item.get("lang") or lang)
        entities = [{"type": e.type, "start": e.start, "end": e.end} for e in result.entities]
        click.echo(json.dumps({"redacted": result.redacted, "entities": entities}, ensure_ascii=False))


@main.command("check-reply")
@click.option(
    "--lang",
    type=click.Choice(["en"]),
    default="en",
    show_default=True,
    help="The draft's language. Only English: drafts are written in English and translated afterwards.",
)
@click.option(
    "--story",
    "story_file",
    type=click.File("r", encoding="utf-8"),
    help="A file with the story the draft answers (plain text, any of our languages): a better check.",
)
def check_reply(lang: str, story_file: TextIO | None) -> None:
    """Check a draft reply (standard input): anything defensive blocks it; advice never does.

    Prints {"ok": …, "findings": [what blocks, each with rule, message, quote, suggestion], "advice": […]}.
    """
    from bot.review.reply_check import check_reply as check

    draft = sys.stdin.read()
    if not draft.strip():
        click.echo(
            json.dumps(
                {"ok": False, "findings": [{"rule": "empty", "message": "The draft is empty."}], "advice": []}
            )
        )
        sys.exit(1)
    result = check(draft, story_file.read() if story_file else None)
    answer = {
        "ok": result.ok,
        "findings": [_finding_json(finding) for finding in result.blocking],
        "advice": [_finding_json(finding) for finding in result.advice],
    }
    click.echo(json.dumps(answer, ensure_ascii=False))
    sys.exit(0 if result.ok else 1)


def _finding_json(finding: Finding) -> dict[str, str]:
    return {
        "rule": finding.rule,
        "message": finding.message,
        "quote": finding.quote,
        "suggestion": finding.suggestion,
    }


@main.command()
@click.option("--site", required=True, help='A site from ALLVOICES_SITES, or "all".')
@click.option("--week", required=True, help="An ISO week, e.g. 2026-W47.")
@click.option(
    "--out", type=click.Path(dir_okay=False, writable=True), help="Write the HTML here (default stdout)."
)
def digest(site: str, week: str, out: str | None) -> None:
    """The weekly digest for one site, as a self-contained HTML page."""
    from bot.reports.digest import parse_week, render

    try:
        parse_week(week)
    except ValueError as error:
        raise click.UsageError(str(error)) from error
    services = _services()
    if site.lower() != "all" and site not in services.settings.sites:
        raise click.UsageError(f"unknown site {site!r}; choose one of: {'; '.join(services.settings.sites)}")
    html = render(services, site, week)
    if out:
        Path(out).write_text(html, encoding="utf-8")
        click.echo(f"digest written to {out}")
    else:
        click.echo(html)


@main.group()
def population() -> None:
    """Each site's births by group and postcode districts' deprivation, to set who we heard from against."""


@population.command("import")
@click.argument("file", type=click.File("r", encoding="utf-8-sig"))
@click.option("--by", "actor", default="import", show_default=True, help="Who is loading it (audited).")
def population_import(file: TextIO, actor: str) -> None:
    """Load births from a CSV: site,dimension,group,births,source (see README: Who we heard from)."""
    from bot.reports.population import BadFile, parse_births
    from storage import audit, population as stored

    services = _services()
    try:
        rows = parse_births(file.read(), services.settings.sites)
    except BadFile as error:
        raise click.UsageError(str(error)) from error
    with services.db.session() as session:
        for site in sorted({row.site for row in rows}):
            mine = [(r.dimension, r.group, r.births, r.source) for r in rows if r.site == site]
            stored.replace_site(session, site, mine, actor)
            audit.record(session, actor, "population_set", site=site, rows=len(mine))
    click.echo(f"{len(rows)} rows of births loaded")


@population.command("import-imd")
@click.argument("file", type=click.File("r", encoding="utf-8-sig"))
@click.option("--by", "actor", default="import", show_default=True, help="Who is loading it (audited).")
def population_import_imd(file: TextIO, actor: str) -> None:
    """Load postcode district → IMD quintile from a CSV: district,quintile,source."""
    from bot.reports.population import BadFile, parse_imd
    from storage import audit, population as stored

    services = _services()
    try:
        rows = parse_imd(file.read())
    except BadFile as error:
        raise click.UsageError(str(error)) from error
    with services.db.session() as session:
        stored.replace_imd(session, rows)
        audit.record(session, actor, "imd_set", districts=len(rows))
    click.echo(f"{len(rows)} postcode districts loaded")


@population.command("show")
@click.option("--site", required=True, help="A site from ALLVOICES_SITES.")
def population_show(site: str) -> None:
    """A site's births, in the CSV format import reads."""
    from bot.reports.population import births_csv
    from storage import population as stored

    services = _services()
    if site not in services.settings.sites:
        raise click.UsageError(f"unknown site {site!r}; choose one of: {'; '.join(services.settings.sites)}")
    with services.db.reading() as session:
        click.echo(births_csv(site, stored.rows(session, site)), nl=False)


def _site_or_fail(services: Services, site: str) -> None:
    if site.lower() != "all" and site not in services.settings.sites:
        raise click.UsageError(f"unknown site {site!r}; choose one of: {'; '.join(services.settings.sites)}")


@main.command()
@click.option("--site", required=True, help='A site from ALLVOICES_SITES, or "all".')
@click.option(
    "--from", "since", required=True, type=click.DateTime(["%Y-%m-%d"]), help="First day, YYYY-MM-DD."
)
@click.option("--to", "until", required=True, type=click.DateTime(["%Y-%m-%d"]), help="Last day, YYYY-MM-DD.")
@click.option("--format", "kind", type=click.Choice(["csv", "xlsx"]), default="csv", show_default=True)
@click.option(
    "--out", type=click.Path(dir_okay=False, writable=True), help="Write here (default stdout; csv only)."
)
@click.option(
    "--by", "actor", default="cli", show_default=True, help="Who is exporting (kept in the audit log)."
)
def export(site: str, since: datetime, until: datetime, kind: str, out: str | None, actor: str) -> None:
    """Redacted stories, themes, timings, ratings and about-you answers; never a number, raw word or name."""
    from bot.reports.export import export as write
    from storage.queue import QueueFilter

    services = _services()
    _site_or_fail(services, site)
    if kind == "xlsx" and not out:
        raise click.UsageError("an XLSX export needs --out FILE")
    start = since.replace(tzinfo=UTC)
    end = until.replace(tzinfo=UTC) + timedelta(days=1)
    filters = QueueFilter(site="" if site.lower() == "all" else site)
    with services.db.session() as session:
        if kind == "xlsx":
            with open(out or "", "wb") as binary:
                count = write(session, filters, start, end, kind, binary, actor)
        elif out:
            with open(out, "w", encoding="utf-8", newline="") as text:
                count = write(session, filters, start, end, kind, text, actor)
        else:
            count = write(session, filters, start, end, kind, sys.stdout, actor)
    if out:
        click.echo(f"{count} stories written to {out}")


@main.command()
@click.option("--site", required=True, help='A site from ALLVOICES_SITES, or "all".')
@click.option("--year", required=True, type=click.IntRange(2000, 9998), help="The calendar year, e.g. 2026.")
@click.option("--format", "kind", type=click.Choice(["html", "pdf"]), default="html", show_default=True)
@click.option(
    "--out", type=click.Path(dir_okay=False, writable=True), help="Write here (default stdout; html only)."
)
@click.option(
    "--by", "actor", default="cli", show_default=True, help="Who is making it (kept in the audit log)."
)
def report(site: str, year: int, kind: str, out: str | None, actor: str) -> None:
    """The yearly inequalities summary, shaped like the London MVPs' annual report."""
    from bot.reports.yearly import render_html, render_pdf
    from storage import audit

    services = _services()
    _site_or_fail(services, site)
    if kind == "pdf" and not out:
        raise click.UsageError("a PDF report needs --out FILE")
    with services.db.session() as session:
        audit.record(session, actor, "report", site=site, year=year, format=kind)
    if kind == "pdf":
        Path(out or "").write_bytes(render_pdf(services, site, year))
    elif out:
        Path(out).write_text(render_html(services, site, year), encoding="utf-8")
    else:
        click.echo(render_html(services, site, year))
    if out:
        click.echo(f"report written to {out}")


@main.group("i18n")
def i18n() -> None:
    """Translations: how complete and how reviewed each language is."""


@i18n.command("status")
def i18n_status() -> None:
    """Per language: strings, translated, reviewed by a native speaker."""
    from bot.reports.languages import needing_review, status

    click.echo(f"{'code':<5} {'language':<11} {'strings':>7} {'translated':>10} {'reviewed':>8}")
    for row in status():
        click.echo(f"{row.code:<5} {row.name:<11} {row.total:>7} {row.translated:>10} {row.reviewed:>8}")
    waiting = needing_review()
    if waiting:
        click.echo(f"needing native review: {', '.join(waiting)}")


@main.command("demo-users")
def demo_users() -> None:
    """Create one demo staff user per role; their logins are printed once and kept in var/."""
    from storage import staff

    services = _services()
    created: list[str] = []
    with services.db.session() as session:
        for username, role, name, title in DEMO_USERS:
            if staff.by_username(session, username) is None:
                password = secrets.token_urlsafe(9)
                staff.create(session, username, password, role, name, title)
                created.append(f"{role:<10} username: {username:<10} password: {password}")
    if created:
        DEMO_LOGINS.parent.mkdir(parents=True, exist_ok=True)
        DEMO_LOGINS.write_text("\n".join(created) + "\n")
        DEMO_LOGINS.chmod(0o600)
        click.echo("Demo staff logins (shown once; also kept in var/demo-logins.txt):")
        for line in created:
            click.echo(f"  {line}")
    else:
        click.echo(f"Demo staff users already exist; their logins are in {DEMO_LOGINS}.")


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=int)
def demo(host: str, port: int) -> None:
    """The whole loop on this machine: the web app and a worker together."""
    base = f"http://{host}:{port}"
    if Settings.from_env().simulator:
        click.echo(f"\n  Simulator (chat as a sender):  {base}/simulator")
    else:
        click.echo("\n  Simulator: off (ALLVOICES_SIMULATOR=on turns it on; `make demo` does)")
    click.echo(f"  Review dashboard (staff):      {base}/review\n")
    worker_process = subprocess.Popen([sys.executable, "-m", "bot.cli", "worker"], env=os.environ.copy())
    try:
        serve.callback(host=host, port=port)  # type: ignore[misc]
    finally:
        worker_process.send_signal(signal.SIGINT)
        worker_process.wait(timeout=10)


for command in channel_commands(Settings.from_env):
    main.add_command(command)

if __name__ == "__main__":
    main()
