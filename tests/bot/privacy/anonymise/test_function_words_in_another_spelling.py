"""A function word written with another form of an Arabic-script letter ("هېڅ" for the listed "هیڅ",
nothing) is still that word: a name never runs on over it, as cues are read with letters folded."""

from __future__ import annotations

from tests.bot.privacy.anonymise.redaction import redact


def test_a_name_does_not_run_on_over_a_function_word_in_another_spelling() -> None:
    assert redact("نرس مریم هېڅ مرسته ونکړه", "ps") == "نرس [STAFF NAME] هېڅ مرسته ونکړه"
