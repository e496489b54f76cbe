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
from collections.abc import Sequence

import numpy as np

from . import __version__
from .atomic import WriteError, check_writable, write_text
from .export.data import WEIGHT_WRITERS, json_numbers
from .export.image import MAX_SIDE as MAX_PICTURE_SIDE
from .export.loss_figure import DEFAULT_SIZE as DEFAULT_PICTURE_SIZE
from .export.loss_figure import FORMATS as PICTURE_FORMATS
from .engine.config import ConfigError, RunConfig
from .engine.optimizers import OPTIMIZERS
from .engine.settings import SETTINGS, Setting
from .engine.datasets import PARABOLA
from .engine.trainer import Diverged, Trainer
from .i18n import LANGUAGES, choose_language, set_language, translate, translate_argparse

EXIT_USAGE = 2
EXIT_FAILED = 1


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line naming the option (no usage dump)."""

    def error(self, message):
        self.exit(EXIT_USAGE, translate("cli", "{prog}: error: {message}").format(prog=self.prog, message=message)
                  + "\n")


def _hidden(text: str) -> list[int]:
    text = text.strip()
    if text in ("", "none"):
        return []
    try:
        return [int(part) for part in text.split(",")]
    except ValueError:
        raise argparse.ArgumentTypeError(translate(
            "cli", "expected a comma-separated list of layer widths such as 3 or 8,8, got {text}").format(
            text=repr(text))) from None


LOSS_FORMATS = (*PICTURE_FORMATS, ".csv")
WEIGHT_FORMATS = tuple(WEIGHT_WRITERS)
# run options a session may change: the rest are the session's own
SESSION_OPTIONS = ("steps", "log_every")


def _picture_size(text: str) -> tuple[int, int]:
    parts = text.lower().replace("×", "x").split("x")
    try:
        width, height = (int(p) for p in parts)
    except ValueError:
        raise argparse.ArgumentTypeError(translate(
            "cli", "expected WIDTHxHEIGHT in pixels such as 1200x800, got {text}").format(text=repr(text))) from None
    if not (1 <= width <= MAX_PICTURE_SIDE and 1 <= height <= MAX_PICTURE_SIDE):
        raise argparse.ArgumentTypeError(translate(
            "cli", "width and height must be between 1 and {high}, got {text}").format(
            high=MAX_PICTURE_SIDE, text=repr(text)))
    return width, height


def _smoothing(text: str) -> float:
    from .smoothing import check_weight

    try:
        return check_weight(float(text))
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc) if "smoothing" in str(exc)
                                         else f"expected a number such as 0.6, got {text!r}") from None


def _points_file(path: str) -> dict:
    from .engine.points import PointsError, read_points_file

    try:
        return read_points_file(path)
    except PointsError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _features(text: str) -> list[str]:
    return [part.strip() for part in text.split(",")]


def _optional_float(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(translate("cli", "expected a number, got {text}").format(
            text=repr(text))) from None


def _shown(value) -> str:
    if isinstance(value, list):
        return ",".join(map(str, value))
    return f"{value:g}" if isinstance(value, float) else str(value)


def _help(setting: Setting) -> str:
    """The registry's help with the default, and the optimizers' own defaults where they differ."""
    text = translate("settings", setting.help)
    if setting.kind in ("bool", "choice") or setting.default is None:
        return text
    own = [f"{name}: {_shown(cls.defaults[setting.name])}" for name, cls in OPTIMIZERS.items()
           if setting.name in cls.defaults]
    return f"{text} ({'; '.join([_shown(setting.default), *own])})"


def _argparse_options(setting: Setting) -> dict:
    """argparse keyword arguments for a setting of the registry."""
    if setting.kind == "bool":
        return dict(action="store_true", help=_help(setting))
    if setting.kind == "choice":
        return dict(choices=setting.choices, help=_help(setting))
    kind = {"int": int, "float": _optional_float, "widths": _hidden, "points": _points_file,
            "features": _features}[setting.kind]
    return dict(type=kind, metavar=setting.metavar, help=_help(setting))


# (flag, config field, argparse keyword arguments), from the settings registry; the flags are a public interface
RUN_OPTIONS = [(s.flag, s.name, _argparse_options(s)) for s in SETTINGS.values()]


def build_parser() -> argparse.ArgumentParser:
    translate_argparse()
    parser = _Parser(prog="bpviz", description=translate(
        "cli", "See and drive backpropagation. With no command, opens the desktop app."))
    lang = dict(choices=list(LANGUAGES), help=translate(
        "cli", "language of the interface and messages (default: the system's)"))
    parser.add_argument("--lang", **lang)
    parser.add_argument("--version", action="version", version=f"bpviz {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    train = sub.add_parser("train", help=translate("cli", "train headless and print what the tutorial prints"),
                           description=translate("cli", "Train headless and print what the tutorial prints."))
    train.add_argument("--lang", default=argparse.SUPPRESS, **lang)  # also after `train`, where one types it
    for flag, field, kwargs in RUN_OPTIONS:  # the help in the language chosen now, not at import
        train.add_argument(flag, dest=field, default=argparse.SUPPRESS, **{**kwargs, "help": _help(SETTINGS[field])})
    train.add_argument("--config", metavar="FILE",
                       help=translate("cli", "run configuration (JSON); options override it"))
    train.add_argument("--json", action="store_true", help=translate("cli", "one JSON object per line instead of text"))
    train.add_argument("--log-weights", action="store_true",
                       help=translate("cli", "with --json: the weights in every log event"))
    train.add_argument("-o", "--output", metavar="FILE",
                       help=translate("cli", "write the output to FILE instead of stdout"))
    files = train.add_argument_group(
        translate("cli", "exports and sessions"), translate("cli", "Written when the run ends, each atomically "
                                                             "(a failed write leaves an existing file as it was)."))
    files.add_argument("--export-loss", metavar="PATH", action="append", default=[],
                       help=translate("cli", "the loss as a figure (.png, .svg) or a table (.csv: step, batch "
                                      "loss, loss on all data where logged, learning rate); repeatable"))
    files.add_argument("--export-size", metavar="WxH", type=_picture_size, default=None,
                       help=translate("cli", "size of --export-loss pictures in pixels ({w}x{h})").format(
                           w=DEFAULT_PICTURE_SIZE[0], h=DEFAULT_PICTURE_SIZE[1]))
    files.add_argument("--smoothing", metavar="F", type=_smoothing, default=0.0,
                       help=translate("cli", "smooth the batch loss of --export-loss pictures as TensorBoard does "
                                      "(debiased moving average, 0 … 0.999; the raw curve stays faint behind); "
                                      "tables keep raw values"))
    files.add_argument("--export-weights", metavar="PATH", action="append", default=[],
                       help=translate("cli", "weights (now, initial, at checkpoints, EMA) and every step's loss "
                                      "and learning rate, as .npz or .json; repeatable"))
    files.add_argument("--export-script", metavar="PATH",
                       help=translate("cli", "a Python script that reproduces this run with NumPy alone and "
                                      "prints the same"))
    files.add_argument("--export-tf1", metavar="PATH", help=translate(
        "cli", "this run as TensorFlow 1 code, written as the tutorial writes it"))
    files.add_argument("--save-session", metavar="PATH", help=translate(
        "cli", "save the run (.npz) to continue it with --session"))
    files.add_argument("--session", metavar="PATH",
                       help=translate("cli", "continue a saved run up to step --steps; its settings are the "
                                      "session's (only --steps, --log-every, --json, -o and the export options "
                                      "apply)"))
    from .compare_cli import add_compare_parser  # it builds on this module's options

    add_compare_parser(sub)
    sub.add_parser("gui", help=translate("cli", "open the desktop app (the default)"))
    return parser


def run_overrides(args: argparse.Namespace) -> dict:
    """The run settings given on the command line, by config field."""
    return {field: getattr(args, field) for _flag, field, _kw in RUN_OPTIONS if hasattr(args, field)}


def apply_overrides(config: RunConfig, overrides: dict) -> RunConfig:
    """`config` with the options' values; the parabola's network has no hidden layer unless one is asked for."""
    if overrides.get("dataset") == PARABOLA:
        overrides = {"hidden": [], **overrides}
    return config.replace(**overrides) if overrides else config


def config_from_args(args: argparse.Namespace) -> RunConfig:
    config = RunConfig.load(args.config) if args.config else RunConfig()
    return apply_overrides(config, run_overrides(args))


def _json_weights(weights: dict[str, np.ndarray]) -> dict:
    return {name: json_numbers(w) for name, w in weights.items()}


class _Reporter:
    """Formats the run as the tutorial's printout, or as JSON lines."""

    def __init__(self, as_json: bool, out, log_weights: bool = False):
        self.as_json = as_json
        self.out = out
        self.log_weights = log_weights

    def _emit(self, obj: dict) -> None:
        self.out.write(json.dumps(obj) + "\n")

    def weights(self, event: str, trainer: Trainer, **extra) -> None:
        if self.as_json:
            obj = {"event": event, **{k: (json_numbers(v) if isinstance(v, np.floating) else v)
                                      for k, v in extra.items()},
                   "weights": _json_weights(trainer.weights())}
            if event == "final" and trainer.ema is not None:
                obj["ema_weights"] = _json_weights(trainer.ema_weights())
            self._emit(obj)
            return
        for value in trainer.weights().values():
            self.out.write(f"{value}\n")

    def log(self, step: int, loss, trainer: Trainer | None = None) -> None:
        if self.as_json:
            event = {"event": "log", "step": step, "loss": json_numbers(loss)}
            if trainer is not None:
                # classification only / with a test split only; the weights are those right after `step`
                extra = {"accuracy": trainer.accuracy(), "test_loss": trainer.history.test_logged.get(step),
                         "test_accuracy": trainer.test_accuracy()}
                event.update({k: (json_numbers(np.float32(v)) if k == "test_loss" else v)
                              for k, v in extra.items() if v is not None})
                if self.log_weights:
                    event["weights"] = _json_weights(trainer.weights())
            self._emit(event)
        else:
            self.out.write("After %d training step(s),loss on all data is %g\n" % (step, loss))


def run_training(config: RunConfig, reporter: _Reporter, trainer: Trainer | None = None,
                 resumed: bool = False) -> Trainer:
    """Train (or continue `trainer`) up to `config.schedule.steps`, reporting as the tutorial prints.

    A resumed run's `init` event carries the step it resumes from; only the steps it runs are logged."""
    trainer = Trainer(config) if trainer is None else trainer
    if resumed:
        reporter.weights("init", trainer, step=trainer.step)
    else:
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
            reporter.log(last, trainer.history.logged[last], trainer)
    reporter.weights("final", trainer, step=trainer.step, loss=trainer.full_loss())
    return trainer


def _usage_error(message: str) -> int:
    _error(message)
    return EXIT_USAGE


def _error(message: str) -> None:
    print(translate("cli", "bpviz train: error: {message}").format(message=message), file=sys.stderr)


def _check_file_options(args: argparse.Namespace) -> str | None:
    """The first problem with the export and session options, before anything runs."""
    for path in args.export_loss:
        if os.path.splitext(path)[1].lower() not in LOSS_FORMATS:
            return translate("cli", "{option}: {path}: unknown format (use {formats})").format(
                option="--export-loss", path=path, formats=", ".join(LOSS_FORMATS))
    for path in args.export_weights:
        if os.path.splitext(path)[1].lower() not in WEIGHT_FORMATS:
            return translate("cli", "{option}: {path}: unknown format (use {formats})").format(
                option="--export-weights", path=path, formats=" or ".join(WEIGHT_FORMATS))
    # a long run must not be wasted on a file that cannot be written: look at every target now
    targets = [("--export-loss", p) for p in args.export_loss] + [("--export-weights", p) for p in args.export_weights]
    targets += [(flag, getattr(args, dest)) for flag, dest in (("--export-script", "export_script"),
                                                                ("--export-tf1", "export_tf1"),
                                                                ("--save-session", "save_session"),
                                                                ("--output", "output")) if getattr(args, dest)]
    for flag, path in targets:
        try:
            check_writable(path)
        except WriteError as exc:
            return f"{flag}: {exc}"
    if args.session:
        if args.config:
            return translate("cli", "--config: not allowed with --session (a session keeps its own settings)")
        for flag, field, _kw in RUN_OPTIONS:
            if hasattr(args, field) and field not in SESSION_OPTIONS:
                return translate("cli", "{flag}: not allowed with --session (a session keeps its own "
                                        "settings; only --steps and --log-every apply)").format(flag=flag)
    return None


def _resume(args: argparse.Namespace) -> tuple[RunConfig, Trainer]:
    """The session's trainer with --steps/--log-every applied (raises SessionError, ConfigError)."""
    from .engine.session import load_session

    trainer = load_session(args.session)
    changes = {field: getattr(args, field) for field in SESSION_OPTIONS if hasattr(args, field)}
    config = trainer.config.replace(**changes) if changes else trainer.config
    if config.schedule.steps < trainer.step:
        raise ConfigError("--steps", f"the session is already at step {trainer.step}; "
                                     f"give --steps {trainer.step} or more")
    trainer.set_schedule(**changes)
    return config, trainer


def write_files(args: argparse.Namespace, trainer: Trainer) -> int:
    """The export and session files the options ask for; one line on stderr per failure."""
    if not (args.export_loss or args.export_weights or args.export_script or args.export_tf1 or args.save_session):
        return 0
    from .export.image import ExportError  # imports no Qt

    status = 0
    jobs = []
    pictures = []  # last: they are the ones that need Qt
    for path in args.export_loss:
        if path.lower().endswith(".csv"):
            jobs.append(("--export-loss", path, _write_loss_csv))
        else:
            pictures.append(("--export-loss", path, _write_loss_picture(args.export_size or DEFAULT_PICTURE_SIZE,
                                                                        args.smoothing)))
    for path in args.export_weights:
        jobs.append(("--export-weights", path, _write_weights))
    if args.export_script:
        jobs.append(("--export-script", args.export_script, _write_script))
    if args.export_tf1:
        jobs.append(("--export-tf1", args.export_tf1, _write_tf1))
    if args.save_session:
        jobs.append(("--save-session", args.save_session, _write_session))
    for option, path, write in jobs + pictures:
        try:
            write(trainer, path)
        except WriteError as exc:
            _error(str(exc))
            status = EXIT_FAILED
        except ExportError as exc:
            _error(f"{option} {path}: {exc}")
            status = EXIT_FAILED
    return status


def _write_loss_csv(trainer, path):
    from .export.data import write_loss_csv

    write_loss_csv(trainer, path)


def _write_loss_picture(size, smoothing=0.0):
    def write(trainer, path):
        from .export.image import ensure_qapp
        from .export.loss_figure import export_loss_figure

        ensure_qapp(offscreen=True)  # headless: never a window, display or not
        export_loss_figure(trainer, path, *size, smoothing=smoothing)

    return write


def _write_weights(trainer, path):
    from .export.data import write_weights

    write_weights(trainer, path)


def _write_script(trainer, path):
    from .export.script import write_numpy_script

    write_numpy_script(trainer, path)


def _write_tf1(trainer, path):
    from .export.script import write_tf1_script

    write_tf1_script(trainer, path)


def _write_session(trainer, path):
    from .engine.session import save_session

    save_session(trainer, path)


def train_command(args: argparse.Namespace) -> int:
    problem = _check_file_options(args)
    if problem:
        return _usage_error(problem)
    if args.session:
        from .engine.session import SessionError

        try:
            config, trainer = _resume(args)
        except SessionError as exc:
            return _usage_error(f"--session: {exc}")
        except ConfigError as exc:
            return _usage_error(str(exc))
    else:
        try:
            config = config_from_args(args)
        except ConfigError as exc:
            return _usage_error(str(exc))
        trainer = Trainer(config)
    if config.data.dataset == PARABOLA and config.data.points is None and (args.export_script or args.export_tf1):
        option = "--export-script" if args.export_script else "--export-tf1"
        return _usage_error(f"{option}: the parabola's single weight has no script export (the tutorial "
                            "network's runs have)")
    if args.export_script or args.export_tf1:
        from .export.script import UnsupportedRun, check_supported

        try:
            check_supported(config)
        except UnsupportedRun as exc:
            return _usage_error(f"{'--export-script' if args.export_script else '--export-tf1'}: {exc}")
    out = io.StringIO() if args.output else sys.stdout
    status = 0
    try:
        run_training(config, _Reporter(args.json, out, args.log_weights), trainer, resumed=bool(args.session))
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
            _error(str(exc))
            status = EXIT_FAILED
    return write_files(args, trainer) or status


def _lang_option(argv: list[str]) -> str | None:
    """The value of --lang (the parser is made in the language it names, so it is read first)."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    set_language(choose_language(_lang_option(argv)))  # before the parser is made: --help is in it
    args = build_parser().parse_args(argv)
    if args.command == "train":
        return train_command(args)
    if args.command == "compare":
        from .compare_cli import compare_command

        return compare_command(args)
    from .gui.app import main as gui_main  # Qt is imported only for the desktop app

    return gui_main([sys.argv[0]], args.lang)


if __name__ == "__main__":
    sys.exit(main())
