"""Who: actors of this event, not of another time; names, companies and bodies that act
(invented sentences, one test per pattern plus a near miss)."""

from summarizer.pipeline import summarise_text


def _who(text: str) -> dict[str, str]:
    return {a.name: a.role for a in summarise_text(text).who}


def test_an_attack_of_another_month_makes_no_attacker():
    text = (
        "Gunmen kill eight in northern raid\n"
        "Gunmen killed eight people in an attack on a village near Hollin on Friday, officials said. "
        "In March, the Valen Front attacked a convoy in the same district. "
        "No group has claimed responsibility for Friday's attack.\n"
    )
    who = _who(text)
    assert "Valen Front" not in who
    assert who.get("Gunmen") == "attacker"


def test_the_same_group_striking_today_is_an_attacker():
    text = (
        "Gunmen kill eight in northern raid\n"
        "Fighters of the Valen Front attacked a village near Hollin on Friday, killing eight people, "
        "officials said.\n"
    )
    assert _who(text).get("Valen Front") == "attacker"


def test_a_force_fought_for_decades_is_no_actor_of_the_bombing():
    text = (
        "Bomb kills nine at Tarvel bus station\n"
        "A bomb exploded at a crowded bus station in Tarvel on Sunday, killing nine people, police said. "
        "The Kessan Liberation Front, which has carried out suicide bombings before, claimed responsibility. "
        "The rebels have fought the army since 1987.\n"
    )
    who = _who(text)
    assert who.get("Kessan Liberation Front") == "attacker"
    assert not any(role == "attacker" and name.lower() in ("police", "army") for name, role in who.items())


def test_the_sides_of_a_fight_named_with_last_years_toll_stay():
    text = (
        "Tribal fighting cuts off villages\n"
        "Thousands of civilians have been cut off by fighting between two clans in Morva state. "
        "Officials say 500 people were killed last year as fighting escalated between the two clans, "
        "the Arbo and the Kelde.\n"
    )
    who = _who(text)
    assert who.get("Arbo") == "attacker" and who.get("Kelde") == "attacker"


def test_the_company_whose_plane_crashed_is_other_and_a_responding_agency_an_authority():
    text = (
        "Plane crash kills 40\n"
        "A cargo plane operated by Skyline Freight crashed shortly after take-off from Brava airport on Friday, "
        "killing all 40 people on board, officials said. "
        "The National Disaster Management Agency sent rescue teams to the site.\n"
    )
    who = _who(text)
    assert who.get("Skyline Freight") == "other"
    assert who.get("National Disaster Management Agency") == "authority"


def test_a_relief_body_that_helps_is_other_not_a_victim():
    text = (
        "Mine collapse traps 30\n"
        "A tunnel collapsed at a gold mine in Selva province on Monday, trapping 30 miners, officials said. "
        "The Red Cross provided first aid to survivors.\n"
    )
    assert _who(text).get("Red Cross") == "other"


def test_an_agency_that_only_reports_the_toll_is_no_actor():
    text = (
        "Mine collapse traps 30\n"
        "A tunnel collapsed at a gold mine in Selva province on Monday, trapping 30 miners. "
        "The National Disaster Management Agency put the number of dead at nine.\n"
    )
    assert "National Disaster Management Agency" not in _who(text)


def test_the_group_officials_blamed_is_an_attacker_beside_the_bomber():
    text = (
        "Market bombing kills seven\n"
        "A suicide bomber blew himself up at a market in Kerro on Monday, killing seven people, police said. "
        "Officials blamed the Tessaro Brigade.\n"
    )
    who = _who(text)
    assert who.get("Tessaro Brigade") == "attacker"
    assert who.get("suicide bomber") == "attacker"


def test_a_group_blamed_for_something_else_is_no_attacker():
    text = (
        "Market bombing kills seven\n"
        "A suicide bomber blew himself up at a market in Kerro on Monday, killing seven people, police said. "
        "Residents blamed the Kerro Traders Union for the crowding at the gate.\n"
    )
    assert _who(text).get("Kerro Traders Union") != "attacker"


def test_a_hedge_is_no_part_of_a_named_groups_name():
    text = (
        "Gunmen kill 12 in attack on village\n"
        "Gunmen attacked the village of Morrow on Tuesday, killing 12 villagers, local officials said. "
        "Suspected Tessaro Brigade fighters also burned several homes.\n"
    )
    who = _who(text)
    assert who.get("Tessaro Brigade") == "attacker"
    assert not any(name.startswith("Suspected") for name in who)


def test_a_count_at_a_sentences_start_is_no_part_of_the_victims_name():
    text = (
        "Shelling kills seven in Dorvan\n"
        "Seven civilians were killed when shells landed on the town of Dorvan on Thursday, the governor said.\n"
    )
    who = _who(text)
    assert who.get("civilians") == "victim"
    assert "Seven civilians" not in who


def test_a_name_that_lies_on_a_river_is_a_place():
    text = (
        "Bombing in Ralten\n"
        "A bomb killed four people at a market in Ralten on Monday, the interior ministry said. "
        "Ralten lies on the Tessa river.\n"
    )
    assert "Ralten" not in _who(text)


def test_a_person_by_the_river_is_still_a_victim():
    text = (
        "Bombing in Ralten\n"
        "A bomb killed four people at a market in Ralten on Monday, the interior ministry said. "
        "Among the dead was lawmaker Piet Varnek.\n"
    )
    assert _who(text).get("Piet Varnek") == "victim"


def test_one_person_counted_names_no_group_of_victims():
    text = (
        "Blast kills one\n"
        "One person was killed and three were injured when a gas cylinder exploded at a restaurant in Osk "
        "on Monday, police said.\n"
    )
    assert "person" not in _who(text)


def test_people_counted_are_the_generic_victims():
    text = (
        "Blast kills four\n"
        "Four people were killed and three were injured when a gas cylinder exploded at a restaurant in Osk "
        "on Monday, police said.\n"
    )
    assert _who(text).get("people") == "victim"


def test_a_force_that_reports_its_own_arrests_is_an_authority():
    text = (
        "Bomb kills six\n"
        "A bomb killed six people at a market in Kesh on Monday. Police said they had arrested three suspects.\n"
    )
    assert _who(text).get("Police") == "authority"


def test_a_force_that_only_reports_the_toll_is_no_actor():
    text = "Bomb kills six\nA bomb killed six people at a market in Kesh on Monday, police said.\n"
    assert not any(name.lower() == "police" for name in _who(text))
