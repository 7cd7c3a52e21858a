"""Who, by the words around the names: one actor per side of the event from its group
nouns ('security forces', 'gunmen'), named people and named organisations, each given
its role by the cues near its mentions. The roles the dependency parse shows are
actors.py's (`with_parsed_roles` adds them to these)."""

from __future__ import annotations

import re
from collections import Counter

from ..brief import Actor
from .actor_ages import speaks_with_age, written_with_age
from .actor_nations import country_of_demonym as demonym
from .actor_nations import state_key
from .entities import (
    Entity,
    _key,
    _looks_like_person,
    _named_as_place,
    _words,
    listed_as_place,
    occurrences,
    reads_as_place,
)
from .figures import CASUALTY
from .gazetteer import gazetteer_kind
from .names import (
    _ACTOR_MODIFIER,
    ACTOR_NOUNS,
    ARREST_BEFORE,
    ATTACK_VERB,
    ATTACKER_CUE,
    ATTACKER_WORDS,
    AUTHORITY_WORDS,
    CHARGED,
    CLAIM,
    FORCE_NAME,
    FORMER,
    MEDIA_OR_ANALYST,
    STATE_NAME,
    TARGETED,
    TITLE,
    VICTIM_CUE,
    VICTIM_WORDS,
    EntityMention,
)
from .numbers import parse_number
from .sentences import Sentence

_FUNCTION_WORDS = {
    "the", "a", "an", "of", "between", "and", "with", "by", "as", "against", "from", "among",
    "to", "for", "on", "in", "at", "that", "its", "their", "his", "her", "all", "some", "other",
    "several", "many", "two", "three", "four", "when", "while", "after", "also", "most", "both",
}  # fmt: skip


# a place's kind written after its name ('Kessa Tarn district')
_PLACE_NOUN_AFTER = re.compile(
    r"\s+(?:district|province|county|region|village|town|city|governorate|prefecture|municipality)\b"
)


def _title_case(line: str) -> bool:
    words = re.findall(r"[A-Za-z][\w'’-]*", line)
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


# words that hedge who the men are ('suspected X rebels'): no part of the side's name
_HEDGES = frozenset({"suspected", "alleged", "presumed", "purported"})


def _clean_phrase(phrase: str) -> str:
    words = phrase.split()
    while words and words[0].lower() in _FUNCTION_WORDS:
        words.pop(0)
    return " ".join(words)


def _side(phrase: str) -> str:
    if _named_force(phrase):
        return "other"  # a group's own name ('the Harak Liberation Army'): not a generic side
    if ATTACKER_WORDS.search(phrase):
        return "attacker"
    if VICTIM_WORDS.search(phrase):
        return "victim"
    if AUTHORITY_WORDS.search(phrase) and phrase.split()[-1].lower() not in ("supporters", "protesters"):
        return "state"  # (not 'government supporters', 'anti-government protesters': people, not the state)
    return "other"


def _placed_force(phrase: str) -> bool:
    """'Kessa police', 'Lanark province police': a force named by its town or province, whose
    name says where it serves rather than who it is (the bare 'police' names it as well)."""
    capitalised = re.match(r"((?:[A-Z][\w'’-]*\s+)+)[a-z]", phrase)
    # a country's forces are often named so ('US soldiers'); a town's or a province's are not
    return bool(capitalised) and gazetteer_kind(capitalised.group(1).strip()) not in (None, "country")


# words a force's phrase may begin with, capitalised only at a sentence's start ('Security forces')
_COMMON_MODIFIERS = frozenset(re.findall(r"\|([a-z]+)(?=\||\))", _ACTOR_MODIFIER)) | {"our", "your", "my"}


# a speaker's noun after a force's phrase ('army officials', 'police spokesman')
# (and before a noun it qualifies, 'a Varnian police officer', 'army positions': no name of the side either)
_SPEAKER_AFTER = re.compile(
    r"\s+(?:officials?|spokes(?:man|woman|person)|sources?|statement|chief"
    r"|officer|convoy|positions?|post|station|base|vehicle|headquarters|checkpoint)\b"
)


def _nation(phrase: str) -> str | None:
    """The capitalised words before a force's noun that name its state ('Varnian troops',
    'U.S. soldiers'), or None ('security forces', 'Our troops', a town's 'Kessa police')."""
    words = phrase.split()[:-1]
    nation = [
        w
        for w in words
        if w[:1].isupper() and w.lower() not in _FUNCTION_WORDS | _COMMON_MODIFIERS and parse_number(w) is None
    ]
    if not nation or _placed_force(phrase):
        return None
    return " ".join(nation)


def _named_force(phrase: str) -> bool:
    """'Harak Liberation Army', 'Rapid Response Forces': a capitalised force noun after
    capitalised words that name no country nor its people (those are 'Varnian Army')."""
    head = phrase.split()[-1]
    nation = _nation(phrase)
    return head in ("Army", "Forces", "Police") and nation is not None and state_key(nation) == nation


def _by_state(side: str, phrases: Counter) -> list[Counter]:
    """The state's side split by the state each phrase names, when two states' forces are
    each named more than once ('Varnian troops shelled ...', 'Ostlandic troops returned
    fire'): the phrases that name no state, or a state named once, go with the state named
    most often. Other sides, and a side with one state's forces, are one group each."""
    if side != "state":
        return [phrases]
    groups: dict[str | None, Counter] = {}
    for phrase, n in phrases.items():
        nation = _nation(phrase)  # 'U.S. forces' and 'American troops': one state's
        groups.setdefault(state_key(nation) if nation else None, Counter())[phrase] = n
    strong = [group for nation, group in groups.items() if nation is not None and sum(group.values()) >= 2]
    if len(strong) < 2:
        return [phrases]
    main = max(strong, key=lambda g: sum(g.values()))
    for group in groups.values():
        if group not in strong:
            main.update(group)
    return strong


def group_actors(text: str, sentences: list[Sentence], casualty_groups: list[str]) -> list[Actor]:
    """One actor per side of the event (the state's forces, the armed attackers, victims):
    the phrases of each side are merged; the most frequent phrase with a modifier
    ('pro-government militias' over 'militias') becomes the name. Victims are listed only
    when a figure of the event counts them."""
    sides: dict[str, Counter] = {}
    first_seen: dict[str, int] = {}
    in_prose: Counter = Counter()  # uses outside title-case lines ('Market Suicide Bomber Kills 6')
    speaking: Counter = Counter()  # uses before a speaker's noun ('army officials said'): no side's name
    for sentence in sentences:
        headline = _title_case(sentence.text)
        for match in ACTOR_NOUNS.finditer(sentence.text):
            phrase = _clean_phrase(match.group(1))
            if len(phrase.split()) < 1 or not re.search(r"[a-z]", phrase):
                continue
            sides.setdefault(_side(phrase), Counter())[phrase] += 1
            first_seen.setdefault(phrase, sentence.start + match.start())
            in_prose[phrase] += not headline
            speaking[phrase] += bool(_SPEAKER_AFTER.match(sentence.text, match.end()))
    story = " ".join(s.text for s in sentences)
    counted = " ".join(casualty_groups)
    actors = []
    for side, phrases in [(kind, group) for kind, found in sides.items() for group in _by_state(kind, found)]:
        if side == "other":
            continue
        if side == "victim":
            phrases = Counter(
                {p: n for p, n in phrases.items() if p in counted or counted and p.split()[-1] in counted}
            )
            if not phrases:
                continue
        name = max(
            phrases,
            key=lambda p: (len(p.split()) > 1, in_prose[p] > 0, phrases[p] > speaking[p], phrases[p], -first_seen[p]),
        )
        if _placed_force(name):  # 'Kessa police' and 'police': the force's own name
            bare = [p for p in phrases if p.lower() == name.split()[-1].lower()]
            name = max(bare, key=lambda p: (in_prose[p] > 0, phrases[p], -first_seen[p])) if bare else name
        if side == "state":
            role = "target" if TARGETED.search(story) else "authority"
        else:
            role = side
        words = name.split()
        if len(words) > 1 and (words[0].lower() in _HEDGES or parse_number(words[0]) is not None):
            # 'Suspected X rebels': the side is 'X rebels'; 'Seven civilians were killed': 'civilians'
            name = " ".join(words[1:])
        aliases = sorted(p for p in phrases if p != name)
        spans = occurrences(text, [name, *aliases], sentences)
        actors.append(Actor(name=name, role=role, aliases=aliases, mentions=spans))
    return actors


def people_from(
    text: str,
    mentions: list[EntityMention],
    sentences: list[Sentence],
    source_spans: list[tuple[int, int]],
    taken: set[str],
) -> list[Actor]:
    entities: list[Entity] = []
    # a lone word read elsewhere as a people's adjective ('Varnish troops') is one everywhere
    peoples = {m.text for m in mentions if m.label == "NORP" and " " not in m.text}
    # a name a place noun lists once ('the islands of X and Y') is a place wherever it is written
    places = {m.text for m in mentions if listed_as_place(text, m.start)}
    for mention in mentions:
        if mention.text in peoples:
            continue
        if not re.match(r"[A-Z]", mention.text) or mention.text.isupper():
            continue  # a name in capitals is a dateline ('OSK (Reuters) -'), not a person
        if mention.label != "PERSON" and not (mention.label == "ORG" and _looks_like_person(mention.text)):
            continue
        if " " not in mention.text and (re.search(r"(ite|ites|ian|ians|ese)$", mention.text) or demonym(mention.text)):
            continue  # a demonym ('Alawite', 'Omani') that NER took for a person
        if gazetteer_kind(mention.text) or _key(mention.text) in taken:
            continue  # a place the gazetteer knows, in one word or more ('Sierra Leone')
        if reads_as_place(mention.text) or _named_as_place(text, mention.start, mention.text) or mention.text in places:
            continue  # 'Fukushima Prefecture', 'Central Java', 'the town of Osk': a place NER read as a person
        if _PLACE_NOUN_AFTER.match(text, mention.end):
            continue  # 'in neighbouring Kessa Tarn district': a place's name before its kind
        if mention.label != "PERSON" and re.match(r"\s+(?:and|&)\s+[A-Z]", text[mention.end : mention.end + 8]):
            continue  # 'Urban Search' of 'Urban Search and Rescue': part of an organisation's name
        if len(_key(mention.text)) < 3:
            continue
        if text[mention.end : mention.end + 1] == ":" and text[max(0, mention.start - 1) : mention.start] in ("", "\n"):
            continue  # 'Varnia: boat capsizes ...': a headline's topic label, a place, not a person
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
        if (
            role is None
            and written_with_age(text, entity.spans)
            and not speaks_with_age(text, entity.spans)
            and not ARREST_BEFORE.search(windows)
        ):
            role = "victim"  # 'X, 38, and his nephew Y, 19': a person whose age the story gives
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


def _harm_cue(window: str) -> bool:
    """A casualty word that makes the person near it a victim: not where people sheltered
    ('spent the night in tents set up by the Red Crescent': who set them up is no victim)."""
    return any(m.lastgroup != "displaced" for m in CASUALTY.finditer(window))


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
    if any(_harm_cue(window) or VICTIM_CUE.search(window) for window in near):
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
        name, start = mention.text, mention.start
        hedge = re.match(r"(\w+)\s+", name)
        if hedge and hedge.group(1).lower() in _HEDGES:  # 'Suspected X Brigade fighters': the side is 'X Brigade'
            name, start = name[hedge.end() :], start + hedge.end()
            if _key(name) in taken:
                continue
        spans = occurrences(text, [name], sentences)
        actors.append(Actor(name=name, role=role, mentions=spans or [(start, start + len(name))]))
    return actors


def _different_person(a: str, b: str) -> bool:
    # 'Haider Ali' and 'Shujaa al-Ali' share a surname but are different people
    wa, wb = _words(a), _words(b)
    return len(wa) >= 2 and len(wb) >= 2 and not (wa <= wb or wb <= wa)
