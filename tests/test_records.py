"""Records analysts can use: real `summarise run` lines with the publication date and kept
columns of the input, validated against `summarise schema`, then exported to ACLED/UCDP rows."""

import csv
import json

import jsonschema
import pyarrow as pa
import pyarrow.parquet as pq
from typer.testing import CliRunner

from summarizer.cli import app

runner = CliRunner()

RECORDS = [
    {
        "id": "quake",
        "published": "2024-03-15",
        "url": "https://example.org/quake",
        "title": "Quake",
        "text": "A strong earthquake killed 23 people in Kathmandu, Nepal, on Wednesday, officials said.",
    },
    {
        "id": "blast",
        "published": "2024-03-15T08:00:00Z",
        "url": "https://example.org/blast",
        "title": "Blast",
        "text": "A car bomb killed nine people in Zqxvillebury on 3 January 2020, police said.",
    },
    {
        "id": "undated",
        "url": "https://example.org/undated",
        "title": None,
        "text": "Gunmen killed six farmers in Zqxvillebury on Thursday, villagers said.",
    },
    {"id": "empty", "published": "2024-03-15", "url": "https://example.org/empty", "title": "Empty", "text": "  "},
]
PAGE = (
    '<html><head><title>Blast</title><meta property="article:published_time" content="2024-03-15T09:00:00Z">'
    "</head><body><article><p>A car bomb killed nine people at a market in Kathmandu, Nepal, on Tuesday, "
    "police said after the attack.</p><p>Twenty more were hurt by the blast, a hospital official "
    "told reporters.</p></article></body></html>"
)


def schema():
    return jsonschema.Draft202012Validator(json.loads(runner.invoke(app, ["schema"]).stdout))


def run(tmp_path, *inputs, options=()):
    out = tmp_path / "out.jsonl"
    result = runner.invoke(
        app, ["run", "--backend", "rules", "--quiet", *map(str, inputs), "--out", str(out), *options]
    )
    lines = [json.loads(line) for line in out.read_text("utf-8").splitlines()] if out.exists() else []
    return result, {line["id"]: line for line in lines}


def test_jsonl_run_lines_carry_when_what_where_and_meta_and_validate(tmp_path):
    path = tmp_path / "articles.jsonl"
    path.write_text("".join(json.dumps(record) + "\n" for record in RECORDS), "utf-8")
    result, lines = run(tmp_path, path, options=["--date-column", "published", "--keep-columns", "url,title"])
    assert result.exit_code == 1  # the empty article failed, the run went on
    validator = schema()
    for line in lines.values():
        assert not list(validator.iter_errors(line)), line["id"]
    quake = lines["quake"]
    assert quake["event_date"] == {
        "date": "2024-03-13",
        "precision": "day",
        "evidence": "on Wednesday",
        "evidence_span": quake["event_date"]["evidence_span"],
        "published": "2024-03-15",
    }
    assert quake["event_type"]["type"] == "natural_disaster"
    places = {place["name"]: place for place in quake["where"]}
    assert places["Kathmandu"]["country_code"] == "NP" and places["Kathmandu"]["precision"] == 1
    assert places["Nepal"]["precision"] == 6 and places["Nepal"]["latitude"] is None
    assert quake["meta"] == {"url": "https://example.org/quake", "title": "Quake"}
    assert all(figure["exact_span"] is True for figure in quake["toll"])
    assert lines["blast"]["event_date"]["date"] == "2020-01-03" and lines["blast"]["event_type"]["type"] == "bombing"
    # no publication date: a weekday is kept as evidence with a null date, never today's
    assert lines["undated"]["event_date"]["date"] is None and lines["undated"]["meta"]["title"] is None
    # an error line keeps its input columns too
    assert "error" in lines["empty"] and lines["empty"]["meta"]["url"] == "https://example.org/empty"


def test_html_page_date_comes_from_its_metadata(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(PAGE, "utf-8")
    result, lines = run(tmp_path, page)
    assert result.exit_code == 0, result.output
    line = lines["page"]
    assert not list(schema().iter_errors(line))
    assert line["event_date"]["date"] == "2024-03-12" and line["event_date"]["published"] == "2024-03-15"
    start, end = line["event_date"]["evidence_span"]
    assert line["text"][start:end] == line["event_date"]["evidence"]


def test_csv_and_parquet_keep_columns_and_refuse_a_missing_one(tmp_path):
    rows = [{key: record.get(key) for key in ("id", "text", "published", "url")} for record in RECORDS[:2]]
    csv_path = tmp_path / "articles.csv"
    with csv_path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    result, lines = run(tmp_path, csv_path, options=["--date-column", "published", "--keep-columns", "url"])
    assert result.exit_code == 0, result.output
    assert lines["quake"]["meta"] == {"url": "https://example.org/quake"}
    assert lines["quake"]["event_date"]["date"] == "2024-03-13"
    parquet_path = tmp_path / "articles.parquet"
    pq.write_table(pa.Table.from_pylist(rows), parquet_path)
    (tmp_path / "out.jsonl").unlink()
    result, lines = run(tmp_path, parquet_path, options=["--keep-columns", "url,published"])
    assert result.exit_code == 0 and lines["blast"]["meta"]["published"] == "2024-03-15T08:00:00Z"
    missing = runner.invoke(
        app, ["run", "--backend", "rules", str(csv_path), "--keep-columns", "author", "--out", str(tmp_path / "x")]
    )
    assert missing.exit_code == 2 and "no column 'author'" in missing.output


def test_run_then_acled_and_ucdp_export_fill_date_type_and_map(tmp_path):
    path = tmp_path / "articles.jsonl"
    path.write_text("".join(json.dumps(record) + "\n" for record in RECORDS[:3]), "utf-8")
    result, _ = run(tmp_path, path, options=["--date-column", "published"])
    assert result.exit_code == 0, result.output
    acled = tmp_path / "acled.csv"
    exported = runner.invoke(app, ["export", str(tmp_path / "out.jsonl"), "--format", "acled", "--out", str(acled)])
    assert exported.exit_code == 0, exported.output
    with acled.open(newline="", encoding="utf-8") as handle:
        rows = {row["event_id_cnty"]: row for row in csv.DictReader(handle)}
    quake = rows["quake"]
    assert (quake["event_date"], quake["time_precision"], quake["event_kind"], quake["event_type"]) == (
        "2024-03-13",
        "1",
        "natural_disaster",
        "",  # ACLED records no disasters
    )
    assert (quake["country"], quake["country_code"], quake["location"], quake["geo_precision"]) == (
        "Nepal",
        "NP",
        "Kathmandu",
        "1",
    )
    assert abs(float(quake["latitude"]) - 27.7) < 0.1 and abs(float(quake["longitude"]) - 85.3) < 0.1
    assert quake["fatalities"] == "23"
    # an unknown town: no coordinates, never invented
    assert rows["blast"]["latitude"] == rows["blast"]["longitude"] == "" and rows["blast"]["event_kind"] == "bombing"
    assert rows["blast"]["sub_event_type"] in ("Remote explosive/landmine/IED", "Suicide bomb")
    assert rows["undated"]["event_date"] == ""
    ucdp = tmp_path / "ged.parquet"
    assert (
        runner.invoke(app, ["export", str(tmp_path / "out.jsonl"), "--format", "ucdp", "--out", str(ucdp)]).exit_code
        == 0
    )
    ged = {row["id"]: row for row in pq.read_table(ucdp).to_pylist()}
    assert (ged["quake"]["date_start"], ged["quake"]["date_end"], ged["quake"]["date_prec"]) == (
        "2024-03-13",
        "2024-03-13",
        1,
    )
    assert ged["quake"]["where_prec"] == 1 and ged["quake"]["adm_1"] is None


def test_batched_model_path_resolves_dates_like_one_at_a_time(fake_generator):
    from summarizer.batching import summarise_batch
    from summarizer.pipeline import summarise_text

    texts = [record["text"] for record in RECORDS[:3]]
    published = ["2024-03-15", None, "2024-03-15"]
    batched = summarise_batch(texts, fake_generator, published=published, batch_size=3)
    alone = [summarise_text(text, fake_generator, published=date) for text, date in zip(texts, published, strict=True)]
    assert [brief.event_date for brief in batched] == [brief.event_date for brief in alone]
    assert batched[0].event_date.date == "2024-03-13" and batched[2].event_date.date == "2024-03-14"
