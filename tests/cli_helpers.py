"""Running `bpviz train` in-process, shared by the CLI, export and session tests."""
from __future__ import annotations

from bpviz.cli import build_parser, config_from_args, main
from bpviz.engine.trainer import Trainer


def run_cli(capsys, *args):
    """(exit code, stdout, stderr) of `bpviz train ARGS`."""
    try:
        code = main(["train", *args])
    except SystemExit as exc:  # argparse's own refusals
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


def trainer_for(*args) -> Trainer:
    """The trainer `bpviz train ARGS` would build."""
    return Trainer(config_from_args(build_parser().parse_args(["train", *args])))
