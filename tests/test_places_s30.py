"""Where: names cut short by NER (particles, hyphens), named facilities, names that are no
places, places of another event, regions and targeted bases, on invented sentences (invented
places and numbers, none taken from any article)."""

from summarizer.pipeline import summarise_text


def place_types(text: str) -> dict[str, str]:
    return {p.name: p.type for p in summarise_text(text).where}


# 1. a multi-word name in full


def test_a_name_over_two_particles_is_one_place():
    types = place_types("A bomb exploded in Velden aan den Rijs on Tuesday, killing four people, police said.\n")
    assert "Velden aan den Rijs" in types
    assert "Velden" not in types


def test_a_two_word_name_before_a_particle_is_one_place():
    types = place_types("A bus crashed near Vila Nova da Serra on Tuesday, killing 14 people, police said.\n")
    assert "Vila Nova da Serra" in types
    assert "Vila" not in types


def test_a_hyphenated_name_with_a_particle_is_a_town():
    types = place_types("Gunmen killed three people in Mont-sur-Varelle on Monday, officials said.\n")
    assert types.get("Mont-sur-Varelle") == "town"


def test_a_person_named_with_a_particle_is_no_place():
    types = place_types(
        "Gunmen killed four people in Tessaly on Monday, Mayor Ana de la Ribera told reporters on Tuesday.\n"
    )
    assert "Tessaly" in types
    assert not any("Ribera" in name for name in types)


# 2. named facilities


def test_an_airport_named_after_its_town_is_one_site():
    types = place_types("Rebels shelled Kandahar airport on Sunday, killing four people, officials said.\n")
    assert types.get("Kandahar airport") == "site"
    assert "Kandahar" not in types


def test_a_market_named_by_its_town_keeps_the_town():
    types = place_types("Rebels shelled Kandahar market on Sunday, killing four people, officials said.\n")
    assert "Kandahar" in types
    assert "Kandahar market" not in types


def test_a_saints_medical_center_attacked_is_one_site():
    types = place_types(
        "A gunman opened fire at St. Alder's Regional Medical Center in Brinton on Monday, killing two nurses.\n"
    )
    assert types.get("St. Alder's Regional Medical Center") == "site"
    assert not any(name.startswith("St. Alder") and name != "St. Alder's Regional Medical Center" for name in types)


def test_a_medical_center_the_wounded_were_taken_to_is_no_place():
    types = place_types(
        "A gunman killed two people in Brinton on Monday. The wounded were taken to St. Alder's Regional "
        "Medical Center, police said.\n"
    )
    assert "Brinton" in types
    assert not any("Alder" in name for name in types)


def test_a_bridge_is_named_by_the_river_it_crosses():
    types = place_types(
        "A truck bomb destroyed the bridge over the River Osk near Kandahar on Friday, killing six people.\n"
    )
    assert types.get("bridge over the River Osk") == "site"
    assert "bridge" not in types


def test_a_bridge_over_a_common_noun_stays_a_bridge():
    types = place_types("A truck bomb destroyed a bridge over a ravine near Kandahar on Friday, killing six people.\n")
    assert types.get("bridge") == "site"


def test_a_named_mall_is_one_site_without_its_bare_noun():
    types = place_types(
        "A fire broke out at the Brinmore shopping mall in Kandahar on Friday, killing 11 people. The "
        "shopping mall was packed with families, officials said.\n"
    )
    assert types.get("Brinmore shopping mall") == "site"
    assert "shopping mall" not in types and "mall" not in types


def test_an_unnamed_hotel_stays_a_generic_site():
    types = place_types("Gunmen stormed a hotel in Kandahar on Friday, killing 11 people, police said.\n")
    assert types.get("hotel") == "site"


# 3. names that are no places


def test_a_name_described_as_a_magazine_is_no_place():
    types = place_types(
        "A bomb exploded in Kandahar on Monday, killing four people. The governor spoke to Vestra, a weekly "
        "magazine, on Tuesday.\n"
    )
    assert "Kandahar" in types
    assert "Vestra" not in types


def test_a_firm_named_in_apposition_is_no_place():
    types = place_types("A fire at a plant of Lactoria, a dairy company, in Riyadh killed four workers on Monday.\n")
    assert "Riyadh" in types
    assert "Lactoria" not in types


def test_a_town_described_in_apposition_stays_a_place():
    types = place_types("A bomb exploded in Tarvista, a town in the north, on Monday, killing four people.\n")
    assert types.get("Tarvista") == "town"


# 4. places of another event


def test_a_town_of_last_weeks_attack_is_not_this_events():
    types = place_types(
        "Gunmen kill nine in Kandahar\nGunmen killed nine people in Kandahar on Monday, police said. "
        "Last week, gunmen killed six people in Herat.\n"
    )
    assert "Kandahar" in types
    assert "Herat" not in types


def test_the_place_a_comparison_goes_back_to_is_not_this_events():
    types = place_types(
        "Gunmen killed nine people in Kandahar on Monday, police said. The attack was the deadliest since a "
        "bombing in Herat in March killed 20.\n"
    )
    assert "Kandahar" in types
    assert "Herat" not in types


def test_a_second_town_of_this_event_stays():
    types = place_types(
        "Gunmen kill nine in Kandahar\nGunmen killed nine people in Kandahar on Monday, police said. "
        "Two more people were killed in Herat on the same day, officials said.\n"
    )
    assert "Kandahar" in types
    assert "Herat" in types


# 5. divisions


def test_a_state_set_after_the_town_is_a_province():
    types = place_types("Gunmen killed six people in Jos, Plateau State, on Monday, police said.\n")
    assert types.get("Jos") == "city"
    assert types.get("Plateau State") == "province"


def test_a_group_named_after_the_town_is_no_division():
    types = place_types("Gunmen killed six people in Raqqa, Islamic State said on Monday.\n")
    assert "Raqqa" in types
    assert not any("Islamic" in name for name in types)


def test_a_department_of_a_name_is_a_province():
    types = place_types(
        "Aircraft bombed a rebel camp in the south-eastern department of Velmar before dawn on Thursday, "
        "killing 12 fighters, the army said.\n"
    )
    assert types.get("Velmar") == "province"


def test_a_state_of_emergency_is_no_place():
    types = place_types(
        "Floods killed 12 people in Kessa province on Thursday, and the government declared a state of emergency.\n"
    )
    assert types.get("Kessa") == "province"
    assert len(types) == 1


# 6. a base or a district's headquarters attacked


def test_a_military_base_attacked_is_a_site():
    types = place_types("Militants attacked a military base near Kandahar on Sunday, killing nine soldiers.\n")
    assert types.get("military base") == "site"


def test_the_headquarters_of_a_district_stormed_is_a_site():
    types = place_types("Insurgents stormed the district headquarters of Velmar on Sunday, killing five policemen.\n")
    assert types.get("district headquarters") == "site"


def test_a_base_an_army_speaks_from_is_no_site():
    types = place_types(
        "The army said from its base in Kandahar that militants killed five civilians in a village on Sunday.\n"
    )
    assert not any("base" in name for name in types)


# a country written two ways


def test_a_country_written_short_and_long_is_one_place():
    where = summarise_text(
        "A boat capsized on Lake Tesk in eastern Congo on Sunday, killing 30 people. The Democratic Republic "
        "of Congo declared a day of mourning.\n"
    ).where
    countries = [p for p in where if p.type == "country"]
    assert [p.name for p in countries] == ["Democratic Republic of Congo"]
    assert "Congo" in countries[0].aliases


def test_two_countries_sharing_a_word_stay_two():
    types = place_types("Floods killed 30 people in South Korea on Sunday. North Korea offered aid on Monday.\n")
    assert types.get("South Korea") == "country"
