"""The native API: `/v1/normalize`, `/v1/check`, `/v1/normalize/batch`, `/v1/info`."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, current_app, jsonify

from normalizer import __version__

from .errors import ApiError, field_error
from .inputs import (
    Document,
    json_type,
    parse_document,
    read_document,
    read_json_body,
    reject_unknown_fields,
    require_content_type,
)
from .state import state

bp = Blueprint("v1", __name__, url_prefix="/v1")


@bp.post("/normalize")
def normalize() -> Response:
    """Apply the engine to one document: clean text, every edit, counters."""
    engine = state().engine
    result = engine.run(read_document(), "normalize", engine.start())
    return jsonify(result.to_dict())


@bp.post("/check")
def check() -> Response:
    """Report every finding of the engine on one document; nothing is applied."""
    engine = state().engine
    result = engine.run(read_document(allow_mode=False), "check", engine.start(), check=True)
    return jsonify({"edits": [e.to_dict() for e in result.edits], "stats": result.stats})


@bp.post("/normalize/batch")
def normalize_batch() -> Response:
    """Normalize up to `batch_max_documents` documents; each slot answers independently."""
    require_content_type("application/json")
    body = read_json_body()
    if not isinstance(body, dict):
        expected = 'expected a JSON object {"documents": [...]}'
        raise field_error("body", f"{expected}, got {json_type(body)}")
    reject_unknown_fields(body, "", ("documents",))
    if "documents" not in body:
        raise field_error("documents", "required field missing")
    documents = body["documents"]
    if not isinstance(documents, list):
        got = json_type(documents)
        raise field_error("documents", f"expected an array of document objects, got {got}")
    limit = state().config.batch_max_documents
    if len(documents) > limit:
        message = f"documents: {len(documents)} given, at most {limit} accepted"
        raise ApiError(400, "too_many_documents", message)
    engine = state().engine
    until = engine.start()
    results: list[dict[str, Any]] = []
    for i, raw in enumerate(documents):
        try:
            document: Document = parse_document(raw, f"documents[{i}].")
            results.append(engine.run(document, "batch", until).to_dict())
        except ApiError as error:
            results.append({"error": {**error.to_dict()["error"], "status": error.status}})
    return jsonify({"results": results})


@bp.get("/info")
def info() -> Response:
    """Version, active profile, dictionary sizes and sources, limits."""
    current = state()
    profile = current.engine.normalizer.profile
    config = current.config
    return jsonify(
        {
            "name": "normalizer",
            "version": __version__,
            "profile": {
                "source": config.profile_path,
                "mode": profile.mode,
                "threshold": profile.threshold,
                "stages": list(profile.stages),
                "allow": sorted(profile.allow),
                "gazetteer": [{"name": e.name, "type": e.type} for e in profile.gazetteer],
                "gazetteer_files": [str(p) for p in profile.gazetteer_files],
                "boilerplate_packs": (
                    None if profile.boilerplate_packs is None else list(profile.boilerplate_packs)
                ),
                "typography": profile.typography,
            },
            "dictionaries": {"sizes": current.dictionary_sizes(), "sources": current.sources()},
            "limits": {
                "max_body_bytes": current_app.config["MAX_CONTENT_LENGTH"],
                "batch_max_documents": config.batch_max_documents,
                "request_timeout": config.request_timeout,
                "rate_limit_per_minute": config.rate_limit,
            },
            "auth": {"api_key_required": config.api_key is not None},
        }
    )
