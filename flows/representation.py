"""Who we heard from, set against local births: shares, ratios with their uncertainty, plain words.

Pure arithmetic on counts the database has already added up; no I/O. A group's *representation ratio*
is its share of the women who answered divided by its share of local births (1 means heard from in
proportion; below 1, under-heard). Its uncertainty is the Wilson score interval of the heard-from share,
divided by the births share. No share or ratio is computed from fewer than 5 answers, nor for a group of
fewer than 5 women (``flows.small_numbers``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from flows.small_numbers import enough, safe_count, safe_share

#: the "about you" dimensions a site's births are described by, and how each is named
DIMENSIONS = {
    "ethnicity": "Ethnic group",
    "age": "Mother's age",
    "language": "Main language",
    "imd": "Deprivation (IMD quintile)",
}
#: 2021 census ethnic groups (the high-level five), as she is asked them
ETHNIC_GROUPS = {
    "asian": "Asian or Asian British",
    "black": "Black, Black British, Caribbean or African",
    "mixed": "Mixed or multiple groups",
    "white": "White",
    "other": "Another group",
}
#: how a group is said in a sentence ("2 Black women")
ETHNIC_WORDS = {"asian": "Asian", "black": "Black", "mixed": "mixed-heritage", "white": "White", "other": ""}
AGE_BANDS = {
    "under20": "Under 20",
    "20to24": "20 to 24",
    "25to29": "25 to 29",
    "30to34": "30 to 34",
    "35to39": "35 to 39",
    "40plus": "40 or over",
}
IMD_QUINTILES = {
    "1": "Quintile 1 (most deprived fifth)",
    "2": "Quintile 2",
    "3": "Quintile 3",
    "4": "Quintile 4",
    "5": "Quintile 5 (least deprived fifth)",
}
#: a ratio whose whole interval lies below this is "under-heard"
UNDER = 1.0
#: with nobody under-heard beyond doubt, a group below this ratio is still named as heard from least
NOTABLY = 0.8
Z95 = 1.959964


def wilson(successes: int, total: int, z: float = Z95) -> tuple[float, float]:
    """The Wilson score interval for a proportion (95 % by default)."""
    if total <= 0:
        return 0.0, 1.0
    p = successes / total
    denominator = 1 + z * z / total
    centre = (p + z * z / (2 * total)) / denominator
    half = z * math.sqrt(p * (1 - p) / total + z * z / (4 * total * total)) / denominator
    return max(0.0, centre - half), min(1.0, centre + half)


@dataclass(frozen=True)
class Group:
    """One group of one dimension: whom we heard from against births."""

    key: str
    label: str
    #: women who answered and are in this group (None: fewer than 5, not shown)
    heard: int | None
    #: the group's share of those who answered (None: not computed, too few)
    share: float | None
    #: the group's share of local births (None: no births figure for it)
    births_share: float | None
    ratio: float | None
    low: float | None
    high: float | None
    #: women we would have heard from had we heard in proportion to births
    expected: float | None
    #: the whole 95 % interval lies below 1 (under-heard) or above 1 (over-heard); judged from the true
    #: count even when that count is too small to show, so only "under-heard" is said, never the count
    under_heard: bool = False
    over_heard: bool = False
    #: the order "least heard" is told in (the ratio, kept for ranking only, never shown when hidden)
    rank: float = 1.0


@dataclass(frozen=True)
class Dimension:
    key: str
    label: str
    answered: int
    groups: tuple[Group, ...]

    @property
    def enough(self) -> bool:
        return enough(self.answered)


def compare(key: str, labels: dict[str, str], heard: dict[str, int], births: dict[str, float]) -> Dimension:
    """Each group's share of the women who answered against its share of births.

    ``heard`` counts answers per group (any group outside ``labels`` is counted as answered only);
    ``births`` may be counts or shares, it is scaled to shares here.
    """
    answered = sum(heard.values())
    total_births = sum(value for value in births.values() if value > 0)
    groups = []
    for group, label in labels.items():
        count = heard.get(group, 0)
        births_share = births.get(group, 0.0) / total_births if total_births > 0 else None
        share = safe_share(count, answered)
        ratio = low = high = expected = None
        under = over = False
        rank = 1.0
        if enough(answered) and births_share:
            expected = answered * births_share
            lower, upper = wilson(count, answered)
            rank = (count / answered) / births_share
            under, over = upper / births_share < UNDER, lower / births_share > UNDER
            if safe_count(count) is not None:
                ratio, low, high = rank, lower / births_share, upper / births_share
        groups.append(
            Group(
                group,
                label,
                safe_count(count),
                share,
                births_share,
                ratio,
                low,
                high,
                expected,
                under,
                over,
                rank,
            )
        )
    return Dimension(key, DIMENSIONS.get(key, key), answered, tuple(groups))


def least_heard(dimension: Dimension, limit: int = 2) -> list[Group]:
    """The groups heard from least against births: those under-heard beyond doubt (lowest ratio first);
    failing any, the one heard from least if it is well under (ratio below ``NOTABLY``)."""
    found = [group for group in dimension.groups if group.expected is not None and group.expected >= 1]
    found.sort(key=lambda group: group.rank)
    certain = [group for group in found if group.under_heard]
    if certain:
        return certain[:limit]
    return [group for group in found if group.rank < NOTABLY][:1]


def sentence(dimension: Dimension, period: str = "this quarter") -> str:
    """One plain sentence naming the groups heard from least ("We heard from …; about 9 would match …")."""
    if not dimension.enough:
        return f"Too few women told us about themselves {period} to compare with local births."
    groups = least_heard(dimension)
    if not groups:
        return (
            f"{period.capitalize()} we heard from every group about as often as local births would suggest."
        )
    first, *rest = groups
    said = f"We heard from {_heard(dimension.key, first)} {period}; {_about(first)} would match local births."
    for group in rest:
        said += f" And {_heard(dimension.key, group)}, where {_about(group)} would."
    return said


def _who(key: str, group: Group) -> str:
    if key == "ethnicity":
        word = ETHNIC_WORDS.get(group.key, "")
        return f"{word} women" if word else "women of another ethnic group"
    if key == "age":
        return f"mothers aged {group.label.lower()}"
    if key == "imd":
        return f"women from IMD quintile {group.key} areas"
    return f"women whose main language is {group.label}"


def _heard(key: str, group: Group) -> str:
    heard = "fewer than 5" if group.heard is None else str(group.heard)
    return f"{heard} {_who(key, group)}"


def _about(group: Group) -> str:
    return f"about {round(group.expected or 0)}"
