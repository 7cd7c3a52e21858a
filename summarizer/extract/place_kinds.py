"""Where: types the words around a place's name state that the general place nouns do not
('the X area of Y', 'X, a cafe in ...', 'the island of X', 'villages, including X', 'Lake X'),
and names that are a vessel's, not a place's ('the ship X', 'the HMS X')."""

from __future__ import annotations

import re

from .names import place_type_from_context

# 'the Orvani area of Tessaly': a part of a settlement
_AREA_OF = re.compile(r"\s+area\s+of\s+(?:the\s+)?[A-Z]")
# 'the Orvani area of Tessaly State': an area of a named division is the level below it
_AREA_OF_DIVISION = re.compile(
    r"\s+area\s+of\s+(?:the\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s+"
    r"(?i:(state|province|region|governorate|prefecture|district|county))\b"
)


def _area_of_a_division(text: str, end: int) -> str | None:
    """'the X area of Y State' is a district of the state; 'the X area of Y district' a town in it."""
    division = _AREA_OF_DIVISION.match(text, end)
    if not division:
        return None
    return "town" if division.group(1).lower() in ("district", "county") else "district"


# 'the Karamu neighbourhood of X': a settlement large enough to have named quarters
_QUARTER_OF = re.compile(r"\b[A-Z][\w'’-]+\s+(?:neighbou?rhood|quarter|suburb|area)\s+of\s+$")
# 'the island of X': a large island, a region (a small one is written 'X Island')
_ISLAND_OF = re.compile(r"\b(?:island|islands)\s+of\s+$", re.IGNORECASE)
# 'X, a popular cafe in ...': a building or venue in apposition
_SITE_NOUNS = (
    r"cafe|café|restaurant|hotel|bar|nightclub|club|shop|store|supermarket|mall|cinema|theatre|theater|stadium"
    r"|church|mosque|temple|shrine|synagogue|school|college|university|hospital|clinic|factory|plant|mine"
    r"|warehouse|prison|jail|barracks|compound|airport|station|market|bazaar|office|building|tower|embassy"
)
_SITE_APPOSITIVE = re.compile(rf",\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,2}}?(?:{_SITE_NOUNS})\b", re.IGNORECASE)
# 'Osk, a farming village some 40 km from ...': a settlement noun in apposition, then its
# description (not 'Osk, a village elder', whose noun describes a person)
_SETTLEMENT_APPOSITIVE = re.compile(
    r",\s+(?:a|an)\s+(?:[a-z-]+\s+){0,2}?(village|town|city|hamlet)(?=\s*[,.;]|\s+(?:in|of|on|near|some|about"
    r"|around|roughly|nearly|close|just|north|south|east|west|where|that|which|with|\d))"
)
# 'several remote villages, including X, Y and Z'
_NAME = r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?"
_PLURAL_KIND = {"villages": "village", "towns": "town", "cities": "city", "districts": "district",
                "provinces": "province", "neighbourhoods": "neighbourhood"}  # fmt: skip
_PLURAL_INCLUDING = re.compile(
    rf"\b({'|'.join(_PLURAL_KIND)}),?\s+(?:including|such\s+as|among\s+them|with|notably|especially)\s+(?:{_NAME},\s*)*(?:{_NAME},?\s+and\s+)?$",
    re.IGNORECASE,
)
_LAKE = re.compile(r"(?:Lake|Lac|Loch)\s+[A-Z].*|.+\sLake")


_VESSEL_BEFORE = re.compile(
    r"(?:\b(?:ship|vessel|ferry|boat|frigate|corvette|warship|tanker|freighter|submarine|destroyer|cruiser|yacht"
    r"|trawler|liner|steamer|cutter|carrier)(?:\s+named)?,?\s+(?:the\s+)?(?:[A-Z]{2,4}\s+)?"
    r"|\b(?:USS|HMS|ROKS|INS|MV|MS|SS|HMAS|HMCS|RFS|PNS|KRI|BRP)\s+)$"
)


def stated_by_phrase(text: str, start: int, end: int) -> str | None:
    """The type the phrase around the name at text[start:end] states, or None."""
    name, before, after = text[start:end], text[max(0, start - 120) : start], text[end : end + 60]
    if _LAKE.fullmatch(name):
        return "other"
    if _AREA_OF.match(after):
        return _area_of_a_division(text, end) or "neighbourhood"
    if _ISLAND_OF.search(before):
        return "region"
    if _SITE_APPOSITIVE.match(after):
        return "site"
    settlement = _SETTLEMENT_APPOSITIVE.match(after)
    if settlement:
        return settlement.group(1).lower().replace("hamlet", "village")
    if _QUARTERS_AFTER.match(after):
        return "neighbourhood"
    including = _PLURAL_INCLUDING.search(before)
    return _PLURAL_KIND[including.group(1).lower()] if including else None


def vessel_names(text: str, mentions) -> set[str]:
    """Names the text gives a ship ('the navy ship Dornia', 'a naval vessel, the ROKS Dornia')."""
    return {m.text for m in mentions if _VESSEL_BEFORE.search(text, max(0, m.start - 40), m.start)}


# the last word of a local body named after the place it serves ('X Metropolitan Police')
_LOCAL_BODY = re.compile(
    r"\s(?:Police|Fire|Department|Authority|Council|Municipality|Government|Administration|Command|Services?"
    r"|Brigade|Guard|Hospital)$"
)


def places_in_local_bodies(mentions, known) -> list:
    """For a story that names no place: the place a local body's name begins with ('X
    Metropolitan Police fired tear gas'), as a mention of its own. `known(name)` is the
    gazetteer's kind for a name, or None."""
    found = []
    for mention in mentions:
        if mention.label != "ORG" or not _LOCAL_BODY.search(mention.text):
            continue
        words = mention.text.split()
        for size in (2, 1):
            name = " ".join(words[:size])
            if size < len(words) and known(name):
                found.append(type(mention)(name, mention.start, mention.start + len(name), "PLACE"))
                break
    return found


# 'the X and Y informal settlements of the capital': the poor quarters of a city
_QUARTERS_AFTER = re.compile(
    rf"(?:(?:,|,?\s+and)\s+{_NAME})*\s+(?:informal\s+settlements?|slums?|shanty\s*towns?)\b", re.IGNORECASE
)
# 'SATARTIA, Miss. —': a state's abbreviation in a dateline
_DATELINE_STATE = re.compile(r"(?:^|\n)[A-Z][A-Z .'-]+,\s+$")


def quarter_named(text: str, start: int, end: int) -> bool:
    """Is the name at text[start:end] one of a city's quarters the words after it name ('the X
    and Y informal settlements'), whatever NER calls it?"""
    return bool(_QUARTERS_AFTER.match(text, end))


def dateline_abbreviation(text: str, start: int, end: int) -> bool:
    """'Miss.' in 'SATARTIA, Miss. —': an abbreviated state after a dateline's place."""
    abbreviated = "." in (text[end - 1 : end], text[end : end + 1])
    return abbreviated and end - start <= 6 and bool(_DATELINE_STATE.search(text, 0, start))


# 'Miyagi, Iwate and Tokyo prefectures', 'the states of Edo and Ondo': one noun types the list
_PLURAL = (r"(?i:(villages|towns|cities|provinces|states|prefectures|governorates|districts|counties|regencies"
           r"|municipalities|regions|neighbou?rhoods|quarters))\b")  # fmt: skip
_LIST_BEFORE_NOUN = re.compile(rf"(?:,\s*{_NAME})*,?\s+(?:and|&)\s+{_NAME}\s+{_PLURAL}")
_NOUN_BEFORE_LIST = re.compile(rf"\b{_PLURAL}\s+of\s+(?:{_NAME},\s*)*(?:{_NAME},?\s+and\s+)?$")


def stated_kind(text: str, start: int, end: int, before: str, after: str) -> str | None:
    """The type the text gives a name: by a noun next to it, by a plural noun of its list, or
    by its own last word."""
    return (
        _own_kind(text[start:end])
        or stated_by_phrase(text, start, end)
        or _container_of_a_settlement(after)
        or ("province" if _OWNS_A_DISTRICT.match(after) else None)
        or place_type_from_context(before, after)
        or _kind_of_a_list(text, start, end)
        or ("city" if _QUARTER_OF.search(text, max(0, start - 60), start) else None)
    )


# 'the Kesto town of Osk': the name before the noun is the larger division that holds the
# settlement named after 'of', not a settlement itself ('the Tarn district of Osk' is either way)
_SETTLEMENT_NAMED_AFTER = re.compile(r"\s+(?:town|village|city)\s+of\s+(?:the\s+)?[A-Z]")


# 'Kesto's Vell district': the name that owns a district is its province
_OWNS_A_DISTRICT = re.compile(r"['’]s\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s+(?:district|county|subdistrict)\b")


def _container_of_a_settlement(after: str) -> str | None:
    return "province" if _SETTLEMENT_NAMED_AFTER.match(after) else None


# 'Central Kesto', 'North Vell', 'Southern Tarnia': a compass word before a name
_COMPASS = re.compile(
    r"(?:North|South|East|West|Central|Upper|Lower|Northern|Southern|Eastern|Western"
    r"|North[- ]?(?:east|west|East|West)(?:ern)?|South[- ]?(?:east|west|East|West)(?:ern)?)"
    r"\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)"
)
# a compass word before a common noun of a land's part ('the West Bank', 'the South Island')
_LAND_PART = re.compile(r"(?:.+\s)?(?:Island|Islands|Coast|Bank|Highlands|Plains?|Frontier|Territory|Cape|Shore)")


def compass_kind(name: str, known: str | None, country: bool) -> str | None:
    """'Central Kesto' or 'North Vell', a name the gazetteer does not know as a town or a
    country: a part of a country named by its compass point, a province ('North Vell' is no
    town, though a 'North Vell village' is in it); a region when the rest is a country
    (`country`: the gazetteer knows the rest as one) or a land's part ('South Island')."""
    match = _COMPASS.fullmatch(name)
    if not match or known == "country" or (known and not _LAND_PART.fullmatch(match.group(1))):
        return None
    return "region" if country or _LAND_PART.fullmatch(match.group(1)) else "province"


def _own_kind(name: str) -> str | None:
    """'Osk County', 'Tarn Prefecture', 'Vell City': the name's last word types it."""
    last = re.search(r"\s([A-Za-z][a-z]+)$", name)  # 'Osk village' too, when NER takes the noun in
    if not last:
        return None
    if last.group(1) == "City":
        return "city"
    return place_type_from_context("", f" {last.group(1)}")


def _kind_of_a_list(text: str, start: int, end: int) -> str | None:
    """The type a plural noun gives every name of the list it closes or opens."""
    after = _LIST_BEFORE_NOUN.match(text, end)
    before = _NOUN_BEFORE_LIST.search(text[max(0, start - 80) : start])
    for match in (after, before):
        if match:  # 'the cities of Osk, Tarn and Vell' ('X city' after a name is no type, so not read)
            noun = match.group(1).lower()
            return {"cities": "city", "quarters": "neighbourhood"}.get(noun) or place_type_from_context("", f" {noun}")
    # 'the town's Osk and Tarn quarters': the last name of the list, right before the noun
    return "neighbourhood" if re.match(r"\s+(?:quarters|neighbou?rhoods)\b", text[end : end + 16]) else None


_LISTED_BEFORE = re.compile(rf"({_NAME})(?:,\s*|,?\s+(?:and|or)\s+)$")
_LISTED_AFTER = re.compile(rf"(?:,\s*|,?\s+(?:and|or)\s+)({_NAME})")


def listed_with_a_place(text: str, start: int, end: int, known) -> bool:
    """'Blantyre, Zomba and Mangochi': a name the gazetteer knows, listed next to another it
    knows, is a place whatever NER calls it (`known(name)`: the gazetteer's kind or None)."""
    before = _LISTED_BEFORE.search(text[max(0, start - 40) : start])
    after = _LISTED_AFTER.match(text, end)
    return any(match and known(match.group(1)) not in (None, "country") for match in (before, after))


_ACRONYM_AFTER = re.compile(r"\s*\(([A-Z]{3,8})\)")


def inside_an_organisations_name(text: str, start: int, end: int, organisation_ends: set[int]) -> bool:
    """Is the place name at text[start:end] the end of an organisation's name: right after a
    name NER calls an organisation ('the Kesto Front Vell Province claimed it'; in
    `organisation_ends`, the ends of those names), or closing a longer name that the acronym
    after it spells ('the Front in the Greater Vell (FGV)'; not 'Vell Republic (VR)' itself)?"""
    if start - 1 in organisation_ends and text[start - 1 : start] == " ":
        return True
    acronym = _ACRONYM_AFTER.match(text, end)
    if not acronym:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    words = re.findall(r"\b[A-Z][\w'’-]*", text[line_start:end])
    own = len(re.findall(r"\b[A-Z][\w'’-]*", text[start:end]))
    letters = acronym.group(1)
    return len(letters) > own and "".join(w[0] for w in words[-len(letters) :]) == letters


def stated_elsewhere(text: str, spans: list[tuple[int, int]]) -> str | None:
    """The type the text states at a mention NER left out ('remote villages, including Osk ...
    near Osk', 'curfew in the surrounding Osk territory'): a settlement or quarter by the phrase
    around it or a noun before it ('the town of'), a district by the noun of a second-level
    division right after it (not 'the Osk district hospital')."""
    for start, end in spans:
        before, after = text[max(0, start - 40) : start], text[end : end + 60]
        if _SECOND_LEVEL_AFTER.match(after):
            return "district"
        kind = stated_by_phrase(text, start, end) or place_type_from_context(before, after if after[:1] == "," else "")
        if kind in ("village", "town", "city", "neighbourhood"):
            return kind
    return None


# 'Osk regency', 'Osk territory', 'Osk local government area', then the phrase goes on
_SECOND_LEVEL_AFTER = re.compile(
    r"\s+(?:district|regency|territory|local\s+government\s+area|LGA)(?=\s*[,.;:)]|\s+(?:in|of|on|at|near|and|where"
    r"|which|that|since|said|was|were|has|had|is|are)\b)"
)
