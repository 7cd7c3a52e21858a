import json
from pathlib import Path

import jsonschema

from summarizer.brief import SCHEMAS, brief_json_schema
from summarizer.prompts_io import render, schema_text

ROOT = Path(__file__).resolve().parent.parent


def test_committed_schemas_match_models():
    for name, build in SCHEMAS.items():
        committed = json.loads((ROOT / "schemas" / name).read_text("utf-8"))
        assert committed == build(), (
            f"run: python -c \"from summarizer.brief import write_schema; write_schema('schemas/{name}')\""
        )


def test_schema_is_package_data():
    assert json.loads(schema_text("brief.schema.json"))["title"] == "Brief"


def test_schema_rejects_string_counts():
    schema = brief_json_schema()
    bad = {"toll": [{"category": "killed", "count": "4", "evidence": "x", "evidence_span": [0, 1]}]}
    try:
        jsonschema.validate(bad, schema)
    except jsonschema.ValidationError:
        return
    raise AssertionError("a string count validated")


def test_prompt_templates_render_strictly():
    import jinja2
    import pytest

    with pytest.raises(jinja2.UndefinedError):
        render("choose_figure", sentence="x")
