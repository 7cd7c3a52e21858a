"""Names: places (spaCy NER, gazetteers, "the village of X") and the cues for actors' roles.

General patterns of English news prose, never a rule keyed to a particular story; every
candidate carries `[start, end)` offsets into the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .gazetteer import gazetteer_kind
from .numbers import parse_number
from .sentences import Sentence, parse_sentences
from .source_names import trim_name as _trim_name

# ---------------------------------------------------------------- places and actors

PLACE_NOUNS = [
    ("village", r"villages?|hamlet"),
    ("town", r"towns?"),
    ("city", r"city|cities|capital"),
    ("province", r"province|provinces|governorates?|states?|prefectures?|departments?"),
    ("district", r"districts?|county|counties|municipality|regency|countryside|suburb|sector|commune|upazila|zone"),
    ("neighbourhood", r"neighbou?rhoods?|quarter"),
    ("region", r"region|regions|coast|valley"),
    ("site", r"camp|checkpoint|airbase|base|market|mosque|hospital|school|field|square|bridge|port"),
]  # fmt: skip
_PLACE_NOUN = [(kind, re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE)) for kind, pattern in PLACE_NOUNS]


def place_type_from_context(before: str, after: str) -> str | None:
    """'the village of X' / 'X province' / 'the town of X' -> the type the text states."""
    # 'Osk, a village in ...': a settlement noun in apposition after the name
    appositive_after = re.match(r"^,\s+(?:a|an|the)\s+(?:[a-z]+\s+)?(\w+)\s+(?:in|of|on|near)\b", after)
    if appositive_after:
        for kind, pattern in _PLACE_NOUN:
            if kind != "site" and pattern.fullmatch(appositive_after.group(1)):
                return "city" if appositive_after.group(1).lower() == "capital" else kind
    after_match = re.match(r"^\s+(\w+)", after)
    if after_match:
        for kind, pattern in _PLACE_NOUN:
            # 'X market' names a site in X, not X itself; admin nouns after a name type it
            if kind not in ("site", "city") and pattern.fullmatch(after_match.group(1)):
                return kind
    # 'the capital, Osk': a settlement noun in apposition
    appositive = re.search(r"\b(capital|city|town|village),\s+$", before)
    if appositive:
        return "city" if appositive.group(1) == "capital" else appositive.group(1)
    before_match = re.search(r"(\S*)\s+(\w+)\s+(?:of|at)\s+$", " " + before)
    # 'the Karamu neighbourhood of Osk': the noun types the name before it, not Osk
    named_before = (
        before_match
        and before_match.group(1)[:1].isupper()
        # 'the Kesto town of Osk': a settlement of the division named before its noun
        and before_match.group(2).lower() not in ("town", "village", "city")
        # 'the Varnian town of Osk', 'the Black Sea town of Osk': an adjective or a feature, not a name
        and not re.search(
            r"(?:an|ean|ese|ish|i|ic)$|^(?:Sea|River|Coast|Lake|Valley|Gulf|Delta|Desert)$", before_match.group(1)
        )  # fmt: skip
    )
    if before_match and not named_before and before_match.group(2).lower() not in _NOT_A_KIND:
        for kind, pattern in _PLACE_NOUN:
            if pattern.fullmatch(before_match.group(2)):
                return kind
    return None


_NOT_A_KIND = ("capital", "outskirts", "centre", "center")


_ACTOR_MODIFIER = (
    r"(?:[A-Z][\w'’-]*|[a-z]+-[\w-]+|security|government|armed|local|foreign|former|unidentified|rebel"
    r"|opposition|state|military|police|regime|army|militia|islamist|jihadist|loyalist|masked|suicide"
    r"|suspected|allied|enemy|federal|national|special|riot|border|paramilitary|tribal|ethnic|young)"
)
ACTOR_NOUNS = re.compile(
    rf"\b((?:{_ACTOR_MODIFIER}\s+){{0,2}}(?i:forces|troops|army|police|militants?|gunmen|insurgents|rebels|fighters"
    r"|loyalists|supporters|militias?|soldiers|assailants|attackers|protesters|civilians|(?<=armed\s)men"
    r"|security\s+personnel|jihadists|separatists|extremists|bombers?|shooters?|guerrillas"
    r"|navy|coast\s+guard|gendarmes|gendarmerie"
    r"|remnants\s+of\s+the\s+(?:former|old|ousted|deposed)\s+(?:regime|government|army)))\b"
)

ATTACKER_WORDS = re.compile(
    r"gunmen|militants?|insurgents|assailants|attackers|bombers?|shooters?|jihadists|extremists"
    r"|loyalists|rebels|guerrillas|pro-\w+|separatists|wanted|militiam[ae]n|remnants|outlaw"
    r"|(?:armed|militant)\s+(?:supporters|men)",
    re.IGNORECASE,
)
AUTHORITY_WORDS = re.compile(
    r"security\s+forces|government|police|army|troops|authorities|ministry|president|minister"
    r"|soldiers|military|administration|interim|transitional|navy|coast\s+guard|gendarme",
    re.IGNORECASE,
)
VICTIM_WORDS = re.compile(r"civilians|residents|villagers|children|women|worshippers|passengers", re.I)


# ---------------------------------------------------------------- named entities


@dataclass(frozen=True)
class EntityMention:
    text: str
    start: int
    end: int
    label: str  # spaCy label (PERSON, ORG, GPE, LOC, FAC, NORP) or PATTERN


# a capital letter, Latin accented ones included ('Örnek', 'İzmit', 'Łódź')
UPPER = "[A-Z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.isupper()) + "]"
_PLACE_PATTERN = re.compile(
    r"\b(?:villages?|towns?|city|cities|provinces?|districts?|states?|prefectures|departments?|governorates?"
    r"|neighbou?rhood|regions?|camp|suburb)\s+of\s+"
    rf"((?:{UPPER}[\w'’-]+(?:\s+{UPPER}[\w'’-]+)*(?:,\s+|,?\s+and\s+)?)+)"
    rf"|\b((?:{UPPER}[\w'’-]+\s+){{1,2}})(?=(?:province|governorate|district|countryside|neighbou?rhood|county"
    r"|municipality|local\s+government\s+area)s?\b)"
)


_SITE_PATTERN = re.compile(
    r"\b((?:[A-Z][\w'’-]+\s+){1,3}(?:(?!(?:on|at|in|of|to|for|by|with|from|near|into|the|a|an|and|or)\s)[a-z]+\s+)?"
    r"(?:checkpoint|market|camp|bridge|square|street|road|avenue"
    r"|highway|hospital|mosque|church|school|prison|station|airport|port|stadium|barracks|base|mall|marketplace"
    r"|hotel|supermarket|factory))\b(?!s)"
)


def find_entities(text: str, sentences: list[Sentence], docs: dict | None = None) -> list[EntityMention]:
    """Names in the story sentences: NER when available, plus 'the village(s) of X, Y and Z'."""
    from .actor_names import qualifies_a_noun
    from .place_slots import place_slot, slot_mentions

    mentions: list[EntityMention] = []
    docs = parse_sentences(sentences) if docs is None else docs
    for sentence in sentences:
        if sentence.start in docs:
            doc = docs[sentence.start]
            for ent in doc.ents:
                label = place_slot(ent) or ("NORP" if qualifies_a_noun(ent[0]) and len(ent) == 1 else ent.label_)
                if label in ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"):
                    start = sentence.start + ent.start_char
                    start, end = _trim_name(text, start, sentence.start + ent.end_char)
                    if end <= start or "\n" in text[start:end]:
                        continue
                    # "Nairobi's Githurai": two names, each its own mention
                    for part_start, part_end in _owner_and_owned(text[start:end]):
                        piece_start, piece_end = _trim_name(text, start + part_start, start + part_end)
                        if piece_end > piece_start:
                            piece = text[piece_start:piece_end]
                            mentions.append(EntityMention(piece, piece_start, piece_end, label))
            mentions += slot_mentions(doc, sentence.start)
        # 'the largest American base': a nationality describing a site, not its name
        norp = (
            {sentence.start + e.start_char for e in docs[sentence.start].ents if e.label_ == "NORP"}
            if (sentence.start in docs)
            else set()
        )
        for match in _SITE_PATTERN.finditer(text, sentence.start, sentence.end):
            first = match.group(1).split()[0]
            if not (
                match.start(1) in norp
                or re.match(r"(The|A|An|In|At|On)$", first)
                or parse_number(first) is not None
                or re.search(
                    r"['’]|(?:ian|ese|ish)$", match.group(1).split()[-2] if len(match.group(1).split()) > 1 else ""
                )
                or re.search(r"(?:ian|ese|ish|i)$", first)
            ):
                mentions.append(EntityMention(match.group(1), match.start(1), match.end(1), "SITE"))
        for match in _PLACE_PATTERN.finditer(text, sentence.start, sentence.end):
            group = 1 if match.group(1) else 2
            for name in re.finditer(rf"{UPPER}[\w'’-]+(?:\s+{UPPER}[\w'’-]+)*", match.group(group)):
                start = match.start(group) + name.start()
                mentions.append(EntityMention(name.group(), start, start + len(name.group()), "PLACE"))
    return [part for mention in mentions for part in _split_possessive(text, mention)]


# collective nouns that own, in an organisation's own name, what follows them ("the People's
# Liberation Front", "the Workers' Party"): the name is one, not an owner and a place
_COLLECTIVE_OWNERS = frozenset(
    {"people", "peoples", "nation", "nations", "worker", "workers", "women", "children", "men", "youth", "citizens"}
)


def _possessives(name: str) -> list[re.Match]:
    """The possessive marks ("'s ") that split a name into an owner and what it owns."""
    return [
        m
        for m in re.finditer(r"['’]s\s+", name)
        if name[: m.start()].split()[-1:] != [] and name[: m.start()].split()[-1].lower() not in _COLLECTIVE_OWNERS
    ]


def _owner_and_owned(name: str) -> list[tuple[int, int]]:
    """ "Nairobi's Githurai": the spans of the owner and of what it owns, each a name."""
    spans, start = [], 0
    for mark in _possessives(name):
        spans.append((start, mark.start()))
        start = mark.end()
    return [*spans, (start, len(name))]


def _split_possessive(text: str, mention: EntityMention) -> list[EntityMention]:
    """'Kabul's Qarabagh district', 'Istanbul's main airport': the owner and the place it
    owns are two places, each its own mention."""
    marks = _possessives(mention.text)
    match = marks[0] if marks else None
    if not match or gazetteer_kind(mention.text.replace("’", "'")):  # "Cox's Bazar" is one place
        return [mention]
    parts = []
    for start, end in ((mention.start, mention.start + match.start()), (mention.start + match.end(), mention.end)):
        start, end = _trim_name(text, start, end)
        if end > start and re.match(r"[A-Z]", text[start:end]):
            parts.append(EntityMention(text[start:end], start, end, mention.label))
    return parts


# ---------------------------------------------------------------- cues for roles and names

ACRONYM_AFTER = re.compile(r"\s*\(([A-Z][A-Za-z]{1,9})\)")

SPOKESPERSON = re.compile(r"spokes(?:man|woman|person)", re.IGNORECASE)

BODY_AFTER = re.compile(r"spokes(?:man|woman|person)\s+(?:for|of|at)\s+(?:the\s+)?((?:[A-Z][\w'’-]*\s?)+)")

BODY_BEFORE = re.compile(r"((?:[A-Z][\w'’-]*\s)+)spokes(?:man|woman|person)\b")

# ranks, offices and courtesies written before a person's name
_TITLES = (
    r"(?:Minister|President|Governor|Spokesman|Spokeswoman|Spokesperson|Commander"
    r"|Mayor|Chief|General|Director|Secretary(?:-General)?|Officer|Colonel|Captain|Lieutenant|Sergeant|Inspector"
    r"|Commissioner|Major-General|Brigadier|Superintendent|Commodore|Admiral|Marshal|Senator|Judge"
    r"|Councill?or|Chairman|Chairwoman|Ambassador|Professor|Sheikh|Sir|Dame"
    r"|(?:Supt|Insp|Gen|Col|Lt|Maj|Capt|Sgt|Brig|Cdr|Cmdr|Dr|Prof|Mr|Mrs|Ms|Sen|Gov)\.?)"
)
TITLE_PREFIX = re.compile(rf"^(?:(?:[A-Z][\w.-]*\s+){{0,2}}{_TITLES}\s+)+(?=[A-Z][\w'’-]+\s+[A-Z])")
# 'Supt Paraka', 'Mr Lakane', 'Dr. Ruiz': a title before a surname alone, which refers back
# to the person named in full before
TITLED_SURNAME = re.compile(rf"^(?:{_TITLES}\s+)+((?:(?:al|el)-)?[A-Z][\w'’-]+)$")

MODIFIER_USE = re.compile(
    r"^(?:-based|-backed|-led|-aligned|-linked)|^\s+(?:sanctions|troops|officials|coastal|security"
    r"|forces|government|authorities|military|police|army|regime|embassy|airbase|soldiers|fighters|militants"
    r"|gunmen|commanders|leaders|installations|positions|lbs|pounds|dollars)\b"
)

INSTITUTION = re.compile(
    r"\b(Institute|University|Agency|Ministry|Observatory|Council|Committee|Organi[sz]ation|Office"
    r"|Court|Party|Front|Army|Forces|News|TV|Times|Post)\b"
)

TARGETED = re.compile(
    r"\b(attack(?:s|ed)?\s+(?:on|against)|target(?:ed|ing)|ambush(?:ed)?|assault(?:ed)?\s+on|against)\s+"
    r"(?:the\s+)?(?:[\w-]+\s+){0,2}(?:security|forces|troops|police|army|soldiers|checkpoints?|patrols?)",
    re.IGNORECASE,
)

TITLE = re.compile(
    r"\b(president|minister|official|commander|governor|mayor|general|spokes\w+|chief|leader|head|officer"
    r"|commissioner|chair(?:man|woman|person)?|inspector|superintendent|coroner|sheriff|prosecutor|administrator"
    r"|secretary|director|captain|colonel|sergeant|lieutenant|magistrate|judge)\b",
    re.IGNORECASE,
)

MEDIA_OR_ANALYST = re.compile(
    r"\b(fellow|analyst|expert|researcher|journalist|reporter|correspondent|director of \w+ (fm|tv|news))\b",
    re.I,
)

ORG_WORD = re.compile(
    r"\b(Police|Ministry|University|Cent(?:er|re)|Bureau|Service|Forces?|Army|Agency|Network|Archive|School"
    r"|Hospital|Council|Committee|Commission|Party|Front|Group|Association|Institute|Office|Department|Court"
    r"|Company|Corporation|Bank|News|TV|Television|Broadcasting|Times|Post|Press|Radio|Street|Road|Avenue|Square|Market|Camp|Station"
    r"|High|Valley|State|Gang|Brigade|Guard|Navy|Union|Church|Mosque|Club|Foundation|International"
    r"|Organi[sz]ation|Authority|Administration|Project|Programme|Program|Fund|Party|Movement)\b"
)

FORMER = re.compile(r"\b(ousted|deposed|toppled|former|late|exiled)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)

ARREST_BEFORE = re.compile(r"\b(arrest\w*|detain\w*|captur\w*|apprehend\w*|abduct\w*|kidnap\w*)\b", re.IGNORECASE)

ATTACKER_CUE = re.compile(r"\b(led by|known as|wanted|gunman|attacker|bomber|suspect(?:ed)?)\b", re.IGNORECASE)

CHARGED = re.compile(r"\b(charged\s+with|accused\s+of|suspected\s+of|suspects?)\b", re.IGNORECASE)

VICTIM_CUE = re.compile(r"\b(victims?|survivors?|identified|funeral|mourn\w*|buried|among\s+the)\b", re.IGNORECASE)

FORCE_NAME = re.compile(
    r"\b(Forces?|Army|Police|Guard|Navy|Brigades?|Militia|Front|Movement|Gang|Cartel|Battalion|Corps|Unit)\b"
)

STATE_NAME = re.compile(
    r"\b(National|(?:Armed|Defen[cs]e) Forces|Army|Police|Guard|Navy|Ministry|Federal|Government|Infantry|Division)\b"
)

ATTACK_VERB = re.compile(
    r"\b(attacked|ambushed|stormed|raided|targeted|bombed|shelled|struck|killed|abducted|kidnapped"
    r"|opened\s+fire\s+on|fired\s+on|clashed\s+with|fought)\b",
    re.IGNORECASE,
)

CLAIM = re.compile(r"\bclaim(?:ed|s)?\s+responsibility\b|\b(gang|militant|insurgent|rebel|jihadist)s?\b", re.I)
