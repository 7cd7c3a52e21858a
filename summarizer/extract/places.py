"""Where: the places of the event, from NER and gazetteer mentions (not a dateline's city,
a place-named virus or festival, a nationality used as an adjective, a name taken by a
source), one entry per place with its type and spans, and of several countries only those
where the event happened. What the places do together is place_lists.py's, geocoding them geo.py's."""

from __future__ import annotations

import re

from ..brief import Place
from .entities import Entity, _key, _named_as_place, occurrences
from .gazetteer import countries_of, division_kind, gazetteer_kind, largest_population
from .names import (
    ACTOR_NOUNS,
    INSTITUTION,
    MODIFIER_USE,
    EntityMention,
    place_type_from_context,
)
from .place_filters import (
    NOT_A_PLACE_AFTER,
    a_nationality,
    dateline_places,
    in_a_byline,
    is_foreign_dateline,
    other_events,
)
from .place_filters import never_places as _never_places
from .place_kinds import (
    compass_kind,
    dateline_abbreviation,
    inside_an_organisations_name,
    listed_with_a_place,
    places_in_local_bodies,
    quarter_named,
    stated_elsewhere,
    stated_kind,
    vessel_names,
)
from .place_lists import (  # noqa: F401 - event_countries is pipeline's
    SPOKEN_IN,
    WIDE_FEATURE,
    event_countries,
    inside_another,
    one_entry_per_country,
    only_in,
    type_from_partners,
)
from .place_names import (
    ACTORS_FROM,
    a_governments_voice,
    a_mayors_town,
    full_names,
    in_an_events_slot,
    site_kind,
)
from .sentences import Sentence

_NOUN_OF = re.compile(r"\b(?:state|province|region|district|county|village|town|city|capital|department|governorate"
                      r"|prefecture|area)\s+of\s+(?:the\s+)?$")  # fmt: skip
# the last word of a body's name ('X County Emergency Management', 'X Water Authority')
_BODY_WORD = re.compile(r"\s(?:Management|Authority|Department|Services?|Commission|Administration|Bureau"
                        r"|Directorate|Command|Agency)$")  # fmt: skip
# 'the Varnian town of Osk': a nationality that describes the place named after 'of'
_SETTLEMENT_OF = re.compile(r"\s+(?:town|village|city|capital|province|region|district|state)\s+of\s+[A-Z]")
# 'Tarnia, also known as Vell', 'formerly called Vell': a second name of a place just named
_OTHER_NAME_BEFORE = re.compile(r"\b(?:also|formerly|previously|otherwise)\s+(?:known\s+as|called)\s+(?:the\s+)?$")
_NEIGHBOURING = re.compile(r"\bneighbou?ring\s+$")
# 'the authorities in Osk said', 'residents in Osk': the place people of it act or live in
_PEOPLE_IN = re.compile(r"\b(?:(district|provincial|regional|county|city|municipal|state)\s+)?"
                        r"(?:[Aa]uthorities|[Oo]fficials|[Rr]esidents|[Vv]illagers|[Pp]olice)\s+in\s+$")  # fmt: skip
# 'the district authorities in Osk': the level of the authorities types the place
_LEVEL_KIND = {"district": "district", "county": "district", "provincial": "province", "state": "province",
               "regional": "region", "city": "city", "municipal": "city"}  # fmt: skip
# 'rescue workers known as the Osk Helmets': a group's name
_GROUP_CALLED = re.compile(r"\b(?:workers|volunteers|fighters|militants|rebels|militia|group|force|unit)\s*,?\s+"
                           r"(?:known|called)\s+as\s+(?:the\s+)?$")  # fmt: skip
# 'a native of Osk', 'originally from Osk': where a person comes from, not where the event was
_ORIGIN_BEFORE = re.compile(r"\b(?:natives?\s+of|born\s+in|originally\s+from|hail(?:s|ed|ing)?\s+from|grew\s+up\s+in"
                            r"|home\s*town\s+of)\s+(?:the\s+)?$")  # fmt: skip
# 'the military hospital at Osk', 'a clinic in Osk': where the wounded were taken
_HOSPITAL_BEFORE = re.compile(r"\b(?:hospital|clinic|morgue)s?\s+(?:in|at)\s+$", re.IGNORECASE)
_ATTACKED_BEFORE = re.compile(
    r"\b(?:attack|bomb|strike|shell|hit|storm|raid|riot|fire|blaze|break|escape|clash)\w*\s+(?:on\s+)?(?:the\s+)?$"
)
_CARE_END = re.compile(r"\s(?:hospital|clinic|morgue|mortuary)$")
# 'the student, Ana Vell, 16, of Osk': a person named with an age
_AGE_AFTER = re.compile(r",\s+\d{1,3},\s")
_ENDS_A_SENTENCE = re.compile(r"[.!?\"”’)]\s*$")
_GOVERNMENT_AFTER = re.compile(
    r"['’]s?\s+(?:(?:defen[cs]e|foreign|interior|home)\s+ministry|government|military|army|armed\s+forces"
    r"|president|prime\s+minister|embassy|foreign\s+minister)\b"
)
# 'Dan Ruiz, 34, of Osk': where a person named with an age lives
_HOMETOWN_BEFORE = re.compile(r"\b\d{1,3},\s+(?:of|from)\s+$")
# 'treated at Osk hospital': where the wounded are treated
_HOSPITAL_AFTER = re.compile(r"\s+(?:[A-Z][\w'’-]+\s+)?(?:general\s+|district\s+|regional\s+)?(?:hospital|clinic|jail"
                             r"|morgue|mortuary)s?\b",
                             re.IGNORECASE)  # fmt: skip


def places_from(text: str, mentions: list[EntityMention], sentences: list[Sentence], taken: set[str]) -> list[Place]:
    places = _places(text, mentions, sentences, taken)
    return places or _places(text, places_in_local_bodies(mentions, gazetteer_kind), sentences, taken)


def _places(text: str, mentions: list[EntityMention], sentences: list[Sentence], taken: set[str]) -> list[Place]:
    entities: list[Entity] = []
    mentions = full_names(text, mentions, sentences) + dateline_places(text, sentences)
    # 'Amnesty' in 'Amnesty International': the first word of an organisation's name
    part_of_longer_name = {
        m.text
        for m in mentions
        if " " not in m.text
        and gazetteer_kind(m.text) is None
        and re.match(r"[ \t][A-Z][a-z]+", text[m.end : m.end + 20])  # not across a line end
        and not re.match(r"\s(?:Province|State|Region|District|City|County|Governorate)\b", text[m.end : m.end + 20])
    }
    never_places = _never_places(text, mentions) | vessel_names(text, mentions)
    organisation_ends = {m.end for m in mentions if m.label == "ORG"}
    ranks: dict[int, int] = {}  # how firmly each entity's type is known
    for mention in mentions:
        if is_foreign_dateline(text, mention, sentences) or in_a_byline(text, mention.start):
            continue
        known = gazetteer_kind(mention.text)
        if known is None and mention.text.isupper() and len(mention.text) > 4:
            known = gazetteer_kind(mention.text.title())  # 'DUSHANBE (Reuters) -' in a dateline
        if (
            known == "city"
            and mention.label in ("PERSON", "NORP")
            and not countries_of(mention.text)
            and not re.search(r"\b(?:in|at|near)\s+$", text[max(0, mention.start - 6) : mention.start])
            and not _named_as_place(text, mention.start, mention.text)
        ):
            known = None  # a city's rare alternate name does not outvote NER's person ('Chavez') but after 'in'
        if (
            NOT_A_PLACE_AFTER.match(text, mention.end)
            or mention.text in never_places
            or dateline_abbreviation(text, mention.start, mention.end)
            or (_RIVER_AFTER.match(text, mention.end) and not _IN_THE.search(text, 0, mention.start))
        ):
            continue  # 'the Marwa virus', 'Qadir rockets', 'the Holi festival': named after a place or not one
        nationality = _DEMONYM.fullmatch(mention.text) or a_nationality(mention.text, text)
        if (mention.label == "NORP" or nationality) and _SETTLEMENT_OF.match(text, mention.end):
            continue  # 'the Varnian town of Osk'
        if _OTHER_NAME_BEFORE.search(text, max(0, mention.start - 30), mention.start) or _GROUP_CALLED.search(
            text, max(0, mention.start - 40), mention.start
        ):
            continue  # 'Tarnia, which is also known as Vell': the place just named, by another name
        if (
            _HOMETOWN_BEFORE.search(text, max(0, mention.start - 12), mention.start)
            or _ORIGIN_BEFORE.search(text, max(0, mention.start - 30), mention.start)
            or ACTORS_FROM.search(text, max(0, mention.start - 30), mention.start)
            or re.match(r"\s+natives?\b", text[mention.end : mention.end + 9])
            or _AGE_AFTER.match(text, mention.end)
        ):
            continue  # 'the suspect, Dan Ruiz, 34, of Osk'
        care = _HOSPITAL_AFTER.match(text, mention.end) or (mention.label == "SITE" and _CARE_END.search(mention.text))
        if care and not _ATTACKED_BEFORE.search(text, max(0, mention.start - 25), mention.start):
            continue  # 'treated at Osk hospital', 'the Osk district hospital': where the wounded went
        if _HOSPITAL_BEFORE.search(text, max(0, mention.start - 30), mention.start):
            continue  # 'taken to the military hospital at Osk'
        if not text[mention.end :].strip() and not _ENDS_A_SENTENCE.search(text[: mention.end]):
            continue  # 'while the old Osk' where the page capture stops: the start of a longer name
        before_word = text[max(0, mention.start - 12) : mention.start]
        locative = re.search(
            r"\b(in|at|near|from|of|to|across|outside|inside|around|towards|into)\s+(the\s+)?$", before_word
        )
        if (
            mention.label == "ORG"
            and locative
            and locative.group(1) in ("of", "to", "from")
            and not _NOUN_OF.search(text, max(0, mention.start - 30), mention.start)
        ):
            locative = None  # 'loyal to X', 'members of X': an organisation's, though a town abroad shares it
        # 'in Kachin state': NER often calls the name an organisation
        division = (
            locative
            and mention.label != "NORP"
            and known != "country"
            and re.fullmatch(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?", mention.text)
            and re.match(r"\s+state\b", text[mention.end : mention.end + 8])
        )
        if mention.label not in ("GPE", "LOC", "FAC", "PLACE", "SITE", "DIVISION") and not (
            ((known or division) and locative)
            or (known and known != "country" and listed_with_a_place(text, mention.start, mention.end, gazetteer_kind))
            or _named_as_place(text, mention.start, mention.text)
            or _ENDS_IN_PLACE_WORD.search(mention.text)
            or quarter_named(text, mention.start, mention.end)
            or (locative and _IN_A_DIVISION_AFTER.match(text, mention.end))
            or _NEIGHBOURING.search(text, max(0, mention.start - 14), mention.start)
            or _PEOPLE_IN.search(text, max(0, mention.start - 30), mention.start)
            or in_an_events_slot(text, mention)
            or a_mayors_town(text, mention)
        ):
            continue  # a gazetteer hit alone ('Adam', 'Hughes') is too weak without 'in'/'near'
        if " " not in mention.text and re.search(rf"(?<![\w-]){re.escape(mention.text.lower())}(?![\w-])", text):
            continue  # a capitalised common word ('Gunmen' at a sentence start)
        if re.match(r"[ \t][A-Z]", text[mention.end : mention.end + 2]) and mention.label not in ("PLACE", "SITE"):
            continue  # the first word of a longer name ('Sudan Doctors Network')
        if inside_an_organisations_name(text, mention.start, mention.end, organisation_ends):
            continue  # the end of a group's name ('Islamic State Sahel Province')
        if (
            mention.label == "SITE"
            and _SITE_IN_A_PLACE.fullmatch(mention.text)
            and gazetteer_kind(mention.text.rsplit(" ", 1)[0])
            and not text[: mention.start].endswith("the ")
        ):
            continue  # 'shelling of Kessa market': a market in Kessa ('the Kessa market' may be its name)
        if mention.text.startswith("Operation ") or (mention.text.isupper() and len(mention.text) <= 4 and not known):
            continue
        locative_use = re.search(r"\b(?:in|at|near)\s+$", before_word)
        if ACTOR_NOUNS.fullmatch(mention.text) or (mention.text in part_of_longer_name and not locative_use):
            continue
        if not mention.text[:1].isupper():  # 'Örnek', 'İzmit' too
            continue
        if _key(mention.text) in taken and mention.label != "PLACE":
            continue  # a source's name; not when the text calls it a place ('elders in the village of X said')
        if INSTITUTION.search(mention.text) or _BODY_WORD.search(mention.text):
            continue
        before, after = (  # wide enough for 'the Las Osk neighbourhood of ' to keep its name whole
            text[max(0, mention.start - 40) : mention.start],
            text[mention.end : mention.end + 20],
        )
        if re.search(r"\b(?:pro|anti)-$", before) or MODIFIER_USE.match(after) or a_governments_voice(text, mention):
            continue
        base = re.sub(
            rf"\s+((?i:province|governorate|prefectures?|district|region|county)|countryside|city|village|town|{_AREA_NOUNS})$",
            "",
            mention.text,
        )
        stated = None if known == "country" else stated_kind(text, mention.start, mention.end, before, after)
        level = _PEOPLE_IN.search(text, max(0, mention.start - 30), mention.start)
        stated = stated or (_LEVEL_KIND.get(level.group(1)) if level and level.group(1) else None)
        compass = compass_kind(mention.text, known, gazetteer_kind(mention.text.split(" ", 1)[-1]) == "country")
        if compass and stated in (None, "village", "town", "city"):
            stated = compass  # 'a West Kesto village': the village is in West Kesto
        if stated == "district" and _COUNTY.search(text, mention.start, mention.end + 8):
            # 'Osk County', 'Osk county': a county the gazetteer knows as a first-level division
            stated = "province" if division_kind(_COUNTY.sub("", mention.text)) == "province" else stated
        kind = (
            stated
            or _by_size(mention.text.title() if mention.text.isupper() else mention.text, known)
            or ("site" if mention.label in ("FAC", "SITE") else None)
        )
        state = re.match(rf"\s+(state|islands|{_AREA_NOUNS})\b", after)
        # 'in Nigeria's Niger state', 'in River Nile state': after 'in' or a possessive, a
        # country's name or two words before 'state' name a state too (not 'Iran state media')
        division_after_in = (
            state
            and state.group(1) == "state"
            and re.search(r"(?:\b[Ii]n|['’]s)\s+$", before)
            and not _STATE_BODY.match(after)
        )
        area = state and state.group(1) not in ("state", "islands") and known != "country"
        if state and ((known != "country" and " " not in mention.text) or division_after_in or area):
            # 'in Kachin state', 'the Kerkennah islands', 'Osk Sadar upazila': the word is part of the name
            mention = EntityMention(text[mention.start : mention.end + state.end()], mention.start,
                                    mention.end + state.end(), mention.label)  # fmt: skip
            kind = "province" if state.group(1) == "state" else kind
            if area and not stated:
                kind = place_type_from_context("", " " + state.group(1).split()[-1]) or kind
                kind = "other" if state.group(1) == "river" else kind
        kind = site_kind(mention) or kind  # 'Mount Orvan', 'Central Hospital'
        if not kind and not _FEATURE_WORD.search(mention.text):
            kind = _UNKNOWN_KIND.get(mention.label)
        particle = re.search(
            r"[A-Z][\w'’]+\s+(?:al|el|ad|as|ash|an|ar|az)-$", text[max(0, mention.start - 20) : mention.start]
        )
        if particle:  # 'Souq al-Juma': NER gives only the part after the particle
            start = mention.start - len(particle.group())
            mention = EntityMention(text[start : mention.end], start, mention.end, mention.label)
            base = mention.text
        if nationality and not known and _ADJECTIVE_USE.match(after):
            continue  # 'Ukrainian troops', 'Congolese waters': an adjective of nationality, not a place
        rank = 2 if stated in _DIVISIONS else 1 if stated else 0
        for entity in entities:
            if _key(entity.name) == _key(base):
                entity.add(mention.text, (mention.start, mention.end))
                # a type the text states beats the gazetteer's, and a division beats a
                # settlement ('Idlib town' in a headline, 'Idlib province' in the story)
                if kind and (entity.kind == "other" or rank > ranks[id(entity)]):
                    entity.kind, ranks[id(entity)] = kind, rank
                break
        else:
            entity = Entity(base, kind or "other")
            entity.add(mention.text, (mention.start, mention.end))
            entities.append(entity)
            ranks[id(entity)] = rank
    for entity in entities:  # 'in Osk province ... and neighbouring Tarn': Tarn is a province too
        if ranks[id(entity)] == 0 and entity.kind not in ("country", "site"):
            starts = [start for start, _ in entity.spans if _NEIGHBOURING.search(text, max(0, start - 14), start)]
            entity.kind = next((k for k in map(lambda at: _kind_before(entities, at), starts) if k), entity.kind)
    _merge_city_names(entities)
    places = []
    for entity in entities:
        entity.name = next((n for n in entity.names if _NAMED_WITH_NOUN.search(n)), entity.name)
        if entity.name.isupper() and re.search(rf"\b{re.escape(entity.name.title())}\b", text):
            entity.names[entity.name.title()] += 1  # 'RIVERTON —' in the dateline, 'Riverton' in the story
            entity.name = entity.name.title()
        if entity.name not in text:
            continue
        aliases = sorted({n for n in entity.names if n != entity.name})
        spans = occurrences(text, [entity.name, *aliases], sentences)
        if ranks[id(entity)] == 0 and entity.kind not in ("country", "site", "other"):
            entity.kind = stated_elsewhere(text, spans) or entity.kind
        places.append(Place(name=entity.name, type=entity.kind, aliases=aliases, mentions=spans))
    type_from_partners(text, places, {e.name for e in entities if ranks[id(e)] > 0})
    places = one_entry_per_country(places)
    background = other_events(sentences)
    return [
        place
        for place in places
        if not inside_another(place, places)
        and not WIDE_FEATURE.fullmatch(place.name)
        and (place.type == "country" or not only_in(place, background))
        and not all(SPOKEN_IN.search(text[max(0, start - 40) : start]) for start, _ in place.mentions or [(0, 0)])
        and not (place.type == "country" and len(places) > 1 and _only_a_government(text, place))
    ]


def _kind_before(entities: list[Entity], start: int) -> str | None:
    """The type of the place named last before `start` (within a sentence's reach), when it is
    a division or a settlement: what a place 'neighbouring' it is too."""
    before = [(span[0], entity) for entity in entities for span in entity.spans if start - 200 < span[0] < start]
    if not before:
        return None
    kind = max(before, key=lambda pair: pair[0])[1].kind
    return kind if kind in ("province", "district", "region", "village", "town", "city") else None


def _only_a_government(text: str, place: Place) -> bool:
    """'Tarnia's defence ministry said ...' each time: the country of a side's government that
    speaks, not a place of the event (when the story names other places)."""
    return bool(place.mentions) and all(_GOVERNMENT_AFTER.match(text, end) for _, end in place.mentions)


# news calls a settlement of fewer people a town ('the town of X'), a larger one a city
TOWN_POPULATION = 100_000


def _by_size(name: str, known: str | None) -> str | None:
    """A gazetteer's 'city' is a town when even the largest place of that name is small."""
    if known != "city":
        return known
    population = largest_population(name)
    return "town" if population is not None and population < TOWN_POPULATION else known


def _merge_city_names(entities: list[Entity]) -> None:
    """'Osk City' and 'Osk' are one place (not 'Kuwait City' and the country Kuwait)."""
    for entity in list(entities):
        if not entity.name.endswith(" City"):
            continue
        bare = entity.name[: -len(" City")]
        for other in list(entities):
            if (
                other is not entity
                and other.name == bare
                and other.kind not in ("country", *_DIVISIONS)  # 'Osk County' is not 'Osk City'
                and gazetteer_kind(bare) != "country"
            ):
                entity.names.update(other.names)
                entity.spans.extend(other.spans)
                entities.remove(other)


# 'Fukushima Prefecture', 'Kessa Province' (NER may call it a person or an organisation)
_ENDS_IN_PLACE_WORD = re.compile(r"^[A-Z]\w+(?:\s[A-Z]\w+)?\s(?:Prefectures?|Provinces?|Governorate|District|Oblast)$")
# 'Kessa market': a site in the place named (an airport named after its town is the airport's name)
_SITE_IN_A_PLACE = re.compile(r"[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?\s(?!airport|airfield)[a-z]+")
_STATE_BODY = re.compile(r"\s+state[\s-]+(?:media|television|tv|news|radio|agency|broadcaster|run|owned)\b", re.I)
_DIVISIONS = ("province", "district", "region")
_COUNTY = re.compile(r"\s+[Cc]ounty\b")
# 'the post at Osk, in the Tarn region': a name placed in a division after 'at' or 'in' is a place
_IN_A_DIVISION_AFTER = re.compile(r"(?:,\s+(?:in\s+)?|\s+in\s+)(?:the\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s+"
                                  r"(?:region|province|district|state|county|governorate|prefecture)\b")  # fmt: skip
# a name no gazetteer knows and no word types: a small settlement (the gazetteer holds the
# larger ones) when NER calls it a political place, a region when a geographical one, a
# province when a dateline names it after its place ('OSK, Tarn —')
_UNKNOWN_KIND = {"GPE": "town", "PLACE": "town", "ORG": "town", "PERSON": "town", "NORP": "town", "LOC": "region",
                 "DIVISION": "province"}  # fmt: skip
_FEATURE_WORD = re.compile(r"\s(?:Island|Islands|Strip|Bank|Lake|River|Mountains?|Hills?|Valley)$", re.IGNORECASE)
# lower-case nouns of a division or an area that the place's name takes in ('the Osk valley',
# 'Tarn commune'), as the text writes it; 'X district' and 'X area' stay 'X'
_AREA_NOUNS = (
    r"sector|zone|valley|commune|municipality|township|subdistrict|upazila|regency|island\s+district|river|department"
)
_NAMED_WITH_NOUN = re.compile(rf"\s(?:state|islands|[Cc]ounty|{_AREA_NOUNS})$")
# a river named by a lower-case noun after it ('searching the Osk river'): a place of the event
# only where the event is in it ('capsized in the Osk river')
_RIVER_AFTER = re.compile(r"\s+(?:river|creek|stream)\b")
_IN_THE = re.compile(r"\b(?:in|into|on|across)\s+the\s+$")
_DEMONYM = re.compile(r"[A-Z][a-z]+(?:ian|ean|ese|ish)")
_ADJECTIVE_USE = re.compile(r"\s+(?!(?:region|province|district|state|coast|peninsula|islands?|sea|area)\b)[a-z]")
