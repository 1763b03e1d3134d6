"""Load test of the HTTP service: seed-size documents at several concurrency levels.

    python bench/service_load.py                       # starts gunicorn (2 workers) itself
    python bench/service_load.py --url http://127.0.0.1:8080 --server-pid 1234
    python bench/service_load.py --noisy 100000 --connections 1 2   # worst case: dense OCR noise

For each level (default 1, 8 and 32 concurrent connections) a small asyncio HTTP/1.1 client in
this process posts the seed article to /v1/normalize for a fixed time, then prints requests/s,
p50 and p99 latency, errors and the bytes of text normalized per second; at the end, the
resident memory of the gunicorn master and workers (RSS, and PSS/USS, which show how much of it
the preloaded workers share). `--noisy BYTES` posts dense synthetic OCR text of that size (the
corpus of bench/speed.py, from the benchmark data) instead of the seed: the engine's worst
case, which sets the service's body limit (docs/service.md, "Limits").
Only loopback addresses are accepted. Needs psutil (the `bench` extra) for the memory figures.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "pompeo-lavrov-bounties.input.txt"
MAX_REQUESTS_PER_LEVEL = 1_000_000
STARTUP_SECONDS = 60


@dataclass
class Level:
    connections: int
    seconds: float
    document_bytes: int
    latencies: list[float] = field(default_factory=list)
    errors: int = 0

    def row(self) -> str:
        done = len(self.latencies)
        if done:
            ordered = sorted(self.latencies)
            p50 = statistics.median(ordered) * 1000
            p99 = ordered[min(done - 1, int(done * 0.99))] * 1000
        else:
            p50 = p99 = float("nan")
        kb_per_second = done * self.document_bytes / self.seconds / 1000
        return (
            f"{self.connections:>11} {done:>9} {done / self.seconds:>9.1f} "
            f"{p50:>8.1f} {p99:>8.1f} {self.errors:>7} {kb_per_second:>8.1f}"
        )


def request_bytes(host: str, port: int, path: str, body: bytes) -> bytes:
    head = (
        f"POST {path} HTTP/1.1\r\nHost: {host}:{port}\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n"
        f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
    )
    return head.encode("ascii") + body


async def one_connection(host: str, port: int, payload: bytes, level: Level, until: float) -> None:
    """Send requests one after the other (a new TCP connection each) until `until`."""
    while time.monotonic() < until and len(level.latencies) < MAX_REQUESTS_PER_LEVEL:
        started = time.perf_counter()
        try:
            reader, writer = await asyncio.open_connection(host, port)
            writer.write(payload)
            await writer.drain()
            response = await reader.read()
            writer.close()
            await writer.wait_closed()
        except OSError:
            level.errors += 1
            continue
        if response.startswith(b"HTTP/1.1 200 "):
            level.latencies.append(time.perf_counter() - started)
        else:
            level.errors += 1


async def run_level(
    host: str, port: int, payload: bytes, connections: int, seconds: float, document_bytes: int
) -> Level:
    level = Level(connections, seconds, document_bytes)
    until = time.monotonic() + seconds
    await asyncio.gather(
        *(one_connection(host, port, payload, level, until) for _ in range(connections))
    )
    return level


def noisy_corpus(min_chars: int, data: str | None, seed: int = 11) -> str:
    """At least `min_chars` of dense synthetic OCR text: bench/speed.py's corpus, drawn again
    with the next seed until it is long enough, documents separated by blank lines."""
    sys.path.insert(0, str(ROOT))
    from bench import datasets
    from bench.speed import build_corpus

    documents: list[str] = []
    while sum(map(len, documents)) < min_chars:
        documents += build_corpus(datasets.data_dir(data), seed)
        seed += 1
    return "\n\n".join(documents)


def noisy_text(size: int, data: str | None) -> bytes:
    """About `size` bytes of dense synthetic OCR text, UTF-8."""
    text = noisy_corpus(size, data)
    return text.encode("utf-8")[:size].decode("utf-8", "ignore").encode("utf-8")


def memory_report(master_pid: int) -> list[str]:
    try:
        import psutil
    except ImportError:
        return ["memory: install psutil (pip install -e '.[bench]') for RSS figures"]
    master = psutil.Process(master_pid)
    lines = [f"{'process':>14} {'pid':>7} {'RSS MiB':>8} {'PSS MiB':>8} {'USS MiB':>8}"]
    for role, process in [("master", master)] + [("worker", p) for p in master.children()]:
        info = process.memory_full_info()
        mib = [getattr(info, name, 0) / 2**20 for name in ("rss", "pss", "uss")]
        lines.append(f"{role:>14} {process.pid:>7} {mib[0]:>8.1f} {mib[1]:>8.1f} {mib[2]:>8.1f}")
    return lines


def start_server(port: int, workers: int) -> subprocess.Popen:
    sys.path.insert(0, str(ROOT))
    from service.server import GUNICORN_ARGS

    env = {**os.environ, "NORMALIZER_BIND": f"127.0.0.1:{port}", "NORMALIZER_WORKERS": str(workers)}
    return subprocess.Popen(
        [sys.executable, "-m", "gunicorn", *GUNICORN_ARGS],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def wait_ready(host: str, port: int, process: subprocess.Popen | None) -> None:
    import urllib.error
    import urllib.request

    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise SystemExit("the server exited during start-up")
        try:
            with urllib.request.urlopen(f"http://{host}:{port}/readyz", timeout=2) as answer:
                if answer.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            time.sleep(0.2)
    raise SystemExit(f"no ready server at {host}:{port}")


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def add_server_arguments(parser: argparse.ArgumentParser) -> None:
    """`--url`, `--server-pid`, `--workers`: the options `serving` reads."""
    parser.add_argument("--url", help="a running service (loopback only); default: start one")
    parser.add_argument("--server-pid", type=int, help="gunicorn master pid, for memory figures")
    parser.add_argument("--workers", type=int, default=2, help="workers of a started server")


@contextmanager
def serving(
    parser: argparse.ArgumentParser, args: argparse.Namespace
) -> Iterator[tuple[str, int, int | None]]:
    """The server under test, ready: `--url` (loopback only) with `--server-pid`, or gunicorn
    started here with `--workers` (stopped at the end). Yields host, port and master pid."""
    process = None
    if args.url:
        parts = urlsplit(args.url)
        host, port = parts.hostname or "", parts.port or 80
        if host not in ("127.0.0.1", "localhost", "::1"):
            parser.error("--url must be a loopback address")
        master_pid = args.server_pid
    else:
        host, port = "127.0.0.1", free_port()
        process = start_server(port, args.workers)
        master_pid = process.pid
    try:
        wait_ready(host, port, process)
        yield host, port, master_pid
    finally:
        if process is not None:
            process.terminate()
            process.wait(timeout=30)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_server_arguments(parser)
    parser.add_argument("--seconds", type=float, default=10.0, help="duration of each level")
    parser.add_argument("--connections", type=int, nargs="+", default=[1, 8, 32])
    parser.add_argument("--path", default="/v1/normalize")
    parser.add_argument("--document", type=Path, default=SEED, help="UTF-8 text to post")
    parser.add_argument("--noisy", type=int, metavar="BYTES",
                        help="post dense synthetic OCR text of about this size instead")
    parser.add_argument("--data", help="benchmark data folder for --noisy (see bench/datasets.py)")
    args = parser.parse_args(argv)
    if args.noisy:
        name, document = "dense synthetic OCR text", noisy_text(args.noisy, args.data)
    else:
        name, document = args.document.name, args.document.read_bytes()

    with serving(parser, args) as (host, port, master_pid):
        payload = request_bytes(host, port, args.path, document)
        asyncio.run(run_level(host, port, payload, 2, 2.0, len(document)))  # warm-up
        print(
            f"POST {args.path}: {name} ({len(document)} bytes), "
            f"{args.seconds:g} s per level, {os.cpu_count()} CPUs"
        )
        print(
            f"{'connections':>11} {'requests':>9} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} "
            f"{'errors':>7} {'KB/s':>8}"
        )
        for connections in args.connections:
            level = asyncio.run(
                run_level(host, port, payload, connections, args.seconds, len(document))
            )
            print(level.row(), flush=True)
        if master_pid is not None:
            print("\n".join(memory_report(master_pid)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
