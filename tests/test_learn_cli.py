"""`normalizer learn` then `normalizer clean --profile`: a variant the plain profile keeps is
fixed with the learned one; learning twice writes the same bytes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from normalizer.cli import main
from normalizer.profile import load_config

CASE = Path(__file__).resolve().parent / "cli" / "learn-corpus-profile"


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(CASE / "in" / "corpus", tmp_path / "corpus")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_learn_then_clean_fixes_a_variant(corpus: Path, capsys: pytest.CaptureFixture) -> None:
    target = corpus / "corpus" / "d.txt"
    plain = ["clean", "--quiet", "--profile", str(corpus / "archive.toml"), str(target)]
    (corpus / "archive.toml").write_text('profile = "archive"\n', encoding="utf-8")
    assert main(plain) == 0
    assert "from Tarrawouga to" in capsys.readouterr().out
    assert main(["learn", "--quiet", "corpus", "-o", "coll.toml"]) == 0
    assert main(["clean", "--quiet", "--profile", "coll.toml", str(target)]) == 0
    assert capsys.readouterr().out.startswith("The road from Tarrawonga to the river")


def test_learning_twice_writes_the_same_bytes(corpus: Path) -> None:
    assert main(["learn", "--quiet", "corpus", "-o", "a.toml", "--jobs", "2"]) == 0
    assert main(["learn", "--quiet", "corpus", "-o", "b.toml", "--jobs", "1"]) == 0
    for suffix in (".names.tsv", ".confusions.tsv", ".candidates.tsv", ".ngrams.tsv",
                   ".corrections.tsv"):
        assert (corpus / f"a{suffix}").read_bytes() == (corpus / f"b{suffix}").read_bytes()
    assert (corpus / "a.toml").read_text().replace('"a.', '"b.') == (
        corpus / "b.toml").read_text()


def test_learn_needs_an_output_or_a_report(corpus: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["learn", "corpus"]) == 2
    assert "nothing to do" in capsys.readouterr().err
    assert main(["learn", "corpus", "-o", "coll.txt"]) == 2
    assert "must be a .toml file" in capsys.readouterr().err
    assert not list(corpus.glob("coll*"))


def test_learning_on_a_dask_cluster_writes_the_same_files(corpus: Path) -> None:
    assert main(["learn", "--quiet", "corpus", "-o", "a.toml", "--jobs", "1"]) == 0
    assert main(["learn", "--quiet", "corpus", "-o", "b.toml", "--executor", "dask",
                 "--jobs", "1"]) == 0
    for suffix in (".names.tsv", ".confusions.tsv", ".candidates.tsv", ".ngrams.tsv",
                   ".corrections.tsv"):
        assert (corpus / f"a{suffix}").read_bytes() == (corpus / f"b{suffix}").read_bytes()


def test_context_turns_on_the_collections_ngrams(corpus: Path) -> None:
    assert main(["learn", "--quiet", "corpus", "-o", "plain.toml"]) == 0
    assert main(["learn", "--quiet", "corpus", "-o", "ctx.toml", "--context"]) == 0
    assert '# context-counts = "plain.ngrams.tsv"' in (corpus / "plain.toml").read_text()
    assert '\ncontext-counts = "ctx.ngrams.tsv"' in (corpus / "ctx.toml").read_text()
    assert (corpus / "plain.ngrams.tsv").read_bytes() == (corpus / "ctx.ngrams.tsv").read_bytes()
    assert load_config(corpus / "plain.toml").profile.context_counts is None
    assert load_config(corpus / "ctx.toml").profile.context_counts == corpus / "ctx.ngrams.tsv"
