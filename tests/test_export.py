"""`summarise export`: long form, ACLED-like and UCDP-like tables, read back after writing."""

import csv
import json

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from summarizer.cli import app
from summarizer.export import ACLED_COLUMNS, FIGURE_COLUMNS, UCDP_COLUMNS, figure_rows, killed_range

runner = CliRunner()
TEXT = (
    "Gunmen killed at least 12 people in Riverton on Monday, police said. "
    "The Red Cross later said 15 people had died. Eight soldiers were wounded."
)


def span(text, part):
    start = TEXT.index(part)
    return [start, start + len(part)]


def figure(category, count, evidence, source=None, qualifier="exact", group="people", count_max=None):
    return {"category": category, "count": count, "count_max": count_max, "qualifier": qualifier, "group": group,
            "source": source, "evidence": evidence, "evidence_span": span(TEXT, evidence)}  # fmt: skip


def item(name, kind, key="type"):
    return {"name": name, key: kind, "aliases": [], "mentions": [span(TEXT, name)]}


BRIEF = {
    "id": "riverton",
    "who": [item("Gunmen", "attacker", "role"), item("soldiers", "target", "role")],
    "where": [item("Riverton", "town")],
    "toll": [
        figure("killed", 12, "killed at least 12 people", "police", "at_least"),
        figure("killed", 15, "15 people had died", "The Red Cross"),
        figure("injured", 8, "Eight soldiers were wounded", group="soldiers"),
    ],
    "attribution": [item("police", "official"), item("Red Cross", "ngo")],
    "notes": [],
}


@pytest.fixture
def briefs_file(tmp_path):
    path = tmp_path / "briefs.jsonl"
    lines = [BRIEF, {"id": "broken", "error": "empty article"}, {**BRIEF, "id": "quiet", "toll": []}]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), "utf-8")
    return path


def export(briefs_file, tmp_path, fmt, name):
    out = tmp_path / name
    result = runner.invoke(app, ["export", str(briefs_file), "--format", fmt, "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "1 error or invalid line(s) skipped" in result.output
    return out


def read_csv(path):
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def as_text(row):
    return {key: "" if value is None else str(value) for key, value in row.items()}


def test_long_form_csv_round_trip(briefs_file, tmp_path):
    rows = read_csv(export(briefs_file, tmp_path, "csv", "figures.csv"))
    assert list(rows[0]) == list(FIGURE_COLUMNS)
    assert rows == [as_text(row) for row in figure_rows(BRIEF)]  # one row per figure; "quiet" has none
    assert rows[0]["places"] == "Riverton" and rows[0]["actors"] == "Gunmen; soldiers"
    assert TEXT[int(rows[1]["evidence_start"]) : int(rows[1]["evidence_end"])] == rows[1]["evidence"]


def test_long_form_parquet_round_trip_keeps_types(briefs_file, tmp_path):
    table = pq.read_table(export(briefs_file, tmp_path, "parquet", "figures.parquet"))
    assert table.column_names == list(FIGURE_COLUMNS)
    assert str(table.schema.field("count").type) == "int64"
    assert table.to_pylist() == figure_rows(BRIEF)  # nulls stay null, numbers stay numbers


def test_acled_row(briefs_file, tmp_path):
    rows = read_csv(export(briefs_file, tmp_path, "acled", "acled.csv"))
    assert list(rows[0]) == list(ACLED_COLUMNS)
    assert [row["event_id_cnty"] for row in rows] == ["riverton", "quiet"]
    row = rows[0]
    assert (row["actor1"], row["actor2"], row["location"], row["geo_precision"]) == (
        "Gunmen",
        "soldiers",
        "Riverton",
        "1",
    )
    assert (row["fatalities"], row["low"], row["best"], row["high"]) == ("12", "12", "15", "15")
    # what a brief does not know yet stays empty: never invented
    assert row["event_date"] == row["event_type"] == row["latitude"] == row["longitude"] == row["country"] == ""
    assert "killed at least 12 people [" in row["notes"] and "Eight soldiers" not in row["notes"]
    assert rows[1]["fatalities"] == ""  # no killed figure: empty, not 0


def test_ucdp_as_parquet(briefs_file, tmp_path):
    rows = pq.read_table(export(briefs_file, tmp_path, "ucdp", "ged.parquet")).to_pylist()
    assert list(rows[0]) == list(UCDP_COLUMNS)
    assert (rows[0]["low"], rows[0]["best"], rows[0]["high"], rows[0]["high_is_lower_bound"]) == (12, 15, 15, False)
    assert rows[0]["side_a"] == "Gunmen" and rows[0]["number_of_sources"] == 2 and rows[0]["latitude"] is None


def test_killed_range_rules():
    def brief(*figures):
        return {"id": "x", "toll": list(figures)}

    def killed(count, qualifier="exact", source=None, group="people", count_max=None):
        return {"category": "killed", "count": count, "count_max": count_max, "qualifier": qualifier,
                "group": group, "source": source, "evidence": "e", "evidence_span": [0, 1]}  # fmt: skip

    # best: the largest credited figure, even when an uncredited one is larger
    assert killed_range(brief(killed(10, source="A"), killed(14, source="B"), killed(30))) == {
        "low": 10, "best": 14, "high": 30, "high_is_lower_bound": False}  # fmt: skip
    # nothing credited: best is the low; "over 40" opens the high
    assert killed_range(brief(killed(20), killed(40, "over")))["best"] == 20
    assert killed_range(brief(killed(20), killed(40, "over")))["high_is_lower_bound"] is True
    # "up to 9" is no floor and never the credited best
    assert killed_range(brief(killed(3, source="A"), killed(9, "up_to", source="B"))) == {
        "low": 3, "best": 3, "high": 9, "high_is_lower_bound": False}  # fmt: skip
    # group figures only: each source's groups are summed into one total
    summed = killed_range(brief(killed(4, source="A", group="soldiers"), killed(2, source="A", group="police")))
    assert (summed["low"], summed["best"], summed["high"]) == (6, 6, 6)
    assert killed_range(brief()) == {"low": None, "best": None, "high": None, "high_is_lower_bound": None}


def test_export_errors_are_one_line(briefs_file, tmp_path):
    bad_format = runner.invoke(app, ["export", str(briefs_file), "--format", "xlsx", "--out", str(tmp_path / "x")])
    assert bad_format.exit_code == 2 and "choose from csv, parquet, acled, ucdp" in bad_format.output
    missing = runner.invoke(
        app, ["export", str(tmp_path / "no.jsonl"), "--format", "csv", "--out", str(tmp_path / "x")]
    )
    assert missing.exit_code == 2 and "no such briefs file" in missing.output
    directory = runner.invoke(app, ["export", str(briefs_file), "--format", "csv", "--out", str(tmp_path)])
    assert directory.exit_code == 2 and "is a directory" in directory.output
    assert not list(tmp_path.glob(".x.*"))  # no temporary left behind


def test_dated_typed_geocoded_brief_fills_acled_and_ucdp_cells():
    from summarizer.export import acled_row, ucdp_row

    riverton = {
        **item("Riverton", "town"),
        "country_code": "ZZ",
        "admin1": "Lake Province",
        "latitude": 1.5,
        "longitude": -2.25,
        "precision": 1,
    }
    brief = {
        **BRIEF,
        "where": [riverton],
        "event_date": {
            "date": "2024-03-04",
            "precision": "week",
            "evidence": "on Monday",
            "evidence_span": span(TEXT, "on Monday"),
        },
        "event_type": {"type": "armed_attack", "evidence": "Gunmen", "evidence_span": span(TEXT, "Gunmen")},
    }
    row = acled_row(brief)
    assert (row["event_date"], row["time_precision"], row["event_kind"]) == ("2024-03-04", 2, "armed_attack")
    # gunmen (armed) on soldiers (state): a battle, state-based violence
    assert (row["event_type"], row["sub_event_type"]) == ("Battles", "Armed clash")
    assert (row["admin1"], row["latitude"], row["longitude"], row["geo_precision"]) == ("Lake Province", 1.5, -2.25, 1)
    assert (row["country"], row["country_code"]) == (None, "ZZ")  # no such ISO country: no invented name
    ged = ucdp_row({**brief, "event_date": {**brief["event_date"], "date": "2024-02-01", "precision": "month"}})
    assert (ged["date_start"], ged["date_end"], ged["date_prec"]) == ("2024-02-01", "2024-02-29", 4)
    assert ged["type_of_violence"] == 1
    # a location the gazetteer did not resolve: no coordinates, the precision of the place named
    unresolved = acled_row({**brief, "where": [item("Riverton", "town")]})
    assert (unresolved["latitude"], unresolved["geo_precision"]) == (None, 1)


def test_acled_event_types_follow_the_kind_where_the_kind_fixes_them():
    from summarizer.export import acled_row

    def typed(kind, evidence):
        brief = {**BRIEF, "event_type": {"type": kind, "evidence": evidence, "evidence_span": [0, len(evidence)]}}
        row = acled_row(brief)
        return row["event_type"], row["sub_event_type"], row["event_kind"]

    assert typed("air_or_drone_strike", "a drone strike") == (
        "Explosions/Remote violence", "Air/drone strike", "air_or_drone_strike")  # fmt: skip
    assert typed("bombing", "a roadside bomb")[:2] == ("Explosions/Remote violence", "Remote explosive/landmine/IED")
    assert typed("bombing", "a Suicide bomber")[:2] == ("Explosions/Remote violence", "Suicide bomb")
    assert typed("clashes", "clashes")[:2] == ("Battles", "Armed clash")
    assert typed("crackdown", "fired on protesters")[:2] == ("Protests", "Excessive force against protesters")
    assert typed("arrests", "arrested")[:2] == ("Strategic developments", "Arrests")
    for kind in ("natural_disaster", "accident", "disease_outbreak", "other"):
        assert typed(kind, "Gunmen") == (None, None, kind)


def sided(kind, who, toll=()):
    """A brief of `kind` with actors (name, role, aliases) and killed figures (count, group)."""
    return {
        **BRIEF,
        "event_type": {"type": kind, "evidence": kind, "evidence_span": [0, 1]},
        "who": [{"name": name, "role": role, "aliases": list(aliases), "mentions": []} for name, role, *aliases in who],
        "toll": [{**figure("killed", count, "killed at least 12 people"), "group": group} for count, group in toll],
    }


def test_armed_attacks_and_protests_are_typed_by_who_fought_whom():
    from summarizer.sides import acled_type

    on_villagers = sided("armed_attack", [("Gunmen", "attacker"), ("villagers", "victim")])
    assert acled_type(on_villagers) == ("Violence against civilians", "Attack")
    on_a_patrol = sided("armed_attack", [("insurgents", "attacker")], toll=[(4, "policemen")])
    assert acled_type(on_a_patrol) == ("Battles", "Armed clash")
    # the attackers' own dead do not make an attack on worshippers a battle
    own_dead = sided("armed_attack", [("militants", "attacker"), ("worshippers", "victim")], toll=[(3, "gunmen")])
    assert acled_type(own_dead) == ("Violence against civilians", "Attack")
    # a group known only by its name settles nothing: empty, not guessed
    assert acled_type(sided("armed_attack", [("Zorvan Front", "attacker"), ("Kell Brigade", "target")])) == (None, None)
    fired_on = sided(
        "protest_or_riot", [("riot police", "attacker"), ("protesters", "victim")], toll=[(2, "protesters")]
    )
    assert acled_type(fired_on) == ("Protests", "Excessive force against protesters")
    assert acled_type(sided("protest_or_riot", [("a mob", "attacker")], toll=[(1, "shopkeeper")])) == (
        "Riots", "Violent demonstration")  # fmt: skip
    marchers = sided("protest_or_riot", [("protesters", "other")])
    assert acled_type(marchers) == ("Protests", "Peaceful protest")
    assert acled_type(sided("protest_or_riot", [])) == (None, None)  # nobody named: not known to be peaceful
    # 'anti-government' names no government: protesters who hurt police are a riot
    hurt_police = sided("protest_or_riot", [("anti-government protesters", "attacker")], toll=[(2, "police officers")])
    assert acled_type(hurt_police) == ("Riots", "Violent demonstration")
    # a lone civilian attacker: the dead students are the ones acted on, not its own
    assert acled_type(sided("armed_attack", [("a man", "attacker")], toll=[(5, "students")])) == (
        "Violence against civilians", "Attack")  # fmt: skip
    arrested = {**sided("protest_or_riot", []), "toll": [figure("arrested", 30, "killed at least 12 people")]}
    assert acled_type(arrested) == ("Protests", "Protest with intervention")


def test_ucdp_type_of_violence_from_the_sides():
    from summarizer.sides import type_of_violence

    # one-sided: an organised actor against civilians only
    assert type_of_violence(sided("bombing", [("suicide bomber", "attacker")], toll=[(9, "shoppers")])) == 3
    assert type_of_violence(sided("crackdown", [("police", "authority")], toll=[(5, "demonstrators")])) == 3
    # state-based: a government's forces against an armed group
    assert (
        type_of_violence(sided("air_or_drone_strike", [("Air Force", "attacker"), ("rebel fighters", "target")])) == 1
    )
    # non-state: two armed groups, neither a government
    assert type_of_violence(sided("clashes", [("Kell militia", "attacker"), ("Osk rebels", "attacker")])) == 2
    # two states' forces clashing is state-based even when civilians die in the crossfire
    two_armies = sided("clashes", [("Varnian troops", "attacker"), ("Oskan army", "attacker")], toll=[(2, "civilians")])
    assert type_of_violence(two_armies) == 1
    # the head noun decides: 'fighter jets' are no fighters, a liberation army may be a state's
    jets = sided("air_or_drone_strike", [("Varnian fighter jets", "attacker"), ("Kell rebels", "target")])
    assert type_of_violence(jets) is None
    assert type_of_violence(sided("shelling", [("People's Liberation Army", "attacker"), ("rebels", "target")])) is None
    # police and soldiers may be one government's: no second state
    one_state = sided("clashes", [("police", "attacker"), ("soldiers", "attacker")], toll=[(4, "protesters")])
    assert type_of_violence(one_state) is None
    # not organised violence, or sides unknown: empty
    assert type_of_violence(sided("natural_disaster", [("people", "victim")])) is None
    assert type_of_violence(sided("shelling", [], toll=[(6, "people")])) is None
