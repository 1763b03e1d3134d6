"""End-to-end proof of .pre-commit-hooks.yaml with `pre-commit try-repo`.

pre-commit installs this repository (and its dependencies, from the package registry) into
an environment of its own, so this runs as a script, not in the test suite. It makes a
throw-away git repository holding the seed article and its expected clean version, then:

1. `normalizer-check` on the clean file passes (exit 0);
2. `normalizer-check` on the seed article fails (exit 1) and shows Lavroy -> Lavrov;
3. `normalizer-clean` on the seed article fails because it rewrote the file, and the file
   is now the expected one.

    .venv/bin/python bench/precommit_try_repo.py        # exit 0 when all three hold

Uncommitted changes to tracked files of this repository are included by try-repo; new files
must be committed (or at least `git add`-ed) first. PRE_COMMIT_HOME is kept in a temporary
folder unless set, so the run does not touch the user's pre-commit cache.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEED_INPUT = REPO / "seeds" / "pompeo-lavrov-bounties.input.txt"
SEED_EXPECTED = REPO / "seeds" / "pompeo-lavrov-bounties.expected.txt"


def try_repo(hook: str, file: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    command = [
        sys.executable,
        "-m",
        "pre_commit",
        "try-repo",
        str(REPO),
        hook,
        "--files",
        file,
        "--verbose",
    ]
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="normalizer-precommit-") as tmp:
        work = Path(tmp) / "work"
        work.mkdir()
        env = {**os.environ}
        env.setdefault("PRE_COMMIT_HOME", str(Path(tmp) / "pre-commit-home"))
        shutil.copyfile(SEED_INPUT, work / "article.txt")
        shutil.copyfile(SEED_EXPECTED, work / "clean.txt")
        git = ["git", "-c", "user.name=bench", "-c", "user.email=bench@example.invalid"]
        subprocess.run(["git", "init", "-q", "."], cwd=work, check=True)
        subprocess.run(["git", "add", "."], cwd=work, check=True)
        subprocess.run([*git, "commit", "-q", "-m", "seed"], cwd=work, check=True)

        checks = []
        clean = try_repo("normalizer-check", "clean.txt", work, env)
        checks.append(("check passes on the clean file", clean.returncode == 0, clean))
        dirty = try_repo("normalizer-check", "article.txt", work, env)
        checks.append(
            (
                "check fails on the seed article with the Lavrov fix",
                dirty.returncode == 1
                and "+Secretary of State" in dirty.stdout
                and "Lavrov" in dirty.stdout,
                dirty,
            )
        )
        fixed = try_repo("normalizer-clean", "article.txt", work, env)
        checks.append(
            (
                "clean rewrites the seed article to the expected file",
                fixed.returncode == 1
                and (work / "article.txt").read_bytes() == SEED_EXPECTED.read_bytes(),
                fixed,
            )
        )
    failed = 0
    for name, ok, proc in checks:
        print(f"{'ok  ' if ok else 'FAIL'} {name}")
        if not ok:
            failed += 1
            print(proc.stdout[-3000:] + proc.stderr[-3000:])
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
