"""One event view across many briefs: which articles describe the same event, and the
range of each toll category across the sources that reported it.

Grouping (single linkage over a pairwise score, `LINK_THRESHOLD`):

    score(a, b) = 0.45 * places + 0.25 * actors + 0.30 * figures   (+ 0.10 * dates)

- places: weighted overlap of the two briefs' `where` items (shared weight over the smaller
  brief's total weight, so that one article's many background places do not dilute what
  the two share). Countries weigh 0 (nearly
  every article of a conflict shares its country), regions and provinces 0.5, anything
  finer 1; a place first named after the first 40% of the text weighs half as much (news
  puts the event's place in the lede; later places are background: a refuge, a
  headquarters, another event). Two places are the same when a normalised name or alias
  is equal or at least 85% similar ("Tartus" / "Tartous").
- actors: weighted Jaccard over `who` items, matched when they share a normalised name or
  alias. Named actors (a capital letter in the name) weigh 1, generic groups ("security
  forces", "civilians") 0.5: every clash has them.
- figures: shared toll figures (same category, count and count_max, compatible groups),
  each weighted by the size of its number (a shared "4" is weaker evidence than a shared
  "70"), divided by the smaller figure count of the two briefs.
- dates: explicit dates in the article texts ("March 9", "December 26, 2024"; weekdays
  are not dates). Each article's anchor is its latest date that names a year. Two anchors
  within 3 days add the full 0.10; more than 31 days apart, the two articles are not
  linked directly (they may still meet through a third article: single linkage).
  Dates without a year are listed but do not score: most are background ("fled on
  December 8").

Articles whose best link stays below the threshold are events of their own.

Blocking (`candidate_pairs`): only pairs that share a place, a named actor or a toll figure
(equal or similar spellings, as the score matches them) and whose anchors are at most 31 days
apart are scored, so 10,000 briefs take seconds instead of comparing 50 million pairs. A pair
sharing none of these scores at most 0.25 (generic actors) + 0.10 (dates): it is not linked.

Ranges (per event and toll category), the way conflict datasets report them:

- figures whose group is missing or generic ("people", "fatalities", "others") are
  totals and set the category's range; when a category has no totals, each source's
  group figures in an article are summed into one derived total (`basis` says which).
  Every named group also gets its own range under `groups`.
- low: the smallest figure; high: the largest (`count_max` for "between N and M").
  "over N" and "at least N" are lower bounds: they count as N for low and best, and when
  one of them is the high, `high_is_lower_bound` is true (the true high may be larger).
  "up to N" gives no floor and counts only toward best and high. "about N" counts as N.
- best: the figure cited by the most (article, source) pairs; a tie goes to the lowest,
  the most conservative (as ACLED does). `best_rule` says which rule decided.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from .brief import Brief
from .scoring import normalise

WEIGHTS = {"places": 0.45, "actors": 0.25, "figures": 0.30, "dates": 0.10}
LINK_THRESHOLD = 0.30
PLACE_SIMILARITY = 85  # rapidfuzz ratio for two spellings of one place
NAME_SIMILARITY = 90
PLACE_TYPE_WEIGHTS = {"country": 0.0, "region": 0.5, "province": 0.5}
LEDE_SHARE = 0.4  # places first named within this share of the text are the event's own
LATE_PLACE_FACTOR = 0.5
GENERIC_ACTOR_WEIGHT = 0.5
SAME_DAY_SLACK = 3  # anchors this close count as the same date
DATE_VETO_DAYS = 31  # anchors further apart than this are different events

# Group words that count everyone: a figure for them is a total.
TOTAL_GROUP_WORDS = frozenset(
    {
        "people",
        "person",
        "persons",
        "individuals",
        "individual",
        "others",
        "fatalities",
        "deaths",
        "dead",
        "victims",
        "casualties",
        "lives",
    }
)
# Words dropped when comparing group wordings, and head nouns that mean the same body.
GROUP_STOP_WORDS = frozenset(["the", "of", "and", "to", "a", "an", "members", "member", "from", "in", "at"])
GROUP_SYNONYMS = {
    "personnel": "force",
    "forces": "force",
    "troops": "force",
    "troop": "force",
    "officers": "force",
    "officer": "force",
    "soldiers": "force",
    "soldier": "force",
}
ACRONYM_STOP_WORDS = frozenset({"for", "of", "the", "and", "on", "in"})

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("January", "Jan"),
            ("February", "Feb"),
            ("March", "Mar"),
            ("April", "Apr"),
            ("May",),
            ("June", "Jun"),
            ("July", "Jul"),
            ("August", "Aug"),
            ("September", "Sept", "Sep"),
            ("October", "Oct"),
            ("November", "Nov"),
            ("December", "Dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
# Month names are matched case-sensitively ("may" and "march" are also verbs), and a
# bare month needs a day or a year next to it.
_DATE_PATTERNS = [
    re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?:,?\s+{_YEAR}\b)?"),
    re.compile(rf"\b{_DAY}\s+{_MONTH}\b(?:,?\s+{_YEAR}\b)?"),
    re.compile(rf"\b{_MONTH}\s+{_YEAR}\b"),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),
]


# --- dates -------------------------------------------------------------------------------


@dataclass(frozen=True, order=True)
class TextDate:
    """An explicit date written in an article; `day` or `year` may be missing."""

    year: int | None
    month: int
    day: int | None
    text: str

    def as_date(self) -> dt.date | None:
        if self.year is None or self.day is None:
            return None
        return dt.date(self.year, self.month, self.day)

    def iso(self) -> str:
        """ISO 8601: 2024-12-26, 2011-03, or --12-08 for a day without its year."""
        if self.year is None:
            return f"--{self.month:02d}-{self.day:02d}"
        return f"{self.year:04d}-{self.month:02d}" + (f"-{self.day:02d}" if self.day else "")


def find_dates(text: str) -> list[TextDate]:
    """Explicit calendar dates in `text`, in order of appearance, without repeats."""
    found: dict[tuple[int, int], TextDate] = {}
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            if any(start <= match.start() < end for start, end in found):
                continue
            parts = match.groupdict()
            month_text = parts["month"]
            month = int(month_text) if month_text.isdigit() else _MONTHS[month_text]
            day = int(parts["day"]) if parts.get("day") else None
            year = int(parts["year"]) if parts.get("year") else None
            try:
                dt.date(year or 2000, month, day or 1)  # 2000 is a leap year: February 29 passes
            except ValueError:
                continue
            found[(match.start(), match.end())] = TextDate(year, month, day, match.group(0))
    unique: dict[tuple, TextDate] = {}
    for _, date in sorted(found.items()):
        unique.setdefault((date.year, date.month, date.day), date)
    return list(unique.values())


def anchor_date(dates: Iterable[TextDate]) -> dt.date | None:
    """The latest date that names its year: a floor for when the article was written."""
    full = [date.as_date() for date in dates if date.as_date() is not None]
    return max(full) if full else None


# --- names -------------------------------------------------------------------------------


def _forms(item: Mapping) -> set[str]:
    return {form for form in (normalise(name) for name in [item["name"], *item.get("aliases", [])]) if form}


def _forms_match(a: set[str], b: set[str], threshold: int) -> bool:
    if a & b:
        return True
    return any(fuzz.ratio(x, y) >= threshold for x in a for y in b)


def _initials(name: str, skip_stop_words: bool) -> str:
    words = re.findall(r"[A-Za-z]+", name)
    if skip_stop_words:
        words = [word for word in words if word.lower() not in ACRONYM_STOP_WORDS]
    return "".join(word[0] for word in words).lower()


def same_source(a: str | None, b: str | None) -> bool:
    """Two source names for one source: equal, nearly equal, or one the acronym of the other."""
    if a is None or b is None:
        return a is b
    if normalise(a) == normalise(b) or fuzz.ratio(normalise(a), normalise(b)) >= NAME_SIMILARITY:
        return True
    short, long = sorted((a.strip(), b.strip()), key=len)
    if " " in short or len(short) < 2:
        return False
    return short.lower() in (_initials(long, True), _initials(long, False))


def group_words(group: str | None) -> frozenset[str]:
    """The content words of a group wording, with head nouns such as 'personnel' unified."""
    if not group:
        return frozenset()
    words = normalise(group).split()
    return frozenset(GROUP_SYNONYMS.get(word, word) for word in words if word not in GROUP_STOP_WORDS)


def is_total_group(group: str | None) -> bool:
    words = group_words(group)
    return not words or words <= TOTAL_GROUP_WORDS


def groups_compatible(a: str | None, b: str | None) -> bool:
    """Whether two figures can count the same people: a total fits anything."""
    if is_total_group(a) or is_total_group(b):
        return True
    words_a, words_b = group_words(a), group_words(b)
    return words_a <= words_b or words_b <= words_a


# --- one article's features --------------------------------------------------------------


@dataclass
class ArticleFeatures:
    id: str
    places: list[tuple[set[str], float, str]]  # forms, weight, name as written
    actors: list[tuple[set[str], float]]
    figures: list[dict]
    dates: list[TextDate] = field(default_factory=list)
    anchor: dt.date | None = None


def _as_dict(brief: Brief | Mapping) -> dict:
    if isinstance(brief, Brief):
        return brief.model_dump()
    return dict(brief)


def features(brief: Brief | Mapping, text: str | None = None) -> ArticleFeatures:
    record = _as_dict(brief)
    places = []
    for place in record.get("where", []):
        weight = PLACE_TYPE_WEIGHTS.get(place.get("type", "other"), 1.0)
        mentions = place.get("mentions") or []
        if text and mentions and min(start for start, _ in mentions) > LEDE_SHARE * len(text):
            weight *= LATE_PLACE_FACTOR
        forms = _forms(place)
        if weight > 0 and forms:
            places.append((forms, weight, place["name"]))
    actors = []
    for actor in record.get("who", []):
        forms = _forms(actor)
        if forms:
            named = any(char.isupper() for char in actor["name"])
            actors.append((forms, 1.0 if named else GENERIC_ACTOR_WEIGHT))
    figures = [figure for figure in record.get("toll", []) if figure.get("count") is not None]
    dates = find_dates(text) if text else []
    return ArticleFeatures(str(record.get("id")), places, actors, figures, dates, anchor_date(dates))


# --- pairwise score ----------------------------------------------------------------------


def _weighted_jaccard(items_a, items_b, matches) -> float:
    """Weighted Jaccard of two item lists under a one-to-one greedy matching."""
    used_b: set[int] = set()
    shared = joined = 0.0
    for forms_a, weight_a, *_ in items_a:
        for index, (forms_b, weight_b, *_) in enumerate(items_b):
            if index not in used_b and matches(forms_a, forms_b):
                used_b.add(index)
                shared += min(weight_a, weight_b)
                joined += max(weight_a, weight_b)
                break
        else:
            joined += weight_a
    joined += sum(weight for index, (_, weight, *_) in enumerate(items_b) if index not in used_b)
    return shared / joined if joined else 0.0


def _weighted_overlap(items_a, items_b, matches) -> float:
    """Shared weight over the smaller side's weight: one article naming many background
    places (where a leader fled, a distant capital) does not dilute what the two share."""
    used_b: set[int] = set()
    shared = 0.0
    for forms_a, weight_a, *_ in items_a:
        for index, (forms_b, weight_b, *_) in enumerate(items_b):
            if index not in used_b and matches(forms_a, forms_b):
                used_b.add(index)
                shared += min(weight_a, weight_b)
                break
    smaller = min(sum(w for _, w, *_ in items_a), sum(w for _, w, *_ in items_b))
    return shared / smaller if smaller else 0.0


def figure_weight(count: int) -> float:
    """How telling a shared number is: 1 for 100 and more, about 0.35 for 4, 0.15 for 1."""
    return min(1.0, math.log10(count + 1) / 2)


def _same_figure(a: Mapping, b: Mapping) -> bool:
    return (
        a["category"] == b["category"]
        and a["count"] == b["count"]
        and a.get("count_max") == b.get("count_max")
        and groups_compatible(a.get("group"), b.get("group"))
    )


def figure_overlap(figures_a: list[dict], figures_b: list[dict]) -> float:
    if not figures_a or not figures_b:
        return 0.0
    used: set[int] = set()
    shared = 0.0
    for figure in figures_a:
        for index, other in enumerate(figures_b):
            if index not in used and _same_figure(figure, other):
                used.add(index)
                shared += figure_weight(figure["count"])
                break
    return shared / min(len(figures_a), len(figures_b))


def date_agreement(a: dt.date | None, b: dt.date | None) -> float | None:
    """1 for anchors within a few days, falling to 0 at a month; None when the dates veto."""
    if a is None or b is None:
        return 0.0
    apart = abs((a - b).days)
    if apart > DATE_VETO_DAYS:
        return None
    if apart <= SAME_DAY_SLACK:
        return 1.0
    return (DATE_VETO_DAYS - apart) / (DATE_VETO_DAYS - SAME_DAY_SLACK)


def pair_score(a: ArticleFeatures, b: ArticleFeatures) -> dict:
    """The score of one pair and its parts (so a reader can see why two articles link)."""
    parts = {
        "places": _weighted_overlap(a.places, b.places, lambda x, y: _forms_match(x, y, PLACE_SIMILARITY)),
        "actors": _weighted_jaccard(a.actors, b.actors, lambda x, y: _forms_match(x, y, NAME_SIMILARITY)),
        "figures": figure_overlap(a.figures, b.figures),
    }
    dates = date_agreement(a.anchor, b.anchor)
    vetoed = dates is None
    parts["dates"] = 0.0 if vetoed else dates
    score = 0.0 if vetoed else sum(WEIGHTS[name] * value for name, value in parts.items())
    return {"score": round(score, 3), "date_veto": vetoed, **{k: round(v, 3) for k, v in parts.items()}}


# --- grouping ----------------------------------------------------------------------------


def _similar_forms(forms: list[str], threshold: int) -> dict[str, set[str]]:
    """For each form, the other forms at least `threshold` similar (rapidfuzz ratio). Only
    forms of compatible lengths are compared: ratio <= 2·min / (len a + len b), so a ratio of
    85 needs the longer within 1.36× the shorter."""
    from rapidfuzz import process

    limit = threshold / (200 - threshold)  # shorter / longer at least this
    by_length = sorted(forms, key=len)
    lengths = [len(form) for form in by_length]
    similar: dict[str, set[str]] = defaultdict(set)
    start = 0
    chunk = 512
    for first in range(0, len(by_length), chunk):
        rows = by_length[first : first + chunk]
        shortest = len(rows[0])
        while start < len(lengths) and lengths[start] < shortest * limit:
            start += 1
        longest = len(rows[-1])
        stop = first + len(rows)
        while stop < len(lengths) and lengths[stop] * limit <= longest:
            stop += 1
        columns = by_length[start:stop]
        scores = process.cdist(rows, columns, scorer=fuzz.ratio, score_cutoff=threshold, dtype="uint8", workers=-1)
        for row, column in zip(*scores.nonzero(), strict=True):
            a, b = rows[row], columns[column]
            if a != b and fuzz.ratio(a, b) >= threshold:  # uint8 rounds: confirm on the exact score
                similar[a].add(b)
                similar[b].add(a)
    return similar


def _keyed(feature_list: list[ArticleFeatures]) -> list[set]:
    """Each article's blocking keys: place forms, named actors' forms, figure values."""
    keys: list[set] = []
    for article in feature_list:
        article_keys: set = {("place", form) for forms, _, _ in article.places for form in forms}
        article_keys |= {("actor", form) for forms, weight in article.actors if weight == 1.0 for form in forms}
        article_keys |= {("figure", f["category"], f["count"], f.get("count_max")) for f in article.figures}
        keys.append(article_keys)
    for kind, threshold in (("place", PLACE_SIMILARITY), ("actor", NAME_SIMILARITY)):
        forms = sorted({key[1] for article_keys in keys for key in article_keys if key[0] == kind})
        similar = _similar_forms(forms, threshold)
        for article_keys in keys:
            # a spelling close to another joins the other's block: "Tartus" meets "Tartous"
            article_keys |= {(kind, other) for key in list(article_keys) if key[0] == kind for other in similar[key[1]]}
    return keys


def candidate_pairs(feature_list: list[ArticleFeatures], threshold: float = LINK_THRESHOLD) -> set[tuple[int, int]]:
    """The pairs worth scoring: those sharing a place, a named actor or a figure (equal or
    similar names, as the score matches them) whose dates do not veto them. A pair sharing
    none of these scores at most 0.25 (generic actors such as "civilians") + 0.10 (dates) and
    is not linked; at a threshold at or below the dates' weight alone every pair is scored."""
    count = len(feature_list)
    if threshold <= WEIGHTS["dates"]:
        return {(i, j) for i in range(count) for j in range(i + 1, count)}
    blocks: dict[tuple, list[int]] = defaultdict(list)
    for index, article_keys in enumerate(_keyed(feature_list)):
        for key in article_keys:
            blocks[key].append(index)
    pairs: set[tuple[int, int]] = set()
    for members in blocks.values():
        if len(members) < 2:
            continue
        dated = sorted((feature_list[i].anchor, i) for i in members if feature_list[i].anchor is not None)
        undated = [i for i in members if feature_list[i].anchor is None]
        # an undated article may meet anyone in the block; dated ones only within the veto window
        for position, i in enumerate(undated):
            for j in undated[position + 1 :]:
                pairs.add((min(i, j), max(i, j)))
            for _, j in dated:
                pairs.add((min(i, j), max(i, j)))
        window = dt.timedelta(days=DATE_VETO_DAYS)
        for position, (anchor, i) in enumerate(dated):
            for later, j in dated[position + 1 :]:
                if later - anchor > window:
                    break
                pairs.add((min(i, j), max(i, j)))
    return pairs


def group_articles(
    feature_list: list[ArticleFeatures], threshold: float = LINK_THRESHOLD
) -> tuple[list[list[int]], list[dict]]:
    """Single-linkage groups (indices into `feature_list`) and the links that made them."""
    parent = list(range(len(feature_list)))

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    links = []
    for i, j in sorted(candidate_pairs(feature_list, threshold)):
        scored = pair_score(feature_list[i], feature_list[j])
        if scored["score"] >= threshold:
            links.append({"a": feature_list[i].id, "b": feature_list[j].id, **scored})
            parent[root(j)] = root(i)
    members: dict[int, list[int]] = defaultdict(list)
    for index in range(len(feature_list)):
        members[root(index)].append(index)
    groups = sorted(members.values(), key=lambda group: (-len(group), group[0]))
    return groups, links


# --- ranges ------------------------------------------------------------------------------


def _floor(figure: Mapping) -> int | None:
    return None if figure["qualifier"] == "up_to" else figure["count"]


def _ceiling(figure: Mapping) -> int:
    return figure["count_max"] if figure.get("count_max") is not None else figure["count"]


def _point(figure: Mapping) -> tuple[int, int | None]:
    return (figure["count"], figure.get("count_max"))


def _citations(figures: list[dict]) -> Counter:
    """How many distinct (article, source) pairs cite each figure value."""
    cited: dict[tuple, set] = defaultdict(set)
    for figure in figures:
        source = normalise(figure["source"]) if figure.get("source") else None
        cited[_point(figure)].add((figure.get("article_id"), source))
    return Counter({point: len(pairs) for point, pairs in cited.items()})


def figure_range(figures: list[dict]) -> dict:
    """low, best and high of figures that count the same people (see the module docstring)."""
    if not figures:
        return {"low": None, "best": None, "high": None, "high_is_lower_bound": False, "best_rule": None}
    floors = [value for value in map(_floor, figures) if value is not None]
    high = max(_ceiling(figure) for figure in figures)
    open_high = any(_ceiling(figure) == high and figure["qualifier"] in ("over", "at_least") for figure in figures)
    citations = _citations(figures)
    most = max(citations.values())
    leaders = sorted(point for point, count in citations.items() if count == most)
    best_count, best_max = leaders[0]
    if len(leaders) == 1 and most > 1:
        rule = f"most cited: {best_count} by {most} of {sum(citations.values())} (article, source) citations"
    elif len(leaders) == 1:
        rule = "only figure"
    else:
        rule = f"most conservative: {len(leaders)} figures tie at {most} citation(s) each; the lowest wins"
    return {
        "low": min(floors) if floors else None,
        "best": best_count if best_max is None else [best_count, best_max],
        "high": high,
        "high_is_lower_bound": open_high,
        "best_rule": rule,
    }


def format_figure(figure: Mapping) -> str:
    """'over 1,000', 'between 20 and 30', '4' — the figure as a reader would say it."""
    count = f"{figure['count']:,}"
    if figure.get("count_max") is not None:
        return f"between {count} and {figure['count_max']:,}"
    prefix = {"exact": "", "at_least": "at least ", "over": "over ", "about": "about "}
    prefix |= {"approximate": "some ", "up_to": "up to "}
    return prefix.get(figure["qualifier"], "") + count


def _cluster_groups(figures: list[dict]) -> list[tuple[str, list[dict]]]:
    """Named-group figures clustered by wording: equal or nested content words."""
    clusters: list[tuple[set[frozenset[str]], list[dict]]] = []
    for figure in figures:
        words = group_words(figure["group"])
        home = None
        for cluster in clusters:
            if any(words <= other or other <= words for other in cluster[0]):
                home = cluster
                break
        if home is None:
            clusters.append(({words}, [figure]))
        else:
            home[0].add(words)
            home[1].append(figure)
    labelled = []
    for _, members in clusters:
        wordings = Counter(member["group"] for member in members)
        label = min(wordings, key=lambda name: (-wordings[name], len(name), name))
        labelled.append((label, members))
    return labelled


def _derived_totals(figures: list[dict]) -> list[dict]:
    """Per article and source, the sum of its group figures: a total when none is given."""
    summed: dict[tuple, list[dict]] = defaultdict(list)
    for figure in figures:
        summed[(figure.get("article_id"), figure.get("source"))].append(figure)
    totals = []
    for (article_id, source), parts in summed.items():
        lower_bound = any(part["qualifier"] in ("over", "at_least") for part in parts)
        totals.append(
            {
                "count": sum(part["count"] for part in parts),
                "count_max": None,
                "qualifier": "at_least" if lower_bound else "exact",
                "group": None,
                "source": source,
                "article_id": article_id,
                "evidence": " + ".join(f"{format_figure(part)} {part['group']}" for part in parts),
                "derived": True,
            }
        )
    return totals


def _who(figure: Mapping) -> str:
    return f"{figure.get('source') or 'unattributed'}, {figure.get('article_id')}"


def _disagreements(label: str, figures: list[dict]) -> list[str]:
    """Readable sentences for figures that differ, and for one source that differs with itself."""
    by_value: dict[tuple, list[dict]] = defaultdict(list)
    for figure in figures:
        by_value[(_point(figure), figure["qualifier"])].append(figure)
    if len({point for point, _ in by_value}) < 2:
        return []
    ordered = sorted(by_value.items(), key=lambda item: (item[0][0][0], item[0][1]))
    sides = "; ".join(
        f"{format_figure(members[0])} ({'; '.join(sorted({_who(member) for member in members}))})"
        for _, members in ordered
    )
    sentences = []
    named = {normalise(figure["source"]) for figure in figures if figure.get("source")}
    if len(named) + any(not figure.get("source") for figure in figures) > 1:
        sentences.append(f"{label}: sources differ: {sides}")
    sources: list[tuple[str, list[dict]]] = []
    for figure in figures:
        if not figure.get("source"):
            continue
        for name, members in sources:
            if same_source(name, figure["source"]):
                members.append(figure)
                break
        else:
            sources.append((figure["source"], [figure]))
    for name, members in sources:
        said_where: dict[tuple, set[str]] = defaultdict(set)
        for member in members:
            said_where[(_point(member), format_figure(member))].add(str(member.get("article_id")))
        if len({point for point, _ in said_where}) > 1:
            said = "; ".join(f"{text} ({', '.join(sorted(ids))})" for (_, text), ids in sorted(said_where.items()))
            sentences.append(f"{label}: {name} itself gives different figures: {said}")
    return sentences


def category_summary(category: str, figures: list[dict]) -> dict:
    """The range of one toll category within one event, overall and per named group."""
    totals = [figure for figure in figures if is_total_group(figure.get("group"))]
    named = [figure for figure in figures if not is_total_group(figure.get("group"))]
    if totals:
        basis, ranged = "totals", totals
    else:
        basis, ranged = "sum of group figures per source and article", _derived_totals(named)
    summary = {"category": category, "basis": basis, **figure_range(ranged)}
    summary["figures"] = [_public_figure(figure) for figure in figures]
    if not totals and ranged:
        summary["derived_totals"] = [_public_figure(figure) for figure in ranged]
    summary["groups"] = []
    disagreements = _disagreements(f"{category} (totals)", totals)
    for label, members in _cluster_groups(named):
        summary["groups"].append({"group": label, **figure_range(members), "n_figures": len(members)})
        disagreements += _disagreements(f"{category} ({label})", members)
    summary["disagreements"] = disagreements
    return summary


def _public_figure(figure: Mapping) -> dict:
    keys = ("count", "count_max", "qualifier", "group", "source", "article_id", "evidence", "evidence_span", "derived")
    public = {key: figure.get(key) for key in keys if key in figure}
    if public.get("evidence_span") is not None:
        public["evidence_span"] = list(public["evidence_span"])
    return public


# --- events ------------------------------------------------------------------------------


def _shared_places(members: list[ArticleFeatures]) -> list[dict]:
    """Places named by at least two of the event's articles (all of them for a lone article)."""
    clusters: list[tuple[set[str], Counter, set[str]]] = []
    for article in members:
        for forms, _, name in article.places:
            for cluster in clusters:
                if _forms_match(forms, cluster[0], PLACE_SIMILARITY):
                    cluster[0].update(forms)
                    cluster[1][name] += 1
                    cluster[2].add(article.id)
                    break
            else:
                clusters.append((set(forms), Counter({name: 1}), {article.id}))
    needed = 2 if len(members) > 1 else 1
    shared = [
        {"name": names.most_common(1)[0][0], "spellings": sorted(names), "articles": len(ids)}
        for _, names, ids in clusters
        if len(ids) >= needed
    ]
    return sorted(shared, key=lambda place: (-place["articles"], place["name"]))


def build_events(
    briefs: Iterable[Brief | Mapping],
    texts: Mapping[str, str] | None = None,
    threshold: float = LINK_THRESHOLD,
) -> list[dict]:
    """Group briefs into events and give each toll category its low / best / high.

    `briefs`: Brief objects or brief dicts (lines with an "error" key are skipped);
    `texts`: article text by id, used only for explicit dates.
    """
    texts = texts or {}
    records = [_as_dict(brief) for brief in briefs]
    records = [record for record in records if "error" not in record]
    feature_list = [features(record, texts.get(str(record.get("id")))) for record in records]
    groups, links = group_articles(feature_list, threshold)
    event_of = {feature_list[index].id: number for number, indices in enumerate(groups) for index in indices}
    links_of: dict[int, list[dict]] = defaultdict(list)
    for link in links:
        links_of[event_of[link["a"]]].append(link)
    events = []
    for number, indices in enumerate(groups, start=1):
        members = [feature_list[index] for index in indices]
        by_category: dict[str, list[dict]] = defaultdict(list)
        for index in indices:
            for figure in feature_list[index].figures:
                by_category[figure["category"]].append({**figure, "article_id": feature_list[index].id})
        events.append(
            {
                "event": f"event-{number}",
                "article_ids": [member.id for member in members],
                "places": _shared_places(members),
                "dates": {member.id: [date.iso() for date in member.dates] for member in members if member.dates},
                "links": links_of[number - 1],
                "toll": {
                    category: category_summary(category, figures) for category, figures in sorted(by_category.items())
                },
            }
        )
    return events


def grouping_rule() -> dict:
    """The parameters of the grouping, written next to the events so a reader can check them."""
    return {
        "method": "single linkage",
        "threshold": LINK_THRESHOLD,
        "weights": WEIGHTS,
        "place_type_weights": {**PLACE_TYPE_WEIGHTS, "other types": 1.0},
        "late_place_factor": {"after_share_of_text": LEDE_SHARE, "factor": LATE_PLACE_FACTOR},
        "date_veto_days": DATE_VETO_DAYS,
        "best": "most cited (article, source) figure; ties go to the lowest (most conservative)",
        "lower_bounds": "'over N' and 'at least N' count as N; a lower-bound high sets high_is_lower_bound",
    }
