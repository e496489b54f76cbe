"""RunConfig: JSON round trip, `replace`, and every validation error naming its CLI option."""
from __future__ import annotations

import json
import math

import pytest

from bpviz.engine.config import ConfigError, RunConfig
from bpviz.engine.trainer import Trainer


def non_default_config() -> RunConfig:
    """A config differing from the defaults in every section (and using None and nested lists)."""
    return RunConfig().replace(
        dataset="circle", samples=120, data_seed=7, noise=0.25,
        hidden=[8, 4, 2], activation="tanh", bias=True, init_seed=42, init_stddev=0.5,
        loss="sigmoid-ce", l1=0.001, l2=0.01,
        optimizer="adam", lr=0.0123, momentum=0.8, nesterov=True, beta1=0.85, beta2=0.995, epsilon=1e-7,
        lr_decay=0.96, decay_steps=100, staircase=True, ema=0.99,
        steps=1234, batch_size=16, log_every=50,
    )


# -- round trip -----------------------------------------------------------------------------------
@pytest.mark.parametrize("make", [RunConfig, non_default_config], ids=["defaults", "every-field-changed"])
def test_json_round_trip_is_exact(make):
    config = make()
    text = config.to_json()
    again = RunConfig.from_json(text)
    assert again == config
    assert again.to_json() == text
    raw = json.loads(text)
    assert set(raw) == {"data", "model", "loss", "optimizer", "schedule"}  # nested by section
    assert raw["model"]["hidden"] == list(config.model.hidden)


def test_json_round_trip_keeps_none_and_float_values():
    config = RunConfig().replace(lr=0.1, lr_decay=None, samples=None)
    again = RunConfig.from_json(config.to_json())
    assert again.optimizer.lr == 0.1 and type(again.optimizer.lr) is float
    assert again.optimizer.lr_decay is None and again.data.samples is None


def test_save_and_load_through_a_file(tmp_path):
    config = non_default_config()
    path = tmp_path / "run.json"
    path.write_text(config.to_json(), encoding="utf-8")
    assert RunConfig.load(path) == config
    assert RunConfig.load(str(path)) == config


def test_missing_keys_and_sections_take_defaults():
    config = RunConfig.from_json('{"optimizer": {"lr": 0.1}}')
    assert config == RunConfig().replace(lr=0.1)
    assert RunConfig.from_json("{}") == RunConfig()


def test_an_integer_is_accepted_for_a_float_setting():
    config = RunConfig.from_json('{"optimizer": {"lr": 1}}')
    assert config.optimizer.lr == 1.0 and type(config.optimizer.lr) is float


def test_copy_is_deep():
    config = non_default_config()
    copy = config.copy()
    assert copy == config
    copy.model.hidden.append(3)
    assert config.model.hidden == [8, 4, 2]


# -- replace --------------------------------------------------------------------------------------
def test_replace_changes_only_the_named_fields_and_returns_a_copy():
    base = RunConfig()
    changed = base.replace(lr=0.5, hidden=[8, 8], dataset="xor")
    assert (changed.optimizer.lr, changed.model.hidden, changed.data.dataset) == (0.5, [8, 8], "xor")
    assert base == RunConfig()  # untouched
    expected = RunConfig().to_dict()
    expected["optimizer"]["lr"], expected["model"]["hidden"], expected["data"]["dataset"] = 0.5, [8, 8], "xor"
    assert changed.to_dict() == expected


def test_replace_validates_and_leaves_the_original_alone():
    base = RunConfig()
    with pytest.raises(ConfigError) as info:
        base.replace(lr=-1.0)
    assert info.value.option == "--lr"
    assert base.optimizer.lr == 0.001


# -- validation: every error names its option ---------------------------------------------------------
INVALID_VALUES = [
    ("dataset", "moons", "--dataset"),
    ("activation", "softplus", "--activation"),
    ("loss", "hinge", "--loss"),
    ("optimizer", "lbfgs", "--optimizer"),
    ("lr", math.nan, "--lr"),
    ("lr", math.inf, "--lr"),
    ("lr", -math.inf, "--lr"),
    ("lr", -0.1, "--lr"),
    ("lr", 0.0, "--lr"),
    ("batch_size", 0, "--batch-size"),
    ("batch_size", -8, "--batch-size"),
    ("samples", 0, "--samples"),
    ("samples", 100_001, "--samples"),
    ("hidden", [0], "--hidden"),
    ("hidden", [4, 0, 4], "--hidden"),
    ("hidden", [257], "--hidden"),
    ("hidden", [2] * 9, "--hidden"),
    ("beta1", 1.0, "--beta1"),
    ("beta2", 1.0, "--beta2"),
    ("beta1", -0.1, "--beta1"),
    ("momentum", 1.0, "--momentum"),
    ("epsilon", 0.0, "--epsilon"),
    ("l1", -0.01, "--l1"),
    ("l2", math.nan, "--l2"),
    ("ema", 1.0, "--ema"),
    ("lr_decay", 0.0, "--lr-decay"),
    ("decay_steps", 0, "--decay-steps"),
    ("data_seed", -1, "--data-seed"),
    ("data_seed", 2**32, "--data-seed"),
    ("init_stddev", 0.0, "--init-stddev"),
    ("noise", -0.1, "--noise"),
    ("steps", -1, "--steps"),
    ("log_every", 0, "--log-every"),
]


@pytest.mark.parametrize("field, value, option", INVALID_VALUES,
                         ids=[f"{f}={v!r}" for f, v, _ in INVALID_VALUES])
def test_invalid_value_raises_config_error_naming_the_option(field, value, option):
    with pytest.raises(ConfigError) as info:
        RunConfig().replace(**{field: value})
    assert info.value.option == option
    assert str(info.value).startswith(option + ": ")


def test_trainer_refuses_a_config_made_invalid_after_construction():
    config = RunConfig()
    config.schedule.batch_size = 0
    with pytest.raises(ConfigError) as info:
        Trainer(config)
    assert info.value.option == "--batch-size"


WRONG_TYPES = [
    ('{"optimizer": {"lr": "0.1"}}', "--lr"),  # string for a float
    ('{"optimizer": {"lr": true}}', "--lr"),  # bool for a float
    ('{"optimizer": {"lr": null}}', "--lr"),  # null where None is not allowed
    ('{"schedule": {"batch_size": 8.0}}', "--batch-size"),  # float for an int
    ('{"schedule": {"steps": true}}', "--steps"),  # bool for an int
    ('{"data": {"samples": 30.5}}', "--samples"),
    ('{"model": {"hidden": [8, 8.0]}}', "--hidden"),
    ('{"model": {"hidden": 8}}', "--hidden"),
    ('{"model": {"hidden": [true]}}', "--hidden"),
    ('{"model": {"bias": 1}}', "--bias"),  # int for a bool
    ('{"model": {"activation": 3}}', "--activation"),
    ('{"optimizer": {"nesterov": "yes"}}', "--nesterov"),
    ('{"optimizer": {"lr": NaN}}', "--lr"),  # Python's json accepts NaN / Infinity literals
    ('{"optimizer": {"lr": Infinity}}', "--lr"),
]


@pytest.mark.parametrize("text, option", WRONG_TYPES, ids=[t for t, _ in WRONG_TYPES])
def test_wrong_type_in_json_names_the_option(text, option, tmp_path):
    with pytest.raises(ConfigError) as info:
        RunConfig.from_json(text)
    assert info.value.option == option
    # loaded from a file, the option stays the setting's own flag
    path = tmp_path / "run.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        RunConfig.load(path)
    assert info.value.option == option


BAD_DOCUMENTS = {
    "unknown-section": '{"training": {}}',
    "unknown-key": '{"optimizer": {"learning_rate": 0.1}}',
    "section-not-object": '{"optimizer": 3}',
    "top-level-list": "[1, 2]",
    "top-level-string": '"lr=0.1"',
    "top-level-null": "null",
    "corrupt": '{"optimizer": {"lr": 0.1,}}',
    "truncated": '{"optimizer": {"lr": 0.1}',
    "empty": "",
}


@pytest.mark.parametrize("name", list(BAD_DOCUMENTS))
def test_bad_config_file_raises_config_error_naming_config(name, tmp_path):
    path = tmp_path / "run.json"
    path.write_text(BAD_DOCUMENTS[name], encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        RunConfig.load(path)
    assert info.value.option == "--config"
    assert str(path) in info.value.message


@pytest.mark.parametrize("name", list(BAD_DOCUMENTS))
def test_bad_json_document_raises_config_error(name):
    with pytest.raises(ConfigError):
        RunConfig.from_json(BAD_DOCUMENTS[name])


def test_missing_file_names_config(tmp_path):
    path = tmp_path / "nope.json"
    with pytest.raises(ConfigError) as info:
        RunConfig.load(path)
    assert info.value.option == "--config"
    assert "nope.json" in info.value.message


def test_unreadable_file_names_config(tmp_path):
    path = tmp_path / "binary.json"
    path.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(ConfigError) as info:
        RunConfig.load(path)
    assert info.value.option == "--config"
    with pytest.raises(ConfigError) as info:
        RunConfig.load(tmp_path)  # a directory
    assert info.value.option == "--config"


def test_config_error_is_a_value_error():
    with pytest.raises(ValueError):
        RunConfig().replace(lr=0.0)


@pytest.mark.parametrize("dataset", ["xor", "gauss", "spiral"])
def test_playground_noise_limit_is_a_config_error(dataset):
    # validate() must catch what make_dataset would refuse, so that no front end gets past it
    with pytest.raises(ConfigError) as info:
        RunConfig().replace(dataset=dataset, noise=1.0)
    assert info.value.option == "--noise"


def test_playground_noise_within_limit_builds_a_trainer():
    Trainer(RunConfig().replace(dataset="xor", noise=0.5))


def test_the_settings_registry_describes_every_field_once():
    from bpviz.engine.settings import SETTINGS

    flat = RunConfig().flat()
    assert sorted(flat) == sorted(SETTINGS)
    for name, value in flat.items():
        assert SETTINGS[name].default == value, name


def test_config_error_names_the_field_and_the_flag():
    with pytest.raises(ConfigError) as info:
        RunConfig().replace(rms_decay=1.5)
    assert (info.value.option, info.value.field) == ("--rms-decay", "rms_decay")
    assert str(info.value) == "--rms-decay: must be in [0, 1], got 1.5"


def test_the_registry_lists_its_texts_for_translators():
    from bpviz.engine.settings import translatable_texts

    texts = translatable_texts()
    assert {"Learning rate", "Decay the learning rate", "Linear (none)", "default"} <= set(texts["settings"])
    assert {"RMSProp ms", "RMSProp mg", "Adagrad accumulator", "gradient descent"} <= set(texts["optimizers"])
    assert any(text.startswith("RMSProp (centered): ") and "{rho}" in text for text in texts["optimizers"])
