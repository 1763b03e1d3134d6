"""The service's `profile` field: a shipped profile for one call, refused when unknown."""

from __future__ import annotations

import pytest

from service import create_app


@pytest.fixture(scope="module")
def client():
    return create_app({"access_log": False}).test_client()


def test_the_archive_profile_fixes_real_word_ocr_errors(client):
    text = "It was in tho morning."
    archive = client.post("/v1/normalize", json={"text": text, "profile": "archive"})
    default = client.post("/v1/normalize", json={"text": text})
    assert archive.status_code == 200 and default.status_code == 200
    assert archive.get_json()["text"] == "It was in the morning."
    assert default.get_json()["text"] == text


def test_an_unknown_profile_is_a_400_naming_the_field(client):
    response = client.post("/v1/normalize", json={"text": "a", "profile": "museum"})
    assert response.status_code == 400
    assert "profile" in response.get_json()["error"]["message"]
