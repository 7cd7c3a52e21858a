"""What kind of source a cited source is (state media, monitor, UN, NGO, witness, military,
official, government, media, armed group, other): from the words of its name first, then
from the words around it in its sentence."""

from __future__ import annotations

import re

from .source_words import KIN

SOURCE_TYPE_WORDS = [
    # the news agencies and broadcasters that states run (general knowledge, like a gazetteer)
    ("state_media", r"state[- ](?:run\s+)?(?:news\s+agency|media|television|tv|radio|broadcaster|news)"
     r"|official\s+news\s+agency|xinhua|\b(?:itar-)?tass\b|ria\s+novosti|\bkcna\b|\birna\b|\bsana\b"
     r"|\bwafa\b|\bmena\b|\bspa\b|\bqna\b|\bkuna\b|bernama|\bantara\b|\bcctv\b|press\s+tv"
     r"|\bptv\b|pakistan\s+television|associated\s+press\s+of\s+pakistan|anadolu|\bvna\b"
     r"|national\s+news\s+agency"),
    ("monitor", r"observatory|monitor\w*|watchdog|acled|airwars|casualty\s+count"),
    ("un", r"\bun\b|united\s+nations|unicef|unhcr|ocha|unrwa|world\s+health\s+organi[sz]ation"
     r"|world\s+food\s+program|\bwfp\b|\biom\b|organi[sz]ation\s+for\s+migration|\bundp\b|\bunfpa\b"
     r"|coordination\s+of\s+humanitarian|peacekeep|\bu\.\s?n\.|(?-i:\bUN[A-Z]{2,4}\b|MONUSCO|MINUS[A-Z]+|\bWHO\b)"),
    ("ngo", r"red\s+cross|red\s+crescent|amnesty|human\s+rights|rights\s+group|doctors\s+without"
     r"|médecins|\bmsf\b|charity|foundation|\bngos?\b|relief|\baid\s+(?:groups?|agenc|organi[sz]ations?)"
     # the naming formula of defenders' groups: 'Committee to Protect X', 'League for the Defence of Y'
     r"|\b(?:committee|society|league|association|alliance|council|campaign|network)\s+(?:to|for)\s+"
     r"(?:the\s+)?(?:protect|defen[cds])"
     # bodies of citizens or of medical workers ('civil society groups', 'the Medics Coalition')
     r"|civil\s+society|humanitarian|\bmedics\b|doctors['’]?\s+(?:group|committee|union|syndicate|association)"),
    ("witness", r"witness\w*|\bresidents?\b|survivors?|\blocals\b|villagers?|eyewitness\w*|\belders?\b"
     r"|\bneighbou?rs\b"),
    ("military", r"\barmy\b|military|armed\s+forces|air\s+force|\bnavy\b|-led\s+coalition|border\s+guards?\b"
     r"|defen[cs]e\s+forces|idf|command\b|\bnato\b"
     r"|chiefs\s+of\s+staff|\b(?:colonel|col\.|lieutenant|lt\.|brigadier|brig\.|major\s+general"
     r"|(?<!-)general\s+(?!hospital)(?-i:[A-Z])|admiral|sergeant|sgt\.)"),
    # police and authorities who report are 'official' (a spokesperson for an authority)
    ("official", r"spokes\w*|official|\bsecurity\s+sources?\b|commander|minister\b|governor|mayor|chief|director(?!ate)"
     r"|\bpolice\b|authorities|head\s+of|president\b|prime\s+minister|prosecutor|commissioner|secretary\b"
     r"|chair(?:man|woman|person)\b|administrator|superintendent|inspector\b|councill?or\b|\bcollector\b"
     r"|gendarm\w*|national\s+guard|fire\s?(?:fighters?|m[ae]n)\b|fire\s+(?:departments?|brigades?|services?)\b"),
    ("government", r"ministry|government|interior|defen[cs]e|cabinet|presidency"
     r"|civil\s+defen[cs]e|administration|(?<!news\s)agency|department|authority"
     r"|secretariat|directorate|inspectorate|survey\b|weather|(?<!news\s)service\b|corps\b|cent(?:er|re)\b"
     r"|institute|embassy|consulate|railways?|coast\s+guard|emergency|disaster|civil\s+protection|office\b"),
    ("media", r"\btv\b|television|news|times|post|jazeera|reuters|afp|associated\s+press|\bap\b"
     r"|bbc|cnn|radio|\bfm\b|newspaper|daily|channel|news\s+agency|mayadeen|press|journal|media"
     r"|reporter|correspondent|\breports\b|\w\.(?:com|net|org|info)\b"),
    ("group", r"militia|rebels?|insurgents|movement|front|brigade|army\s+of|faction"),
]  # fmt: skip
_SOURCE_TYPE = [(name, re.compile(pattern, re.IGNORECASE)) for name, pattern in SOURCE_TYPE_WORDS]
_WITNESS = dict(_SOURCE_TYPE)["witness"]


# whom a source speaks to says nothing of what it is ('the Taliban told journalists')
_AUDIENCE = re.compile(
    r"\b(?:told|telling|tell|briefed|briefing|speaking\s+to|talking\s+to|in\s+an\s+interview\s+with)\s+"
    r"(?:a\s+group\s+of\s+|local\s+|foreign\s+)?"
    r"(?:reporters|journalists|the\s+(?:press|media|news\s+media)|[\w.]+\s+(?:television|radio|media)"
    r"|(?:a|the)\s+(?:news|press)\s+(?:conference|briefing)"
    # 'Speaking to Varnia News, the governor said': an outlet named as the audience
    r"|(?-i:(?:the\s+)?[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*)*)(?=\s*[,.;]|\s+(?:that|on|by|in)\b))",
    re.IGNORECASE,
)


# a private person: an age after the name ('Ana Ruiz, 34,') or a civilian noun beside it
# ('farmer Ana Ruiz', 'one protester, Ana Ruiz', 'Ana Ruiz, a mother of two')
_CIVILIAN = (
    r"(?:farmer|trader|student|elder|protester|demonstrator|shopkeeper|vendor|mother|father|passer-by"
    r"|bystander|passenger|neighbou?r|relative|resident|villager|survivor|fisherman|eyewitness|witness)"
)
# the office of a person named right after it, in apposition
_TITLE_BEFORE = re.compile(
    r"((?:\b[A-Z][\w'’&.-]*\s+)*\b(?:officials?|spokes(?:man|woman|person)|chief|head|director|commander"
    r"|representative)\s+(?:of|for|with|at)\s+(?:the\s+)?[^,;:()\"“”]{1,60}"
    # 'the regional governor of Osk province, Ana Ruiz,': an office of state, whatever follows it
    r"|\b(?:governor|mayor|minister|collector|commissioner|administrator|prefect)"
    r"(?:\s+(?:of|for|in)\s+[^,;:()\"“”]{1,60})?),\s*$"
)
_PRIVATE_BEFORE = re.compile(rf"\b{_CIVILIAN},?\s+$", re.IGNORECASE)
_PRIVATE_AFTER = re.compile(rf"^,\s*(?:\d{{1,2}}\s*(?:[,.;)]|$)|(?:a|an)\s+(?:[\w-]+\s+)?{_CIVILIAN}\b)", re.IGNORECASE)
# people of a hospital speak for no authority ('the director of the city hospital, Ana Ruiz')
_MEDICAL = re.compile(r"\bhospital|\bclinic\b|\bmedical\s+director", re.IGNORECASE)
_AUTHORITY = re.compile(r"ministry|minister|government|police|official|authorit|governor|mayor", re.IGNORECASE)
_ARMED_SPEAKER = re.compile(
    r"\b(?:rebel|militant|insurgent|jihadist|guerrilla|militia|separatist)s?['’]?\s+(?:group\s+)?"
    r"(?:spokes(?:man|woman|person)|commander|leader)\b",
    re.IGNORECASE,
)
# 'X said on its radio station': a broadcaster of the source's own
_OWN_CHANNEL = re.compile(
    r"\b(?:on|in|via|through|over)\s+(?:its|their)\s+(?:own\s+)?(?:[\w-]+\s+){0,2}"
    r"(?:radio|television|tv|channel|station)\b",
    re.IGNORECASE,
)
# 'X, Hamas' military wing,': the armed branch of a movement is an armed group, not an army
_ARMED_WING = re.compile(
    r"\b(?:armed|military)\s+wing\b|\b(?:its|their)\s+(?:fighters|militants|gunmen|combatants|mujahideen)\b",
    re.IGNORECASE,
)
_BODY_TITLE = re.compile(
    r"((?:(?!(?:A|An|The)\s)[A-Z][\w'’-]*\s)+)(?:military\s+)?(?:commander|spokes(?:man|woman|person)|leader)\b"
    r"|\b(?:commander|spokes(?:man|woman|person)|leader)s?\s+(?:of|for|with)\s+the\s+"
    r"(?:armed\s+|militant\s+|rebel\s+)?(group|movement|militia|rebels|insurgents|insurgency|faction)\b"
)


def _speaks_for_a_group(description: str) -> bool:
    """'a Tarn Front commander', 'a commander of the group': the body the person speaks or
    commands for is an armed group by its own words."""
    match = _BODY_TITLE.search(description)
    if match is None:
        return False
    return bool(match.group(2)) or next(
        (kind == "group" for kind, pattern in _SOURCE_TYPE if pattern.search(match.group(1))), False
    )


_OPPOSITION_SPEAKER = re.compile(
    r"\bopposition(?:\s+party)?\s+(?:spokes(?:man|woman|person)|leader|official)\b"
    r"|\bspokes(?:man|woman|person)\s+for\s+the\s+(?:main\s+)?opposition\b",
    re.IGNORECASE,
)
_RELAYED_BY = re.compile(
    r"^,?\s+(?:(?:was|were|is|are)\s+)?(?:cited|quoted|carried|relayed)\s+by\b.*", re.IGNORECASE | re.DOTALL
)
_CIVIL_FORCE = re.compile(r"\b(?:police|fire\s+(?:brigade|service|department)|civil\s+protection)\b", re.I)
_RANK = re.compile(r"\b(?:colonel|col\.|lieutenant|lt\.|major\b|captain|capt\.|sergeant|sgt\.)", re.IGNORECASE)


_UNNAMED_SOURCE = re.compile(r"^(?:(?:an?|the|one)\s+)?(?:[a-z][\w-]*\s+){0,2}sources?$")
_KIN_SOURCE = re.compile(rf"^(?:(?:his|her|their|the)\s+)?(?:[a-z][\w-]*\s+)?(?:{'|'.join(sorted(KIN))})$")


# a body named by its last word as a state's: 'the state's relief and rehabilitation department'
_STATE_BODY = re.compile(r"\b(?:department|directorate|secretariat)$", re.IGNORECASE)
_BODY_NAME = re.compile(r"(?:\b(?:office|directorate|secretariat|bureau)$|^(?:the\s+)?office\s+of\b)", re.I)
_LIBERATION = re.compile(r"(?<!people's\s)(?<!people’s\s)\bliberation\s+(?:army|front|movement|tigers)\b", re.I)


# a ministry's own name: 'Ministry of X' or 'the X Ministry' (not 'a spokesman for the ministry')
_MINISTRY = re.compile(
    r"^(?:the\s+)?ministry\s+of\b|^(?:the\s+)?(?:(?!(?:of|for|with|at)\s)[\w'’.-]+\s+){0,4}ministry$", re.IGNORECASE
)


# who speaks for private people holds no office: 'a spokesman for the detained man', 'a family spokeswoman'
_PRIVATE_SPOKESPERSON = re.compile(
    rf"\b(?:(?:family|{'|'.join(sorted(KIN))})\s+spokes(?:man|woman|person)"
    r"|spokes(?:man|woman|person)\s+for\s+(?:the|his|her|their|a|an)\s+(?:[\w-]+\s+){0,2}"
    rf"(?:man|men|woman|women|suspects?|detainees?|accused|defendants?|prisoners?|victims?|{'|'.join(sorted(KIN))})"
    # 'a spokesman for the detained driver': a person held, taken or killed
    r"|spokes(?:man|woman|person)\s+for\s+(?:the|his|her|their|a|an)\s+(?:[\w-]+\s+)?"
    r"(?:detained|arrested|jailed|imprisoned|kidnapped|abducted|missing|dead|slain|accused)\s+[a-z]+)\b",
    re.IGNORECASE,
)


def _speaks_for_private_people(name: str, description: str) -> bool:
    """'a spokesman for the family', 'Ana Ruiz, a spokeswoman for the detained men,': the name
    or the description right before or after it says so."""
    if _PRIVATE_SPOKESPERSON.search(name):
        return True
    at = description.find(name)
    if at < 0:
        return False
    before, after = description[:at], description[at + len(name) :]
    if any(re.fullmatch(r",?\s+", before[m.end() :]) for m in _PRIVATE_SPOKESPERSON.finditer(before)):
        return True  # 'a family spokesman, Ana Ruiz,'
    apposed = re.match(r",\s+(?:a|an|the)\s+", after)  # 'Ana Ruiz, a spokeswoman for the family,'
    return bool(apposed and _PRIVATE_SPOKESPERSON.match(after, apposed.end()))


def source_type(name: str, description: str = "") -> str:
    if re.search(r"\bpart(?:y|ies)$", name, re.IGNORECASE):
        return "other"  # a political party (the corpus types opposition parties as other)
    if _speaks_for_private_people(name, description):
        return "other"
    if _LIBERATION.search(name):
        return "group"  # 'the Tarn Liberation Army': the naming formula of armed movements
    at = description.find(name)
    if at > 0 and re.search(r"\bopposition\s+$", description[:at], re.IGNORECASE):
        return "other"  # 'the opposition Tarn Front coalition': a party or bloc of parties, not an armed group
    if _ARMED_SPEAKER.search(name) or _speaks_for_a_group(name):
        return "group"  # 'a spokesman for the rebels'
    if _MEDICAL.search(name) and not _AUTHORITY.search(name) and not _WITNESS.search(name):
        return "other"  # 'a hospital spokeswoman', 'a source in the city hospital': no authority speaks
    if _MINISTRY.search(name) or (_STATE_BODY.search(name) and not _CIVIL_FORCE.search(name)):
        return "government"  # 'the Ministry of Disaster Relief', 'the relief department': a state's
    for kind, pattern in _SOURCE_TYPE:
        if pattern.search(name):
            if kind == "military" and _RANK.search(name) and _CIVIL_FORCE.search(description):
                return "official"  # 'a fire brigade spokesman, Lieutenant Colonel X': a civil force's rank
            if kind == "official" and _BODY_NAME.search(name):
                return "government"  # 'the provincial governor's office', 'Office of the Prime Minister'
            return kind
    if _UNNAMED_SOURCE.match(name) or _KIN_SOURCE.match(name):
        return "other"  # 'diplomatic sources', 'her family': no body of known kind
    from .entities import _looks_like_person  # entities reads names, which reads sources
    from .gazetteer import gazetteer_kind

    if gazetteer_kind(name) == "country":
        return "government"  # a state cited as a source ('Varnia said 40 were killed')
    description = _AUDIENCE.sub(" ", description)
    at = description.find(name)
    if at >= 0:  # 'a source cited by state media': the outlet that relays it does not type it
        description = description[: at + len(name)] + _RELAYED_BY.sub(" ", description[at + len(name) :], count=1)
    # 'X said on its radio station': its own channel does not make it an outlet
    description = _OWN_CHANNEL.sub(" ", description)
    if _ARMED_SPEAKER.search(description) or _speaks_for_a_group(description) or _ARMED_WING.search(description):
        return "group"  # 'a rebel spokesman, X,': who speaks for an armed group is cited as the group
    if _OPPOSITION_SPEAKER.search(description):
        return "other"  # 'opposition spokesman X': speaks for a party, not an authority
    if not re.search(r"[A-Z]", name):
        return "other"  # 'health workers' beside 'residents said': unnamed people are typed by their own words
    # 'Sutar, who heads the disaster agency, said': 'who' says a one-word name is a person's
    person = _looks_like_person(name) or bool(re.search(rf"\b{re.escape(name)},\s+who\b", description))
    at = description.find(name) if person else -1
    title = _TITLE_BEFORE.search(description[:at]) if at > 0 else None
    if title:  # 'the chief of the Interior Ministry, Ana Ruiz,': typed by the office she holds
        kind = source_type(title.group(1))
        return "official" if kind == "government" else kind  # a person who holds an office of a state body
    if at >= 0 and (_PRIVATE_BEFORE.search(description[:at]) or _PRIVATE_AFTER.match(description[at + len(name) :])):
        return "witness"
    kind = next((kind for kind, pattern in _SOURCE_TYPE if pattern.search(description)), "other")
    if kind == "military" and _CIVIL_FORCE.search(description) and _RANK.search(description):
        return "official"  # a police colonel speaks for the police, a fire brigade's for the brigade
    medical = person and kind in ("official", "government") and _MEDICAL.search(description)
    if medical and not _AUTHORITY.search(_MEDICAL.sub(" ", description)):
        return "other"
    if person and kind == "government":
        return "official"  # a person who speaks for a government body
    return kind
