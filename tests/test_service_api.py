"""The service through Flask's test client: every client-error case, options, auth, limits."""

from __future__ import annotations

import json
import logging
import re
import sys
import time

import pytest
from service_support.live import SEED

from normalizer import Edit, Normalizer, Result
from service import create_app
from service.config import ServiceConfig
from service.openapi import NON_BLANK
from service.ratelimit import RateLimiter
from service.web import PAGE_ENDPOINTS

SEED_INPUT = SEED.with_suffix(".input.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def app():
    return create_app({"access_log": False})


@pytest.fixture
def client(app):
    return app.test_client()


def error_of(response, status: int, code: str | None = None) -> str:
    """Assert a JSON error with `status` (and `code`); its message."""
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == "application/json"
    body = response.get_json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    if code is not None:
        assert body["error"]["code"] == code
    return body["error"]["message"]


class _Faulty(Normalizer):
    """An engine that fails (server fault) or never finishes (time limit)."""

    def __init__(self, behaviour: str) -> None:
        super().__init__()
        self.behaviour = behaviour

    def normalize(self, text: str, **options: object) -> Result:
        if self.behaviour == "crash":
            raise RuntimeError("secret internal detail")
        until = time.monotonic() + 5
        while time.monotonic() < until:  # busy, like the engine: Python code, not a sleep
            pass
        raise AssertionError("the deadline should have interrupted the engine")


class _Fixed(Normalizer):
    """An engine answering one suggestion on the last word, whatever the text."""

    def normalize(self, text: str, **options: object) -> Result:
        start = text.rindex(" ") + 1
        edit = Edit(start, len(text), text[start:], "Libya", "ocr", "ocr.test", 0.9, "test")
        return Result(text, (edit,), {})


# --------------------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"text": 3}, "text"),
        ({}, "text"),
        ({"text": "a", "mode": "loud"}, "mode"),
        ({"text": "a", "mode": None}, "mode"),
        ({"text": "a", "only": "spelling"}, "only"),
        ({"text": "a", "only": ["spelling", "grammar"]}, "only[1]"),
        ({"text": "a", "skip": [1]}, "skip[0]"),
        ({"text": "a", "allow": [True]}, "allow[0]"),
        ({"text": "a", "gazetteer": {"name": "X"}}, "gazetteer"),
        ({"text": "a", "gazetteer": [{"name": "X", "type": "city"}]}, "gazetteer[0].type"),
        ({"text": "a", "gazetteer": [{"name": " "}]}, "gazetteer[0].name"),
        ({"text": "a", "gazetteer": [{"name": "X", "kind": "person"}]}, "gazetteer[0].kind"),
        ({"text": "a", "colour": "red"}, "colour"),
        (["text"], "body"),
    ],
)
def test_wrong_field_is_400_naming_the_field(client, body, field):
    message = error_of(client.post("/v1/normalize", json=body), 400, "invalid_field")
    assert message.startswith(f"{field}: ")


def test_check_rejects_mode(client):
    message = error_of(client.post("/v1/check", json={"text": "a", "mode": "fix"}), 400)
    assert message.startswith("mode: unknown field")


@pytest.mark.parametrize("path", ["/v1/normalize", "/v1/check", "/v1/normalize/batch"])
def test_malformed_json_is_400(client, path):
    response = client.post(path, data=b'{"text": "a",', content_type="application/json")
    assert "malformed JSON at line 1" in error_of(response, 400, "malformed_json")


@pytest.mark.parametrize(
    ("content_type", "data"),
    [(None, b"text"), ("application/xml", b"<t/>"), ("text/plain; charset=latin-1", b"caf\xe9")],
)
def test_unsupported_content_type_is_415(client, content_type, data):
    response = client.post("/v1/normalize", data=data, content_type=content_type)
    error_of(response, 415, "unsupported_media_type")


@pytest.mark.parametrize(
    ("path", "content_type", "data"),
    [
        ("/v1/normalize", "text/plain", b"Libva \xff\xfe"),
        ("/v1/check", "text/plain; charset=utf-8", b"\xc3("),
        ("/v1/normalize", "application/json", b'{"text": "caf\xe9"}'),
        ("/v1/normalize", "application/json", b'{"text": "a \\ud800 b"}'),
        ("/v2/check", "application/x-www-form-urlencoded", b"language=en-US&text=caf%E9"),
    ],
)
def test_text_that_is_not_utf8_is_422(client, path, content_type, data):
    error_of(client.post(path, data=data, content_type=content_type), 422, "invalid_utf8")


def test_body_over_limit_is_413():
    small = create_app({"access_log": False, "max_body_bytes": 1000}).test_client()
    response = small.post("/v1/normalize", data=b"a" * 1001, content_type="text/plain")
    assert "limit of 1000 bytes" in error_of(response, 413)
    assert small.post("/v1/normalize", data=b"a" * 1000, content_type="text/plain").status_code == 200


def test_unknown_route_and_method_are_json(client):
    error_of(client.get("/v1/nothing"), 404, "not_found")
    response = client.get("/v1/normalize")
    error_of(response, 405, "method_not_allowed")
    assert "POST" in response.headers["Allow"]
    options = client.options("/v1/normalize")
    assert options.status_code == 200 and options.mimetype == "application/json"
    assert options.get_json() == {"allow": ["OPTIONS", "POST"]}
    assert set(options.headers["Allow"].split(", ")) == {"OPTIONS", "POST"}


def test_a_declared_length_over_the_limit_is_refused_before_any_read():
    small = create_app({"access_log": False, "max_body_bytes": 1000}).test_client()

    class Unreadable:
        def read(self, *args):
            raise AssertionError("the body was read")

    response = small.post("/v1/normalize", content_type="text/plain", environ_overrides={
        "CONTENT_LENGTH": "99999999999", "wsgi.input": Unreadable()})
    assert "limit of 1000 bytes" in error_of(response, 413, "request_entity_too_large")


def test_server_fault_is_json_500_with_request_id_and_no_trace(caplog):
    client = create_app({"access_log": False}, normalizer=_Faulty("crash")).test_client()
    with caplog.at_level(logging.ERROR, logger="normalizer.service"):
        response = client.post("/v1/normalize", json={"text": "x"}, headers={"X-Request-ID": "r-42"})
    message = error_of(response, 500, "internal_error")
    assert "r-42" in message and "secret" not in message and "Traceback" not in response.text
    assert response.headers["X-Request-ID"] == "r-42"
    assert any("r-42" in r.getMessage() and r.exc_info for r in caplog.records)


def test_engine_past_the_time_limit_is_503():
    client = create_app(
        {"access_log": False, "request_timeout": 0.2}, normalizer=_Faulty("slow")
    ).test_client()
    started = time.monotonic()
    response = client.post("/v1/normalize", data="x", content_type="text/plain")
    assert time.monotonic() - started < 2
    assert "0.2 s time limit" in error_of(response, 503, "timeout")
    batch = client.post("/v1/normalize/batch", json={"documents": [{"text": "a"}, {"text": "b"}]})
    assert [r["error"]["code"] for r in batch.get_json()["results"]] == ["timeout", "timeout"]


# --------------------------------------------------------------------------- endpoints


def test_normalize_accepts_json_and_plain_text_alike(client):
    as_json = client.post("/v1/normalize", json={"text": SEED_INPUT}).get_json()
    as_text = client.post("/v1/normalize", data=SEED_INPUT.encode(), content_type="text/plain")
    assert as_json == as_text.get_json()
    assert set(as_json) == {"text", "edits", "stats"}


def test_options_reach_the_engine(client):
    text = "Sergey V. Lavroy met officials in Libva."
    skipped = client.post("/v1/normalize", json={"text": text, "skip": ["spelling"]}).get_json()
    assert skipped["text"] == text and skipped["edits"] == []
    allowed = client.post("/v1/normalize", json={"text": text, "allow": ["Libva"]}).get_json()
    assert "Libva" in allowed["text"]
    suggested = client.post("/v1/normalize", json={"text": text, "mode": "suggest"}).get_json()
    assert suggested["text"] == text
    assert all(not edit["applied"] for edit in suggested["edits"])


def test_batch_answers_each_document_independently(client):
    documents = [{"text": "One."}, {"text": 5}, "not an object", {"text": "Two.", "mode": "suggest"}]
    response = client.post("/v1/normalize/batch", json={"documents": documents})
    assert response.status_code == 200
    results = response.get_json()["results"]
    assert [r.get("text") for r in results] == ["One.", None, None, "Two."]
    assert results[1]["error"] == {
        "code": "invalid_field", "message": "documents[1].text: expected a string, got number",
        "status": 400,
    }
    assert results[2]["error"]["message"].startswith("documents[2]: expected a JSON object")


def test_batch_limits_and_shape(client, app):
    limit = app.extensions["normalizer_service"].config.batch_max_documents
    too_many = {"documents": [{"text": "a"}] * (limit + 1)}
    error_of(client.post("/v1/normalize/batch", json=too_many), 400, "too_many_documents")
    error_of(client.post("/v1/normalize/batch", json={"documents": {}}), 400, "invalid_field")
    error_of(client.post("/v1/normalize/batch", json=[]), 400, "invalid_field")
    response = client.post("/v1/normalize/batch", data="a", content_type="text/plain")
    error_of(response, 415)


def test_info_reports_version_profile_and_dictionaries(client):
    info = client.get("/v1/info").get_json()
    assert info["version"] == "0.1.0"
    assert info["profile"]["mode"] == "fix"
    assert info["limits"]["max_body_bytes"] == 256 * 1024
    assert set(info["dictionaries"]) == {"sizes", "sources"}
    assert info["dictionaries"]["sizes"]["common_words"] > 80_000
    assert "built/wordfreq_en.tsv" in info["dictionaries"]["sources"]


def test_metrics_count_requests_and_edits_by_kind():
    client = create_app({"access_log": False}).test_client()
    client.post("/v1/normalize", data=SEED_INPUT.encode(), content_type="text/plain")
    client.get("/v1/missing")
    text = client.get("/metrics").get_data(as_text=True)
    assert 'normalizer_http_requests_total{method="POST",route="/v1/normalize",status="200"} 1.0' in text
    assert 'route="<unmatched>",status="404"' in text
    assert 'normalizer_http_request_duration_seconds_bucket{le="0.05",route="/v1/normalize"}' in text
    assert 'normalizer_edits_total{applied="true",kind="boilerplate"} 2.0' in text
    assert 'normalizer_documents_total{endpoint="normalize"} 1.0' in text


def test_openapi_lists_every_route(client, app):
    """Every route but the web page's (HTML and its files, not API operations)."""
    document = client.get("/openapi.json").get_json()
    assert document["openapi"].startswith("3.")
    routes = {
        (rule.rule, method.lower())
        for rule in app.url_map.iter_rules()
        if rule.endpoint not in PAGE_ENDPOINTS
        for method in rule.methods - {"HEAD", "OPTIONS"}
    }
    documented = {(path, method) for path, ops in document["paths"].items() for method in ops}
    assert routes == documented


# --------------------------------------------------------------------------- LanguageTool


def utf16_slice(text: str, offset: int, length: int) -> str:
    return text.encode("utf-16-le")[2 * offset : 2 * (offset + length)].decode("utf-16-le")


def test_v2_offsets_count_utf16_units_after_astral_characters():
    client = create_app({"access_log": False}, normalizer=_Fixed()).test_client()
    text = "🇺🇸 😀 talks in Libva"
    body = client.post("/v2/check", data={"text": text, "language": "en-US"}).get_json()
    (match,) = body["matches"]
    assert (match["offset"], match["length"]) == (len(text) - 5 + 3, 5)
    assert utf16_slice(text, match["offset"], match["length"]) == "Libva"
    context = match["context"]
    assert utf16_slice(context["text"], context["offset"], context["length"]) == "Libva"
    assert match["replacements"] == [{"value": "Libya"}]
    assert match["rule"]["category"]["id"] == "TYPOS"


def test_v2_check_on_the_seed_with_emoji(client):
    text = "😀🎉 " + SEED_INPUT
    response = client.post("/v2/check", data={"text": text, "language": "en-US"})
    body = response.get_json()
    assert body["software"]["apiVersion"] == 1 and body["language"]["code"] == "en-US"
    found = {utf16_slice(text, m["offset"], m["length"]): m for m in body["matches"]}
    assert found["Lavroy"]["replacements"][0]["value"] == "Lavrov"
    assert found["Libva"]["replacements"][0]["value"] == "Libya"
    assert found["Libva"]["sentence"].startswith("Also during the hearing")
    categories = {m["rule"]["category"]["id"] for m in body["matches"]}
    assert categories == {"TYPOS", "BOILERPLATE", "TYPOGRAPHY"}


def test_v2_rule_and_category_filters(client):
    def check(**fields):
        data = {"text": SEED_INPUT, "language": "en-US", **fields}
        return client.post("/v2/check", data=data).get_json()["matches"]

    every = check()
    assert {m["rule"]["category"]["id"] for m in check(disabledCategories="TYPOS")} == {
        "BOILERPLATE", "TYPOGRAPHY"
    }
    one_rule = every[0]["rule"]["id"]
    assert all(m["rule"]["id"] != one_rule for m in check(disabledRules=one_rule))
    only = check(enabledRules=one_rule, enabledOnly="true")
    assert only and {m["rule"]["id"] for m in only} == {one_rule}
    assert check(enabledOnly="true") == []


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"language": "en-US"}, "text"),
        ({"text": "a"}, "language"),
        ({"text": "a", "language": "de-DE"}, "language"),
        ({"text": "a", "language": "en-US", "enabledOnly": "yes"}, "enabledOnly"),
        ({"data": "{}", "language": "en-US"}, "data"),
    ],
)
def test_v2_bad_fields_are_400(client, data, field):
    assert error_of(client.post("/v2/check", data=data), 400).startswith(f"{field}: ")


def test_v2_needs_a_form(client):
    error_of(client.post("/v2/check", json={"text": "a", "language": "en-US"}), 415)


def test_v2_languages(client):
    languages = client.get("/v2/languages").get_json()
    assert {"name": "English (US)", "code": "en", "longCode": "en-US"} in languages


# --------------------------------------------------------------------------- options


def test_api_key_when_configured():
    client = create_app({"access_log": False, "api_key": "s3cret"}).test_client()
    error_of(client.post("/v1/normalize", json={"text": "a"}), 401, "unauthorized")
    error_of(client.post("/v1/normalize", json={"text": "a"}, headers={"X-API-Key": "no"}), 401)
    assert client.post("/v1/normalize", json={"text": "a"}, headers={"X-API-Key": "s3cret"}).status_code == 200
    bearer = {"Authorization": "Bearer s3cret"}
    assert client.post("/v1/check", json={"text": "a"}, headers=bearer).status_code == 200
    lt = {"text": "a", "language": "en-US"}
    error_of(client.post("/v2/check", data=lt), 401)
    assert client.post("/v2/check", data={**lt, "apiKey": "s3cret"}).status_code == 200
    for public in ("/healthz", "/readyz", "/openapi.json", "/v2/languages"):
        assert client.get(public).status_code == 200
    error_of(client.get("/metrics"), 401)
    assert "securitySchemes" in client.get("/openapi.json").get_json()["components"]


def test_rate_limit_when_configured():
    client = create_app({"access_log": False, "rate_limit": 2}).test_client()
    assert client.post("/v1/check", json={"text": "a"}).status_code == 200
    assert client.post("/v1/check", json={"text": "a"}).status_code == 200
    response = client.post("/v1/check", json={"text": "a"})
    error_of(response, 429, "rate_limited")
    assert 1 <= int(response.headers["Retry-After"]) <= 60
    assert client.get("/healthz").status_code == 200


def test_rate_limit_window_resets():
    now = [0.0]
    limiter = RateLimiter(1, clock=lambda: now[0])
    limiter.check("a")
    limiter.check("b")
    with pytest.raises(Exception, match="more than 1 requests per minute"):
        limiter.check("a")
    now[0] = 60.0
    limiter.check("a")


def test_settings_from_environment_and_dict():
    env = {"NORMALIZER_MAX_BODY_BYTES": "10", "NORMALIZER_ACCESS_LOG": "off",
           "NORMALIZER_REQUEST_TIMEOUT": "1.5"}
    config = ServiceConfig.load({"max_body_bytes": 20}, env)
    assert (config.max_body_bytes, config.access_log, config.request_timeout) == (20, False, 1.5)
    with pytest.raises(ValueError, match="unknown service setting 'colour'"):
        ServiceConfig.load({"colour": 1}, {})
    with pytest.raises(ValueError, match="NORMALIZER_RATE_LIMIT: expected int"):
        ServiceConfig.load(None, {"NORMALIZER_RATE_LIMIT": "many"})
    with pytest.raises(ValueError, match="client_timeout: expected seconds > 0"):
        ServiceConfig.load(None, {"NORMALIZER_CLIENT_TIMEOUT": "0"})


def test_access_log_is_one_json_line_per_request(capsys):
    client = create_app().test_client()
    client.post("/v1/check", json={"text": "a"}, headers={"X-Request-ID": "abc-1"})
    line = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert line["id"] == "abc-1" and line["route"] == "/v1/check" and line["status"] == 200
    assert line["bytes"] > 0 and line["ms"] >= 0


def test_profile_file_sets_the_engine_profile(tmp_path):
    profile = tmp_path / "house.toml"
    profile.write_text('mode = "suggest"\nallow = ["Libva"]\n', encoding="utf-8")
    client = create_app({"access_log": False, "profile_path": str(profile)}).test_client()
    info = client.get("/v1/info").get_json()["profile"]
    assert (info["source"], info["mode"], info["allow"]) == (str(profile), "suggest", ["Libva"])
    text = "Sergey V. Lavroy met officials."
    assert client.post("/v1/normalize", json={"text": text}).get_json()["text"] == text


def test_the_schema_reads_a_blank_gazetteer_name_as_the_service_does():
    """The documented pattern and the service's `str.strip` check agree on every character,
    so a client that validates against /openapi.json is never refused for a blank name."""
    pattern = re.compile(NON_BLANK)
    disagree = [hex(code) for code in range(sys.maxunicode + 1)
                if (pattern.fullmatch(chr(code)) is None) != chr(code).isspace()]
    assert disagree == []
