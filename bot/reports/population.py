"""Births per site, and postcode districts' deprivation, read from CSV files of a documented format.

Births (``allvoices population import FILE``), one row per group, a header row first::

    site,dimension,group,births,source
    Medway Maritime Hospital,ethnicity,white,2690,"ONS Census 2021 TS021, Medway"

- ``site``: as in ``ALLVOICES_SITES``.
- ``dimension``: ``ethnicity`` (groups ``asian``, ``black``, ``mixed``, ``white``, ``other``: the 2021
  census high-level groups), ``age`` (mother's age: ``under20``, ``20to24``, ``25to29``, ``30to34``,
  ``35to39``, ``40plus``), ``language`` (main language: a code of ours such as ``en``, ``pl``, ``ur``, or
  ``other``) or ``imd`` (``1`` most deprived fifth … ``5`` least).
- ``births``: a number of births in a year (or any figure proportional to it, such as a percentage).
- ``source``: where the figure comes from; shown under every comparison.

A file replaces the dimensions it gives, for the sites it names; the rest stay as they were.

Postcode districts (``allvoices population import-imd FILE``)::

    district,quintile,source
    ME7,1,"MHCLG English Indices of Deprivation 2019 …"
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from flows.languages import BY_CODE
from flows.representation import AGE_BANDS, DIMENSIONS, ETHNIC_GROUPS, IMD_QUINTILES

BIRTHS_HEADER = ("site", "dimension", "group", "births", "source")
IMD_HEADER = ("district", "quintile", "source")
#: the groups each dimension may hold
GROUPS: dict[str, tuple[str, ...]] = {
    "ethnicity": tuple(ETHNIC_GROUPS),
    "age": tuple(AGE_BANDS),
    "language": (*BY_CODE, "other"),
    "imd": tuple(IMD_QUINTILES),
}


class BadFile(ValueError):
    """What is wrong with a file, with its line number: shown as it is."""


@dataclass(frozen=True)
class BirthsRow:
    site: str
    dimension: str
    group: str
    births: float
    source: str


def _rows(text: str, header: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    names = tuple((name or "").strip().lower() for name in reader.fieldnames or ())
    missing = [name for name in header if name not in names]
    if missing:
        raise BadFile(
            f"the first line must name the columns {', '.join(header)} (missing {', '.join(missing)})"
        )
    reader.fieldnames = list(names)
    return [
        (number, {key: (value or "").strip() for key, value in row.items() if key})
        for number, row in enumerate(reader, start=2)
    ]


def parse_births(text: str, sites: tuple[str, ...] | list[str]) -> list[BirthsRow]:
    found = []
    for line, row in _rows(text, BIRTHS_HEADER):
        if not any(row.values()):
            continue
        site, dimension, group = row["site"], row["dimension"].lower(), row["group"].lower()
        if site not in sites:
            raise BadFile(f"line {line}: {site!r} is not one of the sites ({'; '.join(sites)})")
        if dimension not in DIMENSIONS:
            raise BadFile(f"line {line}: dimension must be one of {', '.join(DIMENSIONS)}")
        if group not in GROUPS[dimension]:
            raise BadFile(f"line {line}: a {dimension} group is one of {', '.join(GROUPS[dimension])}")
        try:
            births = float(row["births"].replace(",", "").rstrip("%"))
        except ValueError:
            raise BadFile(f"line {line}: births must be a number") from None
        if not 0 <= births < 10**9:
            raise BadFile(f"line {line}: births must be 0 or more")
        found.append(BirthsRow(site, dimension, group, births, row["source"][:300]))
    if not found:
        raise BadFile("the file has no rows")
    return found


def parse_imd(text: str) -> list[tuple[str, int, str]]:
    found = []
    for line, row in _rows(text, IMD_HEADER):
        district = row["district"].upper().replace(" ", "")
        if not district:
            continue
        if not (2 <= len(district) <= 4 and district[0].isalpha() and district.isalnum()):
            raise BadFile(f"line {line}: {district!r} is not a postcode district like ME7")
        if row["quintile"] not in IMD_QUINTILES:
            raise BadFile(f"line {line}: quintile must be 1 (most deprived) to 5")
        found.append((district, int(row["quintile"]), row["source"][:300]))
    if not found:
        raise BadFile("the file has no rows")
    return found


def births_csv(site: str, rows: list[tuple[str, str, float, str]]) -> str:
    """A site's births written back in the same format (``population show``, the dashboard's download)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(BIRTHS_HEADER)
    for dimension, group, births, source in rows:
        writer.writerow((site, dimension, group, f"{births:g}", source))
    return out.getvalue()
