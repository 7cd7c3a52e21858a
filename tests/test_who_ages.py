"""Who: people named with their age are persons and, with no other cue, victims (invented
sentences, one test per pattern plus a near miss)."""

from summarizer.pipeline import summarise_text


def _who(text: str) -> dict[str, str]:
    return {a.name: a.role for a in summarise_text(text).who}


def test_a_name_ner_cuts_short_is_whole_with_its_age():
    text = (
        "Two dead as troops fire on road blockade\n"
        "Soldiers opened fire on villagers blocking a highway near Tarbuk on Friday, killing two people, "
        "local officials said. Yupanqui Ccori Tito, 31, a herder from the valley, died on the way to the "
        "clinic, a nurse said.\n"
    )
    assert _who(text).get("Yupanqui Ccori Tito") == "victim"


def test_relatives_listed_with_ages_are_victims():
    text = (
        "Fire kills three in hillside hamlet\n"
        "Attackers set fire to houses in the hamlet of Lumbo on Sunday night, killing three people, the "
        "district commissioner said. The dead were named as Teresa Obuya, 62, who could not leave her bed, "
        "and two men who tried to put out the flames, Okello Mwita, 40, and his son Baraka Mwita, 17.\n"
    )
    who = _who(text)
    assert who.get("Okello Mwita") == "victim"
    assert who.get("Baraka Mwita") == "victim"


def test_an_aged_person_arrested_is_no_victim():
    text = (
        "Warehouse blaze kills five workers\n"
        "A fire tore through a textile warehouse in Kalimpur on Tuesday, killing five workers, fire officials "
        "said. The owner, Devendra Pathiraja, 55, was arrested on Wednesday, police said.\n"
    )
    assert _who(text).get("Devendra Pathiraja") != "victim"


def test_a_person_named_without_an_age_and_no_cue_is_not_listed():
    text = (
        "Fire kills three in hillside hamlet\n"
        "Attackers set fire to houses in the hamlet of Lumbo on Sunday night, killing three people, the "
        "district commissioner said. The hamlet lies on land that Okello Mwita bought in the 1990s.\n"
    )
    assert "Okello Mwita" not in _who(text)


def test_a_hyphenated_first_name_stays_whole_with_its_age():
    text = (
        "Gunmen kill two at roadside bar\n"
        "Two men opened fire on customers at a bar in Port Selwyn late on Saturday, killing two people, "
        "police said. The victims were Rose-Marie Tallow, 52, a cook, and Devon Greer, a fisherman, 30.\n"
    )
    who = _who(text)
    assert who.get("Rose-Marie Tallow") == "victim"
    assert "Marie Tallow" not in who


def test_a_witness_named_with_an_age_is_no_victim():
    text = (
        "Gunmen kill two at roadside bar\n"
        "Two men opened fire on customers at a bar in Port Selwyn late on Saturday, killing two people, "
        'police said. "We heard six shots and threw ourselves on the floor," said a fisherman, Lyle Marchetti, 47. '
        "Another regular, Opal Brandt, 61, said the gunmen fled on a motorbike.\n"
    )
    who = _who(text)
    assert who.get("Lyle Marchetti") != "victim"
    assert who.get("Opal Brandt") != "victim"


def test_a_person_others_speak_about_is_not_taken_for_a_speaker():
    from summarizer.extract.actor_ages import speaks_with_age

    text = "Police named a second suspect, Corwin Hale, 23, who they said was still at large."
    start = text.index("Corwin")
    assert not speaks_with_age(text, [(start, start + len("Corwin Hale"))])
    text = "Corwin Hale, 23, a baker, said he saw the gunmen."
    assert speaks_with_age(text, [(0, len("Corwin Hale"))])
