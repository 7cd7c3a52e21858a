"""eval/error_kinds.py: each error is counted in the kind of issue 14 it belongs to."""

import importlib.util
from pathlib import Path

SPEC = importlib.util.spec_from_file_location("error_kinds", Path(__file__).parents[1] / "eval" / "error_kinds.py")
error_kinds = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(error_kinds)


def fig(category, count, source=None, evidence="", optional=False):
    return {"category": category, "count": count, "count_max": None, "source": source, "evidence": evidence,
            "optional": optional}  # fmt: skip


def ent(name, value, key, optional=False, aliases=()):
    return {"name": name, key: value, "aliases": list(aliases), "optional": optional}


GOLD = {
    "id": "a",
    "toll": [fig("killed", 9, "Harbour Police", "9 were killed"), fig("injured", 12, None, "twelve were hurt"),
             fig("injured", 30, None, "30 wounded"), fig("killed", 7, None, "7 dead", optional=True)],
    "where": [ent("Corvale", "town", "type"), ent("Dunmere Province", "province", "type", optional=True)],
    "who": [ent("Harbour Police", "authority", "role")],
    "attribution": [ent("Harbour Police", "official", "type")],
}  # fmt: skip


def test_each_error_lands_in_its_kind():
    brief = {
        "toll": [fig("killed", 9, "a witness"), fig("killed", 7), fig("killed", 40), fig("killed", 40)],
        "where": [
            ent("Corvale", "city", "type"),
            ent("Dunmere Province", "province", "type"),
            ent("Lowfield", "town", "type"),
        ],
        "who": [ent("Harbour Police", "attacker", "role"), ent("gunmen", "attacker", "role")],
        "attribution": [ent("Harbour Police", "media", "type"), ent("a witness", "witness", "type")],
    }  # fmt: skip
    counts = error_kinds.count(GOLD, brief)
    assert counts["2 source"] == 1  # 9 credited to the police, given to a witness
    assert counts["3 same figure twice"] == 2 and counts["4 not casualties"] == 0  # 40 twice, in no gold
    assert counts["5 number words"] == 1 and counts["figures missed (digits)"] == 1  # "twelve", "30"
    assert counts["6 places"] == 2  # Corvale typed city; Lowfield not in the gold (the province is optional)
    assert counts["7 who"] == 2  # police in the wrong role; gunmen not in the gold
    assert counts["8 attribution types"] == 1 and counts["attribution missed or spurious"] == 1


def test_a_brief_without_figures_is_a_lost_story_and_a_right_one_has_no_error():
    assert error_kinds.count(GOLD, {"toll": []})["1 story lost"] == 1
    right = {"toll": [fig("killed", 9, "police"), fig("injured", 12), fig("injured", 30)],
             "where": [ent("Corvale", "town", "type")], "who": [ent("Harbour Police", "authority", "role")],
             "attribution": [ent("Harbour Police", "official", "type")]}  # fmt: skip
    assert sum(error_kinds.count(GOLD, right).values()) == 0
