"""The nouns that head a cited source when it is not a proper name: the words a reporting
verb's subject must end in to be a source ('officials said', 'the ministry said'), and the
heads of a definite description that stands for a source named elsewhere ('the agency')."""

from __future__ import annotations

# kin of a victim: cited when they speak of the dead ('his family said', 'relatives said')
KIN = frozenset(
    [
        "family",
        "families",
        "relative",
        "relatives",
        "uncle",
        "aunt",
        "brother",
        "sister",
        "cousin",
        "mother",
        "father",
        "parents",
        "son",
        "daughter",
        "wife",
        "husband",
        "nephew",
        "niece",
        "grandmother",
        "grandfather",
    ]
)

# A subject that is not a proper name is a source only when its head is a noun for one
# ('officials said', 'initial reports said', 'the ministry said'), never 'forces', 'experts'.
SOURCE_HEADS = frozenset(
    [
        "office",
        "department",
        "service",
        "services",
        "official",
        "officials",
        "police",
        "authorities",
        "authority",
        "ministry",
        "ministries",
        "agency",
        "agencies",
        "government",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "spokesmen",
        "witness",
        "witnesses",
        "eyewitness",
        "eyewitnesses",
        "resident",
        "residents",
        "villager",
        "villagers",
        "survivor",
        "survivors",
        "doctor",
        "doctors",
        "medic",
        "medics",
        "paramedics",
        "rescuer",
        "rescuers",
        "source",
        "sources",
        "hospital",
        "hospitals",
        "army",
        "military",
        "command",
        "commander",
        "governor",
        "mayor",
        "minister",
        "president",
        "chief",
        "head",
        "director",
        "coroner",
        # 'a medical charity said': a relief body, like an NGO named by what it is
        "charity",
        "monitor",
        "observatory",
        "services",
        "media",
        "television",
        "radio",
        "statement",
        "rescue",
        "defence",
        "defense",
        "administration",
        "council",
        "committee",
        "commission",
        "organisation",
        "organization",
        "group",
        "officer",
        "officers",
        "policeman",
        "policemen",
        "investigator",
        "investigators",
        "prosecutor",
        "prosecutors",
        "secretariat",
        "directorate",
        "bureau",
        "institute",
        "centre",
        "center",
        "board",
        "inspectorate",
        # people whose work gives them the figures ('the district's civil surgeon said')
        "surgeon",
        "surgeons",
        "nurse",
        "nurses",
        "physician",
        "physicians",
        "coordinator",
        "administrator",
        "superintendent",
        "inspector",
        "commissioner",
        "chairman",
        "chairwoman",
        "leader",
        "leaders",
        "lawmaker",
        "lawmakers",
        "correspondent",
        "reporter",
        "reporters",
        "journalist",
        "journalists",
        "mission",
        "elder",
        "elders",
        "party",
        "coalition",
        "alliance",
        "worker",
        "workers",
        "staff",
        # forces that report their own operations ('the air force said', 'the gendarmerie said')
        "force",
        "gendarmerie",
        "firefighter",
        "firefighters",
        "fireman",
        "firemen",
        # news outlets named by what they are ('The Observer newspaper', 'local broadcaster X')
        "newspaper",
        "broadcaster",
        "outlet",
        "channel",
        "website",
        "tabloid",
        # the family of someone killed, who tell who they were ('her family said')
        *KIN,
    ]
)

# what a source issues, cited as the speaker when a noun before says whose it is
# ('several press reports said', 'initial media reports said'): a bare 'reports said' is not
REPORT_HEADS = frozenset({"report", "reports", "accounts"})
# words before 'reports' that count or order them ('additional reports confirmed ...') and say
# nothing of who issued them
_REPORT_COUNTERS = frozenset({"additional", "further", "more", "other", "new", "subsequent", "later", "some", "many"})


def singular(word: str) -> str:
    """'departments' -> 'department', 'agencies' -> 'agency' (the lemmatiser is not loaded)."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def is_source_head(token) -> bool:
    """Is this common noun the head of a source ('officials', 'local fire departments',
    'human rights monitors', 'several press reports')? Plurals count as their singular."""
    word = token.lower_
    if word in SOURCE_HEADS or (token.tag_ == "NNS" and singular(word) in SOURCE_HEADS):
        return True
    return word in REPORT_HEADS and any(
        c.dep_ in ("amod", "compound") and c.lower_ not in _REPORT_COUNTERS for c in token.children
    )


# Heads of a definite description that stands for a source named elsewhere ('the UN refugee
# agency said', 'the ministry added'): lower-case, unlike the head of a name ('the Interior
# Ministry').
DESCRIPTION_HEADS = frozenset(
    [
        "agency",
        "ministry",
        "monitor",
        "observatory",
        "group",
        "organisation",
        "organization",
        "watchdog",
        "body",
        "authority",
        "broadcaster",
        "newspaper",
        "outlet",
        "party",
        # bodies named in full before and then by their kind ('the institute said')
        "institute",
        "centre",
        "center",
        "department",
        "directorate",
        "commission",
        "committee",
        "council",
        "bureau",
        "secretariat",
        "coalition",
        "mission",
        "company",
        "operator",
        "airline",
    ]
)


# collective nouns for a body that speaks as one ('the armed forces said', 'hospital staff said')
_COLLECTIVE_HEADS = frozenset(
    {"government", "staff", "police", "military", "army", "gendarmerie", "force", "forces", "media", "press"}
)
_NOT_A_BODY = frozenset({"report", "reports", "statement", "statements", "account", "accounts", "sources"})
_MANY = frozenset({"several", "many", "numerous", "multiple"})
_ORDER_WORDS = frozenset({"earlier", "initial", "first", "later", "other", "some", "many", "several"})


def describes_a_body(name: str) -> bool:
    """An unnamed source that is a body of people, qualified ('the armed forces', 'local
    firefighters', 'community leaders', 'the state government'): cited as a source whether or
    not it gives a figure, unlike one person described ('a doctor'), bare 'officials', or a
    report ('initial reports')."""
    words = name.casefold().split()
    if len(words) == 3 and words[0] in _MANY and words[1] in ("press", "media", "news") and words[2] == "reports":
        return True  # 'several press reports said': the press, however many of its outlets
    if words[:1] in (["the"], ["a"], ["an"]):
        words = words[1:]
    if len(words) < 2 or words[-1] in _NOT_A_BODY or words[0] in _ORDER_WORDS:
        return False
    head = words[-1]
    return head in _COLLECTIVE_HEADS or (head.endswith("s") and not head.endswith("ss") and singular(head) != head)
