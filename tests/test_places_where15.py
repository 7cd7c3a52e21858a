"""Where: towns and villages NER misses that the syntax marks as places ('Osk, a village in
...', 'officials in Osk', 'Osk's mayor', a name listed after places, 'near Osk in Tarn
district'), and a settlement type stated at a mention NER left out; on invented sentences
(invented places and numbers, none taken from any article)."""

from summarizer.extract.place_slots import place_slot, slot_mentions
from summarizer.pipeline import summarise_text


def place_types(text: str) -> dict[str, str]:
    return {p.name: p.type for p in summarise_text(text).where}


# 1. a settlement noun in apposition after the name


def test_a_name_described_as_a_village_is_a_village():
    types = place_types(
        "About 30 fighters stormed Kerbanu, a village in Tarvo department, shortly after dawn on Friday, "
        "killing nine people, a local official said.\n"
    )
    assert types.get("Kerbanu") == "village"


def test_a_village_described_further_is_still_a_village():
    types = place_types(
        "Gunmen attacked Velmosa, a farming village some 25 kilometres from the border, on Monday, "
        "killing six people, police said.\n"
    )
    assert types.get("Velmosa") == "village"


def test_a_person_described_as_a_village_elder_is_no_place():
    types = place_types(
        "Gunmen killed six people in Tarvo on Monday. Police questioned Omar Telli, a village elder, "
        "on Tuesday, officials said.\n"
    )
    assert not any("Telli" in name for name in types)


# 2. the people of a place


def test_authorities_in_a_name_at_a_sentence_start_make_it_a_place():
    types = place_types(
        "A cyclone killed 11 people on the island on Monday.\nAuthorities in Pormenda said the town's "
        "clinic had treated about 90 people since Monday.\n"
    )
    assert "Pormenda" in types


def test_a_mayors_town_is_a_place():
    types = place_types(
        'Flash floods killed five people in Spain\'s south on Thursday.\n"The water rose in minutes," '
        "Orvalla's mayor, Luis Pardo Gil, told local radio.\n"
    )
    assert "Orvalla" in types


def test_a_mayors_own_name_is_no_place():
    types = place_types(
        "Flash floods killed five people in Spain's south on Thursday, Mayor Luis Pardo Gil told local radio.\n"
    )
    assert not any("Pardo" in name or "Gil" in name for name in types)


# 3. a name listed after places, and a name placed in a division


def _parsed(ents: list[str]):
    import spacy
    from spacy.tokens import Doc

    # 'Raiders struck Tahmor, Kopal and Dirwen overnight.' as the parser reads it
    return Doc(
        spacy.blank("en").vocab,
        words=["Raiders", "struck", "Tahmor", ",", "Kopal", "and", "Dirwen", "overnight", "."],
        heads=[1, 1, 1, 2, 2, 4, 4, 1, 1],
        deps=["nsubj", "ROOT", "dobj", "punct", "conj", "cc", "conj", "npadvmod", "punct"],
        pos=["NOUN", "VERB", "PROPN", "PUNCT", "PROPN", "CCONJ", "PROPN", "ADV", "PUNCT"],
        ents=ents,
    )


def test_a_name_ner_leaves_out_of_a_list_of_places_is_a_place():
    doc = _parsed(["O", "O", "B-ORG", "O", "B-GPE", "O", "O", "O", "O"])
    assert [m.text for m in slot_mentions(doc, 0)] == ["Dirwen"]


def test_a_name_left_out_of_a_list_of_persons_is_no_place():
    doc = _parsed(["O", "O", "B-PERSON", "O", "B-PERSON", "O", "O", "O", "O"])
    assert slot_mentions(doc, 0) == []


def test_a_name_near_which_a_bomb_struck_in_a_district_is_a_place():
    types = place_types(
        "A roadside bomb struck a patrol vehicle near Kelbo in Tarsi district on Friday, killing three "
        "soldiers, the army said.\n"
    )
    assert "Kelbo" in types


# 4. a type stated at a mention NER left out


def test_a_village_of_a_list_named_again_keeps_the_village_type():
    types = place_types(
        "An earthquake killed 40 people in western Nepal on Friday. Rescuers had not yet reached several "
        "remote villages, including Marikot, where phone lines were cut. The epicentre was near Marikot, "
        "about 400 km west of the capital, the seismic centre said.\n"
    )
    assert types.get("Marikot") == "village"


def test_a_name_with_no_stated_type_stays_a_town():
    types = place_types(
        "An earthquake killed 40 people in western Nepal on Friday. The epicentre was near Marikot, "
        "about 400 km west of the capital, the seismic centre said.\n"
    )
    assert types.get("Marikot") == "town"


# 5. datelines


def test_a_local_datelines_place_written_again_is_a_place():
    types = place_types(
        "KELMORE — Three people were shot dead and five wounded early Sunday at a bar on Main Street, police "
        "said.\nIt was Kelmore's deadliest shooting in decades, Mayor Tom Birch said.\n"
    )
    assert "Kelmore" in types


def test_a_foreign_datelines_place_not_written_again_is_no_place():
    types = place_types(
        "KESTOVA (Reuters) - A car bomb exploded in Varnsk on Monday, killing six people, police said.\n"
    )
    assert not any(name.lower() == "kestova" for name in types)


def test_the_division_after_a_datelines_place_is_a_province():
    types = place_types(
        "VELMOR, Kessa del Norte — A bomb went off at the public market of this town on Friday, killing two "
        "people, police said. Velmor has seen three such attacks this year.\n"
    )
    assert types.get("Kessa del Norte") == "province"


def test_a_datelines_city_in_capitals_is_typed_by_the_gazetteer():
    types = place_types(
        "LUSAKA, Oct 3 (Reuters) - Floods killed nine people in Zambia's Southern Province, officials said on "
        "Tuesday. Aid was flown in from Lusaka.\n"
    )
    assert types.get("Lusaka") == "city"
    assert not any(name.startswith("Oct") for name in types)


# 6. a county and the city of its name


def test_a_county_and_the_city_named_after_it_are_two_places():
    types = place_types(
        "Tornado kills 4 in Marlow County\nA tornado tore through rural Marlow County late Saturday, killing "
        "four people, officials said. The Red Cross opened a shelter at a church in Marlow City.\n"
    )
    assert types.get("Marlow County") == "district"
    assert types.get("Marlow City") == "city"


# 7. a product's label on a name placed bare after 'in'


def _sentence(article: list[str], ents: list[str]):
    import spacy
    from spacy.tokens import Doc

    # 'Police detained 17 suspects in [a] Garvadi' as the parser reads it
    words = ["Police", "detained", "17", "suspects", "in", *article, "Garvadi"]
    heads = [1, 1, 3, 1, 1, *[len(words) - 1] * len(article), 4]
    deps = ["nsubj", "ROOT", "nummod", "dobj", "prep", *["det"] * len(article), "pobj"]
    pos = ["NOUN", "VERB", "NUM", "NOUN", "ADP", *["DET"] * len(article), "PROPN"]
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, ents=ents)


def test_a_product_named_bare_after_in_is_a_place():
    doc = _sentence([], ["O"] * 5 + ["B-PRODUCT"])
    assert place_slot(doc.ents[0]) == "GPE"


def test_a_product_after_in_and_an_article_is_no_place():
    doc = _sentence(["a"], ["O"] * 6 + ["B-PRODUCT"])
    assert place_slot(doc.ents[0]) is None


# 8. names that are no place of the event


def test_a_nationality_before_village_of_is_no_place():
    types = place_types(
        "Border guards of Uzbekistan and Tajikistan exchanged fire on Wednesday. The fighting began near "
        "the Tajik village of Sarkent and killed nine people, officials said.\n"
    )
    assert "Tajik" not in types
    assert types.get("Sarkent") == "village"


def test_a_division_before_village_of_stays_a_province():
    types = place_types(
        "The fighting began near the Kessan village of Sarkent and killed nine people, officials said.\n"
    )
    assert types.get("Kessan") == "province"


def _places_of(text: str, names: dict[str, str]) -> dict[str, str]:
    """The places found when NER labels each name of `names` (name -> label) at its first occurrence."""
    from summarizer.extract.names import EntityMention
    from summarizer.extract.places import places_from
    from summarizer.pipeline import analyse

    mentions = [
        EntityMention(name, text.index(name), text.index(name) + len(name), label) for name, label in names.items()
    ]
    return {p.name: p.type for p in places_from(text, mentions, analyse(text).sentences, set())}


def test_a_person_named_with_an_age_is_no_place():
    text = "Gunmen killed five people on Monday. The student, Adwoa Issaka, 16, of Tamale, was hit by a bullet.\n"
    assert "Adwoa Issaka" not in _places_of(text, {"Adwoa Issaka": "GPE"})


def test_a_place_named_with_a_distance_stays_a_place():
    text = "Gunmen killed five people on Monday in Kolbesa, 16 km from the border, officials said.\n"
    assert "Kolbesa" in _places_of(text, {"Kolbesa": "GPE"})


def test_the_district_hospital_the_wounded_were_taken_to_is_no_site():
    types = place_types(
        "Gunmen killed five people in Koroso on Monday. Six others were wounded and evacuated to the Koroso "
        "district hospital, officials said.\n"
    )
    assert "Koroso" in types
    assert not any(name.endswith("hospital") for name in types)


def test_a_district_hospital_that_was_shelled_is_a_site():
    types = place_types(
        "Artillery shelled the Koroso district hospital on Monday, killing five patients, officials said.\n"
    )
    assert types.get("Koroso district hospital") == "site"


def test_a_state_utilitys_name_is_no_place():
    types = place_types(
        "Police fired on protesters outside the offices of the state utility Vorana in the city of Antsirabe "
        "on Monday, killing two.\n"
    )
    assert "Vorana" not in types


# 9. a second-level division's noun at another mention


def test_a_name_written_once_with_territory_is_a_district():
    types = place_types(
        "A bomb exploded at a market in Kavanda on Friday, killing nine people, officials said. The army "
        "imposed a curfew in the village and in the surrounding Mbelo territory. Police in Mbelo said two "
        "men were being questioned.\n"
    )
    assert types.get("Mbelo") == "district"


def test_a_name_before_district_hospital_is_not_made_a_district():
    types = place_types(
        "Gunmen killed five people in Tobira on Monday. A nurse at the Tobira district hospital said "
        "six were wounded.\n"
    )
    assert types.get("Tobira") == "town"


# 10. a list of as many places as the villages the text counts


def test_a_list_of_as_many_names_as_the_villages_counted_are_villages():
    types = place_types(
        "Gunmen killed 19 people in raids on three villages in central Nigeria, officials said.\nThe attackers "
        "struck Hadeko, Sunmari and Borlat in Kessa district at night, a local official said.\n"
    )
    assert {types.get(name) for name in ("Hadeko", "Sunmari", "Borlat")} == {"village"}


def test_a_list_of_more_names_than_the_villages_counted_keeps_its_types():
    types = place_types(
        "Gunmen killed 19 people in raids on two villages in central Nigeria, officials said.\nThe attackers "
        "struck Hadeko, Sunmari and Borlat in Kessa district at night, a local official said.\n"
    )
    assert "village" not in {types.get(name) for name in ("Hadeko", "Sunmari", "Borlat")}


# 11. bylines


def test_a_place_only_in_a_byline_is_no_place():
    types = place_types(
        "Gunmen kill 12 in raid on Kessa villages\n\nBy Ada Obi\nWest Africa correspondent, Dakar\n\nGunmen killed "
        "12 people in a raid on the village of Tarvo in Kessa district on Monday, police said.\n"
    )
    assert "Dakar" not in types
    assert "Tarvo" in types


def test_a_place_of_the_story_named_in_the_byline_too_stays():
    types = place_types(
        "By Ada Obi, Dakar\n\nGunmen killed 12 people in Dakar on Monday, police said. Dakar has seen three "
        "such attacks this year.\n"
    )
    assert "Dakar" in types


# 12. an airport named after a town in -i


def test_an_airport_named_after_a_town_in_i_is_a_site():
    types = place_types("A drone struck the Kisumi airport on Monday, killing four people, officials said.\n")
    assert types.get("Kisumi airport") == "site"


def test_a_nationalitys_airports_are_no_site():
    types = place_types("Two Iraqi airports were closed on Monday after a drone attack killed four people.\n")
    assert not any("airport" in name for name in types)


# 13. a broadcaster's description and a town's quarters


def test_a_station_described_before_its_name_is_no_site():
    types = place_types(
        "A cyclone killed 11 people in Tarvo on Monday.\nLocal station Radio Kessa reported that three "
        "children had been found near the village of Osko.\n"
    )
    assert not any("station" in name.lower() for name in types)


def test_names_before_quarters_are_neighbourhoods():
    types = place_types(
        "Fighters attacked positions in the town's Dabo and Kelmo quarters on Sunday, killing 12 people, "
        "the mission said.\n"
    )
    assert types.get("Dabo") == "neighbourhood"
    assert types.get("Kelmo") == "neighbourhood"


def test_a_named_station_where_a_bomb_went_off_stays_a_site():
    types = place_types("A bomb exploded at Tarvo bus station on Monday, killing six people, police said.\n")
    assert types.get("Tarvo bus station") == "site"
