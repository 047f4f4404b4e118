"""Who we heard from against local births, for the digest, the dashboard page and the yearly report.

The database adds the answers up (``storage.representation``: one grouped query per dimension, never one
per story); ``flows.representation`` compares them with the site's births (shares, a ratio with its Wilson
interval, the plain sentence) and ``flows.small_numbers`` hides whatever comes from fewer than 5 women.
When a site has no births set for a dimension, ethnicity falls back to England and Wales' 2021 census
(all residents, said so); the other dimensions are then shown as counts without a comparison.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from html import escape
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup
from sqlalchemy.orm import Session

from channels.base import CHANNEL_LABELS
from flows.languages import BY_CODE, LANGUAGES
from flows.representation import (
    AGE_BANDS,
    ETHNIC_GROUPS,
    IMD_QUINTILES,
    Dimension,
    compare,
    sentence,
)
from flows.small_numbers import shown
from storage import champions, population, representation as counted

#: England and Wales, Census 2021 (ONS, TS021): share of usual residents by ethnic group.
CENSUS_2021 = {"asian": 0.093, "black": 0.040, "mixed": 0.029, "white": 0.817, "other": 0.021}
CENSUS_SOURCE = "England and Wales, Census 2021 (ONS TS021, all residents: no births are set for this site)"
LANGUAGE_LABELS = {**{language.code: language.english_name for language in LANGUAGES}, "other": "Another"}
_NAMES = {
    name.lower(): language.code
    for language in LANGUAGES
    for name in (language.english_name, language.native_name, language.code)
}
_NAMES.update({"punjabi": "pa", "farsi": "prs", "persian": "prs", "bangla": "bn", "sylheti": "bn"})


#: the reports' own templates, shared with the digest and the yearly report
TEMPLATES = Environment(
    loader=PackageLoader("bot.reports", "templates"), autoescape=select_autoescape(default=True)
)


def language_group(answer: str, wrote_in: str) -> str:
    """Her main language as a group: her answer when we know it, else the language she wrote to us in."""
    said = answer.strip().lower()
    if said:
        return _NAMES.get(said, "other")
    return wrote_in if wrote_in in BY_CODE else "other"


@dataclass(frozen=True)
class ReachRow:
    """One champion code or channel: women it brought (or "fewer than 5") and the groups among them."""

    key: str
    label: str
    women: str
    #: ethnic group → count as shown ("fewer than 5" hidden groups)
    groups: dict[str, str]


@dataclass
class Representation:
    site: str
    start: datetime
    end: datetime
    period: str
    told: int = 0
    dimensions: list[Dimension] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    #: the dimensions compared with England and Wales rather than local births
    fallback: bool = False
    sentence: str = ""
    champions: list[ReachRow] = field(default_factory=list)
    channels: list[ReachRow] = field(default_factory=list)

    def dimension(self, key: str) -> Dimension | None:
        return next((found for found in self.dimensions if found.key == key), None)

    def chart(self, key: str = "ethnicity") -> Markup:
        found = self.dimension(key)
        return svg_chart(found) if found is not None else Markup("")


def _from_file(site: str, path: str) -> dict[str, float]:
    """The older way: ALLVOICES_POPULATION_FILE, JSON {site: {group: share}} for ethnicity only."""
    if not path or not Path(path).exists():
        return {}
    shares = json.loads(Path(path).read_text()).get(site)
    return {str(key): float(value) for key, value in shares.items()} if isinstance(shares, dict) else {}


def build(
    session: Session, site: str, start: datetime, end: datetime, period: str, population_file: str = ""
) -> Representation:
    found = Representation(site=site, start=start, end=end, period=period)
    found.told = counted.told(session, site, start, end)
    births = population.for_site(session, site) if site.lower() != "all" else {}
    found.sources = population.sources(session, site) if births else []
    ethnic_births = births.get("ethnicity")
    if not ethnic_births and site.lower() != "all":
        ethnic_births = _from_file(site, population_file)
        if ethnic_births:
            found.sources.append(f"{site} population ({Path(population_file).name})")
    if not ethnic_births:
        ethnic_births, found.fallback = CENSUS_2021, True
        found.sources.append(CENSUS_SOURCE)
    languages: dict[str, int] = defaultdict(int)
    for answer, wrote_in, count in counted.languages(session, site, start, end):
        languages[language_group(answer, wrote_in)] += count
    found.dimensions = [
        compare(
            "ethnicity", ETHNIC_GROUPS, counted.answers(session, site, start, end, "ethnicity"), ethnic_births
        ),
        compare("age", AGE_BANDS, counted.answers(session, site, start, end, "age"), births.get("age", {})),
        compare(
            "language",
            {
                code: LANGUAGE_LABELS[code]
                for code in (*BY_CODE, "other")
                if code in languages or code in births.get("language", {})
            },
            dict(languages),
            births.get("language", {}),
        ),
        compare("imd", IMD_QUINTILES, counted.deprivation(session, site, start, end), births.get("imd", {})),
    ]
    ethnicity = found.dimensions[0]
    found.sentence = sentence(ethnicity, period)
    community = champions.communities(session)
    found.champions = _reach(
        counted.reach(session, site, start, end, "champion"), lambda code: community.get(code, "")
    )
    found.channels = _reach(
        counted.reach(session, site, start, end, "channel"),
        lambda channel: CHANNEL_LABELS.get(channel, channel),
    )
    return found


def _reach(rows: list[tuple[str, str, int]], label: object) -> list[ReachRow]:
    table: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for key, group, count in rows:
        table[key][group if group in ETHNIC_GROUPS else ""] += count
    found = []
    for key, groups in sorted(table.items(), key=lambda item: -sum(item[1].values())):
        women = sum(groups.values())
        shown_groups = {group: shown(groups.get(group, 0)) for group in ETHNIC_GROUPS}
        found.append(ReachRow(key, label(key), shown(women), shown_groups))  # type: ignore[operator]
    return found


def svg_chart(dimension: Dimension, width: int = 640) -> Markup:
    """Heard-from share (with its 95 % interval) beside the births share, per group, as inline SVG.

    A group under 5 women has no bar, only the words "fewer than 5"; with fewer than 5 answers in all
    there is no chart at all.
    """
    if not dimension.enough:
        about = escape(dimension.label.lower())
        return Markup(f'<p class="muted">No chart: fewer than 5 women answered about {about}.</p>')
    row, left, right = 34, 190, 60
    scale = width - left - right
    top = max(
        [group.births_share or 0 for group in dimension.groups]
        + [min(1.0, (group.high or 0) * (group.births_share or 0)) for group in dimension.groups]
        + [group.share or 0 for group in dimension.groups]
        + [0.05]
    )
    height = row * len(dimension.groups) + 40
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="Arial, sans-serif" font-size="12">',
        f"<title>{escape(dimension.label)}: who we heard from against local births</title>",
    ]
    for index, group in enumerate(dimension.groups):
        y = 10 + index * row
        parts.append(f'<text x="{left - 6}" y="{y + 14}" text-anchor="end">{escape(group.label[:30])}</text>')
        if group.births_share is not None:
            wide = group.births_share / top * scale
            parts.append(f'<rect x="{left}" y="{y + 14}" width="{wide:.1f}" height="9" fill="#aeb7bd"/>')
        if group.share is not None:
            wide = group.share / top * scale
            colour = "#d5281b" if group.under_heard else "#005eb8"
            parts.append(f'<rect x="{left}" y="{y + 2}" width="{wide:.1f}" height="11" fill="{colour}"/>')
            end = wide
            if group.low is not None and group.high is not None and group.births_share:
                low = group.low * group.births_share / top * scale
                high = min(1.0, group.high * group.births_share) / top * scale
                end = max(wide, high)
                parts.append(
                    f'<line x1="{left + low:.1f}" x2="{left + high:.1f}" y1="{y + 7}" y2="{y + 7}" '
                    'stroke="#212b32" stroke-width="1.5"/>'
                )
            parts.append(f'<text x="{left + end + 4:.1f}" y="{y + 12}">{group.share * 100:.0f}%</text>')
        elif group.heard is None:
            parts.append(f'<text x="{left + 4}" y="{y + 12}" fill="#4c6272">fewer than 5</text>')
    legend = 10 + len(dimension.groups) * row + 8
    parts.append(
        f'<rect x="{left}" y="{legend}" width="12" height="10" fill="#005eb8"/>'
        f'<text x="{left + 16}" y="{legend + 9}">Who we heard from (line: 95% interval)</text>'
        f'<rect x="{left + 270}" y="{legend}" width="12" height="10" fill="#aeb7bd"/>'
        f'<text x="{left + 286}" y="{legend + 9}">Local births</text>'
    )
    parts.append("</svg>")
    return Markup("".join(parts))


def html(found: Representation) -> Markup:
    """The comparison as HTML (sentence, chart, tables), for a dashboard page to show in its own layout."""
    template = TEMPLATES.get_template("_representation.html")
    return Markup(template.render(rep=found, shown=shown, ethnic_groups=ETHNIC_GROUPS))
