"""Command-line cases in tests/cli/, in the style of trycmd (crate-ci/typos tests/cmd).

Each folder is one case, run as `python -m normalizer ARGS` in a fresh sandbox folder:

- ``case.toml``: ``args`` (list), ``status`` (exit code), optional ``stdin`` (a sandbox file
  fed to stdin), optional ``stdout`` (a repo-relative file holding the expected stdout),
  ``[copy]`` (sandbox name = repo-relative source, copied in before the run) and
  ``[expect]`` (sandbox name = repo-relative file it must equal after the run);
- ``in/``: files copied into the sandbox before the run;
- ``out/``: files the sandbox must hold, byte for byte, after the run; every other file of
  ``in/`` must be unchanged, and no other file may appear;
- ``stdout`` / ``stderr``: the exact expected output (missing: must be empty); ``{cwd}``
  stands for the sandbox path.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
CASES = sorted(path.parent for path in (REPO / "tests" / "cli").glob("*/case.toml"))


def _files(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in root.rglob("*") if path.is_file()
    }


def _expected_output(case: Path, spec: dict, name: str, sandbox: Path) -> bytes:
    if name in spec:
        return (REPO / spec[name]).read_bytes()
    path = case / name
    if not path.is_file():
        return b""
    return path.read_bytes().replace(b"{cwd}", str(sandbox).encode())


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_case(case: Path, tmp_path: Path) -> None:
    spec = tomllib.loads((case / "case.toml").read_text(encoding="utf-8"))
    sandbox = tmp_path / "sandbox"
    if (case / "in").is_dir():
        shutil.copytree(case / "in", sandbox)
    else:
        sandbox.mkdir()
    for name, source in spec.get("copy", {}).items():
        (sandbox / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(REPO / source, sandbox / name)
    before = _files(sandbox)
    stdin = (sandbox / spec["stdin"]).read_bytes() if "stdin" in spec else b""
    env = {**os.environ, "COLUMNS": "100"}
    proc = subprocess.run(
        [sys.executable, "-m", "normalizer", *spec["args"]],
        cwd=sandbox, input=stdin, capture_output=True, env=env, timeout=120, check=False,
    )
    assert proc.stdout == _expected_output(case, spec, "stdout", sandbox)
    assert proc.stderr.decode() == _expected_output(case, spec, "stderr", sandbox).decode()
    assert proc.returncode == spec["status"]
    after = _files(sandbox)
    wanted = dict(before)
    if (case / "out").is_dir():
        wanted.update(_files(case / "out"))
    for name, source in spec.get("expect", {}).items():
        wanted[name] = (REPO / source).read_bytes()
    assert sorted(after) == sorted(wanted)
    for name, data in wanted.items():
        assert after[name] == data, f"{name} differs"
