"""Grouping briefs into events and the low / best / high arithmetic, on invented events."""

import datetime as dt
import math

import pytest

from summarizer.brief import Brief
from summarizer.events import (
    LINK_THRESHOLD,
    anchor_date,
    build_events,
    category_summary,
    features,
    figure_range,
    figure_weight,
    find_dates,
    format_figure,
    groups_compatible,
    is_total_group,
    pair_score,
    same_source,
)


def figure(count, qualifier="exact", group=None, source=None, article_id="a1", category="killed", count_max=None):
    return {
        "category": category,
        "count": count,
        "count_max": count_max,
        "qualifier": qualifier,
        "group": group,
        "source": source,
        "article_id": article_id,
        "evidence": f"{count} {group or 'people'}",
    }


def place(name, type_="town", start=0):
    return {"name": name, "type": type_, "aliases": [], "mentions": [[start, start + len(name)]]}


def actor(name, role="other", aliases=()):
    return {"name": name, "role": role, "aliases": list(aliases), "mentions": []}


def toll(count, category="killed", group=None, source=None, qualifier="exact"):
    return {
        "category": category,
        "count": count,
        "count_max": None,
        "qualifier": qualifier,
        "group": group,
        "source": source,
        "evidence": f"{count} dead",
        "evidence_span": [0, 5],
    }


def brief(id_, where=(), who=(), toll_=()):
    return {"id": id_, "who": list(who), "where": list(where), "toll": list(toll_), "attribution": []}


# --- dates -------------------------------------------------------------------------------


def test_explicit_dates_are_found_and_weekdays_are_not():
    text = (
        "On Thursday the storm hit. On March 9 it returned; by December 26, 2024 it was over. "
        "Reports from 3 June 2023 and from May 2021 agree. Crowds may march on Friday; "
        "2024-02-30 is no date, February 29, 2024 is."
    )
    assert [date.iso() for date in find_dates(text)] == [
        "--03-09",
        "2024-12-26",
        "2023-06-03",
        "2021-05",
        "2024-02-29",
    ]


def test_anchor_is_the_latest_date_with_a_year():
    dates = find_dates("On January 5, 2023 and on March 1, 2023, and again on December 31.")
    assert anchor_date(dates) == dt.date(2023, 3, 1)
    assert anchor_date(find_dates("On March 9 and December 8.")) is None


# --- names and groups --------------------------------------------------------------------


def test_same_source_knows_acronyms_and_spellings():
    assert same_source("Coastal Relief Agency", "CRA")
    assert same_source("UN", "United Nations")
    assert same_source("Office for Disaster Response", "ODR")  # stop word skipped
    assert same_source("Red Cross", "red cross")
    assert not same_source("Red Cross", "Police")
    assert not same_source("AP", "Reuters")
    assert same_source(None, None) and not same_source(None, "Police")


def test_total_groups_and_compatible_groups():
    assert is_total_group(None) and is_total_group("people") and is_total_group("others")
    assert not is_total_group("miners")
    assert groups_compatible("security personnel", "members of the security forces")
    assert groups_compatible("police officers", None)
    assert not groups_compatible("civilians", "soldiers")


def test_format_figure():
    assert format_figure(figure(1000, "over")) == "over 1,000"
    assert format_figure(figure(20, count_max=30)) == "between 20 and 30"
    assert format_figure(figure(16, "at_least")) == "at least 16"
    assert format_figure(figure(4)) == "4"


# --- low / best / high -------------------------------------------------------------------


def test_range_most_cited_wins_and_a_lower_bound_opens_the_high():
    figures = [
        figure(12, "exact", source="Police", article_id="a1"),
        figure(12, "about", source="Red Cross", article_id="a2"),
        figure(15, "at_least", source="Hospital", article_id="a2"),
        figure(20, "over", source="Police", article_id="a3"),
    ]
    result = figure_range(figures)
    # low = min(12, 12, 15, 20); high = 20, stated as "over": a lower bound.
    assert (result["low"], result["best"], result["high"]) == (12, 12, 20)
    assert result["high_is_lower_bound"] is True
    # 12 is cited by (a1, Police) and (a2, Red Cross); 15 and 20 once each.
    assert result["best_rule"].startswith("most cited: 12 by 2 of 4")


def test_range_tie_goes_to_the_most_conservative():
    result = figure_range([figure(10, source="Mayor"), figure(8, source="Fire brigade")])
    assert (result["low"], result["best"], result["high"]) == (8, 8, 10)
    assert result["high_is_lower_bound"] is False
    assert result["best_rule"].startswith("most conservative")


def test_range_with_between_and_up_to():
    figures = [figure(20, count_max=30, source="A"), figure(40, "up_to", source="B")]
    result = figure_range(figures)
    # "up to 40" gives no floor: low is 20; high is max(30, 40); best ties -> lowest point.
    assert (result["low"], result["best"], result["high"]) == (20, [20, 30], 40)
    only_up_to = figure_range([figure(40, "up_to", source="B")])
    assert only_up_to["low"] is None and only_up_to["high"] == 40


def test_citations_count_article_source_pairs_once():
    figures = [
        figure(5, source="A", article_id="a1"),
        figure(5, source="A", article_id="a1"),  # the same source repeating itself in one article
        figure(7, source="B", article_id="a1"),
        figure(7, source="C", article_id="a1"),
    ]
    assert figure_range(figures)["best"] == 7


def test_same_source_in_two_articles_counts_twice():
    figures = [figure(5, source="A", article_id="a1"), figure(5, source="A", article_id="a2"), figure(9, source="B")]
    result = figure_range(figures)
    assert result["best"] == 5 and result["best_rule"].startswith("most cited: 5 by 2 of 3")


def test_category_uses_totals_and_ranges_each_group():
    figures = [
        figure(30, "over", None, "Red Cross", "a1"),
        figure(25, "exact", "people", "Mayor", "a2"),
        figure(9, "exact", "miners", "Mayor", "a2"),
        figure(11, "exact", "mine workers", "Union", "a3"),  # not nested with "miners": its own group
        figure(9, "exact", "miners", "Union", "a1"),
    ]
    summary = category_summary("killed", figures)
    assert summary["basis"] == "totals"
    assert (summary["low"], summary["best"], summary["high"]) == (25, 25, 30)  # tie of one each -> lowest
    assert summary["high_is_lower_bound"] is True
    groups = {group["group"]: group for group in summary["groups"]}
    assert groups["miners"]["best"] == 9 and groups["miners"]["best_rule"].startswith("most cited: 9 by 2")
    assert groups["mine workers"]["low"] == 11
    assert any("sources differ: 25 (Mayor, a2); over 30 (Red Cross, a1)" in line for line in summary["disagreements"])


def test_category_without_totals_sums_each_sources_groups():
    figures = [
        figure(3, "exact", "soldiers", "Army", "a1"),
        figure(2, "at_least", "civilians", "Army", "a1"),
        figure(4, "exact", "soldiers", "Mayor", "a1"),
    ]
    summary = category_summary("killed", figures)
    assert summary["basis"].startswith("sum of group figures")
    # Army: 3 + 2 = 5 (at least, as one part is a lower bound); Mayor: 4.
    assert (summary["low"], summary["best"], summary["high"]) == (4, 4, 5)
    assert summary["high_is_lower_bound"] is True
    derived = {total["source"]: total for total in summary["derived_totals"]}
    assert derived["Army"]["count"] == 5 and derived["Army"]["qualifier"] == "at_least"
    soldiers = next(group for group in summary["groups"] if group["group"] == "soldiers")
    assert (soldiers["low"], soldiers["high"]) == (3, 4)


def test_one_source_disagreeing_with_itself_is_spelled_out():
    figures = [figure(40, "over", None, "CRA", "a1"), figure(55, "over", None, "Coastal Relief Agency", "a2")]
    lines = category_summary("killed", figures)["disagreements"]
    assert any("CRA itself gives different figures: over 40 (a1); over 55 (a2)" in line for line in lines)


# --- the pair score and grouping ---------------------------------------------------------


def test_pair_score_by_hand():
    a = brief(
        "flood-1",
        where=[place("Riverton", "town"), place("Millbrook", "village")],
        who=[actor("National Guard")],
        toll_=[toll(12)],
    )
    b = brief(
        "flood-2",
        where=[place("Riverton", "city"), place("Oak County", "province")],
        who=[actor("National Guard"), actor("residents")],
        toll_=[toll(12), toll(40, "injured")],
    )
    scored = pair_score(features(a), features(b))
    # places: Riverton 1 shared, over the smaller side: a 1 + 1 = 2, b 1 + Oak County 0.5 = 1.5 -> 1 / 1.5
    assert scored["places"] == pytest.approx(2 / 3, abs=1e-3)
    # actors: National Guard (named, 1) shared; "residents" is generic (0.5) -> 1 / 1.5
    assert scored["actors"] == pytest.approx(2 / 3, abs=1e-3)
    # figures: one shared "12 killed" weighs log10(13) / 2, over min(1, 2) figures
    assert scored["figures"] == pytest.approx(math.log10(13) / 2, abs=1e-3)
    expected = 0.45 * (2 / 3) + 0.25 * (2 / 3) + 0.30 * math.log10(13) / 2
    assert scored["score"] == pytest.approx(expected, abs=1e-3)
    assert figure_weight(1) == pytest.approx(math.log10(2) / 2) and figure_weight(500) == 1.0


def test_a_country_and_generic_actors_do_not_make_one_event():
    a = brief("x", where=[place("Freedonia", "country")], who=[actor("police"), actor("protesters")])
    b = brief("y", where=[place("Freedonia", "country")], who=[actor("police"), actor("protesters")])
    scored = pair_score(features(a), features(b))
    assert scored["places"] == 0 and scored["actors"] == 1
    assert scored["score"] == pytest.approx(0.25)
    assert scored["score"] < LINK_THRESHOLD
    assert len(build_events([a, b])) == 2


def test_places_named_late_weigh_half():
    text = "Riverton flooded." + " " * 100 + "Aid came from Capital City."
    late = len(text) - len("Capital City.")
    a = brief("a", where=[place("Riverton", start=0), place("Capital City", "city", start=late)])
    b = brief("b", where=[place("Capital City", "city", start=0)])
    # Capital City is background in a (after 40% of its text): 0.5 shared, over the smaller
    # side (b: 1; a: 1 + 0.5) -> 0.5
    assert pair_score(features(a, text), features(b))["places"] == pytest.approx(0.5)
    assert pair_score(features(a), features(b))["places"] == pytest.approx(1.0)  # no text: no position


def test_dates_far_apart_keep_articles_apart_and_close_dates_add():
    a = brief("a", where=[place("Riverton")], who=[actor("National Guard")], toll_=[toll(12)])
    b = brief("b", where=[place("Riverton")], who=[actor("National Guard")], toll_=[toll(12)])
    same = build_events([a, b], {"a": "Floods on January 3, 2023.", "b": "By January 5, 2023 the water fell."})
    assert [event["article_ids"] for event in same] == [["a", "b"]]
    assert same[0]["links"][0]["dates"] == 1.0
    apart = build_events([a, b], {"a": "Floods on January 3, 2023.", "b": "Floods on June 1, 2023."})
    assert len(apart) == 2
    assert pair_score(features(a, "January 3, 2023"), features(b, "June 1, 2023"))["date_veto"] is True


def test_single_linkage_chains_and_strangers_stay_apart():
    quake_1 = brief("q1", where=[place("Alta"), place("Brio")], who=[actor("Civil Defence")])
    quake_2 = brief("q2", where=[place("Brio"), place("Corva")], who=[actor("Civil Defence")])
    quake_3 = brief("q3", where=[place("Corva"), place("Duna")], who=[actor("Civil Defence")])
    bombing = brief("b1", where=[place("Port Elm", "city")], who=[actor("Gunmen")], toll_=[toll(3)])
    # q1-q2 and q2-q3: 1 of 3 places (0.45 / 3) + the same named actor (0.25) = 0.4 -> linked;
    # q1-q3 share only the actor (0.25) and join through q2.
    assert pair_score(features(quake_1), features(quake_3))["score"] == pytest.approx(0.25)
    events = build_events([quake_1, bombing, quake_2, quake_3])
    assert [event["article_ids"] for event in events] == [["q1", "q2", "q3"], ["b1"]]


def test_build_events_takes_brief_objects_skips_errors_and_lists_shared_places():
    first = Brief.model_validate(
        brief(
            "m1",
            where=[place("Medellín", "city"), place("Itagüí", "city")],
            who=[actor("Fire Service")],
            toll_=[toll(7, source="Fire Service"), toll(20, "injured")],
        )
    )
    second = brief(
        "m2",
        where=[place("Medellin", "city")],
        who=[actor("Fire Service")],
        toll_=[toll(7, source="Mayor"), toll(9, source="Mayor")],
    )
    events = build_events([first, {"id": "broken", "error": "empty article"}, second])
    assert len(events) == 1
    event = events[0]
    assert event["article_ids"] == ["m1", "m2"]
    assert event["places"] == [{"name": "Medellín", "spellings": ["Medellin", "Medellín"], "articles": 2}]
    killed = event["toll"]["killed"]
    assert (killed["low"], killed["best"], killed["high"]) == (7, 7, 9)
    assert killed["best_rule"].startswith("most cited: 7 by 2 of 3")
    assert {figure["article_id"] for figure in killed["figures"]} == {"m1", "m2"}
    assert event["toll"]["injured"]["best"] == 20
