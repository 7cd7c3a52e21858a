"""Toll recall on invented sentences: casualty wording the candidate finder used to miss
('fatally shot', 'one of whom died', 'have fallen ill', 'at risk'), each with a near miss."""

import pytest

from summarizer.pipeline import summarise_text

LEDE = "Gunmen opened fire on a bus near the town of Orvel on Thursday, officials said. "


def toll(text):
    return sorted((f.category, f.count) for f in summarise_text(LEDE + text).toll)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # 'fatally' makes a shooting, stabbing or wounding a death
        ("Troops fatally shot three marchers outside the depot.", [("killed", 3)]),
        ("A night watchman was fatally stabbed at the gate.", [("killed", 1)]),
        ("Police fatally shot a teenager near the market.", [("killed", 1)]),
        ("Seven farmers were fatally wounded in the crossfire.", [("killed", 7)]),
        # one of a group counted before died: a death of its own
        ("Twelve people were hurt, one of whom died in hospital on Friday.", [("injured", 12), ("killed", 1)]),
        ("Twenty passengers were injured, four of whom later died.", [("injured", 20), ("killed", 4)]),
        # falling ill is being affected (an outbreak, a poisoning)
        ("About 2,300 pupils have fallen ill after eating the school meal.", [("affected", 2300)]),
        # people the event puts at risk are affected, not killed ('N lives at risk' counts no one:
        # tests/test_toll_s29.py)
        ("Some 8,500 families downstream are now at risk.", [("affected", 8500)]),
    ],
)
def test_casualty_wording_is_read(sentence, expected):
    assert toll(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # near misses: a plain shooting wounds, lives lost are deaths, a part not said to die adds nothing
        ("Troops shot three marchers in the legs outside the depot.", []),
        ("The fighting cost 6,000 lives, aid workers said.", [("killed", 6000)]),
        ("Twelve people were hurt, one of them seriously.", [("injured", 12)]),
        ("Five men were detained, one of whom was released the same day.", [("arrested", 5)]),
    ],
)
def test_near_misses_stay(sentence, expected):
    assert toll(sentence) == expected


def test_a_part_of_a_group_has_no_group_of_its_own():
    figures = summarise_text(LEDE + "Twenty passengers were injured, four of whom later died.").toll
    assert [f.group for f in figures if f.category == "killed"] == [None]
