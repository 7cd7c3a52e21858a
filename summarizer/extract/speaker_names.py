"""The words of a reporting verb's subject that name the speaker, read from the parse:
the head noun and its modifiers ('U.S. Defense Department officials', 'local authorities'),
without clauses, appositions or most prepositional phrases."""

from __future__ import annotations

# Modifiers kept in a speaker's name: 'U.S. Defense Department officials', 'local authorities'.
_NAME_DEPS = frozenset({"compound", "amod", "nmod", "poss", "case", "det", "nummod", "npadvmod", "quantmod"})


def name_span(head) -> tuple[int, int] | None:
    """The words of the subject that name it: the head and its modifiers, without relative
    clauses, appositions or prepositional phrases other than 'of' / 'for' ('Ministry of
    Health', 'a spokesman for the ministry'). An apposition that is a proper name
    ('a spokesman for the ministry, Ana Ruiz,') is the speaker's name."""
    for child in head.children:
        # 'a source in the capital, Dori,': a place in apposition is not the speaker's name
        if (
            child.dep_ == "appos"
            and child.pos_ == "PROPN"
            and child.ent_type_ not in ("GPE", "LOC", "FAC")
            and not _after_a_place_phrase(child)
        ):
            return _phrase(child)
    return _phrase(head)


_HYPHEN_MODIFIERS = frozenset({"based", "run", "led", "backed", "owned", "affiliated", "linked", "funded", "allied"})


def _inner_hyphen(token) -> bool:
    doc = token.doc
    return (
        token.text == "-"
        and not token.whitespace_
        and 0 < token.i < len(doc) - 1
        and not doc[token.i - 1].whitespace_
        and doc[token.i + 1].lower_ not in _HYPHEN_MODIFIERS
    )


def _owner_hyphen(token, head) -> bool:
    """'the Tarn-run health ministry': who runs an unnamed body is part of what names it
    (not in 'the UK-based Varnian Observatory', whose own name says it)."""
    doc = token.doc
    return (
        token.text == "-"
        and head.pos_ == "NOUN"
        and 0 < token.i < len(doc) - 1
        and doc[token.i - 1].pos_ == "PROPN"
        and doc[token.i + 1].lower_ in ("run", "led", "controlled")
    )


def _hyphen_tail(token) -> bool:
    """'run' of 'state-run X': the tail of a modifier whose head word was left out."""
    doc = token.doc
    return token.lower_ in _HYPHEN_MODIFIERS and token.i > 0 and doc[token.i - 1].text == "-"


def _after_a_place_phrase(token) -> bool:
    """'a source in the regional capital, Lesk,': the apposition names the place before it."""
    doc = token.doc
    before = doc[token.i - 2] if token.i >= 2 and doc[token.i - 1].text == "," else None
    return (
        before is not None
        and before.dep_ == "pobj"
        and before.head.lower_ in ("in", "at", "near", "from")
        and before.pos_ == "NOUN"
    )


_UNNAMED_PEOPLE = frozenset(
    [
        "doctor",
        "doctors",
        "nurse",
        "nurses",
        "medic",
        "medics",
        "source",
        "sources",
        "official",
        "officials",
        "worker",
        "workers",
    ]
)
# titles of one person: an apposition headed by one describes whoever it follows
PERSON_TITLES = frozenset(
    [
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "official",
        "director",
        "mayor",
        "governor",
        "chief",
        "head",
        "commander",
        "minister",
        "president",
        "leader",
        "officer",
        "coordinator",
        "administrator",
        "superintendent",
        "inspector",
        "commissioner",
        "chairman",
        "chairwoman",
        "secretary",
        "prosecutor",
    ]
)
_OWNERS = frozenset({"his", "her", "their"})
_WORKPLACES = frozenset(["hospital", "hospitals", "clinic", "clinics", "morgue", "mortuary"])


def _workplace(head, prep) -> bool:
    """'a nurse at the city hospital', 'a source in Osk General Hospital': the place of work of
    an unnamed person (a hospital, or a named body that is not a place: 'officials in Osk' is not)."""
    if head.pos_ != "NOUN" or head.lower_ not in _UNNAMED_PEOPLE or prep.dep_ != "prep":
        return False
    if prep.lower_ not in ("at", "in", "with", "from"):
        return False
    objects = [child for child in prep.children if child.dep_ == "pobj"]
    # 'a military source in Osk': the modifier says whose source it is; the name is where it is
    described = any(c.dep_ == "amod" for c in head.children)
    return any(
        obj.lower_ in _WORKPLACES
        or (
            not described
            and obj.pos_ == "PROPN"
            and obj.ent_type_ not in ("GPE", "LOC", "NORP", "DATE", "TIME")
            and not head.lower_.startswith("official")  # 'officials in Osk': where they are, not who
        )
        for obj in objects
    )


_PARTITIVES = frozenset({"one", "some", "each", "all", "many", "several", "both", "two", "three", "most"})
_TIMES = frozenset({"morning", "afternoon", "evening", "night", "day", "days", "week", "weekend", "past", "meantime"})
_SETTING_PREPOSITIONS = frozenset({"in", "at", "from", "near", "inside", "outside", "on"})
# 'on' of a manner, not a place: 'officials on condition of anonymity'
_NOT_SETTINGS = frozenset({"condition", "behalf", "record", "background", "phone", "telephone", "television", "radio"})


def _unnamed_setting(head, prep) -> bool:
    """'witnesses at the scene', 'news agencies in the region', 'media in the area': an unnamed
    source is cited with the unnamed place it speaks from (a named one, 'officials in Osk', is
    where they are, and a time, 'in the morning', is when)."""
    if head.pos_ != "NOUN" or prep.dep_ != "prep" or prep.lower_ not in _SETTING_PREPOSITIONS:
        return False
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    words = list(prep.subtree)
    doc, end = prep.doc, prep.right_edge.i
    # 'a source in the regional capital, Lesk,': a place named in apposition after it
    apposed = end + 2 < len(doc) and doc[end + 1].text == "," and doc[end + 2].pos_ == "PROPN"
    return (
        prep.i == head.i + 1
        and not apposed
        and bool(objects)
        and all(o.pos_ == "NOUN" and o.lower_ not in _TIMES and o.lower_ not in _NOT_SETTINGS for o in objects)
        and not any(w.pos_ in ("PROPN", "NUM", "PRON") or w.ent_type_ or w.is_punct for w in words)
    )


def _joined_modifier(token, head) -> bool:
    """'relief' of 'the relief and rehabilitation department': a singular modifier of the head
    with another joined to it (not 'officials' of 'officials and depot staff', a source of its own)."""
    return (
        token.dep_ in ("nmod", "amod", "compound")
        and token.head.i == head.i
        and token.tag_ not in ("NNS", "NNPS")
        and any(c.dep_ == "conj" and c.i < head.i for c in token.children)
    )


def _of_a_title_object(token, head) -> bool:
    """'the head of the city's university of medical sciences': the body a title's 'of' names
    keeps its own 'of'."""
    return (
        head.lower_ in ("head", "director", "chief", "chairman", "chairwoman", "president", "rector", "dean")
        and token.dep_ == "pobj"
        and token.head.head.i == head.i
    )


def _phrase(head) -> tuple[int, int] | None:
    tokens = [head]
    stack = [head]
    while stack:
        token = stack.pop()
        for child in token.children:
            keep = (child.dep_ in _NAME_DEPS and child.pos_ != "PRON") or (
                child.dep_ == "prep"
                and child.lower_ in ("of", "for")
                and (token.i == head.i or _of_a_title_object(token, head))
                and not (head.tag_ == "NNS" and _of_a_place(child))
            )
            if token is head and head.pos_ == "NOUN" and child.dep_ == "poss" and child.lower_ in _OWNERS:
                keep = True  # 'his party said': the possessive says whose party it is
            if token is head and _unnamed_setting(head, child):
                keep = True  # 'witnesses at the scene', 'news agencies in the region': where they are
            if token.dep_ == "pobj" and token.lower_ in _PARTITIVES and child.dep_ == "prep" and child.lower_ == "of":
                keep = True  # 'a spokesman for one of the detained men': whom 'one' is one of
            if token.dep_ == "pobj" and token.head.head.i == head.i and _workplace(head, token.head):
                keep = keep or (child.dep_ == "prep" and child.lower_ == "in")  # 'at the X Hospital in Osk'
            if token is head and _workplace(head, child):
                keep = True  # 'a doctor at the city hospital': the unnamed person is known by where they work
            if token is not head and child.dep_ == "pobj":
                keep = True
            if _joined_modifier(token, head) and child.dep_ in ("cc", "conj"):
                keep = True  # 'the relief and rehabilitation department': modifiers joined by 'and'
            if _inner_hyphen(child) or _owner_hyphen(child, head):
                keep = True  # the hyphen inside a name ('Itar-Tass'), not in 'state-run'
            if keep:
                tokens.append(child)
                stack.append(child)
    tokens.sort(key=lambda t: t.i)
    # one contiguous run around the head: a gap means a clause was left out
    indices = [t.i for t in tokens]
    position = indices.index(head.i)
    low = high = position
    while low > 0 and indices[low - 1] == indices[low] - 1:
        low -= 1
    while high + 1 < len(indices) and indices[high + 1] == indices[high] + 1:
        high += 1
    run = tokens[low : high + 1]
    # 'some media agencies said': a quantifier of unnamed people is part of how they are cited
    quantified = head.tag_ == "NNS" and run and run[0].lower_ in ("some", "many", "most", "several")
    if len(run) > 1 and run[0].lower_ == "one" and run[0].dep_ == "nummod":
        run = run[1:]  # 'one eye-witness said': a witness, not a count
    while (
        not quantified and run and (run[0].dep_ in ("det", "case", "punct") or run[0].is_punct or _hyphen_tail(run[0]))
    ):
        run = run[1:]
    while run and (run[-1].is_punct or run[-1].dep_ == "case"):
        run = run[:-1]
    if not run:
        return None
    return run[0].idx, run[-1].idx + len(run[-1])


_PLACE_NOUNS = frozenset(
    {"village", "town", "city", "district", "province", "region", "area", "county", "camp", "neighbourhood", "island"}
)


def _of_a_place(prep) -> bool:
    """'residents of the town of Kerro': where the people live, not a name of the source
    (unlike 'the governor of the region', whose office it names)."""
    return any(
        c.dep_ == "pobj" and c.pos_ == "NOUN" and (c.lower_ in _PLACE_NOUNS or c.lower_[:-1] in _PLACE_NOUNS)
        for c in prep.children
    )
