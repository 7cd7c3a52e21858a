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
    # a population the subject belongs to, counted in a wider event
    ("wider_population", "He is one of about 25,000 people displaced by the conflict in the north.", []),
    (
        "wider_population_near",
        "He is one of about 2,500 people displaced by the landslide in the north.",
        [("displaced", 2500)],
    ),
    # lives at risk are not lives lost
    ("lives_at_risk", "The dam breach put 5,000 lives at risk downstream, engineers warned.", []),
    ("lives_threatened", "Around 700 lives are in danger in the flooded valley, the governor said.", []),
    ("lives_lost_near", "The dam breach claimed 50 lives downstream, engineers said.", [("killed", 50)]),
    # helpers counted
    (
        "helpers",
        "About 600 volunteers from the aid agency have built shelters for the homeless in Murn.",
        [],
    ),
    (
        "helpers_near",
        "About 600 volunteers from the aid agency were evacuated from Murn when the river rose.",
        [("displaced", 600)],
    ),
    # the deaths that set off a riot are its cause, not its toll
    (
        "riot_trigger",
        "Rioting spread through the suburb of Lenne after three teenagers died in a police raid on Saturday.",
        [],
    ),
    ("riot_trigger_over", "Protests erupted in Lenne on Monday over the deaths of three teenagers.", []),
    (
        "riot_trigger_near",
        "Rioting spread through the suburb of Lenne on Saturday, and three teenagers died in the clashes.",
        [("killed", 3)],
    ),
    # one person joined to a counted group
    (
        "joined_one",
        "Three miners and a rescuer were killed when the shaft flooded in Darrow on Monday.",
        [("killed", 1), ("killed", 3)],
    ),
    ("leading_one", "A nurse and four patients died when the clinic caught fire.", [("killed", 1), ("killed", 4)]),
    (
        "listed_one_after_verb",
        "A gunman opened fire at the depot in Hask, killing seven guards and a cleaner and wounding 12 people.",
        [("injured", 12), ("killed", 1), ("killed", 7)],
    ),
    ("joined_one_near", "Three miners and a rescuer were seen near the shaft before it flooded.", []),
    (
        "possessive_one",
        "Rebels ambushed a patrol near Oska on Friday, killing five rangers and their local guide.",
        [("killed", 1), ("killed", 5)],
    ),
    (
        "possessive_one_near",
        "Rebels ambushed a patrol near Oska on Friday, killing five rangers and their guides.",
        [("killed", 5)],
    ),
    # the earlier death a protest followed, in the same clause
    (
        "day_after",
        "Troops fired on marchers in Belo on Monday, killing four people, a day after a student died in custody.",
        [("killed", 4)],
    ),
    (
        "day_after_near",
        "A day after the storm, rescuers in Belo found four bodies in a flooded tunnel.",
        [("killed", 4)],
    ),
    # an increment inside the total its sentence gives
    (
        "increment_in_total",
        "Four more patients died overnight, bringing the toll from the fire in Sorrel to 26.",
        [("killed", 26)],
    ),
    ("increment_near", "At least 12 more people have died in a second day of fighting in Sorrel.", [("killed", 12)]),
    # 'Since then' carries on a background sentence
    (
        "since_then",
        "A hospital fire in Orbe killed 9 people on Monday. In 2014 a blaze gutted the same ward. "
        "Since then, 30 people have died in fires in the region.",
        [("killed", 9)],
    ),
    (
        "since_then_near",
        "A hospital fire in Orbe killed 9 people on Monday. Since then, rescuers have found 12 bodies in the ruins.",
        [("killed", 9), ("killed", 12)],
    ),
    # people found alive or freed are no longer missing
    ("found_alive", "Nine of the missing climbers were found alive on the glacier above Rell on Tuesday.", []),
    ("found_alive_near", "Nine climbers are still missing on the glacier above Rell.", [("missing", 9)]),
    ("freed", "Soldiers stormed the hotel in Vantra on Tuesday and freed 17 hostages.", []),
    (
        "trapped_missing",
        "At least 8 workers are trapped under the rubble of the collapsed mill in Ferro.",
        [("missing", 8)],
    ),
    (
        "remained_trapped",
        "Eleven were brought out alive, and four remained trapped, the rescue chief said.",
        [("missing", 4)],
    ),
    (
        "admitted_to_hospital",
        "Police said 40 people were pulled from the wreck, and 15 of them had been admitted to Saint Olaf Hospital.",
        [("injured", 15)],
    ),
    (
        "questioning",
        "The mayor said the ferry's captain had been taken in for questioning by police.",
        [("arrested", 1)],
    ),
    ("questioning_near", "The mayor said the ferry's captain had been asked to answer questions.", []),
    # a casualty verb in scare quotes still governs the number after it
    (
        "quoted_verb",
        'The army said its soldiers had "neutralised" four "bandits" and detained a courier.',
        [("arrested", 1), ("killed", 4)],
    ),
    ("quoted_verb_near", 'The army said its soldiers had "questioned" four "bandits" before letting them go.', []),
]


@pytest.mark.parametrize(("name", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_toll(name, text, expected):
    assert toll(text) == expected
