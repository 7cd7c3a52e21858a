"""Cited sources grounded: the mentions `sources.py` finds merged into one entity per
source ('the monitor' and 'he said' resolved to the source named before, 'X (ABC)' made
one name, a spokesperson linked to the body they speak for), then the brief's sources
with every exact occurrence of their names."""

from __future__ import annotations

import re
from collections import Counter

from ..brief import Source
from .entities import Entity, _looks_like_person, occurrences
from .names import ACRONYM_AFTER, BODY_AFTER, BODY_BEFORE, SPOKESPERSON, TITLE_PREFIX, TITLED_SURNAME
from .sentences import Sentence
from .source_bodies import fold_introduced_bodies, fold_media_wings
from .source_people import body_named_before, content_words, fold_described_people
from .source_words import DESCRIPTION_HEADS, SOURCE_HEADS
from .sources import SourceMention, is_generic, refers_back, source_type
from .speakers import BODY_PRONOUNS


def merge_sources(text: str, mentions: list[SourceMention]) -> tuple[list[Entity], dict[int, int]]:
    """Source entities, and for each mention (by index) the entity it refers to.

    Generic descriptions ('the monitor', 'the agency') refer to the nearest named source
    of the same kind, before them if there is one, else after. 'X (ABC)' makes ABC a name
    of X; a spokesperson of a cited body is cited as that body."""
    entities: list[Entity] = []
    resolved: dict[int, int] = {}
    for index, mention in enumerate(mentions):
        if refers_back(mention) or mention.pronoun:
            continue
        kind = source_type(mention.name, mention.description)
        if mention.claims and source_type(mention.name) == "other":
            kind = "group"  # 'X claimed responsibility' / 'X denied involvement': an armed side
        acronym = ACRONYM_AFTER.match(text, mention.end) or _KNOWN_AS.match(text, mention.end)
        for number, entity in enumerate(entities):
            # unnamed witnesses ('witnesses', 'eyewitnesses') are one source; unnamed bodies
            # ('authorities', 'the police department') are not one another
            unnamed = not re.search(r"[A-Z]", entity.name + mention.name) and entity.kind == kind == "witness"
            body = any(_officials_of(known, mention.name) for known in entity.names)
            officials = body or any(_officials_of(mention.name, known) for known in entity.names)
            same = entity.related(mention.name) and not _body_and_person(entity, mention.name)
            surname = _titled_surname_of(entity, mention.name)
            if same or unnamed or officials or surname:
                entity.add(mention.name, mention.span)
                # the body's kind, not its officials'; a person's kind from where they are introduced
                if (entity.kind == "other" and not surname) or body:
                    entity.kind = kind
                resolved[index] = number
                break
        else:
            entity = Entity(mention.name, kind)
            entity.add(mention.name, mention.span)
            entities.append(entity)
            resolved[index] = len(entities) - 1
        if acronym:
            entities[resolved[index]].add(acronym.group(1), acronym.span(1))
    _link_spokespeople(text, mentions, entities, resolved)
    for index, mention in enumerate(mentions):
        if mention.pronoun:
            _resolve_pronoun(index, mentions, entities, resolved)
            continue
        if index in resolved:
            continue
        if refers_back(mention) and _resolve_by_apposition(text, index, mentions, entities, resolved):
            continue
        # 'the statement' is the statement of whichever source was cited, of any kind
        kind = (
            "other"
            if mention.name.lower() in ("statement", "report")
            else source_type(mention.name, mention.description)
        )
        earlier = sorted((j for j in resolved if mentions[j].start < mention.start), key=lambda j: -mentions[j].start)
        later = sorted((j for j in resolved if mentions[j].start > mention.start), key=lambda j: mentions[j].start)
        # 'the monitor' points back to a source already named; 'a medical group' introduces
        # one named next. Named sources come before unnamed ones ('medics') either way.
        order = later + earlier if re.match(r"an?\s", mention.name, re.IGNORECASE) else earlier + later
        order.sort(key=lambda j: not re.search(r"[A-Z]", entities[resolved[j]].name))
        # 'the agency' is first of all a source whose own name ends in 'Agency', whatever
        # kind its other words make it ('the Disaster Relief Agency')
        head = mention.name.split()[-1].lower()
        order.sort(key=lambda j: not _headed_by(entities[resolved[j]], head))
        # 'the Russian defence ministry' stands only for a source that is also Russian
        proper = {w for w in re.findall(r"\b[A-Z][\w'’-]*", mention.name) if w not in ("The", "A", "An")}
        # 'the agency', 'the group': a body, never a person quoted nearby
        body = is_generic(mention.name) or head in DESCRIPTION_HEADS
        for j in order:
            entity = entities[resolved[j]]
            if proper and not proper & {w for n in entity.names for w in n.split()}:
                continue
            if body and entity.kind in ("witness", "other", "official") and _is_person(entity.name):
                continue
            if len(content_words(mention.name)) > 1 and not any(re.search(r"[A-Z]", n) for n in entity.names):
                continue  # 'the country's disaster agency' stands for a name, not for 'officials'
            if head in ("ministry", "ministries") and entity.kind not in _STATE_KINDS and not _headed_by(entity, head):
                continue  # 'the ministry' is a state's: not a body of another or no known kind
            if head == "ministry" and not _a_ministry(entity):
                continue  # 'the health ministry' is a ministry, not the health agency or institute cited before
            if (
                kind in ("other", entity.kind)
                or {kind, entity.kind} <= {"media", "state_media"}
                or _headed_by(entity, head)
                # a body of no known kind ('the X Centre for Y (XCY) said ... the agency said')
                or entity.kind == "other"
                and not any(_looks_like_person(n) for n in entity.names)
                # a named body: 'border guards', 'a source' are people of no known body
                and any(re.search(r"[A-Z]", n) for n in entity.names)
            ):
                resolved[index] = resolved[j]
                entity.add(mention.name, mention.span)
                break
    for index, mention in enumerate(mentions):
        # a description with nothing named before or after to stand for ('the Indonesian
        # health ministry said') is the only name the article gives that source
        described = is_generic(mention.name) and len(content_words(mention.name)) > 1  # 'the interior ministry'
        if (mention.refers_back or described) and index not in resolved:
            if len(content_words(mention.name)) == 1 and _same_head_before(index, mentions, entities, resolved):
                continue  # 'the department said' after 'the health department said': the loop below
            entity = Entity(mention.name, source_type(mention.name, mention.description))
            entity.add(mention.name, mention.span)
            entities.append(entity)
            resolved[index] = len(entities) - 1
    for index, mention in enumerate(mentions):
        # 'the agency said' after 'the disaster management agency said': the description
        # made a source above, the same noun refers back to it
        if index in resolved or not refers_back(mention):
            continue
        before = _same_head_before(index, mentions, entities, resolved)
        if before:
            number = resolved[max(before, key=lambda j: mentions[j].start)]
            resolved[index] = number
            entities[number].add(mention.name, mention.span)
    fold_described_people(text, mentions, entities, resolved)
    fold_introduced_bodies(text, mentions, entities, resolved)
    fold_media_wings(text, mentions, entities, resolved)
    for entity in entities:
        if entity.pinned:
            continue
        entity.name = _best_name(entity.names)
        bare = person_name(entity.name)
        if bare != entity.name:
            entity.names[bare] += 0
            entity.name = bare
    return entities, resolved


def _same_head_before(index: int, mentions: list[SourceMention], entities: list[Entity], resolved: dict[int, int]):
    """The mentions before this one whose source has a name with the same last word."""
    mention = mentions[index]
    head = mention.name.split()[-1].lower()
    return [
        j
        for j in resolved
        if mentions[j].start < mention.start
        and any(name.split()[-1].lower() == head for name in entities[resolved[j]].names)
    ]


# 'the National Office for X, known by its Spanish acronym ONX,': another name of the body
_KNOWN_AS = re.compile(
    r",?\s*(?:(?:better\s+|also\s+)?known|abbreviated)\s+(?:as|by\s+(?:its|the)\s+(?:[A-Za-z]+\s+)?"
    r"(?:acronym|initials|abbreviation))\s+([A-Z][A-Za-z]{1,9})\b"
)
_STATE_KINDS = frozenset({"government", "official", "military"})
_NAME_RUN = r"[A-Z][\w'’.&-]*(?:\s+(?:(?:of|for|and|the|de)\s+)*[A-Z][\w'’.&-]*)*"


def _named_in_apposition(text: str, mention: SourceMention) -> tuple[int, int] | None:
    """The name a description stands for where the story gave it beside the same noun
    before ('the opposition party, the Union for X, called ...' or 'the Union for X, a
    rights group, ...' ... 'the party said'): the last such name before the mention."""
    head = mention.name.split()[-1]
    before = text[: mention.start]
    patterns = (
        rf"\b{re.escape(head)}\s*,\s*(?:the\s+)?({_NAME_RUN})",
        rf"({_NAME_RUN})\s*,\s*(?:the|a|an)\s+(?:[\w-]+\s+){{0,3}}{re.escape(head)}\b",
    )
    found = [
        m.span(1)
        for number, pattern in enumerate(patterns)
        for m in re.finditer(pattern, before)
        # 'X, the agency' is an apposition only when the description's phrase closes ('...,
        # a rights group, said'), not when it goes on as the subject of a verb ('fighting in
        # Y, the agency said'); and a name after a preposition is a place or an object there
        if number == 0
        or (
            _CLOSES.match(text, m.end())
            and not _AFTER_PREPOSITION.search(before, 0, m.start(1))
            and not _LEADING_PREPOSITION.match(m.group(1))  # 'In Kell Province, the agency said'
        )
    ]
    return max(found) if found else None


_CLOSES = re.compile(r"\s*(?:[,;:)]|[—–]|\s-\s)")
_PREPOSITIONS = r"(?i:in|at|near|from|of|to|into|outside|across|around|inside|on|over|for|by)"
_LEADING_PREPOSITION = re.compile(rf"{_PREPOSITIONS}\s")
_AFTER_PREPOSITION = re.compile(rf"\b{_PREPOSITIONS}\s+(?:[a-z][\w-]*\s+){{0,2}}$")


def _named_with_its_words(text: str, mention: SourceMention) -> tuple[int, int] | None:
    """'the state emergency agency said' stands for the 'Niger State Emergency Management
    Agency' named elsewhere: a name that ends in the description's noun and holds all its
    other words (the nearest one; a bare 'the agency' has no words to match)."""
    words = [re.sub(r"['’]s?$", "", w.casefold()) for w in mention.name.split()]  # "the doctors' committee"
    modifiers = set(words[:-1]) - {"the", "a", "an"}
    if not modifiers:
        return None
    found = [
        m.span()
        for m in re.finditer(_NAME_RUN, text)
        if m.group().split()[-1].casefold() == words[-1]
        and modifiers <= {w.casefold() for w in m.group().split()}
        and not m.start() <= mention.start < m.end()
    ]
    return min(found, key=lambda span: abs(span[0] - mention.start)) if found else None


def _resolve_by_apposition(
    text: str, index: int, mentions: list[SourceMention], entities: list[Entity], resolved: dict[int, int]
) -> bool:
    """'the opposition party, the Union for X, called ...' / 'the party said': the name given
    beside the same noun before is the one the description stands for (the noun says its kind)."""
    mention = mentions[index]
    named = _named_in_apposition(text, mention) or _named_with_its_words(text, mention)
    if named is None:
        return False
    name = text[named[0] : named[1]]
    entity = next((e for e in entities if e.related(name)), None)
    if entity is None:
        entity = Entity(name, source_type(mention.name, mention.description))
        entity.add(name, named)
        entities.append(entity)
    entity.add(mention.name, mention.span)
    resolved[index] = entities.index(entity)
    return True


_BODIES = frozenset({"ministry", "department", "agency", "office", "authority", "directorate", "service"})


def _officials_of(officials: str, body: str) -> bool:
    """'health officials' and 'the Tarn-run health ministry': the officials of the body that
    the same words name (one source, typed by the body)."""
    words, named = officials.casefold().split(), body.casefold().replace("-", " ").split()
    return (
        len(words) == 2
        and words[-1] == "officials"
        and len(named) >= 2
        and named[-1] in _BODIES
        and words[0] in named[:-1]
    )


def _unnamed(name: str) -> bool:
    """'police', 'Officials': a common noun for a body of people, not a name (a singular
    title, 'the health minister', may describe the person named)."""
    head = name.split()[-1].lower() if name.split() else ""
    collective = head.endswith("s") or head in ("police", "military", "army", "government")
    return head in SOURCE_HEADS and collective and not re.search(r"[A-Z]", name[1:])


def _is_person(name: str) -> bool:
    return _looks_like_person(person_name(name))


def _body_and_person(entity: Entity, name: str) -> bool:
    """'police' and 'Police Chief Ana Ruiz' share a word but are two sources: the force and
    the person who speaks for it."""
    if _unnamed(name):
        return any(_is_person(known) for known in entity.names)
    return _is_person(name) and all(_unnamed(known) for known in entity.names)


def _titled_surname_of(entity: Entity, name: str) -> bool:
    """'Supt Paraka said' after 'Superintendent Gideon Paraka said': a title and a surname
    alone refer back to the person named in full."""
    titled = TITLED_SURNAME.match(name)
    return bool(titled) and any(
        _is_person(known) and person_name(known).split()[-1] == titled.group(1) for known in entity.names
    )


def _a_ministry(entity: Entity) -> bool:
    return any(re.search(r"\bministr(?:y|ies)\b", name, re.IGNORECASE) for name in entity.names)


def _headed_by(entity: Entity, head: str) -> bool:
    return any(name[:1].isupper() and name.split()[-1].lower() == head for name in entity.names)


_COLLECTIVE_HEAD = re.compile(
    r"\b(?:coalition|alliance|party|movement|group|committee|council|union|front|company|association|network)$",
    re.IGNORECASE,
)


def _resolve_pronoun(index: int, mentions: list[SourceMention], entities: list[Entity], resolved: dict[int, int]):
    """'he said' / 'she told reporters': the nearest person cited before, within a few
    sentences ('it said': the nearest body). The pronoun is not a name: the entity gains no alias or span from it."""
    mention = mentions[index]
    # mentions come in reading order: walk back from this one
    earlier = (j for j in range(index - 1, -1, -1) if j in resolved and not mentions[j].pronoun)
    body = mention.name.lower() in BODY_PRONOUNS  # 'it said': the nearest body cited before
    for j in earlier:
        if mention.start - mentions[j].start > 1_500:
            break
        entity = entities[resolved[j]]
        # a spokesperson cited as their body still speaks as a person ('..., he said')
        person = any(_looks_like_person(name) for name in entity.names) or entity.kind in ("official", "witness")
        # 'it' stands for a body (not a person, nor a source of unknown kind); 'he'/'she' for a person
        collective = entity.kind != "other" or _COLLECTIVE_HEAD.search(entity.name)  # 'the X coalition ... it said'
        if (body and not person and collective) or (not body and person):
            resolved[index] = resolved[j]
            return


def _link_spokespeople(text: str, mentions: list[SourceMention], entities: list[Entity], resolved: dict[int, int]):
    """'Ana Diaz, a spokeswoman for the Health Ministry, said': the source is the person
    (the corpus convention: analysts cite who spoke), who speaks for the ministry. The
    ministry stays its own source where the article cites it; the person records whom they
    speak for, so that one figure given by both is counted once (dedupe_figures)."""
    for index, mention in enumerate(mentions):
        if index not in resolved or not SPOKESPERSON.search(mention.description):
            continue
        speaker = entities[resolved[index]]
        own_sentence = re.split(r"[.!?](?:\s|$)", text[mention.sentence_start : mention.end + 200])[0]
        body_name = _body_of_spokesperson(own_sentence)
        cited = [
            body
            for body in entities
            if body is not speaker
            and re.search(r"[A-Z]", body.name)
            and (body.name in mention.description or (body_name and body.related(body_name)))
        ]
        cited = cited or body_named_before(text, index, mentions, entities, resolved)
        if cited:
            speaker.speaks_for = cited[0]
        elif body_name:  # the body is named only beside its spokesperson: a name of the person's source
            speaker.names[body_name] += 0
        body_kind = cited[0].kind if cited else source_type(body_name) if body_name else None
        if body_kind == "group":
            speaker.kind = "group"  # who speaks for an armed group is cited as the group (a side)
        elif speaker.kind == "government" and _is_person(speaker.name):
            speaker.kind = "official"  # a person speaking for a state body is an official
        elif body_kind in ("un", "ngo", "monitor") and _is_person(speaker.name):
            speaker.kind = body_kind  # who speaks for a UN office or a charity is cited as it


def _body_of_spokesperson(description: str) -> str | None:
    match = BODY_AFTER.search(description) or BODY_BEFORE.search(description)
    body = match.group(1).strip() if match else None
    # 'Its spokesman', 'The spokesman': a determiner, not the body's name
    return None if body is None or body.lower() in ("its", "their", "his", "her", "our", "the", "a", "an") else body


def person_name(name: str) -> str:
    """'Interior Minister Ana Petrov' -> 'Ana Petrov' (the title stays in the aliases)."""
    return TITLE_PREFIX.sub("", name)


def _best_name(names: Counter) -> str:
    # a name never cited itself (the body a spokesperson speaks for) is an alias, not the name
    cited = [n for n in names if names[n] > 0] or list(names)
    named = [
        n
        for n in cited
        if not is_generic(n) and re.sub(r"^(?:the|a|an)\s+", "", n.lower()) not in DESCRIPTION_HEADS  # 'the institute'
    ]
    proper = [n for n in named if not re.search(r"\s+of\s+[A-Z]", n)]
    if not any(_capitalised(n) for n in proper):  # 'the doctors' committee' names no better than 'Committee of X'
        proper = [n for n in named if _capitalised(n)] or proper
    proper = proper or cited
    # the fullest proper form: most words, then most frequent
    # a name written with capitals before a description of it ('prime minister's office')
    # ('The ministry' at a sentence's start is no more a name than 'the health ministry')
    return max(
        proper,
        key=lambda n: (
            _capitalised(n),
            len(n.split()) if not n.isupper() else 1,
            names[n],
        ),
    )


def _capitalised(name: str) -> bool:
    """A capital letter beyond a sentence's first article ('The ministry' is not a name)."""
    return bool(re.search(r"[A-Z]", re.sub(r"^(?:The|A|An)\s", "", name)))


def sources_as_items(text: str, entities: list[Entity], sentences: list[Sentence]) -> list[Source]:
    items = []
    for entity in entities:
        aliases = sorted({n for n in entity.names if n != entity.name and n in text})
        spans = occurrences(text, [entity.name, *aliases], sentences) or entity.spans
        items.append(Source(name=entity.name, type=entity.kind, aliases=aliases, mentions=spans))
    return items
