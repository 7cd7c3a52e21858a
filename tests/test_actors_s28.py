"""Who: conventions on what counts as an actor (invented sentences)."""

from summarizer.brief import Actor
from summarizer.extract.actor_folds import fold_force_phrases
from summarizer.pipeline import summarise_text


def _names(text: str) -> set[str]:
    return {a.name for a in summarise_text(text).who}


def test_a_name_that_only_qualifies_a_place_noun_is_no_actor():
    text = (
        "Rebels kill five police in ambush\n"
        "Suspected rebels detonated a roadside bomb under a police convoy in central Norvia's Keltapur state "
        "on Friday, killing five police officers, officials said. A spokesperson for the Keltapur police "
        "said around 30 rebels fired on the convoy.\n"
    )
    assert "Keltapur" not in _names(text)


def test_places_between_which_bodies_were_found_are_no_actors():
    text = (
        "Clan clashes kill 11\n"
        "The toll rose to 11 after four more bodies were recovered from the hills between Darvo Kalem and "
        "Usta Pandi villages, police said. About 200 families have moved from Darvo Kalem to relatives "
        "in nearby towns.\n"
    )
    assert "Darvo Kalem" not in _names(text)


def test_a_name_inside_a_place_of_the_brief_is_no_victim():
    text = (
        "IED blast at Sela Marun public market kills 3, wounds 12\n"
        "An improvised explosive device went off at the Sela Marun public market on Monday, killing three "
        "people and wounding 12 others, police said.\n"
    )
    assert "Sela Marun" not in _names(text)


def test_kidnappers_killed_are_not_the_victims_the_toll_counts():
    text = (
        "Gunmen seize bus travellers in west\n"
        "Armed men stopped a bus near Pelvaro on Monday and abducted its passengers; 14 travellers are still "
        "missing, officials said. "
        "Soldiers later freed some of them in an operation in which three of the kidnappers were killed, "
        "the army said.\n"
    )
    victims = {a.name for a in summarise_text(text).who if a.role == "victim"}
    assert "kidnappers" not in victims
    assert "travellers" in victims


def test_a_force_named_with_and_without_its_nationality_is_one_actor():
    who = [
        Actor(name="Uruguayan Air Force", role="attacker", mentions=[(0, 17)]),
        Actor(name="Air Force", role="other", mentions=[(40, 49)]),
        Actor(name="Tessin Corps troops", role="authority", mentions=[(60, 79)]),
        Actor(name="Tessin Corps", role="authority", mentions=[(90, 102)]),
        Actor(name="Uruguayan police", role="victim", mentions=[(110, 124)]),
        Actor(name="police", role="authority", mentions=[(130, 136)]),
    ]
    folded = {a.name: a.role for a in fold_force_phrases(who)}
    assert folded.get("Uruguayan Air Force") == "attacker" and "Air Force" not in folded
    assert folded.get("Tessin Corps") == "authority" and "Tessin Corps troops" not in folded
    # a force's men hurt and the force acting are two sides of the story
    assert folded.get("Uruguayan police") == "victim" and folded.get("police") == "authority"


def test_a_hedge_before_the_attackers_is_no_part_of_their_name():
    text = (
        "Roadside bomb kills six guards\n"
        "Suspected Islamist rebels detonated a roadside bomb under a patrol near Ostrava Dol on Friday, "
        "killing six guards, officials said. Suspected Islamist rebels have staged several attacks "
        "in the area this year.\n"
    )
    attackers = {a.name for a in summarise_text(text).who if a.role == "attacker"}
    assert "Islamist rebels" in attackers
    assert not any(name.lower().startswith("suspected") for name in attackers)


def test_a_people_counted_only_in_a_running_total_since_a_year_is_no_victim():
    text = (
        "Rocket kills farmer near border\n"
        "A rocket fired from across the border killed a farmer in Kessling on Tuesday, police said. "
        "The Red Harrow Brigades claimed the attack. Since 2011, 40 Uruguayans have been killed by such "
        "rockets, and hundreds more injured.\n"
    )
    names = {a.name for a in summarise_text(text).who}
    assert "Uruguayans" not in names


def test_the_side_that_hit_a_market_is_the_attacker():
    text = (
        "Shells hit market in Dorvell\n"
        "The paramilitary Northern Salvation Forces hit a crowded livestock market and a camp for displaced "
        "people in Dorvell on Sunday. Local officials said 12 people were killed.\n"
    )
    roles = {a.name: a.role for a in summarise_text(text).who}
    assert roles.get("Northern Salvation Forces") == "attacker"
