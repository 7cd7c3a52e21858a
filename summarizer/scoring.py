"""Score predicted briefs against hand-labelled gold (GOLD_FORMAT.md, "Scoring").

Conventions:
- Precision, recall and F1 are micro-averaged: counts are summed over articles first.
- 0/0 is 1.0 for precision and recall when nothing was to be found and nothing was
  predicted (a correct empty answer); when the other count is not zero it is 0.0, so an
  empty answer to a non-empty gold, or items predicted against an empty gold, get F1 0.
- Matching is one-to-one. Required gold items are matched first (maximum bipartite
  matching), then the left-over predictions are matched to optional items without
  unmatching any required item. A prediction matched to an optional item counts neither
  way; every unmatched prediction (a duplicate or a miss) is a false positive.
- Accuracies (qualifier, role, type) are over all matched pairs, optional ones included,
  and are None when nothing matched. Source accuracy follows GOLD_FORMAT.md: only matched
  required figures whose gold source is not null count (figures credited to nobody are
  left out, so guessing "no source" earns nothing), and a missing predicted source is wrong.
"""

from __future__ import annotations

import dataclasses
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from pydantic import ValidationError
from rapidfuzz import fuzz

from summarizer.brief import CATEGORIES, PLACE_TYPES, QUALIFIERS, ROLES, SOURCE_TYPES, Brief
from summarizer.errors import GoldError

# Words that say what kind of place or body a name is, not which one it is.
GENERIC_WORDS = frozenset(
    {
        "the",
        "of",
        "province",
        "provinces",
        "district",
        "city",
        "town",
        "village",
        "governorate",
        "region",
        "neighbourhood",
        "neighborhood",
    }
)
FUZZY_THRESHOLD = 0.9

# Entity field -> the attribute whose accuracy is reported on matched pairs.
ENTITY_FIELDS = {"who": "role", "where": "type", "attribution": "type"}
# Entity field -> the decision kind its attribute is (item_decisions.ITEM_KINDS).
ITEM_DECISIONS = {"who": "role", "where": "place_type", "attribution": "source_type"}
ACCURACY_CHECKS = ("qualifier", "source", "role", "where_type", "attribution_type")
GROUNDING_CHECKS = ("names_found", "evidence_substring", "spans_slice")
SCORED_FIELDS = ("who", "where", "attribution", "toll", "toll_strict")
GOLD_VOCABULARIES = {
    ("who", "role"): ROLES,
    ("where", "type"): PLACE_TYPES,
    ("attribution", "type"): SOURCE_TYPES,
    ("toll", "category"): CATEGORIES,
    ("toll", "qualifier"): QUALIFIERS,
}
GOLD_REQUIRED_KEYS = {
    "who": ("name", "role"),
    "where": ("name", "type"),
    "attribution": ("name", "type"),
    "toll": ("category", "qualifier", "evidence"),
}
# So that exactly `tolerance` below is no regression: 0.8 - 0.7 is 0.10000000000000009.
_FLOAT_SLACK = 1e-9

_NON_WORD = re.compile(r"[\W_]+")

Item = dict
Pairing = Callable[[Item, Item], bool]


# --- names -----------------------------------------------------------------------------


def normalise(name: str) -> str:
    """Accent-free, casefolded, punctuation-free form of a name without generic words."""
    # casefold first: it can itself produce combining marks ("İ" -> "i" + dot above).
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    words = _NON_WORD.sub(" ", bare).split()
    return " ".join(word for word in words if word not in GENERIC_WORDS)


def names_match(pred: str, gold_names: list[str]) -> bool:
    """True when `pred` equals or is at least 90% similar to one of `gold_names`."""
    wanted = normalise(pred)
    if not wanted:
        return False
    for gold_name in gold_names:
        candidate = normalise(gold_name)
        if candidate and (candidate == wanted or fuzz.ratio(wanted, candidate) / 100 >= FUZZY_THRESHOLD):
            return True
    return False


def _gold_names(item: Item) -> list[str]:
    return [item["name"], *item.get("aliases", [])]


# --- one-to-one matching ---------------------------------------------------------------


@dataclass
class _Matching:
    owner: dict[int, int]  # gold index -> prediction index
    required: set[int]
    n_predictions: int

    @property
    def tp(self) -> int:
        return sum(1 for gold_index in self.owner if gold_index in self.required)

    @property
    def missed(self) -> list[int]:
        return sorted(self.required - self.owner.keys())

    @property
    def spurious(self) -> list[int]:
        matched = set(self.owner.values())
        return [index for index in range(self.n_predictions) if index not in matched]

    def counts(self) -> dict[str, int]:
        return {"tp": self.tp, "fp": len(self.spurious), "fn": len(self.missed)}

    def pairs(self, gold_items: list[Item], pred_items: list[Item]) -> list[tuple[Item, Item]]:
        return [(gold_items[g], pred_items[p]) for g, p in sorted(self.owner.items())]


def _match(gold_items: list[Item], pred_items: list[Item], same: Pairing) -> _Matching:
    edges = [
        [index for index, gold_item in enumerate(gold_items) if same(gold_item, pred_item)] for pred_item in pred_items
    ]
    required = {index for index, item in enumerate(gold_items) if not item.get("optional")}
    owner: dict[int, int] = {}
    # Augmenting paths never unmatch a gold item, so the second pass keeps the maximum
    # number of required items matched while it places what is left on optional ones.
    for allowed in (required, set(range(len(gold_items)))):
        for pred_index in range(len(pred_items)):
            if pred_index not in owner.values():
                _augment(pred_index, edges, allowed, owner, set())
    return _Matching(owner, required, len(pred_items))


def _augment(
    pred_index: int,
    edges: list[list[int]],
    allowed: set[int],
    owner: dict[int, int],
    seen: set[int],
) -> bool:
    # Kuhn's algorithm: lists here are a handful of items, so recursion depth is no issue.
    for gold_index in edges[pred_index]:
        if gold_index in allowed and gold_index not in seen:
            seen.add(gold_index)
            if gold_index not in owner or _augment(owner[gold_index], edges, allowed, owner, seen):
                owner[gold_index] = pred_index
                return True
    return False


def _same_entity(gold_item: Item, pred_item: Item) -> bool:
    name = pred_item.get("name")
    return isinstance(name, str) and names_match(name, _gold_names(gold_item))


def _same_figure(gold_item: Item, pred_item: Item) -> bool:
    return all(gold_item.get(key) == pred_item.get(key) for key in ("category", "count", "count_max"))


def _same_figure_strict(gold_item: Item, pred_item: Item) -> bool:
    return _same_figure(gold_item, pred_item) and _qualifier(gold_item) == _qualifier(pred_item)


def _qualifier(figure: Item) -> object:
    return figure.get("qualifier", "exact")  # the Figure model's default


def _same_source(gold_figure: Item, pred_figure: Item, gold_record: Item) -> bool:
    """GOLD_FORMAT.md: the predicted source names the same entity as the gold one (the gold
    source, an alias of its attribution item, or one containing the other after
    normalisation); a missing predicted source is wrong."""
    gold_source, pred_source = gold_figure.get("source"), pred_figure.get("source")
    if not isinstance(pred_source, str) or not isinstance(gold_source, str):
        return False
    names = _source_names(gold_source, gold_record)
    if names_match(pred_source, names):
        return True
    wanted = f" {normalise(pred_source)} "
    return wanted.strip() != "" and any(
        (candidate := f" {normalise(name)} ").strip() and (wanted in candidate or candidate in wanted) for name in names
    )


def _credited(gold_figure: Item) -> bool:
    """A required gold figure the article credits to someone: the pairs source accuracy is over."""
    return not gold_figure.get("optional") and gold_figure.get("source") is not None


def _source_names(gold_source: str, gold_record: Item) -> list[str]:
    # The gold attribution item for the same source lists how else the article names it
    # (an acronym, a short form), and a figure's source written that way is as right.
    names = [gold_source]
    for item in gold_record.get("attribution", []):
        if names_match(gold_source, _gold_names(item)):
            names += _gold_names(item)
    return names


# --- descriptions for per-article reports ----------------------------------------------


def _describe_entity(item: Item, attribute: str) -> str:
    return f"{item.get('name')!r} ({item.get(attribute)})"


def _describe_figure(figure: Item) -> str:
    count = figure.get("count")
    if count is None:
        count = "unspecified"
    elif figure.get("count_max") is not None:
        count = f"{count}-{figure['count_max']}"
    text = f"{figure.get('category')} {count} ({_qualifier(figure)})"
    if figure.get("source"):
        text += f" per {figure['source']}"
    return text


# --- grounding -------------------------------------------------------------------------


def _grounding_checks(brief: Item, text: str) -> list[tuple[str, bool]]:
    checks: list[tuple[str, bool]] = []
    for field in ENTITY_FIELDS:
        for item in _items(brief, field):
            name = item.get("name")
            checks.append(("names_found", isinstance(name, str) and bool(name) and name in text))
            # a mention may slice to the name or to one of the item's own aliases
            written = {name, *(a for a in _as_list(item.get("aliases")) if isinstance(a, str))}
            for span in _as_list(item.get("mentions")):
                checks.append(("spans_slice", _slice(text, span) in written))
    for figure in _items(brief, "toll"):
        evidence = figure.get("evidence")
        found = isinstance(evidence, str) and bool(evidence) and evidence in text
        checks.append(("evidence_substring", found))
        if "evidence_span" in figure:
            checks.append(("spans_slice", _slice(text, figure["evidence_span"]) == evidence))
    return checks


def _slice(text: str, span: object) -> str | None:
    # Only a well-formed [start, end) inside the text slices; negative or reversed
    # offsets would slice "successfully" in Python and hide a defect.
    if not isinstance(span, list | tuple) or len(span) != 2:
        return None
    start, end = span
    if not all(isinstance(offset, int) and not isinstance(offset, bool) for offset in span):
        return None
    if not 0 <= start < end <= len(text):
        return None
    return text[start:end]


# --- scoring ---------------------------------------------------------------------------


def _as_list(value: object) -> list:
    return value if isinstance(value, list) else []


def _items(record: Item, field: str) -> list[Item]:
    # A malformed prediction still gets scored on whatever well-formed items it holds;
    # validity reports the malformation separately.
    return [item for item in _as_list(record.get(field)) if isinstance(item, dict)]


def _validates(prediction: Item) -> bool:
    # Strict JSON mode mirrors the JSON Schema: a count written as "4" is a defect.
    try:
        Brief.model_validate_json(json.dumps(prediction), strict=True)
    except (ValidationError, TypeError, ValueError):
        return False
    return True


def _rates(counts: Counter) -> dict:
    tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
    precision = tp / (tp + fp) if tp + fp else (1.0 if fn == 0 else 0.0)
    recall = tp / (tp + fn) if tp + fn else (1.0 if fp == 0 else 0.0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "tp": tp, "fp": fp, "fn": fn}


@dataclass
class _Tally:
    """How many checks of each kind (accuracy, grounding) were made and passed."""

    right: Counter = dataclasses.field(default_factory=Counter)
    checked: Counter = dataclasses.field(default_factory=Counter)
    # decisions: kind -> [taken, taken by the model, judged by the gold, judged right]
    decisions: dict = dataclasses.field(default_factory=dict)

    def add_decision(self, kind: str, by_model: bool, right: bool | None) -> None:
        counts = self.decisions.setdefault(kind, [0, 0, 0, 0])
        counts[0] += 1
        counts[1] += by_model
        if right is not None:
            counts[2] += 1
            counts[3] += right

    def decision_report(self) -> dict:
        """`{"<kind>": {"total", "by_model", "accuracy", "judged"}}` (accuracy None when the
        gold judged none of them)."""
        return {
            kind: {
                "total": total,
                "by_model": by_model,
                "accuracy": right / judged if judged else None,
                "judged": judged,
            }
            for kind, (total, by_model, judged, right) in sorted(self.decisions.items())
        }

    def add(self, name: str, outcomes: list[bool]) -> None:
        self.right[name] += sum(outcomes)
        self.checked[name] += len(outcomes)

    def report(self, names: tuple[str, ...], empty: float | None) -> dict:
        shares = {name: self._share(name, empty) for name in names}
        return {**shares, "n": {name: self.checked[name] for name in names}}

    def _share(self, name: str, empty: float | None) -> float | None:
        return self.right[name] / self.checked[name] if self.checked[name] else empty


def _score_entities(record: Item, brief: Item, tally: _Tally, entry: dict) -> None:
    for field_name, attribute in ENTITY_FIELDS.items():
        gold_items, pred_items = _items(record, field_name), _items(brief, field_name)
        matching = _match(gold_items, pred_items, _same_entity)
        entry[field_name] = matching.counts()
        pairs = matching.pairs(gold_items, pred_items)
        check = "role" if field_name == "who" else f"{field_name}_type"
        tally.add(check, [gold.get(attribute) == pred.get(attribute) for gold, pred in pairs])
        # each item's role or type is a decision (rules or model), judged where it matched the gold
        matched = {id(pred): gold for gold, pred in pairs}
        for pred in pred_items:
            if pred.get("decided_by") in ("rules", "model"):
                gold = matched.get(id(pred))
                right = None if gold is None else gold.get(attribute) == pred.get(attribute)
                tally.add_decision(ITEM_DECISIONS[field_name], pred["decided_by"] == "model", right)
        entry["missed"] += [f"{field_name}: {_describe_entity(gold_items[i], attribute)}" for i in matching.missed]
        entry["spurious"] += [f"{field_name}: {_describe_entity(pred_items[i], attribute)}" for i in matching.spurious]


def _score_toll(record: Item, brief: Item, tally: _Tally, entry: dict) -> None:
    gold_toll, pred_toll = _items(record, "toll"), _items(brief, "toll")
    matching = _match(gold_toll, pred_toll, _same_figure)
    entry["toll"] = matching.counts()
    entry["toll_strict"] = _match(gold_toll, pred_toll, _same_figure_strict).counts()
    pairs = matching.pairs(gold_toll, pred_toll)
    tally.add("qualifier", [_qualifier(gold) == _qualifier(pred) for gold, pred in pairs])
    tally.add("source", [_same_source(gold, pred, record) for gold, pred in pairs if _credited(gold)])
    _score_decisions(record, gold_toll, pred_toll, pairs, tally)
    entry["missed"] += [f"toll: {_describe_figure(gold_toll[i])}" for i in matching.missed]
    entry["spurious"] += [f"toll: {_describe_figure(pred_toll[i])}" for i in matching.spurious]


def _same_count(gold_item: Item, pred_item: Item) -> bool:
    return all(gold_item.get(key) == pred_item.get(key) for key in ("count", "count_max"))


def _score_decisions(record: Item, gold_toll: list[Item], pred_toll: list[Item], pairs, tally: _Tally) -> None:
    """Each open choice a predicted figure records in `decided_by`, judged where the gold
    decides it: a category against the gold figure of the same count (any category), a
    source against the required gold figure it matches where the gold credits someone (the
    figures source accuracy is over, so the two measures agree)."""
    by_count = dict(
        (id(pred), gold) for gold, pred in _match(gold_toll, pred_toll, _same_count).pairs(gold_toll, pred_toll)
    )
    by_figure = {id(pred): gold for gold, pred in pairs}
    for pred in pred_toll:
        decided = pred.get("decided_by") or {}
        if not isinstance(decided, dict):
            continue
        for kind, decider in decided.items():
            right = None
            if kind == "category" and id(pred) in by_count:
                right = by_count[id(pred)].get("category") == pred.get("category")
            elif kind == "source" and id(pred) in by_figure and _credited(by_figure[id(pred)]):
                right = _same_source(by_figure[id(pred)], pred, record)
            tally.add_decision(str(kind), decider == "model", right)


def _score_record(record: Item, prediction: Item | None, text: str, tally: _Tally) -> dict:
    usable = prediction is not None and "error" not in prediction
    # A missing or failed prediction is scored as an empty brief: every required item missed.
    brief = prediction if usable else {}
    entry: dict = {"valid": usable and _validates(prediction), "missed": [], "spurious": []}
    if not usable:
        entry["error"] = "no prediction" if prediction is None else str(prediction["error"])
    _score_entities(record, brief, tally, entry)
    _score_toll(record, brief, tally, entry)
    for name, ok in _grounding_checks(brief, text):
        tally.add(name, [ok])
    return entry


def _first_by_id(predictions: list[dict]) -> dict[str, dict]:
    by_id: dict[str, dict] = {}
    for prediction in predictions:
        by_id.setdefault(prediction.get("id"), prediction)
    return by_id


def score(gold: list[dict], predictions: list[dict], articles: dict[str, str]) -> dict:
    """Metrics of `predictions` against `gold` (JSON-serialisable; see module docstring).

    Predictions for ids not in the gold are ignored, and only the first line of an id
    counts. A gold id without an article raises GoldError (`check_gold` reports all).
    """
    by_id = _first_by_id(predictions)
    totals = {field_name: Counter() for field_name in SCORED_FIELDS}
    tally = _Tally()
    per_article: dict[str, dict] = {}
    for record in gold:
        record_id = record["id"]
        if record_id not in articles:
            raise GoldError(f"{record_id}: no article to score against")
        entry = _score_record(record, by_id.get(record_id), articles[record_id], tally)
        for field_name in SCORED_FIELDS:
            totals[field_name].update(entry[field_name])
        per_article[record_id] = entry

    metrics: dict = {field_name: _rates(totals[field_name]) for field_name in SCORED_FIELDS}
    metrics["accuracy"] = tally.report(ACCURACY_CHECKS, empty=None)
    metrics["decisions"] = tally.decision_report()
    n_valid = sum(entry["valid"] for entry in per_article.values())
    metrics["validity"] = n_valid / len(per_article) if per_article else 1.0
    metrics["grounding"] = tally.report(GROUNDING_CHECKS, empty=1.0)
    metrics["per_article"] = per_article
    return metrics


# --- gold checks -----------------------------------------------------------------------


def _is_count(value: object) -> bool:
    return value is None or (isinstance(value, int) and not isinstance(value, bool))


def _item_problems(field: str, item: object, text: str | None) -> list[str]:
    if not isinstance(item, dict):
        return ["is not an object"]
    problems = [f"missing key {key!r}" for key in GOLD_REQUIRED_KEYS[field] if key not in item]
    for (vocab_field, key), allowed in GOLD_VOCABULARIES.items():
        if vocab_field == field and key in item and item[key] not in allowed:
            problems.append(f"{key} {item[key]!r} is not one of {', '.join(allowed)}")
    if not isinstance(item.get("optional", False), bool):
        problems.append(f"optional {item['optional']!r} is not true or false")
    if field == "toll":
        return problems + _figure_problems(item, text)
    return problems + _name_problems(item)


def _name_problems(entity: dict) -> list[str]:
    problems = []
    if "name" in entity and not (isinstance(entity["name"], str) and entity["name"].strip()):
        problems.append(f"name {entity['name']!r} is not a non-empty string")
    aliases = entity.get("aliases", [])
    if not (isinstance(aliases, list) and all(isinstance(alias, str) for alias in aliases)):
        problems.append(f"aliases {aliases!r} is not a list of strings")
    return problems


def _figure_problems(figure: dict, text: str | None) -> list[str]:
    problems = [
        f"{key} {figure[key]!r} is not an integer or null"
        for key in ("count", "count_max")
        if not _is_count(figure.get(key))
    ]
    count, count_max = figure.get("count"), figure.get("count_max")
    if not problems and count_max is not None and (count is None or count_max < count):
        problems.append(f"count_max {count_max} needs a count no larger than it")
    evidence = figure.get("evidence")
    if "evidence" in figure and not (isinstance(evidence, str) and evidence):
        problems.append(f"evidence {evidence!r} is not a non-empty string")
    elif text is not None and isinstance(evidence, str) and evidence not in text:
        problems.append(f"evidence {evidence!r} is not in the article")
    return problems


def _record_problems(index: int, record: object, articles: dict[str, str]) -> list[str]:
    if not isinstance(record, dict) or not isinstance(record.get("id"), str):
        return [f"record #{index + 1}: missing key 'id'"]
    record_id = record["id"]
    problems: list[str] = []
    text = articles.get(record_id)
    if text is None:
        problems.append(f"{record_id}: no article")
    for field in GOLD_REQUIRED_KEYS:
        if not isinstance(record.get(field), list):
            problems.append(f"{record_id}: missing key {field!r} (a list)")
            continue
        for item_index, item in enumerate(record[field]):
            label = f"{record_id}: {field}[{item_index}]"
            if isinstance(item, dict) and "name" in item:
                label += f" {item['name']!r}"
            problems += [f"{label}: {problem}" for problem in _item_problems(field, item, text)]
    return problems


def check_gold(gold: list[dict], articles: dict[str, str]) -> None:
    """Raise GoldError listing every record that breaks GOLD_FORMAT.md."""
    problems: list[str] = []
    seen: set[str] = set()
    for index, record in enumerate(gold):
        problems += _record_problems(index, record, articles)
        record_id = record.get("id") if isinstance(record, dict) else None
        if isinstance(record_id, str):
            if record_id in seen:
                problems.append(f"{record_id}: duplicate record id")
            seen.add(record_id)
    if problems:
        summary = f"gold has {len(problems)} problem(s):"
        raise GoldError("\n".join([summary, *(f"  {problem}" for problem in problems)]))


# --- regression check ------------------------------------------------------------------


def compare_to_baseline(metrics: dict, baseline: dict, tolerance: float) -> list[str]:
    """One message per field whose F1 is more than `tolerance` below the baseline's."""
    messages: list[str] = []
    for field in SCORED_FIELDS:
        baseline_f1 = baseline.get(field, {}).get("f1")
        if baseline_f1 is None:
            continue  # a baseline from before the field existed says nothing about it
        f1 = metrics[field]["f1"]
        if baseline_f1 - f1 > tolerance + _FLOAT_SLACK:
            messages.append(
                f"{field}: F1 {f1:.3f} is {baseline_f1 - f1:.3f} below the baseline's "
                f"{baseline_f1:.3f} (tolerance {tolerance:.3f})"
            )
    return messages
