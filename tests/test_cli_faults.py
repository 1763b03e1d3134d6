"""Hostile input and faults met by the command line (issue 9, items 3-10), as real processes.

Cases that fit the tests/cli/ folder format live there (stdin over the limit, /dev/zero,
UTF-16, empty words and stage lists, bad ports, -o to devices); these need what a folder
cannot hold: FIFOs, sockets, symlink loops, hard links, read-only modes, closed or full
standard streams, a port in use and a SIGKILL.
"""

from __future__ import annotations

import os
import shlex
import signal
import socket
import stat
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from normalizer import cli
from normalizer.cli import options, runner

REPO = Path(__file__).resolve().parent.parent
SEED = (REPO / "seeds" / "pompeo-lavrov-bounties.input.txt").read_text(encoding="utf-8")
CLEAN_TEXT = "Hello world.\n\nThe minister spoke on Friday.\n"
NORMALIZER = [sys.executable, "-m", "normalizer"]


@dataclass
class Run:
    returncode: int
    stdout: bytes
    stderr: bytes


@pytest.fixture
def main(tmp_path, monkeypatch, capsysbinary):
    """Run the command line in this process, in `tmp_path`: main(*args) -> Run."""
    monkeypatch.chdir(tmp_path)

    def _main(*args: str) -> Run:
        status = cli.main(list(args))
        out, err = capsysbinary.readouterr()
        return Run(status, out, err)

    return _main


def _shell(command: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    """Run `normalizer` inside a shell command line (for <&-, >&-, >/dev/full, 2>&-)."""
    program = " ".join(shlex.quote(part) for part in NORMALIZER)
    return subprocess.run(
        ["bash", "-c", command.replace("normalizer", program, 1)], cwd=cwd,
        capture_output=True, timeout=60, check=False,
    )


# --------------------------------------------------------------------------- special files


def test_a_walk_skips_fifos_sockets_and_broken_or_looping_symlinks(main, tmp_path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(CLEAN_TEXT)
    os.mkfifo(corpus / "pipe.txt")
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(corpus / "sock.txt"))
    (corpus / "self.txt").symlink_to("self.txt")
    (corpus / "ping.txt").symlink_to("pong.txt")
    (corpus / "pong.txt").symlink_to("ping.txt")
    (corpus / "gone.txt").symlink_to("missing.txt")
    (corpus / "link.txt").symlink_to("good.txt")
    os.mkfifo(corpus / "pipe.csv")  # not taken by the include globs: not even a note
    try:
        for command in ("check", "clean"):
            args = ["--in-place"] if command == "clean" else []
            proc = main(command, *args, "--jobs", "1", "corpus")
            assert proc.returncode == 0, proc.stderr
            assert b"Traceback" not in proc.stderr
            assert proc.stderr.decode().splitlines()[:-1] == [
                "normalizer: note: corpus/gone.txt: skipped, broken symlink",
                "normalizer: note: corpus/ping.txt: skipped, symlink loop",
                "normalizer: note: corpus/pipe.txt: skipped, not a regular file (FIFO)",
                "normalizer: note: corpus/pong.txt: skipped, symlink loop",
                "normalizer: note: corpus/self.txt: skipped, symlink loop",
                "normalizer: note: corpus/sock.txt: skipped, not a regular file (socket)",
            ]
            assert proc.stderr.decode().splitlines()[-1].endswith(", 6 skipped")
    finally:
        server.close()
    assert stat.S_ISFIFO((corpus / "pipe.txt").stat().st_mode)
    assert (corpus / "self.txt").is_symlink()


def test_special_files_named_explicitly(main, tmp_path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "self.txt").symlink_to("self.txt")
    proc = main("check", "-q", "pipe.txt", "self.txt")  # no writer: refused, never waited for
    assert proc.returncode == 2
    assert proc.stderr.decode().splitlines() == [
        "normalizer: error: pipe.txt: FIFO with nothing to read (no writer has it open)",
        "normalizer: error: self.txt: Too many levels of symbolic links",
    ]
    in_place = main("clean", "-i", "-q", "pipe.txt")
    assert in_place.returncode == 2
    assert in_place.stderr.decode() == (
        "normalizer: error: pipe.txt: not a regular file (FIFO), --in-place will not rewrite it\n"
    )
    assert stat.S_ISFIFO((tmp_path / "pipe.txt").stat().st_mode)


def test_a_fifo_with_a_writer_is_read_like_stdin(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    proc = subprocess.Popen(
        [*NORMALIZER, "check", "-f", "brief", "pipe.txt"], cwd=tmp_path,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    with open(fifo, "wb") as writer:  # blocks until the command opens it for reading
        writer.write(b"Talks with Sergey Lavroy and Mike Pompeo.\n")
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 1, err
    assert out == b"pipe.txt:1:19: Lavroy -> Lavrov (ocr.gazetteer)\n"


def test_output_to_a_fifo_needs_a_reader(main, tmp_path) -> None:
    (tmp_path / "a.txt").write_text(CLEAN_TEXT)
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    nobody = main("clean", "a.txt", "-o", "out.fifo")
    assert nobody.returncode == 2
    assert nobody.stderr.decode().splitlines()[0] == (
        "normalizer: error: out.fifo: FIFO with no reader, nothing would receive the text"
    )
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # a reader, open before the run
    try:
        proc = main("clean", "a.txt", "-o", "out.fifo")
        assert proc.returncode == 0, proc.stderr
        assert os.read(reader, 1 << 16) == CLEAN_TEXT.encode()
    finally:
        os.close(reader)
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_output_to_dev_null_leaves_the_device_alone(main, tmp_path) -> None:
    (tmp_path / "a.txt").write_text(SEED)
    proc = main("clean", "a.txt", "-o", "/dev/null")
    assert proc.returncode == 0, proc.stderr
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


# --------------------------------------------------------------------------- what is replaced


def test_output_and_in_place_refuse_the_same_files(main, tmp_path) -> None:
    (tmp_path / "a.txt").write_text(SEED)
    readonly = tmp_path / "ro.txt"
    readonly.write_text("old\n")
    readonly.chmod(0o444)
    linked = tmp_path / "linked.txt"
    linked.write_text(SEED)
    os.link(linked, tmp_path / "other-name.txt")
    to_ro = main("clean", "a.txt", "-o", "ro.txt")
    assert to_ro.returncode == 2
    assert to_ro.stderr.decode().splitlines()[0] == (
        "normalizer: error: ro.txt: file is read-only, -o will not replace it"
    )
    assert readonly.read_text() == "old\n" and stat.S_IMODE(readonly.stat().st_mode) == 0o444
    to_linked = main("clean", "a.txt", "-o", "linked.txt")
    in_place = main("clean", "-i", "linked.txt")
    for proc, option, verb in ((to_linked, "-o", "replace"), (in_place, "--in-place", "rewrite")):
        assert proc.returncode == 2
        assert proc.stderr.decode().splitlines()[0] == (
            f"normalizer: error: linked.txt: file has 2 hard links, {option} will not {verb} it "
            "(the other names would keep the old text)"
        )
    assert linked.read_text() == SEED and linked.stat().st_nlink == 2
    fresh = main("clean", "a.txt", "-o", "new.txt")
    assert fresh.returncode == 0 and (tmp_path / "new.txt").read_text() != SEED


# --------------------------------------------------------------------------- standard streams


@pytest.mark.parametrize(
    ("command", "message"),
    [
        ("normalizer clean <&-", "cannot read stdin: it is closed"),
        ("normalizer clean a.txt >&-", "cannot write to stdout: it is closed"),
        ("normalizer clean a.txt >/dev/full", "cannot write to stdout: No space left on device"),
        ("normalizer check -f json a.txt >&-", "cannot write to stdout: it is closed"),
        ("normalizer explain Lavroy >/dev/full", "cannot write to stdout: No space left on device"),
        ("normalizer --help >/dev/full", "cannot write to stdout: No space left on device"),
        ("normalizer clean --help >&-", "cannot write to stdout: it is closed"),
        ("normalizer --version >/dev/full", "cannot write to stdout: No space left on device"),
    ],
)
def test_closed_or_full_stdin_and_stdout_are_one_line_errors(tmp_path, command, message) -> None:
    (tmp_path / "a.txt").write_text(CLEAN_TEXT)
    proc = _shell(command, tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.decode() == f"normalizer: error: {message}\n"


def test_closed_stderr_and_streams_a_command_does_not_need(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(SEED)
    failing = _shell("normalizer check missing.txt 2>&-", tmp_path)
    assert (failing.returncode, failing.stdout, failing.stderr) == (2, b"", b"")
    full = _shell("normalizer check missing.txt 2>/dev/full", tmp_path)
    assert full.returncode == 2
    fine = _shell(f"printf %s {shlex.quote(CLEAN_TEXT)} | normalizer clean 2>&-", tmp_path)
    assert (fine.returncode, fine.stdout) == (0, CLEAN_TEXT.encode())
    all_closed = _shell("normalizer clean <&- >&- 2>&-", tmp_path)
    assert all_closed.returncode == 2
    in_place = _shell("normalizer clean -i a.txt <&- >&-", tmp_path)  # needs neither
    assert in_place.returncode == 0, in_place.stderr
    assert (tmp_path / "a.txt").read_text() != SEED


# --------------------------------------------------------------------------- workers, temp files


def test_jobs_are_capped_at_the_cores_with_a_note(main, tmp_path, monkeypatch) -> None:
    used: list[int] = []
    real = runner.run_tasks

    def spy(settings, tasks, jobs):
        used.append(jobs)
        return real(settings, tasks, 1)

    monkeypatch.setattr(runner, "run_tasks", spy)
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(CLEAN_TEXT)
    cores = options.cores()
    proc = main("check", "--jobs", str(cores + 198), "a.txt", "b.txt")
    assert proc.returncode == 0 and used == [cores]
    assert proc.stderr.decode().splitlines()[0] == (
        f"normalizer: note: --jobs {cores + 198} lowered to {cores}, the cores available"
    )
    assert main("check", "-q", "--jobs", "200", "a.txt", "b.txt").stderr == b""


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc (Linux)")
def test_pool_workers_die_with_a_killed_main_process(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(60):
        (corpus / f"{i:03}.txt").write_text(SEED)
    parent = subprocess.Popen(
        [*NORMALIZER, "clean", "-i", "-q", "--jobs", "2", "corpus"], cwd=tmp_path,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    workers: set[int] = set()
    try:
        deadline = time.monotonic() + 60
        while len(workers) < 2 and time.monotonic() < deadline and parent.poll() is None:
            workers = _children(parent.pid)
            time.sleep(0.05)
        assert len(workers) == 2, "the pool never started"
        parent.send_signal(signal.SIGKILL)
        parent.wait(timeout=10)
        deadline = time.monotonic() + 10
        while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not any(_alive(pid) for pid in workers), "orphaned workers"
    finally:
        if parent.poll() is None:
            parent.kill()
        for pid in workers:  # a failed run must not leave them behind either
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)


def test_stale_temp_files_are_swept_by_the_next_write(main, tmp_path) -> None:
    finished = subprocess.Popen(["true"])
    finished.wait()
    stale = tmp_path / f".a.txt.normalizer-{finished.pid}-abcd1234.tmp"
    live = tmp_path / f".b.txt.normalizer-{os.getpid()}-abcd1234.tmp"
    mine = tmp_path / ".c.txt.abcd1234.tmp"  # not this program's name: never touched
    for path in (stale, live, mine):
        path.write_text("partial")
    (tmp_path / "a.txt").write_text(SEED)
    proc = main("clean", "-i", "-q", "a.txt")
    assert proc.returncode == 0, proc.stderr
    assert not stale.exists() and live.exists() and mine.exists()


# --------------------------------------------------------------------------- serve


def test_serve_on_a_port_in_use_fails_at_once(main) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        proc = main("serve", "--port", str(port))  # before the service is even imported
    assert proc.returncode == 2
    assert proc.stderr.decode() == (
        f"normalizer: error: cannot listen on 127.0.0.1:{port}: Address already in use; "
        "another program listens there, choose another --port\n"
    )
