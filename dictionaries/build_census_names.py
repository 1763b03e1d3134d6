"""Build built/census_names.tsv: the US census's given names and its frequent surnames.

    python dictionaries/build_census_names.py

Where a person's name stands (after a given name or a title: 'Philippe Troin', 'Mrs.
Hcnderson'), a token is a surname, and a reading of it must be one too: 'Troin' is no
'Train', 'Fimes' no 'Times', 'Bonci' no 'Bondi' (a beach), while 'Fishcr' is Fisher and
'Hcnderson' Henderson (`correction.surnames`). The gazetteer knows the people in the news, not
the surnames everyone has, nor every given name ('Lonnie', 'Clifton'). The 1990 US census
lists both with their shares of the population:
- `given`: every given name of its male or female list held by `GIVEN_MIN_PERCENT` of that
  sex or more (1,555 names: 'hubert' 0.039%; 'paris', 'columbus' and 'in' hold less),
- `surname`: every surname held by `SURNAME_MIN_PERCENT` of the population or more (7,500 of
  88,799: 'fisher' 0.077%, 'radcliff' 0.002%; 'train', 'times', 'kano' and 'bondi' hold less).

The lists ship in the `names` package (pinned in the `build` extra); the engine reads only the
committed table.
"""

from __future__ import annotations

import sys
from pathlib import Path

if __package__ in (None, ""):  # run as `python dictionaries/build_census_names.py`
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import names

from dictionaries.build_channel import OUT, write

GIVEN_MIN_PERCENT = 0.01
"""The least share of one sex (in percent) a census given name holds to be listed."""
SURNAME_MIN_PERCENT = 0.002
"""The least share of the population (in percent) a census surname holds to be listed."""

CENSUS = Path(names.__file__).parent
"""The folder of the census lists inside the `names` package."""


def census_rows(file: str) -> list[tuple[str, float]]:
    """(name, percent of the population) of each row of a census list of the `names`
    package, lowercase."""
    rows = []
    for line in (CENSUS / file).read_text(encoding="ascii").splitlines():
        fields = line.split()
        if fields:
            rows.append((fields[0].lower(), float(fields[1])))
    return rows


def main() -> None:
    given = {name for file in ("dist.male.first", "dist.female.first")
             for name, percent in census_rows(file) if percent >= GIVEN_MIN_PERCENT}
    surnames = {name for name, percent in census_rows("dist.all.last")
                if percent >= SURNAME_MIN_PERCENT}
    write(OUT / "census_names.tsv", [
        "# Given names of the 1990 US census held by 0.01% of either sex or more, and its",
        "# surnames held by 0.002% of the population or more. Made by",
        "# dictionaries/build_census_names.py from the census",
        "# lists of the `names` package 0.3.0 (public domain data; the package is MIT).",
        "name\tkind",
    ], sorted([(name, "given") for name in given] + [(name, "surname") for name in surnames]))


if __name__ == "__main__":
    main()
