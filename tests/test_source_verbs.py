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
