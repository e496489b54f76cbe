"""Saves never destroy what is at the target: symlinks are followed, devices and FIFOs written, not replaced."""
from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading

import pytest

from bpviz.atomic import WriteError, check_writable, remove_stale_temp_files, write_bytes, write_text
from cli_helpers import run_cli

HANG_GUARD_S = 30


def _char_device(path) -> bool:
    """A character device (the null device, 1:3) at `path` if this user may make one."""
    try:
        os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        return True
    except (PermissionError, OSError):
        return False


def test_a_symlink_is_followed_and_stays_a_link(tmp_path):
    real = tmp_path / "real"
    real.mkdir()
    (real / "loss.csv").write_text("old")
    link = tmp_path / "link.csv"
    link.symlink_to(real / "loss.csv")
    write_text(link, "new")
    assert link.is_symlink() and os.readlink(link) == str(real / "loss.csv")
    assert (real / "loss.csv").read_text() == "new"
    # the temp file was made in the target's folder, and is gone
    assert sorted(p.name for p in real.iterdir()) == ["loss.csv"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.csv", "real"]


def test_a_dangling_symlink_creates_its_target(tmp_path):
    link = tmp_path / "link.csv"
    link.symlink_to(tmp_path / "made.csv")
    write_text(link, "data")
    assert link.is_symlink() and (tmp_path / "made.csv").read_text() == "data"


def test_a_symlink_into_a_missing_folder_is_refused(tmp_path):
    link = tmp_path / "link.csv"
    link.symlink_to(tmp_path / "gone" / "made.csv")
    with pytest.raises(WriteError, match="no such folder"):
        write_text(link, "data")
    assert link.is_symlink()


def test_the_old_files_mode_is_kept_and_a_new_file_follows_the_umask(tmp_path):
    target = tmp_path / "script.py"
    target.write_text("old")
    target.chmod(0o751)
    write_text(target, "new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o751 and target.read_text() == "new"
    old_mask = os.umask(0o027)
    try:
        write_text(tmp_path / "fresh.txt", "x")
    finally:
        os.umask(old_mask)
    assert stat.S_IMODE((tmp_path / "fresh.txt").stat().st_mode) == 0o640


def test_missing_folder_and_directory_are_refused_in_one_line(tmp_path):
    with pytest.raises(WriteError) as info:
        write_text(tmp_path / "missing" / "x.csv", "x")
    assert "no such folder" in str(info.value) and "\n" not in str(info.value)
    (tmp_path / "dir.csv").mkdir()
    with pytest.raises(WriteError, match="is a directory"):
        write_text(tmp_path / "dir.csv", "x")
    assert (tmp_path / "dir.csv").is_dir()
    with pytest.raises(WriteError, match="is a directory"):
        check_writable(tmp_path / "dir.csv")


def test_dev_null_stays_a_character_device():
    write_bytes("/dev/null", b"thrown away")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_device_node_is_written_not_replaced(tmp_path):
    node = tmp_path / "x.csv"
    if _char_device(node):
        write_text(node, "loss\n")
    else:  # no CAP_MKNOD: a FIFO is the special file this user can make
        os.mkfifo(node)
        assert _through_fifo(node, b"loss\n") == b"loss\n"
    mode = os.stat(node).st_mode
    assert stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.csv"]


def _through_fifo(fifo, data: bytes) -> bytes:
    """What a reader of `fifo` receives while write_bytes(fifo, data) runs in a thread."""
    rfd = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # the reader exists before the writer opens
    writer = threading.Thread(target=write_bytes, args=(fifo, data), daemon=True)
    writer.start()
    received = bytearray()
    try:
        for _ in range(HANG_GUARD_S * 1000):
            try:
                chunk = os.read(rfd, 1 << 16)
            except BlockingIOError:
                chunk = b""
            received += chunk
            if len(received) >= len(data) or (not chunk and not writer.is_alive()):
                break
            if not chunk:
                threading.Event().wait(0.001)
    finally:
        os.close(rfd)
    writer.join(HANG_GUARD_S)
    return bytes(received)


def test_a_fifo_with_a_reader_receives_the_data(tmp_path):
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    data = b"x" * 300_000  # more than a pipe buffer: the write waits for the reader
    assert _through_fifo(fifo, data) == data and stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_a_fifo_nobody_reads_is_an_error_not_a_hang(tmp_path):
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    outcome = []

    def write():
        try:
            write_text(fifo, "x")
        except WriteError as exc:
            outcome.append(str(exc))

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    writer.join(HANG_GUARD_S)
    assert outcome and "pipe that nothing reads" in outcome[0]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_cli_export_to_a_device_keeps_the_device(tmp_path, capsys):
    node = tmp_path / "x.csv"
    if not _char_device(node):
        node = "/dev/null"
    code, _, err = run_cli(capsys, "--steps", "10", "--export-loss", str(node))
    assert code == 0, err
    assert stat.S_ISCHR(os.stat(node).st_mode)


def test_cli_export_through_a_symlink_writes_the_target(tmp_path, capsys):
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "loss.csv").write_text("old")
    link = tmp_path / "link.csv"
    link.symlink_to(tmp_path / "real" / "loss.csv")
    code, _, err = run_cli(capsys, "--steps", "10", "--export-loss", str(link))
    assert code == 0, err
    assert link.is_symlink() and (tmp_path / "real" / "loss.csv").read_text().startswith("step,")


# -- temp files of interrupted saves --------------------------------------------------------------

def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_stale_temp_files_are_removed_by_the_next_save_into_that_folder(tmp_path):
    dead = tmp_path / f".run.npz.bpviz-{_dead_pid()}-0123abcd.tmp"
    dead.write_bytes(b"half a session")
    live = tmp_path / f".run.npz.bpviz-{os.getppid()}-0123abcd.tmp"  # a running process's save in progress
    live.write_bytes(b"being written")
    old_live = tmp_path / f".old.npz.bpviz-{os.getppid()}-00ff00ff.tmp"
    old_live.write_bytes(b"untouched for two hours: its pid was reused")
    os.utime(old_live, (os.path.getmtime(old_live) - 7200,) * 2)
    others = [tmp_path / ".run.npz.tmp", tmp_path / "notes.bpviz-1-00.tmp", tmp_path / ".x.bpviz-1-zz.tmp"]
    for other in others:
        other.write_bytes(b"not ours")
    write_text(tmp_path / "out.txt", "x")
    assert not dead.exists() and not old_live.exists()
    assert live.exists() and all(o.exists() for o in others)


def test_stale_cleanup_leaves_directories_and_symlinks_alone(tmp_path):
    pid = _dead_pid()
    folder = tmp_path / f".a.bpviz-{pid}-00.tmp"
    folder.mkdir()
    link = tmp_path / f".b.bpviz-{pid}-00.tmp"
    link.symlink_to(tmp_path / "elsewhere")
    assert remove_stale_temp_files(tmp_path) == []
    assert folder.is_dir() and link.is_symlink()


def test_dev_stdout_as_output_writes_to_the_pipe(tmp_path):
    """/dev/stdout leads to pipe:[N], which has no path: it is written by its own name, never replaced."""
    code = "from bpviz.atomic import write_text; write_text('/dev/stdout', 'through the pipe\\n')"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=HANG_GUARD_S)
    assert out.returncode == 0 and out.stdout == "through the pipe\n", out.stderr
