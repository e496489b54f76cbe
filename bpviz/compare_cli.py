"""`bpviz compare`: several runs side by side, trained together by the multi-run engine.

The options are `bpviz train`'s own (built from the same `RUN_OPTIONS`, so the two cannot
drift); the settings a learner compares take comma-separated lists and the runs are their
cross product.  Like `cli`, this module imports no Qt: the pictures import it when written.
"""
from __future__ import annotations

import argparse
import io
import itertools
import json
import math
import os
import sys

import numpy as np

from .atomic import WriteError, write_text
from .cli import (EXIT_FAILED, EXIT_USAGE, PICTURE_FORMATS, RUN_OPTIONS, _help, _json_weights, _picture_size,
                  _smoothing, apply_overrides, run_overrides)
from .engine.config import ConfigError, RunConfig
from .engine.settings import SETTINGS
from .i18n import LANGUAGES, translate
from .engine.multi_trainer import MultiTrainer, check_multi_run
from .export.compare import setting_value
from .engine.network import Network

# the settings that take a list; --hidden separates its lists of layers with ';'
LIST_OPTIONS = ("optimizer", "lr", "momentum", "beta1", "beta2", "epsilon", "rms_decay", "initial_accumulator",
                "init_seed", "batch_size", "hidden", "activation")
MAX_RUNS = 1024
# memory the runs may take together: their weights, and every step's loss of every run (4 bytes each)
MAX_WEIGHTS = 2**26
MAX_LOSSES = 2**28
TABLE_FORMATS = (*PICTURE_FORMATS, ".csv")


def _list_of(field: str, kwargs: dict):
    """An argparse type reading a list of the option's own values (its type, its choices)."""
    convert = kwargs.get("type", str)
    choices = kwargs.get("choices")
    sep = ";" if field == "hidden" else ","
    kind = "a ';'-separated" if field == "hidden" else "a comma-separated"

    def parse(text: str) -> list:
        values = []
        for part in text.split(sep):
            part = part.strip()
            if not part and field != "hidden":
                raise argparse.ArgumentTypeError(f"expected {kind} list of values, got {text!r}")
            if choices and part not in choices:
                raise argparse.ArgumentTypeError(f"unknown value {part!r} (choose from {', '.join(choices)})")
            try:
                values.append(convert(part))
            except ValueError:
                raise argparse.ArgumentTypeError(f"expected {kind} list of numbers, got {text!r}") from None
        return values

    return parse


def _lr_range(text: str) -> list[float]:
    try:
        lo, hi, n = text.split(":")
        lo, hi, n = float(lo), float(hi), int(n)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected LO:HI:N such as 1e-4:1:64, got {text!r}") from None
    if n < 2:
        raise argparse.ArgumentTypeError(f"N must be at least 2 (both ends are included), got {n}")
    if not (math.isfinite(lo) and math.isfinite(hi) and 0 < lo < hi):
        raise argparse.ArgumentTypeError(f"need 0 < LO < HI, got {text!r}")
    return [float(v) for v in np.geomspace(lo, hi, n)]


def _tr(text: str) -> str:
    return translate("cli", text)


def add_compare_parser(sub) -> None:
    compare = sub.add_parser(
        "compare", help=_tr("train several runs side by side and compare them"),
        description=_tr("Train several runs together with identical initial weights and batches; only the "
                       "listed settings differ. List options take comma-separated values (--hidden: "
                       "';' between lists of layers, e.g. \"3;8,8\"); the runs are their cross product."))
    compare.add_argument("--lang", default=argparse.SUPPRESS, choices=list(LANGUAGES),
                         help=_tr("language of the interface and messages (default: the system's)"))
    for flag, field, kwargs in RUN_OPTIONS:  # the help in the language chosen now, not at import
        kwargs = {**kwargs, "help": _help(SETTINGS[field])}
        if field in LIST_OPTIONS:
            kw = {k: v for k, v in kwargs.items() if k not in ("type", "choices", "metavar")}
            kw["help"] += _tr(" — a ';'-separated list") if field == "hidden" else _tr(" — a comma-separated list")
            compare.add_argument(flag, dest=field, default=argparse.SUPPRESS, type=_list_of(field, kwargs),
                                 metavar="LIST", **kw)
        else:
            compare.add_argument(flag, dest=field, default=argparse.SUPPRESS, **kwargs)
    compare.add_argument("--lr-range", metavar="LO:HI:N", type=_lr_range,
                         help=_tr("N learning rates evenly spaced in log scale from LO to HI, both included"))
    compare.add_argument("--config", metavar="FILE", help=_tr("run configuration (JSON) all runs start from"))
    compare.add_argument("--json", action="store_true", help=_tr("one JSON object per line instead of a table"))
    compare.add_argument("--log-weights", action="store_true",
                         help=_tr("with --json: every run's weights in each log"))
    compare.add_argument("-o", "--output", metavar="FILE", help=_tr("write the output to FILE instead of stdout"))
    compare.add_argument("--export-loss", metavar="PATH", action="append", default=[],
                         help=_tr("every run's loss overlaid (.png, .svg) or as a table (.csv: one column per "
                                 "run); repeatable"))
    compare.add_argument("--export-sweep", metavar="PATH", action="append", default=[],
                         help=_tr("final and best loss against the varied setting (.png, .svg, .csv); repeatable"))
    compare.add_argument("--smoothing", metavar="F", type=_smoothing, default=0.0,
                         help=_tr("smooth each run's batch loss in --export-loss pictures as TensorBoard does "
                                 "(0 … 0.999); tables keep raw values"))
    compare.add_argument("--export-size", metavar="WxH", type=_picture_size, default=None,
                         help=_tr("size of the pictures in pixels"))


class CompareError(ValueError):
    """Bad input for compare: one line for the user, exit code 2."""


def plan_runs(args: argparse.Namespace) -> tuple[list[RunConfig], list[str], list[str]]:
    """(configs, labels, varied settings) of the cross product the options ask for."""
    overrides = run_overrides(args)
    lists = {field: overrides.pop(field) for field in LIST_OPTIONS if field in overrides}
    if args.lr_range is not None:
        if "lr" in lists:
            raise CompareError("--lr-range: give either --lr or --lr-range, not both")
        lists["lr"] = args.lr_range
    try:
        base = RunConfig.load(args.config) if args.config else RunConfig()
    except ConfigError as exc:
        raise CompareError(str(exc)) from None
    return cross_product(base, overrides, lists)


def cross_product(base: RunConfig, overrides: dict, lists: dict[str, list]) -> tuple[list[RunConfig], list[str],
                                                                                         list[str]]:
    """Every combination of the `lists` values on `base` with `overrides`: (configs, labels, varied settings).

    Raises CompareError for an empty list, too many runs or a value the configuration refuses."""
    for field, values in lists.items():
        if not values:
            raise CompareError(f"--{field.replace('_', '-')}: the list is empty")
    count = math.prod(len(v) for v in lists.values())
    if count > MAX_RUNS:
        raise CompareError(f"{count} runs asked for; at most {MAX_RUNS} can be compared at once")
    try:
        configs = [apply_overrides(base, {**overrides, **dict(zip(lists, combo))})
                   for combo in itertools.product(*lists.values())]
        for config in configs:
            check_multi_run(config)
    except ConfigError as exc:
        raise CompareError(str(exc)) from None
    weights = sum(Network.for_data(c.model, c.data.dataset).size for c in configs)
    if weights > MAX_WEIGHTS:
        raise CompareError(f"the {count} runs have {weights:,} weights together; at most {MAX_WEIGHTS:,} fit "
                           "(fewer runs or smaller layers)")
    losses = count * configs[0].schedule.steps
    if losses > MAX_LOSSES:
        raise CompareError(f"{count} runs × {configs[0].schedule.steps:,} steps would keep {losses:,} losses; "
                           f"at most {MAX_LOSSES:,} (fewer runs or --steps)")
    varied = [f for f in lists if len({json.dumps(setting_value(c, f)) for c in configs}) > 1]
    return configs, [run_label(c, varied) for c in configs], varied


def parse_list(field: str, text: str) -> list:
    """A list option's text as `bpviz compare` reads it (for the window's fields); CompareError if bad."""
    kwargs = next(kw for _flag, f, kw in RUN_OPTIONS if f == field)
    try:
        if field == "lr" and text.count(":") == 2:
            return _lr_range(text)
        return _list_of(field, kwargs)(text)
    except argparse.ArgumentTypeError as exc:
        raise CompareError(f"--{field.replace('_', '-')}: {exc}") from None


def run_label(config: RunConfig, varied: list[str]) -> str:
    """Only the settings that vary, e.g. `adam lr=0.01`; `run` when nothing varies."""
    parts = []
    for field in varied:
        value = setting_value(config, field)
        if field in ("optimizer", "activation"):
            parts.append(str(value))
        elif field == "hidden":
            parts.append("hidden=" + (",".join(map(str, value)) or "none"))
        else:
            parts.append(f"{field.replace('_', '-')}={value:g}")
    return " ".join(parts) or "run"


def _json_list(values) -> list:
    return [None if v is None else float(np.float32(v).astype(str)) for v in values]


class _Report:
    def __init__(self, args, out, multi: MultiTrainer, labels: list[str]):
        self.as_json, self.log_weights, self.out = args.json, args.log_weights, out
        self.multi, self.labels = multi, labels

    def _emit(self, obj: dict) -> None:
        self.out.write(json.dumps(obj) + "\n")

    def runs(self) -> None:
        if self.as_json:
            self._emit({"event": "runs", "runs": [{"run": k, "label": label, "config": c.to_dict()}
                                                  for k, (label, c) in enumerate(zip(self.labels,
                                                                                    self.multi.configs))]})

    def log(self, step: int) -> None:
        if not self.as_json:
            return
        obj = {"event": "log", "step": step, "loss": _json_list(self.multi.logged_losses(step))}
        if self.log_weights:
            obj["weights"] = [None if self.multi.diverged_at(k) is not None else _json_weights(self.multi.weights(k))
                              for k in range(len(self.multi))]
        self._emit(obj)

    def final(self, summary: list[dict]) -> None:
        m = self.multi
        if self.as_json:
            self._emit({"event": "final", "step": m.step, "loss": _json_list([s["final"] for s in summary]),
                        "diverged_at": [m.diverged_at(k) for k in range(len(m))],
                        "weights": [_json_weights(m.weights(k)) for k in range(len(m))]})
            return
        header = ("run", "label", "final loss", "best loss", "best step", "diverged at")
        rows = [(str(k), s["label"], _g(s["final"]), _g(s["best"]), _dash(s["best_step"]), _dash(s["diverged_at"]))
                for k, s in enumerate(summary)]
        widths = [max(len(r[i]) for r in (header, *rows)) for i in range(len(header))]
        for row in (header, *rows):
            self.out.write("  ".join(cell.ljust(w) if i < 2 else cell.rjust(w)
                                     for i, (cell, w) in enumerate(zip(row, widths))).rstrip() + "\n")


def _g(value) -> str:
    return "—" if value is None else f"{value:.6g}"


def _dash(value) -> str:
    return "—" if value is None else str(value)


def summarise(multi: MultiTrainer, labels: list[str]) -> list[dict]:
    """`MultiTrainer.summary` with each run's label."""
    return [{"label": label, **row} for label, row in zip(labels, multi.summary())]


def train_together(multi: MultiTrainer, steps: int, log_every: int, report: _Report) -> None:
    """Advance every run to `steps`, reporting each logged step as it is reached."""
    while multi.step < steps and multi.n_alive:
        next_log = -(-multi.step // log_every) * log_every
        multi.run(min(next_log + 1, steps) - multi.step)
        last = multi.step - 1
        if last >= 0 and last % log_every == 0:
            report.log(last)


def _check_files(args) -> str | None:
    for option, paths in (("--export-loss", args.export_loss), ("--export-sweep", args.export_sweep)):
        for path in paths:
            if os.path.splitext(path)[1].lower() not in TABLE_FORMATS:
                return f"{option}: {path}: unknown format (use {', '.join(TABLE_FORMATS)})"
    return None


def write_exports(args, multi: MultiTrainer, labels: list[str], varied: list[str]) -> int:
    if not (args.export_loss or args.export_sweep):
        return 0
    from .export.compare import write_compare_loss, write_sweep
    from .export.image import ExportError

    status = 0
    size = args.export_size
    jobs = [("--export-loss", p, write_compare_loss) for p in args.export_loss] + [
        ("--export-sweep", p, write_sweep) for p in args.export_sweep]
    for option, path, write in sorted(jobs, key=lambda job: job[1].lower().endswith(".csv"), reverse=True):
        try:
            write(multi, labels, varied, path, size, args.smoothing)
        except WriteError as exc:
            print(f"bpviz compare: error: {exc}", file=sys.stderr)
            status = EXIT_FAILED
        except ExportError as exc:
            print(f"bpviz compare: error: {option} {path}: {exc}", file=sys.stderr)
            status = EXIT_FAILED
    return status


def compare_command(args: argparse.Namespace) -> int:
    problem = _check_files(args)
    try:
        if problem:
            raise CompareError(problem)
        configs, labels, varied = plan_runs(args)
    except CompareError as exc:
        print(f"bpviz compare: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    multi = MultiTrainer(configs)
    out = io.StringIO() if args.output else sys.stdout
    report = _Report(args, out, multi, labels)
    schedule = configs[0].schedule
    try:
        report.runs()
        train_together(multi, schedule.steps, schedule.log_every, report)
        report.final(summarise(multi, labels))
    except BrokenPipeError:
        sys.stdout = open(os.devnull, "w")
        return 0
    status = 0 if multi.n_alive else EXIT_FAILED
    if not multi.n_alive:
        print("bpviz compare: every run diverged", file=sys.stderr)
    if args.output:
        try:
            write_text(args.output, out.getvalue())
        except WriteError as exc:
            print(f"bpviz compare: error: {exc}", file=sys.stderr)
            status = EXIT_FAILED
    return write_exports(args, multi, labels, varied) or status
