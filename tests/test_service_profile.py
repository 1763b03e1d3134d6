"""The service's `profile` and `format` fields: a shipped profile or a document format for one
call, refused when unknown."""

from __future__ import annotations

import pytest

from service import create_app


@pytest.fixture(scope="module")
def client():
    return create_app({"access_log": False}).test_client()


def test_the_archive_profile_fixes_real_word_ocr_errors(client):
    text = "He lived m the city for years."
    archive = client.post("/v1/normalize", json={"text": text, "profile": "archive"})
    default = client.post("/v1/normalize", json={"text": text})
    assert archive.status_code == 200 and default.status_code == 200
    assert archive.get_json()["text"] == "He lived in the city for years."
    assert default.get_json()["text"] == text


def test_an_unknown_profile_is_a_400_naming_the_field(client):
    response = client.post("/v1/normalize", json={"text": "a", "profile": "museum"})
    assert response.status_code == 400
    assert "profile" in response.get_json()["error"]["message"]


def test_the_format_field_reads_markdown_and_leaves_its_code_alone(client):
    text = "Lavroy spoke in Libva.\n\n```\nLavroy in Libva\n```\n"
    markdown = client.post("/v1/normalize", json={"text": text, "format": "markdown"})
    plain = client.post("/v1/normalize", json={"text": text, "format": "text"})
    assert markdown.status_code == 200 and plain.status_code == 200
    assert markdown.get_json()["text"] == "Lavrov spoke in Libya.\n\n```\nLavroy in Libva\n```\n"
    assert plain.get_json()["text"] == "Lavrov spoke in Libya.\n\n```\nLavrov in Libya\n```\n"


@pytest.mark.parametrize("value", ["auto", "html", 3, None])
def test_a_bad_format_is_a_400_naming_the_field(client, value):
    response = client.post("/v1/normalize", json={"text": "a", "format": value})
    assert response.status_code == 400
    assert "format" in response.get_json()["error"]["message"]
