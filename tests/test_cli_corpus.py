"""A new user's first batch run: 200 mixed files checked, then cleaned in place, --jobs 2.

The corpus holds good files (LF, CRLF, with a BOM, without a final newline, in subfolders,
one with mode 0640), files that are not UTF-8, one binary file, one read-only file, a hidden
file and files the default include globs leave alone. Good files must come out exactly as
the library cleans them; bad files must be named once each and left byte for byte as they
were.
"""

from __future__ import annotations

import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from normalizer import Normalizer

REPO = Path(__file__).resolve().parent.parent
SEED = (REPO / "seeds" / "pompeo-lavrov-bounties.input.txt").read_text(encoding="utf-8")
PARAGRAPHS = SEED.split("\n\n")
N_LATIN1 = 10
N_FILES = 200


def _good_text(i: int) -> tuple[str, bool, bool]:
    """(LF text, crlf, bom) of good file number i."""
    chosen = [PARAGRAPHS[(i * 7 + k) % len(PARAGRAPHS)] for k in range(3)]
    text = "\n\n".join(chosen) + ("" if i % 5 == 0 else "\n")
    return text, i % 4 == 1, i % 9 == 2


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The pristine corpus; tests work on copies."""
    root = tmp_path_factory.mktemp("corpus") / "corpus"
    count = 0
    good = N_FILES - N_LATIN1 - 6
    for i in range(good):
        text, crlf, bom = _good_text(i)
        data = ("\ufeff" if bom else "") + (text.replace("\n", "\r\n") if crlf else text)
        path = root / f"desk{i % 4}" / f"story{i:03}.{('txt', 'md', 'text')[i % 3]}"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8"))
        count += 1
    (root / "desk0" / "story000.txt").chmod(0o640)
    for i in range(N_LATIN1):
        (root / "latin1" / f"old{i}.txt").parent.mkdir(exist_ok=True)
        (root / "latin1" / f"old{i}.txt").write_bytes(f"Caf\xe9 {i} in Libva.\n".encode("latin-1"))
        count += 1
    (root / "scan.txt").write_bytes(b"%PDF-1.4\n\x00\x00binary")
    readonly = root / "readonly.txt"
    readonly.write_text(SEED, encoding="utf-8")
    readonly.chmod(0o444)
    (root / ".notes.txt").write_text("Lavroy\n")
    (root / "data.csv").write_text("name,Lavroy\n")
    (root / "page.html").write_text("<p>Lavroy</p>\n")
    (root / "README").write_text("Lavroy\n")
    count += 6
    assert count == N_FILES
    return root


def _snapshot(root: Path) -> dict[str, tuple[bytes, int]]:
    return {
        p.relative_to(root).as_posix(): (p.read_bytes(), stat.S_IMODE(p.stat().st_mode))
        for p in sorted(root.rglob("*")) if p.is_file()
    }


def _copy(corpus: Path, tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    shutil.copytree(corpus, root)
    return root


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "normalizer", *args], cwd=cwd, capture_output=True,
        text=True, timeout=300, check=False,
    )


BAD = {f"corpus/latin1/old{i}.txt": "not valid UTF-8 (byte 0xe9 at offset 3)"
       for i in range(N_LATIN1)}


def _errors(stderr: str) -> dict[str, str]:
    found = {}
    for line in stderr.splitlines():
        if line.startswith("normalizer: error: "):
            path, cause = line.removeprefix("normalizer: error: ").split(": ", 1)
            assert path not in found, f"{path} named twice"
            found[path] = cause
    return found


def test_check_corpus_with_two_jobs(corpus: Path, tmp_path: Path) -> None:
    root = _copy(corpus, tmp_path)
    before = _snapshot(root)
    proc = _run("check", "--jobs", "2", "--format", "brief", "corpus", cwd=tmp_path)
    assert proc.returncode == 2
    assert _errors(proc.stderr) == BAD
    assert "normalizer: note: corpus/scan.txt: skipped, binary file" in proc.stderr
    assert "normalizer: note: corpus/.notes.txt: skipped, hidden" in proc.stderr
    summary = proc.stderr.splitlines()[-1]
    assert summary.startswith("normalizer: 185 files checked, ")
    assert summary.endswith(", 2 skipped, 10 errors")
    named = {line.split(":", 1)[0] for line in proc.stdout.splitlines()}
    assert named <= {f"corpus/{name}" for name in before}
    assert not named & {"corpus/data.csv", "corpus/page.html", "corpus/README"}
    assert _snapshot(root) == before


def test_clean_corpus_in_place_with_two_jobs(corpus: Path, tmp_path: Path) -> None:
    root = _copy(corpus, tmp_path)
    before = _snapshot(root)
    proc = _run("clean", "--in-place", "--jobs", "2", "corpus", cwd=tmp_path)
    assert proc.returncode == 2
    assert _errors(proc.stderr) == {
        **BAD, "corpus/readonly.txt": "file is read-only, --in-place will not rewrite it",
    }
    after = _snapshot(root)
    assert sorted(after) == sorted(before), "files appeared or disappeared"
    engine = Normalizer()
    untouched = {"scan.txt", "readonly.txt", ".notes.txt", "data.csv", "page.html", "README"}
    changed = 0
    for name, (data, mode) in before.items():
        new_data, new_mode = after[name]
        assert new_mode == mode, name
        if name.startswith("latin1/") or name in untouched:
            assert new_data == data, f"{name} was modified"
            continue
        index = int(name.rsplit("story", 1)[1][:3])
        text, crlf, bom = _good_text(index)
        clean = engine.normalize(text, filename=name).text  # story*.md are read as Markdown
        if clean.endswith("\n") != text.endswith("\n"):
            clean = clean + "\n" if text.endswith("\n") else clean.rstrip("\n")
        wanted = ("\ufeff" if bom else "") + (clean.replace("\n", "\r\n") if crlf else clean)
        assert new_data.decode("utf-8") == wanted, name
        changed += new_data != data
    assert proc.stderr.splitlines()[-1].startswith(
        f"normalizer: 184 files processed, {changed} changed, "
    )
    assert changed > 0
