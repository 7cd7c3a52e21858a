"""Figures: which number expressions count people, not a time, distance, sum of money,
date, age, label, number in code, or a toll that a newer one replaces."""

from __future__ import annotations

import re

from .numbers import NUMBER

# Numbers that measure something other than people: time, distance, money, dates, ordinals.
_NOT_PEOPLE_AFTER = re.compile(
    r"^\s*(?:-\s*|–\s*)?(years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centuries"
    r"|km|kilomet\w*|miles?|metres?|meters?|feet|%|per\s*cent|percent|am|pm|a\.m\.|p\.m\.|gmt"
    r"|dollars?|euros?|pounds|usd|\$|times|tons?|tonnes?|kg|st|nd|rd|th|o'clock|storeys?|floors?"
    r"|[ap]m\b|million\s+(dollars|euros)"
    # money
    r"|rupees?|taka|naira|shillings?|yuan|pesos?|soles|rand|dinars?|riyals?|lira|rubles?|roubles?"
    r"|francs?|cedis?|birr|kwacha|yen|baht|ringgit|rupiah|hryvnia|pounds?\s+sterling"
    # things and animals, not people
    r"|cattle|cows?|goats?|sheep|livestock|camels?|animals|homes?|houses?|buildings?|vehicles?|cars?"
    r"|villages?|hectares?|acres?|schools?|shops?|boats?|trucks?|tents?|kilograms?|litres?|liters?"
    r"|stalls?|kiosks?|stores?|businesses|properties|structures|dwellings|apartments|flats|huts|shacks"
    r"|rounds|shots|bullets|rockets?|missiles?|drones?|bombs?|shells|counts|charges"
    r"|districts|provinces|regions|towns|cities|countries|states|areas|sites|locations|hospitals|facilities"
    r"|(?:[\w-]+\s+)?(?:buildings?|homes|houses|storeys?|floors?|camps?|shelters|centres|centers|classrooms"
    r"|mosques|churches|bridges|roads|graves|aircraft|planes|helicopters|tanks|ambulances|buses|lorries|vessels|ships|trains|carriages|wagons)"
    # bodies of people, not people: 'fighting between two rival armed groups'
    r"|(?:(?!people\b|persons\b)[\w-]+\s+){0,2}(?:groups|factions|sides|parties|tribes|clans|gangs|militias"
    r"|communities|organi[sz]ations|movements|nations|teams|units|battalions|brigades))\b",
    re.IGNORECASE,
)
# Events and weapons are counted too ('in two separate blasts', 'four to seven artillery shells'),
# after up to two words that qualify them (not a preposition, a person or a casualty word)
_THINGS_AFTER = re.compile(
    r"^\s*(?:(?!(?:people|persons|in|at|on|of|from|and|or|by|during|with|were|was|are|is|who|killed|dead|died"
    r"|injured|wounded|missing)\b)[\w-]+\s+){0,2}(?:blasts|explosions|attacks|bombings|incidents|raids|air\s*strikes"
    r"|strikes|ambushes|shootings|clashes|battles|fires|blazes|earthquakes|quakes|aftershocks|tremors|storms|floods"
    r"|landslides|mudslides|eruptions|crashes|collisions|accidents|derailments|assaults|offensives|waves|salvos"
    r"|volleys|shells|mortars|grenades|devices|explosives|mines|landmines|projectiles|weapons|guns|rifles|IEDs)\b",
    re.IGNORECASE,
)
# 'four to seven', '12 and 15', '19, 23': the numbers after this one that it is listed or ranged with
_NUMBER_CHAIN = re.compile(rf"(?:\s*(?:,|\band\b|\bor\b|\bto\b|-|–)\s*(?:{NUMBER.pattern}))+", re.IGNORECASE)
_PERSON_NOUN = re.compile(
    r"^\s+(?:[\w-]+\s+)?(person|man|woman|child|boy|girl|soldier|officer|policeman|policewoman|civilian"
    r"|worker|student|journalist|farmer|resident|fighter|member|passenger|pilgrim|miner|migrant|inmate"
    r"|teacher|doctor|nurse|attacker|gunman|suspect|protester|demonstrator|tourist|villager|refugee)\b",
    re.IGNORECASE,
)
# Numbers that are ages, measures or labels: 'aged 27 and 33', 'magnitude 6.8', 'Pavilion 4'.
_NOT_PEOPLE_BEFORE = re.compile(
    r"(?:[#№]|\bno\.|\bpage|\bmagnitude|\blevel|\bcategory|\bgrade|\bphase|\broute|\bhighway|\bflight"
    r"|\broom|\bblock|\bpavilion|\bgate|\barticle|\bsection|\bchapter|\bkm|\bcell|\bward|\bbus"
    # 'aged 27 and 33', 'aged 19, 23 and 31', 'aged between 19 and 24'
    r"|\b(?:aged?|ages|age\s+of|in\s+age\s+from)\s+(?:between\s+)?(?:[\w-]+(?:,\s*|,?\s*(?:and|to|-|–)\s*)){0,6}"
    # 'a mother of three': her children
    r"|\b(?:mother|father|parent|grandmother|grandfather)\s+of\s+"
    # 'a town of about 20,000 people', 'a population of 5,000', 'home to 2 million': those who live there
    r"|\b(?:village|town|city|community|district|region|country|nation|island|province|county|settlement"
    r"|municipality|neighbou?rhood|capital|suburb|state)\s+of\s+(?:some\s+|about\s+|around\s+|roughly\s+"
    r"|nearly\s+|almost\s+|more\s+than\s+|over\s+|approximately\s+|an\s+estimated\s+)?"
    r"|\b(?:population|populace)\s+(?:of\s+)?(?:some\s+|about\s+|around\s+|roughly\s+|nearly\s+|almost\s+"
    r"|more\s+than\s+|over\s+|approximately\s+|an\s+estimated\s+)?|\bhome\s+to\s+(?:some\s+|about\s+|around\s+"
    r"|nearly\s+|more\s+than\s+|over\s+)?"
    # 'a boy of 15', 'a woman of about 60': an age
    r"|\b(?:boy|girl|man|woman|child|son|daughter|youth|teenager|teen|person)\s+of\s+(?:about\s+|around\s+)?)\s*$",
    re.IGNORECASE,
)
_MONTH = (
    r"(January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
)
_DATE_BEFORE = re.compile(rf"\b{_MONTH}\s*$|\b(on|since|in|by|from|until|of)\s+$", re.IGNORECASE)
_DATE_AFTER = re.compile(rf"^\s*{_MONTH}\b", re.IGNORECASE)


# Money ('$70 million'), and numbers inside code, JSON or templates rather than prose
# ('"count":999', '{{ 7*7 }}', '10**9'): never a count of people.
_CODE_OR_MONEY_BEFORE = re.compile(
    r"(?:(?:[$€£¥₹]|\b(?:Rs|USD|EUR|GBP|INR)\.?)\s*|\bUS\.?|[{\[=*/+^<>|\\]\s*|[\"']\s*:\s*"
    # a colon after a word and a space opens prose ('The toll: 23 dead'); a bare one is code
    r"|(?<![^\W\d_]):\s*|:)$"
)
_CODE_AFTER = re.compile(r"^\s*[}\]*/+^=<>|\\%]")


# A toll that a newer one replaces ('raising an earlier toll of 12', 'up from 25').
_SUPERSEDED_BEFORE = re.compile(
    r"(?:\b(?:earlier|previous|initial|preliminary|prior|old)\s+(?:death\s+)?(?:toll|figure|count|tally|estimate)"
    r"\s+(?:of\s+|at\s+)?|\b(?:up|down|revised|raised|rose|risen|increased|climbed)\s+from\s+(?:an?\s+)?"
    r"(?:earlier\s+|previous\s+|initial\s+)?(?:\w+\s+)?|\bfrom\s+(?:an?\s+|the\s+)?(?:earlier|previous|initial)"
    r"\s+(?:\w+\s+)?"
    # 'raising the toll from 12', 'bringing the death toll up from 30'
    r"|\b(?:raising|raised|bringing|brought|pushing|pushed|taking|took)\s+(?:the\s+)?(?:death\s+)?(?:toll|tally)"
    r"\s+(?:up\s+)?from\s+"
    # 'officials had initially reported 12 dead'
    r"|\b(?:initially|originally|first|previously)\s+(?:reported|said|put|gave|announced|counted)\s+(?:the\s+)?"
    r"(?:(?:death\s+)?toll\s+(?:at\s+)?)?"
    # 'the toll, which officials had put at 9 on Monday, rose to 23'
    r"|\b(?:which|that)\s+(?:[\w-]+\s+){0,3}had\s+(?:put|given|reported|estimated|placed)\s+(?:it\s+)?at\s+"
    # 'the directorate had put the figure at 11': the pluperfect gives a figure since revised
    r"|\bhad\s+(?:earlier\s+|initially\s+|previously\s+)?(?:put|placed)\s+the\s+(?:[\w-]+\s+)?"
    r"(?:toll|figure|tally|total|number)\s+at\s+)$",
    re.IGNORECASE,
)


# 'treated 90 patients, 12 of whom died': the part has its own toll
_OF_WHOM_DIED = re.compile(
    r"\s+of\s+whom\s+(?:later\s+|have\s+|had\s+|subsequently\s+)?(?:died|were\s+killed|have\s+died|had\s+died)\b",
    re.IGNORECASE,
)
# 'at four' with no toll word before it: a time ('the toll stood at four' is a count)
_CLOCK_BEFORE = re.compile(
    r"^(?!.*\b(?:toll|figure|number|count|total|tally|estimate|put|puts|stood|stands|placed|dead|killed|injured)\b)"
    r".*\bat\s+(?:about\s+|around\s+)?$",
    re.IGNORECASE,
)
# 'the number of people on board at about 90', 'the total aboard at 120'
_ON_BOARD_BEFORE = re.compile(
    r"\b(?:number|total|count)\s+(?:of\s+)?(?:[\w-]+\s+){0,2}(?:on\s+board|aboard)(?:\s+\w+){0,2}\s+(?:at|as)\s+"
    r"(?:(?:about|around|some|nearly|almost|more\s+than|over|at\s+least|roughly|approximately)\s+)?$",
    re.IGNORECASE,
)
# a noun for one person right before ', 34,'
_PERSON_BEFORE = re.compile(
    r"\b(?:[a-z]*(?:man|woman)|boy|girl|child|son|daughter|father|mother|wife|husband|[a-z]+(?:er|or|ist|ian|ant|ent))\s*,\s*$"
)
_RESCUED_BEFORE = re.compile(
    r"\b(?:rescued|rescuing|rescue|saved|saving|freed|freeing|released|releasing|winched|winching|airlifted|airlifting|plucked|plucking|pulled|pulling)\s+"
    r"(?:(?:at\s+least|more\s+than|about|around|some|nearly|over)\s+)?$",
    re.IGNORECASE,
)
# 'of the country's 28', 'of its': what a part is taken from
_PART_OF = re.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+|this\s+)?(?:[\w-]+['’]s?\s+)?(?:\d[\d,]*(?=\s))?")


# 'one was seriously wounded': a count, though no noun follows
_ONE_CASUALTY = re.compile(
    r"\s+(?:was|has\s+been|had\s+been)\s+(?:\w+ly\s+)?(?:killed|wounded|injured|hurt|arrested|detained|shot)\b",
    re.IGNORECASE,
)


# 'killed three of the insurgents and captured one': the object of a casualty verb, ending its clause
_ONE_AFTER_VERB = re.compile(
    r"\b(?:kill|wound|injur|arrest|captur|detain|abduct|kidnapp)(?:ed|ing)\s+(?:only\s+)?$", re.IGNORECASE
)
_ENDS = re.compile(r"\s*(?:[,.;]|and\b|$)")


def _is_people_count(text: str, start: int, end: int, expression: str) -> bool:
    after, before = text[end : end + 40], text[max(0, start - 30) : start]
    if _CODE_OR_MONEY_BEFORE.search(before) or _CODE_AFTER.match(after):
        return False
    if _SUPERSEDED_BEFORE.search(text[max(0, start - 45) : start]):
        return False
    if _NOT_PEOPLE_AFTER.match(after) or _DATE_AFTER.match(after) or _THINGS_AFTER.match(after):
        return False
    chain = _NUMBER_CHAIN.match(text, end, end + 80)
    listed_after = text[chain.end() : chain.end() + 40] if chain else ""
    if chain and (_NOT_PEOPLE_AFTER.match(listed_after) or _THINGS_AFTER.match(listed_after)):
        return False  # 'the victims, 12 and 15 years old': ages (or things) listed, not counts
    part = _PART_OF.match(text, end, end + 60)
    if part and _NOT_PEOPLE_AFTER.match(text[part.end() : part.end() + 40]):
        return False  # '14 of the country's 28 districts': a part of a count of places
    if re.fullmatch(r"(1[89]|20)\d\d", expression):
        return False  # a year
    if expression[:1].isdigit() and _DATE_BEFORE.search(before) and re.search(_MONTH, before):
        return False
    if expression.lower() == "one" and not (
        _PERSON_NOUN.match(after) or _ONE_CASUALTY.match(after) or _ONE_AFTER_VERB.search(before) and _ENDS.match(after)
    ):
        return False  # 'one of them', 'one said': a pronoun, not a count
    if re.match(r",?\s+of\s+(?:them|whom)\b", after) and re.search(r",\s*$", before) and not _OF_WHOM_DIED.match(after):
        return False  # '64 were in hospital, nine of them in intensive care': a part of the figure before
    if "." in expression and not re.search(r"thousand|million|billion", expression, re.IGNORECASE):
        return False  # people are not counted in fractions ('6.8', but '1.2 million' stays)
    if re.search(r"(?-i:[A-Z])[^\W\d_A-Z'’-]*(?:['’-][^\W\d_]+)*,\s*$", before) and re.match(
        r"\s*(?:[,;)]|\.(?:\s|$))", after
    ):
        return False  # 'Mohammed Ansari, 38, a driver', 'said Lucía Peña, 52.': an age
    if _ON_BOARD_BEFORE.search(text[max(0, start - 70) : start]):
        return False  # 'put the number of people on board at about 90': those aboard, not a toll
    if _CLOCK_BEFORE.search(before) and re.match(
        r"\s*(?:and\b|or\b|,|\.|;|in\s+the\s+(?:morning|afternoon|evening))", after
    ):
        return False  # 'he called me at four and said': a time of day, unless a toll is put 'at four'
    if re.fullmatch(r"0\d+", expression):
        return False  # 'Sector 04': a label, not a count
    if _PERSON_BEFORE.search(before) and re.match(r"\s*[,;)]", after) and expression.isdigit():
        return False  # 'a volunteer firefighter, 34, who': an age in apposition
    if _RESCUED_BEFORE.search(before) and not re.match(
        r"\s+(?:[\w-]+\s+)?(?:injured|wounded|hurt|bodies|dead)\b", after
    ):
        return False  # 'helicopters winched 23 people from rooftops': people saved, not a toll ('32 injured' is)
    return not _NOT_PEOPLE_BEFORE.search(before)


_AMONG = r"among\s+(?:the\s+)?(?:[\w-]+\s+)?(?:dead|injured|wounded|victims|casualties|killed|fatalities|bodies)"
# 'two women were among the dead', 'Among the dead were a child and two women'
_AMONG_AFTER = re.compile(rf"^[^.;:!?]{{0,70}}?\b(?:are|were|was|is)\s+(?:also\s+|reportedly\s+)?{_AMONG}\b", re.I)
_AMONG_BEFORE = re.compile(rf"\b{_AMONG}\s+(?:are|were|was|is)\b[^.;:!?]{{0,60}}$", re.IGNORECASE)
# 'including those of two women': bodies counted in the total before
_INCLUDING_THOSE = re.compile(r"\bincluding\s+(?:those|that)\s+of\s+$", re.IGNORECASE)


def is_a_part(text: str, sentence_start: int, sentence_end: int, start: int, end: int) -> bool:
    """Is the number at text[start:end] a part of a toll given as a whole elsewhere ('two
    women were among the dead', 'including those of two women')?"""
    before, after = text[max(sentence_start, start - 80) : start], text[end:sentence_end]
    return bool(_AMONG_AFTER.match(after) or _AMONG_BEFORE.search(before) or _INCLUDING_THOSE.search(before))
