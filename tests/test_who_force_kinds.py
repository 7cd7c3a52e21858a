"""Who: the state's forces of two kinds written together are two actors (invented sentences)."""

from summarizer.pipeline import summarise_text


def _roles(text: str) -> dict[str, str]:
    return {a.name: a.role for a in summarise_text(text).who}


def test_police_and_gendarmes_who_fire_together_are_two_attackers():
    text = (
        "Three killed as police fire on marchers in Tolvane\n"
        "Three young men were shot dead in the Tolvane district of Marsa on Friday when police and "
        "gendarmes fired live rounds to break up a march against bread prices, an opposition party said. "
        "It said 41 marchers had been injured. The government said 17 members of the security forces "
        "were hurt by stones.\n"
    )
    roles = _roles(text)
    assert roles.get("police") == "attacker"
    assert roles.get("gendarmes") == "attacker"
    assert "security forces" not in roles


def test_soldiers_and_police_who_enter_together_are_two_authorities():
    text = (
        "Prison riot in Corvel leaves 11 dead\n"
        "At least 11 inmates died in a riot at the jail in the river town of Corvel, the prison service "
        "said on Thursday. Dravian soldiers and police entered the jail at dawn and regained control. "
        "Police said 40 inmates had been moved.\n"
    )
    roles = _roles(text)
    assert roles.get("Dravian soldiers") == "authority"
    assert roles.get("police") == "authority"


def test_soldiers_and_police_named_apart_stay_one_side():
    text = (
        "Flood in Pemberlo kills 8\n"
        "Floods in the hill town of Pemberlo killed 8 people on Sunday, officials said. Soldiers "
        "helped evacuate residents. Police closed the main road.\n"
    )
    names = [a.name.lower() for a in summarise_text(text).who]
    assert not ("soldiers" in names and "police" in names)
