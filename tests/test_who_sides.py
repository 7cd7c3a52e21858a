"""Who: the sides the parse shows around attack verbs and nouns (invented sentences)."""

from summarizer.pipeline import summarise_text


def _roles(text: str) -> dict[str, str]:
    return {a.name: a.role for a in summarise_text(text).who}


def test_an_attack_by_a_states_own_force_names_it_as_attacker():
    text = (
        "Strike on village kills nine\n"
        "An air strike by Peru's military on a village in the hilly Tessin region has killed at least "
        "9 people, according to a local aid group. The group said 14 people were wounded.\n"
    )
    assert _roles(text).get("Peru's military") == "attacker"


def test_a_peoples_adjective_before_artillery_is_the_attacking_side_not_a_person():
    text = (
        "Pelmar says Orvish shelling killed five in border town\n"
        "Orvish artillery shelled the border town of Dastri overnight, killing five civilians, the Pelmar "
        "Interior Ministry said Tuesday. The Orvish side did not comment.\n"
    )
    roles = _roles(text)
    assert roles.get("Orvish artillery") == "attacker"
    assert "Orvish" not in roles


def test_a_side_that_denies_targeting_is_not_shown_attacking():
    text = (
        "Rockets hit market\n"
        "Rockets hit a market in Velbrook on Monday, killing 4 people, police said. "
        "The Coastal Liberation Movement denied targeting civilians.\n"
    )
    assert _roles(text).get("Coastal Liberation Movement") != "attacker"


def test_a_claim_by_the_full_name_names_the_group_the_headline_shortened():
    text = (
        "Tarvo Front affiliate claims deadly ambush on army convoy\n"
        "Gunmen ambushed an army convoy near Ostrel on Sunday, killing 12 soldiers, officials said. "
        "Tarvo Front Lowland Command claimed the ambush in a statement on Monday.\n"
    )
    names = {a.name for a in summarise_text(text).who if a.role == "attacker"}
    assert "Tarvo Front Lowland Command" in names
    assert "Tarvo Front" not in names


def test_a_navy_that_searches_for_the_missing_is_an_authority():
    text = (
        "Boat sinks on lake\n"
        "A boat carrying traders sank on Lake Ombara on Tuesday, and 23 people are missing, officials said. "
        "The Tessari navy searched the lake through the night and recovered 6 bodies.\n"
    )
    roles = {a.name: a.role for a in summarise_text(text).who}
    assert roles.get("Tessari navy") == "authority"


def test_the_speaker_of_a_toll_is_not_the_subject_of_its_participle():
    # '..., killing four people, police said' where the parse hangs 'killing' on 'said'
    from types import SimpleNamespace as Token

    from summarizer.extract.actors import _subjects

    police = Token(dep_="nsubj", lower_="police", subtree=[])
    said = Token(dep_="ROOT", lower_="said", pos_="VERB", children=[police])
    killing = Token(dep_="advcl", lower_="killing", pos_="VERB", head=said, children=[])
    assert _subjects(killing) == []
    stormed = Token(dep_="ROOT", lower_="stormed", pos_="VERB", children=[police])
    killing.head = stormed  # 'police stormed the camp, killing four'
    assert _subjects(killing) == [police]


def test_a_group_named_by_its_owners_pronoun_is_no_victim():
    text = (
        "Market blast\n"
        "A bomb went off at a market in Kellan on Friday, killing 5 people, police said. "
        "The Sorvan Brotherhood claimed responsibility, saying it was avenging the killing of 2 of its members.\n"
    )
    assert "its members" not in {a.name for a in summarise_text(text).who}


def test_a_unit_named_with_an_ordinal_is_a_side():
    text = (
        "Clashes in the capital\n"
        "Clashes erupted on Sunday between the Harbour Force and the 212th Brigade in the port district, "
        "killing 7 people, the health ministry said.\n"
    )
    names = {a.name for a in summarise_text(text).who if a.role == "attacker"}
    assert "212th Brigade" in names


def test_a_states_artillery_and_its_forces_are_one_side():
    text = (
        "Shelling hits town\n"
        "Chilean artillery shelled the town of Morvik overnight, killing 4 civilians, the regional governor said. "
        "Chilean forces have attacked the town almost daily since March.\n"
    )
    attackers = [a for a in summarise_text(text).who if a.role == "attacker"]
    assert len([a for a in attackers if a.name.startswith("Chilean")]) == 1


def test_an_archive_photos_caption_is_furniture():
    from summarizer.extract.furniture import story_segments

    caption = "FILE - Soldiers of the Korvan army patrol a road near the border, May 3, 2024."
    text = (
        "Bomber kills 6 at market\n"
        "A suicide bomber killed 6 people at a market in Ardel on Monday, officials said.\n"
        f"{caption}\n"
        "The army said it had closed the road to the market.\n"
    )
    start = text.index(caption)
    assert not any(s <= start < e for s, e in story_segments(text))


def test_the_names_before_a_group_noun_after_between_are_the_two_sides():
    text = (
        "Tribal fight\n"
        "Nine men have been killed in fighting between the Dorla and Mekani clans near Lomat village since "
        "Friday, police said.\n"
    )
    attackers = {a.name for a in summarise_text(text).who if a.role == "attacker"}
    assert {"Dorla", "Mekani"} <= attackers
    assert "clans" not in attackers


def test_forces_that_kill_some_of_the_attacking_insurgents_are_no_attackers():
    text = (
        "Insurgents kill 9 in village raid\n"
        "Insurgents killed 9 villagers in an overnight raid on Pemba Sul, local officials said. "
        "A defence ministry spokesman said soldiers had killed three of the insurgents and captured two.\n"
    )
    roles = {a.name: a.role for a in summarise_text(text).who}
    assert roles.get("soldiers") != "attacker"


def test_government_supporters_are_not_the_state():
    text = (
        "Mosque bombing\n"
        "A bomb killed 8 worshippers at a mosque in Darrel on Friday, police said. The Free Hills Front "
        "claimed responsibility, saying the mosque was used by government supporters.\n"
    )
    roles = {a.name: a.role for a in summarise_text(text).who}
    assert roles.get("government supporters") != "authority"
