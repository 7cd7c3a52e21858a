"""Tolls written as a list of people: 'the captain and the boat's owner were arrested' (2),
'the suspect was arrested' (1),
'the driver, his assistant and a signalman were detained' (3), 'killing a policeman and a
passer-by' (2).

No number is written: the parse gives the count. The people a casualty verb is about (the
subject of a passive 'were arrested', the object of 'arrested', the subject of 'died') are
read as a coordination of singular people, one each. A conjunct in the plural without a
number ('guards') makes the count unknown, and nothing is added. A list with a number in it
('a soldier and two civilians were killed') is one figure per group (GOLD_FORMAT: one entry
per group), which the number patterns already give; but the people arrested are one figure
however they are listed ('the owner and two guards were detained', 3). The figure replaces
the one-person or numbered figures inside it ('a policeman' alone would say 1).
"""

from __future__ import annotations

import re

from .background import about_earlier_event, is_background
from .figures import FigureCandidate
from .numbers import parse_number
from .sentences import Sentence

_VERBS = [
    ("arrested", re.compile(r"(arrest|detain|apprehend|jail)")),
    ("killed", re.compile(r"(kill|die|dead|shot)")),
    ("injured", re.compile(r"(injur|wound|hurt)")),
    ("missing", re.compile(r"(abduct|kidnap)")),
]
# nouns for people by their ending: 'developer', 'signalman', 'activist', 'guardian', 'assistant'
_AGENT_SUFFIX = re.compile(r"(?:er|or|ist|man|men|woman|women|ian|ant)s?$")
# 'taken into custody', 'held in custody'
_CUSTODY = re.compile(r"custody|questioning")  # 'taken in for questioning'
_PERSON = re.compile(
    r"^(person|man|woman|child|boy|girl|baby|soldier|officer|policeman|guard|civilian|worker|student|journalist"
    r"|reporter|driver|captain|owner|manager|engineer|suspect|brother|sister|son|daughter|wife|husband|mother"
    r"|father|friend|colleague|editor|pilot|passenger|teacher|doctor|nurse|resident|villager|leader|member)s?$"
)


def enumerated_figures(
    text: str, sentences: list[Sentence], docs: dict, figures: list[FigureCandidate]
) -> list[FigureCandidate]:
    """`figures` with each listed-people toll added and the partial figures inside it removed."""
    added: list[FigureCandidate] = []
    for sentence in sentences:
        doc = docs.get(sentence.start)
        if doc is None:
            continue
        for token in doc:
            found = _enumeration(token)
            if found is None:
                continue
            category, count, start, end = found
            span = (sentence.start + start, sentence.start + end)
            added.append(
                FigureCandidate(
                    count=count,
                    count_max=None,
                    qualifier="exact",
                    categories=[category],
                    group=None,
                    number_span=span,
                    evidence_span=span,
                    sentence=sentence,
                    background=is_background(sentence.text) or about_earlier_event(text[sentence.start : span[0]]),
                )
            )
    if not added:
        return figures
    inside = [
        f
        for f in figures
        if any(a.evidence_span[0] <= f.number_span[0] and f.number_span[1] <= a.evidence_span[1] for a in added)
    ]
    return [f for f in figures if f not in inside] + added


def _category(verb) -> str | None:
    word = verb.lower_
    if verb.lemma_ and verb.lemma_ != word:
        word = verb.lemma_
    if any(_CUSTODY.match(c.lower_) for p in verb.children if p.dep_ == "prep" for c in p.children):
        return "arrested"
    for category, pattern in _VERBS:
        if pattern.match(word):
            return category
    return None


def _patients(verb) -> list:
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    if passive:
        subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
        if not subjects and verb.dep_ == "conj":
            # 'the driver survived and has been detained': the second verb shares the subject
            subjects = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        return subjects
    if verb.lower_.startswith("die"):
        return [c for c in verb.children if c.dep_ == "nsubj"]
    return [c for c in verb.children if c.dep_ == "dobj"]


def _enumeration(verb) -> tuple[str, int, int, int] | None:
    """(category, count, start, end) when `verb` is a casualty verb about a list of people."""
    if verb.pos_ not in ("VERB", "AUX", "ADJ"):
        return None
    category = _category(verb)
    patients = _patients(verb) if category else []
    # 'The driver, his assistant and a signalman were detained': the parser may give the
    # verb two subjects for one list; they and their conjuncts are the list
    people = sorted({t for head in patients for t in (head, *head.conjuncts)}, key=lambda t: t.i)
    # 'the bar's owner, Ana Ruiz, 46, and its manager': the parser joins the next person to
    # the name in apposition, not to the noun it names
    people += [c for p in people for a in p.children if a.dep_ == "appos" for c in a.conjuncts if c not in people]
    # the list ends at the conjunct after its 'and': 'the owner and two guards of the bar,
    # Casa Lobo,' (the parser may join an apposition after the list as one more conjunct)
    conjunctions = [c.i for p in people for c in p.children if c.dep_ == "cc"]
    last = min((p.i for p in people if conjunctions and p.i > max(conjunctions)), default=None)
    people = [p for p in people if last is None or p.i <= last]
    if not people or not all(_is_person(p) for p in people):
        return None  # 'two journalists and a newspaper'
    if len(people) == 1 and not (category == "arrested" and _one_known_person(people[0])):
        # 'a man' (the number patterns count it), 'guards', 'he'; one death or injury named
        # this way is often an aside ('his brother was killed in 2006'): measured worse
        return None
    if category != "arrested" and any(c.dep_ == "nummod" for p in people for c in p.children):
        return None  # 'a soldier and two civilians': one figure per group (GOLD_FORMAT), found already
    # the people arrested are counted as one figure: 'the owner and two guards were detained' (3)
    counts = [_count_of(p) for p in people]
    if None in counts:
        return None
    first = min(t.i for p in people for t in p.subtree)
    last = max(t.i for p in people for t in p.subtree)
    start_token, end_token = verb.doc[min(first, verb.i)], verb.doc[max(last, verb.i)]
    return category, sum(counts), start_token.idx, end_token.idx + len(end_token.text)


def _one_known_person(token) -> bool:
    """'the driver', 'its owner', 'Ana Ruiz': one person the story has in view."""
    if token.tag_ == "NNP":
        return token.ent_type_ == "PERSON"
    return token.tag_ == "NN" and any(
        c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ == "the") for c in token.children
    )


def _is_person(token) -> bool:
    return bool(
        token.ent_type_ == "PERSON"
        or _PERSON.search(token.lower_)
        or (token.pos_ == "NOUN" and _AGENT_SUFFIX.search(token.lower_))
        or any(c.dep_ == "nummod" for c in token.children)
    )


def _count_of(conjunct) -> int | None:
    """How many people one conjunct names: one for a singular noun, None when unknown."""
    if conjunct.pos_ == "PRON":
        return None
    numbers = [c for c in conjunct.children if c.dep_ == "nummod"]
    if numbers:
        return parse_number(numbers[0].text)
    if conjunct.tag_ == "NNP" and conjunct.is_sent_start and conjunct.ent_type_ != "PERSON":
        return None  # 'Guards and two inmates ...': a capitalised plural the tagger took for a name
    if conjunct.tag_ in ("NN", "NNP"):
        return 1
    return None  # 'guards': a plural with no number is no count
