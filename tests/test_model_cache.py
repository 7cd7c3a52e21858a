"""The converted-model cache: the GGUF de-quantised once, loaded from safetensors afterwards,
with the same decisions; a damaged cache is rebuilt, never fatal."""

import pytest

import summarizer.generate as generate

pytestmark = pytest.mark.real_model

SCHEMA = {
    "type": "object",
    "properties": {"category": {"enum": ["killed", "injured", "arrested"]}},
    "required": ["category"],
    "additionalProperties": False,
}


@pytest.fixture
def fresh_loads(tmp_path, monkeypatch):
    monkeypatch.setenv("SUMMARIZER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(generate, "_LOADED", {})  # the process's loaded models are left alone
    return tmp_path / "cache"


def _decide(generator) -> list[str]:
    prompt = generator.chat_prompt("Answer in JSON.", "Gunmen killed 7 villagers. What happened to the villagers?")
    return generator.generate_json([prompt], SCHEMA, 12)


def test_cache_is_written_reused_and_repaired(fresh_loads):
    lines = []
    converted = generate.load_generator(progress=lines.append)
    assert "first run converts" in lines[0]
    cached_dir = generate.converted_model_dir(converted.model_dir, converted.gguf_file)
    assert (cached_dir / "model.safetensors").is_file() and (cached_dir / generate._COMPLETE).is_file()
    expected = _decide(converted)

    generate._LOADED.clear()
    lines.clear()
    from_cache = generate.load_generator(progress=lines.append)
    assert "first run" not in lines[0]
    assert _decide(from_cache) == expected
    assert from_cache.chat_prompt("s", "u") == converted.chat_prompt("s", "u")

    (cached_dir / "model.safetensors").write_bytes(b"not a safetensors file")
    generate._LOADED.clear()
    repaired = generate.load_generator()
    assert _decide(repaired) == expected
    assert (cached_dir / "model.safetensors").stat().st_size > 1_000_000  # rebuilt whole
