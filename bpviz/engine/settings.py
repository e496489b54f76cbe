"""Every setting of a run, described once.

For each `RunConfig` field: its type, range, default, the label the desktop panel shows, the
CLI flag and help, whether a running trainer can take a new value, and when the setting
applies.  The CLI's options, the panel's widgets and `RunConfig.validate` are generated from
this list, so a range or a default is written here and nowhere else.

Labels and help texts are English; the desktop app translates them in the "settings" context.
"""
from __future__ import annotations

import math
from dataclasses import replace
from types import SimpleNamespace
from collections.abc import Callable, Mapping

from .datasets import (DATASET_CODE, DATASETS, DEFAULT_DATA_SEED, DEFAULT_SAMPLES, DRAWS, IMPORTED_LABEL_RULE,
                       LABEL_RULES, MAX_DATA_SEED, MAX_JITTER, MAX_SAMPLES, N_CLASSES,
                       PARABOLA, PLAYGROUND_MAX_NOISE, PLAYGROUND_SETS, REGRESSION_SETS, RUN_DATASETS, size_and_seed)
from .activations import ACTIVATIONS as ACTIVATION_KINDS
from .features import FEATURES
from .features import DEFAULT as DEFAULT_FEATURES
from .features import check as check_features
from .losses import LOSSES as LOSS_KINDS
from .points import arrays as point_arrays
from .points import check_points
from .optimizers import OPTIMIZERS
from .file_reading import short_repr
from .setting import ConfigError, Setting, option_name  # noqa: F401  (ConfigError: re-exported)

MAX_LAYER_WIDTH = 256
MAX_HIDDEN_LAYERS = 8
# Every step keeps its loss (4 bytes) and every logged step about 100 bytes: at this bound a run keeps at
# most 40 MB of batch losses (about 1 GB more if it logs every step); see the README's option table.
MAX_STEPS = 10_000_000
ACTIVATIONS = tuple(ACTIVATION_KINDS)
LOSSES = tuple(LOSS_KINDS)


def _optimizer_uses(name: str) -> Callable[[Mapping], bool]:
    return lambda values: name in OPTIMIZERS[values["optimizer"]].hyperparameters


def _noise_high(values: Mapping) -> float:
    # Playground's generators take a noise fraction; the tutorial's sets take a jitter scale
    return PLAYGROUND_MAX_NOISE if values.get("dataset") in PLAYGROUND_SETS else MAX_JITTER


def _generated(values: Mapping) -> bool:
    return values.get("points") is None


def _cost_profit(values: Mapping) -> bool:
    return values.get("loss") == "cost-profit"


def _decaying(values: Mapping) -> bool:
    return values.get("lr_decay") is not None


# -- the code behind a setting (tooltips): the tutorial's TF1 lines with the run's values --------------

def _n(values: Mapping) -> int:
    return size_and_seed(values.get("dataset", "seed"), values.get("samples"), None)[0]


def _dataset_code(values: Mapping) -> str:
    return DATASET_CODE.get(values.get("dataset"), "")


def _seed_code(values: Mapping) -> str:
    seed = size_and_seed(values.get("dataset", "seed"), None, values.get("data_seed"))[1]
    return f"rng = np.random.RandomState({seed})"


def _cost_profit_code(values: Mapping) -> str:
    return f"COST = {values['cost']:g}; PROFIT = {values['profit']:g}; {LOSS_KINDS['cost-profit'].code}"


def _draw_code(values: Mapping) -> str:
    draw = DRAWS.get(values.get("dataset"))
    return f"X = rng.{draw}({_n(values)}, 2)" if draw else ""


def _noise_code(values: Mapping) -> str:
    return f"X = X + {values['noise']:g} * rng.randn({_n(values)}, 2)" if values.get("dataset") in DRAWS else ""


def _outputs(values: Mapping) -> int:
    return LOSS_KINDS[values["loss"]].outputs(classes_of(values))


def _layer_code(values: Mapping) -> str:
    sizes = [len(values["features"]), *values["hidden"], _outputs(values)]
    return "; ".join(f"w{k} = tf.Variable(tf.random_normal([{a}, {b}], stddev={values['init_stddev']:g}, "
                     f"seed={values['init_seed']}))" for k, (a, b) in enumerate(zip(sizes, sizes[1:]), 1))


def _activation_code(values: Mapping) -> str:
    return ACTIVATION_KINDS[values["activation"]].code()


def _bias_code(values: Mapping) -> str:
    width = (values["hidden"] or [_outputs(values)])[0]
    return f"b1 = tf.Variable(tf.zeros([{width}])); z1 = tf.matmul(x, w1) + b1"


def _loss_code(values: Mapping) -> str:
    return LOSS_KINDS[values["loss"]].code


def _optimizer_code(values: Mapping) -> str:
    o = SimpleNamespace(**values)
    return f"train_step = {OPTIMIZERS[values['optimizer']].tf1_call(o, repr(values['lr']))}.minimize(loss)"


def _owner_code(owner: str) -> Callable[[Mapping], str]:
    """The TF1 call of the optimizer that introduces a setting, whichever optimizer is chosen now."""
    def code(values: Mapping) -> str:
        if values["optimizer"] != owner:  # (shown only with its owner; elsewhere the owner's defaults)
            values = {**values, **OPTIMIZERS[owner].defaults, "optimizer": owner}
        return _optimizer_code(values)
    return code


def _decay_code(values: Mapping) -> str:
    rate = values["lr_decay"] if values.get("lr_decay") is not None else SETTINGS["lr_decay"].toggle[3]
    return (f"learning_rate = tf.train.exponential_decay({values['lr']!r}, global_step, {values['decay_steps']}, "
            f"{rate!r}, staircase={values['staircase']})")


def _batch_code(values: Mapping) -> str:
    b = values["batch_size"]
    return (f"start = (i * {b}) % {_n(values)}; end = start + {b}; "
            "sess.run(train_step, feed_dict={x: X[start:end], …})")


_SETTINGS = [
    # -- data
    Setting("points", "data", "points", None, "Your data",
            "A CSV file of your own points: a header x0,x1,label (classes 0, 1, ...) or x0,x1,y (numbers), then "
            "one point per line; the points are kept in the configuration and in sessions",
            optional=True, metavar="FILE.csv", panel=None, cli_flag="--data"),
    Setting("dataset", "data", "choice", "seed", "Dataset",
            "The training points; seed is the tutorial's 32 random points labelled x0 + x1 < 1",
            applies=_generated,
            choices=RUN_DATASETS, choice_labels={"seed": "Tutorial: x0 + x1 < 1", "circle": "Circle", "xor": "XOR",
                                                 "gauss": "Two Gaussians", "spiral": "Spiral",
                                                 "sectors": "Three sectors (3 classes)",
                                                 "sales": "Sales: y ≈ x0 + x1 (regression)",
                                                 "reg-plane": "Plane (regression)",
                                                 "reg-gauss": "Six Gaussians (regression)",
                                                 "parabola": "Parabola (w+1)²: one weight"},
            # the window draws points in a plane; the parabola is in Compare
            panel_choices=DATASETS, code=_dataset_code),
    Setting("samples", "data", "int", None, "Samples", "Number of training points (the dataset's default)",
            low=1, high=MAX_SAMPLES, optional=True, metavar="N", applies=_generated, code=_draw_code),
    Setting("noise", "data", "float", 0.0, "Noise", "Random jitter added to the points",
            low=0.0, high=_noise_high, metavar="F", panel="spin", spin_step=0.05, example="0.1", applies=_generated,
            code=_noise_code),
    Setting("data_seed", "data", "int", None, "Data seed",
            "Seed of the data generator; empty: the dataset's default", low=0, high=MAX_DATA_SEED, optional=True,
            metavar="S", applies=_generated, code=_seed_code),
    Setting("test_ratio", "data", "float", 0.0, "Test share",
            "Share of the points held out to test on: the last ⌊share × n⌋ in the data set's order",
            low=0.0, high=1.0, high_open=True, metavar="F", panel="spin", spin_step=0.1, example="0.2",
            code="X_test = X[n − ⌊{test_ratio:g} × n⌋:]"),
    # -- model
    Setting("features", "model", "features", DEFAULT_FEATURES, "Features",
            f"The network's inputs, separated by commas, from {', '.join(FEATURES)}",
            choices=tuple(FEATURES), metavar="F[,F...]"),
    Setting("hidden", "model", "widths", [3], "Hidden layers",
            "Neurons per hidden layer, separated by commas: 3 is the tutorial's 2-3-1 network, 8,8 has two "
            "layers of 8; none: no hidden layer", low=1, high=MAX_LAYER_WIDTH, metavar="W[,W...]", code=_layer_code),
    Setting("activation", "model", "choice", "linear", "Activation",
            "Function applied after each hidden layer; the tutorial has none (linear)", choices=ACTIVATIONS,
            choice_labels={name: cls.label for name, cls in ACTIVATION_KINDS.items()}, code=_activation_code),
    Setting("bias", "model", "bool", False, "Biases", "Add a bias vector to every layer (starting at zero)",
            code=_bias_code),
    Setting("init_seed", "model", "int", 1, "Init seed", "Op seed of tf.random_normal for the initial weights",
            low=0, high=2**63 - 1, metavar="S", code=_layer_code),
    Setting("init_stddev", "model", "float", 1.0, "Init stddev", "Standard deviation of the initial weights",
            low=0.0, high=100.0, low_open=True, metavar="F", example="1.0", code=_layer_code),
    Setting("init_value", "model", "float", None, "Init value",
            "Start every weight at this value instead of random normal values (the parabola's w starts at 5)",
            low=-1e6, high=1e6, optional=True, metavar="F", example="5", panel=None),
    # -- loss
    Setting("loss", "loss", "choice", "mse", "Loss", "The loss function; mean squared error is the tutorial's",
            choices=LOSSES, choice_labels={name: cls.label for name, cls in LOSS_KINDS.items()}, code=_loss_code),
    Setting("cost", "loss", "float", 1.0, "Cost", "cost-profit: what each unit predicted too much costs",
            low=0.0, high=1e6, applies=_cost_profit, metavar="C", example="1",
            code=_cost_profit_code),
    Setting("profit", "loss", "float", 9.0, "Profit", "cost-profit: the profit lost on each unit predicted too "
            "little", low=0.0, high=1e6, applies=_cost_profit, metavar="P", example="9",
            code=_cost_profit_code),
    Setting("l1", "loss", "float", 0.0, "L1 scale", "L1 regularisation: scale × sum |w| is added to the loss",
            low=0.0, high=1e6, metavar="F", example="0.01",
            code="loss = loss + {l1!r} * tf.reduce_sum(tf.abs(w))  # tf.contrib.layers.l1_regularizer"),
    Setting("l2", "loss", "float", 0.0, "L2 scale", "L2 regularisation (TF's l2_loss: scale × sum w² / 2)",
            low=0.0, high=1e6, metavar="F", example="0.01",
            code="loss = loss + {l2!r} * tf.nn.l2_loss(w)  # tf.contrib.layers.l2_regularizer"),
    # -- optimizer
    Setting("optimizer", "optimizer", "choice", "gd", "Optimizer",
            "The update rule; the tutorial uses plain gradient descent", choices=tuple(OPTIMIZERS),
            choice_labels={name: cls.label for name, cls in OPTIMIZERS.items()}, code=_optimizer_code),
    Setting("lr", "optimizer", "float", 0.001, "Learning rate",
            "Step size, e.g. 0.001 or 1e-5; a new value applies from the next step, without a reset",
            low=0.0, high=1e6, low_open=True, live=True, metavar="F", code=_optimizer_code),
    # the settings the optimizer modules introduce (momentum, β1, ...), each shown only for the optimizers using it
    *(replace(setting, applies=_optimizer_uses(setting.name), code=_owner_code(cls.name))
      for cls in OPTIMIZERS.values() for setting in cls.settings),
    Setting("lr_decay", "optimizer", "float", None, "Decay rate",
            "Exponential decay of the learning rate: factor per decay period, in (0, 1]",
            low=0.0, high=1.0, low_open=True, optional=True, metavar="RATE", example="0.96",
            toggle=("decay_on", "Decay the learning rate", "TF's exponential_decay: lr × rate^(step / decay steps)",
                    0.96), code=_decay_code),
    Setting("decay_steps", "optimizer", "int", 1, "Decay steps", "Length of a decay period in steps",
            low=1, high=2**31 - 1, applies=_decaying, metavar="N", code=_decay_code),
    Setting("staircase", "optimizer", "bool", False, "Staircase", "Decay in whole periods instead of smoothly",
            applies=_decaying, code=_decay_code),
    Setting("ema", "optimizer", "float", None, "Moving average", "Exponential moving average of the weights",
            low=0.0, high=1.0, high_open=True, optional=True, metavar="DECAY", example="0.99", panel=None,
            code="ema = tf.train.ExponentialMovingAverage({ema}, global_step)"),
    # -- schedule
    Setting("steps", "schedule", "int", 3000, "Target steps",
            "Training steps; where “Run to target” stops (0 only initialises)", low=0, high=MAX_STEPS, live=True,
            metavar="N", code="STEPS = {steps}; for i in range(STEPS): …"),
    Setting("batch_size", "schedule", "int", 8, "Batch size",
            "Points per update; the tutorial takes 8 at a time, in order", low=1, high=MAX_SAMPLES, metavar="B",
            code=_batch_code),
    Setting("log_every", "schedule", "int", 500, "Log every",
            "The loss on all data is computed (and printed, and marked on the plot) every this many steps",
            low=1, high=10**9, metavar="K",
            code="if i % {log_every} == 0: total_loss = sess.run(loss, feed_dict={{x: X, y_: Y_}}); print(…)"),
]

SETTINGS: dict[str, Setting] = {s.name: s for s in _SETTINGS}
SECTION_NAMES = ("data", "model", "loss", "optimizer", "schedule")
LIVE_SETTINGS = frozenset(s.name for s in _SETTINGS if s.live)


def in_section(section: str) -> list[Setting]:
    return [s for s in _SETTINGS if s.section == section]


def default(name: str):
    """The registry default of a field, as a fresh value (lists are copied)."""
    value = SETTINGS[name].default
    return list(value) if isinstance(value, list) else value


def dataset_default_text(name: str, dataset: str) -> str | None:
    """What a None sample count or data seed stands for with this dataset."""
    if name == "samples":
        return str(DEFAULT_SAMPLES[dataset])
    if name == "data_seed":
        return str(DEFAULT_DATA_SEED[dataset])
    return None


def translatable_texts() -> dict[str, list[str]]:
    """Every text the desktop app shows from the registry and the descriptor modules, by translation
    context ("settings", "optimizers", "datasets"), for making a translation file (they are not in any tr() call)."""
    from .activations import ACTIVATIONS as kinds

    settings_texts, optimizer_texts = [], []
    for s in _SETTINGS:
        settings_texts += [s.label, s.help, *s.choice_labels.values()]
        if s.toggle:
            settings_texts += [s.toggle[1], s.toggle[2]]
    settings_texts += [cls.title for cls in kinds.values()] + ["default", "none"]
    def collect(text: str) -> str:
        optimizer_texts.append(text)
        return text

    for cls in OPTIMIZERS.values():
        optimizer_texts += [cls.title] + [text for slot in cls.slots for text in (slot.label, slot.caption)]
        if hasattr(cls, "centered_slot"):
            optimizer_texts += [cls.centered_slot.label, cls.centered_slot.caption]
        for switch in (False, True):  # each wording of the rule (Nesterov, centered)
            hyper = {s.name: (switch if s.kind == "bool" else s.default) for s in _SETTINGS if s.section == "optimizer"}
            cls.rule(hyper, str, collect)
    datasets = [*LABEL_RULES.values(), IMPORTED_LABEL_RULE]
    return {"settings": sorted(set(settings_texts)), "optimizers": sorted(set(optimizer_texts)),
            "datasets": sorted(set(datasets))}


# -- validation ---------------------------------------------------------------------------

def validate(values: Mapping) -> None:
    """Check every field of a flat configuration (field -> value); raise the first ConfigError."""
    for setting in _SETTINGS:
        check(setting, values[setting.name], values)
    if values["dataset"] == PARABOLA and values.get("points") is None:
        if values["hidden"] or values["bias"] or values["loss"] != "mse":
            raise ConfigError("--dataset", "the parabola trains one weight w on (w+1)²: it takes no hidden layers "
                                           "(--hidden none), no --bias and --loss mse", "dataset")
        if values["samples"] not in (None, 1) or values["noise"]:
            raise ConfigError("--dataset", "the parabola is one fixed sample: no --samples or --noise", "dataset")
        if values["test_ratio"]:
            raise ConfigError("--dataset", "the parabola is one fixed sample: no --test-ratio", "dataset")
        if list(values["features"]) != list(DEFAULT_FEATURES):
            raise ConfigError("--dataset", "the parabola's single input is fixed: no --features", "dataset")
    LOSS_KINDS[values["loss"]].check(classes_of(values))


def classes_of(values: Mapping) -> int:
    """How many classes the run's data has (0: it is a regression, as is the parabola)."""
    if values.get("points") is not None:
        return point_arrays(values["points"])[2]
    name = values["dataset"]
    return 0 if name in REGRESSION_SETS or name == PARABOLA else N_CLASSES.get(name, 2)


def check(setting: Setting, value, values: Mapping) -> None:
    def fail(message):
        raise ConfigError(setting.flag, message, setting.name)

    if value is None and setting.optional:
        return
    kind = setting.kind
    if kind == "choice":
        if value not in setting.choices:
            fail(f"unknown value {short_repr(value)} (choose from {', '.join(setting.choices)})")
    elif kind == "bool":
        if not isinstance(value, bool):
            fail(f"expected true or false, got {short_repr(value)}")
    elif kind == "int":
        _check_int(fail, value, setting.low, setting.high_for(values))
    elif kind == "points":
        problem = check_points(value)
        if problem:
            fail(problem)
    elif kind == "features":
        problem = check_features(value)
        if problem:
            fail(problem)
    elif kind == "widths":
        if not isinstance(value, list):
            fail(f"expected a list of layer widths, got {short_repr(value)}")
        if len(value) > MAX_HIDDEN_LAYERS:
            fail(f"at most {MAX_HIDDEN_LAYERS} hidden layers, got {len(value)}")
        for width in value:
            _check_int(fail, width, setting.low, setting.high_for(values))
    else:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            fail(f"expected a finite number, got {short_repr(value)}")
        low, high = setting.low, setting.high_for(values)
        too_low = value <= low if setting.low_open else value < low
        too_high = value >= high if setting.high_open else value > high
        if too_low or too_high:
            fail(f"must be in {setting.range_text(values)}, got {value:g}")


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_int(fail, value, low, high) -> None:
    if not _is_int(value):
        fail(f"expected an integer, got {short_repr(value)}")
    if not low <= value <= high:
        fail(f"must be between {low} and {high}, got {value}")
