"""The Dockerfile agrees with the project (Docker itself cannot run here).

It must install the project the way the test environment is installed, copy everything the
engine and the service need, warm the lexicon and pattern caches with a command that works,
run as a non-root user, probe /readyz on the port it serves, and start gunicorn exactly as the
tests do.
"""

from __future__ import annotations

import fnmatch
import importlib
import json
import os
import re
import shlex
import subprocess
import sys
import tomllib
from pathlib import PurePosixPath

import pytest
from service_support.live import ROOT

from service import create_app
from service.server import GUNICORN_ARGS

DOCKERFILE = ROOT / "Dockerfile"


def instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, continuation lines joined, comments dropped."""
    lines = [line for line in DOCKERFILE.read_text().splitlines() if not line.lstrip().startswith("#")]
    joined = re.sub(r"\\\n\s*", " ", "\n".join(lines))
    result = []
    for line in joined.splitlines():
        if line.strip():
            keyword, _, rest = line.strip().partition(" ")
            result.append((keyword.upper(), rest.strip()))
    return result


def arguments(keyword: str) -> list[str]:
    return [rest for kw, rest in instructions() if kw == keyword]


def exec_form(text: str) -> list[str]:
    value = json.loads(text)
    assert isinstance(value, list) and all(isinstance(v, str) for v in value), text
    return value


def env() -> dict[str, str]:
    values: dict[str, str] = {}
    for rest in arguments("ENV"):
        for item in shlex.split(rest):
            key, _, value = item.partition("=")
            values[key] = value
    return values


def workdir() -> PurePosixPath:
    (path,) = arguments("WORKDIR")
    return PurePosixPath(path)


def copies() -> list[tuple[list[str], PurePosixPath]]:
    result = []
    for rest in arguments("COPY"):
        *sources, dest = shlex.split(rest)
        result.append((sources, workdir() / dest))
    return result


def run_commands() -> list[str]:
    return [command.strip() for rest in arguments("RUN") for command in rest.split("&&")]


def test_base_image_satisfies_requires_python():
    (base,) = arguments("FROM")
    assert base == "python:3.11-slim"
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert project["requires-python"] == ">=3.11"


def test_copied_files_exist_and_include_every_package_and_the_dictionaries():
    ignored = [line.strip() for line in (ROOT / ".dockerignore").read_text().splitlines()
               if line.strip() and not line.startswith("#")]
    copied = set()
    for sources, _dest in copies():
        for source in sources:
            assert (ROOT / source).exists(), f"COPY {source}: not in the repository"
            assert not any(fnmatch.fnmatch(source, pattern) for pattern in ignored), source
            copied.add(source)
    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    package_dirs = setuptools.get("package-dir", {})
    sources = {package_dirs.get(p, p.replace(".", "/")) for p in setuptools["packages"]}
    for source in sources:  # each package's folder, or the folder holding it, is copied
        assert any(source == c or source.startswith(f"{c}/") for c in copied), source
    assert {"pyproject.toml", "dictionaries"} <= copied
    destinations = {dest for _, dest in copies()}
    assert PurePosixPath(env()["NORMALIZER_DICTIONARIES"]) in destinations


def test_install_command_is_the_one_the_test_environment_uses():
    installs = [shlex.split(c) for c in run_commands() if "pip install" in c]
    assert installs == [["python", "-m", "pip", "install", "."]]
    makefile = (ROOT / "Makefile").read_text()
    assert "-m pip install --quiet -e '.[test]'" in makefile  # the same project, plus test tools


def test_cache_warm_up_command_works(tmp_path):
    (warm_up,) = [shlex.split(c) for c in run_commands() if "Normalizer()" in c]
    assert warm_up[:2] == ["python", "-c"]
    dictionaries = ROOT / PurePosixPath(env()["NORMALIZER_DICTIONARIES"]).relative_to(workdir())
    cache = tmp_path / "cache"
    result = subprocess.run(
        [sys.executable, "-c", warm_up[2]], capture_output=True, text=True, timeout=120,
        env={**os.environ, "NORMALIZER_DICTIONARIES": str(dictionaries),
             "NORMALIZER_CACHE_DIR": str(cache)},
    )
    assert result.returncode == 0, result.stderr
    assert list(cache.glob("lexicon-*")), "the warm-up wrote no lexicon cache"
    assert list(cache.glob("patterns-*")), "the warm-up wrote no pattern cache"
    assert env()["NORMALIZER_CACHE_DIR"] == "/app/cache"


def test_runs_as_the_non_root_user_it_creates():
    (user,) = arguments("USER")
    assert user not in ("root", "0")
    assert any(re.search(rf"useradd .*\b{user}$", c.strip()) for c in run_commands())
    chowned = [c.strip() for c in run_commands() if c.strip().startswith("chown")]
    assert chowned == [f"chown {user} {env()['NORMALIZER_CACHE_DIR']}"]


def test_healthcheck_probes_readyz_on_the_served_port():
    (healthcheck,) = arguments("HEALTHCHECK")
    command = exec_form(healthcheck.split("CMD", 1)[1])
    assert command[:2] == ["python", "-c"]
    compile(command[2], "HEALTHCHECK", "exec")
    url = re.search(r"http://127\.0\.0\.1:(\d+)(/\w+)", command[2])
    assert url is not None
    port, path = url.groups()
    (exposed,) = arguments("EXPOSE")
    assert port == exposed == env()["NORMALIZER_BIND"].rsplit(":", 1)[1]
    routes = {rule.rule for rule in create_app({"access_log": False}).url_map.iter_rules()}
    assert path == "/readyz" and path in routes


def test_entry_point_is_the_tests_gunicorn_command():
    (cmd,) = arguments("CMD")
    command = exec_form(cmd)
    assert command == ["gunicorn", *GUNICORN_ARGS]
    config_option, app_spec = command[2], command[3]
    module = importlib.import_module(config_option.removeprefix("python:"))
    assert module.preload_app is True and module.worker_class == "service.worker.ServiceWorker"
    assert module.threads >= 8
    module_name, _, factory = app_spec.partition(":")
    assert callable(getattr(importlib.import_module(module_name), factory.removesuffix("()")))


@pytest.mark.parametrize("bind", ["0.0.0.0:8080", None])
def test_gunicorn_settings_read_the_bind_variable(bind):
    variables = {k: v for k, v in os.environ.items() if k != "NORMALIZER_BIND"}
    if bind is not None:
        variables["NORMALIZER_BIND"] = bind
    code = "import service.gunicorn_conf as c; print(c.bind)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=variables, timeout=60, check=True).stdout.strip()
    assert out == (bind or "127.0.0.1:8080")
