"""Prompt templates are files (prompts/*.j2), shipped as package data, rendered strictly."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

import jinja2


@cache
def template(name: str) -> jinja2.Template:
    source = resources.files("summarizer.prompts").joinpath(f"{name}.j2").read_text("utf-8")
    # StrictUndefined: a variable missing from the render call is an error, not "".
    environment = jinja2.Environment(undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    return environment.from_string(source)


def render(name: str, **variables) -> str:
    return template(name).render(**variables).strip()


@cache
def examples(name: str) -> list[dict]:
    """A prompt's labelled examples (prompts/<name>.json): data, not Python strings."""
    return json.loads(resources.files("summarizer.prompts").joinpath(f"{name}.json").read_text("utf-8"))


def schema_text(name: str) -> str:
    return resources.files("summarizer.schemas").joinpath(name).read_text("utf-8")
