"""Where: the common-noun site of the event ('a crowded mosque', 'the main bus station'),
read from the parse: the place an event verb or noun happens in or at ('exploded inside a
mosque', 'a gunbattle at the hotel'), the object of an attack ('gunmen stormed a guesthouse',
'shelling hit a market'), or the thing that collapsed or burned. Named sites ('Olembe
stadium') are places.py's; this finds the unnamed ones: those of the first story sentence
that names one (later site nouns are mostly parts of it: 'the prayer hall', 'the ticket hall')."""

from __future__ import annotations

import re

from ..brief import Place
from .background import is_background
from .entities import occurrences
from .sentences import Sentence

# singular site nouns: where an attack, a blast or a collapse happens
_SITE = re.compile(
    r"(?:market|bazaar|marketplace|mosque|church|cathedral|temple|synagogue|shrine|school|madrasa|college|university"
    r"|hotel|guesthouse|hostel|restaurant|cafe|café|bar|nightclub|club|mall|supermarket|shop|store|bakery"
    r"|station|terminal|airport|stadium|court|courthouse|prison|jail|barracks|checkpoint|compound|camp"
    r"|building|factory|plant|mine|warehouse|depot|refinery|bridge|square|pool|park|embassy|consulate"
    r"|headquarters|hall|theatre|theater|cinema|bank|office|complex|centre|center|tower|house|home|hospital"
    r"|clinic|port|harbou?r|pier|wharf|dam|site|venue|base|outpost|garrison)",
)
# too plain alone: a house, a park or a home is a site only with a word that says which
_NEEDS_MODIFIER = {"house", "home", "park", "hall", "complex", "centre", "center", "site", "office", "plant", "pool",
                   "base"}  # fmt: skip
# where the wounded are treated: a site of the event only when attacked itself
_CARE = {"hospital", "clinic"}
_LOCATIVE = {"at", "in", "inside", "outside", "near", "through", "into", "on", "beside", "behind", "within"}
_EVENT_WORD = re.compile(
    r"(?:explo\w+|blew|blown|blast\w*|detonat\w+|bomb\w*|attack\w*|storm\w*|raid\w*|shell\w*|struck|strike\w*|hit"
    r"|kill\w*|wound\w*|injur\w*|hurt|collaps\w+|burn\w*|blaze|fire|tore|torn|ripped|gunbattle|gunfight|firefight"
    r"|clash\w*|shoot\w*|shot|gunned|stabb\w+|stampede|crush|assault\w*|airstrike|massacre|siege|trapped|targeted"
    r"|ambush\w*|rocked|destroyed|damaged|incident|happened|occurred|erupted|crash\w*|riot\w*|mutin\w+|brawl\w*"
    r"|died|die|dies)",
)
# the object or subject of these is the site itself ('stormed a guesthouse', 'a building collapsed')
_ATTACK_ON = re.compile(
    r"(?:storm\w*|raid\w*|attack\w*|bomb\w*|shell\w*|struck|strike\w*|hit|target\w*|rocked|torch\w*|destroy\w*"
    r"|damag\w+|flatten\w*|collaps\w+|burn\w*|gutted)",
)
_DEVICE = re.compile(r"(?:bombs?|explosives?|device|gunm[ae]n|fire)")
_SUBJECT_OF = re.compile(r"(?:collaps\w+|burn\w*|caught|exploded|caved)")
# words that describe the moment, not the site ('a crowded mosque', 'the main bus station')
_TRANSIENT = re.compile(
    r"(?i:crowded|busy|packed|bustling|popular|main|local|nearby|small|large|big|huge|makeshift|major|key"
    r"|same|other|another|only|first|second|third|this|that|its|their|his|her)",
)


def event_sites(text: str, sentences: list[Sentence], docs: dict, places: list[Place]) -> list[Place]:
    """The unnamed sites of the event, one per site noun, none of a noun a named place of the
    brief already ends in ('Olembe stadium' is the stadium), none in a background sentence."""
    heads = {place.name.split()[-1].lower() for place in places}
    if any(_a_named_site(place) for place in places):
        return []  # the named site ('the Kesto Textiles building') is the one a generic noun ('a factory') restates
    found: dict[str, str] = {}
    for sentence in sentences:
        if found:
            break  # later site nouns are mostly parts of the first ('the prayer hall') or the same
        doc = docs.get(sentence.start)
        if doc is None or is_background(sentence.text):
            continue
        for token in doc:
            noun = token.text.lower()
            if token.tag_ not in ("NN",) or not _SITE.fullmatch(noun) or noun in heads or noun in found:
                continue
            name = _site_name(token)
            if name is None or (noun in _NEEDS_MODIFIER and " " not in name):
                continue
            if _attacked(token) or (noun not in _CARE and _where_it_happened(token)):
                found[noun] = name
    sites = []
    for name in found.values():
        if name.lower() in {place.name.lower() for place in places}:
            continue
        spans = occurrences(text, [name], sentences)
        if spans:
            sites.append(Place(name=name, type="site", mentions=spans))
    return sites


def _a_named_site(place: Place) -> bool:
    """'the Kesto Textiles building': a proper name with a site noun, not a hospital."""
    last = place.name.split()[-1].lower()
    return place.type == "site" and place.name[:1].isupper() and bool(_SITE.fullmatch(last)) and last not in _CARE


def _site_name(token) -> str | None:
    """The noun with the words that say which site it is ('bus station', 'seven-storey building',
    'indoor swimming pool'), without those that only describe it; None for a site with a
    name ('Kabul guesthouse', 'the WFP compound' are a named place's)."""
    if token.lower_ != "headquarters" and any(_of_a_name(child) for child in token.rights):
        return None  # 'the port of Osk': the place named, with the noun as its alias (a district's offices are a site)
    words = [child for child in token.lefts if child.dep_ in ("amod", "compound", "nmod", "npadvmod")]
    start = token
    for child in reversed(words):
        left = child.left_edge
        if any(t.text[:1].isupper() for t in child.subtree):
            return None
        if any(t.text.isdigit() for t in child.subtree):
            break
        if token.i - left.i > 4:
            break
        start = left
    doc = token.doc
    tokens = list(doc[start.i : token.i + 1])
    while len(tokens) > 1 and (_TRANSIENT.fullmatch(tokens[0].text) or tokens[0].dep_ in ("det", "poss", "punct")):
        tokens = tokens[1:]
    end = token.i + 1
    if end < len(doc) and doc[end].text == "building":  # 'a hotel building' (parsed as a verb)
        end += 1
    crossed = next((c for c in token.rights if c.dep_ == "prep" and c.lower_ in ("over", "across")), None)
    crossed = crossed if token.lower_ == "bridge" else None
    if crossed is not None and any(t.pos_ == "PROPN" for t in crossed.subtree):
        end = crossed.right_edge.i + 1  # 'the bridge over the River Osk': the river says which bridge
    return doc[tokens[0].i : end].text


def _of_a_name(child) -> bool:
    """'of Osk' after a site noun: a proper name the noun belongs to."""
    return (
        child.dep_ == "prep"
        and child.lower_ == "of"
        and any(grand.dep_ == "pobj" and grand.pos_ == "PROPN" for grand in child.children)
    )


def _attacked(token) -> bool:
    """'gunmen stormed a guesthouse', 'the market was shelled', 'a building collapsed'."""
    head = token.head
    if token.dep_ in ("dobj", "nsubjpass") and head.pos_ == "VERB":
        return bool(_ATTACK_ON.fullmatch(head.text.lower()))
    if token.dep_ == "nsubj" and head.pos_ == "VERB":
        return bool(_SUBJECT_OF.fullmatch(head.text.lower()))
    return False


def _where_it_happened(token) -> bool:
    """'exploded inside a mosque', 'a gunbattle at the hotel', 'injured by a roof falling in a
    pool': the site is in or at something an event word governs (up to three links up)."""
    if token.dep_ != "pobj" or token.head.text.lower() not in _LOCATIVE:
        return False
    node = token.head.head
    for _ in range(3):
        if _eventful(node):
            return True
        if node.dep_ not in ("pobj", "pcomp", "prep") or node.head is node:
            return False
        node = node.head
    return False


def _eventful(node) -> bool:
    """An event word, or a verb whose subject or object is one ('triggered a gunbattle', 'a bomb
    went off')."""
    if _EVENT_WORD.fullmatch(node.text.lower()):
        return True
    if node.pos_ in ("VERB", "AUX"):
        return any(_names_the_event(child) for child in node.children)
    return False


def _names_the_event(child) -> bool:
    word = child.text.lower()
    if child.dep_ == "nsubj" and _DEVICE.fullmatch(word):
        return True
    return child.dep_ in ("nsubj", "nsubjpass", "dobj") and bool(_EVENT_WORD.fullmatch(word))
