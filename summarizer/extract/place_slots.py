"""Where: names in a place's slot of the parse, whatever NER calls them ('the X area', 'struck
X and Y', 'the capital, X'); find_entities (names.py) reads them."""

from __future__ import annotations

import re

from .gazetteer import gazetteer_kind
from .names import ORG_WORD, EntityMention

# lower-case nouns of an area that a name before them names ('the Ikoyi area', 'the Vorn region')
_AREA_HEADS = {"area", "region", "sector", "zone", "valley", "department", "township", "locality", "commune",
               "subdistrict", "municipality", "governorate", "prefecture", "province", "district",
               "county"}  # fmt: skip
_LOCATIVE_PREPS = {"in", "at", "near", "across", "around", "through", "into", "of", "outside", "inside", "throughout"}
_SETTLEMENT_HEADS = {"capital", "city", "town", "village"}
# the noun of a settlement set after a name it describes ('Osk, a village in Tarn district')
_CALLED_A_SETTLEMENT = {"village", "town", "city", "hamlet", "township", "settlement"}


def place_slot(ent) -> str | None:
    """'ORG' for a place's name set in apposition to a group's noun; 'GPE' for a name NER calls
    a person, an organisation or a nationality where the parse
    puts it in a place's slot: joined by 'and' to a place after 'in' or as an object ('struck
    Varna and Upper Kesto', 'in the village of Osk and neighbouring Tarn'), or named in
    apposition to a settlement noun ('in the capital, Osk'). None otherwise."""
    if ent.label_ in ("GPE", "LOC", "FAC", "PERSON", "ORG", "NORP") and _names_an_outlet_or_firm(ent):
        return "ORG"
    if ent.label_ in ("GPE", "LOC", "FAC"):
        return "ORG" if _names_a_group(ent) else None
    if ent.label_ not in ("PERSON", "ORG", "NORP", "PRODUCT") or ent.text.isupper() or ORG_WORD.search(ent.text):
        return None
    root = ent.root
    if ent.label_ == "PRODUCT" and _placed_bare(root):
        return "GPE"  # 'raids in Osk and its outskirts': no product is placed 'in' without an article
    if root.dep_ == "appos" and root.head.lower_ in _SETTLEMENT_HEADS:
        return "GPE"
    if any(child.dep_ == "appos" and child.lower_ in _CALLED_A_SETTLEMENT for child in root.children):
        return "GPE"  # 'stormed Osk, a farming village near the border' (not 'Ana Osk, a village elder')
    if root.dep_ != "conj":
        return None
    first = root.head
    while first.dep_ == "conj":
        first = first.head
    named_place = first.dep_ == "pobj" and first.head.lower_ == "of" and first.head.head.lower_ in _SETTLEMENT_HEADS
    if first.ent_type_ not in ("GPE", "LOC") and not named_place:
        return None
    if first.dep_ == "dobj" or (first.dep_ == "pobj" and first.head.lower_ in _LOCATIVE_PREPS):
        return "GPE"
    return None


def _placed_bare(root) -> bool:
    """A proper noun after 'in', 'near' or 'outside' with no article or modifier before it."""
    return (
        root.dep_ == "pobj"
        and root.pos_ == "PROPN"
        and root.head.lower_ in ("in", "near", "outside", "around")
        and not any(child.dep_ in ("det", "amod", "poss", "nummod") for child in root.children)
    )


# plural or singular nouns of an armed or organised group ('two rival gangs, X and Y')
_GROUP_HEADS = {"gang", "group", "militia", "faction", "tribe", "clan", "cartel", "party", "movement", "club",
                "team", "organisation", "organization", "outfit"}  # fmt: skip


def _names_a_group(ent) -> bool:
    """'two rival gangs, Los Tarnos and Los Vells': a name in apposition to a group's noun
    (or joined to one that is) names the group, whatever NER calls it."""
    node = ent.root
    while node.dep_ == "conj":
        node = node.head
    noun = node.head.lower_
    singular = {noun, noun[:-1], noun[:-3] + "y"} if noun.endswith("s") else {noun}  # 'gangs', 'parties'
    return node.dep_ == "appos" and bool(singular & _GROUP_HEADS)


# nouns of a publication, a broadcaster or a business: a name they describe is no place's
_OUTLET_OR_FIRM = {"newspaper", "paper", "daily", "weekly", "magazine", "tabloid", "journal", "broadcaster",
                   "publication", "outlet", "website", "company", "firm", "corporation", "conglomerate",
                   "manufacturer", "maker", "producer", "retailer", "brand", "operator", "utility"}  # fmt: skip


def _names_an_outlet_or_firm(ent) -> bool:
    """'the daily X', 'the weekly magazine X', 'X, a dairy company', 'the newspaper X': a name
    set in apposition to (or right after) a noun of a publication or a business."""
    root = ent.root
    if root.dep_ == "appos" and root.head.lower_ in _OUTLET_OR_FIRM:
        return True
    if any(child.dep_ == "appos" and child.lower_ in _OUTLET_OR_FIRM for child in root.children):
        return True
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    return before is not None and before.lower_ in _OUTLET_OR_FIRM and before.head.i == root.i


def named_before_an_area_noun(doc, offset: int) -> list[EntityMention]:
    """'the Ikoyi area', 'in the Vorn region', 'the Tesk sector': proper nouns compounded to a
    lower-case noun of an area name that area, whatever NER calls them."""
    found = []
    for token in doc:
        if token.lower_ not in _AREA_HEADS or not token.text.islower():
            continue
        # 'the Tarvon region': the parser may call the name an adjective's slot
        names = [child for child in token.lefts if child.dep_ in ("compound", "amod") and child.pos_ == "PROPN"]
        if not names or names[-1].i != token.i - 1:
            continue
        first = names[-1]
        while (
            first.i - 1 >= 0
            and doc[first.i - 1] in names
            or (first.i >= 1 and doc[first.i - 1].pos_ == "PROPN" and doc[first.i - 1].head == first)
        ):
            first = doc[first.i - 1]
        begin, end = doc[first.i].idx, doc[token.i - 1].idx + len(doc[token.i - 1])
        while begin > 0 and re.match(r"[\w'’-]", doc.text[begin - 1]):
            begin -= 1  # 'Al-Abidiya': one name, though the tokenizer splits it
        name = doc.text[begin:end]
        if not name[:1].isupper() or ORG_WORD.search(name) or name.isupper():
            continue
        mention = EntityMention(name, offset + begin, offset + end, "PLACE")
        if mention not in found:
            found.append(mention)
    return found


def slot_mentions(doc, offset: int) -> list[EntityMention]:
    """Names the parse puts in a place's slot that NER left out: before an area noun, and
    after 'in' or 'near' with a known division or country after a comma ('in Osk, Tarnia')."""
    return (
        named_before_an_area_noun(doc, offset)
        + _placed_in_a_division(doc, offset)
        + _named_settlements(doc, offset)
        + _after_a_site_noun(doc, offset)
        + _division_in_apposition(doc, offset)
        + _listed_after_places(doc, offset)
        + _airports(doc, offset)
    )


_AIRPORT_NOUNS = {"airport", "airfield", "airstrip"}


def _airports(doc, offset: int) -> list[EntityMention]:
    """'a drone struck Osk airport', 'near the Osk airfield': a proper noun compounded to a
    lower-case airport noun names the airport, a site, whatever NER calls the name (a town's
    name in -i reads to it as a nationality)."""
    found = []
    for token in doc:
        if token.lower_ not in _AIRPORT_NOUNS or not token.text.islower() or token.dep_ not in ("pobj", "dobj", "conj"):
            continue
        names = [c for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
        if not names or names[-1].i != token.i - 1:
            continue
        first = names[0]
        if first.is_sent_start or ORG_WORD.search(doc.text[first.idx : token.idx]) or first.text.isupper():
            continue
        begin, end = first.idx, token.idx + len(token)
        found.append(EntityMention(doc.text[begin:end], offset + begin, offset + end, "SITE"))
    return found


def _listed_after_places(doc, offset: int) -> list[EntityMention]:
    """'struck Osk, Tarn and Vell in Kesto district': a proper noun NER left out, joined by
    'and' to a list whose first name is struck or after 'in', and that NER calls a place."""
    found = []
    for token in doc:
        if token.dep_ != "conj" or token.pos_ != "PROPN" or token.ent_type_ or not token.text[:1].isupper():
            continue
        chain = [token.head]
        while chain[-1].dep_ == "conj" and len(chain) < 8:
            chain.append(chain[-1].head)
        first = chain[-1]
        placed = first.dep_ == "dobj" or (first.dep_ == "pobj" and first.head.lower_ in _LOCATIVE_PREPS)
        if not placed or not any(t.ent_type_ in ("GPE", "LOC") and t.pos_ == "PROPN" for t in chain):
            continue
        name = token
        while name.i - 1 > first.i and doc[name.i - 1].pos_ == "PROPN" and doc[name.i - 1].dep_ == "compound":
            name = doc[name.i - 1]
        begin, end = name.idx, token.idx + len(token)
        text = doc.text[begin:end]
        if not ORG_WORD.search(text) and not text.isupper():
            found.append(EntityMention(text, offset + begin, offset + end, "GPE"))
    return found


_DIVISION_NOUNS = {"state", "province", "region", "district", "county", "governorate", "prefecture", "department"}


def _division_in_apposition(doc, offset: int) -> list[EntityMention]:
    """'in Jos, Plateau State,': a name with a division's noun set in apposition to a place after
    'in' or 'near' names the division it lies in, though NER leaves it out."""
    found = []
    for token in doc:
        if token.lower_ not in _DIVISION_NOUNS or token.dep_ != "appos" or token.ent_type_ in ("GPE", "LOC"):
            continue
        place = token.head
        if place.pos_ != "PROPN" or place.dep_ != "pobj" or place.head.lower_ not in ("in", "near", "outside"):
            continue
        first = token
        while first.i - 1 > place.i and doc[first.i - 1].pos_ == "PROPN" and doc[first.i - 1].dep_ == "compound":
            first = doc[first.i - 1]
        if first is token or doc[first.i - 1].text != ",":
            continue
        begin, end = first.idx, token.idx + len(token)
        name = doc.text[begin:end]
        if not ORG_WORD.search(doc.text[begin : token.idx]) and not name.isupper():  # 'State' itself may be
            found.append(EntityMention(name, offset + begin, offset + end, "PLACE"))
    return found


# site nouns whose 'of' or 'in' names the settlement they are in ('the port of Osk', 'a market in Osk')
_SITE_HEADS = {"port", "station", "market", "harbour", "harbor", "airport", "outskirts", "centre", "center", "suburbs"}

_PLACE_OR_NUMBER = {"GPE", "LOC", "FAC", "DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"}


def _after_a_site_noun(doc, offset: int) -> list[EntityMention]:
    """'drones struck the port of Osk', 'a blast at a market in Osk': a proper noun NER left
    out, after 'of' or 'in' that a site noun governs, names a place."""
    found = []
    for token in doc:
        if token.dep_ != "pobj" or token.pos_ != "PROPN" or token.ent_type_ in _PLACE_OR_NUMBER:
            continue
        prep = token.head
        if prep.lower_ not in ("of", "in") or prep.head.lower_ not in _SITE_HEADS or token.is_sent_start:
            continue
        first = token
        while first.i > prep.i + 1 and doc[first.i - 1].pos_ == "PROPN" and doc[first.i - 1].dep_ == "compound":
            first = doc[first.i - 1]
        begin, end = first.idx, token.idx + len(token)
        name = doc.text[begin:end]
        if name[:1].isupper() and not ORG_WORD.search(name) and not name.isupper():
            found.append(EntityMention(name, offset + begin, offset + end, "GPE"))
    return found


_BUILDING_NOUNS = {"building", "buildings"}
# nouns of a settlement or a quarter that names before them name ('near Tolmip village', 'between
# Garzan Kalay and Tarni Banda villages', 'the Bawo and Kelmo quarters')
_SETTLEMENT_NOUNS = {"village", "villages", "quarter", "quarters", "neighbourhood", "neighbourhoods", "neighborhood",
                     "neighborhoods", "hamlet", "hamlets", *_BUILDING_NOUNS}  # fmt: skip


def _named_settlements(doc, offset: int) -> list[EntityMention]:
    found = []
    for token in doc:
        if token.lower_ not in _SETTLEMENT_NOUNS or not token.text.islower():
            continue
        firsts = [c for c in token.lefts if c.dep_ in ("compound", "nmod", "amod") and c.pos_ == "PROPN"]
        last = token.i - 1  # 'X and Y office buildings': a common noun may come between
        last -= token.lower_ in _BUILDING_NOUNS and doc[last].dep_ == "compound" and doc[last].pos_ == "NOUN"
        if not firsts or firsts[-1].i != last and not any(c.i == last for c in firsts[-1].conjuncts):
            continue
        building = token.lower_ in _BUILDING_NOUNS
        for name in [firsts[-1], *(c for c in firsts[-1].conjuncts if c.pos_ == "PROPN" and c.i < token.i)]:
            first = name
            while first.i > 0 and doc[first.i - 1].pos_ == "PROPN" and doc[first.i - 1].dep_ == "compound":
                first = doc[first.i - 1]
            begin, end = first.idx, name.idx + len(name)
            text = doc.text[begin:end]
            nationality = name.ent_type_ == "NORP" or re.search(r"(?:ian|ean|ese|ish)$", text)  # 'a Varnian building'
            if not text[:1].isupper() or first.is_sent_start or (not building and ORG_WORD.search(text)) or nationality:
                continue
            if building:  # 'the X Television and Y Corporation office buildings': the buildings are sites
                end = token.idx + len(token) if token.lower_ == "building" else end
                found.append(EntityMention(doc.text[begin:end], offset + begin, offset + end, "SITE"))
            elif not text.isupper():
                found.append(EntityMention(text, offset + begin, offset + end, "PLACE"))
    return found


def _placed_in_a_division(doc, offset: int) -> list[EntityMention]:
    found = []
    for token in doc:
        if token.dep_ != "pobj" or token.head.lower_ not in ("in", "near", "outside") or token.ent_type_:
            continue
        if token.pos_ != "PROPN" or not token.text[:1].isupper() or token.is_sent_start:
            continue
        after = doc[token.i + 1 : token.i + 2]
        division = next((e for e in doc.ents if after and e.start == token.i + 2), None)
        if not (after and after[0].text == "," and division is not None):
            continue
        if gazetteer_kind(division.text) not in ("province", "country"):
            continue
        first = token
        while first.i > 0 and doc[first.i - 1].dep_ == "compound" and doc[first.i - 1].pos_ == "PROPN":
            first = doc[first.i - 1]
        begin, end = first.idx, token.idx + len(token)
        found.append(EntityMention(doc.text[begin:end], offset + begin, offset + end, "GPE"))
    return found
