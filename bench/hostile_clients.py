"""Hostile clients against the HTTP service: it must answer each with its documented status,
never 500, keep `/healthz` fast meanwhile, and give its memory back afterwards.

    python bench/hostile_clients.py                 # starts gunicorn (2 workers) itself
    python bench/hostile_clients.py --url http://127.0.0.1:8080 --server-pid 1234

Loopback only, and bounded: every attack has a fixed size, every socket a timeout, and the run
stops by itself (about a minute with the default limits). The attacks, in order, each
while `/healthz` is asked every 50 ms on fresh connections:

- slow bodies: 4 clients send headers with `Content-Length: 1000`, then 3 bytes, then nothing;
- slow headers: 4 clients send a request line, then one header byte per second;
- idle connections: 300 connections that send nothing, until the server closes them;
- declared lengths: `Content-Length: 99999999999` and 3 MB, with no body;
- bad framing: an invalid Content-Length, 200 headers, a 9 KB header, a 9 KB URL, `OPTIONS`;
- nested JSON: 100,000 levels of arrays, 40,000 of objects, 100,000 of arrays inside
  `gazetteer`; `NaN`;
  a duplicate key; a 5,000-digit number;
- long tokens: 20 requests at once with 2 KB tokens (`'a' * 2000` in a sentence, capitalized,
  a word repeated without spaces);
- crowd: 200 concurrent requests posting the seed article (11 KB);
- worst case: one body of the largest accepted size (`max_body_bytes`) of each of the engine's
  slowest shapes, one after the other: dense synthetic OCR text (from the benchmark data, when
  present; `--data`) and one long line of words with errors. They must end within the time
  limit: that is what the body limit is sized for.

For each attack it prints the statuses received, the slowest answer, and the `/healthz`
latencies (p50, max) and failures during the attack; at the end, the RSS of the gunicorn
master and workers (with psutil, the `bench` extra). Exit status 1 if any answer was not the
one documented for its attack (a 500, a missing answer, another status, not JSON).
"""

from __future__ import annotations

import argparse
import json
import select
import socket
import statistics
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.service_load import (
    SEED,
    add_server_arguments,
    memory_report,
    noisy_text,
    serving,
)

HEALTHZ_EVERY = 0.05
NO_ANSWER = 0
"""The status recorded when the server closed, reset or did not answer in time."""


@dataclass(frozen=True)
class Answer:
    status: int
    seconds: float
    content_type: str = ""
    body: bytes = b""


def request_head(method: str, path: str, headers: dict[str, str] | None = None,
                 body: bytes = b"") -> bytes:
    """An HTTP/1.1 request (head and body); Content-Length from `body` unless given."""
    fields = {"Host": "127.0.0.1", "Connection": "close", **(headers or {})}
    if body and "Content-Length" not in fields:
        fields["Content-Length"] = str(len(body))
    lines = [f"{method} {path} HTTP/1.1", *(f"{k}: {v}" for k, v in fields.items())]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


def post(path: str, body: bytes, content_type: str = "application/json") -> bytes:
    return request_head("POST", path, {"Content-Type": content_type}, body)


def _read_answer(sock: socket.socket, started: float) -> Answer:
    """Read one HTTP answer (headers, then Content-Length bytes); NO_ANSWER on close/reset."""
    data = b""
    try:
        while b"\r\n\r\n" not in data:
            chunk = sock.recv(65536)
            if not chunk:
                return Answer(NO_ANSWER, time.perf_counter() - started)
            data += chunk
        head, _, body = data.partition(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        pairs = (line.partition(":") for line in lines[1:])
        headers = {name.strip().lower(): value.strip() for name, _, value in pairs}
        length = int(headers.get("content-length", "0"))
        while len(body) < length:
            chunk = sock.recv(65536)
            if not chunk:
                break
            body += chunk
        status = int(lines[0].split()[1])
        return Answer(status, time.perf_counter() - started, headers.get("content-type", ""), body)
    except (OSError, ValueError, IndexError):
        return Answer(NO_ANSWER, time.perf_counter() - started)


def exchange(address: tuple[str, int], data: bytes, timeout: float = 30.0) -> Answer:
    """Send a whole request at once and read the answer."""
    started = time.perf_counter()
    try:
        with socket.create_connection(address, timeout=timeout) as sock:
            sock.sendall(data)
            return _read_answer(sock, started)
    except OSError:
        return Answer(NO_ANSWER, time.perf_counter() - started)


def slow_body(address: tuple[str, int], timeout: float = 60.0) -> Answer:
    """Headers declaring 1,000 bytes, then 3 bytes, then nothing: wait for the server's answer."""
    started = time.perf_counter()
    head = request_head("POST", "/v1/normalize",
                        {"Content-Type": "text/plain", "Content-Length": "1000"})
    try:
        with socket.create_connection(address, timeout=timeout) as sock:
            sock.sendall(head + b"abc")
            return _read_answer(sock, started)
    except OSError:
        return Answer(NO_ANSWER, time.perf_counter() - started)


def slow_headers(address: tuple[str, int], byte_every: float = 1.0, limit: float = 60.0) -> Answer:
    """A request line, then one header byte every `byte_every` seconds until the server answers
    or closes (at most `limit` seconds)."""
    started = time.perf_counter()
    trickle = b"X-Slow: " + b"a" * 4000
    try:
        with socket.create_connection(address, timeout=limit) as sock:
            sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            for byte in trickle:
                readable, _, _ = select.select([sock], [], [], byte_every)
                if readable or time.perf_counter() - started > limit:
                    break
                sock.sendall(bytes([byte]))
            return _read_answer(sock, started)
    except OSError:
        return Answer(NO_ANSWER, time.perf_counter() - started)


def idle_connections(address: tuple[str, int], count: int, limit: float = 60.0) -> list[Answer]:
    """Open `count` connections that send nothing; wait (at most `limit` s) until the server
    closes each. NO_ANSWER for each closed, as expected; 408 would also do."""
    started = time.perf_counter()
    sockets = [socket.create_connection(address, timeout=limit) for _ in range(count)]
    try:
        return [_read_answer(sock, started) for sock in sockets]
    finally:
        for sock in sockets:
            sock.close()


@dataclass
class HealthProbe:
    """Asks `/healthz` every HEALTHZ_EVERY seconds while running; latencies in ms."""

    address: tuple[str, int]
    latencies: list[float] = field(default_factory=list)
    failures: int = 0
    _stop: threading.Event = field(default_factory=threading.Event)

    def _run(self) -> None:
        while not self._stop.wait(HEALTHZ_EVERY):
            answer = exchange(self.address, request_head("GET", "/healthz"), timeout=10)
            if answer.status == 200:
                self.latencies.append(answer.seconds * 1000)
            else:
                self.failures += 1

    @contextmanager
    def running(self) -> Iterator[HealthProbe]:
        thread = threading.Thread(target=self._run, daemon=True)
        thread.start()
        try:
            yield self
        finally:
            self._stop.set()
            thread.join()

    def summary(self) -> str:
        if not self.latencies:
            return f"{'-':>8} {'-':>8} {self.failures:>5}"
        p50 = statistics.median(self.latencies)
        return f"{p50:>8.1f} {max(self.latencies):>8.1f} {self.failures:>5}"


def concurrently(calls: list[Callable[[], Answer]]) -> list[Answer]:
    with ThreadPoolExecutor(max_workers=len(calls)) as pool:
        return list(pool.map(lambda call: call(), calls))


def worst_case_bodies(size: int, data: str | None) -> list[bytes]:
    """`size` bytes of each of the engine's slowest known inputs."""
    line = b"Talks with Sergey Lavroy in Libva today " * (size // 40 + 1)
    bodies = [line[:size]]
    with suppress(OSError, SystemExit):  # no benchmark data here: the line only
        bodies.insert(0, noisy_text(size, data))
    return bodies


def attacks(address: tuple[str, int], max_body: int,
            data: str | None) -> dict[str, tuple[Callable[[], list[Answer]], set[int]]]:
    """Each attack: a function that runs it and returns the answers it got, and the statuses
    the service documents for it."""
    seed = SEED.read_bytes()
    long_tokens = [
        b"The word " + b"a" * 2000 + b" appears here.",
        b"The word " + b"A" + b"a" * 1999 + b" appears here.",
        b"The word " + b"word" * 500 + b" appears here.",
    ]
    deep = 40_000  # 240 KB of objects: under the default body limit
    nested = [
        b"[" * 100_000 + b"]" * 100_000,
        b"{" + b'"a":{' * deep + b"}" * deep + b"}",
        b'{"text": "a", "gazetteer": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
        b'{"text": NaN}',
        b'{"text": "a", "text": "b"}',
        b'{"text": ' + b"9" * 5000 + b"}",
    ]
    framing = [
        request_head("POST", "/v1/normalize", {"Content-Length": "12abc"}),
        request_head("GET", "/healthz", {f"X-{i}": "a" for i in range(200)}),
        request_head("GET", "/healthz", {"X-Big": "a" * 9000}),
        request_head("GET", "/" + "a" * 9000),
        request_head("OPTIONS", "/v1/normalize"),
    ]
    oversized = [
        request_head("POST", "/v1/normalize",
                     {"Content-Type": "text/plain", "Content-Length": str(length)})
        for length in (99_999_999_999, 3 * 1024 * 1024)
    ]

    def send_all(payloads: list[bytes]) -> list[Answer]:
        return concurrently([lambda p=p: exchange(address, p) for p in payloads])

    return {  # name: (attack, the statuses it may get)
        "slow bodies x4": (lambda: concurrently([lambda: slow_body(address)] * 4), {408}),
        "slow headers x4": (lambda: concurrently([lambda: slow_headers(address)] * 4), {408}),
        "idle conns x300": (lambda: idle_connections(address, 300), {NO_ANSWER}),
        "declared lengths": (lambda: send_all(oversized), {413}),
        "bad framing": (lambda: send_all(framing), {200, 400, 414, 431}),
        "nested/strict JSON": (
            lambda: send_all([post("/v1/normalize", body) for body in nested]), {400}),
        "2 KB tokens x20": (lambda: send_all(
            [post("/v1/normalize", long_tokens[i % 3], "text/plain") for i in range(20)]), {200}),
        "crowd x200": (lambda: send_all(
            [post("/v1/normalize", seed, "text/plain") for _ in range(200)]), {200, 503}),
        "worst case at limit": (lambda: [
            exchange(address, post("/v1/normalize", body, "text/plain"), timeout=120)
            for body in worst_case_bodies(max_body, data)], {200, 503}),
    }


def run(address: tuple[str, int], max_body: int, data: str | None) -> int:
    """Run every attack and print the table; the number of unexpected answers (a 500, no
    answer where one is due, a status not documented for the attack, an answer not in JSON).
    A 503 `timeout` on a crowd or a worst-case body is documented: shown, not counted."""
    print(f"{'attack':<20} {'answers (status x count)':<34} {'slowest s':>9} "
          f"{'hz p50':>8} {'hz max':>8} {'hz ko':>5}")
    unexpected = 0
    for name, (attack, expected) in attacks(address, max_body, data).items():
        probe = HealthProbe(address)
        with probe.running():
            answers = attack()
        statuses = Counter(a.status for a in answers)
        shown = " ".join(f"{s or 'none'}x{n}" for s, n in sorted(statuses.items()))
        slowest = max(a.seconds for a in answers)
        print(f"{name:<20} {shown:<34} {slowest:>9.2f} {probe.summary()}", flush=True)
        wrong = [a.status for a in answers if a.status not in expected
                 or (a.status and a.content_type != "application/json")]
        if wrong or probe.failures:
            print(f"{'':<20} unexpected: {wrong}, /healthz failures: {probe.failures}")
        unexpected += len(wrong) + probe.failures
    return unexpected


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_server_arguments(parser)
    parser.add_argument("--data", help="benchmark data folder (see bench/datasets.py)")
    args = parser.parse_args(argv)
    with serving(parser, args) as (host, port, master_pid):
        info = json.loads(exchange((host, port), request_head("GET", "/v1/info")).body)
        print(f"limits: {info['limits']}")
        unexpected = run((host, port), info["limits"]["max_body_bytes"], args.data)
        time.sleep(1)  # let the workers finish what the attacks left them
        if master_pid is not None:
            print("\n".join(memory_report(master_pid)))
        print(f"unexpected answers: {unexpected}")
    return 1 if unexpected else 0


if __name__ == "__main__":
    raise SystemExit(main())
