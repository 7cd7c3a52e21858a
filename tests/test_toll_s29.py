"""Toll precision on invented sentences: numbers that count things or ages, populations the
subject belongs to, lives at risk, helpers, the deaths that set off a riot, and the tallies
inside a stated total are not this event's casualty figures; each pattern has a near-miss
that must keep its figure."""

import pytest

from summarizer.pipeline import summarise_text


def toll(text):
    return sorted((f.category, f.count) for f in summarise_text(text).toll)


CASES = [
    # a number that counts a non-person noun, also in a title-case headline and in a range
    ("things_headline", "Eleven Dead in Three Separate Explosions\n", [("killed", 11)]),
    ("things_headline_near", "Eleven Dead, Three Injured in Explosions\n", [("injured", 3), ("killed", 11)]),
    (
        "things_range",
        "Three to six mortar rounds hit the bus depot in Ostrel on Friday, killing 8 passengers.",
        [("killed", 8)],
    ),
    (
        "things_range_near",
        "Three to six passengers were killed when mortar rounds hit the bus depot in Ostrel on Friday.",
        [("killed", 3)],
    ),
    # ages, coordinated
    ("ages_listed", "The sisters, 9 and 14 years old, drowned in the river near Kalsen on Sunday.", []),
    ("ages_listed_near", "Between 9 and 14 people drowned in the river near Kalsen on Sunday.", [("killed", 9)]),
]


@pytest.mark.parametrize(("name", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_toll(name, text, expected):
    assert toll(text) == expected
