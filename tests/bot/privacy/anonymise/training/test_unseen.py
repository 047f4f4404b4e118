"""A new writer's stories are scored before anyone trains on them: identifiers her files do not mark
are found by their shape, one hand's section of a file can be read on its own, and names found are
counted by the origin the writer gave each."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.privacy.anonymise.training.crossval import Score
from bot.privacy.anonymise.training.unseen import by_origin, identifiers, origins, read


def _found(text: str) -> list[str]:
    return [m.group() for m in identifiers(text)]


def test_numbers_dates_mails_postcodes_and_beds_look_like_identifiers() -> None:
    assert _found("my hospital number is RX4 123456, call 07700 900123") == ["RX4", "123456", "07700 900123"]
    assert _found("dob 04/11/1996, bed 14, mumof3.brum@gmail.com") == [
        "04/11/1996",
        "bed 14",
        "mumof3.brum@gmail.com",
    ]
    assert _found("ساكنين في B10 9QT، تاريخ ميلادي 1992/7/3") == ["B10 9QT", "1992/7/3"]
    assert _found("we live in LS9, insta @naija_mum_uk") == ["LS9", "@naija_mum_uk"]


def test_times_weights_counts_and_wards_do_not() -> None:
    assert _found("ward 7, 3 days, 3.2 кг, o 4:15, 36 weeks, 12 листопада") == []


def test_one_hands_section_is_read_alone(tmp_path: Path) -> None:
    (tmp_path / "en.txt").write_text(
        "# first hand\nmy sister {N:Ada} came\n# Second hand (round 18)\nmidwife {S:becky} stayed\n",
        encoding="utf-8",
    )
    assert read([tmp_path], None) == [
        ("my sister Ada came", "en", [("NAME", 10, 13)]),
        ("midwife becky stayed", "en", [("STAFF NAME", 8, 13)]),
    ]
    assert read([tmp_path], "Second hand") == [("midwife becky stayed", "en", [("STAFF NAME", 8, 13)])]


def test_names_found_are_counted_by_the_origin_the_writer_gave_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "en.txt").write_text(
        "# a hand\nmy sister {N:Ada} came\nwe met {N:grace} at the shop\n", encoding="utf-8"
    )
    (tmp_path / "origins.tsv").write_text(
        "lang\tkind\tmark\tcount\torigin\nen\tN\tAda\t1\tYoruba\nen\tN\tgrace\t1\tEnglish\n", encoding="utf-8"
    )
    stories = read([tmp_path], None)
    score = Score(show_misses=False)
    for story in stories:
        score.add(story)
    score.missed.add(("we met grace at the shop", 7))  # whatever the model did, "grace" counts as missed here

    by_origin(stories, score, origins([tmp_path]))

    out = capsys.readouterr().out
    assert "2 origins, 1 under 90 %" in out
    assert "English" in out and "0/  1  under 90 %" in out
