"""Plain regression tests for what the window's monkey test (tests/gui/test_monkey.py) found.

Seed 14: opening a named pipe (File → Open configuration, Open session, or a drop) waited forever for a
writer; a configuration with an integer of thousands of digits raised ValueError out of the reader.
"""
from __future__ import annotations

import os

import pytest

from bpviz.engine.config import ConfigError, RunConfig
from bpviz.engine.session import SessionError, load_session



@pytest.mark.parametrize("name", ["pipe.json", "pipe"])
def test_a_pipe_is_refused_as_a_configuration_without_waiting_for_a_writer(tmp_path, name):
    os.mkfifo(tmp_path / name)
    with pytest.raises(ConfigError):
        RunConfig.load(tmp_path / name)


def test_a_pipe_is_refused_as_a_session_without_waiting_for_a_writer(tmp_path):
    os.mkfifo(tmp_path / "pipe.npz")
    with pytest.raises(SessionError):
        load_session(tmp_path / "pipe.npz")


def test_the_window_does_not_read_a_pipe_to_tell_what_it_holds(tmp_path):
    from bpviz.gui.file_actions import CONFIGURATION, SESSION, sniff

    os.mkfifo(tmp_path / "pipe.npz")
    os.mkfifo(tmp_path / "pipe.json")
    os.mkfifo(tmp_path / "pipe")
    assert sniff(tmp_path / "pipe.npz") == SESSION  # by its name only; the session reader then refuses it
    assert sniff(tmp_path / "pipe.json") == CONFIGURATION
    assert sniff(tmp_path / "pipe") is None


@pytest.mark.parametrize("text", [
    '{"schedule": {"steps": ' + "9" * 5000 + "}}",  # more digits than Python converts
    "[" * 100_000 + "]" * 100_000,  # deeper than the parser recurses
    '{"optimizer": {"lr": 1e400}}',  # a float literal that overflows
    '{"schedule": {"steps": 1e400}}',  # ... where an integer belongs
])
def test_json_that_python_refuses_in_other_ways_is_a_config_error(text):
    with pytest.raises(ConfigError) as caught:
        RunConfig.from_json(text)
    assert "\n" not in str(caught.value)
