"""A body introduced by an indefinite description and named at once, on invented sentences."""

from summarizer.pipeline import summarise_text


def test_a_described_body_named_next_is_one_source():
    text = (
        "Marchers shot dead in Tarvo\n"
        "Security forces opened fire on marchers in the city of Tarvo on Monday, killing at least seven "
        "people, a nurses' group said.\n"
        "The Northern Union of Tarvo Nurses, which backs the marchers, said the dead were shot in the chest.\n"
        "Twelve people were hurt, according to a coalition of civil society groups. "
        "The marchers were protesting against a rise in bread prices.\n"
        "The coalition, Front Civique Oltre, said the police fired first.\n"
    )
    sources = {s.name: s for s in summarise_text(text).attribution}
    assert "Northern Union of Tarvo Nurses" in sources and "Front Civique Oltre" in sources
    assert "nurses' group" not in sources and "coalition of civil society groups" not in sources
    assert sources["Front Civique Oltre"].type == "ngo"


def test_a_described_body_followed_by_another_body_stays_apart():
    text = (
        "Clashes in Pelmo\n"
        "Five people were killed in clashes in the town of Pelmo on Friday, a rights group said.\n"
        "The Pelmo Interior Ministry said three officers were hurt.\n"
        "Nine people were arrested, a teachers' group said. The Harbour Traders Guild said shops were shut.\n"
    )
    names = {s.name for s in summarise_text(text).attribution}
    assert "Pelmo Interior Ministry" in names or "Interior Ministry" in names
    assert "Harbour Traders Guild" in names
    assert any("teachers" in name for name in names)


def test_a_body_cited_beside_its_media_wing_is_one_source():
    text = (
        "Border shelling kills four in Ostrava valley\n"
        "Shelling across the border killed four villagers in the Ostrava valley on Sunday, "
        "Kestrian army officials said. Veldonia's army said Kestrian fire had killed two of its soldiers.\n"
        "The Office of Army Communications (OAC), the Veldonian army's media wing, said six civilians "
        "were wounded. Veldonia's interior ministry said three police officers were wounded.\n"
    )
    sources = {s.name: s for s in summarise_text(text).attribution}
    assert "Office of Army Communications" in sources
    assert "Veldonia's army" in sources["Office of Army Communications"].aliases
    assert "Veldonia's army" not in sources
    assert any("ministry" in name for name in sources)
