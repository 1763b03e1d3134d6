"""Service settings: defaults, then environment variables, then the dict given to `create_app`.

Every setting has one environment variable (documented in docs/service.md). Unknown keys in the
dict passed to `create_app` are errors, like unknown keys in a normalizer configuration file.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any

ENV_PREFIX = "NORMALIZER_"


@dataclass(frozen=True, slots=True)
class ServiceConfig:
    """Settings of one application instance (one per gunicorn master, shared by its workers)."""

    profile_path: str | None = None
    """Normalizer configuration file (TOML) whose profile the service uses; None: defaults."""
    max_body_bytes: int = 256 * 1024
    """Largest accepted request body; larger bodies get 413. Sized so that the engine's worst
    case (dense OCR noise, about 30 KB/s on a busy 2-core machine) ends within the default
    `request_timeout` (docs/service.md, "Limits")."""
    batch_max_documents: int = 64
    """Most documents accepted by one `/v1/normalize/batch` call; more get 400."""
    request_timeout: float = 10.0
    """Seconds from a request's arrival to the end of its engine work (waiting for the engine
    included) before it is answered 503 `timeout`; 0: no limit."""
    client_timeout: float = 10.0
    """Seconds a new connection has to send its first byte, then its request line and headers,
    then its body (each phase); past them it is closed (408 once the request has begun)."""
    api_key: str | None = None
    """When set, requests must carry it (`X-API-Key` header, `Authorization: Bearer`, or the
    LanguageTool `apiKey` field); None: no authentication."""
    rate_limit: int = 0
    """Requests per minute accepted from one client address by one worker; 0: no limit."""
    access_log: bool = True
    """One JSON line per request on stdout."""

    def __post_init__(self) -> None:
        if self.max_body_bytes < 1:
            raise ValueError("max_body_bytes: expected a positive integer")
        if self.batch_max_documents < 1:
            raise ValueError("batch_max_documents: expected a positive integer")
        if self.request_timeout < 0:
            raise ValueError("request_timeout: expected seconds >= 0 (0 disables the limit)")
        if self.client_timeout <= 0:
            raise ValueError("client_timeout: expected seconds > 0")
        if self.rate_limit < 0:
            raise ValueError("rate_limit: expected requests per minute >= 0 (0 disables it)")

    @classmethod
    def load(
        cls, overrides: Mapping[str, Any] | None = None, environ: Mapping[str, str] | None = None
    ) -> ServiceConfig:
        """Defaults, then `NORMALIZER_<SETTING>` environment variables, then `overrides`."""
        environ = os.environ if environ is None else environ
        known = {f.name: f for f in fields(cls)}
        values: dict[str, Any] = {}
        for name in known:
            raw = environ.get(env_name(name))
            if raw is not None and raw != "":
                values[name] = _parse_env(name, raw, known[name].type)
        for key, value in (overrides or {}).items():
            if key not in known:
                raise ValueError(f"unknown service setting {key!r} (known: {', '.join(known)})")
            values[key] = value
        return cls(**values)


def env_name(setting: str) -> str:
    """The environment variable of a setting: `request_timeout` -> `NORMALIZER_REQUEST_TIMEOUT`."""
    return ENV_PREFIX + setting.upper()


def _parse_env(name: str, raw: str, annotation: Any) -> Any:
    kind = str(annotation)
    try:
        if kind == "bool":
            if raw.lower() not in ("1", "0", "true", "false", "yes", "no", "on", "off"):
                raise ValueError(raw)
            return raw.lower() in ("1", "true", "yes", "on")
        if kind == "int":
            return int(raw)
        if kind == "float":
            return float(raw)
    except ValueError:
        raise ValueError(f"{env_name(name)}: expected {kind}, got {raw!r}") from None
    return raw
