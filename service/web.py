"""The web page at `/`: paste or drop text, see every edit with its reason, accept or reject.

The page is static HTML, CSS and JavaScript in `service/static/` (no build step, no CDN: it
works offline and behind a firewall) and talks to `/v1/normalize` and `/v1/check` like any
other client. Every script and style is a file of this origin, so the page is served with a
strict Content-Security-Policy that forbids inline script and style.
"""

from __future__ import annotations

from flask import Blueprint, Response

bp = Blueprint("web", __name__, static_folder="static", static_url_path="/static")

PAGE_ENDPOINTS = frozenset({"web.page", "web.static"})
"""Served without the API key (the page asks for it and sends it with its API calls)."""

SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
        "connect-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


@bp.get("/")
def page() -> Response:
    """The page itself."""
    return bp.send_static_file("index.html")


@bp.after_request
def _secure(response: Response) -> Response:
    response.headers.update(SECURITY_HEADERS)
    return response
