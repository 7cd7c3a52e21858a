"""Toll patterns on invented sentences: which numbers are casualty figures, and of what kind."""

import pytest

from summarizer.pipeline import summarise_text


def toll(text):
    return sorted((f.category, f.count) for f in summarise_text(text).toll)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # people being treated are the injured
        ("A car bomb went off in Varnia on Monday, killing four people. Three others were being treated"
         " at the city hospital, police said.", [("injured", 3), ("killed", 4)]),
        # a 'where' clause after the dead: its number is counted by its own words ('wounds')
        ("The bodies of ten men were recovered, and two more died at Kesh Hospital, where a further six men"
         " with gunshot and axe wounds were being treated.", [("injured", 6), ("killed", 2), ("killed", 10)]),
        ("Twelve people died in the blast in Ostra. Five men with stab wounds were taken to a clinic.",
         [("injured", 5), ("killed", 12)]),
        ("Nine people succumbed to their wounds after the fire in Belcourt.", [("killed", 9)]),
    ],
)  # fmt: skip
def test_treated_and_wounded(text, expected):
    assert toll(text) == expected
