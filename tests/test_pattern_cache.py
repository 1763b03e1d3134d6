"""normalizer.pattern_cache: compiled patterns kept between processes, read back checked."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest
import regex

from normalizer import pattern_cache
from normalizer.cache_files import save_cached

SOURCE = r"(?i)\b(?:sign up|subscribe)\b[^.]{0,40}newsletter"


@pytest.fixture
def fresh_cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """An empty cache folder and a module that has read no table yet."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("NORMALIZER_CACHE_DIR", str(folder))
    monkeypatch.setattr(pattern_cache, "_table", None)
    monkeypatch.setattr(pattern_cache, "_grown", False)
    return folder


def _next_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """Forget the table as a new process would, and fail any compilation."""
    monkeypatch.setattr(pattern_cache, "_table", None)

    def no_compile(*args: object, **kwargs: object) -> None:
        raise AssertionError("compiled instead of loaded")

    monkeypatch.setattr(regex, "compile", no_compile)


def test_a_saved_pattern_loads_compiled_in_the_next_process(fresh_cache, monkeypatch):
    first = pattern_cache.compiled(SOURCE)
    assert not fresh_cache.exists(), "nothing is written before save"
    pattern_cache.save()
    assert [p.name for p in fresh_cache.iterdir()] == [pattern_cache.cache_file().name]
    _next_process(monkeypatch)
    again = pattern_cache.compiled(SOURCE)
    text = "Sign up for our daily newsletter"
    assert again.pattern == first.pattern and again.flags == first.flags
    assert again.search(text).span() == first.search(text).span() == (0, len(text))


def test_a_pattern_the_file_lacks_is_compiled_and_saved_with_the_rest(fresh_cache, monkeypatch):
    pattern_cache.compiled(SOURCE)
    pattern_cache.save()
    monkeypatch.setattr(pattern_cache, "_table", None)
    assert pattern_cache.compiled(r"\d+(?:st|nd|rd|th)", regex.IGNORECASE).match("3RD")
    pattern_cache.save()
    _next_process(monkeypatch)
    assert pattern_cache.compiled(r"\d+(?:st|nd|rd|th)", regex.IGNORECASE).match("21st")
    assert pattern_cache.compiled(SOURCE).search("subscribe to the newsletter")


class _Exploit:
    def __reduce__(self):
        return (os.system, ("touch exploited",))


def test_a_file_naming_another_global_is_ignored(fresh_cache, monkeypatch, tmp_path):
    """Owned and intact, a file that would call anything but `regex`'s own rebuilder is
    refused: the patterns are compiled again instead."""
    monkeypatch.chdir(tmp_path)  # where the exploit would leave its file
    fresh_cache.mkdir(mode=0o700)
    with monkeypatch.context() as patched:
        patched.setattr(pickle, "dumps",
                        lambda obj, protocol: pickle._dumps({(SOURCE, 0): _Exploit()}, protocol))
        save_cached(pattern_cache.cache_file(), {})
    assert pattern_cache.compiled(SOURCE).search("Sign up for the newsletter")
    assert not (tmp_path / "exploited").exists()
