"""Themes: what a story is about, so a lead can see patterns across many stories.

The list and its keywords live in ``bot/review/data/themes.toml`` so the people who own the wording can change
them without touching code. A keyword match is only a suggestion shown to the moderator: a person
confirms every theme, because "cold" may be the ward or the way she was spoken to.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

_FILE = "themes.toml"
# Endings a keyword may grow, so one written "listen" finds "listened" and "listening".
_ENDINGS = "(?:s|es|ed|ing|er|ers|ly|ful|ness)?"


@dataclass(frozen=True)
class Theme:
    slug: str
    label: str
    patterns: tuple[re.Pattern[str], ...]


@cache
def themes() -> tuple[Theme, ...]:
    """Read once per process: the list changes with a deploy, not between stories."""
    raw = resources.files("bot.review.data").joinpath(_FILE).read_text(encoding="utf-8")
    entries = tomllib.loads(raw).get("theme")
    if not isinstance(entries, list) or not entries:
        raise ValueError(f"{_FILE}: needs [[theme]] entries")
    found = []
    for entry in entries:
        slug, label, keywords = entry.get("slug"), entry.get("label"), entry.get("keywords")
        if not isinstance(slug, str) or not isinstance(label, str) or not isinstance(keywords, list):
            raise ValueError(f"{_FILE}: every theme needs slug, label and keywords")
        found.append(Theme(slug, label, tuple(_compile(str(keyword)) for keyword in keywords)))
    return tuple(found)


def labels() -> dict[str, str]:
    return {theme.slug: theme.label for theme in themes()}


def suggest(texts: Iterable[str | None]) -> list[str]:
    """The themes whose keywords appear in any of ``texts`` (English), in the order of the list."""
    joined = "\n".join(text for text in texts if text).replace("\u2019", "'")
    return [theme.slug for theme in themes() if any(pattern.search(joined) for pattern in theme.patterns)]


def valid(slugs: Iterable[str]) -> list[str]:
    """Keep known themes only, in the order of the list, each once."""
    chosen = set(slugs)
    return [theme.slug for theme in themes() if theme.slug in chosen]


def _compile(keyword: str) -> re.Pattern[str]:
    words = keyword.lower().split()
    if not words:
        raise ValueError(f"{_FILE}: empty keyword")
    return re.compile(r"\b" + r"[\s-]+".join(_word(word) for word in words) + r"\b", re.IGNORECASE)


def _word(word: str) -> str:
    """Light stemming: "care" finds cares/cared/caring but not "car"; "worry" finds worried/worries."""
    if word.endswith("e") and len(word) > 3:
        return re.escape(word[:-1]) + "(?:e(?:s|d|r|rs|ly|ful|ness)?|ing)"
    if word.endswith("y") and len(word) > 3:
        return re.escape(word[:-1]) + "(?:y|ies|ied|ying)"
    return re.escape(word) + _ENDINGS
