"""Her "about you" answers taken as people write them: a menu number, her age in digits of any script or
in words ("32", "30-34", "thirty two", "٣٢") as its band, a postcode whole or in part reduced to its
district. Pure; imports only ``flows.catalog`` and ``flows.commands`` (text folding and menu numbers).
"""

from __future__ import annotations

import re
import unicodedata

from flows.catalog import normalise
from flows.commands import number

#: the menus, in the order she sees them; a number one past the last is "prefer not to say"
ETHNICITY = ("asian", "black", "mixed", "white", "other")
AGE = ("under20", "20to24", "25to29", "30to34", "35to39", "40plus")
DISABILITY = ("yes", "no")
PREFER_NOT = "prefer_not"
#: her postcode as people write it: whole ("ME7 5NY"), with only part of the second half ("ME7 4",
#: "ME7 5N") or just the district ("me7"); only the district is ever kept.
POSTCODE_DISTRICT = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)(?:\s*[0-9][A-Z]{2}|\s+[0-9][A-Z]?)?$")
#: each age band's first and last age (40 or over ends at 120)
AGE_RANGES = ((0, 19), (20, 24), (25, 29), (30, 34), (35, 39), (40, 120))
#: an age written as a number is at least this; below it, a number is the menu's
YOUNGEST_AGE = 12
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60}
UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
TEENS = {
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}


def about_value(field: str, text: str) -> str | None:
    """Her answer to one "about you" question, ``PREFER_NOT``, or None when it is not an answer."""
    menus = {"ethnicity": ETHNICITY, "age": AGE, "disability": DISABILITY}
    chosen = number(text)
    if field in menus:
        options = menus[field]
        if chosen is not None and 1 <= chosen <= len(options):
            return options[chosen - 1]
        if chosen == len(options) + 1:
            return PREFER_NOT
        return age_band(text) if field == "age" else None
    if chosen == 0:
        return PREFER_NOT
    if field == "postcode":
        found = POSTCODE_DISTRICT.match(normalise(text).upper())
        return found.group(1) if found else None
    stripped = text.strip()
    return stripped[:60] if stripped else None


def age_band(text: str) -> str | None:
    """Her age as she wrote it ("32", "30-34", "30 to 34", "thirty two", "٣٢") as its band, if clear."""
    ages = _ages(text)
    if not ages or not all(YOUNGEST_AGE <= age <= AGE_RANGES[-1][1] for age in ages):
        return None
    bands = {
        next(key for key, (low, high) in zip(AGE, AGE_RANGES, strict=True) if low <= age <= high)
        for age in ages
    }
    return bands.pop() if len(bands) == 1 else None


def _ages(text: str) -> list[int]:
    """The numbers in her answer: digits in any script, or English number words."""
    folded = normalise(text)
    digits = re.findall(r"\d+", folded)
    if digits:
        return [int("".join(str(unicodedata.digit(char)) for char in run)) for run in digits]
    words = re.findall(r"[a-z]+", folded)
    ages: list[int] = []
    for word in words:
        if word in TENS:
            ages.append(TENS[word])
        elif word in UNITS and ages and ages[-1] % 10 == 0 and ages[-1] >= TENS["twenty"]:
            ages[-1] += UNITS[word]
        elif word in TEENS:
            ages.append(TEENS[word])
        elif word not in ("to", "and", "or", "years", "year", "old", "i", "am", "im", "m"):
            return []
    return ages
