"""The `normalizer` command line, run in-process through `normalizer.cli.main`."""

from __future__ import annotations

import io
import json
import os
import socket
import stat
import subprocess
import sys
import types
from dataclasses import dataclass
from pathlib import Path

import pytest
from tqdm import tqdm

from normalizer import Edit, Normalizer, Result, __version__, apply_edits, cli
from normalizer.cli import atomic, configuration, console, options, runner, textfile
from normalizer.cli.commands import check
from normalizer.cli.parser import build_parser
from normalizer.profile import GazetteerEntry

REPO = Path(__file__).resolve().parent.parent
SEED_INPUT = REPO / "seeds" / "pompeo-lavrov-bounties.input.txt"
SEED_EXPECTED = REPO / "seeds" / "pompeo-lavrov-bounties.expected.txt"
CLEAN_TEXT = "Hello world.\n\nThe minister spoke on Friday.\n"


@dataclass
class Run:
    status: int
    stdout: str
    stderr: str


class Stderr(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


@pytest.fixture
def run(tmp_path, monkeypatch):
    """Run the command line in `tmp_path`: run(*args, stdin=b"", tty=False) -> Run."""
    monkeypatch.chdir(tmp_path)

    def _run(*args: str, stdin: bytes = b"", tty: bool = False) -> Run:
        out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="")
        err = Stderr(tty)
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
        monkeypatch.setattr(sys, "stdout", out)
        monkeypatch.setattr(sys, "stderr", err)
        try:
            status = cli.main(list(args))
        except SystemExit as exc:  # argparse: --help, --version, usage errors
            status = int(exc.code or 0)
        out.flush()
        return Run(status, out.buffer.getvalue().decode("utf-8"), err.getvalue())

    return _run


def _line_col(text: str, needle: str) -> tuple[int, int]:
    """1-based line and column of `needle`, computed independently of normalizer.report."""
    for number, line in enumerate(text.split("\n"), 1):
        if needle in line:
            return number, line.index(needle) + 1
    raise AssertionError(f"{needle!r} not found")


# --------------------------------------------------------------------------- the seed article


def test_seed_clean_gives_the_expected_file(run, tmp_path) -> None:
    result = run("clean", str(SEED_INPUT), "-o", "out.txt")
    assert result.status == 0 and result.stdout == ""
    assert (tmp_path / "out.txt").read_bytes() == SEED_EXPECTED.read_bytes()


def test_seed_check_diff_shows_the_fixes_and_applies(run, tmp_path) -> None:
    (tmp_path / "article.txt").write_bytes(SEED_INPUT.read_bytes())
    result = run("check", "article.txt")
    assert result.status == 1
    diff = result.stdout
    assert diff.startswith("--- a/article.txt\n+++ b/article.txt\n@@ ")
    minus = [line for line in diff.splitlines() if line.startswith("-") and line != "--- a/article.txt"]
    plus = [line for line in diff.splitlines() if line.startswith("+") and line != "+++ b/article.txt"]
    assert any("Lavroy" in line for line in minus) and any("Lavrov" in line for line in plus)
    assert any("Libva" in line for line in minus) and any("Libya" in line for line in plus)
    assert "-Updates on Afghanistan Sign up for a daily email" in diff
    assert "-Understand the Taliban Takeover in Afghanistan\n" in diff
    assert not any("Updates on Afghanistan" in line or "Understand the Taliban" in line for line in plus)
    (tmp_path / "p.diff").write_text(diff, encoding="utf-8")
    subprocess.run(["git", "apply", "p.diff"], cwd=tmp_path, check=True)
    assert (tmp_path / "article.txt").read_bytes() == SEED_EXPECTED.read_bytes()


def test_seed_expected_is_clean(run) -> None:
    result = run("check", "--format", "brief", str(SEED_EXPECTED))
    assert (result.status, result.stdout) == (0, "")
    assert result.stderr == "normalizer: 1 file checked, 0 would change, 0 edits\n"


def test_seed_json_edits_reproduce_the_output(run) -> None:
    result = run("check", "--format", "json", str(SEED_INPUT))
    assert result.status == 1
    (line,) = result.stdout.splitlines()
    data = json.loads(line)
    assert data["path"] == str(SEED_INPUT) and data["changed"] is True
    edits = [Edit.from_dict(edit) for edit in data["edits"]]
    source = SEED_INPUT.read_text(encoding="utf-8")
    expected = SEED_EXPECTED.read_text(encoding="utf-8")
    assert apply_edits(source, edits) == data["text"] == expected


def test_seed_github_annotations_point_at_the_two_fixes(run) -> None:
    result = run("check", "--format", "github", str(SEED_INPUT))
    assert result.status == 1
    source = SEED_INPUT.read_text(encoding="utf-8")
    for old, new in (("Lavroy", "Lavrov"), ("Libva", "Libya")):
        line, col = _line_col(source, old)
        wanted = (
            f"::warning file={SEED_INPUT},line={line},col={col},"
            f"endLine={line},endColumn={col + len(old) - 1},"
        )
        (match,) = [a for a in result.stdout.splitlines() if a.startswith(wanted)]
        assert match.endswith(f"::{old} -> {new}: " + match.split(f"::{old} -> {new}: ")[1])
    assert all(a.startswith(("::warning ", "::notice ")) for a in result.stdout.splitlines())


def test_seed_test_command_passes(run) -> None:
    result = run("test", str(SEED_INPUT.parent))
    assert result.status == 0, result.stdout
    assert result.stdout == ""
    assert result.stderr.endswith("normalizer: 1 case, 1 passed, 0 failed\n")


def test_explain_lavroy_and_biegun(run) -> None:
    lavroy = run("explain", "Lavroy", "--format", "json", "--context",
                 "a telephone call with Sergey V. Lavroy, Russia's foreign minister.")
    assert lavroy.status == 0, lavroy.stderr
    data = json.loads(lavroy.stdout)
    assert data["token"] == "Lavroy" and data["known"] is False
    assert "Lavrov" in [c["candidate"] for c in data["candidates"]]
    biegun = run("explain", "Biegun", "--format", "json", "--context",
                 "Stephen E. Biegun, the deputy secretary of state, said")
    info = json.loads(biegun.stdout)
    assert info["token"] == "Biegun"
    assert info["decision"].startswith("unchanged")
    text = run("explain", "Biegun").stdout
    assert text.startswith("Biegun: ") and "\n  decision: unchanged" in text
    assert "suggestions" not in info and "suggestions:" not in text  # a known name


def test_explain_suggests_what_a_word_it_leaves_may_be(run) -> None:
    """A misspelling no candidate is sure enough for still gets ranked suggestions, the
    words it sounds like included ('accomadite' is more than two edits from 'accommodate')."""
    data = json.loads(run("explain", "accomadite", "--format", "json").stdout)
    # As `normalize` leaves it: a suggestion nothing confirms, not a fix.
    assert data["decision"].startswith("suggest 'accommodate' only")
    assert data["suggestions"][0] == "accommodate" and len(data["suggestions"]) <= 5
    text = run("explain", "accomadite").stdout
    assert "\n  suggestions: accommodate, " in text
    assert json.loads(run("explain", "xqzt", "--format", "json").stdout)["suggestions"] == []


# --------------------------------------------------------------------------- stdin, files, -o


def test_stdin_to_stdout_is_silent(run) -> None:
    result = run("clean", stdin=CLEAN_TEXT.encode())
    assert (result.status, result.stdout, result.stderr) == (0, CLEAN_TEXT, "")
    dash = run("clean", "-", stdin=CLEAN_TEXT.encode())
    assert dash.stdout == CLEAN_TEXT


def test_check_stdin_is_named_stdin(run) -> None:
    result = run("check", "-f", "json", stdin=CLEAN_TEXT.encode())
    assert json.loads(result.stdout)["path"] == "<stdin>"
    assert result.status == 0


def test_check_clean_files_prints_nothing(run, tmp_path) -> None:
    (tmp_path / "a.txt").write_text(CLEAN_TEXT)
    for fmt in ("diff", "brief", "github"):
        result = run("check", "-f", fmt, "a.txt")
        assert (result.status, result.stdout) == (0, "")


def test_usage_errors_are_one_line_with_status_2(run, tmp_path) -> None:
    (tmp_path / "a.txt").write_text(CLEAN_TEXT)
    (tmp_path / "b.txt").write_text(CLEAN_TEXT)
    (tmp_path / "d").mkdir()
    cases = {
        ("clean", "d", "-o", "x.txt"): "d: is a directory; -o writes one file, use --in-place",
        ("clean", "a.txt", "-o", "d"): "d: is a directory; -o needs a file name",
        ("clean", "a.txt", "b.txt", "-o", "x.txt"): "-o/--output takes one input",
        ("clean", "-i"): "--in-place needs file names",
        ("clean", "-", "a.txt"): "'-' (stdin) cannot be mixed with file names",
        ("clean", "-i", "-o", "x", "a.txt"): "argument -o/--output: not allowed with argument -i",
        ("check", "--only", "colour", "a.txt"): "argument --only: unknown stage 'colour'",
        ("check", "--jobs", "0", "a.txt"): "argument -j/--jobs: expected a whole number",
        ("check", "--max-file-size", "big", "a.txt"): "argument --max-file-size: expected a size",
        ("check", "--config", "none.toml", "a.txt"): "none.toml: cannot read config",
    }
    for args, message in cases.items():
        result = run(*args)
        assert result.status == 2, args
        assert result.stderr.startswith(f"normalizer: error: {message}"), result.stderr
        assert result.stderr.count("\n") == 1, result.stderr
        assert result.stdout == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt", "d"]


def test_bad_files_are_named_and_others_still_done(run, tmp_path) -> None:
    (tmp_path / "good.txt").write_text(CLEAN_TEXT)
    (tmp_path / "latin1.txt").write_bytes("café\n".encode("latin-1"))
    (tmp_path / "data.bin").write_bytes(b"abc\0def")
    (tmp_path / "big.txt").write_text("word " * 40)
    result = run("check", "-q", "-f", "brief", "--max-file-size", "100",
                 "missing.txt", "latin1.txt", "data.bin", "big.txt", "good.txt")
    assert result.status == 2 and result.stdout == ""
    assert result.stderr.splitlines() == [
        "normalizer: error: missing.txt: No such file or directory",
        "normalizer: error: latin1.txt: not valid UTF-8 (byte 0xe9 at offset 3)",
        "normalizer: error: data.bin: binary file (NUL byte in the first 8 KB)",
        "normalizer: error: big.txt: file too large (200 bytes; the limit is 100, see --max-file-size)",
    ]


def test_an_engine_failure_on_one_file_is_reported_and_others_go_on(run, tmp_path, monkeypatch):
    real = Normalizer.normalize

    def flaky(self, text, **options):
        if "boom" in text:
            raise ValueError("edit 3-5 overlaps")
        return real(self, text, **options)

    monkeypatch.setattr(Normalizer, "normalize", flaky)
    (tmp_path / "a.txt").write_text("boom\n")
    (tmp_path / "b.txt").write_text(CLEAN_TEXT)
    result = run("check", "-f", "json", "-j", "1", ".")
    assert result.status == 2
    assert result.stderr.startswith(
        "normalizer: error: a.txt: internal error: ValueError('edit 3-5 overlaps')\n"
    )
    assert json.loads(result.stdout)["path"] == "b.txt"


def test_in_place_refuses_a_read_only_file_and_keeps_it(run, tmp_path) -> None:
    path = tmp_path / "ro.txt"
    path.write_bytes(SEED_INPUT.read_bytes())
    path.chmod(0o444)
    result = run("clean", "-i", "-q", "ro.txt")
    assert result.status == 2
    assert result.stderr == (
        "normalizer: error: ro.txt: file is read-only, --in-place will not rewrite it\n"
    )
    assert path.read_bytes() == SEED_INPUT.read_bytes()
    assert stat.S_IMODE(path.stat().st_mode) == 0o444


def test_in_place_keeps_mode_and_leaves_no_temp_file(run, tmp_path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(SEED_INPUT.read_bytes())
    path.chmod(0o640)
    result = run("clean", "--in-place", "a.txt")
    assert result.status == 0
    assert result.stderr.startswith("normalizer: 1 file processed, 1 changed, ")
    assert path.read_bytes() == SEED_EXPECTED.read_bytes()
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_in_place_leaves_an_unchanged_file_untouched(run, tmp_path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(CLEAN_TEXT)
    os.utime(path, (1_000_000, 1_000_000))
    assert run("clean", "-i", "a.txt").status == 0
    assert path.stat().st_mtime == 1_000_000


def test_output_onto_the_input_itself_acts_as_in_place(run, tmp_path) -> None:
    clean = tmp_path / "clean.txt"
    clean.write_text(CLEAN_TEXT)
    os.utime(clean, (1_000_000, 1_000_000))
    assert run("clean", "clean.txt", "-o", "clean.txt").status == 0
    assert clean.stat().st_mtime == 1_000_000
    (tmp_path / "seed.txt").write_bytes(SEED_INPUT.read_bytes())
    assert run("clean", "seed.txt", "-o", "seed.txt").status == 0
    assert (tmp_path / "seed.txt").read_bytes() == SEED_EXPECTED.read_bytes()


def test_in_place_through_a_symlink_rewrites_the_target(run, tmp_path) -> None:
    target = tmp_path / "real.txt"
    target.write_bytes(SEED_INPUT.read_bytes())
    (tmp_path / "link.txt").symlink_to(target)
    assert run("clean", "-i", "link.txt").status == 0
    assert (tmp_path / "link.txt").is_symlink()
    assert target.read_bytes() == SEED_EXPECTED.read_bytes()


def test_write_atomic_failure_keeps_the_old_file(tmp_path, monkeypatch) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"old")

    def broken_replace(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(KeyboardInterrupt):
        atomic.write_atomic(str(path), b"new content")
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_write_atomic_new_file_gets_default_mode(tmp_path) -> None:
    atomic.write_atomic(str(tmp_path / "new.txt"), b"x")
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == 0o666 & ~mask


# --------------------------------------------------------------------------- line endings, BOM


class FakeNormalizer:
    """Stands in for the engine: replaces words and can add or drop the final newline."""

    def __init__(self, replacements: dict[str, str], final: str | None = None) -> None:
        self.replacements = replacements
        self.final = final  # "add" or "drop" the final newline
        self.seen: list[str] = []

    def normalize(self, text: str, **options: object) -> Result:
        self.seen.append(text)
        edits = []
        for old, new in self.replacements.items():
            start = text.find(old)
            while start != -1:
                edits.append(Edit(start, start + len(old), old, new, "ocr", "fake", 0.9, "fake"))
                start = text.find(old, start + len(old))
        n = len(text)
        if self.final == "add":
            edits.append(Edit(n, n, "", "\n\n", "whitespace", "fake", 0.9, "fake"))
        elif self.final == "drop" and text.endswith("\n"):
            edits.append(Edit(n - 1, n, "\n", "", "whitespace", "fake", 0.9, "fake"))
        edits.sort(key=lambda e: (e.start, e.end))
        return Result(apply_edits(text, edits), tuple(edits), {})


@pytest.mark.parametrize("bom", ["", "\ufeff"])
@pytest.mark.parametrize("final", ["", "\r\n"])
def test_crlf_and_bom_are_preserved_and_edits_map_back(bom: str, final: str) -> None:
    text = f"{bom}Lavroy said\r\n\r\nSign up\r\nin Libva{final}"
    fake = FakeNormalizer({"Lavroy": "Lavrov", "Sign up\n": "", "Libva": "Libya"})
    result = textfile.normalize_file_text(fake, text, {})  # type: ignore[arg-type]
    assert fake.seen == [text.removeprefix("\ufeff").replace("\r\n", "\n")]
    assert result.text == f"{bom}Lavrov said\r\n\r\nin Libya{final}"
    assert apply_edits(text, result.edits) == result.text
    assert [e.original for e in result.edits] == ["Lavroy", "Sign up\r\n", "Libva"]
    assert result.stats["chars_in"] == len(text) and result.stats["chars_out"] == len(result.text)


def test_mixed_line_endings_go_to_the_engine_as_they_are() -> None:
    fake = FakeNormalizer({})
    textfile.normalize_file_text(fake, "a\r\nb\nc", {})  # type: ignore[arg-type]
    assert fake.seen == ["a\r\nb\nc"]


@pytest.mark.parametrize("text", ["no final newline", "final newline\n", "Lavroy\r\nx"])
@pytest.mark.parametrize("final", ["add", "drop"])
def test_final_newline_is_kept_whatever_the_engine_does(text: str, final: str) -> None:
    fake = FakeNormalizer({"Lavroy": "Lavrov"}, final=final)
    result = textfile.normalize_file_text(fake, text, {})  # type: ignore[arg-type]
    assert result.text.endswith("\n") == text.endswith("\n")
    assert apply_edits(text, result.edits) == result.text
    assert all(e.original != e.replacement for e in result.edits)


def test_real_engine_keeps_crlf_bom_and_missing_newline(run, tmp_path) -> None:
    source = SEED_INPUT.read_text(encoding="utf-8")
    path = tmp_path / "a.txt"
    path.write_bytes(("\ufeff" + source.replace("\n", "\r\n")).encode())
    assert run("clean", "-i", "-q", "a.txt").status == 0
    data = path.read_bytes().decode()
    assert data.startswith("\ufeff") and not data.endswith("\n")
    assert data.count("\n") == data.count("\r\n")
    plain = Normalizer().normalize(source).text
    if plain.endswith("\n") != source.endswith("\n"):  # the CLI keeps the file's ending
        plain = plain[:-1] if plain.endswith("\n") else plain + "\n"
    assert data == "\ufeff" + plain.replace("\n", "\r\n")


# --------------------------------------------------------------------------- options, config


def test_gazetteer_file_is_parsed_and_bad_lines_are_named(run, tmp_path) -> None:
    good = tmp_path / "names.tsv"
    good.write_text("# extra names\nStephen Biegun\tperson\n\nKremlin\torg\n")
    assert configuration.read_gazetteer(str(good)) == [
        GazetteerEntry("Stephen Biegun", "person"), GazetteerEntry("Kremlin", "org"),
    ]
    (tmp_path / "a.txt").write_text(CLEAN_TEXT)
    assert run("check", "--gazetteer", "names.tsv", "a.txt").status == 0
    for content, message in (
        ("Biegun person\n", "names.tsv:1: expected 'name<TAB>type', got 'Biegun person'"),
        ("ok\tname\nBiegun\tpeople\n", "names.tsv:2: unknown type 'people' (known: person,"),
        ("\tperson\n", "names.tsv:1: expected 'name<TAB>type'"),
    ):
        good.write_text(content)
        result = run("check", "--gazetteer", "names.tsv", "a.txt")
        assert result.status == 2
        assert result.stderr.startswith(f"normalizer: error: {message}"), result.stderr


def test_engine_options_reach_the_engine(run, tmp_path, monkeypatch) -> None:
    seen: list[dict] = []

    def spy(self, text, **options):
        seen.append(options)
        return Result(text, (), {})

    monkeypatch.setattr(Normalizer, "normalize", spy)
    (tmp_path / "a.txt").write_text(CLEAN_TEXT)
    (tmp_path / "names.tsv").write_text("Biegun\tperson\n")
    args = ("check", "--mode", "suggest", "--only", "spelling,unicode", "--skip", "unicode",
            "--allow", "Biegun", "--allow", "Pompeo", "--gazetteer", "names.tsv", "a.txt")
    assert run(*args).status == 0
    assert seen == [{
        "mode": "suggest", "format": None, "only": ["spelling", "unicode"], "skip": ["unicode"],
        "allow": ["Biegun", "Pompeo"], "gazetteer": [GazetteerEntry("Biegun", "person")],
        "filename": "a.txt",
    }]


def test_config_discovery_and_unknown_keys(run, tmp_path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text(CLEAN_TEXT)
    (tmp_path / "docs" / "b.text").write_text(CLEAN_TEXT)
    (tmp_path / "pyproject.toml").write_text('[tool.normalizer]\ninclude = ["*.text"]\n')
    result = run("check", "-f", "json", "docs")
    assert [json.loads(line)["path"] for line in result.stdout.splitlines()] == ["docs/b.text"]
    (tmp_path / ".normalizer.toml").write_text('exclude = ["b.*"]\n')
    result = run("check", "-f", "json", "docs")
    assert [json.loads(line)["path"] for line in result.stdout.splitlines()] == ["docs/a.txt"]
    (tmp_path / "normalizer.toml").write_text('colour = "red"\n')
    result = run("check", "docs")
    assert result.status == 2
    assert result.stderr == (
        f"normalizer: error: {tmp_path / 'normalizer.toml'}: unknown configuration key 'colour'\n"
    )
    (tmp_path / "other.toml").write_text('include = ["*.txt", "*.text"]\n')
    result = run("check", "-f", "json", "--config", "other.toml", "docs")
    assert len(result.stdout.splitlines()) == 2 and result.status == 0


def test_profile_file_replaces_engine_settings_only(run, tmp_path, monkeypatch) -> None:
    (tmp_path / "normalizer.toml").write_text('threshold = 0.5\nexclude = ["*.md"]\n')
    (tmp_path / "house.toml").write_text('mode = "suggest"\nthreshold = 0.95\n')
    (tmp_path / "a.txt").write_text(CLEAN_TEXT)
    seen: list[tuple[runner.Settings, list]] = []

    def fake_batch(settings, items, jobs, quiet, out=None):
        seen.append((settings, list(items)))
        return runner.Totals()

    monkeypatch.setattr(check, "run_files", fake_batch)
    assert run("check", "a.txt").status == 0
    assert run("check", "--profile", "house.toml", "a.txt", "b.md").status == 0
    (plain, _), (profiled, items) = seen
    assert (plain.profile.mode, plain.profile.threshold) == ("fix", 0.5)
    assert (profiled.profile.mode, profiled.profile.threshold) == ("suggest", 0.95)
    assert [item.path for item in items] == ["a.txt"]  # the configuration's exclude still holds
    (tmp_path / "bad.toml").write_text('include = ["*.md"]\n')
    result = run("check", "--profile", "bad.toml", "a.txt")
    assert result.status == 2
    assert result.stderr == (
        "normalizer: error: bad.toml: include, exclude and max-file-size belong in the "
        "configuration file (--config), not in a profile\n"
    )


def test_walk_skips_hidden_binary_and_unmatched_files_with_notes(run, tmp_path) -> None:
    root = tmp_path / "corpus"
    (root / "sub").mkdir(parents=True)
    (root / ".git").mkdir()
    (root / ".git" / "x.txt").write_text(CLEAN_TEXT)
    (root / ".draft.txt").write_text(CLEAN_TEXT)
    (root / "b.txt").write_text(CLEAN_TEXT)
    (root / "sub" / "a.md").write_text(CLEAN_TEXT)
    (root / "sub" / "data.txt").write_bytes(b"\0\1\2")
    (root / "table.csv").write_text("a,b\n")
    (root / "drafts").mkdir()
    (root / "drafts" / "c.txt").write_text(CLEAN_TEXT)
    (root / "linked").symlink_to(root / "sub")
    result = run("check", "-f", "json", "-j", "1", "--exclude", "drafts", "corpus")
    assert [json.loads(line)["path"] for line in result.stdout.splitlines()] == [
        "corpus/b.txt", "corpus/sub/a.md",
    ]
    assert result.stderr.splitlines() == [
        "normalizer: note: corpus/.draft.txt: skipped, hidden",
        "normalizer: note: corpus/.git: skipped, hidden",
        "normalizer: note: corpus/linked: skipped, symlink to a directory",
        "normalizer: note: corpus/sub/data.txt: skipped, binary file (NUL byte in the first 8 KB)",
        "normalizer: 2 files checked, 0 would change, 0 edits, 4 skipped",
    ]
    assert result.status == 0
    quiet = run("check", "-q", "-j", "1", "corpus")
    assert (quiet.status, quiet.stderr) == (0, "")
    only_md = run("check", "-f", "json", "--include", "*.md", "corpus")
    assert [json.loads(line)["path"] for line in only_md.stdout.splitlines()] == ["corpus/sub/a.md"]


def test_test_command_reports_mismatches_as_diffs(run, tmp_path) -> None:
    cases = tmp_path / "cases"
    cases.mkdir()
    (cases / "ok.input.txt").write_text(CLEAN_TEXT)
    (cases / "ok.expected.txt").write_text(CLEAN_TEXT)
    (cases / "bad.input.txt").write_text(CLEAN_TEXT)
    (cases / "bad.expected.txt").write_text(CLEAN_TEXT.replace("Friday", "Monday"))
    (cases / "lonely.input.txt").write_text(CLEAN_TEXT)
    result = run("test", "-j", "1", "cases")
    assert result.status == 1
    assert result.stdout == (
        "--- cases/bad.expected.txt\n+++ cases/bad.input.txt (cleaned)\n@@ -1,3 +1,3 @@\n"
        " Hello world.\n \n-The minister spoke on Monday.\n+The minister spoke on Friday.\n"
    )
    assert result.stderr.splitlines() == [
        "normalizer: note: cases/lonely.input.txt: skipped, no lonely.expected.txt",
        "normalizer: 2 cases, 1 passed, 1 failed",
    ]
    (cases / "bad.expected.txt").write_text(CLEAN_TEXT)
    assert run("test", "cases").status == 0
    empty = tmp_path / "empty"
    empty.mkdir()
    nothing = run("test", "empty")
    assert nothing.status == 2
    assert nothing.stderr == (
        "normalizer: error: no NAME.input.txt with a NAME.expected.txt found in empty\n"
    )


def test_progress_bar_on_a_terminal_only(run, tmp_path, monkeypatch) -> None:
    class EagerBar(tqdm):  # redraw on every file, not every 0.1 s
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, mininterval=0, miniters=1, **kwargs)

    monkeypatch.setattr(console, "tqdm", EagerBar)
    for i in range(3):
        (tmp_path / f"{i}.txt").write_text(CLEAN_TEXT)
    shown = run("check", "-j", "1", ".", tty=True)
    assert "words/s" in shown.stderr and "3/3" in shown.stderr
    assert shown.stderr.endswith("normalizer: 3 files checked, 0 would change, 0 edits\n")
    assert run("check", "-q", "-j", "1", ".", tty=True).stderr == ""
    assert run("check", "-j", "1", ".").stderr == (
        "normalizer: 3 files checked, 0 would change, 0 edits\n"
    )


def test_jobs_2_gives_the_same_output_in_order(run, tmp_path) -> None:
    text = SEED_INPUT.read_text(encoding="utf-8")
    for i in range(6):
        (tmp_path / f"{i}.txt").write_text(text if i % 2 else CLEAN_TEXT)
    one = run("check", "-f", "brief", "-j", "1", ".")
    two = run("check", "-f", "brief", "-j", "2", ".")
    assert (one.status, one.stdout, one.stderr) == (two.status, two.stdout, two.stderr)
    paths = [line.split(":")[0] for line in two.stdout.splitlines()]
    assert paths == sorted(paths)


# --------------------------------------------------------------------------- help, version, serve


def test_version_and_help_with_examples(run) -> None:
    version = run("--version")
    assert (version.status, version.stdout) == (0, f"normalizer {__version__}\n")
    for command in ([], ["clean"], ["check"], ["test"], ["explain"], ["serve"]):
        result = run(*command, "--help")
        assert result.status == 0
        assert "examples:\n  normalizer " in result.stdout, command
    bare = run()
    assert bare.status == 2
    assert all(f"\n    {name} " in bare.stderr for name in ("clean", "check", "test", "explain", "serve"))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_serve_calls_the_service_lazily(run, monkeypatch) -> None:
    calls = []
    module = types.ModuleType("service.server")
    module.serve = lambda host, port, workers, profile_path: calls.append(
        (host, port, workers, profile_path)
    ) or 0
    monkeypatch.setitem(sys.modules, "service.server", module)
    port = _free_port()
    assert run("serve", "--port", str(port), "--workers", "1", "--profile", "p.toml").status == 0
    assert calls == [("127.0.0.1", port, 1, "p.toml")]
    defaults = build_parser().parse_args(["serve"])
    assert (defaults.host, defaults.port, defaults.workers, defaults.profile) == (
        "127.0.0.1", 8080, options.cores(), None,
    )
    many = run("serve", "--port", str(port), "--workers", str(options.cores() + 5))
    assert many.status == 0 and calls[-1][2] == options.cores()
    assert many.stderr == (
        f"normalizer: note: --workers {options.cores() + 5} lowered to {options.cores()}, "
        "the cores available\n"
    )


def test_the_command_line_does_not_import_the_service() -> None:
    code = (
        "import sys, normalizer.cli\n"
        "from normalizer.cli.parser import build_parser\n"
        "build_parser()\n"
        "assert not [m for m in sys.modules if m == 'service' or m.startswith('service.')]\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=REPO, check=True)


def test_a_plain_install_ships_every_cli_package() -> None:
    import tomllib

    declared = set(tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {
        ".".join(path.parent.relative_to(REPO).parts)
        for path in (REPO / "normalizer").rglob("__init__.py")
        if "__pycache__" not in path.parts
    }
    assert found <= declared
