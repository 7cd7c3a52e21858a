"""Where: a place's name in its full extent where NER cuts it ('Bergen' of 'Bergen op Zoom',
'St. Mary's' of 'St. Mary's General Hospital') or leaves it out ('Lindell High School',
'Mount Orvan'): the mentions places.py reads, with the longer names added."""

from __future__ import annotations

import re

from .names import INSTITUTION, ORG_WORD, UPPER, EntityMention
from .sentences import Sentence, _is_title_case

# lower-case particles inside a place's name ('Bergen op Zoom', 'Castel di Sangro', 'Rio de
# Janeiro', 'Newcastle upon Tyne'); not 'on' or 'in' ('Osk on Monday', 'Osk in Tarnia')
_PARTICLES = r"op|di|de|del|della|dei|da|do|dos|das|du|des|la|le|les|los|sur|sous|am|an|der|aan|den|van|von|upon|y"
_WORD = rf"{UPPER}[\w'’-]+"
# a name over one or two of them, from its first word ('Velden aan den Rijs', 'Vila Nova da
# Serra', 'San Pedro de los Llanos'); not a lone 'an' or 'der'
_PARTICLE_NAME = re.compile(
    rf"{_WORD}(?:\s+{_WORD}){{0,3}}?(?:\s+(?!(?:an|der)\s+{UPPER})(?:{_PARTICLES})(?:\s+(?:{_PARTICLES}))?"
    rf"\s+{_WORD})+"
)
# where a name is a place's, whatever NER calls it
_PLACE_BEFORE = re.compile(
    r"\b(?:in|near|at|outside|(?:town|village|city|municipality|district|province|region)\s+of)\s+(?:the\s+)?$"
)
# 'Mont-sur-Varelle', 'Saint-Ober-le-Dorn', 'Stratford-upon-Avon': a hyphenated name with a
# lower-case particle inside is a settlement's, though NER misses it or calls it a region
_HYPHENATED = re.compile(
    rf"(?<![\w'’-]){UPPER}[\w'’]+(?:-{UPPER}[\w'’]+)*(?:-(?:sur|sous|le|la|les|de|du|des|en|lès|aux|au|am|upon"
    rf"|on|di|del|da)-{UPPER}[\w'’]+(?:-{UPPER}[\w'’]+)*)+(?![\w'’-])"
)
# a proper name with the noun of a building or a landmark that makes it a site's name ('Lindell
# High School', 'St. Mary's General Hospital', 'the Orvan Grand Mosque')
_FACILITY = (
    r"Hospital|School|College|Academy|Church|Cathedral|Chapel|Mosque|Temple|Monastery|Shrine|Synagogue"
    r"|Market|Bazaar|Stadium|Airport|Airfield|Hotel|Prison|Jail|Mall|Bridge|Mine|Clinic|Barracks|Refinery"
    r"|Factory|Plant|Camp|Square|Embassy|Consulate|Palace|Theatre|Theater|Cinema|Nightclub|Station|Terminal"
    r"|(?:Medical|Health|Trauma|Shopping|Trade|Community)\s+(?:Center|Centre)"
)
_FACILITY_NAME = re.compile(
    rf"(?:(?:St|Saint)\.?\s+)?{_WORD}(?:['’]s)?(?:\s+(?:{_WORD}|of|al-|el-)){{0,3}}?\s+(?:{_FACILITY})\b(?!['’-])"
)
# 'Mount Orvan', 'Mt. Orvan': a mountain, a place of its own type
MOUNT = re.compile(rf"\b(?:Mount|Mt\.?)\s+{_WORD}(?:\s+{_WORD})?")
# 'US drones', 'Tarnian jets': a country that names a foreign actor's arms or people, not a place
FOREIGN_ACTOR_AFTER = re.compile(
    r"\s+(?:drones?|drone\s+strikes?|jets|warplanes|fighter\s+jets|aircraft|helicopters|gunships|warships"
    r"|missiles|air\s*strikes|bombers|special\s+forces|marines|commandos|diplomats?|nationals|citizens"
    r"|contractors|envoys?)\b"
)
# 'Tarnia regards the group as ...': a country or a capital that speaks or judges is its government
_VOICE_AFTER = re.compile(
    r"\s+(?:has\s+|had\s+|have\s+)?(?:regard|say|said|accus|den|blam|condemn|warn|insist|demand|claim|consider"
    r"|reject|vow|threaten)(?:s|ed|ied|ies|e|y)?\b"
)
# 'peacekeepers from Tarnia': where a foreign contingent comes from, not where the event was
ACTORS_FROM = re.compile(
    r"\b(?:peacekeepers|troops|soldiers|contingents?|battalions?|units?|doctors|medics|experts|investigators"
    r"|volunteers|nationals|citizens|tourists|diplomats)\s+(?:sent\s+)?from\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# a photo's caption: 'Troops near Osk Hotel, Tarn, May 2, 2014.'
_CAPTION_DATE = re.compile(r",\s+[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4}\.?\s*$")
# the slot of a site of the event: where it happened or what was hit
_SITE_SLOT = re.compile(
    r"\b(?:at|in|inside|outside|near|on|into|within|stormed|attacked|hit|struck|targeted|bombed|raided|shelled"
    r"|torched|of|target\s+was|targets\s+were)\s+(?:the\s+)?$"
)
# where the wounded are treated: the event's site only when attacked
_CARE = re.compile(r"\b(?:Hospital|Clinic|(?:Medical|Health|Trauma)\s+(?:Center|Centre))$")
_ATTACK_BEFORE = re.compile(
    r"\b(?:storm|attack|hit|struck|target|bomb|raid|shell|torch|fire|blaze|explosion|blast)\w*\s+(?:on\s+|at\s+|in\s+)?"
    r"(?:the\s+)?$"
)


def full_names(text: str, mentions: list[EntityMention], sentences: list[Sentence]) -> list[EntityMention]:
    """`mentions` with each name that runs on over lower-case particles carried to its end,
    hyphenated names with a particle added (labelled 'PLACE'), and the names of sites and
    mountains in a site's slot of a story sentence added (labelled 'SITE')."""
    out, extended = [], []
    for mention in mentions:
        whole = _PARTICLE_NAME.match(text, mention.start)
        if whole and whole.end() > mention.end:
            label = mention.label
            if label in ("ORG", "PERSON") and _PLACE_BEFORE.search(text, max(0, mention.start - 40), mention.start):
                label = "GPE"  # 'in Lagos Verdes do Norte': NER's organisation is a place
            mention = EntityMention(whole.group(), mention.start, whole.end(), label)
            extended.append(mention)
        if not _a_common_phrase(text, mention):
            out.append(mention)
    out = [m for m in out if not any(_a_piece_of(m, e.start, e.end) for e in extended)]  # 'Norte' of the whole
    for sentence in sentences:
        for match in _HYPHENATED.finditer(text, sentence.start, sentence.end):
            start, end = match.span()
            out = [m for m in out if m.end <= start or m.start >= end]  # NER's piece or its 'LOC'
            out.append(EntityMention(match.group(), start, end, "PLACE"))
    matches = [
        match
        for sentence in sentences
        if not (_is_title_case(sentence.text) or _CAPTION_DATE.search(sentence.text))
        for pattern in (_FACILITY_NAME, MOUNT)
        for match in pattern.finditer(text, sentence.start, sentence.end)
    ]
    for match in matches:
        start, end = match.span()
        if start > 0 and re.match(r"[\w'’.-]", text[start - 1]):
            continue  # the end of a longer word
        owner = re.match(r"(.+?)['’]s\s", match.group())
        if owner and not re.match(r"(?:St|Saint)\b", owner.group()):
            start += owner.end()  # "Osk's Republic Square": the square, in Osk
        out = [m for m in out if not _a_piece_of(m, start, end)]  # 'St. Mary' of 'St. Mary's Hospital'
        before = text[max(0, match.start() - 25) : match.start()]
        if not _SITE_SLOT.search(before) or "\n" in match.group():
            continue
        if _CARE.search(match.group()) and not _ATTACK_BEFORE.search(before):
            continue  # 'treated at Osk General Hospital'
        out = [m for m in out if (m.start, m.end) != (start, end)]  # NER's 'ORG' for the same name
        out.append(EntityMention(text[start:end], start, end, "SITE"))
    return out


def _a_piece_of(mention: EntityMention, start: int, end: int) -> bool:
    """A name inside a site's name, not its whole ('St. Mary' of "St. Mary's General Hospital")."""
    return start <= mention.start and mention.end <= end and (mention.start, mention.end) != (start, end)


def site_kind(mention: EntityMention) -> str | None:
    """'other' for a mountain, 'site' for a site's name read here, whatever its words say
    ('Central Hospital' is no central region)."""
    if MOUNT.fullmatch(mention.text):
        return "other"
    return "site" if mention.label == "SITE" and re.search(rf"\b(?:{_FACILITY})$", mention.text) else None


# an event word and the preposition that places it ('exploded in', 'a house near', 'killed ... at')
_EVENT_IN = re.compile(
    r"\b(?:explo\w+|blast\w*|bomb\w*|attack\w*|raid\w*|shell\w*|struck|hit|kill\w*|wound\w*|injur\w*|clash\w*"
    r"|fight\w*|shot|shooting|gunfire|fire|landed|crashed|collapsed|flood\w*|storm\w*|ambush\w*|house|home"
    r"|market|village|town|camp|checkpoint)\s+(?:\w+\s+){0,2}?(?:in|near|at|outside)\s+$"
)

# what may follow a place's name at the end of its phrase ('in Osk on Monday', 'in Osk, killing')
_NAME_ENDS = re.compile(
    r"\s*(?:[,.;:)\n—–-]|$)|\s+(?:on|in|at|near|and|after|before|when|where|while|late|early|last|this|during"
    r"|overnight|killing|wounding|leaving)\b"
)

_DEMONYM_END = re.compile(r"(?:ans?|ese|ish|i|ic|s)$")


def in_an_events_slot(text: str, mention: EntityMention) -> bool:
    """'a rocket hit a house in Tovin', 'clashes near Osk': a name NER calls an organisation or
    a person, one or two plain capitalised words right after an event's 'in' or 'near', names
    the place it happened."""
    return (
        (mention.label in ("ORG", "PERSON") or (mention.label == "NORP" and not _DEMONYM_END.search(mention.text)))
        and bool(re.fullmatch(rf"{_WORD}(?:\s+(?:[a-z]{{1,4}}\s+)?{_WORD})?", mention.text))
        and not (ORG_WORD.search(mention.text) or INSTITUTION.search(mention.text))
        and bool(_EVENT_IN.search(text, max(0, mention.start - 45), mention.start))
        and bool(_NAME_ENDS.match(text, mention.end))
    )


def _a_common_phrase(text: str, mention: EntityMention) -> bool:
    """'Local radio station' at a sentence's start: a common word capitalised there, then lower-case
    words, is no site's name (the word is written lower-case elsewhere in the text, or the phrase
    describes the name after it: 'Local station Radio Osk reported')."""
    first = re.fullmatch(r"([A-Z][a-z]+)(?:\s+[a-z]+)+", mention.text)
    return bool(
        first
        and mention.label == "SITE"
        and (re.search(rf"\b{first.group(1).lower()}\b", text) or re.match(r" [A-Z]", text[mention.end :]))
    )


def a_governments_voice(text: str, mention: EntityMention) -> bool:
    """'US drones' (a country naming a foreign actor's arms), 'Tarnia accused the rebels' (a
    country or capital that speaks for its government): no place of the event at this mention;
    not after 'in' ('officials in Osk said')."""
    if FOREIGN_ACTOR_AFTER.match(text, mention.end):
        return True
    after_in = re.search(r"\b(?:in|at|of|from)\s+(?:the\s+)?$", text[max(0, mention.start - 10) : mention.start])
    return bool(_VOICE_AFTER.match(text, mention.end)) and not after_in


# 'Osk's mayor', 'the mayor of Osk': a municipality's head names the place he governs
_MAYOR_AFTER = re.compile(r"['’]s\s+(?:deputy\s+|acting\s+|former\s+)?mayor\b")
_MAYOR_BEFORE = re.compile(r"\b(?:deputy\s+|acting\s+)?[Mm]ayor\s+of\s+(?:the\s+)?$")


def a_mayors_town(text: str, mention: EntityMention) -> bool:
    """Is the name at the mention one a mayor governs ('Osk's mayor, Ana Vell', 'the mayor of
    Osk'), one or two plain capitalised words whatever NER calls them?"""
    return bool(
        re.fullmatch(rf"{_WORD}(?:\s+{_WORD})?", mention.text)
        and not (ORG_WORD.search(mention.text) or INSTITUTION.search(mention.text))
        and (
            _MAYOR_AFTER.match(text, mention.end)
            or _MAYOR_BEFORE.search(text, max(0, mention.start - 30), mention.start)
        )
    )
