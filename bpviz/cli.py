"""The `bpviz` command: no arguments opens the desktop app; `bpviz train` runs headless.

This module must not import Qt or pyqtgraph (a test checks it): `bpviz train --steps 0`
has to start in a fraction of a second on a machine without a display.
"""
from __future__ import annotations

import argparse
import io
import json
import os
import sys
from typing import Sequence

import numpy as np

from . import __version__
from .atomic import WriteError, write_text
from .engine.config import (ACTIVATIONS, DATASETS, LOSSES, OPTIMIZERS, ConfigError, RunConfig)
from .engine.trainer import Diverged, Trainer

EXIT_USAGE = 2
EXIT_FAILED = 1


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line naming the option (no usage dump)."""

    def error(self, message):
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _hidden(text: str) -> list[int]:
    text = text.strip()
    if text in ("", "none"):
        return []
    try:
        return [int(part) for part in text.split(",")]
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a comma-separated list of layer widths such as 3 or 8,8, got {text!r}") from None


def _optional_float(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number, got {text!r}") from None


# (flag, config field, argparse keyword arguments); the flags are a public interface
RUN_OPTIONS = [
    ("--dataset", "dataset", dict(choices=DATASETS, help="training data (seed = the tutorial's)")),
    ("--samples", "samples", dict(type=int, metavar="N", help="number of samples (dataset default)")),
    ("--data-seed", "data_seed", dict(type=int, metavar="S", help="seed of the data generator")),
    ("--noise", "noise", dict(type=_optional_float, metavar="F", help="noise level")),
    ("--hidden", "hidden", dict(type=_hidden, metavar="W[,W...]", help="hidden layer widths (default 3)")),
    ("--activation", "activation", dict(choices=ACTIVATIONS, help="hidden-layer activation")),
    ("--bias", "bias", dict(action="store_true", help="add biases (start at zero)")),
    ("--init-seed", "init_seed", dict(type=int, metavar="S", help="op seed of tf.random_normal (1)")),
    ("--init-stddev", "init_stddev", dict(type=_optional_float, metavar="F", help="stddev of the initial weights (1.0)")),
    ("--loss", "loss", dict(choices=LOSSES, help="loss function")),
    ("--l1", "l1", dict(type=_optional_float, metavar="F", help="L1 regularisation scale")),
    ("--l2", "l2", dict(type=_optional_float, metavar="F", help="L2 regularisation scale (TF's l2_loss)")),
    ("--optimizer", "optimizer", dict(choices=OPTIMIZERS, help="gd, momentum or adam")),
    ("--lr", "lr", dict(type=_optional_float, metavar="F", help="learning rate (0.001)")),
    ("--momentum", "momentum", dict(type=_optional_float, metavar="F", help="momentum (0.9)")),
    ("--nesterov", "nesterov", dict(action="store_true", help="Nesterov momentum")),
    ("--beta1", "beta1", dict(type=_optional_float, metavar="F", help="Adam beta1 (0.9)")),
    ("--beta2", "beta2", dict(type=_optional_float, metavar="F", help="Adam beta2 (0.999)")),
    ("--epsilon", "epsilon", dict(type=_optional_float, metavar="F", help="Adam epsilon (1e-8)")),
    ("--lr-decay", "lr_decay", dict(type=_optional_float, metavar="RATE", help="exponential decay rate")),
    ("--decay-steps", "decay_steps", dict(type=int, metavar="N", help="decay period in steps")),
    ("--staircase", "staircase", dict(action="store_true", help="decay in whole periods")),
    ("--ema", "ema", dict(type=_optional_float, metavar="DECAY", help="exponential moving average of the weights")),
    ("--steps", "steps", dict(type=int, metavar="N", help="training steps (3000; 0 only initialises)")),
    ("--batch-size", "batch_size", dict(type=int, metavar="B", help="mini-batch size (8)")),
    ("--log-every", "log_every", dict(type=int, metavar="K", help="log the loss on all data every K steps (500)")),
]


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="bpviz", description="See and drive backpropagation. "
                     "With no command, opens the desktop app.")
    parser.add_argument("--version", action="version", version=f"bpviz {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    train = sub.add_parser("train", help="train headless and print what the tutorial prints",
                           description="Train headless and print what the tutorial prints.")
    for flag, _field, kwargs in RUN_OPTIONS:
        train.add_argument(flag, dest=_field, default=argparse.SUPPRESS, **kwargs)
    train.add_argument("--config", metavar="FILE", help="run configuration (JSON); options override it")
    train.add_argument("--json", action="store_true", help="one JSON object per line instead of text")
    train.add_argument("-o", "--output", metavar="FILE", help="write the output to FILE instead of stdout")
    sub.add_parser("gui", help="open the desktop app (the default)")
    return parser


def config_from_args(args: argparse.Namespace) -> RunConfig:
    config = RunConfig.load(args.config) if args.config else RunConfig()
    overrides = {field: getattr(args, field) for _flag, field, _kw in RUN_OPTIONS if hasattr(args, field)}
    return config.replace(**overrides) if overrides else config


def _json_number(value) -> float:
    """The shortest decimal that reads back as the same float32."""
    return float(str(np.float32(value)))


def _json_weights(weights: dict[str, np.ndarray]) -> dict:
    return {name: np.vectorize(_json_number, otypes=[object])(w).tolist() for name, w in weights.items()}


class _Reporter:
    """Formats the run as the tutorial's printout, or as JSON lines."""

    def __init__(self, as_json: bool, out):
        self.as_json = as_json
        self.out = out

    def _emit(self, obj: dict) -> None:
        self.out.write(json.dumps(obj) + "\n")

    def weights(self, event: str, trainer: Trainer, **extra) -> None:
        if self.as_json:
            obj = {"event": event, **{k: (_json_number(v) if isinstance(v, np.floating) else v)
                                      for k, v in extra.items()},
                   "weights": _json_weights(trainer.weights())}
            if event == "final" and trainer.ema is not None:
                obj["ema_weights"] = _json_weights(trainer.ema_weights())
            self._emit(obj)
            return
        for value in trainer.weights().values():
            self.out.write(f"{value}\n")

    def log(self, step: int, loss) -> None:
        if self.as_json:
            self._emit({"event": "log", "step": step, "loss": _json_number(loss)})
        else:
            self.out.write("After %d training step(s),loss on all data is %g\n" % (step, loss))


def run_training(config: RunConfig, reporter: _Reporter) -> None:
    trainer = Trainer(config)
    reporter.weights("init", trainer)
    steps, log_every = config.schedule.steps, config.schedule.log_every
    while trainer.step < steps:
        # stop right after each logged step so its line is printed as the tutorial prints it
        next_log = (trainer.step // log_every) * log_every
        if next_log < trainer.step:
            next_log += log_every
        trainer.run(min(next_log + 1, steps) - trainer.step)
        last = trainer.step - 1
        if last in trainer.history.logged:
            reporter.log(last, trainer.history.logged[last])
    reporter.weights("final", trainer, step=trainer.step, loss=trainer.full_loss())


def train_command(args: argparse.Namespace) -> int:
    try:
        config = config_from_args(args)
    except ConfigError as exc:
        print(f"bpviz train: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    out = io.StringIO() if args.output else sys.stdout
    status = 0
    try:
        run_training(config, _Reporter(args.json, out))
    except Diverged as exc:
        print(f"bpviz train: {exc}", file=sys.stderr)
        status = EXIT_FAILED
    except BrokenPipeError:
        # the reader (e.g. `| head`) went away: not an error of ours
        sys.stdout = open(os.devnull, "w")
        return status
    if args.output:
        try:
            write_text(args.output, out.getvalue())
        except WriteError as exc:
            print(f"bpviz train: error: {exc}", file=sys.stderr)
            return EXIT_FAILED
    return status


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    args = build_parser().parse_args(argv)
    if args.command == "train":
        return train_command(args)
    from .gui.app import main as gui_main  # Qt is imported only for the desktop app

    return gui_main([sys.argv[0]])


if __name__ == "__main__":
    sys.exit(main())
