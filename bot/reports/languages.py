"""How far each language's catalog is translated and reviewed, so no draft passes for reviewed work.

A translated entry marked fuzzy is a machine or non-native draft: she still sees it (better than
English she may not read) but it counts as unreviewed until a native speaker clears the flag.
``allvoices i18n status`` prints the table; the dashboard shows ``needing_review()``.
"""

from __future__ import annotations

from dataclasses import dataclass

from flows.catalog import entries
from flows.languages import DEFAULT, LANGUAGES


@dataclass(frozen=True)
class LanguageStatus:
    code: str
    name: str
    total: int  # entries in the English catalog, the source every language is translated from
    translated: int  # of those, entries with a non-empty text in this language
    reviewed: int  # of those, entries not marked fuzzy

    @property
    def unreviewed(self) -> int:
        return self.total - self.reviewed


def status() -> list[LanguageStatus]:
    """Every configured language, in menu order, with its translated and reviewed counts."""
    source = entries(DEFAULT)
    rows = []
    for language in LANGUAGES:
        if language.code == DEFAULT:
            # English is the source text itself: written and reviewed by the team.
            translated = reviewed = len(source)
        else:
            found = entries(language.code)
            translated = sum(key in found for key in source)
            reviewed = sum(key in found and found[key].reviewed for key in source)
        rows.append(LanguageStatus(language.code, language.english_name, len(source), translated, reviewed))
    return rows


def needing_review() -> list[str]:
    """Codes of languages with any string not yet reviewed by a native speaker (or not translated)."""
    return [row.code for row in status() if row.unreviewed]
