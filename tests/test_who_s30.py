"""Who: places are not actors, generic victims and the sides of the event (invented sentences,
one test per pattern plus a near miss)."""

from summarizer.pipeline import summarise_text


def _who(text: str) -> dict[str, str]:
    return {a.name: a.role for a in summarise_text(text).who}


def test_a_country_of_two_words_is_no_victim():
    text = (
        "Police shoot protesters near gold mine; at least 3 dead\n\n"
        "By JOHN MENSAH Associated Press\n\n"
        "KUMASI, Sierra Leone (AP) — Police in northern Sierra Leone opened fire on dozens of farmers "
        "protesting against the loss of their land, killing at least three people, police said Tuesday.\n"
    )
    who = _who(text)
    assert "Sierra Leone" not in who
    assert who.get("Police") == "attacker"


def test_a_person_named_among_the_dead_stays_a_victim():
    text = (
        "Police shoot protesters near gold mine; at least 3 dead\n\n"
        "KUMASI (AP) — Police opened fire on dozens of farmers protesting against the loss of their land, "
        "killing at least three people, police said Tuesday. Among the dead was Kwame Boateng, a farmer.\n"
    )
    assert _who(text).get("Kwame Boateng") == "victim"


def test_names_a_place_noun_lists_are_places_wherever_written():
    text = (
        "Cyclone kills 11 in northern islands\n"
        "Cyclone Mira crossed the northern islands of Ambae Tuta and Malotu on Monday as a category four "
        'system, killing 11 people. "Whole villages in the west of Malotu are cut off," said an aid worker.\n'
    )
    who = _who(text)
    assert "Malotu" not in who and "Ambae Tuta" not in who
    assert who.get("people") == "victim"


def test_a_person_the_storm_killed_stays_a_victim():
    text = (
        "Cyclone kills 11 in northern islands\n"
        "Cyclone Mira crossed the northern islands on Monday as a category four system, killing 11 people. "
        "Tevita Malotu, a fisherman, was killed when a tree fell on his house, officials said.\n"
    )
    assert _who(text).get("Tevita Malotu") == "victim"


def test_a_village_stormed_is_no_side():
    text = (
        "Gunmen kill 20 in village raid\n"
        "About fifty gunmen stormed Kossoudé, a farming village some 30 kilometres from the border, on Sunday "
        "as residents gathered for the market, killing 20 civilians, a local official said.\n"
    )
    who = _who(text)
    assert "Kossoudé" not in who
    assert who.get("civilians") == "victim"


def test_a_person_named_among_the_dead_of_a_raid_stays():
    text = (
        "Gunmen kill 20 in village raid\n"
        "About fifty gunmen stormed Kossoudé on Sunday as residents gathered for the market, killing 20 "
        "civilians, a local official said. Kossoudé, a trader, was among the dead.\n"
    )
    assert _who(text).get("Kossoudé") == "victim"


def test_a_country_that_names_where_a_raid_was_is_no_attacker():
    text = (
        "Gunmen kill 12 in northern Chad village raid\n"
        "Gunmen on motorbikes killed 12 traders at a crowded market in a village in northern Chad on Friday, "
        "officials said.\n"
    )
    who = _who(text)
    assert "Chad" not in who
    assert who.get("Gunmen") == "attacker"


def test_a_country_before_its_drone_strike_stays_the_attacker():
    text = (
        "Five killed in Kenya drone strike on farm\n"
        "A Kenya drone strike killed five men at a farm near the border on Friday, local officials said.\n"
    )
    assert _who(text).get("Kenya") == "attacker"


def test_a_ministry_that_says_it_sent_rescuers_acts_as_the_authority():
    text = (
        "Quake kills 30 in mountain county\n"
        "A magnitude 6.1 earthquake struck Dorrin county on Tuesday, killing 30 people, state media said. "
        "The Ministry of Emergency Services said it had sent 800 rescuers and 2,000 tents to the area.\n"
    )
    assert _who(text).get("Ministry of Emergency Services") == "authority"


def test_a_ministry_that_says_it_recorded_aftershocks_only_speaks():
    text = (
        "Quake kills 30 in mountain county\n"
        "A magnitude 6.1 earthquake struck Dorrin county on Tuesday, killing 30 people, state media said. "
        "The Ministry of Emergency Services said it had recorded 14 aftershocks.\n"
    )
    assert "Ministry of Emergency Services" not in _who(text)


def test_a_person_ner_missed_who_was_shot_is_a_victim():
    text = (
        "Two killed in polling clash\n"
        "Two people were killed in clashes between supporters of rival candidates at a polling station in "
        'Kadra on Sunday, police said. "Rafiqul Islam, 40, was shot in the back and died in hospital," '
        "his cousin said.\n"
    )
    assert _who(text).get("Rafiqul Islam") == "victim"


def test_a_road_that_was_hit_is_no_victim():
    text = (
        "Shelling kills two\n"
        "Two people were killed when shells landed in Kadra on Sunday, police said. "
        '"Harbour Road was hit twice and closed," the mayor said.\n'
    )
    assert "Harbour Road" not in _who(text)


def test_a_mosque_that_was_hit_is_no_victim_and_leaves_the_people_counted():
    text = (
        "Blast kills two in market town\n"
        "Two people were killed when a bomb exploded in Kadra on Sunday, police said. "
        "Kadra Central Mosque was hit by shrapnel, the imam said.\n"
    )
    who = _who(text)
    assert "Kadra Central Mosque" not in who
    assert who.get("people") == "victim"
