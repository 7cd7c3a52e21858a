"""Source phrases on invented sentences (names, places and numbers invented): coordinated
subjects, the source's whole noun phrase, unnamed common-noun sources, mononyms, armed
groups' statements, media as sources."""

from summarizer.pipeline import summarise_text

_HEAD = (
    "Blast kills eleven in Varnow\n"
    "A bomb exploded at a bus depot in the town of Varnow on Tuesday, killing eleven people. "
)


def _sources(sentence: str) -> dict[str, str]:
    return {s.name.lower(): s.type for s in summarise_text(_HEAD + sentence + "\n").attribution}


def test_coordinated_people_are_two_sources():
    found = _sources("Villagers and army officers said the bomber fled on a scooter.")
    assert "villagers" in found, found
    assert found.get("army officers") == "military", found
    assert not any(" and " in name for name in found), found


def test_a_shared_head_is_one_source():
    # 'police and hospital officials': one group of officials, not the police apart
    found = _sources("Police and clinic officials said nine of the wounded were children.")
    assert list(found) == ["police and clinic officials"], found


def test_unnamed_people_beside_witnesses_keep_their_own_type():
    found = _sources("Witnesses and aid workers said the fire burned for hours.")
    assert found.get("witnesses") == "witness", found
    assert "aid workers" in found and found["aid workers"] != "witness", found


_SOURCED = (
    "Blast kills eleven in Varnow\n"
    "A bomb exploded at a bus depot in the town of Varnow on Tuesday, killing eleven people, "
    "the Varnow Fire Brigade said. "
)


def test_plain_common_noun_subjects_are_sources():
    for sentence, name in [
        ("Officials and depot staff said the station would reopen on Friday.", "officials"),
        ("Authorities said the station would reopen on Friday.", "authorities"),
        ("Villagers told reporters that they heard two blasts.", "villagers"),
    ]:
        found = {s.name.lower() for s in summarise_text(_SOURCED + sentence + "\n").attribution}
        assert name in found, (sentence, found)


def test_people_who_only_appear_are_not_sources():
    found = {s.name.lower() for s in summarise_text(_SOURCED + "Villagers gathered at the depot.\n").attribution}
    assert found == {"varnow fire brigade"}, found


def test_a_report_that_was_not_made_cites_no_one():
    found = {s.name.lower() for s in summarise_text(_SOURCED + "No motive was given by authorities.\n").attribution}
    assert "authorities" not in found, found
    found = {s.name.lower() for s in summarise_text(_SOURCED + "The count was given by authorities.\n").attribution}
    assert "authorities" in found, found


def test_the_source_phrase_keeps_its_unnamed_setting():
    assert "witnesses near the square" in _sources("Witnesses near the square said the blast broke windows.")
    assert "news outlets in the region" in _sources("News outlets in the region reported that the depot was closed.")
    assert "spokesman for one of the jailed men" in _sources(
        "A spokesman for one of the jailed men said he was innocent."
    )


def test_a_named_place_or_a_time_is_not_part_of_the_source():
    assert "officials" in _sources("Officials in Kelso said the depot would reopen.")
    assert "residents" in _sources("Residents in the evening said they heard a second blast.")
    assert "security source" in _sources("A security source in the provincial capital, Dorla, said nine soldiers died.")


def test_a_hospital_worker_keeps_the_hospital_and_its_town():
    found = _sources("A nurse at the Central District Hospital in Kelso said nine were wounded.")
    assert "nurse at the central district hospital in kelso" in found, found


def test_a_witness_at_a_hospital_is_a_witness():
    assert _sources("One witness at the clinic said the police fired first.").get("witness at the clinic") == "witness"


def test_an_armed_group_speaking_of_its_fighters_is_a_group():
    found = _sources("The Ashen Banner said on its radio station that its fighters had set the charge.")
    assert found.get("ashen banner") == "group", found
    found = _sources("The Ashen Banner claimed responsibility in a statement posted online.")
    assert found.get("ashen banner") == "group", found


def test_a_body_speaking_of_its_members_is_not_made_a_group():
    found = _sources("The Kelso Traders Council said its members had helped carry the wounded.")
    assert found.get("kelso traders council") != "group", found


def test_the_body_whose_toll_puts_the_number_is_the_source():
    text = _HEAD + "The toll from the Kelso Relief Society put the number of dead at 14.\n"
    brief = summarise_text(text)
    assert any("Kelso Relief Society" in s.name for s in brief.attribution)
    assert any(f.count == 14 and f.source and "Kelso Relief Society" in f.source for f in brief.toll)


def test_the_toll_from_an_event_names_no_source():
    assert _sources("The toll from the explosion put the number of dead at 14.") == {}


def test_media_phrases_are_media_sources():
    for sentence, name, kind in [
        ("Several newspaper reports said nine of the dead were children.", "several newspaper reports", "media"),
        ("Regional media reported that the bomber was 19.", "regional media", "media"),
        ("State radio said the attack was the worst in years.", "state radio", "state_media"),
    ]:
        assert _sources(sentence).get(name) == kind, (sentence, _sources(sentence))


def test_mononyms_cited_with_a_title():
    assert _sources('"We will find them," said Sutarjo, head of the rescue agency.').get("sutarjo") == "official"
    assert "marzuki" in _sources("Three guards were among the dead, according to Marzuki, a police spokesman.")


def test_an_anonymous_official_is_a_source():
    found = _sources("An official who asked not to be named said the bomber was known to police.")
    assert found.get("official") == "official", found


def test_a_body_that_gives_a_toll_is_a_source():
    assert "kelso civil guard" in _sources("The Kelso Civil Guard gave a lower toll of nine.")


def test_a_subject_described_as_a_source_puts_the_toll():
    found = _sources("Local aid kitchens, volunteer groups that feed the district, put the death toll at 31.")
    assert "local aid kitchens" in found, found


def test_giving_something_else_is_no_report():
    assert _sources("The blast gave rescuers little time.") == {}


def test_a_charity_shop_is_no_source():
    assert _sources("The charity shop near the depot was damaged.") == {}
