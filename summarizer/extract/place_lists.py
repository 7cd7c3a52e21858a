"""Where: what the places found do together: of several countries, those where the event
happened; a type that a place takes from the places it is listed with; and the places that
are not the event's (only where someone spoke, only inside another place's name, a continent,
sea or river)."""

from __future__ import annotations

import re

from ..brief import Place
from .gazetteer import countries_of, country_code, gazetteer_kind, largest_population
from .sentences import Sentence


def event_countries(places: list[Place], sentences: list[Sentence]) -> list[Place]:
    """Of several countries an article names, those where the event happened: named in the
    first three story sentences (headline, lede and the next), or holding one of the event's
    other places. A country named only
    further down (a donor, a foreign force's home, an outlet's base) is background."""
    countries = [p for p in places if p.type == "country"]
    if len(countries) <= 1:
        return places
    lede_end = sentences[min(2, len(sentences) - 1)].end if sentences else 0
    held = {code for p in places if p.type != "country" for code in countries_of(p.name)}
    kept = [p for p in countries if any(start < lede_end for start, _ in p.mentions) or country_code(p.name) in held]
    return [p for p in places if p.type != "country" or p in kept or not kept]


# a city this large is not what news calls a district or a province
LARGE_CITY = 250_000
_LIST_GAP = re.compile(r"\s*,?\s+(and|or)\s+(?:neighbou?ring\s+|nearby\s+|adjacent\s+)?|\s*,\s*")


def type_from_partners(text: str, places: list[Place], stated: set[str]) -> None:
    """A place whose type the text does not state takes the type the text states for a place it
    is listed with: 'the village of Osk and neighbouring Tarn', 'with Osk, Tarn and Vell the worst
    hit ... six in Osk district' ('Osk, Kesto province' is a place in a division, not a list)."""
    spans = sorted(((start, end, place) for place in places for start, end in place.mentions), key=lambda s: s[:2])
    groups, current, listed = [], [], False
    for index, (start, _, place) in enumerate(spans):
        gap = _LIST_GAP.fullmatch(text, spans[index - 1][1], start) if current else None
        if current and not gap:
            groups.append((current, listed))
            current, listed = [], False
        current.append(place)
        listed = listed or bool(gap and gap.group(1))
    groups.append((current, listed))
    for members, is_list in groups:
        kinds = {p.type for p in members if p.name in stated and p.type not in ("country", "site", "other")}
        if is_list and not kinds:
            _counted_settlements(text, members)
        if not is_list or len(kinds) != 1:
            continue
        kind = next(iter(kinds))
        for place in members:
            # a large city stays a city when listed with a division ('in Osk and Tarn district');
            # a smaller town often names its district too ('Osk, Tarn and Vell ... in Osk district')
            large = (largest_population(place.name) or 0) >= LARGE_CITY
            settlement = large and kind in ("province", "district", "region")
            if place.name not in stated and place.type not in ("country", "site") and not settlement:
                place.type = kind


_COUNTS = {2: "two|both", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine", 10: "ten"}


def _counted_settlements(text: str, members: list[Place]) -> None:
    """'attacks on three villages ... struck Osk, Tarn and Vell': a list of as many names no
    gazetteer knows as the villages (or neighbourhoods) the text counts are those villages."""
    unknown = [p for p in members if p.type == "town" and gazetteer_kind(p.name) is None]
    if len(unknown) != len(members) or len({p.name for p in members}) not in _COUNTS:
        return
    count = len({p.name for p in members})
    counted = re.search(rf"\b(?i:{_COUNTS[count]}|{count})\s+(?:[a-z-]+\s+)?(villages|neighbou?rhoods)\b", text)
    if counted:
        for place in members:
            place.type = "village" if counted.group(1) == "villages" else "neighbourhood"


# where someone spoke, not where the event was ('the agency's spokeswoman said in Lisbon')
SPOKEN_IN = re.compile(
    r"\b(?:said|says|told\s+(?:reporters|journalists|\w+)|speaking|spoke|briefing|statement|conference)"
    r"(?:\s+on\s+[A-Z]\w+)?\s+in\s+$"
)


def only_in(place: Place, spans: list[tuple[int, int]]) -> bool:
    """Every mention of the place lies in one of these sentences."""
    return bool(place.mentions) and all(any(s <= start < e for s, e in spans) for start, _ in place.mentions)


# a continent, an ocean or sea, a river or a mountain range: where the event's places lie, or
# background ('the oldest railway in Africa', 'a tragedy in the central Mediterranean')
WIDE_FEATURE = re.compile(
    r"(?:(?:the\s+)?(?:(?:North|South|East|West|Central|Northern|Southern|Eastern|Western|Sub-Saharan)[\s-]+)?"
    r"(?:Africa|Europe|Asia|Eurasia|Oceania|Antarctica|Americas|Latin\s+America))"
    r"|(?:[A-Z][\w'’-]*\s+){0,2}(?:Ocean|Sea|River|Mountains)|River\s+[A-Z][\w'’-]*|Mediterranean|Atlantic|Pacific"
    r"|Andes|Alps|Himalayas?|Rockies|Sahara|Sahel"
)


def inside_another(place: Place, places: list[Place]) -> bool:
    """'Suq al-Khamis' written only inside 'the Suq al-Khamis market': part of that name."""
    return bool(place.mentions) and all(
        any(other is not place and s <= start and end <= e and (s, e) != (start, end) for other in places
            for s, e in other.mentions)
        for start, end in place.mentions
    )  # fmt: skip


def one_entry_per_country(places: list[Place]) -> list[Place]:
    """'Congo' and 'Democratic Republic of Congo', 'DR Congo' and 'Congo' in one story: one country,
    written by its longest name, the shorter ones its aliases (a name that ends the longer one, or one
    the gazetteer gives the same code)."""
    countries = sorted((p for p in places if p.type == "country"), key=lambda p: -len(p.name))
    dropped: set[int] = set()
    for index, short in enumerate(countries):
        for long in countries[:index]:
            if id(long) in dropped or id(short) in dropped:
                continue
            code = country_code(short.name)
            if long.name.endswith(" " + short.name) or (code is not None and code == country_code(long.name)):
                long.aliases = sorted({*long.aliases, short.name, *short.aliases} - {long.name})
                long.mentions = sorted({*map(tuple, long.mentions), *map(tuple, short.mentions)})
                dropped.add(id(short))
    return [p for p in places if id(p) not in dropped]
