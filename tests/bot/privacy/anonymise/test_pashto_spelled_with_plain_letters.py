"""Pashto written on a Persian or Arabic keyboard ("ډاکتره" for "ډاکټره") and "our" before a relation
("زموږ لور", "زمونږ لور") still point at the name; "our" itself is never one."""

from __future__ import annotations

import pytest

from tests.bot.privacy.anonymise.redaction import redact


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ډاکتره پلوشه راغله", "ډاکتره [STAFF NAME] راغله"),
        ("زموږ لور پلوشه راغله", "زموږ لور [NAME] راغله"),
        ("زمونږ لور پلوشه راغله", "زمونږ لور [NAME] راغله"),
    ],
)
def test_a_name_after_a_pashto_cue_in_another_spelling_is_taken(text: str, expected: str) -> None:
    assert redact(text, "ps") == expected
