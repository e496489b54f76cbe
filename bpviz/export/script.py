"""A run as code: a standalone NumPy script that reproduces it, and the TensorFlow 1 code for it.

`numpy_script(trainer)` writes a readable transcription of bpviz's engine — data, forward,
loss, backward, update — in the tutorial's four parts (准备 / 前传 / 反传 / 迭代).  It needs
only NumPy, embeds the initial weights bit for bit, does every float32 operation in the
engine's order, and prints what `bpviz train` prints.

`tf1_script(trainer)` writes the same run the way the tutorial writes TensorFlow 1 code
(placeholders, `tf.Variable(tf.random_normal(..., seed=...))`, an optimizer's `minimize`,
a session loop printing every K steps).

No Qt, no engine internals: only the configuration, the initial weights, the data and the
recorded edits of a `Trainer`.
"""
from __future__ import annotations

import numpy as np

from .. import __version__
from ..atomic import write_text
from ..engine.activations import ACTIVATIONS
from ..engine.config import RunConfig
from ..engine.datasets import size_and_seed
from ..engine.optimizers import OPTIMIZERS
from ..engine.run_summary import describe
from ..engine.settings import SETTINGS, option_name

_BAR = "# " + "=" * 88


# -- literals -----------------------------------------------------------------------------

def f32_literal(value) -> str:
    """Python source for a float whose conversion to float32 gives exactly `value`.

    The shortest decimal when it reads back bit for bit (almost always), else the exact hex."""
    v = np.float32(value)
    if not np.isfinite(v):
        return f"float({str(v)!r})"
    text = str(v)
    if np.float32(float(text)).view(np.uint32) == v.view(np.uint32):
        return text
    return f"float.fromhex({float(v).hex()!r})"


def array_literal(a: np.ndarray, indent: int) -> str:
    """`np.array([...], dtype=np.float32)` source for a 1-D or 2-D float32 array, one row a line."""
    a = np.asarray(a, np.float32)
    pad = " " * (indent + len("np.array(["))
    if a.ndim == 1:
        body = "[" + ", ".join(f32_literal(v) for v in a) + "]"
    else:
        rows = ["[" + ", ".join(f32_literal(v) for v in row) + "]" for row in a]
        body = "[" + (",\n" + pad).join(rows) + "]"
    return f"np.array({body}, dtype=np.float32)"


def cli_args(config: RunConfig) -> list[str]:
    """`bpviz train` options that give this configuration (only those that differ from the defaults)."""
    flat = config.flat()
    args = []
    for values in config.to_dict().values():
        for key, value in values.items():
            if value == SETTINGS[key].default_for(flat):
                continue
            flag = option_name(key)
            if isinstance(value, bool):
                args.append(flag)  # the store_true options; False is the default
            elif isinstance(value, list):
                args += [flag, ",".join(map(str, value)) or "none"]
            elif value is not None:
                args += [flag, repr(value) if isinstance(value, float) else str(value)]
    return args


def _data_lines(trainer) -> list[str]:
    """Source that builds X (n, 2) and Y (n, 1) as the run's data set."""
    d = trainer.config.data
    n, seed = size_and_seed(d.dataset, d.samples, d.data_seed)
    out = []
    if d.dataset in ("seed", "circle"):
        draw, rule, words = {
            "seed": ("rand", "x0 + x1 < 1", "x0 + x1 < 1 (the tutorial's 体积 + 重量 < 1)"),
            "circle": ("randn", "x0 * x0 + x1 * x1 < 2", "inside the circle x0² + x1² < 2"),
        }[d.dataset]
        out += [
            f"seed = {seed}",
            "# 基于 seed 产生随机数: random numbers from the seed",
            "rng = np.random.RandomState(seed)",
            f"X = rng.{draw}({n}, 2)",
            f"# label 1 where {words}, else 0",
            f"Y = [[int({rule})] for (x0, x1) in X]",
        ]
        if d.noise:
            out += ["# noise: jitter the inputs (the labels stay those of the clean points)",
                    f"X = X + {d.noise!r} * rng.randn({n}, 2)"]
        return out
    labels = "".join(str(int(v)) for v in trainer.dataset.Y.ravel())
    out += [
        f"# the {d.dataset!r} data set as TensorFlow Playground makes it (src/dataset.ts; noise {d.noise:g},",
        f"# bpviz's data seed {seed}, then shuffled as Playground does), written out so that this",
        "# script needs nothing but NumPy. These are the float32 values the network sees.",
        "X = " + array_literal(trainer.X, len("X = ")),
        "Y = [[int(c)] for c in (",
    ]
    for k in range(0, len(labels), 80):
        out.append(f"    {labels[k:k + 80]!r}")
    out.append(")]")
    return out


def _steps(trainer, steps: int | None) -> int:
    return trainer.config.schedule.steps if steps is None else steps


# -- the NumPy script -----------------------------------------------------------------------

class UnsupportedRun(ValueError):
    """The scripts cannot write this run yet (a loss or data set they have no code for)."""


def check_supported(config: RunConfig) -> None:
    """Raise UnsupportedRun unless the scripts can reproduce this run."""
    if config.loss.loss not in ("mse", "sigmoid-ce"):
        raise UnsupportedRun(f"scripts are written for the mse and sigmoid-ce losses, not {config.loss.loss}")
    if config.data.points is not None:
        raise UnsupportedRun("scripts are written for the generated data sets, not imported points")
    if config.data.dataset not in ("seed", "circle", "xor", "gauss", "spiral"):
        raise UnsupportedRun(f"scripts are written for two-class data sets, not {config.data.dataset}")
    if config.data.test_ratio:
        raise UnsupportedRun("scripts train on every point: they have no test split")
    if config.model.features != ["x0", "x1"]:
        raise UnsupportedRun("scripts feed the points themselves: they have no feature inputs")


def numpy_script(trainer, steps: int | None = None) -> str:
    """Python source (NumPy only) that replays the run for `steps` updates (default: the
    configuration's) and prints what `bpviz train` prints, number for number."""
    cfg = trainer.config
    check_supported(cfg)
    m, lc, o, s = cfg.model, cfg.loss, cfg.optimizer, cfg.schedule
    L = len(m.hidden) + 1
    names = list(trainer.weights())
    initial = trainer.weights(trainer.initial_params)
    act = m.activation
    optimizer = OPTIMIZERS[o.optimizer]
    decay = o.lr_decay is not None
    edits = [e for e in trainer.edits if e.step <= _steps(trainer, steps)]
    args = " ".join(["bpviz train", *cli_args(cfg)])
    a = [f"a{i}" for i in range(L)] + ["y"]  # a[0] is the input x, a[L] the output y

    lines = [
        "#!/usr/bin/env python3",
        '"""A bpviz run, reproduced with NumPy alone.',
        "",
        f"Written by bpviz {__version__} (`bpviz train --export-script`). Run it with plain Python;",
        "it needs NumPy only. It prints what",
        "",
        f"    {args}",
        "",
        "prints: the initial weights, the loss on all data every LOG_EVERY steps, the final weights.",
        "Every number is float32 and every operation is done in the order bpviz's engine does it",
        "(following TensorFlow 1's formulas), so the printed numbers are the same.",
        "",
        "The run:",
        *[f"    {line}" for line in describe(cfg)],
    ]
    if edits:
        lines.append(f"    live edits: {len(edits)} (replayed at the steps they were made; see EDITS)")
    lines += [
        '"""',
        "import numpy as np",
        "",
        "f32 = np.float32  # TensorFlow computes in float32, and so does every line below",
        "",
        _BAR,
        "# 0. 准备 (prepare): the data set and the settings",
        _BAR,
        f"BATCH_SIZE = {s.batch_size}",
        *_data_lines(trainer),
        "# what TF's float32 placeholders hold once X and Y are fed to them",
        "X = np.array(X, dtype=np.float32)",
        "Y = np.array(Y, dtype=np.float32)",
        "N = len(X)",
        "",
        f"STEPS = {_steps(trainer, steps)}",
        f"LOG_EVERY = {s.log_every}",
        f"LEARNING_RATE = {o.lr!r}",
    ]
    if decay:
        lines += [f"DECAY_RATE = {o.lr_decay!r}  # tf.train.exponential_decay",
                  f"DECAY_STEPS = {o.decay_steps}"]
    lines += optimizer.numpy_settings(o)
    if lc.l2:
        lines.append(f"L2 = f32({lc.l2!r})  # regularisation scale: L2 * sum(w**2) / 2 per weight matrix")
    if lc.l1:
        lines.append(f"L1 = f32({lc.l1!r})  # regularisation scale: L1 * sum(|w|) per weight matrix")
    if o.ema is not None:
        lines.append(f"EMA_DECAY = f32({o.ema!r})  # tf.train.ExponentialMovingAverage")

    # -- 1. forward
    lines += [
        "",
        _BAR,
        "# 1. 前传 (forward): the parameters and the forward pass",
        _BAR,
    ]
    as_drawn = np.array_equal(trainer.initial_params, trainer.net.initial_params(m.init_seed, m.init_stddev))
    for i in range(1, L + 1):
        name = f"w{i}"
        shape = list(initial[name].shape)
        lines += [
            f"# {name} = tf.Variable(tf.random_normal({shape}, stddev={m.init_stddev:g}, seed={m.init_seed})),"
            + (" as TF draws it" if as_drawn else " (the run's initial values)"),
            f"{name} = " + array_literal(initial[name], len(name) + 3),
        ]
    if m.bias:
        lines.append("# biases, starting at zero")
        for i in range(1, L + 1):
            lines.append(f"b{i} = np.zeros({initial[f'b{i}'].shape[0]}, dtype=np.float32)")
    lines += [
        "# every parameter by name; the updates below change these arrays in place",
        "params = {" + ", ".join(f'"{n}": {n}' for n in names) + "}",
        "",
        "",
        "def forward(x):",
        f'    """The activations of every layer for the inputs x: [x, {", ".join(a[1:])}]."""',
        "    a0 = x",
    ]
    for i in range(1, L + 1):
        z = f"np.dot({a[i - 1]}, w{i})" + (f" + b{i}" if m.bias else "")
        out = a[i]
        if i == L:
            lines.append(f"    {out} = {z}" + ("  # output layer (linear: the logit)" if lc.loss == "sigmoid-ce"
                                                 else "  # output layer (linear)"))
        elif act == "linear":
            lines.append(f"    {out} = {z}  # hidden layer {i} (linear: no activation)")
        else:
            lines.append(f"    z{i} = {z}")
            lines.append(f"    {out} = " + ACTIVATIONS[act].numpy_forward(f"z{i}"))
    lines += [f"    return [{', '.join(a)}]", ""]
    reg = bool(lc.l1 or lc.l2)
    if reg:
        lines += [
            "",
            "def regularisation():",
            '    """The regularisation term of the loss, over the weight matrices (not the biases)."""',
            "    total = f32(0)",
            f"    for w in ({', '.join(f'w{i}' for i in range(1, L + 1))},):",
            "        v = w.ravel()",
        ]
        if lc.l2:
            lines.append("        total = total + L2 * (np.dot(v, v) * f32(0.5))  # L2 * tf.nn.l2_loss(w)")
        if lc.l1:
            lines.append("        total = total + L1 * np.sum(np.abs(v))  # L1 * tf.reduce_sum(tf.abs(w))")
        lines += ["    return total", ""]
    lines += [
        "",
        "def loss_on(x, y_):",
        '    """The loss TF minimises, on inputs x with labels y_."""',
        "    y = forward(x)[-1]",
    ]
    if lc.loss == "mse":
        lines += [
            "    # loss = tf.reduce_mean(tf.square(y - y_)); the squares are summed as one dot product",
            "    d = (y - y_).ravel()",
            "    loss = np.dot(d, d) / f32(len(x))",
        ]
    else:
        lines += [
            "    # loss = tf.reduce_mean(tf.nn.sigmoid_cross_entropy_with_logits(labels=y_, logits=y)):",
            "    # per sample max(y, 0) - y * y_ + log(1 + exp(-|y|)), then the mean (summed as one dot product)",
            "    per_sample = np.maximum(y, 0) - y * y_ + np.log1p(np.exp(-np.abs(y)))",
            "    loss = np.dot(np.ones(len(x), dtype=np.float32), per_sample.ravel()) / f32(len(x))",
        ]
    if reg:
        lines.append("    loss = loss + regularisation()")
    lines += ["    return loss", ""]

    # -- 2. backward
    lines += [
        "",
        _BAR,
        "# 2. 反传 (backward): the gradient of the loss, layer by layer, and the optimizer",
        _BAR,
        "def gradients(x, y_):",
        '    """d loss / d parameter for every parameter, on the mini-batch (x, y_)."""',
        "    n = f32(len(x))",
        f"    {', '.join(a)} = forward(x)",
    ]
    if lc.loss == "mse":
        lines += ["    # d/dy of mean((y - y_)**2) = 2 * (y - y_) / n",
                  "    grad_y = (y - y_) * (f32(2) * (f32(1) / n))"]
    else:
        lines += ["    # d/dy of the mean sigmoid cross-entropy = (sigmoid(y) - y_) / n",
                  "    grad_y = (1 / (1 + np.exp(-y)) - y_) * (f32(1) / n)"]
    for i in range(L, 0, -1):
        if i == L:
            gz = "grad_y"
            lines.append(f"    # output layer: y = {a[i - 1]} @ w{i}" + (f" + b{i}" if m.bias else ""))
        elif act == "linear":
            gz = f"grad_a{i}"
            lines.append(f"    # hidden layer {i}: a{i} = {a[i - 1]} @ w{i}" + (f" + b{i}" if m.bias else "")
                         + " (linear: the gradient passes through unchanged)")
        else:
            gz = f"grad_z{i}"
            lines.append(f"    # hidden layer {i}: a{i} = {act}(z{i}), z{i} = {a[i - 1]} @ w{i}"
                         + (f" + b{i}" if m.bias else ""))
            lines.append(f"    {gz} = " + ACTIVATIONS[act].numpy_backward(f"grad_a{i}", f"a{i}"))
        lines.append(f"    grad_w{i} = np.dot({a[i - 1]}.T, {gz})")
        if m.bias:
            lines.append(f"    grad_b{i} = {gz}.sum(axis=0)")
        if i > 1:
            lines.append(f"    grad_a{i - 1} = np.dot({gz}, w{i}.T)")
    if reg:
        lines.append("    # the regularisation's share (weight matrices only)")
        for i in range(1, L + 1):
            if lc.l2:
                lines.append(f"    grad_w{i} += w{i} * L2")
            if lc.l1:
                lines.append(f"    grad_w{i} += np.sign(w{i}) * L1")
    lines += ["    return {" + ", ".join(f'"{n}": grad_{n}' for n in names) + "}", ""]

    if decay:
        lines += [
            "",
            "def learning_rate(step):",
            '    """tf.train.exponential_decay(base_lr, global_step=step, DECAY_STEPS, DECAY_RATE'
            + (', staircase=True)."""' if o.staircase else ')."""'),
            "    p = f32(step) / f32(DECAY_STEPS)",
        ]
        if o.staircase:
            lines.append("    p = np.floor(p)  # staircase: decay in whole periods")
        lines += ["    return f32(base_lr) * np.power(f32(DECAY_RATE), p)", ""]
    lines.append("")
    lines += optimizer.numpy_state(o)
    if o.ema is not None:
        lines.append("shadow = {name: w.copy() for name, w in params.items()}  # the moving averages")
    if decay:
        lines.append("base_lr = LEARNING_RATE  # the rate before decay")
    else:
        lines.append("lr = f32(LEARNING_RATE)  # the step size (no decay: constant)")
    if edits:
        lines += [
            "",
            "# the live edits of this run: step -> changes made after that many updates",
            "# ('lr', new learning rate) or (parameter name, index, new value)",
            "EDITS = {",
        ]
        by_step: dict[int, list] = {}
        for e in edits:
            by_step.setdefault(e.step, []).append(
                f"('lr', {e.value!r})" if e.kind == "lr" else f"({e.name!r}, {tuple(e.index)!r}, {e.value!r})")
        for step, changes in by_step.items():
            lines.append(f"    {step}: [{', '.join(changes)}],")
        lines.append("}")

    # -- 3. iterate
    lines += [
        "",
        _BAR,
        "# 3. 迭代 (iterate): train STEPS steps, one mini-batch of BATCH_SIZE samples each",
        _BAR,
        "# the untrained weights, as the tutorial's print(sess.run(w1)) shows them",
        "for w in params.values():",
        "    print(w)",
        "",
        "for i in range(STEPS):",
    ]
    edit_block = [
        "    for change in EDITS.get(i, []):",
        "        if change[0] == 'lr':",
        "            base_lr = change[1]" if decay else "            lr = f32(change[1])",
        "        else:",
        "            name, index, value = change",
        "            params[name][index] = value",
    ]
    if edits:
        lines += edit_block
    lines += [
        "    # the mini-batch: rows start .. start + BATCH_SIZE (cut short at the end of the data)",
        "    start = (i * BATCH_SIZE) % N",
        "    end = start + BATCH_SIZE",
        "    x, y_ = X[start:end], Y[start:end]",
    ]
    if decay:
        lines.append("    lr = learning_rate(i)  # global_step = i: TF increments it after the update")
    lines += optimizer.numpy_before_gradients(o)
    lines.append("    grads = gradients(x, y_)")
    lines += optimizer.numpy_update(o)
    if o.ema is not None:
        lines += ["    # ExponentialMovingAverage(EMA_DECAY, num_updates=global_step), applied after the update",
                  "    n = f32(i + 1)",
                  "    decay = min(EMA_DECAY, (f32(1) + n) / (f32(10) + n))",
                  "    for name, w in params.items():",
                  "        s = shadow[name]",
                  "        s -= (s - w) * (f32(1) - decay)"]
    lines += [
        "    if i % LOG_EVERY == 0:",
        "        total_loss = loss_on(X, Y)",
        '        print("After %d training step(s),loss on all data is %g" % (i, total_loss))',
        "",
    ]
    if edits and any(e.step == _steps(trainer, steps) for e in edits):
        lines += ["# edits made after the last update",
                  "for name, index, value in [c for c in EDITS.get(STEPS, []) if c[0] != 'lr']:",
                  "    params[name][index] = value", ""]
    lines += [
        "# the trained weights",
        "for w in params.values():",
        "    print(w)",
    ]
    if o.ema is not None:
        lines += ["# (the moving averages are in shadow: print(shadow['w1']) ...; bpviz train --json reports",
                  "# them as ema_weights)"]
    return "\n".join(lines) + "\n"


def write_numpy_script(trainer, path, steps: int | None = None) -> None:
    write_text(path, numpy_script(trainer, steps))


# -- TensorFlow 1 ---------------------------------------------------------------------------

def tf1_script(trainer, steps: int | None = None) -> str:
    """TensorFlow 1 source for the run, written the way the tutorial writes it."""
    cfg = trainer.config
    check_supported(cfg)
    m, lc, o, s = cfg.model, cfg.loss, cfg.optimizer, cfg.schedule
    sizes = trainer.net.sizes
    L = len(sizes) - 1
    uses_global_step = o.lr_decay is not None or o.ema is not None
    lines = [
        "#!/usr/bin/env python3",
        "# -*- coding: utf-8 -*-",
        '"""A bpviz run as TensorFlow 1 code, written the way the tutorial writes it.',
        "",
        f"Written by bpviz {__version__} (`bpviz train --export-tf1`) for",
        "",
        f"    {' '.join(['bpviz train', *cli_args(cfg)])}",
        "",
        "The run:",
        *[f"    {line}" for line in describe(cfg)],
        "",
        "Needs TensorFlow 1.x (for TensorFlow 2 replace the import by",
        "`import tensorflow.compat.v1 as tf; tf.disable_v2_behavior()`). TensorFlow prints the same",
        "losses to the digits shown; its weights can differ from bpviz's in the last float32 digit.",
    ]
    if trainer.edits:
        lines.append(f"The run had {len(trainer.edits)} live edit(s) from the desktop app; this code does not "
                     "replay them.")
    lines += [
        '"""',
        "# 导入模块，生成模拟数据集: import the modules, make the data set",
        "import tensorflow as tf",
        "import numpy as np",
        "",
        f"BATCH_SIZE = {s.batch_size}",
        *_data_lines(trainer),
        "N = len(X)",
        f"STEPS = {_steps(trainer, steps)}",
        "",
        "#1 定义神经网络的输入，参数和输出，定义前向传播过程: inputs, parameters, forward pass",
        "x = tf.placeholder(tf.float32, shape=(None, 2))",
        "y_ = tf.placeholder(tf.float32, shape=(None, 1))",
        "",
    ]
    stddev = f"{m.init_stddev:g}"
    for i in range(1, L + 1):
        lines.append(f"w{i} = tf.Variable(tf.random_normal([{sizes[i - 1]}, {sizes[i]}], "
                     f"stddev={stddev}, seed={m.init_seed}))")
    if m.bias:
        for i in range(1, L + 1):
            lines.append(f"b{i} = tf.Variable(tf.zeros([{sizes[i]}]))")
    lines.append("")
    prev = "x"
    for i in range(1, L + 1):
        z = f"tf.matmul({prev}, w{i})" + (f" + b{i}" if m.bias else "")
        out = "y" if i == L else ("a" if L == 2 else f"a{i}")
        if i < L and m.activation != "linear":
            z = f"{ACTIVATIONS[m.activation].tf1}({z})"
        lines.append(f"{out} = {z}")
        prev = out
    lines += ["", "#2 定义损失函数及反向传播方法: the loss and how to minimise it"]
    if lc.loss == "mse":
        lines.append("loss = tf.reduce_mean(tf.square(y - y_))")
    else:
        lines.append("loss = tf.reduce_mean(tf.nn.sigmoid_cross_entropy_with_logits(labels=y_, logits=y))")
    weights = [f"w{i}" for i in range(1, L + 1)]
    if lc.l2:
        lines.append("# L2 regularisation: tf.contrib.layers.l2_regularizer(scale)(w) = scale * tf.nn.l2_loss(w)")
        lines.append("loss = loss + " + " + ".join(f"{lc.l2!r} * tf.nn.l2_loss({w})" for w in weights))
    if lc.l1:
        lines.append("# L1 regularisation: tf.contrib.layers.l1_regularizer(scale)(w)")
        lines.append("loss = loss + " + " + ".join(f"{lc.l1!r} * tf.reduce_sum(tf.abs({w}))" for w in weights))
    if uses_global_step:
        lines.append("global_step = tf.Variable(0, trainable=False)")
    if o.lr_decay is not None:
        lines.append(f"learning_rate = tf.train.exponential_decay({o.lr!r}, global_step, {o.decay_steps}, "
                     f"{o.lr_decay!r}, staircase={o.staircase})")
        lr = "learning_rate"
    else:
        lr = repr(o.lr)
    opt = OPTIMIZERS[o.optimizer].tf1_call(o, lr)
    gs = ", global_step=global_step" if uses_global_step else ""
    if o.ema is None:
        lines.append(f"train_step = {opt}.minimize(loss{gs})")
    else:
        lines += [
            f"train_op = {opt}.minimize(loss{gs})",
            f"ema = tf.train.ExponentialMovingAverage({o.ema!r}, global_step)",
            "# bpviz applies the average after the update (the course's control_dependencies([train_step, ema_op])",
            "# leaves the order open), so: first the update, then the average",
            "with tf.control_dependencies([train_op]):",
            "    train_step = ema.apply(tf.trainable_variables())",
        ]
    params = weights + ([f"b{i}" for i in range(1, L + 1)] if m.bias else [])
    lines += [
        "",
        f"#3 生成会话，训练 STEPS 轮: a session, {_steps(trainer, steps)} training steps",
        "with tf.Session() as sess:",
        "    init_op = tf.global_variables_initializer()",
        "    sess.run(init_op)",
        "    # 输出目前（未经训练）的参数取值: the untrained parameters",
        *[f"    print(sess.run({p}))" for p in params],
        "",
        "    # 训练模型: train",
        "    for i in range(STEPS):",
        "        start = (i * BATCH_SIZE) % N",
        "        end = start + BATCH_SIZE",
        "        sess.run(train_step, feed_dict={x: X[start:end], y_: Y[start:end]})",
        f"        if i % {s.log_every} == 0:",
        "            total_loss = sess.run(loss, feed_dict={x: X, y_: Y})",
        '            print("After %d training step(s),loss on all data is %g" % (i, total_loss))',
        "",
        "    # 输出训练后的参数取值: the trained parameters",
        *[f"    print(sess.run({p}))" for p in params],
    ]
    if o.ema is not None:
        lines.append("    # the moving averages: print(sess.run(ema.average(w1)))")
    return "\n".join(lines) + "\n"


def write_tf1_script(trainer, path, steps: int | None = None) -> None:
    write_text(path, tf1_script(trainer, steps))
