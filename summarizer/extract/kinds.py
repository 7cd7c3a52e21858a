"""What kind: the event's type, from a closed vocabulary, chosen by rules from event words.

Each word of the story is reduced to a stem ('bombings' -> 'bomb', 'clashed' -> 'clash':
a lookup table of English event words, so no lemmatiser has to run) and the stem votes
for a kind. A vote weighs more the nearer its word is to the toll: in a sentence that holds
a toll figure, then the headline and the story's first sentence, then the rest of the
opening. The kind with the most weight wins; its evidence is the word that gave it most.
A few compositions the single words cannot say are rules of their own: security forces
firing on protesters is a crackdown, an explosion in a mine is an accident, and a toll of
arrests only is arrests. With no event word near the toll the type is "other".

Words are read from the article's one spaCy parse when it has the sentence (token
offsets, and verbs told from nouns: 'shelled' the verb, 'shell' the noun), otherwise from
the text itself.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence

from .sentences import Sentence

# stem (a word's start, lower case) -> (kind, weight). Generic words weigh less than words
# that name one kind ('attack' is said of bombings and air strikes too).
_STEMS: dict[str, tuple[str, float]] = {
    # bombing: explosive devices placed or carried
    "bomb": ("bombing", 2.0), "blast": ("bombing", 1.5), "explosion": ("bombing", 1.0), "explod": ("bombing", 1.0),
    "explosive": ("bombing", 1.5), "ied": ("bombing", 2.0), "detonat": ("bombing", 1.5), "grenade": ("bombing", 1.5),
    "suicide": ("bombing", 1.0), "car-bomb": ("bombing", 2.0),
    # air or drone strike
    "airstrike": ("air_or_drone_strike", 3.0), "air-strike": ("air_or_drone_strike", 3.0),
    "drone": ("air_or_drone_strike", 3.0), "warplane": ("air_or_drone_strike", 2.5),
    "uav": ("air_or_drone_strike", 3.0), "airstrikes": ("air_or_drone_strike", 3.0),
    "bomber": ("bombing", 1.5),
    # shelling, artillery, rockets and missiles fired from the ground
    "shell": ("shelling", 2.0), "mortar": ("shelling", 2.5), "artillery": ("shelling", 2.5),
    "rocket": ("shelling", 2.0), "qassam": ("shelling", 2.5), "bombard": ("shelling", 2.5),
    # armed attack: gunmen, shooting, raids, ambushes
    "gunm": ("armed_attack", 2.0), "gunfire": ("armed_attack", 1.5), "shoot": ("armed_attack", 1.5),
    "shot": ("armed_attack", 1.0), "ambush": ("armed_attack", 2.5), "attack": ("armed_attack", 0.8),
    "raid": ("armed_attack", 1.2), "massacre": ("armed_attack", 2.0),
    "behead": ("armed_attack", 2.0), "militant": ("armed_attack", 0.5), "insurgent": ("armed_attack", 0.5),
    "stab": ("armed_attack", 2.0), "assault": ("armed_attack", 1.0),
    # clashes: two armed sides fighting
    "clash": ("clashes", 2.5), "fighting": ("clashes", 2.0), "fought": ("clashes", 2.0), "battle": ("clashes", 2.0),
    "gunbattle": ("clashes", 2.5), "firefight": ("clashes", 2.5), "skirmish": ("clashes", 2.5),
    "intercommunal": ("clashes", 2.0),
    # protest or riot
    "protest": ("protest_or_riot", 2.0), "demonstrat": ("protest_or_riot", 2.0), "riot": ("protest_or_riot", 2.5),
    "rally": ("protest_or_riot", 1.5), "unrest": ("protest_or_riot", 1.5), "looting": ("protest_or_riot", 1.5),
    # crackdown: force against protesters or civilians by the authorities
    "crackdown": ("crackdown", 3.0), "crack": ("crackdown", 1.0), "tear-gas": ("crackdown", 1.5),
    "rubber-bullets": ("crackdown", 1.5),
    # arrests
    "arrest": ("arrests", 1.5), "detain": ("arrests", 1.5), "detention": ("arrests", 1.0),
    # natural disaster
    "earthquake": ("natural_disaster", 3.0), "quake": ("natural_disaster", 3.0), "tremor": ("natural_disaster", 2.0),
    "aftershock": ("natural_disaster", 2.0), "tsunami": ("natural_disaster", 3.0), "flood": ("natural_disaster", 3.0),
    "typhoon": ("natural_disaster", 3.0), "hurricane": ("natural_disaster", 3.0), "cyclone": ("natural_disaster", 3.0),
    "tornado": ("natural_disaster", 3.0), "landslide": ("natural_disaster", 3.0), "mudslide": ("natural_disaster", 3.0),
    "eruption": ("natural_disaster", 3.0), "erupt": ("natural_disaster", 2.0), "volcan": ("natural_disaster", 3.0),
    "wildfire": ("natural_disaster", 3.0), "avalanche": ("natural_disaster", 3.0), "drought": ("natural_disaster", 3.0),
    "magnitude": ("natural_disaster", 2.0), "rain": ("natural_disaster", 1.0), "storm": ("natural_disaster", 1.5),
    "heatwave": ("natural_disaster", 3.0), "forest": ("natural_disaster", 1.0),
    # accident: transport, industry, crowds
    "crash": ("accident", 2.5), "derail": ("accident", 3.0), "collision": ("accident", 2.5),
    "collid": ("accident", 2.5), "capsiz": ("accident", 3.0), "sank": ("accident", 2.0), "sink": ("accident", 2.0),
    "ferry": ("accident", 2.0), "accident": ("accident", 3.0), "stampede": ("accident", 3.0),
    "crush": ("accident", 1.5), "miner": ("accident", 2.0), "collapse": ("accident", 1.0), "wreck": ("accident", 2.5),
    "boat": ("accident", 1.0),
    # disease outbreak
    "outbreak": ("disease_outbreak", 3.0), "epidemic": ("disease_outbreak", 3.0), "cholera": ("disease_outbreak", 3.0),
    "ebola": ("disease_outbreak", 3.0), "marburg": ("disease_outbreak", 3.0), "virus": ("disease_outbreak", 2.0),
    "disease": ("disease_outbreak", 2.0), "infect": ("disease_outbreak", 2.0), "fever": ("disease_outbreak", 1.5),
    "pandemic": ("disease_outbreak", 3.0), "measles": ("disease_outbreak", 3.0), "malaria": ("disease_outbreak", 2.0),
}  # fmt: skip
# a stem is the longest key a word starts with; 'air strike' and 'missile strike' are two words
_TWO_WORDS = {("air", "strike"): "airstrike", ("air", "strikes"): "airstrike", ("air", "raid"): "airstrike",
              ("missile", "strike"): "airstrike", ("car", "bomb"): "car-bomb", ("opened", "fire"): "shoot",
              ("open", "fire"): "shoot", ("tear", "gas"): "tear-gas", ("rubber", "bullets"): "rubber-bullets",
              ("broke", "up"): "crack"}  # fmt: skip
# what may follow a stem in a word ('bomb' -> 'bombings', never 'shell' -> 'shelter')
_SUFFIXES = frozenset({"", "s", "es", "e", "ed", "d", "ing", "ings", "er", "ers", "ion", "ions", "ment", "ments",
                       "en", "an", "o", "oes", "ic", "ors", "ious", "bed", "bing", "bings", "out", "outs"})  # fmt: skip
_SUICIDE_ATTACK = ("bomb", "bomber", "car-bomb", "attack", "blast", "explosion")
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
_FORCES = re.compile(r"\b(?:police|troops|soldiers|security forces|army|military|junta|riot)\b", re.IGNORECASE)
_PROTEST = re.compile(r"\b(?:protest|demonstrat|rall(?:y|ies)|crowd|march)", re.IGNORECASE)
_FORCE_USED = re.compile(r"\b(?:fired|opened fire|shot|tear gas|rubber bullets|broke up|dispersed|beat|crack)",
                         re.IGNORECASE)  # fmt: skip
_MINE = re.compile(r"\b(?:coal\s+)?mine\b|\bminers?\b|\bcolliery\b", re.IGNORECASE)

TOLL_WEIGHT, OPENING_WEIGHT, NEAR_WEIGHT = 3.0, 2.0, 1.0
OPENING_SENTENCES = 4


def _stem(word: str) -> str | None:
    """The key of _STEMS that `word` is an inflection of (the longest), or None."""
    word = word.lower().strip("'-")
    for size in range(min(len(word), 16), 2, -1):
        if word[:size] in _STEMS and word[size:] in _SUFFIXES:
            return word[:size]
    return None


def _words(sentence: Sentence, doc) -> list[tuple[str, int, int, str]]:
    """(word, start, end, part of speech or '') of a sentence, offsets into the article."""
    if doc is not None:
        return [(t.text, sentence.start + t.idx, sentence.start + t.idx + len(t.text), t.pos_) for t in doc]
    matches = _WORD.finditer(sentence.text)
    return [(m.group(), sentence.start + m.start(), sentence.start + m.end(), "") for m in matches]


def _votes(sentence: Sentence, doc, weight: float) -> list[tuple[str, float, int, int]]:
    """(kind, weight, start, end) of each event word in one sentence."""
    words = _words(sentence, doc)
    votes = []
    skip = False
    for index, (word, start, end, pos) in enumerate(words):
        if skip:
            skip = False
            continue
        following = words[index + 1] if index + 1 < len(words) else None
        pair = _TWO_WORDS.get((word.lower(), following[0].lower())) if following else None
        if pair is not None:
            stem, end, skip = pair, following[2], True
        else:
            stem = _stem(word)
        if stem is None:
            continue
        kind, strength = _STEMS[stem]
        if stem == "storm" and word.lower() in ("stormed", "storming"):
            kind, strength = "armed_attack", 1.5  # 'gunmen stormed the hotel'
        if stem == "shell" and pos not in ("VERB", "") and word.lower() in ("shell", "shells"):
            strength = 1.0  # a noun: 'shells fell' still is, 'a shell company' rarely in news of violence
        if stem == "suicide" and (following is None or _stem(following[0]) not in _SUICIDE_ATTACK):
            continue  # a suicide bomber or a suicide attack is a bombing; a suicide is not
        votes.append((kind, strength * weight, start, end))
    return votes


def event_type(
    text: str,
    sentences: Sequence[Sentence],
    docs: Mapping[int, object],
    anchors: Sequence[int],
    toll_categories: Sequence[str] = (),
) -> dict | None:
    """The brief's event_type (see brief.EventType): None only for a story without sentences.

    `anchors` are the starts of the toll's evidence; `toll_categories` the toll's categories."""
    if not sentences:
        return None
    toll_starts = {s.start for s in sentences for a in anchors if s.start <= a < s.end + 1}
    opening = {s.start for s in sentences[:OPENING_SENTENCES]}
    scores: dict[str, float] = defaultdict(float)
    best: dict[str, tuple[float, int, int]] = {}
    used: list[Sentence] = []
    for sentence in sentences:
        weight = TOLL_WEIGHT if sentence.start in toll_starts else OPENING_WEIGHT if sentence.start in opening else 0
        if not weight:
            continue
        used.append(sentence)
        for kind, strength, start, end in _votes(sentence, docs.get(sentence.start), weight):
            scores[kind] += strength
            if kind not in best or strength > best[kind][0]:
                best[kind] = (strength, start, end)
    _compose(scores, used, toll_categories)
    total = sum(scores.values())
    if not total:
        return {"type": "other", "evidence": None, "evidence_span": None, "decided_by": "rules", "margin": None}
    kind = max(scores, key=lambda k: (scores[k], -_ORDER.index(k)))
    if kind not in best:  # a composed kind: its evidence is the strongest word of its parts
        kind_words = [best[k] for k in _COMPOSED_FROM.get(kind, ()) if k in best]
        if not kind_words:
            return {"type": kind, "evidence": None, "evidence_span": None, "decided_by": "rules",
                    "margin": round(scores[kind] / total, 3)}  # fmt: skip
        best[kind] = max(kind_words)
    _, start, end = best[kind]
    return {
        "type": kind,
        "evidence": text[start:end],
        "evidence_span": (start, end),
        "decided_by": "rules",
        "margin": round(scores[kind] / total, 3),
    }


# ties go to the more specific kind
_ORDER = ["air_or_drone_strike", "shelling", "bombing", "crackdown", "natural_disaster", "disease_outbreak",
          "accident", "clashes", "protest_or_riot", "armed_attack", "arrests", "other"]  # fmt: skip
_COMPOSED_FROM = {"crackdown": ("protest_or_riot", "armed_attack", "crackdown"), "accident": ("bombing",)}


def _compose(scores: dict[str, float], sentences: Sequence[Sentence], toll_categories: Sequence[str]) -> None:
    """Kinds the single words cannot say, from what the opening and toll sentences say together."""
    joined = " ".join(s.text for s in sentences)
    if scores.get("protest_or_riot") and _FORCES.search(joined) and _FORCE_USED.search(joined):
        # security forces firing on, gassing or breaking up protesters: a crackdown
        scores["crackdown"] += scores["protest_or_riot"] + scores.pop("armed_attack", 0.0)
    if scores.get("bombing") and _MINE.search(joined) and not re.search(r"\bbomb", joined, re.IGNORECASE):
        scores["accident"] += scores.pop("bombing")  # an explosion in a mine
    categories = set(toll_categories)
    if categories and categories <= {"arrested"} and not scores.get("crackdown"):
        scores["arrests"] += sum(scores.values()) + 1.0  # a toll of arrests only
