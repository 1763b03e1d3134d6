"""The real server: gunicorn started with the Dockerfile's command, talked to over HTTP."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from collections.abc import Iterator

import language_tool_python
import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, given, settings
from service_support.live import (
    ROOT,
    SEED,
    LiveServer,
    free_port,
    gunicorn_server,
    stop,
    wait_ready,
)

SEED_INPUT = SEED.with_suffix(".input.txt").read_text(encoding="utf-8")
SEED_EXPECTED = SEED.with_suffix(".expected.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def server() -> Iterator[LiveServer]:
    with gunicorn_server(workers=2) as live:
        yield live


def post(server: LiveServer, path: str, **kwargs) -> requests.Response:
    return requests.post(server.url + path, timeout=30, **kwargs)


# --------------------------------------------------------------------------- the seed


def test_seed_through_normalize_gives_the_expected_file(server):
    response = post(server, "/v1/normalize", data=SEED_INPUT.encode(),
                    headers={"Content-Type": "text/plain; charset=utf-8"})
    assert response.status_code == 200
    assert response.json()["text"] == SEED_EXPECTED
    as_json = post(server, "/v1/normalize", json={"text": SEED_INPUT}).json()
    assert as_json == response.json()


def test_seed_check_lists_two_fixes_and_two_removals(server):
    body = post(server, "/v1/check", json={"text": SEED_INPUT}).json()
    assert set(body) == {"edits", "stats"}
    edits = body["edits"]
    assert all(not edit["applied"] for edit in edits)
    fixes = sorted((e["original"], e["replacement"]) for e in edits
                   if e["kind"] in ("ocr", "spelling", "entity"))
    assert fixes == [("Lavroy", "Lavrov"), ("Libva", "Libya")]
    removals = [e["original"] for e in edits if e["kind"] == "boilerplate"]
    assert len(removals) == 2
    assert removals[0].startswith("Updates on Afghanistan Sign up for a daily email")
    assert removals[1].startswith("Understand the Taliban Takeover in Afghanistan")
    assert all(e["replacement"] == "" for e in edits if e["kind"] == "boilerplate")
    for edit in edits:
        assert SEED_INPUT[edit["start"]:edit["end"]] == edit["original"]


def test_batch_of_seeds(server):
    documents = [{"text": SEED_INPUT}, {"text": None}, {"text": SEED_INPUT, "mode": "suggest"}]
    results = post(server, "/v1/normalize/batch", json={"documents": documents}).json()["results"]
    assert results[0]["text"] == SEED_EXPECTED
    assert results[1]["error"]["status"] == 400
    assert results[2]["text"] == SEED_INPUT


# --------------------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("method", "path", "kwargs", "status"),
    [
        ("post", "/v1/normalize", {"data": b"{oops", "headers": {"Content-Type": "application/json"}}, 400),
        ("post", "/v1/normalize", {"json": {"text": ["a"]}}, 400),
        ("post", "/v1/normalize", {"data": b"x" * (256 * 1024 + 1), "headers": {"Content-Type": "text/plain"}}, 413),
        ("post", "/v1/check", {"data": iter([b"x" * 1024 * 1024] * 3), "headers": {"Content-Type": "text/plain"}}, 413),
        ("post", "/v1/normalize", {"data": b"<a/>", "headers": {"Content-Type": "application/xml"}}, 415),
        ("post", "/v1/check", {"data": b"Libva\xff", "headers": {"Content-Type": "text/plain"}}, 422),
        ("get", "/v1/normalize", {}, 405),
        ("get", "/nowhere", {}, 404),
    ],
)
def test_bad_input_gets_its_status_and_a_json_error(server, method, path, kwargs, status):
    response = requests.request(method, server.url + path, timeout=30, **kwargs)
    assert response.status_code == status
    assert response.headers["Content-Type"] == "application/json"
    assert set(response.json()["error"]) == {"code", "message"}


# --------------------------------------------------------------------------- operations


def test_probes_info_and_metrics(server):
    assert requests.get(server.url + "/healthz", timeout=5).json() == {"status": "ok"}
    ready = requests.get(server.url + "/readyz", timeout=5).json()
    assert ready["status"] == "ready"
    info = requests.get(server.url + "/v1/info", timeout=5).json()
    assert info["dictionaries"]["sizes"] == ready["dictionaries"]
    post(server, "/v1/normalize", data=SEED_INPUT.encode(), headers={"Content-Type": "text/plain"})
    metrics = requests.get(server.url + "/metrics", timeout=5)
    assert metrics.headers["Content-Type"].startswith("text/plain")
    assert "# TYPE normalizer_http_request_duration_seconds histogram" in metrics.text
    assert "# TYPE normalizer_edits_total counter" in metrics.text


def test_metrics_sum_all_workers_in_multiprocess_mode(tmp_path):
    with gunicorn_server(workers=2, env={"PROMETHEUS_MULTIPROC_DIR": str(tmp_path)}) as live:
        for _ in range(12):
            post(live, "/v1/check", json={"text": "Lavroy"})
        line = 'normalizer_http_requests_total{method="POST",route="/v1/check",status="200"} 12.0'
        for _ in range(4):  # whichever worker answers the scrape
            assert line in requests.get(live.url + "/metrics", timeout=5).text


def test_structured_access_log_on_stdout(server):
    requests.get(server.url + "/healthz", headers={"X-Request-ID": "live-log-1"}, timeout=5)
    post(server, "/v1/check", json={"text": "a"}, headers={"X-Request-ID": "live-log-2"})
    entries = {}
    for line in server.log_lines():
        if line.startswith("{"):
            entry = json.loads(line)
            entries[entry["id"]] = entry
    assert entries["live-log-1"]["route"] == "/healthz" and entries["live-log-1"]["status"] == 200
    second = entries["live-log-2"]
    assert {"id", "route", "status", "ms", "bytes"} <= set(second) and second["bytes"] > 0


# --------------------------------------------------------------------------- LanguageTool clients


def test_language_tool_python_finds_the_seed_errors(server):
    tool = language_tool_python.LanguageTool("en-US", remote_server=server.url)
    try:
        matches = tool.check(SEED_INPUT)
        typos = {(m.matched_text, m.replacements[0]) for m in matches if m.category == "TYPOS"}
        assert typos == {("Lavroy", "Lavrov"), ("Libva", "Libya")}
        assert tool.correct(SEED_INPUT) == SEED_EXPECTED
        tool.disable_spellchecking()
        assert all(m.category != "TYPOS" for m in tool.check(SEED_INPUT))
        emoji = "🙂 " + SEED_INPUT
        tool.enable_spellchecking()
        shifted = [m for m in tool.check(emoji) if m.category == "TYPOS"]
        assert sorted(emoji[m.offset:m.offset + m.error_length] for m in shifted) == [
            "Lavroy", "Libva"
        ]
    finally:
        tool.close()


# --------------------------------------------------------------------------- the contract


@pytest.mark.parametrize("mode", [schemathesis.GenerationMode.POSITIVE,
                                  schemathesis.GenerationMode.NEGATIVE])
def test_openapi_contract_holds(server, mode):
    """schemathesis: no 500, statuses, content types and bodies as documented, valid data
    accepted and invalid data rejected, on every operation of /openapi.json."""
    schema = schemathesis.openapi.from_url(server.url + "/openapi.json")

    @given(case=schema.as_strategy(generation_mode=mode))
    @settings(max_examples=60, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    def run(case: schemathesis.Case) -> None:
        case.call_and_validate(timeout=30)

    run()


# --------------------------------------------------------------------------- serve()


def serve_command(port: int, *profile: str) -> list[str]:
    arguments = ", ".join(repr(a) for a in ("127.0.0.1", port, 1, *profile))
    return [sys.executable, "-c",
            f"from service.server import serve; raise SystemExit(serve({arguments}))"]


def test_serve_runs_gunicorn_and_stops_cleanly(tmp_path):
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("wb") as out:
        process = subprocess.Popen(serve_command(port), cwd=ROOT, stdout=out,
                                   stderr=subprocess.STDOUT)
    try:
        wait_ready(f"http://127.0.0.1:{port}", process, log)
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=30) == 0
    finally:
        stop(process)
    assert "Booting worker" in log.read_text()


def test_serve_reports_a_bad_profile():
    bad = subprocess.run(serve_command(free_port(), "missing.toml"), cwd=ROOT,
                         capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2
    assert "missing.toml" in bad.stderr
