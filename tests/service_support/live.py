"""Start the real server (gunicorn, the Dockerfile's command) on a free loopback port."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import requests

from service.server import GUNICORN_ARGS

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "pompeo-lavrov-bounties"
STARTUP_SECONDS = 60


@dataclass(frozen=True)
class LiveServer:
    url: str
    log: Path
    pid: int
    """The server's process (the gunicorn master)."""

    @property
    def address(self) -> tuple[str, int]:
        host, _, port = self.url.removeprefix("http://").rpartition(":")
        return host, int(port)

    def worker_rss_mib(self) -> list[float]:
        """Resident memory of each worker process (Linux /proc)."""
        children = Path(f"/proc/{self.pid}/task/{self.pid}/children").read_text().split()
        sizes = []
        for child in children:
            status = Path(f"/proc/{child}/status").read_text()
            (line,) = [row for row in status.splitlines() if row.startswith("VmRSS:")]
            sizes.append(int(line.split()[1]) / 1024)
        return sizes

    def log_lines(self) -> list[str]:
        return self.log.read_text(encoding="utf-8", errors="replace").splitlines()


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_ready(url: str, process: subprocess.Popen, log: Path) -> None:
    """Poll `url`/readyz until it answers 200; fail with the server's log otherwise."""
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        try:
            if requests.get(f"{url}/readyz", timeout=2).status_code == 200:
                return
        except requests.ConnectionError:
            pass
        time.sleep(0.1)
    tail = "\n".join(log.read_text(errors="replace").splitlines()[-30:])
    raise RuntimeError(f"server at {url} did not become ready; log:\n{tail}")


def stop(process: subprocess.Popen) -> int:
    """SIGTERM, then SIGKILL after 15 s; the exit status."""
    if process.poll() is None:
        process.terminate()
        try:
            return process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
    return process.wait(timeout=15)


@contextmanager
def running(command: list[str], port: int, env: dict[str, str]) -> Iterator[LiveServer]:
    """Run `command` (a server listening on `port`) until the block ends."""
    url = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory(prefix="normalizer-service-") as tmp:
        log = Path(tmp) / "server.log"
        with log.open("wb") as out:
            process = subprocess.Popen(
                command, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT,
                env={**os.environ, **env},
            )
        try:
            wait_ready(url, process, log)
            yield LiveServer(url, log, process.pid)
        finally:
            stop(process)


@contextmanager
def gunicorn_server(workers: int = 2, env: dict[str, str] | None = None) -> Iterator[LiveServer]:
    """The service as the Docker image runs it: `gunicorn <GUNICORN_ARGS>`."""
    port = free_port()
    settings = {"NORMALIZER_BIND": f"127.0.0.1:{port}", "NORMALIZER_WORKERS": str(workers)}
    command = [sys.executable, "-m", "gunicorn", *GUNICORN_ARGS]
    with running(command, port, {**settings, **(env or {})}) as server:
        yield server
