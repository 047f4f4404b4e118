"""``allvoices anonymise`` as CONTRACT.md says: text in, redacted text out; ``--jsonl`` line by line."""

from __future__ import annotations

import json

from click.testing import CliRunner

from bot.cli import main


def test_plain_text_comes_back_redacted() -> None:
    result = CliRunner().invoke(
        main, ["anonymise"], input="my midwife sarah was lovely, call me on 07700 900123"
    )
    assert result.exit_code == 0
    assert result.output == "my midwife [STAFF NAME] was lovely, call me on [PHONE]"


def test_each_json_line_gives_one_result_line_in_order() -> None:
    lines = [{"text": "my midwife sarah"}, {"text": "میری نرس کا نام شبانہ تھا", "lang": "ur"}]
    result = CliRunner().invoke(
        main, ["anonymise", "--jsonl"], input="".join(json.dumps(line) + "\n" for line in lines)
    )
    assert result.exit_code == 0
    out = [json.loads(line) for line in result.output.splitlines()]
    assert [item["redacted"] for item in out] == ["my midwife [STAFF NAME]", "میری نرس کا نام [NAME] تھا"]
    assert out[0]["entities"] == [{"type": "STAFF NAME", "start": 11, "end": 16}]


def test_a_line_that_is_not_json_gets_a_clear_word_and_the_usage_exit_not_a_traceback() -> None:
    result = CliRunner().invoke(
        main, ["anonymise", "--jsonl"], input='{"text": "my midwife sarah"}\nplain words\n'
    )
    assert result.exit_code == 2
    assert "line 2 is not a JSON object" in result.output
    assert result.output.startswith('{"redacted": "my midwife [STAFF NAME]"')
    assert "Traceback" not in result.output
