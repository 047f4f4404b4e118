"""Start-up pays for every language's cue tables, so no woman's first story in her language waits for them
(under gunicorn --preload they are built once, before the workers fork)."""

from __future__ import annotations

from bot.privacy.anonymise import preload
from bot.privacy.anonymise._cues import cues_for, languages_for


def test_preload_builds_the_cue_tables_of_every_language() -> None:
    cues_for.cache_clear()

    preload()

    built = cues_for.cache_info()
    assert built.currsize == len(languages_for(None)) + 1  # each language, and one whose language is unknown
    misses = built.misses
    for lang in languages_for(None):
        cues_for(lang)
    assert cues_for.cache_info().misses == misses
