"""Profiles and configuration files: every key, every error names what is wrong."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from normalizer import (
    ConfigError,
    GazetteerEntry,
    Normalizer,
    Profile,
    discover_config,
    load_config,
)


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_every_key_is_read(tmp_path):
    names = write(tmp_path / "names.tsv", "name\ttype\nZbigniew Wojtaszek\tperson\n")
    config = load_config(write(tmp_path / "normalizer.toml", f"""
mode = "suggest"
threshold = 0.9
stages = ["spelling", "unicode"]
allow = ["Lavroy"]
gazetteer = [{{ name = "Ada Obi", type = "person" }}]
gazetteer-files = ["{names.name}"]
boilerplate-packs = ["newsletter"]
typography = "ascii"
dehyphenate = true
dense-ocr = false
include = ["*.txt"]
exclude = ["drafts/*"]
max-file-size = 1000
"""))
    profile = config.profile
    assert profile.mode == "suggest" and profile.threshold == 0.9
    assert profile.stages == ("spelling", "unicode")
    assert profile.allow == frozenset({"Lavroy"})
    assert profile.gazetteer == (GazetteerEntry("Ada Obi", "person"),)
    assert profile.gazetteer_files == (names,)
    assert profile.boilerplate_packs == ("newsletter",)
    assert profile.typography == "ascii" and profile.dehyphenate is True
    assert profile.dense_ocr is False
    assert config.files.include == ("*.txt",) and config.files.max_file_size == 1000


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ("colour = 1", "unknown configuration key 'colour'"),
        ("threshold = 'high'", "threshold: expected a number, got str"),
        ("threshold = 2", "threshold: expected a number in [0, 1]"),
        ("mode = 'fast'", "mode: expected one of fix, suggest"),
        ("stages = ['grammar']", "stages: unknown stage 'grammar'"),
        ("allow = 'Lavroy'", "allow: expected a list of strings, got str"),
        ("dehyphenate = 1", "dehyphenate: expected true or false, got int"),
        ("dense-ocr = 'no'", "dense-ocr: expected true or false, got str"),
        ("gazetteer = [{ name = 'X', kind = 'person' }]", "gazetteer: unknown key 'kind'"),
        ("gazetteer = [{ name = 'X', type = 'planet' }]", "unknown type 'planet'"),
        ("max-file-size = true", "max-file-size: expected an integer (bytes), got bool"),
        ("mode = ", "invalid TOML"),
    ],
)
def test_bad_configuration_is_an_error_naming_the_key(tmp_path, toml, message):
    with pytest.raises(ConfigError, match=re.escape(message)):
        load_config(write(tmp_path / "normalizer.toml", toml))


def test_pyproject_uses_the_tool_table_and_discovery_finds_the_nearest(tmp_path):
    write(tmp_path / "pyproject.toml", "[tool.normalizer]\nthreshold = 0.95\n")
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    assert discover_config(nested) == tmp_path / "pyproject.toml"
    assert load_config(tmp_path / "pyproject.toml").profile.threshold == 0.95
    write(tmp_path / "a" / ".normalizer.toml", "mode = 'suggest'\n")
    assert discover_config(nested) == tmp_path / "a" / ".normalizer.toml"


def test_pyproject_without_the_table_is_not_a_config(tmp_path):
    write(tmp_path / "pyproject.toml", "[project]\nname = 'x'\n")
    assert discover_config(tmp_path) is None


def test_missing_config_file_is_a_clear_error(tmp_path):
    with pytest.raises(ConfigError, match="cannot read config"):
        load_config(tmp_path / "nope.toml")


def test_per_call_overrides_validate_stage_names():
    with pytest.raises(ConfigError, match="only: unknown stage 'grammar'"):
        Profile().with_overrides(only=["grammar"])


def test_a_gazetteer_file_extends_the_lexicon(tmp_path):
    names = write(tmp_path / "names.tsv", "name\ttype\nZbigniew Wojtaszek\tperson\n")
    engine = Normalizer(Profile(gazetteer_files=(names,)))
    assert engine.normalize("We met Zbigniew Wojtaszck.").text == "We met Zbigniew Wojtaszek."


@pytest.mark.parametrize(("key", "table", "wanted"), [
    ("confusions-file", "observed\tintended\tcount\ttotal\tcost\nrn\tm\t5\t10\t0.3\nrn\tm\t5\t10\tnan\n",
     r"c\.tsv:3: expected a finite cost"),
    ("confusions-file", "observed\tintended\tcount\ttotal\tcost\nrn\tm\t5\t10\n",
     r"c\.tsv:2: expected 5 fields, got 4"),
    ("confusions-file", "observed\tintended\tcost\nrn\tm\t0.3\n", r"c\.tsv: the header must be"),
    ("context-counts", "ngram\tcount\nthe\t3\nthe cat\tmany\n", r"c\.tsv:3: invalid literal"),
    ("corpus-corrections", "variant\ttarget\tchanged\tseen\nTho\tThe\t9\t4\n",
     r"c\.tsv:2: expected 1 <= changed <= seen"),
    ("corpus-corrections", "variant\ttarget\tchanged\tseen\ntho\tthe\t3\t4\nthe\ttha\t3\t4\n",
     r"c\.tsv: 'the' is both a target and a variant"),
    ("gazetteer-files", "name\ttype\nKellerton\tplace\n\tperson\n", r"c\.tsv:3: empty name"),
    ("gazetteer-files", "# a comment\nKellerton\ttown\n", r"c\.tsv:2: unknown type 'town'"),
])
def test_a_malformed_data_file_is_a_configuration_error_naming_file_and_line(
        tmp_path, key, table, wanted):
    write(tmp_path / "c.tsv", table)
    value = '["c.tsv"]' if key == "gazetteer-files" else '"c.tsv"'
    config = write(tmp_path / "normalizer.toml", f'profile = "archive"\n{key} = {value}\n')
    with pytest.raises(ConfigError, match=f"{key}: .*{wanted}"):
        load_config(config)


def test_a_missing_gazetteer_file_is_a_configuration_error(tmp_path):
    config = write(tmp_path / "normalizer.toml", 'gazetteer-files = ["names.tsv"]\n')
    with pytest.raises(ConfigError, match=r"gazetteer-files: .*names\.tsv: no such file"):
        load_config(config)
