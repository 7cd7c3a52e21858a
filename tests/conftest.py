import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "eval" / "articles"


class FakeGenerator:
    """A test double for the model: always answers with the last option of each enum,
    so tests can tell a model decision from the rules' first choice."""

    name = "fake"

    def __init__(self):
        self.calls = []

    def chat_prompt(self, system: str, user: str) -> str:
        return f"{system}\n{user}"

    def generate_json(self, prompts, schema, max_new_tokens):
        self.calls.append((prompts, schema, max_new_tokens))
        answer = {key: prop["enum"][-1] for key, prop in schema["properties"].items()}
        return [json.dumps(answer) for _ in prompts]

    def score_completions(self, prompts_text, completions):
        """Log-likelihood choice: the last completion scores highest, as decoding answers."""
        self.calls.append(([prompts_text], completions, None))
        return [(float(rank), 1) for rank in range(len(completions))]


@pytest.fixture
def fake_generator():
    return FakeGenerator()


@pytest.fixture
def seed_text():
    return (ARTICLES / "003_dca1ace3defc5cb9.txt").read_text("utf-8")
