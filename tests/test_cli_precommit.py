"""The pre-commit hooks in .pre-commit-hooks.yaml: valid manifest, right fields, working entry.

The end-to-end proof with `pre-commit try-repo` installs the package from the registry into
pre-commit's own environment, so it runs as a script instead: bench/precommit_try_repo.py.
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
MANIFEST = REPO / ".pre-commit-hooks.yaml"
SEED_INPUT = REPO / "seeds" / "pompeo-lavrov-bounties.input.txt"
SEED_EXPECTED = REPO / "seeds" / "pompeo-lavrov-bounties.expected.txt"


def _hooks() -> dict[str, dict]:
    return {hook["id"]: hook for hook in yaml.safe_load(MANIFEST.read_text())}


def test_manifest_is_valid_for_pre_commit() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-manifest", str(MANIFEST)],
        capture_output=True, text=True, check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_hook_fields() -> None:
    hooks = _hooks()
    assert sorted(hooks) == ["normalizer-check", "normalizer-clean"]
    for hook_id, hook in hooks.items():
        assert hook["name"] == hook_id.replace("-", " ")
        assert hook["language"] == "python"
        assert hook["types"] == ["text"]
        assert shlex.split(hook["entry"])[:2] == ["normalizer", hook_id.split("-")[1]]
        files = re.compile(hook["files"])
        assert all(files.search(name) for name in ("a.txt", "dir/b.md", "c.text"))
        assert not any(files.search(name) for name in ("setup.py", "a.txt.bak", "data.csv"))
    assert "--in-place" in hooks["normalizer-clean"]["entry"]


def _entry(hook_id: str, *files: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run a hook's entry the way pre-commit does: entry + args + file names."""
    argv = shlex.split(_hooks()[hook_id]["entry"])
    command = [sys.executable, "-m", "normalizer", *argv[1:], *files]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)


def test_check_hook_fails_on_the_seed_and_passes_on_clean_text(tmp_path: Path) -> None:
    shutil.copyfile(SEED_INPUT, tmp_path / "article.txt")
    shutil.copyfile(SEED_EXPECTED, tmp_path / "clean.txt")
    dirty = _entry("normalizer-check", "article.txt", "clean.txt", cwd=tmp_path)
    assert dirty.returncode == 1
    assert "-Secretary of State" in dirty.stdout and "Lavrov" in dirty.stdout
    assert (tmp_path / "article.txt").read_bytes() == SEED_INPUT.read_bytes()
    assert _entry("normalizer-check", "clean.txt", cwd=tmp_path).returncode == 0


def test_clean_hook_rewrites_the_file(tmp_path: Path) -> None:
    shutil.copyfile(SEED_INPUT, tmp_path / "article.txt")
    proc = _entry("normalizer-clean", "article.txt", cwd=tmp_path)
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, "", "")
    assert (tmp_path / "article.txt").read_bytes() == SEED_EXPECTED.read_bytes()
