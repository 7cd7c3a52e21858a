"""Who: a victim group that a figure of its own counts is listed beside the main one (invented sentences)."""

from summarizer.pipeline import summarise_text


def _names(text: str) -> set[str]:
    return {a.name for a in summarise_text(text).who if a.role == "victim"}


def test_a_group_with_its_own_figure_is_a_second_victim():
    text = (
        "Cyclone kills 7 in southern Dorvia, 12 fishermen missing\n"
        "A cyclone that struck southern Dorvia on Tuesday killed at least seven people and left 12 "
        "fishermen missing at sea, the national disaster agency said on Wednesday. "
        "More than 40,000 people were evacuated before the storm, the government said.\n"
    )
    names = _names(text)
    assert "people" in names
    assert "fishermen" in names


def test_a_specific_group_is_listed_even_beside_a_named_victim_group():
    text = (
        "Shelling kills four in Malvik\n"
        "Artillery fire hit the river city of Malvik on Friday, killing four civilians and wounding 13, "
        "regional officials said. In the port of Tessa, a drone struck a warehouse, wounding three "
        "night watchmen, the regional governor said.\n"
    )
    names = _names(text)
    assert "civilians" in names
    assert "night watchmen" in names


def test_a_sub_group_inside_a_total_is_no_victim_of_its_own():
    text = (
        "Blast kills nine in Orsk market\n"
        "A bomb exploded in a crowded market in the town of Orsk on Sunday, killing nine civilians, "
        "including three teachers, and wounding 20, police said.\n"
    )
    names = _names(text)
    assert "civilians" in names
    assert "teachers" not in names
