"""Reporting verbs that cite a source, on invented sentences."""

from summarizer.pipeline import summarise_text


def test_a_body_that_gives_the_figures_is_a_source():
    text = (
        "Gunfire in Telmar leaves six dead\n"
        "Six people were killed and nine wounded when gunfire broke out in the market town of Telmar on Friday. "
        "The Northern Valley Regional Police Command gave the figures in a statement on Saturday.\n"
    )
    brief = summarise_text(text)
    assert "Northern Valley Regional Police Command" in {s.name for s in brief.attribution}
    assert {f.source for f in brief.toll if f.count == 6} == {"Northern Valley Regional Police Command"}


def test_a_body_that_gives_a_lower_figure_is_a_source():
    text = (
        "Floods sweep Ardel valley\n"
        "Flash floods swept through the Ardel valley on Sunday. The Coastal Relief Directorate said 15 people "
        "were missing. The Interior Delegation gave a lower figure, saying that nine people "
        "remained missing.\n"
    )
    brief = summarise_text(text)
    nine = [f for f in brief.toll if f.count == 9]
    assert nine and nine[0].source and nine[0].source == "Interior Delegation"


def test_giving_figures_to_reporters_does_not_make_the_number_a_source():
    text = (
        "Bus crash near Osk kills four\n"
        "Four passengers died when a bus left the road near Osk on Monday, police said. "
        "The driver gave the names of the dead to reporters.\n"
    )
    names = {s.name for s in summarise_text(text).attribution}
    assert names == {"police"}


def test_a_body_named_in_a_relative_clause_that_gives_a_toll_is_a_source():
    text = (
        "Protest in Merra turns deadly\n"
        "Four protesters were shot dead in the town of Merra on Tuesday. "
        "Varnia's Civic Rights Office, which had earlier put the toll at three, called for an inquiry.\n"
    )
    names = {s.name for s in summarise_text(text).attribution}
    assert any("Civic Rights Office" in name for name in names)


def test_a_body_that_says_what_it_stands_for_in_a_relative_clause_is_no_source():
    text = (
        "Protest in Merra turns deadly\n"
        "Four protesters were shot dead in the town of Merra on Tuesday, police said. "
        "The Merra Traders Front, which says it speaks for market vendors, organised the march.\n"
    )
    assert {s.name for s in summarise_text(text).attribution} == {"police"}


def test_a_relative_clause_of_a_private_person_cites_no_one():
    text = (
        "Protest in Merra turns deadly\n"
        "Four protesters were shot dead in the town of Merra on Tuesday, police said. "
        "A farmer who said he saw the shooting fled the town.\n"
    )
    assert {s.name for s in summarise_text(text).attribution} == {"police"}


def test_a_body_name_that_goes_on_with_of_is_kept_whole():
    text = (
        "Clashes in Orrin leave six dead\n"
        "Six people were killed in clashes in Orrin on Sunday, according to the Tarnish League of Legal Aid, "
        "a rights body. Eight were wounded, according to Empresa Minera del Valle, the mine's operator.\n"
    )
    names = {s.name for s in summarise_text(text).attribution}
    assert "Tarnish League of Legal Aid" in names
    assert "Empresa Minera del Valle" in names


def test_a_person_of_a_body_is_still_cut_before_of():
    text = (
        "Clashes in Orrin leave six dead\n"
        "Six people were killed in clashes in Orrin on Sunday, Pavel Dravin of the Orrin Red Cross said.\n"
    )
    assert "Pavel Dravin" in {s.name for s in summarise_text(text).attribution}


def test_a_body_described_by_modifiers_joined_by_and_keeps_them_all():
    text = (
        "Raid on Kessa village\n"
        "Armed men burned homes in the village of Kessa on Friday, killing five people, police said. "
        "About 250 villagers fled to camps nearby, according to the province's housing and resettlement "
        "department.\n"
    )
    brief = summarise_text(text)
    sources = {s.name: s.type for s in brief.attribution}
    name = next((n for n in sources if "housing and resettlement department" in n), None)
    assert name is not None and sources[name] == "government"
    assert {f.source for f in brief.toll if f.count == 250} == {name}


def test_a_fire_department_stays_an_official_source():
    text = (
        "Warehouse fire in Lesk\n"
        "Three workers died when a fire swept through a warehouse in Lesk on Monday, the city fire department said.\n"
    )
    sources = {s.name: s.type for s in summarise_text(text).attribution}
    assert sources == {"city fire department": "official"}


def test_each_source_joined_by_and_after_according_to_is_cited():
    text = (
        "Raid on Kessa village\n"
        "Gunmen stormed the village of Kessa on Friday, killing five people, according to the mayor and villagers.\n"
    )
    names = {s.name for s in summarise_text(text).attribution}
    assert {"mayor", "villagers"} <= names


def test_a_report_joined_by_and_after_according_to_names_no_second_source():
    text = (
        "Raid on Kessa village\n"
        "Gunmen stormed the village of Kessa on Friday, killing five people, according to police and local reports.\n"
    )
    names = {s.name for s in summarise_text(text).attribution}
    assert names == {"police"}
