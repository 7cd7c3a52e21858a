"""Sources on invented sentences (names, places and numbers invented): one-word names and
titled officials, the apposition that types a person, whom a spokesperson speaks for."""

from summarizer.pipeline import summarise_text

_HEAD = (
    "Blast kills eleven in Varnow\n"
    "A bomb exploded at a bus depot in the town of Varnow on Tuesday, killing eleven people, "
    "the Varnow Fire Brigade said. "
)


def _sources(sentence: str) -> dict[str, str]:
    return {s.name: s.type for s in summarise_text(_HEAD + sentence + "\n").attribution}


def test_a_long_apposition_types_the_person_before_it():
    found = _sources("Olvenn, the county's emergency management director, said four buildings collapsed.")
    assert found.get("Olvenn") == "official", found


def test_a_short_description_after_a_name_still_types_it():
    # near miss: a civilian apposition keeps the person a witness
    found = _sources("Ana Pereth, a shopkeeper near the depot, said the blast shattered her windows.")
    assert found.get("Ana Pereth") == "witness", found


def test_a_one_word_name_before_a_title_is_the_speaker():
    found = _sources("Kartowo, a police spokesman, said the bomber was a teenager.")
    assert found.get("Kartowo") == "official", found
    assert not any("spokesman" in name for name in found), found


def test_a_place_before_a_body_in_apposition_is_not_the_speaker():
    # near miss: a place the parser may read as the subject leaves the body its source
    found = _sources("In northern Varnow, the district's prison authority said two guards were hurt.")
    assert "Varnow" not in found, found


def test_who_speaks_for_private_people_holds_no_office():
    for sentence, name in [
        ("A spokesman for the detained driver said his client was innocent.", "spokesman for the detained driver"),
        ("Ilse Varga, a spokeswoman for the family, said the victim was a nurse.", "Ilse Varga"),
    ]:
        found = _sources(sentence)
        assert found.get(name) == "other", (sentence, found)


def test_a_spokesperson_for_a_force_stays_official():
    # near miss: a family mentioned in what a police spokeswoman said does not type her
    found = _sources("Ilse Varga, a police spokeswoman, said the family of the driver was told.")
    assert found.get("Ilse Varga") == "official", found


def test_a_un_secretary_general_is_cited_by_name_as_un():
    found = _sources("UN Secretary-General Mirela Oss said the attack was an outrage.")
    assert found.get("Mirela Oss") == "un", found


def test_a_dotted_abbreviation_keeps_its_last_dot():
    found = _sources("The bomber was a teenager, according to the U.N.")
    assert found.get("U.N.") == "un", found


def test_a_title_without_a_name_stays_the_source():
    # near miss: no name follows the title, so the title is the source's name
    found = _sources("In a statement, the U.N. secretary-general said he was appalled.")
    assert found.get("U.N. secretary-general") == "un", found


def test_a_passive_claim_of_the_attack_cites_the_group():
    found = _sources("Responsibility for the bombing was claimed by the Osk Jamaat in a message posted online.")
    assert found.get("Osk Jamaat") == "group", found


def test_lives_claimed_by_a_disaster_cite_no_one():
    # near miss: 'claimed by' of lives, not of an attack
    found = _sources("Eleven lives were claimed by the flood that swept the valley last year.")
    assert set(found) == {"Varnow Fire Brigade"}, found


def test_several_press_reports_are_cited_as_the_press():
    found = _sources("The bomber was a teenager, several press reports said.")
    assert found.get("several press reports") == "media", found


def test_bare_media_reports_cite_no_one():
    # near miss: reports of no one in particular, either order
    for sentence in ("Media reports said the bomber was a teenager.", "The bomber was nineteen, media reports said."):
        found = _sources(sentence)
        assert set(found) == {"Varnow Fire Brigade"}, (sentence, found)


def test_qualified_media_stay_sources():
    found = _sources("State media reports said the bomber was a teenager.")
    assert found.get("State media") == "state_media", found


def test_an_outlets_own_reporter_is_no_source():
    for sentence in (
        "Radio Kesh's Pel Okra reports that the bomber was a teenager.",
        "Kesh Television's correspondent Pel Okra reported that the depot was empty.",
    ):
        found = _sources(sentence)
        assert set(found) == {"Varnow Fire Brigade"}, (sentence, found)


def test_an_official_named_with_a_possessive_stays_a_source():
    # near miss: the possessor is a place, not an outlet
    found = _sources("The province's governor Pel Okra reported that the depot was empty.")
    assert found.get("Pel Okra") == "official", found


def test_a_claiming_branch_is_named_with_its_region():
    found = _sources("Responsibility for the blast was claimed by the Osk Jamaat branch in the Tarn Valley.")
    assert found.get("Osk Jamaat branch in the Tarn Valley") == "group", found


def test_an_office_named_before_a_person_types_them():
    for sentence, kind in [
        ("The regional governor of Osk province, Ilse Varga, said 300 residents of Kesh were moved.", "official"),
        ("District collector Ravi Anand said the depot had no fire exits.", "official"),
        ("The head of the city hospital, Ilse Varga, said residents were treated for burns.", "other"),
    ]:
        found = _sources(sentence)
        assert found.get("Ilse Varga" if "Ilse" in sentence else "Ravi Anand") == kind, (sentence, found)


def test_a_resident_named_with_the_place_stays_a_witness():
    # near miss: a civilian apposition, not an office
    found = _sources("Ilse Varga, a resident of Kesh, said the residents of her street fled.")
    assert found.get("Ilse Varga") == "witness", found


def test_its_spokesperson_takes_the_kind_of_the_body_before():
    found = _sources(
        "The Kesh Relief Foundation said 300 families were sheltering in schools. "
        "Its spokesman, Pel Okra, said more tents were needed."
    )
    assert found.get("Pel Okra") == "ngo", found


def test_its_spokesperson_for_a_ministry_stays_official():
    # near miss: a state body's spokesperson is an official, not the government itself
    found = _sources(
        "The Interior Ministry said 300 families were sheltering in schools. "
        "Its spokesman, Pel Okra, said more tents were needed."
    )
    assert found.get("Pel Okra") == "official", found


def test_witnesses_on_the_scene_are_cited_with_it():
    found = _sources("The windows across the street shattered, witnesses on the scene said.")
    assert found.get("witnesses on the scene") == "witness", found


def test_on_condition_of_anonymity_is_not_a_setting():
    # near miss: 'on' of a manner, not of where the source is
    found = _sources("Officials on condition of anonymity said the bomber was a teenager.")
    assert "Officials" in found, found


def test_who_heads_a_body_is_an_official():
    found = _sources("Kartowo, who heads the local disaster agency, said the depot had no fire exits.")
    assert found.get("Kartowo") == "official", found


def test_a_body_that_runs_something_stays_a_body():
    # near miss: 'which', not 'who': the body itself speaks
    found = _sources("The Kesh Transport Agency, which runs the depot, said it had no fire exits.")
    assert found.get("Kesh Transport Agency") == "government", found
