"""A LoRA adapter trained, saved and loaded back (`summarise train`, `--adapter`), on a tiny
randomly initialised model with the default model's tokenizer: seconds, not minutes."""

import json

import pytest

from summarizer.pipeline import FIGURE_KINDS
from summarizer.train import article_examples
from tests.test_train import GOLD, TEXT

pytestmark = pytest.mark.real_model  # the default model's tokenizer (chat template) is needed


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory):
    pytest.importorskip("peft")
    import torch
    from transformers import AutoTokenizer, LlamaConfig, LlamaForCausalLM

    from summarizer.generate import _COMPLETE, converted_model_dir, resolve_model

    model_dir, gguf_file = resolve_model(None)
    cached = converted_model_dir(model_dir, gguf_file)
    if cached is not None and (cached / _COMPLETE).is_file():
        tokenizer = AutoTokenizer.from_pretrained(cached)
    else:
        tokenizer = AutoTokenizer.from_pretrained(model_dir, gguf_file=gguf_file)
    config = LlamaConfig(
        vocab_size=len(tokenizer),
        hidden_size=32,
        intermediate_size=64,
        num_hidden_layers=2,
        num_attention_heads=4,
        num_key_value_heads=2,
        max_position_embeddings=1024,
        tie_word_embeddings=True,
    )
    torch.manual_seed(0)
    folder = tmp_path_factory.mktemp("tiny")
    LlamaForCausalLM(config).save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return folder


def _fresh(folder):
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    return AutoModelForCausalLM.from_pretrained(folder, dtype=torch.float32), AutoTokenizer.from_pretrained(folder)


def _train(folder, out, seed=0):
    from summarizer.adapter import chat_prompter, train_adapter

    network, tokenizer = _fresh(folder)
    examples = article_examples(GOLD, TEXT, chat_prompter(tokenizer), FIGURE_KINDS, sure=True)
    return train_adapter(examples, out, network, tokenizer, seed=seed, epochs=2, layers=1, lr=5e-2, batch=2)


def test_training_is_reproducible_and_the_loaded_adapter_is_merged(tiny_model, tmp_path):
    import torch
    from peft import PeftModel
    from safetensors.torch import load_file

    from summarizer.adapter import ADAPTER_REPORT
    from summarizer.generate import TransformersGenerator

    report = _train(tiny_model, tmp_path / "one")
    _train(tiny_model, tmp_path / "two")
    assert report["examples"] == 3 and report["steps"] == 4 and report["layers"] == [1, 1]
    assert json.loads((tmp_path / "one" / ADAPTER_REPORT).read_text())["seed"] == 0
    one = load_file(tmp_path / "one" / "adapter_model.safetensors")
    two = load_file(tmp_path / "two" / "adapter_model.safetensors")
    assert one.keys() == two.keys() and all(torch.equal(one[k], two[k]) for k in one)
    # LoRA on the top layer only: the layer below is never changed
    assert all(".layers.1." in key for key in one) and any(bool(one[k].abs().sum()) for k in one if "lora_B" in k)

    generator = TransformersGenerator(tiny_model, None, "cpu", adapter=tmp_path / "one")
    base, tokenizer = _fresh(tiny_model)
    with_adapter = PeftModel.from_pretrained(base, str(tmp_path / "one")).eval()
    ids = torch.tensor([tokenizer("Police said 3 people were killed.").input_ids])
    with torch.inference_mode():
        expected = with_adapter(input_ids=ids).logits
        merged = generator.model(input_ids=ids).logits
        plain = _fresh(tiny_model)[0](input_ids=ids).logits
    assert torch.allclose(expected, merged, atol=1e-4)
    assert not torch.allclose(plain, merged, atol=1e-4)  # the adapter changed what the model says
    assert not any("lora" in name for name, _ in generator.model.named_parameters())  # merged, unloaded
    schema = {"type": "object", "properties": {"source": {"enum": ["police", "not stated"]}}, "required": ["source"]}
    answer = json.loads(generator.generate_json([generator.chat_prompt("s", "u")], schema, 30)[0])
    assert answer["source"] in ("police", "not stated")


def test_an_adapter_of_another_model_is_a_load_error(tiny_model, tmp_path):
    from summarizer.errors import ModelLoadError
    from summarizer.generate import TransformersGenerator

    _train(tiny_model, tmp_path / "adapter")
    config = json.loads((tmp_path / "adapter" / "adapter_config.json").read_text())
    config["target_modules"] = ["no_such_projection"]
    (tmp_path / "adapter" / "adapter_config.json").write_text(json.dumps(config))
    with pytest.raises(ModelLoadError, match="cannot load adapter"):
        TransformersGenerator(tiny_model, None, "cpu", adapter=tmp_path / "adapter")
