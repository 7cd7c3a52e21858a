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
