"""Where on the map: places resolved against the offline gazetteers, or left null."""

from summarizer.brief import Place
from summarizer.extract.geo import geocode


def place(name, kind, text="", aliases=()):
    start = text.find(name)
    mentions = [(start, start + len(name))] if start >= 0 else []
    return Place(name=name, type=kind, aliases=list(aliases), mentions=mentions)


def by_name(places):
    return {p.name: p for p in places}


def test_city_country_and_division_resolve_with_ucdp_precision():
    text = "Gunmen attacked Maiduguri in Borno state, Nigeria."
    found, notes = geocode(
        [place("Maiduguri", "city", text), place("Borno state", "province", text), place("Nigeria", "country", text)],
        text,
    )
    city, division, country = by_name(found)["Maiduguri"], by_name(found)["Borno state"], by_name(found)["Nigeria"]
    assert (city.country_code, city.precision, city.admin1) == ("NG", 1, "Borno")
    assert abs(city.latitude - 11.85) < 0.2 and abs(city.longitude - 13.16) < 0.2
    assert city.gazetteer_id.startswith("geonames:")
    assert (division.country_code, division.admin1, division.precision, division.latitude) == ("NG", "Borno", 4, None)
    assert (country.country_code, country.precision, country.latitude, country.longitude) == ("NG", 6, None, None)
    assert notes == []


def test_unknown_place_stays_null_never_invented():
    (found,), _ = geocode([place("Zqxvillebury", "town")])
    assert found.country_code is found.latitude is found.longitude is found.precision is None


def test_shared_name_takes_the_country_the_article_names_and_says_so():
    found, notes = geocode([place("Tripoli", "city"), place("Lebanon", "country")])
    assert by_name(found)["Tripoli"].country_code == "LB"
    assert any("Tripoli" in note and "LB" in note for note in notes)


def test_shared_name_without_context_takes_the_most_populous_and_says_so():
    (found,), notes = geocode([place("Tripoli", "city")])
    assert found.country_code == "LY"
    assert any("most populous" in note for note in notes)


def test_a_small_namesake_in_a_country_named_in_passing_does_not_win():
    # a story about Moscow that mentions the US: Moscow, Idaho is dwarfed by Moscow, Russia
    found, _ = geocode([place("Moscow", "city"), place("US", "country")])
    assert by_name(found)["Moscow"].country_code == "RU"
    assert by_name(found)["US"].country_code == "US"


def test_direction_words_and_abbreviations():
    found, _ = geocode([place("northern Iraq", "region"), place("U.S.", "country")])
    assert by_name(found)["northern Iraq"].country_code == "IQ"
    assert by_name(found)["U.S."].country_code == "US"


def test_us_city_gets_its_state():
    found, _ = geocode([place("Joplin", "city"), place("Missouri", "province")])
    assert (by_name(found)["Joplin"].country_code, by_name(found)["Joplin"].admin1) == ("US", "Missouri")


def test_region_named_like_a_town_elsewhere_prefers_the_division_of_the_country():
    found, _ = geocode([place("Canterbury", "city"), place("New Zealand", "country")])
    assert (by_name(found)["Canterbury"].country_code, by_name(found)["Canterbury"].precision) == ("NZ", 4)


def test_an_area_never_gets_a_towns_point():
    # a province named like a town elsewhere, a county, a direction before a state
    found, _ = geocode(
        [place("Leyte", "province"), place("Jasper County", "other"), place("southern California", "other")]
    )
    places = by_name(found)
    assert places["Leyte"].latitude is None and places["Leyte"].precision != 1
    assert places["Jasper County"].latitude is None  # not the town of Jasper
    assert (places["southern California"].admin1, places["southern California"].precision) == ("California", 4)
