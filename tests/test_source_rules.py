"""Cited sources and the sources of toll figures, on invented sentences."""

from summarizer.pipeline import summarise_text


def test_a_figure_restated_by_a_second_source_keeps_the_first_source():
    text = (
        "Blast hits grain depot in Varnel\n"
        "A bomb exploded at a grain depot in the town of Varnel on Monday, killing at least 14 people, "
        "provincial officials said.\n"
        'Regional police chief Tomas Edric said: "We have found 14 bodies and the search goes on."\n'
    )
    killed = [f for f in summarise_text(text).toll if f.category == "killed" and f.count == 14]
    assert [f.source for f in killed] == ["provincial officials"]


def test_a_headline_figure_does_not_swallow_the_body_report():
    text = (
        "Ferry sinks off Osk, 9 dead, coastguard says\n"
        "Nine passengers drowned when a ferry sank off the island of Osk, the port authority said on Friday.\n"
    )
    killed = [f for f in summarise_text(text).toll if f.category == "killed" and f.count == 9]
    assert "port authority" in {f.source for f in killed}


def test_a_title_and_surname_refer_back_to_the_person_named_in_full():
    text = (
        "Clan fighting near Morro leaves 8 dead\n"
        "Eight men were killed in fighting near the village of Morro, police said on Monday.\n"
        "District commander Superintendent Lena Vasko said the fighting began over a land dispute. "
        '"We have deployed forty officers," Supt Vasko said.\n'
        "Ward councillor Aaro Pimm told reporters that 11 people had died. "
        "Mr Pimm said dozens of families had fled.\n"
    )
    sources = {s.name: s for s in summarise_text(text).attribution}
    assert "Lena Vasko" in sources and "Supt Vasko" in sources["Lena Vasko"].aliases
    assert "Aaro Pimm" in sources and "Mr Pimm" in sources["Aaro Pimm"].aliases
    assert sources["Aaro Pimm"].type == "official"
    assert not {"Supt Vasko", "Mr Pimm"} & set(sources)


def test_forces_and_bodies_of_people_are_cited_without_giving_a_figure():
    text = (
        "Jail riot in Pereta ends\n"
        "At least 12 inmates were killed in a riot at the Pereta prison, the prison service said on Sunday. "
        "Troops and police entered the prison at dawn and regained control, the armed forces said. "
        "The fire destroyed two cell blocks, local firefighters said. "
        "The national gendarmerie said in a statement that its officers had fired warning shots.\n"
    )
    sources = {s.name: s.type for s in summarise_text(text).attribution}
    assert sources.get("armed forces") == "military"
    assert sources.get("local firefighters") == "official"
    assert sources.get("national gendarmerie") == "official"


def test_a_described_person_who_gives_no_figure_is_not_listed():
    text = (
        "Bus crash near Tolva\n"
        "Nine people died when a bus left the road near Tolva, police said on Monday. "
        "A doctor said the hospital was treating the injured, and initial reports said the driver had fallen asleep.\n"
    )
    names = {s.name for s in summarise_text(text).attribution}
    assert "doctor" not in names and "initial reports" not in names


def _credited(text: str) -> set:
    return {f.source for f in summarise_text("Floods in Marla\n" + text + "\n").toll}


def test_far_attribution_through_figures_and_per():
    assert _credited("At least 40 people have died, per the regional health department.") == {
        "regional health department"
    }
    assert _credited("The death toll rose to 40, per figures from the Osk Red Crescent.") == {"Osk Red Crescent"}
    assert _credited("At least 40 people died, according to a count kept by the Varnia Herald.") == {"Varnia Herald"}
    assert _credited("The water rose a metre per day, and 40 people died.") == {None}


def _sources(text: str) -> dict:
    return {s.name: s.type for s in summarise_text("Floods in Marla\n" + text + "\n").attribution}


def test_a_person_who_speaks_for_a_named_body_is_the_source():
    assert _sources("Two bombs killed 40 people, according to an official of the Varnian Interior Ministry.") == {
        "official of the Varnian Interior Ministry": "official"
    }
    assert _sources(
        "According to the chief of the Marla Police Department, Ivo Lind, the army had been deployed; 40 people died."
    ) == {"Ivo Lind": "official"}


def test_an_age_is_not_a_count_after_a_name():
    assert _sources("Ana Ruiz, 34, said 40 people died.") == {"Ana Ruiz": "witness"}
    assert _sources("According to the mayor, Ana Ruiz, 40 people died.").get("Ana Ruiz") != "witness"


def test_a_sentence_initial_article_does_not_make_a_description_a_name():
    text = "Forty people died, the health ministry said on Monday. The ministry later said 12 were missing."
    assert _sources(text) == {"the health ministry": "government"}


def test_a_body_referred_back_to_by_its_kind_is_one_source():
    text = (
        "The Marla Institute of Public Health put the number of cases at 2,400. "
        "Nine of the eleven dead were children, the institute said."
    )
    assert _sources(text) == {"Marla Institute of Public Health": "government"}
    text = "Forty people died, the health department said. The department said 12 were missing."
    assert _sources(text) == {"health department": "government"}


def test_the_name_in_apposition_to_a_description_is_the_source():
    assert set(_sources("Forty people died, according to the regional disaster agency, BPBD.")) == {"BPBD"}
    assert set(_sources("Forty people died, according to the rights group, Osk Watch, which tracks killings.")) == {
        "Osk Watch"
    }


def test_a_body_known_by_an_acronym_is_one_source():
    text = (
        "The National Office for Flood Relief, known by its Spanish acronym ONAF, said 31 people were missing. "
        "In all, ONAF said, 40 people had died."
    )
    assert set(_sources(text)) == {"National Office for Flood Relief"}


def test_places_that_count_are_not_sources():
    text = (
        "Measles has killed 11 children, the health ministry said. "
        "Neighbouring Osk and Tarn counties reported 540 and 387 cases respectively."
    )
    assert set(_sources(text)) == {"the health ministry"}
    text = "Kenya has recorded 41 deaths from the fever this year, the Kenyan Centre for Disease Control said."
    assert set(_sources(text)) == {"Kenyan Centre for Disease Control"}


def test_a_source_noun_opening_a_sentence_is_still_a_source():
    text = "Twelve people died in the crush at the gates, officials said. Police denied using tear gas."
    assert _sources(text).get("Police") == "official"
    assert _sources("Neighbours said the fire started at night and 12 people died.") == {"Neighbours": "witness"}


def test_an_outlet_noun_before_its_name_is_not_a_second_source():
    assert set(_sources("At least 80 people were killed, the news website Osk Today reported.")) == {"Osk Today"}
    assert set(_sources('"At least 80 people were killed," the website Osk.net reported.')) == {"Osk.net"}


def test_sources_named_inside_a_quotation_are_the_speakers_not_the_articles():
    text = '"Reliable sources have confirmed that 80 people died," the website Osk.net reported.'
    assert set(_sources(text)) == {"Osk.net"}


def test_a_named_spokesman_who_had_given_a_toll_is_cited():
    text = (
        "Gunmen kill six in Morvan\n"
        "Gunmen killed six people at a bar in the town of Morvan on Friday, the state prosecutor's office said.\n"
        "Hours earlier, a spokesman for the Morvan Security Secretariat, Dario Peltz, had given a toll of four "
        "dead. The regional health office put the number of wounded at nine.\n"
    )
    brief = summarise_text(text)
    assert {s.name: s.type for s in brief.attribution}.get("Dario Peltz") == "official"
    assert [f.source for f in brief.toll if f.category == "killed" and f.count == 4] == ["Dario Peltz"]
    wounded = [f for f in brief.toll if f.category == "injured" and f.count == 9]
    assert wounded and wounded[0].source == "regional health office"
