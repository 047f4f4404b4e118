"""Her "about you" answers are taken as she writes them, and only what we keep is kept."""

from __future__ import annotations

import pytest

from flows.about_you import PREFER_NOT, about_value


@pytest.mark.parametrize(
    ("text", "band"),
    [
        ("32", "30to34"),
        ("30-34", "30to34"),
        ("30 to 34", "30to34"),
        ("thirty two", "30to34"),
        ("٣٢", "30to34"),
        ("im 19", "under20"),
        ("4", "30to34"),
        ("7", PREFER_NOT),
    ],
)
def test_her_age_as_she_writes_it_becomes_its_band(text: str, band: str) -> None:
    assert about_value("age", text) == band


@pytest.mark.parametrize("text", ["25-35", "old enough", "200"])
def test_an_age_that_is_not_clear_is_not_guessed(text: str) -> None:
    assert about_value("age", text) is None


@pytest.mark.parametrize("text", ["ME7 5NY", "me7 4", "ME7 5N", "me7", "me75ny"])
def test_only_the_district_of_her_postcode_is_kept(text: str) -> None:
    assert about_value("postcode", text) == "ME7"


def test_zero_at_the_postcode_means_she_would_rather_not_say() -> None:
    assert about_value("postcode", "0") == PREFER_NOT
