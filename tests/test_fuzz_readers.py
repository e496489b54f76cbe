"""Property-based fuzzing of every reader: it returns a valid object or raises its own error, in one line.

Never another exception, never more than a bounded amount of memory.  `make test` runs a modest number
of examples per property; `make fuzz` sets BPVIZ_FUZZ_EXAMPLES and runs many more.
"""
from __future__ import annotations

import io
import json
import os
import tracemalloc
import zipfile

import numpy as np
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from bpviz.engine.config import SECTIONS, ConfigError, RunConfig
from bpviz.engine.file_reading import UnreadableFile, parse_json, read_text_file
from bpviz.engine.points import PointsError, check_points, read_points_file
from bpviz.engine.session import SessionError, load_session, session_arrays
from bpviz.engine.trainer import Diverged, Trainer
from cli_helpers import trainer_for

EXAMPLES = int(os.environ.get("BPVIZ_FUZZ_EXAMPLES", "30"))
# `make test` replays the same examples every run, so the suite passes or fails on the code alone; `make fuzz`
# sets BPVIZ_FUZZ_EXAMPLES and draws new ones each time, which is where new hostile files are found
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize="BPVIZ_FUZZ_EXAMPLES" not in os.environ,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                       HealthCheck.data_too_large])
MEMORY_BOUND = 64 << 20  # what reading any fuzzed file may allocate at its peak


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("fuzz")


def _one_line(exc: Exception) -> None:
    text = str(exc)
    assert text and "\n" not in text and len(text) < 1000, text


# -- JSON and configurations ------------------------------------------------------------------------

FIELD_NAMES = {section: [f for f in cls.__dataclass_fields__] for section, cls in SECTIONS.items()}

json_scalars = st.one_of(
    st.none(), st.booleans(),
    st.integers(), st.integers(min_value=-(10**50), max_value=10**50),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([0, 1, -1, 0.0, 1e-300, 1e300, 2**63, 2**31, 0.5, 0.999, 1.0, 255, 256, 257]),
    st.text(max_size=20), st.sampled_from(["seed", "xor", "relu", "adam", "gd", "momentum", "mse"]),
)
json_values = st.recursive(json_scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=5), st.dictionaries(st.text(max_size=8), inner, max_size=4)), max_leaves=12)


@st.composite
def config_dicts(draw):
    """Config-shaped dicts: real section and field names, values of any type and size."""
    raw = {}
    for section in draw(st.lists(st.sampled_from([*SECTIONS, "extra"]), unique=True, max_size=5)):
        if section == "extra" or draw(st.integers(0, 9)) == 0:
            raw[section] = draw(json_values)
            continue
        names = FIELD_NAMES[section]
        keys = draw(st.lists(st.sampled_from(names + ["unknown"]), unique=True, max_size=len(names)))
        raw[section] = {key: draw(json_values) for key in keys}
    return raw


def _json_text(value) -> str:
    return json.dumps(value)  # writes NaN/Infinity literals for non-finite floats, as a hostile file may


@st.composite
def mutated_text(draw, text: str):
    """`text` truncated, with bytes flipped, or with a piece of it repeated or nested."""
    data = bytearray(text.encode("utf-8"))
    how = draw(st.sampled_from(["truncate", "flip", "insert", "nest"]))
    if how == "truncate" and data:
        del data[draw(st.integers(0, len(data) - 1)):]
    elif how == "flip" and data:
        for _ in range(draw(st.integers(1, 4))):
            data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
    elif how == "insert":
        at = draw(st.integers(0, len(data)))
        data[at:at] = draw(st.sampled_from([b"NaN", b"1e400", b"9" * 5000, b"[" * 3000, b"\x00", b"\xff\xfe",
                                            b'"', b"}", b",", b"-Infinity"]))
    else:
        depth = draw(st.integers(1, 4000))
        data = b"[" * depth + bytes(data) + b"]" * depth
    return bytes(data)


def _check_config_file(path) -> None:
    tracemalloc.start()
    try:
        try:
            config = RunConfig.load(path)
        except ConfigError as exc:
            _one_line(exc)
            event(f"refused ({exc.option})")
        else:
            event("accepted")
            config.validate()
            assert RunConfig.from_json(config.to_json()) == config
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < MEMORY_BOUND


@FUZZ
@given(raw=config_dicts())
def test_generated_configs(folder, raw):
    path = folder / "generated.json"
    path.write_text(_json_text(raw), encoding="utf-8")
    _check_config_file(path)


@FUZZ
@given(data=st.data())
def test_mutated_configs(folder, data):
    base = RunConfig().replace(optimizer="adam", ema=0.99, lr_decay=0.9, hidden=[4, 3], samples=64).to_json()
    path = folder / "mutated.json"
    path.write_bytes(data.draw(mutated_text(base)))
    _check_config_file(path)


@FUZZ
@given(data=st.binary(max_size=2000))
def test_any_bytes_through_the_reusable_reader(folder, data):
    """The reader a data import uses: text or UnreadableFile; JSON or ValueError."""
    path = folder / "any.csv"
    path.write_bytes(data)
    try:
        text = read_text_file(path, 1000)
    except UnreadableFile as exc:
        _one_line(exc)
        return
    try:
        parse_json(text)
    except ValueError as exc:
        _one_line(exc)


# -- CSV data ------------------------------------------------------------------------------------------
_CSV = "x0,x1,label\n0.1,0.2,1\n0.8,0.9,0\n0.3,0.1,1\n0.9,0.7,0\n"
_CSV_Y = "x0,x1,y\n0.1,0.2,0.31\n0.8,0.9,1.68\n0.3,0.1,0.42\n"


@FUZZ
@given(data=st.data())
def test_mutated_csv_data(folder, data):
    """File → Import data and --data: a valid set of points, or PointsError in one line."""
    path = folder / "mutated.csv"
    path.write_bytes(data.draw(mutated_text(data.draw(st.sampled_from([_CSV, _CSV_Y])))))
    tracemalloc.start()
    try:
        try:
            points = read_points_file(path)
        except PointsError as exc:
            _one_line(exc)
            event("refused")
        else:
            event("accepted")
            assert check_points(points) is None
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < MEMORY_BOUND


# -- sessions ------------------------------------------------------------------------------------------

_BASES: dict[str, dict] = {}


def _base_arrays(kind: str) -> dict[str, np.ndarray]:
    """Valid session entries for a plain run and for Adam with every option (built once)."""
    if kind not in _BASES:
        args = {"gd": ["--steps", "150", "--log-every", "40"],
                "adam": ["--steps", "150", "--optimizer", "adam", "--ema", "0.9", "--bias", "--hidden", "4,3",
                         "--lr-decay", "0.9", "--activation", "tanh"]}[kind]
        trainer = trainer_for(*args)
        trainer.run(70)
        trainer.set_lr(0.002)
        trainer.set_weight("w1", (0, 0), 0.5)
        trainer.run(80)
        _BASES[kind] = session_arrays(trainer)
    return {k: v.copy() for k, v in _BASES[kind].items()}


def _npz_bytes(arrays: dict, compress: bool) -> bytes:
    buffer = io.BytesIO()
    (np.savez_compressed if compress else np.savez)(buffer, **arrays)
    return buffer.getvalue()


def _meta_paths(value, prefix=()):
    """Every path into the metadata JSON, for replacing one value."""
    yield prefix
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from _meta_paths(inner, (*prefix, key))
    elif isinstance(value, list):
        for i, inner in enumerate(value[:3]):
            yield from _meta_paths(inner, (*prefix, i))


hostile_arrays = st.one_of(
    st.builds(lambda n, v: np.full(n, v, np.float32), st.integers(0, 40), st.floats(width=32)),
    st.builds(lambda n, v: np.full(n, v, np.float64), st.integers(0, 40), st.floats()),
    st.builds(lambda n: np.arange(n, dtype=np.int64) - 3, st.integers(0, 200)),
    st.builds(lambda s: np.array(s), st.text(max_size=30)),
    st.just(np.zeros((2, 3, 4), np.float32)), st.just(np.zeros(0, np.int32)),
    st.just(np.array([1, 2], dtype=">f4")), st.just(np.zeros(3, dtype=[("a", "<f4"), ("b", "<i4")])),
    st.just(np.asfortranarray(np.zeros((3, 4), np.float32))),
)


@st.composite
def mutated_session(draw):
    arrays = _base_arrays(draw(st.sampled_from(["gd", "adam"])))
    meta = json.loads(str(arrays["bpviz_session"]))
    for _ in range(draw(st.integers(0, 3))):
        how = draw(st.sampled_from(["meta value", "replace entry", "drop entry", "add entry", "edit entry"]))
        if how == "meta value":
            path = draw(st.sampled_from(list(_meta_paths(meta))[1:]))
            holder = meta
            for key in path[:-1]:
                holder = holder[key]
            holder[path[-1]] = draw(json_values)
        elif how == "replace entry":
            arrays[draw(st.sampled_from(sorted(arrays)))] = draw(hostile_arrays)
        elif how == "drop entry":
            arrays.pop(draw(st.sampled_from(sorted(arrays))), None)
        elif how == "add entry":
            arrays[draw(st.sampled_from(["extra", "opt.x", "ckpt.opt.y"]))] = draw(hostile_arrays)
        else:
            name = draw(st.sampled_from(sorted(k for k, v in arrays.items() if v.dtype.kind == "f" and v.size)))
            flat = arrays[name].reshape(-1)
            flat[draw(st.integers(0, flat.size - 1))] = draw(st.floats(width=32))
    if draw(st.booleans()):
        arrays["bpviz_session"] = np.array(json.dumps(meta))
    data = bytearray(_npz_bytes(arrays, compress=draw(st.booleans())))
    how = draw(st.sampled_from(["as is", "truncate", "flip", "prefix"]))
    if how == "truncate":
        del data[draw(st.integers(0, len(data) - 1)):]
    elif how == "flip":
        for _ in range(draw(st.integers(1, 8))):
            data[draw(st.integers(0, len(data) - 1))] ^= 1 << draw(st.integers(0, 7))
    elif how == "prefix":
        data[0:0] = draw(st.binary(min_size=1, max_size=64))
    return bytes(data)


@FUZZ
@given(data=mutated_session())
def test_mutated_sessions(folder, data):
    path = folder / "mutated.npz"
    path.write_bytes(data)
    tracemalloc.start()
    try:
        try:
            trainer = load_session(path)
        except SessionError as exc:
            _one_line(exc)
            event("refused: " + ("damaged" if "damaged session file" in str(exc) else "not a session"))
            trainer = None
        else:
            event("accepted")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < MEMORY_BOUND
    if trainer is not None:  # what is accepted is a run that continues
        assert isinstance(trainer, Trainer) and np.isfinite(trainer.params).all()
        try:
            trainer.run(20)
        except Diverged:
            pass


@FUZZ
@given(names=st.lists(st.text(st.characters(min_codepoint=33, max_codepoint=0x2FF), min_size=1, max_size=30),
                      unique=True, max_size=6),
       payload=st.binary(max_size=300))
def test_foreign_zips(folder, names, payload):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        for name in names:
            if name != "bpviz_session.npy":
                z.writestr(name, payload)
        z.writestr("bpviz_session.npy", payload)
    path = folder / "foreign.npz"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(SessionError) as info:
        load_session(path)
    _one_line(info.value)
