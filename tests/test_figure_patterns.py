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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police in Darnel said 40 people were detained on Friday. Lawyers said eleven people had been taken"
         " to unknown locations.", [("arrested", 40), ("missing", 11)]),
        ("The flood killed 5 people in Tarn. Some 800 residents were taken by bus to shelters in Mirel.",
         [("displaced", 800), ("killed", 5)]),
        ("Floods killed 9 people in Gavo. About 1,200 people had been moved to school halls.",
         [("displaced", 1200), ("killed", 9)]),
        # graves are not people
        ("Floods killed 9 people in Gavo. Residents said the dead were buried in three mass graves on Sunday.",
         [("killed", 9)]),
    ],
)  # fmt: skip
def test_moved_missing_and_not_people(text, expected):
    assert toll(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a tally after a colon
        ("A bomb killed 6 people in Pell on Sunday. The clinic later gave a higher count of wounded: 41.",
         [("injured", 41), ("killed", 6)]),
        ("A bomb hit the market in Pell on Sunday. The toll: 12 dead, 30 hurt.", [("injured", 30), ("killed", 12)]),
        # the earlier killings an attack avenges are not its toll
        ("A bomb killed 6 people in Pell on Sunday. The army blamed the Red Hand, which it said was retaliating"
         " for the killing of three of its members.", [("killed", 6)]),
        ("A bomb killed 6 people in Pell on Sunday. The militia said the attack was revenge for the deaths of"
         " 4 fighters.", [("killed", 6)]),
        # a movement's running toll
        ("A bomb killed 6 people in Pell on Sunday. The movement's insurgency has killed thousands and forced"
         " 300,000 people to flee their homes.", [("killed", 6)]),
    ],
)  # fmt: skip
def test_tallies_and_earlier_events(text, expected):
    assert toll(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 'one' as the object of a casualty verb, closing its clause
        ("A bomb killed 6 people in Pell on Sunday. Troops killed two of the attackers and captured one.",
         [("arrested", 1), ("killed", 2), ("killed", 6)]),
        ("The blast killed one and injured 5 in Pell.", [("injured", 5), ("killed", 1)]),
        # one more, by an ordinal
        ("The school collapse in Vell killed nine children. The hospital said a tenth child had died there.",
         [("killed", 1), ("killed", 9)]),
        ("A landslide killed four people in Orn. Rescuers were digging for a fifth person believed buried.",
         [("killed", 4), ("missing", 1)]),
        # bodies found since are inside the toll already given
        ("Floods killed 11 people in Tarm, officials said, adding that two more bodies had been recovered.",
         [("killed", 11)]),
        ("Floods killed 11 people in Tarm. A further 4 bodies were found on Monday.", [("killed", 11)]),
    ],
)  # fmt: skip
def test_one_more_and_increments(text, expected):
    assert toll(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a closing relative clause dates the actor, not the figure
        ("Gunmen killed at least 13 civilians in Tolo on Monday. The Tolo Conflict Monitor put the number of dead"
         " at 15, citing residents, and said the attackers belonged to the Red Hand, which has been fighting in"
         " the area since 2016.", [("killed", 13), ("killed", 15)]),
        # ... unless it says when the war began
        ("The attack in Tolo killed 12. The war has killed 300,000 people, which began in 2011.", [("killed", 12)]),
        ("The attack in Tolo killed 12. Fighting has killed 300,000 people in the war, which Varnia launched in"
         " March 2019.", [("killed", 12)]),
    ],
)  # fmt: skip
def test_relative_clause_closing_the_sentence(text, expected):
    assert toll(text) == expected


def test_deaths_passing_a_number_are_deaths():
    text = (
        "Varnia cholera outbreak: deaths pass 90 as cases spread to 6 districts\n\n"
        "The cholera outbreak in Varnia has killed 93 people and infected 2,400, the ministry said."
    )
    found = {(f.category, f.count, f.qualifier) for f in summarise_text(text).toll}
    assert ("killed", 90, "over") in found
    assert not any(count == 90 for category, count, _ in found if category != "killed")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # in an outbreak, those treated are its cases
        ("A cholera outbreak in Varnia has killed 40 people, the ministry said. The epidemic has infected 900."
         " Aid workers said they had treated 300 patients, and that 25 children were being treated in hospital.",
         [("affected", 25), ("affected", 300), ("affected", 900), ("killed", 40)]),
        # after a blast, they are its injured
        ("A bomb killed 4 people in Pell. Red Cross volunteers treated 31 people at the scene.",
         [("injured", 31), ("killed", 4)]),
    ],
)  # fmt: skip
def test_treated_in_an_outbreak_or_a_blast(text, expected):
    assert toll(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 'both' counts a pair
        ("The blast in Orn killed 4. Police arrested the driver and the owner, and both were taken into custody.",
         [("arrested", 2), ("killed", 4)]),
        ("A helicopter crashed near Orn, killing both pilots.", [("killed", 2)]),
        ("Both sides said the truce in Orn would hold after the clashes that killed 4.", [("killed", 4)]),
        # 'a half-dozen' is six
        ("A half-dozen people were hurt in the blast in Orn, which killed 3.", [("injured", 6), ("killed", 3)]),
    ],
)  # fmt: skip
def test_both_and_a_half_dozen(text, expected):
    assert toll(text) == expected


def test_an_outbreaks_cases_this_year_are_its_own():
    text = (
        "A Lassa fever outbreak in Varnia has killed 30 people, the ministry said, from 200 confirmed cases of"
        " the disease. Six nurses were among those infected this year."
    )
    assert ("affected", 6) in toll(text)


def test_people_a_storm_battered_are_affected():
    text = "The storm killed 12 people in Orn. More than 300,000 people were battered by the storm in four provinces."
    assert toll(text) == [("affected", 300000), ("killed", 12)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one of the gunmen and one guard: two people, each hurt
        ("Gunmen attacked the camp in Orn. In the gun battle, three of the gunmen were killed and one was seriously"
         " wounded. One guard was slightly wounded.", [("injured", 1), ("injured", 1), ("killed", 3)]),
        # the same soldier told twice is one figure
        ("A bomb killed a soldier in Orn on Monday. The army said one soldier was killed.", [("killed", 1)]),
    ],
)  # fmt: skip
def test_one_person_each_or_the_same_person_twice(text, expected):
    assert toll(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # people crowded into a refuge fled there
        ("Clashes in Orn killed 20 people. A priest said nearly 3,000 people had crowded into the mission compound.",
         [("displaced", 3000), ("killed", 20)]),
        # a crowd in a stadium did not
        ("A crush at the stadium in Orn killed 20 people. About 40,000 fans had crowded into the stadium.",
         [("killed", 20)]),
    ],
)  # fmt: skip
def test_crowded_into_a_refuge(text, expected):
    assert toll(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Riots in Orn killed 2. Police said 150 people had been "picked up" in night raids.',
         [("arrested", 150), ("killed", 2)]),
        # survivors a boat picked up are not arrested
        ("A ferry sank off Orn, killing 9. Some 40 survivors were picked up by a fishing boat.", [("killed", 9)]),
    ],
)  # fmt: skip
def test_picked_up_by_police_or_by_a_boat(text, expected):
    assert toll(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the people who live in a place are not casualties
        ("Floods killed 14 people in Varos, a town of about 20,000 people, officials said.", [("killed", 14)]),
        ("The blast killed nine people in Teln, home to some 3 million people, police said.", [("killed", 9)]),
        ("Gunmen killed six villagers in Morrow, a district with a population of 80,000, the governor said.",
         [("killed", 6)]),
        # a casualty figure after 'of' is still one
        ("The attack on the village killed a family of five, officials said.", [("killed", 5)]),
    ],
)  # fmt: skip
def test_a_place_s_population_is_not_a_toll(text, expected):
    assert toll(text) == expected
