"""Where: the types the words around a place's name give it, on invented sentences (invented
places and numbers, none taken from any article)."""

from summarizer.pipeline import summarise_text


def place_types(text: str) -> dict[str, str]:
    return {p.name: p.type for p in summarise_text(text).where}


def test_a_city_after_a_long_named_neighbourhood_is_not_the_neighbourhood():
    text = (
        "Gunmen killed six people at a wedding in the Las Verbenillas neighbourhood of Tarqueno, "
        "in the central state of Ovaleza, late on Friday, police said.\n"
    )
    types = place_types(text)
    assert types.get("Las Verbenillas") == "neighbourhood"
    assert types.get("Tarqueno") != "neighbourhood"


def test_the_cities_of_a_list_are_cities():
    text = (
        "Security forces killed eleven protesters on Sunday, a monitor said. Marches were held in "
        "the Varnese cities of Orlantu, Pemmaro, and Sastrelle after the killings.\n"
    )
    types = place_types(text)
    assert types.get("Orlantu") == "city"
    assert types.get("Pemmaro") == "city"


def test_a_large_city_listed_with_a_district_stays_a_city():
    # a real large city (the gazetteer must know its size) beside an invented district
    text = (
        "Riot police arrested 140 opposition supporters in Porto Alegre and Velmora district on "
        "Tuesday, a day before the vote, the party said.\n"
    )
    types = place_types(text)
    assert types.get("Velmora") == "district"
    assert types.get("Porto Alegre") == "city"


def test_a_country_named_of_the_is_known_without_the():
    from summarizer.extract.gazetteer import gazetteer_kind

    assert gazetteer_kind("Democratic Republic of the Congo") == "country"
    assert gazetteer_kind("Democratic Republic of Congo") == "country"


def test_an_area_of_a_named_division_is_the_level_below_it():
    from summarizer.extract.place_kinds import stated_by_phrase

    text = "Jets struck a camp in the Kovrani area of Delsora State and in the Pemtal area of Ushar district."
    kovrani, pemtal = text.index("Kovrani"), text.index("Pemtal")
    assert stated_by_phrase(text, kovrani, kovrani + len("Kovrani")) == "district"
    assert stated_by_phrase(text, pemtal, pemtal + len("Pemtal")) == "town"
    city = "Riots hit the Ombe area of Delsora on Monday."
    assert stated_by_phrase(city, city.index("Ombe"), city.index("Ombe") + 4) == "neighbourhood"


def test_a_first_level_county_is_a_province():
    # a real first-level county (the gazetteer must know it) and an invented county
    text = (
        "Bandits killed nine herders in Turkana County on Sunday, police said. Four more were "
        "wounded in Velmora county.\n"
    )
    types = place_types(text)
    assert [kind for name, kind in types.items() if name.startswith("Turkana")] == ["province"]
    assert types.get("Velmora") == "district"
