"""Figures: what the dependency parse says about a number when the words around it do not:
the verb its noun is the subject of, across an aside or a relative clause ('16 soldiers —
possibly more — were killed', '30 drivers who took part in the march were arrested'), and
whether the number is a part of a breakdown in apposition ('nine staff, seven from the agency
and two from others, were evacuated')."""

from __future__ import annotations

import re

# the words that complete a verb's predicate ('are reported dead', 'were found dead')
_COMPLEMENTS = ("acomp", "oprd", "xcomp", "attr")


def _number_head(doc, offset: int, start: int, end: int):
    """The token that heads the number written at text[start:end] (the sentence's doc starts
    at `offset`), or None."""
    tokens = [t for t in doc if start <= offset + t.idx < end]
    heads = [t for t in tokens if not (start <= offset + t.head.idx < end) or t.head is t]
    return heads[0] if heads else None


def _counted_noun(doc, offset: int, start: int, end: int):
    """The noun the number at text[start:end] counts, climbed to the head of its list ('five
    police, three civilians and ...'), or None without a parse or a number token."""
    if doc is None:
        return None
    number = _number_head(doc, offset, start, end)
    if number is None:
        return None
    noun = number.head if number.dep_ == "nummod" else number
    while noun.dep_ == "conj" and noun.head is not noun:
        noun = noun.head
    return noun


def parsed_category(doc, offset: int, start: int, end: int, casualty: re.Pattern) -> tuple[str, int] | None:
    """(category, where its word ends) from the verb whose subject the number counts, or None."""
    noun = _counted_noun(doc, offset, start, end)
    if noun is None:
        return None
    tallied = _tally_category(noun, casualty)
    if tallied is not None:
        return tallied, end
    if noun.dep_ not in ("nsubj", "nsubjpass") or noun.head.pos_ not in ("VERB", "AUX"):
        return None
    verb = noun.head
    for word in (verb, *(child for child in verb.children if child.dep_ in _COMPLEMENTS)):
        found = casualty.match(doc.text, word.idx)
        if found and found.lastgroup:
            return found.lastgroup, offset + found.end()
    return None


_TALLY_NOUNS = frozenset({"toll", "tally", "number", "figure", "count", "total"})


def _tally_category(noun, casualty: re.Pattern) -> str | None:
    """'The toll, according to the agency, stood at 16', 'the number of injured reached 40':
    a number that a verb puts a tally at takes the tally's category (a bare toll is deaths)."""
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.lower_ in ("at", "to"):
        verb = noun.head.head
    elif noun.dep_ in ("dobj", "attr"):
        verb = noun.head
    else:
        return None
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    for subject in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
        if subject.lower_ not in _TALLY_NOUNS:
            continue
        for word in subject.subtree:
            found = casualty.match(word.doc.text, word.idx)
            if found and found.lastgroup:
                return found.lastgroup
        return "killed" if subject.lower_ in ("toll", "tally") else None
    return None


def in_a_breakdown(doc, offset: int, start: int, end: int) -> bool:
    """'Nine staff, seven from the agency and two from others': a number in apposition to a
    noun that a number of its own counts is a part of that count."""
    if doc is None:
        return False
    number = _number_head(doc, offset, start, end)
    if number is None:
        return False
    node = number
    while node.dep_ == "conj" and node.head is not node:
        node = node.head
    if node.dep_ != "appos":
        return False
    after = node.right_edge.i + 1  # the aside closes with a comma before the predicate
    closed = after < len(doc) and doc[after].text == ","
    return closed and any(child.dep_ == "nummod" for child in node.head.children)


def object_of_another_verb(doc, offset: int, start: int, end: int, casualty: re.Pattern) -> bool:
    """'killed 12 people and freed 120 inmates', 'in an attack involving 25 fighters': the
    number counts the object of a verb that is no casualty word, so a casualty word earlier
    in the sentence does not govern it (a list reading needs the number in that word's list)."""
    noun = _counted_noun(doc, offset, start, end)
    if noun is None:
        return False
    if noun.dep_ != "dobj" or noun.head.pos_ != "VERB":
        return False
    verb = noun.head
    # 'the dead included three men': a verb whose subject names the casualties lists them
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    named = [word for subject in subjects for word in subject.subtree]  # 'the dead soldiers include'
    if any(casualty.match(doc.text, word.idx) or word.lower_ in _CASUALTY_NOUNS for word in named):
        return False
    return casualty.match(doc.text, verb.idx) is None


_CASUALTY_NOUNS = frozenset({"victims", "casualties", "toll", "dead", "wounded", "injured"})


# those who attack, and those who are sought after it: when they flee, nobody is displaced
_ATTACKERS = re.compile(
    r"(?:gun|arm(?:ed)?\s*)men|militants?|insurgents?|assailants?|attackers?|bombers?|shooters?|jihadists?"
    r"|extremists?|rebels?|guerrillas?|militiam[ae]n|fighters?|bandits?|raiders?|robbers?|kidnappers?"
    r"|suspects?|perpetrators?|gangs?|gangsters?|pirates?|poachers?|looters?|intruders?",
    re.IGNORECASE,
)
# 'the attackers, numbering about 30': the verbs by which a count describes the noun before
_STRENGTH_VERBS = frozenset({"numbering", "totalling", "totaling", "estimated"})


def counts_the_attackers(doc, offset: int, start: int, end: int, category: str) -> bool:
    """Does the number count those who did it rather than those it was done to? The subject
    of a casualty verb with an object of its own ('some 60 attackers on horseback killed 22
    people'), or attackers who fled ('25 suspects fled', 'the attackers, numbering about 30,
    fled')."""
    if doc is None:
        return False
    number = _number_head(doc, offset, start, end)
    if number is None:
        return False
    noun = number.head if number.dep_ in ("nummod", "quantmod") else number
    if noun.dep_ in ("dobj", "npadvmod", "prep", "pobj") and noun.head.lower_ in _STRENGTH_VERBS:
        noun = noun.head.head  # 'the attackers, numbering about 30,'
    elif noun.dep_ == "pobj" and noun.head.head.lower_ in _STRENGTH_VERBS:
        noun = noun.head.head.head  # 'the raiders, estimated at 300,'
    while noun.dep_ == "conj" and noun.head is not noun:
        noun = noun.head
    if category == "displaced" and _ATTACKERS.fullmatch(noun.text):
        return True
    if noun.dep_ != "nsubj" or noun.head.pos_ != "VERB":
        return False
    verb = noun.head
    return bool(_HARMS.match(verb.lower_)) and any(c.dep_ == "dobj" for c in verb.children)


# the verbs by which someone harms someone ('attackers killed 22 people'), not 'fled their homes'
_HARMS = re.compile(r"(?:kill|wound|injur|shoot|shot|stab|murder|hurt|behead|massacr|slaughter|execut)")


_CARRYING = frozenset({"with", "carrying", "carried", "had", "having", "has", "transporting", "ferrying"})
_ON_BOARD = re.compile(r"\s+(?:and\s+)?(?:[\w-]+\s+){0,2}?(?:on\s+board|aboard)\b", re.IGNORECASE)


def counts_those_on_board(doc, offset: int, start: int, end: int) -> bool:
    """'The plane crashed with 140 passengers and 8 crew on board, killing all of them': the
    people a vehicle carried, the object of 'with' or 'carrying', are not its toll."""
    if doc is None:
        return False
    number = _number_head(doc, offset, start, end)
    if number is None:
        return False
    counted = number.head if number.dep_ in ("nummod", "quantmod") else number
    noun = counted
    while noun.dep_ == "conj" and noun.head is not noun:
        noun = noun.head
    if noun.dep_ not in ("pobj", "dobj") or noun.head.lower_ not in _CARRYING:
        return False
    return bool(_ON_BOARD.match(doc.text, max(counted.idx + len(counted), end - offset)))


def in_a_since_clause(doc, offset: int, start: int, end: int) -> bool:
    """'the deadliest blast since a 2016 attack on the academy killed 58 cadets': a number in
    the clause that 'since' opens counts the earlier event the story is measured against (a
    'since' that only dates the main verb, 'have died since Monday', does not hold the number)."""
    if doc is None:
        return False
    number = _number_head(doc, offset, start, end)
    if number is None:
        return False
    for node in (number, *number.ancestors):
        if node.lower_ == "since" and node.dep_ in ("prep", "mark"):
            return True
        if any(c.lower_ == "since" and c.dep_ == "mark" for c in node.children) and node.pos_ in ("VERB", "AUX"):
            return True
        if node.dep_ == "advcl" and not any(c.dep_.startswith("nsubj") for c in node.children):
            # 'the deadliest since a bombing in March killed 40', parsed as 'since a bombing' + 'killed 40'
            since = [c for c in node.head.children if c.lower_ == "since" and c.dep_ == "prep"]
            if any(c.right_edge.i + 1 == node.i for c in since):
                return True
    return False


def _governing_verb(doc, offset: int, start: int, end: int):
    """The nearest verb (or auxiliary) above the number at `start`..`end` in the parse, if any."""
    number = _number_head(doc, offset, start, end) if doc is not None else None
    if number is None:
        return None
    return next((a for a in number.ancestors if a.pos_ in ("VERB", "AUX")), None)


def a_projection(doc, offset: int, start: int, end: int) -> bool:
    """'The toll could climb to 40', 'deaths may rise to 60': a number that an active verb
    under a modal (not a perfect 'may have died', nor a state 'could be trapped', 'could be as
    high as 30') reaches is a forecast, not a count."""
    verb = _governing_verb(doc, offset, start, end)
    if verb is None or verb.lower_ in ("be", "been", "being"):
        return False
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    # only modals: 'could climb'; a perfect or passive auxiliary ('may have died') is a report,
    # and 'would' is reported speech's past ('three died, which would bring the toll to 12')
    modals = [c for c in auxiliaries if c.tag_ == "MD"]
    return bool(modals) and len(modals) == len(auxiliaries) and all(c.lower_ not in ("would", "'d") for c in modals)


# the clauses a verb's own clause does not take its time from
_OTHER_CLAUSES = frozenset({"relcl", "advcl", "ccomp", "xcomp", "acl", "conj", "parataxis", "csubj"})
# another time than the story's, or a rate: 'last week', 'last Sunday', 'every year', 'averaged'
_CLAUSE_TIME = re.compile(
    r"\blast\s+(?:week|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    r"|\b(?:every|each|per)\s+(?:year|month|week)\b|\bannually\b|\baverag(?:e|es|ed|ing)\b",
    re.IGNORECASE,
)


def _clause_words(verb) -> list:
    """The words of a verb's own clause, without the clauses it governs (a relative clause
    'a typhoon that struck last week' dates the typhoon, not the verb's figure)."""
    words, stack = [verb], [c for c in verb.children if c.dep_ not in _OTHER_CLAUSES]
    while stack:
        word = stack.pop()
        words.append(word)
        stack.extend(c for c in word.children if c.dep_ not in _OTHER_CLAUSES)
    return sorted(words, key=lambda w: w.i)


def dated_elsewhere(doc, offset: int, start: int, end: int) -> bool:
    """'Last week, police killed 7 militants', 'road accidents kill 1,500 people every year',
    'deaths have averaged 45 a month': the clause of the verb that governs the number names
    another time than the story's, or a rate. A time in a clause it governs ('the toll from
    a typhoon that struck last week has risen to 375') does not count."""
    verb = _governing_verb(doc, offset, start, end)
    if verb is None:
        return False
    words = _clause_words(verb)
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None:
        # a time the parse hangs on the verb from inside a long subject ('a storm that struck
        # the coast last week has risen') is as likely the subject's clause's: only a time
        # before the subject or after the verb is read as the verb's
        own = {w.i for w in _clause_words(subject)}
        words = [w for w in words if w.i in own or not subject.left_edge.i < w.i < verb.i]
    return bool(_CLAUSE_TIME.search(" ".join(w.text for w in words)))
