"""Who says it: the subject of a reporting verb, read from spaCy's dependency parse.

Regular expressions find 'according to X' and 'X said' when X is a capitalised name right
beside the verb; news prose also writes 'Indonesia disaster officials now say ...',
'Initial reports said ...', '"...," he said', 'a spokesman for the ministry, Ana Ruiz,
told reporters ...'. The parse gives the verb's subject whatever stands between them, so
the speaker is found by structure, not by surface distance.
"""

from __future__ import annotations

from dataclasses import dataclass

from .figure_words import CASUALTY
from .source_words import DESCRIPTION_HEADS, SOURCE_HEADS, is_source_head
from .speaker_claims import claim_owner, claimant_span, claimed_by, claims_that, takes_responsibility
from .speaker_names import PERSON_TITLES, name_span

# Forms of the verbs that introduce a report (the lemmatiser is not needed for these).
# Speech verbs only: 'claimed the lives of', 'put the toll at' have subjects that are not sources.
_SAY_LEMMAS = "say tell report confirm announce add state comment"
SAY_FORMS = frozenset(
    form
    for lemma in _SAY_LEMMAS.split(" ")
    for form in {
        lemma,
        lemma + "s",
        lemma + ("d" if lemma.endswith("e") else "ed"),
        (lemma[:-1] if lemma.endswith("e") else lemma) + "ing",
    }
) - {"sayed", "telled"} | {"said", "says", "told"}  # regular forms these two verbs lack
PERSON_PRONOUNS = frozenset({"he", "she"})
# 'it said': a body cited before ('the authority said ... , it said')
BODY_PRONOUNS = frozenset({"it"})
# Subjects that are not sources: other pronouns, and words that only stand in for a clause.
_NOT_SPEAKERS = frozenset({"this", "that", "there", "which", "who", "what", "they", "we", "i", "you", "one"})
_RELATIVES = frozenset({"which", "who"})
# what a relative clause must speak of to make the noun it describes a source: a figure or a toll
# ('X, which put the toll at four'), not what the body says of itself ('X, which says it defends...')
_EVENT_LEMMAS = frozenset({"toll", "kill", "die", "dead", "death", "injure", "wound", "injury", "casualty", "victim"})


def _reports_the_event(verb) -> bool:
    """Whether a relative clause's report gives a figure or speaks of deaths and wounds."""
    return any(t.like_num or t.lemma_.lower() in _EVENT_LEMMAS for t in verb.subtree)


@dataclass(frozen=True)
class Speaker:
    """The subject of a reporting verb: its character span in the article and whether it is
    a personal pronoun ('he', 'she') that refers back to someone named before."""

    start: int
    end: int
    pronoun: bool
    phrase_start: int  # the whole subject, clauses and appositions included
    phrase_end: int
    relay: bool = False  # 'Reuters quoted X as saying': passes on another source's words
    explicit: bool = False  # 'according to the ship's captain': cited as a source in so many words


def speakers(doc, offset: int) -> list[Speaker]:
    """Speakers in one parsed sentence; `offset` is the sentence's start in the article."""
    found: list[Speaker] = []
    for token in doc:
        if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            # 'according to civil defence': the object of 'to' is the source
            found += _named_objects(doc[token.i + 1], offset, skip=_NOT_SPEAKERS, according=True)
            continue
        if token.lower_ == "per" and token.dep_ == "prep":
            # '..., per the regional health department': a source, unlike 'per day' or 'per cent'
            if any(c.dep_ == "pobj" and (c.pos_ == "PROPN" or is_source_head(_issuer(c))) for c in token.children):
                found += _named_objects(token, offset, skip=_NOT_SPEAKERS, according=True)
            continue
        for agent in claimed_by(token):  # 'responsibility was claimed by X': a side's own account
            for claimant in (c for c in agent.children if c.dep_ == "pobj" and c.pos_ != "PRON"):
                span = claimant_span(claimant)
                if span is not None:
                    found.append(Speaker(offset + span[0], offset + span[1], False, *_whole(claimant, offset)))
        agents = [child for child in token.children if child.dep_ == "agent"]
        if token.lower_ in _GIVEN_BY and agents:
            # 'the figure was given by the fire service': the agent of a passive report
            # ('no cause was confirmed by authorities': none was made)
            denied = any(c.dep_ == "neg" or c.lower_ == "no" for c in token.subtree if c.i < token.i)
            for agent in agents if not denied else ():
                found += _named_objects(agent, offset)
            continue
        owner = claim_owner(token)
        if owner is not None:  # "despite Varnia's claim that only ten died": Varnia gives the figure
            span = name_span(owner)
            if span is not None:
                found.append(Speaker(offset + span[0], offset + span[1], False, *_whole(owner, offset)))
            continue
        quoted = _quoted_sources(token)
        if quoted:
            # 'state media quoted the ministry as saying', '..., it reported, quoting police':
            # the source quoted gave the figure; whoever quotes it only relays it
            found += [Speaker(offset + a, offset + b, False, *_whole(o, offset)) for o, (a, b) in quoted]
            relays = [c for c in token.children if c.dep_ == "nsubj"] if token.dep_ not in ("advcl", "xcomp") else []
            relays += [c for c in token.head.children if c.dep_ == "nsubj"] if token.dep_ in ("advcl", "xcomp") else []
            # 'X was quoted by Varnia Daily as saying': the agent relays
            relays += [p for a in token.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
            for relay in relays[-1:]:
                span = None if relay.pos_ == "PRON" else name_span(relay)
                if span is not None and (relay.pos_ == "PROPN" or is_source_head(relay)):
                    found.append(Speaker(offset + span[0], offset + span[1], False, *_whole(relay, offset), relay=True))
            continue
        name_like = token.pos_ == "PROPN" or (token.i > 0 and token.text[:1].isupper())
        if (
            (token.lower_ not in SAY_FORMS or name_like)
            and not _puts_a_toll(token)
            and not claims_that(token)
            and not takes_responsibility(token)
        ):
            continue  # a name spelled like a verb ('Sayed', 'Reports') reports nothing
        deps = {child.dep_ for child in token.children}
        if "neg" in deps:
            continue  # 'X did not comment', 'police would not say': no report is made
        if "dobj" in deps and "ccomp" not in deps and token.lower_.startswith(("add", "announc")):
            objects = [child for child in token.children if child.dep_ == "dobj"]
            if token.lower_.startswith("add") or not any(t.like_num for o in objects for t in o.subtree):
                continue  # 'had added two floors', 'announced compensation': not a report of words
        subjects = [child for child in token.children if child.dep_ == "nsubj"]
        if not subjects and _trailing_report(token):
            subjects = [token.head]  # '..., local fire departments reported.': misread as a noun's modifier
        if not subjects and _gives_a_toll(token):
            # 'the ministry accused the rebels of firing first and said one soldier was killed':
            # the second verb of a pair shares the first one's subject, a source where it gives a toll
            subjects = [child for child in token.head.children if child.dep_ == "nsubj"]
        if not subjects and token.tag_ == "VBG" and token.dep_ in ("advcl", "xcomp", "conj"):
            # '..., saying 33 bodies had been found': the participle's subject is its head's
            subjects = [child for child in token.head.children if child.dep_ == "nsubj"]
        # two subjects for one verb is the parser splitting one phrase ('state news agency
        # SANA confirmed'): the one next to the verb names it, the phrase spans both
        whole = (_whole(subjects[0], offset)[0], _whole(subjects[-1], offset)[1]) if subjects else (0, 0)
        if not subjects and token.dep_ == "ROOT" and any(c.dep_ == "ccomp" for c in token.children):
            # '..., killing four people, witnesses and a rights group said': the parser joined the
            # sources to the victims; the source nouns joined right before the verb are its subject
            subjects = _orphan_subject(token)
            whole = (offset + subjects[0].idx, offset + subjects[0].idx + len(subjects[0])) if subjects else whole
        for child in subjects[-1:]:
            if (
                child.lower_ in _RELATIVES
                and token.dep_ == "relcl"
                and token.head.pos_ in ("NOUN", "PROPN")
                and _reports_the_event(token)
            ):
                # 'the X Office, which had earlier put the toll at four,': the noun the clause describes
                child = token.head
            if child.lower_ in PERSON_PRONOUNS or child.lower_ in BODY_PRONOUNS:
                found.append(Speaker(offset + child.idx, offset + child.idx + len(child), True, *whole))
                continue
            if child.lower_ in _NOT_SPEAKERS or child.pos_ == "PRON":
                continue
            child = _apposed_source(child)
            # 'police and the Red Cross said', 'a war monitor and rescue workers said': each is cited
            for number, one in enumerate([_issuer(child), *_conjuncts(child)]):
                # 'local response rooms, volunteer groups that ..., put the toll at 31': described as a source
                sourced = _puts_a_toll(token) and any(a.dep_ == "appos" and is_source_head(a) for a in one.children)
                sourced = sourced or _named(one) or is_source_head(one) or _outlet_putting_a_toll(one, token)
                if not sourced:
                    continue
                span = name_span(one)
                if span is not None:
                    phrase = whole if number == 0 else _whole(one, offset)
                    span, phrase = _own_part(one, span, phrase, offset, number == 0)
                    found.append(Speaker(offset + span[0], offset + span[1], False, *phrase))
    return found


def _own_part(head, span: tuple[int, int], phrase: tuple[int, int], offset: int, first: bool):
    """The first of subjects joined by 'and' spans only its own words ('Witnesses and a rights
    group said': 'Witnesses'); where the parser hung the first on the last as a modifier
    ('Residents and police officials'), the last keeps the words after 'and' ('police officials')."""
    doc = head.doc
    joined = [c for c in head.children if c.dep_ == "cc"]
    if any(c.dep_ == "conj" for c in head.children) and joined:
        return span, (phrase[0], min(phrase[1], offset + joined[0].idx - 1))
    if not first:
        return span, phrase
    for modifier in head.children:
        if modifier.dep_ == "nmod" and modifier.i < head.i and any(g.dep_ == "cc" for g in modifier.children):
            conj = [g for g in modifier.children if g.dep_ == "conj" and g.i < head.i]
            if conj:
                start = offset + doc[conj[0].left_edge.i].idx
                return (min(span[0], start - offset), span[1]), (start, phrase[1])
    return span, phrase


def _orphan_subject(verb) -> list:
    """The first of the source nouns joined by 'and' right before a verb left without a subject."""
    noun = verb.doc[verb.i - 1] if verb.i > 0 else None
    if noun is None or noun.dep_ != "conj" or not is_source_head(noun):
        return []
    while noun.dep_ == "conj" and is_source_head(noun.head):
        noun = noun.head
    return [noun]


def _gives_a_toll(verb) -> bool:
    """A second reporting verb of a pair ('... and said one soldier had been killed') whose
    clause counts casualties: a number and a casualty word in it."""
    if verb.dep_ != "conj" or verb.tag_ == "VBG" or verb.head.pos_ != "VERB":
        return False
    numbers = [t for t in verb.subtree if t.like_num or t.lower_ == "one"]
    # the number, the noun it counts or that noun's verb is a casualty word ('one soldier ... killed')
    return any(CASUALTY.fullmatch(w.text) for t in numbers for w in (t, t.head, t.head.head))


def _apposed_source(subject):
    """'..., in northern Varnia, the country's prison authority said': the parser may take the
    place for the subject and the source for its apposition; the source is the speaker."""
    if subject.ent_type_ not in ("GPE", "LOC"):
        return subject
    # 'Sutar, a police spokesman, said': a one-word name the recogniser took for a place
    apposed = [c for c in subject.children if c.dep_ == "appos" and c.pos_ == "NOUN" and is_source_head(c)]
    apposed = [c for c in apposed if not (c.lower_ in PERSON_TITLES and subject.i == subject.sent.start)]
    return apposed[0] if apposed else subject


def _named(token) -> bool:
    """A proper name, or a capitalised word that the tagger took for a common noun but the
    entity recogniser for an organisation or person ('Reuters put the figure at 23')."""
    return token.pos_ == "PROPN" or (token.text[:1].isupper() and token.ent_type_ in ("ORG", "PERSON"))


def _conjuncts(head) -> list:
    """The other nouns joined to a subject by 'and': its conjuncts, and a noun the parser
    hung on it as a modifier though 'and' follows it ('a war monitor and rescue workers')."""
    joined = [
        c for c in head.children if c.dep_ == "conj" or (c.dep_ == "nmod" and any(g.dep_ == "cc" for g in c.children))
    ]
    return [c for c in joined if c.pos_ in ("NOUN", "PROPN")] + [g for c in joined for g in _conjuncts(c)]


_QUOTING = frozenset({"quoted", "quoting", "quotes", "quote", "cited", "citing", "cites"})


def _quoted_sources(verb) -> list:
    """The sources a quoting verb passes on, with their name spans: 'quoted the ministry as
    saying', '..., quoting a police official' (a participle hung on a reporting verb)."""
    if verb.lower_ not in _QUOTING or verb.pos_ != "VERB":
        return []
    as_saying = any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children)
    participle = verb.tag_ == "VBG" and verb.dep_ in ("advcl", "xcomp") and verb.head.lower_ in SAY_FORMS
    if not (as_saying or participle):
        return []
    # 'quoted the ministry as saying'; passive 'the ministry was quoted as saying'
    objects = [
        c
        for c in verb.children
        if c.dep_ in ("dobj", "nsubjpass") and c.pos_ != "PRON" and (c.pos_ == "PROPN" or is_source_head(c))
    ]
    return [(o, span) for o in objects if (span := name_span(o)) is not None]


def _trailing_report(verb) -> bool:
    """'Floods killed 12 people, local fire departments reported on Monday': the parser may
    hang the verb on the noun before it as a modifier; a source noun set off by a comma right
    before a reporting verb with no object of its own is the verb's subject."""
    noun = verb.head
    doc = verb.doc
    return (
        verb.dep_ == "acl"
        and noun.i == verb.i - 1
        and noun.left_edge.i > 0
        and doc[noun.left_edge.i - 1].text == ","
        and (noun.pos_ == "PROPN" or is_source_head(noun))
        and not any(c.dep_ in ("dobj", "agent") for c in verb.children)
    )


# what a source issues: 'reports on state television said', 'a statement from the office said'
_REPORT_NOUNS = frozenset(
    {"report", "reports", "statement", "statements", "figures", "tally", "data", "bulletin", "count", "estimate"}
    # 'the toll from the X Red Cross put the number at 14': the body whose toll it is
    | {"toll", "tolls"}
)


def _issuer(subject):
    """The source behind a report that is the subject ('earlier reports on state television'
    -> 'state television'); the subject itself otherwise."""
    if subject.lower_ not in _REPORT_NOUNS:
        return subject
    for owner in subject.children:  # "the ministry's statement said"
        if owner.dep_ == "poss" and (owner.pos_ == "PROPN" or owner.lower_ in SOURCE_HEADS):
            return owner
    for prep in subject.children:
        if prep.dep_ == "prep" and prep.lower_ in ("on", "from", "by", "of", "in"):
            for issuer in prep.children:
                if issuer.dep_ == "pobj" and (issuer.pos_ == "PROPN" or issuer.lower_ in SOURCE_HEADS):
                    return issuer
    for verb in subject.children:  # 'figures released by the health department'
        if verb.dep_ == "acl" and verb.lower_ in _ISSUED:
            for agent in verb.children:
                for issuer in agent.children if agent.dep_ == "agent" else ():
                    if issuer.dep_ == "pobj" and (issuer.pos_ == "PROPN" or is_source_head(issuer)):
                        return issuer
    return subject


_ISSUED = frozenset(
    {"released", "issued", "published", "compiled", "given", "provided", "announced", "cited", "kept", "collected"}
)


_PUT = frozenset(
    {"put", "puts", "putting", "placed", "places", "placing"}
    # 'the rescue force later raised the toll to 24': a new figure is a report too
    | {"raised", "raises", "raising", "revised", "revises", "lowered", "lowers", "updated", "updates"}
    # 'the ministry gave a lower toll', 'the service gave a higher count of injured'
    | {"gave", "gives", "give", "giving"}
)
_TOLL_NOUNS = frozenset({"toll", "number", "figure", "count", "total", "tally"})


def _puts_a_toll(token) -> bool:
    """'The agency put the death toll at 26': a report whose subject is the source."""
    return token.lower_ in _PUT and any(c.dep_ == "dobj" and c.lower_ in _TOLL_NOUNS for c in token.children)


# capitalised subjects of 'put the toll at' that name no source
_NOT_OUTLETS = frozenset({"reports", "report", "estimates", "figures", "statement", "data", "others", "some", "many"})


def _outlet_putting_a_toll(subject, verb) -> bool:
    """'Dawnlight put the toll at 16': a capitalised name the parser reads as a common noun
    (an outlet's name often is) is the source of the toll it puts."""
    return (
        _puts_a_toll(verb)
        and subject.pos_ == "NOUN"
        and subject.text[:1].isupper()
        and subject.lower_ not in _NOT_OUTLETS
    )


_GIVEN_BY = frozenset({"given", "provided", "released", "reported", "confirmed", "announced", "issued", "put"})
_GENERIC_OWNERS = frozenset({"country", "nation", "state", "city", "province", "region", "island", "kingdom"})


def is_description(doc_text: str, start: int, end: int) -> bool:
    """Is text[start:end] a definite description ('the UN refugee agency') rather than a name?"""
    words = doc_text[start:end].split()
    before = doc_text[max(0, start - 4) : start].lower()
    # 'the country's prison authority' describes; 'the prime minister's office' names
    possessive = any(word.endswith(("'s", "’s")) and word.lower()[:-2] not in _GENERIC_OWNERS for word in words)
    # 'the Kyodo news agency' names an outlet; 'the UN refugee agency' describes one
    named_outlet = len(words) >= 3 and words[-2] == "news" and words[0][:1].isupper() and not words[0].isupper()
    # 'the statement said': the statement of a source cited before ('the military statement' names its own)
    bare_report = len(words) == 1 and words[0] in ("statement", "report")
    # 'the Tarn-run health ministry' is named by who runs it
    owned = any(word[:1].isupper() and word.endswith(("-run", "-led", "-controlled")) for word in words)
    return (
        bool(words)
        and not owned
        and not named_outlet
        and (words[-1] in DESCRIPTION_HEADS or bare_report)
        and before.endswith("the ")
        and len(words) <= 4
        and not possessive
    )


def _named_objects(
    preposition, offset: int, skip: frozenset[str] = frozenset(), according: bool = False
) -> list[Speaker]:
    """The objects of a preposition that name a source ('according to X', 'given by X')."""
    found = []
    for child in preposition.children:
        if child.dep_ == "pobj" and child.pos_ != "PRON" and child.lower_ not in skip:
            child = _issuer(child)  # 'according to figures released by X': X
            if child.lower_ in _UNISSUED:
                continue  # 'according to figures kept by nobody named': no source
            span = name_span(child)
            if span is not None:
                explicit = according and child.lower_ not in _REPORT_NOUNS and child.pos_ == "NOUN"
                found.append(
                    Speaker(offset + span[0], offset + span[1], False, *_whole(child, offset), explicit=explicit)
                )
            if according:  # 'according to the official and residents': each source joined by 'and'
                for other in _conjuncts(child):
                    span = name_span(other) if _named(other) or is_source_head(other) else None
                    if span is not None and other.lower_ not in skip:
                        found.append(Speaker(offset + span[0], offset + span[1], False, *_whole(other, offset)))
    return found


# report nouns that name no source when no issuer is given ('according to official figures')
_UNISSUED = frozenset({"figures", "tally", "data", "bulletin", "count", "estimate", "estimates"})


def _whole(head, offset: int) -> tuple[int, int]:
    return offset + head.left_edge.idx, offset + head.right_edge.idx + len(head.right_edge)
