"""Unit tests of summarizer.scoring on small hand-made gold records and predictions.

Every expected number below is worked out by hand in the comment next to it.
"""

import json

import pytest

from summarizer.errors import GoldError
from summarizer.scoring import check_gold, compare_to_baseline, names_match, normalise, score

# --- builders --------------------------------------------------------------------------


def record(record_id, who=(), where=(), toll=(), attribution=()):
    """A gold record or a prediction: the same four lists around an id."""
    return {
        "id": record_id,
        "who": list(who),
        "where": list(where),
        "toll": list(toll),
        "attribution": list(attribution),
    }


def actor(name, role="victim", aliases=(), optional=False):
    return {"name": name, "aliases": list(aliases), "role": role, "optional": optional}


def place(name, place_type="town", aliases=(), optional=False):
    return {"name": name, "aliases": list(aliases), "type": place_type, "optional": optional}


def source(name, source_type="official", aliases=(), optional=False):
    return {"name": name, "aliases": list(aliases), "type": source_type, "optional": optional}


def figure(category, count, count_max=None, qualifier="exact", source=None, optional=False):
    return {
        "category": category,
        "count": count,
        "count_max": count_max,
        "qualifier": qualifier,
        "group": None,
        "source": source,
        "evidence": "storm",
        "optional": optional,
    }


def predicted_actor(name, role="victim"):
    return {"name": name, "role": role, "mentions": []}


def predicted_place(name, place_type="town"):
    return {"name": name, "type": place_type, "mentions": []}


def predicted_figure(category, count, count_max=None, qualifier="exact", source=None):
    return {
        "category": category,
        "count": count,
        "count_max": count_max,
        "qualifier": qualifier,
        "source": source,
        "evidence": "storm",
        "evidence_span": [0, 5],
    }


def scored(gold, predictions):
    articles = {item["id"]: "storm text" for item in gold}
    return score(gold, predictions, articles)


def counts(metrics, field):
    return {key: metrics[field][key] for key in ("tp", "fp", "fn")}


# --- normalise and names_match ---------------------------------------------------------


def test_normalise_strips_accents_and_casefolds():
    assert normalise("São Tomé") == "sao tome"
    assert normalise("ZÜRICH") == "zurich"
    assert normalise("Straße") == "strasse"


def test_normalise_turns_punctuation_into_spaces():
    assert normalise("Ras al-'Ain") == "ras al ain"
    assert normalise("O’Brien") == "o brien"
    assert normalise("  St.-Pierre!!  (north) ") == "st pierre north"


def test_normalise_drops_generic_words():
    assert normalise("The Province of Westmark") == "westmark"
    assert normalise("Lakeview District") == "lakeview"
    assert normalise("Harbour Neighborhood, Old Town") == "harbour old"
    assert normalise("the city") == ""


def test_names_match_after_normalisation():
    assert names_match("westmark province", ["Westmark"])
    assert names_match("Sao Tome", ["São Tomé"])
    assert not names_match("Eastmark", ["Westmark"])


def test_names_match_any_alias():
    assert names_match("CRS", ["Coastal Rescue Service", "CRS"])
    assert not names_match("CRS", ["Coastal Rescue Service"])


def test_names_match_fuzzy_threshold():
    # "karlsbergen" / "karlsberger": Indel distance 2 over 22 characters -> 0.909.
    assert names_match("Karlsbergen", ["Karlsberger"])
    # "marienthal" / "marienthol": 2 over 20 -> exactly 0.9, which is enough.
    assert names_match("Marienthal", ["Marienthol"])
    # "karlsberg" / "karlsburg": 2 over 18 -> 0.889, below 0.9.
    assert not names_match("Karlsberg", ["Karlsburg"])


def test_names_match_never_matches_empty_names():
    assert not names_match("The District", ["the district"])
    assert not names_match("", [""])
    assert not names_match("Westmark", ["", "Province"])


# --- who / where / attribution matching ------------------------------------------------


def test_optional_items_count_neither_way():
    gold = [record("a", who=[actor("Mara Quint"), actor("Tobias Fenn", optional=True)])]
    # A matched optional item adds nothing; an unmatched one would add no false negative.
    predictions = [record("a", who=[predicted_actor("Tobias Fenn")])]
    metrics = scored(gold, predictions)
    assert counts(metrics, "who") == {"tp": 0, "fp": 0, "fn": 1}

    predictions = [record("a", who=[predicted_actor("Mara Quint"), predicted_actor("Lena Ostrow")])]
    metrics = scored(gold, predictions)
    # tp 1, fp 1 (Lena Ostrow), fn 0: P 0.5, R 1.0, F1 2/3.
    assert metrics["who"] == {
        "precision": 0.5,
        "recall": 1.0,
        "f1": pytest.approx(2 / 3),
        "tp": 1,
        "fp": 1,
        "fn": 0,
    }
    assert metrics["per_article"]["a"]["spurious"] == ["who: 'Lena Ostrow' (victim)"]
    assert metrics["per_article"]["a"]["missed"] == []


def test_second_prediction_of_an_item_is_a_false_positive():
    gold = [record("a", where=[place("Port Alden", aliases=["Alden"])])]
    predictions = [record("a", where=[predicted_place("Port Alden"), predicted_place("Alden")])]
    metrics = scored(gold, predictions)
    assert counts(metrics, "where") == {"tp": 1, "fp": 1, "fn": 0}
    assert metrics["per_article"]["a"]["spurious"] == ["where: 'Alden' (town)"]


def test_duplicate_of_an_optional_item_is_a_false_positive():
    gold = [record("a", who=[actor("Tobias Fenn", optional=True)])]
    predictions = [record("a", who=[predicted_actor("Tobias Fenn"), predicted_actor("Fenn")])]
    # "fenn" vs "tobias fenn" is only 1 - 7/15 similar: a plain miss, one false positive.
    assert counts(scored(gold, predictions), "who") == {"tp": 0, "fp": 1, "fn": 0}
    predictions = [record("a", who=[predicted_actor("Tobias Fenn"), predicted_actor("tobias fenn")])]
    metrics = scored(gold, predictions)
    # The second "tobias fenn" repeats a matched item: tp 0, fp 1, fn 0. Nothing right,
    # so precision and recall are 0 (see the convention in scoring.py).
    assert metrics["who"] == {
        "precision": 0.0,
        "recall": 0.0,
        "f1": 0.0,
        "tp": 0,
        "fp": 1,
        "fn": 0,
    }


def test_matching_is_maximum_not_greedy():
    # "Linden" matches both gold places ("lindens" is 1 - 1/13 = 0.92 similar);
    # "Linden Heights" only the first. Greedy would give "Linden" to the first place and
    # leave "Linden Heights" a false positive.
    gold = [record("a", where=[place("Linden Heights", aliases=["Linden"]), place("Lindens")])]
    predictions = [record("a", where=[predicted_place("Linden"), predicted_place("Linden Heights")])]
    metrics = scored(gold, predictions)
    assert counts(metrics, "where") == {"tp": 2, "fp": 0, "fn": 0}
    assert metrics["where"]["f1"] == 1.0


def test_required_items_are_matched_before_optional_ones():
    gold_places = [place("Lindens", optional=True), place("Linden Heights", aliases=["Linden"])]
    gold = [record("a", where=gold_places)]
    # "Linden" fits both; it must go to the required place, not the optional one listed first.
    predictions = [record("a", where=[predicted_place("Linden")])]
    assert counts(scored(gold, predictions), "where") == {"tp": 1, "fp": 0, "fn": 0}
    # With "Linden Heights" also predicted, "Linden" moves over to the optional place:
    # one true positive, no false positive.
    predictions = [record("a", where=[predicted_place("Linden"), predicted_place("Linden Heights")])]
    assert counts(scored(gold, predictions), "where") == {"tp": 1, "fp": 0, "fn": 0}


def test_counts_are_micro_averaged_over_articles():
    gold = [
        record("a", who=[actor("Mara Quint")]),
        record("b", who=[actor("Ivo Brandt"), actor("Edda Lorne"), actor("Sven Aake")]),
    ]
    predictions = [
        record("a", who=[predicted_actor("Mara Quint")]),
        record("b", who=[predicted_actor("Lena Ostrow")]),
    ]
    metrics = scored(gold, predictions)
    # Sums: tp 1, fp 1, fn 3 -> P 0.5, R 0.25, F1 2 * 0.125 / 0.75 = 1/3 (macro would be 0.5).
    assert metrics["who"] == {
        "precision": 0.5,
        "recall": 0.25,
        "f1": pytest.approx(1 / 3),
        "tp": 1,
        "fp": 1,
        "fn": 3,
    }
    assert metrics["per_article"]["a"]["who"] == {"tp": 1, "fp": 0, "fn": 0}
    assert metrics["per_article"]["b"]["who"] == {"tp": 0, "fp": 1, "fn": 3}
    assert metrics["per_article"]["b"]["missed"] == [
        "who: 'Ivo Brandt' (victim)",
        "who: 'Edda Lorne' (victim)",
        "who: 'Sven Aake' (victim)",
    ]


def test_nothing_to_find_and_nothing_found_scores_one():
    metrics = scored([record("a")], [record("a")])
    for field in ("who", "where", "attribution", "toll", "toll_strict"):
        assert metrics[field] == {
            "precision": 1.0,
            "recall": 1.0,
            "f1": 1.0,
            "tp": 0,
            "fp": 0,
            "fn": 0,
        }
    assert metrics["validity"] == 1.0
    json.dumps(metrics)  # JSON-serialisable as it is


def test_role_and_type_accuracy_on_matched_entities():
    gold = [
        record(
            "a",
            who=[actor("Mara Quint", role="victim"), actor("Ivo Brandt", role="attacker")],
            where=[place("Port Alden", place_type="town")],
            attribution=[source("Harbour Police")],
        )
    ]
    predictions = [
        record(
            "a",
            who=[predicted_actor("Mara Quint", "victim"), predicted_actor("Ivo Brandt", "target")],
            where=[predicted_place("Port Alden", "town")],
        )
    ]
    accuracy = scored(gold, predictions)["accuracy"]
    # who: 1 of 2 roles right; where: 1 of 1; attribution and toll: nothing matched.
    assert accuracy == {
        "qualifier": None,
        "source": None,
        "role": 0.5,
        "where_type": 1.0,
        "attribution_type": None,
        "n": {"qualifier": 0, "source": 0, "role": 2, "where_type": 1, "attribution_type": 0},
    }


# --- toll ------------------------------------------------------------------------------


def test_toll_ranges_and_null_counts():
    gold = [
        record(
            "a",
            toll=[
                figure("killed", 20, count_max=30),
                figure("injured", None),  # "dozens"
                figure("arrested", 5),
                figure("missing", 2),
            ],
        )
    ]
    predictions = [
        record(
            "a",
            toll=[
                predicted_figure("killed", 20, count_max=30),  # range matches
                predicted_figure("killed", 20),  # no count_max: does not match the range
                predicted_figure("injured", None),  # null matches null, same category
                predicted_figure("arrested", 5),
            ],
        )
    ]
    metrics = scored(gold, predictions)
    # tp 3, fp 1 (killed 20), fn 1 (missing 2): P = R = F1 = 0.75.
    assert metrics["toll"] == {
        "precision": 0.75,
        "recall": 0.75,
        "f1": 0.75,
        "tp": 3,
        "fp": 1,
        "fn": 1,
    }
    assert metrics["per_article"]["a"]["missed"] == ["toll: missing 2 (exact)"]
    assert metrics["per_article"]["a"]["spurious"] == ["toll: killed 20 (exact)"]


def test_null_gold_count_needs_a_null_prediction():
    gold = [record("a", toll=[figure("displaced", None)])]
    predictions = [record("a", toll=[predicted_figure("displaced", 100)])]
    assert counts(scored(gold, predictions), "toll") == {"tp": 0, "fp": 1, "fn": 1}
    missing_count = predicted_figure("displaced", None)
    del missing_count["count"]  # a left-out count is a null count
    predictions = [record("a", toll=[missing_count])]
    assert counts(scored(gold, predictions), "toll") == {"tp": 1, "fp": 0, "fn": 0}


def test_toll_strict_also_needs_the_qualifier():
    gold = [record("a", toll=[figure("killed", 12, qualifier="at_least"), figure("injured", 3)])]
    predictions = [
        record(
            "a",
            toll=[
                predicted_figure("killed", 12, qualifier="over"),
                predicted_figure("injured", 3, qualifier="exact"),
            ],
        )
    ]
    metrics = scored(gold, predictions)
    assert counts(metrics, "toll") == {"tp": 2, "fp": 0, "fn": 0}
    # Strict: only "injured 3" keeps its match -> tp 1, fp 1, fn 1, P = R = F1 = 0.5.
    assert metrics["toll_strict"] == {
        "precision": 0.5,
        "recall": 0.5,
        "f1": 0.5,
        "tp": 1,
        "fp": 1,
        "fn": 1,
    }
    assert metrics["accuracy"]["qualifier"] == 0.5
    assert metrics["accuracy"]["n"]["qualifier"] == 2


def test_source_accuracy_on_matched_figures():
    """GOLD_FORMAT.md: over matched required figures the article credits to someone; a
    missing predicted source is wrong; figures credited to nobody and optional ones are left out."""
    gold = [
        record(
            "a",
            toll=[
                figure("killed", 7, source="Coastal Rescue Service"),
                figure("injured", 2, source=None),
                figure("missing", 1, source="Harbour Police"),
                figure("arrested", 4, source=None),
                figure("displaced", 40, source="Harbour Police"),
                figure("affected", 900, source="Harbour Police"),
                figure("killed", 3, source="Harbour Police", optional=True),
                figure("injured", 12, source="the Coastal Rescue Service"),
            ],
            attribution=[source("Coastal Rescue Service", aliases=["CRS"])],
        )
    ]
    predictions = [
        record(
            "a",
            toll=[
                predicted_figure("killed", 7, source="CRS"),  # right: alias in attribution
                predicted_figure("injured", 2, source=None),  # not judged: credited to nobody
                predicted_figure("missing", 1, source="Harbor Police"),  # right: 0.96 similar
                predicted_figure("arrested", 4, source="Harbour Police"),  # not judged: gold null
                predicted_figure("displaced", 40, source=None),  # wrong: gold named, none predicted
                predicted_figure("killed", 3, source=None),  # not judged: optional
                predicted_figure("injured", 12, source="Rescue Service"),  # right: one contains the other
                # "affected 900" is not predicted, so its source is not judged.
            ],
        )
    ]
    accuracy = scored(gold, predictions)["accuracy"]
    assert accuracy["source"] == 0.75  # 3 of 4
    assert accuracy["n"]["source"] == 4


# --- validity and grounding ------------------------------------------------------------


def test_validity_with_error_line_missing_and_invalid_prediction():
    gold = [record(record_id, who=[actor("Mara Quint")]) for record_id in "abcd"]
    predictions = [
        record("a", who=[predicted_actor("Mara Quint")]),
        {"id": "b", "error": "generation timed out"},
        # "c" has no line at all.
        record("d", who=[predicted_actor("Mara Quint", role="bystander")]),  # not a role
        record("zzz", who=[predicted_actor("Mara Quint")]),  # not in the gold: ignored
    ]
    metrics = scored(gold, predictions)
    assert metrics["validity"] == 0.25  # only "a" of four
    # "d" still matches by name; "b" and "c" miss their required item: P 1.0, R 0.5.
    assert metrics["who"] == {
        "precision": 1.0,
        "recall": 0.5,
        "f1": pytest.approx(2 / 3),
        "tp": 2,
        "fp": 0,
        "fn": 2,
    }
    per_article = metrics["per_article"]
    assert sorted(per_article) == ["a", "b", "c", "d"]
    assert [per_article[key]["valid"] for key in "abcd"] == [True, False, False, False]
    assert per_article["b"]["error"] == "generation timed out"
    assert per_article["c"]["error"] == "no prediction"
    assert per_article["c"]["missed"] == ["who: 'Mara Quint' (victim)"]
    assert metrics["accuracy"]["role"] == 0.5  # "a" right, "d" wrong


def test_count_as_string_is_invalid():
    gold = [record("a", toll=[figure("killed", 4)])]
    stringly = predicted_figure("killed", "4")
    metrics = scored(gold, [record("a", toll=[stringly])])
    assert metrics["validity"] == 0.0
    assert counts(metrics, "toll") == {"tp": 0, "fp": 1, "fn": 1}


def test_grounding_shares():
    text = "Storms hit Port Alden on Monday, killing four fishermen, the Coastal Rescue Service said."
    port = text.index("Port Alden")
    fishermen = text.index("fishermen")
    evidence = "killing four fishermen"
    start = text.index(evidence)
    prediction = record(
        "a",
        who=[{"name": "fishermen", "role": "victim", "mentions": [[fishermen, fishermen + 9]]}],
        where=[{"name": "Port Alden", "type": "town", "mentions": [[port, port + 10], [0, 10]]}],
        attribution=[{"name": "Coastal Rescue Services", "type": "official", "mentions": []}],
        toll=[
            {
                **predicted_figure("killed", 4),
                "evidence": evidence,
                "evidence_span": [start, start + len(evidence)],
            },
            {
                **predicted_figure("killed", 4),
                "evidence": "killing 4 fishermen",
                "evidence_span": [0, 5],
            },
        ],
    )
    metrics = score([record("a")], [prediction], {"a": text})
    # names: fishermen, Port Alden found; "Coastal Rescue Services" is not -> 2/3.
    # evidence: 1 of 2 is a substring. spans: fishermen ok, Port Alden ok, [0, 10] is
    # "Storms hit", first evidence ok, [0, 5] is "Storm" -> 3/5.
    assert metrics["grounding"] == {
        "names_found": pytest.approx(2 / 3),
        "evidence_substring": 0.5,
        "spans_slice": 0.6,
        "n": {"names_found": 3, "evidence_substring": 2, "spans_slice": 5},
    }


def test_grounding_rejects_out_of_range_and_reversed_spans():
    text = "Port Alden"
    prediction = record("a", where=[{"name": "Port Alden", "type": "town", "mentions": [[0, 99], [10, 0]]}])
    grounding = score([record("a")], [prediction], {"a": text})["grounding"]
    assert grounding["spans_slice"] == 0.0
    assert grounding["n"]["spans_slice"] == 2


def test_grounding_is_one_when_nothing_to_check():
    gold = [record("a", who=[actor("Mara Quint")])]
    grounding = scored(gold, [{"id": "a", "error": "out of memory"}])["grounding"]
    assert grounding == {
        "names_found": 1.0,
        "evidence_substring": 1.0,
        "spans_slice": 1.0,
        "n": {"names_found": 0, "evidence_substring": 0, "spans_slice": 0},
    }


def test_score_refuses_gold_without_article():
    with pytest.raises(GoldError, match="^a: no article"):
        score([record("a")], [record("a")], {})


# --- check_gold ------------------------------------------------------------------------

ARTICLE = "Floods in Port Alden killed four people, the Coastal Rescue Service said."


def good_record(record_id="flood-1"):
    toll = figure("killed", 4, source="Coastal Rescue Service")
    toll["evidence"] = "killed four people"
    return record(
        record_id,
        who=[actor("people")],
        where=[place("Port Alden")],
        toll=[toll],
        attribution=[source("Coastal Rescue Service")],
    )


def gold_problem(gold, articles=None):
    """The message of the GoldError that check_gold raises."""
    articles = {"flood-1": ARTICLE} if articles is None else articles
    with pytest.raises(GoldError) as caught:
        check_gold(gold, articles)
    return str(caught.value)


def test_check_gold_accepts_a_good_record():
    assert check_gold([good_record()], {"flood-1": ARTICLE}) is None


def test_check_gold_no_article():
    message = gold_problem([good_record()], articles={})
    assert message == "gold has 1 problem(s):\n  flood-1: no article"


def test_check_gold_evidence_not_in_article():
    bad = good_record()
    bad["toll"][0]["evidence"] = "killed 4 people"
    message = gold_problem([bad])
    assert message == ("gold has 1 problem(s):\n  flood-1: toll[0]: evidence 'killed 4 people' is not in the article")


@pytest.mark.parametrize(
    ("field", "key", "value"),
    [
        ("who", "role", "bystander"),
        ("where", "type", "hamlet"),
        ("toll", "category", "drowned"),
        ("toll", "qualifier", "roughly"),
        ("attribution", "type", "blog"),
    ],
)
def test_check_gold_vocabulary(field, key, value):
    bad = good_record()
    bad[field][0][key] = value
    message = gold_problem([bad])
    assert message.splitlines()[0] == "gold has 1 problem(s):"
    assert message.splitlines()[1].startswith(f"  flood-1: {field}[0]")
    assert f"{key} {value!r} is not one of" in message


@pytest.mark.parametrize(("key", "value"), [("count", "four"), ("count", True), ("count_max", 4.5)])
def test_check_gold_count_not_int_or_null(key, value):
    bad = good_record()
    bad["toll"][0][key] = value
    message = gold_problem([bad])
    assert message == (f"gold has 1 problem(s):\n  flood-1: toll[0]: {key} {value!r} is not an integer or null")


def test_check_gold_missing_keys():
    bad = good_record()
    del bad["who"][0]["role"]
    del bad["attribution"]
    no_id = good_record()
    del no_id["id"]
    message = gold_problem([bad, no_id])
    assert message == (
        "gold has 3 problem(s):\n"
        "  flood-1: who[0] 'people': missing key 'role'\n"
        "  flood-1: missing key 'attribution' (a list)\n"
        "  record #2: missing key 'id'"
    )


def test_check_gold_aliases_and_optional_types():
    bad = good_record()
    bad["where"][0]["aliases"] = "Alden"
    bad["who"][0]["optional"] = "no"
    message = gold_problem([bad])
    assert message == (
        "gold has 2 problem(s):\n"
        "  flood-1: who[0] 'people': optional 'no' is not true or false\n"
        "  flood-1: where[0] 'Port Alden': aliases 'Alden' is not a list of strings"
    )


def test_check_gold_duplicate_id_and_reversed_range():
    bad = good_record()
    bad["toll"][0]["count_max"] = 3  # below count 4
    message = gold_problem([good_record(), bad])
    assert message == (
        "gold has 2 problem(s):\n"
        "  flood-1: toll[0]: count_max 3 needs a count no larger than it\n"
        "  flood-1: duplicate record id"
    )


def test_check_gold_collects_problems_of_all_records():
    first, second = good_record("flood-1"), good_record("flood-2")
    second["where"][0]["type"] = "hamlet"
    second["toll"][0]["evidence"] = "killed dozens"
    message = gold_problem([first, second], {"flood-1": ARTICLE, "flood-2": ARTICLE})
    lines = message.splitlines()
    assert lines[0] == "gold has 2 problem(s):"
    assert lines[1].startswith("  flood-2: where[0] 'Port Alden': type 'hamlet' is not one of")
    assert lines[2] == "  flood-2: toll[0]: evidence 'killed dozens' is not in the article"


# --- compare_to_baseline ---------------------------------------------------------------


def f1_metrics(**f1_by_field):
    fields = ("who", "where", "attribution", "toll", "toll_strict")
    return {field: {"f1": f1_by_field.get(field, 0.9)} for field in fields}


def test_compare_to_baseline_within_tolerance():
    metrics = f1_metrics(who=0.80, toll=0.7)
    baseline = f1_metrics(who=0.85, toll=0.8)  # 0.05 below; exactly 0.1 below
    assert compare_to_baseline(metrics, baseline, tolerance=0.1) == []


def test_compare_to_baseline_reports_each_regressed_field():
    metrics = f1_metrics(where=0.80, toll_strict=0.5)
    baseline = f1_metrics(where=0.95, toll_strict=0.75)
    assert compare_to_baseline(metrics, baseline, tolerance=0.1) == [
        "where: F1 0.800 is 0.150 below the baseline's 0.950 (tolerance 0.100)",
        "toll_strict: F1 0.500 is 0.250 below the baseline's 0.750 (tolerance 0.100)",
    ]


def test_compare_to_baseline_ignores_fields_the_baseline_lacks():
    baseline = f1_metrics()
    del baseline["toll_strict"]
    assert compare_to_baseline(f1_metrics(toll_strict=0.0), baseline, tolerance=0.0) == []


def test_decisions_are_counted_by_kind_and_judged_where_the_gold_decides():
    gold = [
        record(
            "a",
            toll=[figure("killed", 7, source="Coastal Rescue Service"), figure("injured", 3, source=None)],
            attribution=[source("Coastal Rescue Service")],
        )
    ]
    chosen = predicted_figure("killed", 7, source="Coastal Rescue Service")
    chosen["decided_by"] = {"category": "model", "source": "rules"}
    wrong = predicted_figure("killed", 3, source="Harbour Police")  # gold: injured 3, unsourced
    wrong["decided_by"] = {"category": "rules", "source": "model"}
    unjudged = predicted_figure("missing", 40)  # no gold figure of that count
    unjudged["decided_by"] = {"category": "rules"}
    decisions = scored(gold, [record("a", toll=[chosen, wrong, unjudged])])["decisions"]
    assert decisions["category"] == {"total": 3, "by_model": 1, "accuracy": 0.5, "judged": 2}
    # the wrong figure matches no gold figure (category differs), so only one source is judged
    assert decisions["source"] == {"total": 2, "by_model": 1, "accuracy": 1.0, "judged": 1}


def test_source_decisions_are_judged_on_the_figures_source_accuracy_counts():
    # a gold figure credited to nobody does not judge a source decision (source accuracy skips
    # it too), so answering "not stated" there earns nothing; on a credited figure it is wrong
    gold = [
        record(
            "a",
            toll=[figure("killed", 7, source="Coastal Rescue Service"), figure("injured", 3, source=None)],
            attribution=[source("Coastal Rescue Service")],
        )
    ]
    unstated_credited = predicted_figure("killed", 7, source=None)
    unstated_credited["decided_by"] = {"source": "model"}
    unstated_uncredited = predicted_figure("injured", 3, source=None)
    unstated_uncredited["decided_by"] = {"source": "model"}
    metrics = scored(gold, [record("a", toll=[unstated_credited, unstated_uncredited])])
    assert metrics["decisions"]["source"] == {"total": 2, "by_model": 2, "accuracy": 0.0, "judged": 1}
    assert metrics["accuracy"]["source"] == 0.0  # the brief's measure agrees


def test_calibration_judges_a_source_only_against_credited_gold_figures():
    from summarizer.calibration import judge

    record_ = {"id": "a", "attribution": [{"name": "Coastal Rescue Service", "aliases": [], "type": "government"}]}
    credited = {"category": "killed", "count": 7, "source": "Coastal Rescue Service", "optional": False}
    uncredited = {"category": "injured", "count": 3, "source": None, "optional": False}
    optional = {"category": "killed", "count": 7, "source": None, "optional": True}
    not_stated = {"source": "not stated"}
    named = {"source": "Coastal Rescue Service"}
    assert judge(None, not_stated, [uncredited], record_) == {"source": None}
    assert judge(None, not_stated, [credited, optional], record_) == {"source": False}
    assert judge(None, named, [credited, optional], record_) == {"source": True}
