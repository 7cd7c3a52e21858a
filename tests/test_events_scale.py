"""`summarise events` at scale: 10,000 invented briefs from a few templates, grouped by blocking
(candidate pairs share a place, a named actor or a figure, within the date window) into exactly
the events they were made from. The run time is measured in the report, never asserted."""

import datetime as dt
import random

from rapidfuzz import fuzz, process

from summarizer.events import build_events, candidate_pairs, features, group_articles

SYLLABLES = [
    "ka", "lo", "mi", "ru", "sen", "tav", "bor", "qui", "nel", "dar",
    "fo", "zi", "pra", "mun", "tel", "gos", "vra", "hid", "ul", "yem",
]  # fmt: skip


def distinct_names(rng: random.Random, count: int, taken: list[str]) -> list[str]:
    """`count` invented names, none 80% similar to another (so no two events share a place by
    spelling accident)."""
    names: list[str] = []
    while len(names) < count:
        name = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(3, 4))).capitalize()
        if process.extractOne(name.lower(), [n.lower() for n in taken + names], scorer=fuzz.ratio, score_cutoff=80):
            continue
        names.append(name)
    return names


def mention(text: str, name: str) -> list[list[int]]:
    start = text.index(name)
    return [[start, start + len(name)]]


def synthetic(events: int = 2000, per_event: int = 5, seed: int = 17):
    """Briefs, texts and the expected groups. Event e happens in town e % (events / 2), so every
    town hosts two events three years apart (the date window keeps them apart; every article is dated); provinces
    and the country are shared by many events, as are the generic actors."""
    rng = random.Random(seed)
    towns = distinct_names(rng, events // 2, [])
    provinces = distinct_names(rng, 40, towns)
    groups = distinct_names(rng, events, towns + provinces)
    start = dt.date(2020, 1, 1)
    briefs, texts, expected = [], {}, []
    for event in range(events):
        town, province = towns[event % len(towns)], provinces[event % len(provinces)]
        attacker = f"{groups[event]} Front"
        day = start + dt.timedelta(days=event // len(towns) * 1100 + event % len(towns))
        killed = 3 + event
        ids = []
        for article in range(per_event):
            article_id = f"e{event:05d}-{article}"
            when = day + dt.timedelta(days=article % 2)
            template = article % 3
            if template == 0:
                text = f"{attacker} fighters attacked {town} in {province}, Freedonia, killing {killed} civilians on {when:%B} {when.day}, {when.year}."  # noqa: E501
                evidence = f"killing {killed} civilians"
            elif template == 1:
                text = f"On {when:%B} {when.day}, {when.year}, {killed} people died in {town}, {province}, after {attacker} fighters struck, a monitor said."  # noqa: E501
                evidence = f"{killed} people died"
            else:
                text = f"Security forces in {town} said on {when:%d %B %Y} that {attacker} fighters killed {killed} people; the toll in {province} may rise."  # noqa: E501
                evidence = f"killed {killed} people"
            where = [
                {"name": town, "type": "town", "aliases": [], "mentions": mention(text, town)},
                {"name": province, "type": "province", "aliases": [], "mentions": mention(text, province)},
            ]
            if "Freedonia" in text:
                where.append(
                    {"name": "Freedonia", "type": "country", "aliases": [], "mentions": mention(text, "Freedonia")}
                )  # noqa: E501
            group = "civilians" if "civilians" in evidence else "people"
            briefs.append(
                {
                    "id": article_id,
                    "who": [
                        {"name": attacker, "role": "attacker", "aliases": [], "mentions": mention(text, attacker)},
                        {"name": "civilians", "role": "victim", "aliases": [], "mentions": []},
                    ],
                    "where": where,
                    "toll": [
                        {
                            "category": "killed",
                            "count": killed,
                            "count_max": None,
                            "qualifier": "exact",
                            "group": group,
                            "source": None,
                            "evidence": evidence,
                            "evidence_span": mention(text, evidence)[0],
                        }  # fmt: skip
                    ],
                    "attribution": [],
                }
            )
            texts[article_id] = text
            ids.append(article_id)
        expected.append(ids)
    return briefs, texts, expected


def test_ten_thousand_briefs_group_into_the_events_they_came_from():
    briefs, texts, expected = synthetic()
    assert len(briefs) == 10_000
    events = build_events(briefs, texts)
    assert sorted(event["article_ids"] for event in events) == sorted(expected)
    assert all(event["toll"]["killed"]["low"] == event["toll"]["killed"]["high"] for event in events)


def test_blocking_finds_every_pair_that_all_pairs_would_link():
    # a small slice, compared with scoring every pair
    briefs, texts, _ = synthetic(events=60, per_event=4, seed=3)
    feature_list = [features(brief, texts[brief["id"]]) for brief in briefs]
    groups, links = group_articles(feature_list)
    from summarizer.events import LINK_THRESHOLD, pair_score

    every_link = set()
    for i in range(len(feature_list)):
        for j in range(i + 1, len(feature_list)):
            if pair_score(feature_list[i], feature_list[j])["score"] >= LINK_THRESHOLD:
                every_link.add((feature_list[i].id, feature_list[j].id))
    assert {(link["a"], link["b"]) for link in links} == every_link
    pairs = candidate_pairs(feature_list)
    assert len(pairs) < len(feature_list) * (len(feature_list) - 1) // 2 / 4  # blocking prunes most pairs


def test_similar_spellings_share_a_block():
    a = features({"id": "a", "where": [{"name": "Tartus", "type": "city", "aliases": [], "mentions": []}]})
    b = features({"id": "b", "where": [{"name": "Tartous", "type": "city", "aliases": [], "mentions": []}]})
    c = features({"id": "c", "where": [{"name": "Homs", "type": "city", "aliases": [], "mentions": []}]})
    assert candidate_pairs([a, b, c]) == {(0, 1)}
