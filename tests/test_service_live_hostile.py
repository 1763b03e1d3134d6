"""Hostile clients against the real server (gunicorn with the Docker image's command): slow
clients, lying lengths, broken framing, hostile JSON, runaway documents, crowds. Each is answered
with its documented JSON status, never 500, while `/healthz` keeps answering.

The server runs with short limits (client 1.5 s, engine 1 s) so that the suite stays fast;
`bench/hostile_clients.py` runs the same attacks against the default limits and prints figures.
"""

from __future__ import annotations

import json
import random
import socket
import threading
import time
from collections import Counter
from collections.abc import Iterator

import pytest
from service_support.live import LiveServer, gunicorn_server

from bench.hostile_clients import (
    NO_ANSWER,
    Answer,
    HealthProbe,
    concurrently,
    exchange,
    idle_connections,
    post,
    request_head,
    slow_body,
    slow_headers,
)

CLIENT_TIMEOUT = 1.5
REQUEST_TIMEOUT = 1.0


@pytest.fixture(scope="module")
def server() -> Iterator[LiveServer]:
    env = {"NORMALIZER_CLIENT_TIMEOUT": str(CLIENT_TIMEOUT),
           "NORMALIZER_REQUEST_TIMEOUT": str(REQUEST_TIMEOUT), "NORMALIZER_ACCESS_LOG": "0"}
    with gunicorn_server(workers=2, env=env) as live:
        yield live


def json_error(answer: Answer, status: int, code: str | None = None) -> str:
    """Assert a JSON error answer with `status` (and `code`); its message."""
    assert answer.status == status, answer
    assert answer.content_type == "application/json", answer
    error = json.loads(answer.body)["error"]
    assert set(error) == {"code", "message"}
    if code is not None:
        assert error["code"] == code
    return error["message"]


# --------------------------------------------------------------------------- slow clients


def test_slow_clients_get_408_and_do_not_starve_healthz(server):
    """Issue 9, item 13: 4 clients stuck in their body and 2 in their headers; /healthz stays
    fast (the benchmark's target is 100 ms; a loaded test machine gets some slack)."""
    stuck: list[Answer] = []
    clients = [lambda: slow_body(server.address)] * 4
    clients += [lambda: slow_headers(server.address, byte_every=0.2)] * 2
    attack = threading.Thread(target=lambda: stuck.extend(concurrently(clients)))
    probe = HealthProbe(server.address)
    with probe.running():
        attack.start()
        attack.join(timeout=30)
    assert probe.failures == 0 and len(probe.latencies) >= 10
    assert max(probe.latencies) < 500, probe.latencies
    assert len(stuck) == 6
    for answer in stuck:
        message = json_error(answer, 408, "request_timeout")
        assert f"within {CLIENT_TIMEOUT:g} s" in message
        assert CLIENT_TIMEOUT - 0.1 < answer.seconds < CLIENT_TIMEOUT + 3


def test_idle_connections_hold_no_thread_and_are_closed(server):
    """gunicorn alone gives each new connection a thread for up to 5 s: a hundred idle
    connections would hold all 32 threads. Here they wait in the poller, then are closed."""
    closed: list[Answer] = []
    attack = threading.Thread(target=lambda: closed.extend(idle_connections(server.address, 100)))
    probe = HealthProbe(server.address)
    with probe.running():
        attack.start()
        attack.join(timeout=30)
    assert probe.failures == 0 and max(probe.latencies) < 500, probe.latencies
    assert len(closed) == 100 and {a.status for a in closed} == {NO_ANSWER}
    assert all(a.seconds < CLIENT_TIMEOUT + 3 for a in closed)


def test_a_body_shorter_than_declared_is_refused(server):
    with socket.create_connection(server.address, timeout=10) as sock:
        head = request_head("POST", "/v1/normalize",
                            {"Content-Type": "text/plain", "Content-Length": "1000"})
        sock.sendall(head + b"Libva")
        sock.shutdown(socket.SHUT_WR)
        answer = exchange_rest(sock)
    assert "ended before its declared length" in json_error(answer, 400, "incomplete_body")


def exchange_rest(sock: socket.socket) -> Answer:
    data = b""
    while chunk := sock.recv(65536):
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    content_type = [line.split(b":", 1)[1].strip() for line in head.split(b"\r\n")
                    if line.lower().startswith(b"content-type:")]
    return Answer(int(head.split()[1]), 0.0, content_type[0].decode(), body)


# --------------------------------------------------------------------------- lengths and framing


@pytest.mark.parametrize("declared", [99_999_999_999, 3 * 1024 * 1024])
def test_a_declared_length_over_the_limit_is_413_at_once(server, declared):
    head = request_head("POST", "/v1/normalize",
                        {"Content-Type": "text/plain", "Content-Length": str(declared)})
    answer = exchange(server.address, head, timeout=10)
    assert "limit of" in json_error(answer, 413, "request_entity_too_large")
    assert answer.seconds < 1


@pytest.mark.parametrize(
    ("head", "status"),
    [
        (request_head("POST", "/v1/normalize", {"Content-Length": "12abc"}), 400),
        (request_head("POST", "/v1/normalize", {"Content-Length": "-1"}), 400),
        (request_head("POST", "/v1/normalize", {"Transfer-Encoding": "gzip"}), 400),
        (request_head("GET", "/healthz", {f"X-{i}": "a" for i in range(200)}), 431),
        (request_head("GET", "/healthz", {"X-Big": "a" * 9000}), 431),
        (request_head("GET", "/" + "a" * 9000), 414),
        (b"NOT A REQUEST\r\n\r\n", 400),
        (request_head("POST", "/v1/normalize", {"Transfer-Encoding": "gzip, chunked"})
         + b"0\r\n\r\n", 501),
        (request_head("POST", "/v1/normalize", {"Content-Encoding": "gzip",
                                                 "Content-Type": "text/plain"}, b"x"), 415),
    ],
    ids=["bad-length", "negative-length", "gzip-coding", "200-headers", "9KB-header",
         "9KB-url", "garbage", "gzip-then-chunked", "compressed-body"],
)
def test_errors_gunicorn_answers_itself_are_json(server, head, status):
    json_error(exchange(server.address, head, timeout=10), status)


def test_options_is_json(server):
    answer = exchange(server.address, request_head("OPTIONS", "/v1/normalize"))
    assert answer.status == 200 and answer.content_type == "application/json"
    assert json.loads(answer.body) == {"allow": ["OPTIONS", "POST"]}


# --------------------------------------------------------------------------- hostile JSON


@pytest.mark.parametrize(
    "body",
    [
        b"[" * 100_000 + b"]" * 100_000,
        b'{"text": "a", "gazetteer": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
        b'{"documents": [' + b"{" * 50_000 + b"}" * 50_000 + b"]}",
        b'{"text": NaN}',
        b'{"text": "a", "text": "b"}',
        b'{"text": ' + b"9" * 5000 + b"}",
    ],
    ids=["deep-arrays", "deep-gazetteer", "deep-batch", "nan", "duplicate-key", "huge-number"],
)
def test_hostile_json_is_400_malformed_json(server, body):
    path = "/v1/normalize/batch" if body.startswith(b'{"documents"') else "/v1/normalize"
    json_error(exchange(server.address, post(path, body)), 400, "malformed_json")


def test_batch_names_an_unknown_top_level_field(server):
    body = json.dumps({"documents": [], "colour": "red"}).encode()
    message = json_error(exchange(server.address, post("/v1/normalize/batch", body)), 400)
    assert message.startswith("colour: unknown field")


def test_v2_check_refuses_data_beside_text(server):
    body = b"language=en-US&text=Libva&data=%7B%7D"
    answer = exchange(server.address,
                      post("/v2/check", body, "application/x-www-form-urlencoded"))
    assert json_error(answer, 400, "invalid_field").startswith("data: ")


# --------------------------------------------------------------------------- cost


def test_the_time_limit_interrupts_the_engine_and_the_worker_lives_on(server):
    runaway = runaway_text(7)
    started = time.monotonic()
    answer = exchange(server.address, post("/v1/normalize", runaway, "text/plain"))
    assert f"{REQUEST_TIMEOUT:g} s time limit" in json_error(answer, 503, "timeout")
    assert time.monotonic() - started < REQUEST_TIMEOUT + 2
    for _ in range(4):  # both workers still answer
        assert exchange(server.address, post("/v1/check", b"Libva", "text/plain")).status == 200


def runaway_text(seed: int, words: int = 8000) -> bytes:
    """Distinct made-up words: each one a cold candidate search, about 15 s of engine work on a
    quiet machine (a repeated sentence hits the engine's memos and can finish in time)."""
    rng = random.Random(seed)
    return " ".join(
        "".join(rng.choice("etaoinshrdlucmfwyp") for _ in range(rng.randint(6, 9)))
        for _ in range(words)
    ).encode()


def test_healthz_never_queues_behind_documents_waiting_for_the_engine():
    """One process with two threads and six runaway documents: every thread waits for the
    engine for seconds, yet the liveness probe is answered at once by its own threads."""
    env = {"NORMALIZER_THREADS": "2", "NORMALIZER_REQUEST_TIMEOUT": str(REQUEST_TIMEOUT),
           "NORMALIZER_ACCESS_LOG": "0"}
    with gunicorn_server(workers=1, env=env) as live:
        crowd = [lambda seed=seed: exchange(live.address, post("/v1/normalize", runaway_text(seed),
                                                                "text/plain"))
                 for seed in range(6)]
        answers: list[Answer] = []
        attack = threading.Thread(target=lambda: answers.extend(concurrently(crowd)))
        probe = HealthProbe(live.address)
        with probe.running():
            attack.start()
            attack.join(timeout=60)
        assert {a.status for a in answers} == {503}  # each one past the engine's time limit
        assert probe.failures == 0 and len(probe.latencies) >= 20
        assert max(probe.latencies) < 500, probe.latencies


def test_long_tokens_and_a_crowd_cost_no_error_and_little_memory(server):
    tokens = [b"The word " + b"a" * 2000 + b" appears here.",
              b"The word " + b"A" + b"a" * 1999 + b" appears here.",
              b"The word " + b"word" * 500 + b" appears here."]
    answers = concurrently([lambda t=t: exchange(server.address, post("/v1/normalize", t,
                                                                      "text/plain"))
                            for t in tokens * 7])
    assert {a.status for a in answers} == {200}
    sentence = b"Talks with Sergey Lavroy in Libva."  # short: the crowd, not the engine, is tested
    crowd = concurrently([lambda: exchange(server.address,
                                           post("/v1/normalize", sentence, "text/plain"))] * 200)
    statuses = Counter(a.status for a in crowd)
    assert set(statuses) <= {200, 503} and statuses[200] > 0, statuses  # never 500, never silence
    for answer in crowd:  # past the 1 s limit (a busy machine), a documented refusal
        if answer.status == 503:
            json_error(answer, 503, "timeout")
    assert all(rss < 300 for rss in server.worker_rss_mib()), server.worker_rss_mib()
