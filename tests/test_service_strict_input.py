"""Hostile and ambiguous request bodies, through Flask's test client: always a 4xx naming the
problem, never a 500, never a silently chosen reading."""

from __future__ import annotations

import json

import pytest

from service import create_app

DEEP = 100_000


@pytest.fixture(scope="module")
def client():
    return create_app({"access_log": False}).test_client()


def error_of(response, status: int, code: str) -> str:
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == "application/json"
    assert response.get_json()["error"]["code"] == code
    return response.get_json()["error"]["message"]


def post_json(client, path: str, raw: str | bytes):
    return client.post(path, data=raw, content_type="application/json")


@pytest.mark.parametrize(
    "raw",
    [
        "[" * DEEP + "]" * DEEP,
        "{" + '"a":{' * (DEEP // 4) + "}" * (DEEP // 4) + "}",  # within the body limit
        '{"text": "a", "gazetteer": ' + "[" * DEEP + "]" * DEEP + "}",
        '{"documents": [' + "[" * DEEP + "]" * DEEP + "]}",
    ],
    ids=["arrays", "objects", "in-gazetteer", "in-batch-slot"],
)
@pytest.mark.parametrize("path", ["/v1/normalize", "/v1/check", "/v1/normalize/batch"])
def test_deep_nesting_is_400_malformed_json(client, path, raw):
    message = error_of(post_json(client, path, raw), 400, "malformed_json")
    assert "nested too deeply" in message


def test_nesting_the_parser_accepts_is_answered_by_type_not_echoed(client):
    """Nesting just under the parser's limit reaches validation, which names the type and never
    serialises the value back (which could recurse past the limit, or be megabytes long)."""
    deep = "[" * 900 + "]" * 900
    for field in ("mode", "text", "only", "allow", "gazetteer"):
        before = "" if field == "text" else '"text": "a", '
        raw = "{" + before + json.dumps(field) + ": " + deep + "}"
        message = error_of(post_json(client, "/v1/normalize", raw), 400, "invalid_field")
        assert message.startswith(f"{field}") and len(message) < 200


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        ('{"text": NaN}', "NaN is not a JSON number"),
        ('{"text": "a", "mode": Infinity}', "Infinity is not a JSON number"),
        ('{"text": "a", "mode": -Infinity}', "-Infinity is not a JSON number"),
        ('{"text": "a", "mode": 1e999}', "number 1e999 is out of range"),
        ('{"text": "a", "mode": ' + "9" * 5000 + "}", "longer than 100 characters"),
        ('{"text": "a", "mode": 0.' + "1" * 5000 + "}", "longer than 100 characters"),
        ('{"text": "one", "text": "two"}', 'duplicate key "text"'),
        ('{"text": "a", "gazetteer": [{"name": "X", "name": "Y"}]}', 'duplicate key "name"'),
        ('{"documents": [{"text": "a"}], "documents": []}', 'duplicate key "documents"'),
    ],
)
def test_json_beyond_rfc_8259_or_ambiguous_is_400(client, raw, fragment):
    path = "/v1/normalize/batch" if "documents" in raw else "/v1/normalize"
    assert fragment in error_of(post_json(client, path, raw), 400, "malformed_json")


def test_plain_numbers_still_parse_and_are_wrong_types(client):
    message = error_of(post_json(client, "/v1/normalize", '{"text": 1.5e3}'), 400, "invalid_field")
    assert message == "text: expected a string, got number"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"documents": [], "options": {}}, "options"),
        ({"docs": []}, "docs"),
        ({}, "documents"),
        ({"documents": "a"}, "documents"),
    ],
)
def test_batch_errors_name_the_top_level_field(client, body, field):
    message = error_of(client.post("/v1/normalize/batch", json=body), 400, "invalid_field")
    assert message.startswith(f"{field}: ")


def test_a_long_value_is_quoted_short_in_messages(client):
    long = "x" * 100_000
    for body in ({"text": "a", "mode": long}, {"text": "a", long: 1},
                 {"text": "a", "gazetteer": [{"name": "X", "type": long}]}):
        message = error_of(client.post("/v1/normalize", json=body), 400, "invalid_field")
        assert len(message) < 200 and "xxx..." in message
    lt = client.post("/v2/check", data={"text": "a", "language": long})
    assert len(error_of(lt, 400, "invalid_field")) < 200


@pytest.mark.parametrize("value", [None, True, 0, 1.5, "s", [], {}, ["s"], [1], [{}]])
@pytest.mark.parametrize("field", ["text", "mode", "only", "skip", "allow", "gazetteer"])
def test_every_field_with_every_json_type_is_200_or_a_400_naming_it(client, field, value):
    body = {"text": "Talks in Libva.", field: value}
    response = client.post("/v1/normalize", json=body)
    if response.status_code != 200:
        assert error_of(response, 400, "invalid_field").startswith(field)
    slot = client.post("/v1/normalize/batch", json={"documents": [body]}).get_json()["results"][0]
    if "error" in slot:
        assert slot["error"]["message"].startswith(f"documents[0].{field}")


def test_v2_check_refuses_data_even_beside_text(client):
    form = {"text": "a", "data": json.dumps({"annotation": []}), "language": "en-US"}
    assert error_of(client.post("/v2/check", data=form), 400, "invalid_field").startswith("data: ")


@pytest.mark.parametrize(
    ("data", "content_type"),
    [
        (b"text=a&language=en-US&text=b", "application/x-www-form-urlencoded"),
        (b"language=en-US&text=a&language=en-GB", "application/x-www-form-urlencoded"),
    ],
)
def test_v2_check_refuses_a_repeated_field(client, data, content_type):
    message = error_of(client.post("/v2/check", data=data, content_type=content_type), 400,
                       "invalid_field")
    assert message.endswith("given more than once")


def test_v2_check_refuses_a_repeated_multipart_field(client):
    data = {"text": ["a", "b"], "language": "en-US"}
    response = client.post("/v2/check", data=data, content_type="multipart/form-data")
    assert error_of(response, 400, "invalid_field") == "text: given more than once"


def test_v2_check_ignores_repeated_fields_it_does_not_read(client):
    data = {"text": "Libva", "language": "en-US", "motherTongue": ["de", "fr"]}
    response = client.post("/v2/check", data=data, content_type="multipart/form-data")
    assert response.status_code == 200
