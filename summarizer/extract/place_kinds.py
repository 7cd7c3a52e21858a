"""Where: types the words around a place's name state that the general place nouns do not
('the X area of Y', 'X, a cafe in ...', 'the island of X', 'villages, including X', 'Lake X'),
and names that are a vessel's, not a place's ('the ship X', 'the HMS X')."""

from __future__ import annotations

import re

# 'the Orvani area of Tessaly': a part of a settlement
_AREA_OF = re.compile(r"\s+area\s+of\s+(?:the\s+)?[A-Z]")
# 'the island of X': a large island, a region (a small one is written 'X Island')
_ISLAND_OF = re.compile(r"\b(?:island|islands)\s+of\s+$", re.IGNORECASE)
# 'X, a popular cafe in ...': a building or venue in apposition
_SITE_NOUNS = (
    r"cafe|café|restaurant|hotel|bar|nightclub|club|shop|store|supermarket|mall|cinema|theatre|theater|stadium"
    r"|church|mosque|temple|shrine|synagogue|school|college|university|hospital|clinic|factory|plant|mine"
    r"|warehouse|prison|jail|barracks|compound|airport|station|market|bazaar|office|building|tower|embassy"
)
_SITE_APPOSITIVE = re.compile(rf",\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,2}}?(?:{_SITE_NOUNS})\b", re.IGNORECASE)
# 'several remote villages, including X, Y and Z'
_NAME = r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?"
_PLURAL_KIND = {"villages": "village", "towns": "town", "cities": "city", "districts": "district",
                "provinces": "province", "neighbourhoods": "neighbourhood"}  # fmt: skip
_PLURAL_INCLUDING = re.compile(
    rf"\b({'|'.join(_PLURAL_KIND)}),?\s+(?:including|such\s+as|among\s+them)\s+(?:{_NAME},\s*)*(?:{_NAME},?\s+and\s+)?$",
    re.IGNORECASE,
)
_LAKE = re.compile(r"(?:Lake|Lac|Loch)\s+[A-Z]|.+\sLake$")


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
        return "neighbourhood"
    if _ISLAND_OF.search(before):
        return "region"
    if _SITE_APPOSITIVE.match(after):
        return "site"
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
