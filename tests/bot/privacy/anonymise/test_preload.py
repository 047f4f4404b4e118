"""Start-up pays for every language's cue tables and every other table built per language, so no woman's
first story in her language waits for them (under gunicorn --preload they are built once, before the
workers fork)."""

from __future__ import annotations

from bot.privacy.anonymise import anonymise, preload
from bot.privacy.anonymise._cues import cues_for, languages_for
from bot.privacy.anonymise._features import _titles
from bot.privacy.anonymise._frames import _frames_for, _places_for, frame_words
from bot.privacy.anonymise._model import _kunyas, _never_carried
from bot.privacy.anonymise._names import _cue_index, cue_words
from bot.privacy.anonymise._set_phrases import _phrases_for
from bot.privacy.anonymise._stopwords import own_words, stopwords

_PER_LANGUAGE = (
    cues_for,
    _titles,
    _frames_for,
    _places_for,
    frame_words,
    _never_carried,
    _kunyas,
    _cue_index,
    cue_words,
    _phrases_for,
    stopwords,
    own_words,
)


def test_preload_builds_the_cue_tables_of_every_language() -> None:
    cues_for.cache_clear()

    preload()

    built = cues_for.cache_info()
    assert built.currsize == len(languages_for(None)) + 1  # each language, and one whose language is unknown
    misses = built.misses
    for lang in languages_for(None):
        cues_for(lang)
    assert cues_for.cache_info().misses == misses


def test_a_womans_first_story_in_her_language_builds_no_table() -> None:
    for table in _PER_LANGUAGE:
        table.cache_clear()

    preload()

    misses = [table.cache_info().misses for table in _PER_LANGUAGE]
    for lang in (None, *languages_for(None)):
        anonymise("My midwife Chioma was kind. Thank you to Dr. Okafor, we named her Joy.", lang)
    assert [table.cache_info().misses for table in _PER_LANGUAGE] == misses
