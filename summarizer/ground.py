"""From candidates to grounded brief items: merge mentions into entities, attach spans,
and verify every value against the text. Nothing leaves this module unless the article
contains it verbatim; what fails verification is dropped and counted."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from .brief import Actor, Figure, Place, Source
from .candidates import (
    ACRONYM_AFTER,
    ACTOR_NOUNS,
    ARREST_BEFORE,
    ATTACK_VERB,
    ATTACKER_CUE,
    ATTACKER_WORDS,
    AUTHORITY_WORDS,
    BODY_AFTER,
    BODY_BEFORE,
    CASUALTY,
    CHARGED,
    CLAIM,
    FORCE_NAME,
    FORMER,
    INSTITUTION,
    MEDIA_OR_ANALYST,
    MODIFIER_USE,
    ORG_WORD,
    SPOKESPERSON,
    STATE_NAME,
    TARGETED,
    TITLE,
    TITLE_PREFIX,
    VICTIM_CUE,
    VICTIM_WORDS,
    EntityMention,
    FigureCandidate,
    Sentence,
    SourceMention,
    gazetteer_kind,
    is_generic,
    place_type_from_context,
    refers_back,
    source_type,
)
from .extract.actors import RoleCue, roles_by_name
from .extract.names import countries_of, country_code
from .extract.numbers import read_count
from .extract.speakers import BODY_PRONOUNS

_FUNCTION_WORDS = {
    "the", "a", "an", "of", "between", "and", "with", "by", "as", "against", "from", "among",
    "to", "for", "on", "in", "at", "that", "its", "their", "his", "her", "all", "some", "other",
    "several", "many", "two", "three", "four", "when", "while", "after", "also", "most", "both",
}  # fmt: skip


def _key(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).casefold()
    folded = re.sub(r"['’]s\b", "", folded)
    folded = re.sub(r"\b(al|el|the)[- ]", "", folded)
    return " ".join(re.sub(r"[^\w]+", " ", folded).split())


def _words(name: str) -> set[str]:
    return set(_key(name).split())


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper()).upper()


@dataclass
class Entity:
    name: str
    kind: str  # a role, place type or source type
    names: Counter = field(default_factory=Counter)
    spans: list[tuple[int, int]] = field(default_factory=list)
    pinned: bool = False  # the name was chosen deliberately
    # a spokesperson's body, when the article cites it too
    speaks_for: Entity | None = field(default=None, compare=False, repr=False)

    def add(self, name: str, span: tuple[int, int]) -> None:
        self.names[name] += 1
        self.spans.append(span)

    def related(self, name: str) -> bool:
        """Does `name` name this entity: one name's words within the other's ('Observatory'),
        or an acronym of it ('SOHR')? Checked against every name the entity has had."""
        return any(_related(known, name) for known in [self.name, *self.names])


def _related(known: str, name: str) -> bool:
    mine, theirs = _words(known), _words(name)
    if not mine or not theirs:
        return False
    if mine <= theirs or theirs <= mine:
        return True
    return (name.isupper() and len(name) >= 3 and name == _initials(known)) or (
        known.isupper() and len(known) >= 3 and known == _initials(name)
    )


def occurrences(text: str, names: list[str], sentences: list[Sentence]) -> list[tuple[int, int]]:
    """Every exact occurrence of any of `names` inside the story sentences."""
    spans: set[tuple[int, int]] = set()
    for sentence in sentences:
        for name in names:
            for match in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", sentence.text):
                spans.add((sentence.start + match.start(), sentence.start + match.end()))
    # drop spans nested inside a longer one (an alias inside the full name)
    ordered = sorted(spans, key=lambda s: (s[0], -s[1]))
    kept: list[tuple[int, int]] = []
    for span in ordered:
        if kept and span[0] >= kept[-1][0] and span[1] <= kept[-1][1]:
            continue
        kept.append(span)
    return kept


# ---------------------------------------------------------------- sources


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
        acronym = ACRONYM_AFTER.match(text, mention.end)
        for number, entity in enumerate(entities):
            # unnamed witnesses ('witnesses', 'eyewitnesses') are one source; unnamed bodies
            # ('authorities', 'the police department') are not one another
            unnamed = not re.search(r"[A-Z]", entity.name + mention.name) and entity.kind == kind == "witness"
            if entity.related(mention.name) or unnamed:
                entity.add(mention.name, mention.span)
                if entity.kind == "other":
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
        kind = source_type(mention.name, mention.description)
        earlier = sorted((j for j in resolved if mentions[j].start < mention.start), key=lambda j: -mentions[j].start)
        later = sorted((j for j in resolved if mentions[j].start > mention.start), key=lambda j: mentions[j].start)
        # 'the monitor' points back to a source already named; 'a medical group' introduces
        # one named next. Named sources come before unnamed ones ('medics') either way.
        order = later + earlier if re.match(r"an?\s", mention.name, re.IGNORECASE) else earlier + later
        order.sort(key=lambda j: not re.search(r"[A-Z]", entities[resolved[j]].name))
        for j in order:
            entity = entities[resolved[j]]
            if kind in ("other", entity.kind) or {kind, entity.kind} <= {"media", "state_media"}:
                resolved[index] = resolved[j]
                entity.add(mention.name, mention.span)
                break
    for index, mention in enumerate(mentions):
        # a description with nothing named before or after to stand for ('the Indonesian
        # health ministry said') is the only name the article gives that source
        if mention.refers_back and index not in resolved:
            entity = Entity(mention.name, source_type(mention.name, mention.description))
            entity.add(mention.name, mention.span)
            entities.append(entity)
            resolved[index] = len(entities) - 1
    for entity in entities:
        if entity.pinned:
            continue
        entity.name = _best_name(entity.names)
        bare = person_name(entity.name)
        if bare != entity.name:
            entity.names[bare] += 0
            entity.name = bare
    return entities, resolved


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
        if (body and not person and entity.kind != "other") or (not body and person):
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
        if cited:
            speaker.speaks_for = cited[0]
        elif body_name:  # the body is named only beside its spokesperson: a name of the person's source
            speaker.names[body_name] += 0


def _body_of_spokesperson(description: str) -> str | None:
    match = BODY_AFTER.search(description) or BODY_BEFORE.search(description)
    body = match.group(1).strip() if match else None
    # 'Its spokesman', 'The spokesman': a determiner, not the body's name
    return None if body is None or body.lower() in ("its", "their", "his", "her", "our", "the", "a", "an") else body


def person_name(name: str) -> str:
    """'Interior Minister Ana Petrov' -> 'Ana Petrov' (the title stays in the aliases)."""
    return TITLE_PREFIX.sub("", name)


def _best_name(names: Counter) -> str:
    proper = [n for n in names if not is_generic(n) and not re.search(r"\s+of\s+[A-Z]", n)] or list(names)
    # the fullest proper form: most words, then most frequent
    # a name written with capitals before a description of it ('prime minister's office')
    return max(proper, key=lambda n: (bool(re.search(r"[A-Z]", n)), len(n.split()) if not n.isupper() else 1, names[n]))


def sources_as_items(text: str, entities: list[Entity], sentences: list[Sentence]) -> list[Source]:
    items = []
    for entity in entities:
        aliases = sorted({n for n in entity.names if n != entity.name and n in text})
        spans = occurrences(text, [entity.name, *aliases], sentences) or entity.spans
        items.append(Source(name=entity.name, type=entity.kind, aliases=aliases, mentions=spans))
    return items


# ---------------------------------------------------------------- places


_DATELINE_AFTER = re.compile(r"(?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)?\s*(?:\([^()]{1,40}\)\s*)?[-–—:]\s")


def _is_foreign_dateline(text: str, mention: EntityMention, sentences: list[Sentence]) -> bool:
    """'LONDON (Reuters) - A bomb exploded in Chad': a dateline in capitals says where the
    report was filed. It is a place of the event only when the story names it again."""
    if not (mention.text.isupper() and len(mention.text) > 2):
        return False
    starts_a_line = mention.start == 0 or text[mention.start - 1] == "\n"
    if not (starts_a_line or any(s.start == mention.start for s in sentences)):
        return False
    if not _DATELINE_AFTER.match(text, mention.end):
        return False
    spelled = re.compile(rf"\b{re.escape(mention.text.title())}\b")
    return not any(spelled.search(s.text) for s in sentences)


_NOT_A_PLACE_AFTER = re.compile(
    r"\s+(?:virus|fever|disease|outbreak|epidemic|strain|rockets?|missiles?|festival|holiday|celebrations?)\b",
    re.IGNORECASE,
)


def event_countries(places: list[Place], sentences: list[Sentence]) -> list[Place]:
    """Of several countries an article names, those where the event happened: named in the
    first three story sentences (headline, lede and the next), or holding one of the event's
    other places. A country named only
    further down (a donor, a foreign force's home, an outlet's base) is background."""
    countries = [p for p in places if p.type == "country"]
    if len(countries) <= 1:
        return places
    lede_end = sentences[min(2, len(sentences) - 1)].end if sentences else 0
    held = {code for p in places if p.type != "country" for code in countries_of(p.name)}
    kept = [p for p in countries if any(start < lede_end for start, _ in p.mentions) or country_code(p.name) in held]
    return [p for p in places if p.type != "country" or p in kept or not kept]


def places_from(text: str, mentions: list[EntityMention], sentences: list[Sentence], taken: set[str]) -> list[Place]:
    entities: list[Entity] = []
    # 'Amnesty' in 'Amnesty International': the first word of an organisation's name
    part_of_longer_name = {
        m.text
        for m in mentions
        if " " not in m.text
        and gazetteer_kind(m.text) is None
        and re.match(r"[ \t][A-Z][a-z]+", text[m.end : m.end + 20])  # not across a line end
        and not re.match(r"\s(?:Province|State|Region|District|City|County|Governorate)\b", text[m.end : m.end + 20])
    }
    never_places = _never_places(text, mentions)
    for mention in mentions:
        if _is_foreign_dateline(text, mention, sentences):
            continue
        known = gazetteer_kind(mention.text)
        if _NOT_A_PLACE_AFTER.match(text, mention.end) or mention.text in never_places:
            continue  # 'the Marwa virus', 'Qadir rockets', 'the Holi festival': named after a place or not one
        before_word = text[max(0, mention.start - 12) : mention.start]
        locative = re.search(
            r"\b(in|at|near|from|of|to|across|outside|inside|around|towards|into)\s+(the\s+)?$", before_word
        )
        # 'in Kachin state': NER often calls the name an organisation
        division = (
            locative
            and mention.label != "NORP"
            and known != "country"
            and re.fullmatch(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?", mention.text)
            and re.match(r"\s+state\b", text[mention.end : mention.end + 8])
        )
        if mention.label not in ("GPE", "LOC", "FAC", "PLACE", "SITE") and not (
            ((known or division) and locative) or _named_as_place(text, mention.start, mention.text)
        ):
            continue  # a gazetteer hit alone ('Adam', 'Hughes') is too weak without 'in'/'near'
        if " " not in mention.text and re.search(rf"(?<![\w-]){re.escape(mention.text.lower())}(?![\w-])", text):
            continue  # a capitalised common word ('Gunmen' at a sentence start)
        if re.match(r"[ \t][A-Z]", text[mention.end : mention.end + 2]) and mention.label not in ("PLACE", "SITE"):
            continue  # the first word of a longer name ('Sudan Doctors Network')
        if mention.text.startswith("Operation ") or (mention.text.isupper() and len(mention.text) <= 4 and not known):
            continue
        locative_use = re.search(r"\b(?:in|at|near)\s+$", before_word)
        if ACTOR_NOUNS.fullmatch(mention.text) or (mention.text in part_of_longer_name and not locative_use):
            continue
        if _key(mention.text) in taken or not re.match(r"[A-Z]", mention.text):
            continue
        if INSTITUTION.search(mention.text):
            continue
        before, after = (
            text[max(0, mention.start - 24) : mention.start],
            text[mention.end : mention.end + 20],
        )
        if re.search(r"\b(?:pro|anti)-$", before) or MODIFIER_USE.match(after):
            continue
        base = re.sub(
            r"\s+(province|governorate|district|region|countryside|city|village|town)$",
            "",
            mention.text,
        )
        kind = place_type_from_context(before, after) or known or ("site" if mention.label in ("FAC", "SITE") else None)
        state = re.match(r"\s+(state|islands)\b", after)
        if state and known != "country" and " " not in mention.text:
            # 'in Kachin state', 'the Kerkennah islands': the lower-case word is part of the name
            mention = EntityMention(text[mention.start : mention.end + state.end()], mention.start,
                                    mention.end + state.end(), mention.label)  # fmt: skip
            kind = "province" if state.group(1) == "state" else kind
        particle = re.search(
            r"[A-Z][\w'’]+\s+(?:al|el|ad|as|ash|an|ar|az)-$", text[max(0, mention.start - 20) : mention.start]
        )
        if particle:  # 'Souq al-Juma': NER gives only the part after the particle
            start = mention.start - len(particle.group())
            mention = EntityMention(text[start : mention.end], start, mention.end, mention.label)
            base = mention.text
        if _DEMONYM.fullmatch(mention.text) and not known and _ADJECTIVE_USE.match(after):
            continue  # 'Ukrainian troops', 'Congolese waters': an adjective of nationality, not a place
        for entity in entities:
            if _key(entity.name) == _key(base):
                entity.add(mention.text, (mention.start, mention.end))
                if entity.kind == "other" and kind:
                    entity.kind = kind
                break
        else:
            entity = Entity(base, kind or "other")
            entity.add(mention.text, (mention.start, mention.end))
            entities.append(entity)
    places = []
    for entity in entities:
        entity.name = next((n for n in entity.names if n.endswith((" state", " islands"))), entity.name)
        if entity.name not in text:
            continue
        aliases = sorted({n for n in entity.names if n != entity.name})
        spans = occurrences(text, [entity.name, *aliases], sentences)
        places.append(Place(name=entity.name, type=entity.kind, aliases=aliases, mentions=spans))
    return places


_DEMONYM = re.compile(r"[A-Z][a-z]+(?:ian|ean|ese|ish)")
_ADJECTIVE_USE = re.compile(r"\s+(?!(?:region|province|district|state|coast|peninsula|islands?|sea|area)\b)[a-z]")
_PLACE_OF = re.compile(
    r"\b(?:town|city|village|district|province|region|county|port|capital|island|suburb|neighbou?rhood)\s+of\s+$",
    re.IGNORECASE,
)


def _named_as_place(text: str, start: int, name: str) -> bool:
    """'the town of Osk': one capitalised word the text itself calls a place."""
    return bool(re.fullmatch(r"[A-Z][\w'’-]+", name) and _PLACE_OF.search(text[max(0, start - 30) : start]))


def _never_places(text: str, mentions: list[EntityMention]) -> set[str]:
    """One-word names the article shows are not places anywhere: named with 'virus', 'rockets',
    'festival' once ('the Marwa virus ... Marwa'), or the surname of a person named in full
    ('President Ana Corvo ... Corvo said'). Gazetteer places stay places."""
    never = set()
    for mention in mentions:
        if " " not in mention.text and _NOT_A_PLACE_AFTER.match(text, mention.end):
            never.add(mention.text)
        if mention.label == "PERSON" and " " in mention.text:
            never.add(mention.text.split()[-1])
    return {name for name in never if " " not in name and gazetteer_kind(name) is None}


# ---------------------------------------------------------------- actors


def _title_case(line: str) -> bool:
    words = re.findall(r"[A-Za-z][\w'’-]*", line)
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def _clean_phrase(phrase: str) -> str:
    words = phrase.split()
    while words and words[0].lower() in _FUNCTION_WORDS:
        words.pop(0)
    return " ".join(words)


def _side(phrase: str) -> str:
    if ATTACKER_WORDS.search(phrase):
        return "attacker"
    if VICTIM_WORDS.search(phrase):
        return "victim"
    if AUTHORITY_WORDS.search(phrase):
        return "state"
    return "other"


def group_actors(text: str, sentences: list[Sentence], casualty_groups: list[str]) -> list[Actor]:
    """One actor per side of the event (the state's forces, the armed attackers, victims):
    the phrases of each side are merged; the most frequent phrase with a modifier
    ('pro-government militias' over 'militias') becomes the name. Victims are listed only
    when a figure of the event counts them."""
    sides: dict[str, Counter] = {}
    first_seen: dict[str, int] = {}
    in_prose: Counter = Counter()  # uses outside title-case lines ('Market Suicide Bomber Kills 6')
    for sentence in sentences:
        headline = _title_case(sentence.text)
        for match in ACTOR_NOUNS.finditer(sentence.text):
            phrase = _clean_phrase(match.group(1))
            if len(phrase.split()) < 1 or not re.search(r"[a-z]", phrase):
                continue
            sides.setdefault(_side(phrase), Counter())[phrase] += 1
            first_seen.setdefault(phrase, sentence.start + match.start())
            in_prose[phrase] += not headline
    story = " ".join(s.text for s in sentences)
    counted = " ".join(casualty_groups)
    actors = []
    for side, phrases in sides.items():
        if side == "other":
            continue
        if side == "victim":
            phrases = Counter(
                {p: n for p, n in phrases.items() if p in counted or counted and p.split()[-1] in counted}
            )
            if not phrases:
                continue
        name = max(phrases, key=lambda p: (len(p.split()) > 1, in_prose[p] > 0, phrases[p], -first_seen[p]))
        if side == "state":
            role = "target" if TARGETED.search(story) else "authority"
        else:
            role = side
        aliases = sorted(p for p in phrases if p != name)
        spans = occurrences(text, [name, *aliases], sentences)
        actors.append(Actor(name=name, role=role, aliases=aliases, mentions=spans))
    return actors


def with_parsed_roles(
    text: str, sentences: list[Sentence], who: list[Actor], cues: list[RoleCue], excluded: set[str]
) -> list[Actor]:
    """The sides the parse shows ('X stormed', 'claimed by X', 'the attack on X'): a name not
    yet an actor is added with its role. An actor already found keeps its role (overriding
    it with the parse's measured no better on corpus train: role accuracy .622 -> .600),
    unless that role is 'other', which says only that nothing decided it."""
    who = list(who)
    for name, (role, _found) in roles_by_name(cues).items():
        key = _key(name)
        if not key or key in excluded or gazetteer_kind(name) or _STORM_NAME.match(name):
            continue
        same = next((a for a in who if key in {_key(n) for n in (a.name, *a.aliases)}), None)
        if same is not None:
            if same.role == "other":  # a name's words gave no side; the parse does
                who[who.index(same)] = same.model_copy(update={"role": role})
            continue
        if any(_related(a.name, name) for a in who):
            continue
        spans = occurrences(text, [name], sentences)
        if spans:
            who.append(Actor(name=name, role=role, mentions=spans))
    return who


def people_from(
    text: str,
    mentions: list[EntityMention],
    sentences: list[Sentence],
    source_spans: list[tuple[int, int]],
    taken: set[str],
) -> list[Actor]:
    entities: list[Entity] = []
    for mention in mentions:
        if not re.match(r"[A-Z]", mention.text) or mention.text.isupper():
            continue  # a name in capitals is a dateline ('OSK (Reuters) -'), not a person
        if mention.label != "PERSON" and not (mention.label == "ORG" and _looks_like_person(mention.text)):
            continue
        if " " not in mention.text and re.search(r"(ite|ites|ian|ians|ese)$", mention.text):
            continue  # a demonym ('Alawite') that NER took for a person
        if (" " not in mention.text and gazetteer_kind(mention.text)) or _key(mention.text) in taken:
            continue
        if reads_as_place(mention.text) or _named_as_place(text, mention.start, mention.text):
            continue  # 'Fukushima Prefecture', 'Central Java', 'the town of Osk': a place NER read as a person
        if mention.label != "PERSON" and re.match(r"\s+(?:and|&)\s+[A-Z]", text[mention.end : mention.end + 8]):
            continue  # 'Urban Search' of 'Urban Search and Rescue': part of an organisation's name
        if len(_key(mention.text)) < 3:
            continue
        possessive_only = bool(re.match(r"['’]s\b|-", text[mention.end : mention.end + 3])) and not any(
            _key(mention.text) == _key(e.name) for e in entities
        )
        for entity in entities:
            if entity.related(mention.text) and not _different_person(entity.name, mention.text):
                entity.add(mention.text, (mention.start, mention.end))
                break
        else:
            if possessive_only:
                continue
            entities.append(Entity(mention.text, "other"))
            entities[-1].add(mention.text, (mention.start, mention.end))
    actors = []
    for entity in entities:
        entity.name = max(entity.names, key=lambda n: (len(n.split()), entity.names[n]))
        windows = " ".join(_sentence_window(text, sentences, start, end) for start, end in entity.spans)
        # every mention overlaps a citation ('Sergeant Chris Miller' where 'Chris Miller' is cited)
        only_cited = all(any(s[0] < span[1] and span[0] < s[1] for s in source_spans) for span in entity.spans)
        if MEDIA_OR_ANALYST.search(windows) or only_cited:
            continue
        role = _person_role(text, entity)
        if role is None:
            continue  # a person merely mentioned is not an actor of the event
        if entity.name not in text:
            continue
        aliases = sorted(n for n in entity.names if n != entity.name)
        spans = occurrences(text, [entity.name, *aliases], sentences)
        actors.append(Actor(name=entity.name, role=role, aliases=aliases, mentions=spans))
    return actors


def _sentence_window(text: str, sentences: list[Sentence], start: int, end: int) -> str:
    """Up to 60 characters either side of a mention, within its sentence."""
    sentence = next(s for s in sentences if s.start <= start < s.end)
    return text[max(sentence.start, start - 60) : min(sentence.end, end + 60)]


def _looks_like_person(name: str) -> bool:
    """NER often calls a person an organisation; two or three plain capitalised words with no
    organisation word ('DeMarcus Hill') are read as a person, subject to the role cues."""
    words = name.split()
    return (
        2 <= len(words) <= 3
        and all(re.fullmatch(r"[A-Z][\w'’-]+", w) for w in words)
        and not ORG_WORD.search(name)
        and not reads_as_place(name)
        and not any(gazetteer_kind(w) in ("country", "province", "region") for w in words)
    )


# 'Fukushima Prefecture', 'Kirov Oblast': a place, however it is tagged
_PLACE_WORD = re.compile(
    r"\b(Prefectures?|Provinces?|Region|District|County|Oblast|Governorate|Island|Islands|Valley|Coast)\b"
)
# 'Central Java', 'North Kivu': a compass word and one name is a region, not a person
_REGION_NAME = re.compile(
    r"(?:North|South|East|West|Central|Northern|Southern|Eastern|Western|Upper|Lower)\s+[A-Z]\w+$"
)


def reads_as_place(name: str) -> bool:
    """A name whose words make it a place (or a storm: 'Cyclone Amara') whatever NER tagged it."""
    return bool(_PLACE_WORD.search(name) or _REGION_NAME.match(name) or _STORM_NAME.match(name))


_STORM_NAME = re.compile(r"(?:Super\s+)?(?:Cyclone|Typhoon|Hurricane|Tropical\s+Storm|Storm|Tropical\s+Depression)\s")


def _person_role(text: str, entity: Entity) -> str | None:
    """A person's role from the words right around their mentions, strongest cue first."""
    # the words before each mention, within its own sentence
    befores = [re.split(r"[.!?]\s", text[max(0, start - 90) : start])[-1] for start, _ in entity.spans]
    afters = [re.split(r"[.!?](?:\s|$)", text[end : end + 90])[0] for _, end in entity.spans]
    near = [
        before[-60:] + text[start:end] + after[:60]
        for before, after, (start, end) in zip(befores, afters, entity.spans, strict=True)
    ]
    if any(FORMER.search(before[-40:]) for before in befores):
        return None  # an ousted or former leader named in passing is background, not an actor
    if any(ATTACKER_CUE.search(window) and ATTACKER_WORDS.search(window) for window in near):
        return "attacker"
    if any(CHARGED.search(window) for window in near):
        return "attacker"  # arrested and charged over the attack: a suspected attacker
    if any(ARREST_BEFORE.search(before) for before in befores):
        return "target"
    if any(TITLE.search(window) for window in near):
        return "authority"
    if any(CASUALTY.search(window) or VICTIM_CUE.search(window) for window in near):
        return "victim"
    return None


def organisations_from(
    text: str, mentions: list[EntityMention], sentences: list[Sentence], taken: set[str]
) -> list[Actor]:
    """Named armed groups and forces: attacker or target by their place around an attack
    verb ('members of the X gang attacked rivals from Y'), else by what their name says."""
    found: dict[str, tuple[EntityMention, str]] = {}
    for mention in mentions:
        if mention.label != "ORG" or _key(mention.text) in taken or _key(mention.text) in found:
            continue
        sentence = next((s for s in sentences if s.start <= mention.start < s.end), None)
        if sentence is None:
            continue
        words = text[sentence.start : sentence.end]
        verb = ATTACK_VERB.search(words)
        near = text[max(sentence.start, mention.start - 40) : min(sentence.end, mention.end + 60)]
        if (
            verb
            and mention.start < sentence.start + verb.start()
            and (FORCE_NAME.search(mention.text) or CLAIM.search(near))
        ):
            role = "attacker"
        elif verb and mention.start > sentence.start + verb.end() and FORCE_NAME.search(mention.text + " " + near):
            role = "target"
        elif re.search(r"claim(?:ed|s)?\s+responsibility", near, re.IGNORECASE):
            role = "attacker"
        elif FORCE_NAME.search(mention.text):
            role = "authority" if STATE_NAME.search(mention.text) else "other"
        else:
            continue
        found[_key(mention.text)] = (mention, role)
    actors = []
    for mention, role in found.values():
        spans = occurrences(text, [mention.text], sentences)
        actors.append(Actor(name=mention.text, role=role, mentions=spans or [(mention.start, mention.end)]))
    return actors


def _different_person(a: str, b: str) -> bool:
    # 'Haider Ali' and 'Shujaa al-Ali' share a surname but are different people
    wa, wb = _words(a), _words(b)
    return len(wa) >= 2 and len(wb) >= 2 and not (wa <= wb or wb <= wa)


# ---------------------------------------------------------------- figures


@dataclass
class Choice:
    """The decision taken for one figure candidate."""

    candidate: FigureCandidate
    category: str
    source: str | None
    by_model: frozenset[str] = frozenset()  # the decision kinds the model answered for it


def figure_item(text: str, choice: Choice) -> Figure | None:
    """The brief's figure, or None when it fails verification: the evidence must hold the
    number, the number must read back as the count, and the category and source must be
    among the options the text offered for it."""
    candidate = choice.candidate
    start, end = candidate.evidence_span
    number_start, number_end = candidate.number_span
    if not (start <= number_start < number_end <= end) or not text[start:end].strip():
        return None
    # the number written first is the count, or the high end of a range written backwards
    if read_count(text, number_start, number_end) not in (candidate.count, candidate.count_max):
        return None
    if choice.category not in candidate.categories:
        return None
    if choice.source is not None and choice.source not in candidate.sources:
        return None
    return Figure(
        category=choice.category,
        count=candidate.count,
        count_max=candidate.count_max,
        qualifier=candidate.qualifier,
        group=candidate.group if candidate.group and candidate.group in text else None,
        source=choice.source,
        evidence=text[start:end],
        evidence_span=(start, end),
        decided_by={kind: "model" if kind in choice.by_model else "rules" for kind in open_decisions(candidate)},
    )


def open_decisions(candidate: FigureCandidate) -> list[str]:
    """The kinds the text leaves open for this figure: more than one grounded category, or
    more than one possible source (or one, not named in the figure's own sentence)."""
    kinds = ["category"] if len(candidate.categories) > 1 else []
    if len(candidate.sources) > 1 or (candidate.sources and candidate.sources_in_sentence == 0):
        kinds.append("source")
    return kinds


def dedupe_figures(figures: list[Figure], speaks_for: dict[str, str] | None = None) -> list[Figure]:
    """One entry per (category, figure, source); the same figure restated is kept once, and
    so is one given by a spokesperson and by the body they speak for (`speaks_for`: the
    person's name -> the body's)."""
    speaks_for = speaks_for or {}
    seen: set[tuple] = set()
    kept = []
    for figure in figures:
        source = speaks_for.get(figure.source or "", figure.source or "")
        key = (figure.category, figure.count, figure.count_max, _key(source))
        if key in seen:
            continue
        seen.add(key)
        kept.append(figure)
    # an unattributed figure ('at least 12 people were killed' in the lede) that a source
    # gives elsewhere in the article ('12 people died, police said') is that source's figure
    sourced = {(f.category, f.count, f.count_max) for f in kept if f.source}
    return [f for f in kept if f.source or (f.category, f.count, f.count_max) not in sourced]
