"""The lexicon cache is a pickle: only a file this user wrote, intact, is ever unpickled."""

from __future__ import annotations

import logging
import os
import pickle
import stat
from pathlib import Path

import pytest
from symspellpy import SymSpell, Verbosity
from symspellpy.editdistance import DamerauOsaFast, DistanceAlgorithm, EditDistance

from normalizer import lexicon as lexicon_module
from normalizer.cache_files import CACHE_MAGIC, KEPT_CACHE_FILES, load_cached, save_cached
from normalizer.lexicon import HEADLINE_MIN_ZIPF, Confusion, Entity, Lexicon, OsaDistance
from normalizer.tries import DeleteIndex, FrozenTable, WordBeginnings


def _load_cached(path: Path) -> Lexicon | None:
    return load_cached(path, Lexicon)


def tiny_symspell(words: dict[str, int]) -> SymSpell:
    comparer = EditDistance(DistanceAlgorithm.USER_PROVIDED, OsaDistance())
    symspell = SymSpell(2, 7, distance_comparer=comparer)
    for word, count in words.items():
        symspell.create_dictionary_entry(word, count)
    return symspell


def tiny_lexicon() -> Lexicon:
    """A lexicon with the same classes as the real one, small enough to build in a test."""
    symspell = tiny_symspell({"libya": 100, "talks": 50})
    symspell._deletes = DeleteIndex.of(symspell._deletes)
    return Lexicon(
        common={"libya": 100, "talks": 50}, zipf={"libya": 4.2}, bigrams={"talks with": 7},
        names={"lavrov": Entity("Lavrov", "person", "curated:people.tsv")},
        confusions=(Confusion("rn", "m", 1.5),), symspell=symspell, sources=("built/x.tsv",),
        misspellings={"teh": "the"},
    )


def test_frozen_tables_answer_like_the_dicts_they_were_made_of():
    zipf = {"the": 7.73, "libya": 4.2, "lavrov": 3.01, "it's": 6.5}
    counts = {"talks with": 7, "of the": 177_045_273_024}
    for table, typecode in ((zipf, "d"), (counts, "q")):
        frozen = pickle.loads(pickle.dumps(FrozenTable.of(table, typecode)))
        assert dict(frozen.items()) == table == {key: frozen[key] for key in frozen}
        assert len(frozen) == len(table)
        assert all(key in frozen and frozen.get(key) == value for key, value in table.items())
        assert "nothing" not in frozen and frozen.get("nothing", 0) == 0
        with pytest.raises(KeyError):
            frozen["nothing"]


def test_the_words_at_least_a_frequency_are_the_same_from_a_frozen_table_and_a_dict(engine):
    lexicon = engine.lexicon
    zipf = {"the": 7.73, "libya": 4.2, "lavrov": 3.01, "it's": 6.5}
    frozen = FrozenTable.of(zipf, "d")
    assert frozen.keys_at_least(4.2) == {"the", "libya", "it's"}
    assert frozen.keys_at_least(8.0) == frozenset()
    # The shipped lexicon's frozen table: the same words as asking each word's frequency.
    assert lexicon.words_at_least(5.2) == {w for w, v in lexicon.zipf.items() if v >= 5.2}
    assert "the" in lexicon.words_at_least(5.2) and "libya" not in lexicon.words_at_least(5.2)
    # A lexicon whose Zipf table is a plain mapping answers the same way.
    assert tiny_lexicon().words_at_least(4.0) == {"libya"}
    assert tiny_lexicon().words_at_least(4.5) == frozenset()


def test_the_deep_search_words_are_the_common_words_names_and_frequent_words_sorted(engine):
    lexicon = engine.lexicon
    words = lexicon.deep_search_words.split("\n")
    assert words == sorted(set(words))
    expected = {*lexicon.common, *lexicon.names, *lexicon.words_at_least(HEADLINE_MIN_ZIPF)}
    assert set(words) == expected
    assert {"the", "libya", "lavrov"} <= expected


def test_a_frozen_tables_memo_answers_as_the_table_and_stays_bounded(monkeypatch):
    monkeypatch.setattr(FrozenTable, "MEMO_SIZE", 3)
    frozen = FrozenTable.of({"the": 7.73, "libya": 4.2, "zero": 0.0}, "d")
    for _ in range(2):  # asked again: answered from the memo, the same
        assert [frozen.get(k, -1.0) for k in ("the", "libya", "zero", "nothing")] == [
            7.73, 4.2, 0.0, -1.0]
        assert frozen.get("nothing") is None
    assert len(frozen._memo) <= 3


def test_word_beginnings_know_every_prefix_of_their_words_and_nothing_else():
    beginnings = pickle.loads(pickle.dumps(WordBeginnings.of(["libya", "lavrov", "the"])))
    assert all(beginnings(word[:n]) for word in ("libya", "lavrov", "the") for n in range(6))
    assert not beginnings("lx") and not beginnings("theo") and not beginnings("z")
    # Past the short beginnings' set (`SHORT` characters), the trie answers.
    assert WordBeginnings.SHORT < 5 and beginnings("lavro") and not beginnings("libyan")
    assert not beginnings("libyx") and not WordBeginnings.of([])("")
    # A word is one of them; a mere beginning is not.
    assert "lavrov" in beginnings and "the" in beginnings
    assert "lavro" not in beginnings and "th" not in beginnings and "" not in beginnings


def test_the_direct_distance_is_symspellpys_fast_damerau_distance():
    pairs = [("kremlin", "krwmlin"), ("talks", "stalk"), ("abc", "bca"), ("", "ab"),
             ("government", "goverment"), ("libya", "lybia"), ("walks", "talks")]
    for first, second in pairs:
        for limit in (0, 1, 2, 3):
            assert OsaDistance().distance(first, second, limit) == DamerauOsaFast().distance(
                first, second, limit)


def test_symspell_finds_the_same_words_through_the_delete_index():
    words = {"government": 900, "governments": 300, "movement": 500, "garment": 40,
             "talks": 50, "walks": 60, "stalks": 5, "tale": 30, "it's": 80}
    plain = tiny_symspell(words)
    indexed = tiny_symspell(words)
    deletes = indexed._deletes
    indexed._deletes = DeleteIndex.of(deletes)
    assert deletes == {}  # emptied as it was read: the build never holds both whole
    assert len(indexed._deletes) == len(plain._deletes)
    for probe in ("governrnent", "goverment", "talk", "stalk", "tales", "its", "xyz", "movment"):
        for distance in (1, 2):
            for verbosity in (Verbosity.CLOSEST, Verbosity.ALL):
                assert [(i.term, i.distance, i.count)
                        for i in indexed.lookup(probe, verbosity, distance)] == [
                    (i.term, i.distance, i.count)
                    for i in plain.lookup(probe, verbosity, distance)]
    assert indexed.lookup("goverment", Verbosity.CLOSEST, 2)[0].term == "government"


@pytest.fixture
def cache_file(tmp_path: Path) -> Path:
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    path = folder / "lexicon-test.pickle"
    save_cached(path, tiny_lexicon())
    return path


def notes(caplog: pytest.LogCaptureFixture) -> str:
    return "\n".join(r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING)


def test_a_saved_cache_is_private_digest_prefixed_and_loads_back(cache_file):
    assert stat.S_IMODE(cache_file.stat().st_mode) == 0o600
    assert cache_file.read_bytes().startswith(CACHE_MAGIC)
    loaded = _load_cached(cache_file)
    assert loaded is not None
    assert loaded.common == {"libya": 100, "talks": 50}
    assert loaded.names["lavrov"] == Entity("Lavrov", "person", "curated:people.tsv")
    assert loaded.symspell.lookup("lybia", 0)[0].term == "libya"
    assert isinstance(loaded.symspell._deletes, DeleteIndex)
    assert loaded.misspellings == {"teh": "the"}
    assert not list(cache_file.parent.glob("tmp*")), "no temporary file left behind"


def test_altered_content_is_never_unpickled(cache_file, caplog):
    data = bytearray(cache_file.read_bytes())
    data[-10] ^= 0xFF
    cache_file.write_bytes(bytes(data))
    assert _load_cached(cache_file) is None
    assert "does not match its digest" in notes(caplog)


def test_a_truncated_or_foreign_file_is_ignored(cache_file, caplog):
    cache_file.write_bytes(cache_file.read_bytes()[:1000])
    assert _load_cached(cache_file) is None
    cache_file.write_bytes(pickle.dumps(tiny_lexicon()))  # a bare pickle, no digest
    assert _load_cached(cache_file) is None
    assert notes(caplog).count("does not match its digest") == 2


def test_a_file_writable_by_others_is_ignored(cache_file, caplog):
    cache_file.chmod(0o666)
    assert _load_cached(cache_file) is None
    assert "writable by other users" in notes(caplog)


def test_a_file_owned_by_someone_else_is_ignored(cache_file, caplog, monkeypatch):
    owner = cache_file.stat().st_uid
    monkeypatch.setattr(os, "geteuid", lambda: owner + 1)
    assert _load_cached(cache_file) is None
    assert f"owned by uid {owner}, not by this user" in notes(caplog)


def test_a_symbolic_link_is_not_followed(cache_file, caplog):
    link = cache_file.with_name("lexicon-link.pickle")
    link.symlink_to(cache_file)
    assert _load_cached(link) is None
    assert "cannot be opened safely" in notes(caplog)


class _Exploit:
    def __reduce__(self):
        return (os.system, ("touch exploited",))


def test_a_pickle_naming_other_globals_is_refused_even_with_a_valid_digest(
    cache_file, caplog, monkeypatch, tmp_path
):
    """Defence in depth: a well-formed, owned, digest-matching file still cannot run code."""
    monkeypatch.chdir(tmp_path)  # where the exploit would leave its file
    with monkeypatch.context() as patched:
        patched.setattr(pickle, "dumps",
                        lambda obj, protocol: pickle._dumps(_Exploit(), protocol))
        save_cached(cache_file, tiny_lexicon())
    assert _load_cached(cache_file) is None
    assert "refused global" in notes(caplog)
    assert not (tmp_path / "exploited").exists()


@pytest.fixture
def counted_builds(monkeypatch, tmp_path) -> list[int]:
    """Route `_load` to a tiny lexicon in a temporary cache folder; count the builds."""
    builds: list[int] = []

    def build(extra):
        builds.append(1)
        return tiny_lexicon()

    monkeypatch.setattr(lexicon_module, "_build", build)
    monkeypatch.setattr(lexicon_module, "_cache_key", lambda extra: "test")
    monkeypatch.setenv("NORMALIZER_CACHE_DIR", str(tmp_path / "cache"))
    return builds


def load() -> Lexicon:
    return lexicon_module._load.__wrapped__(())


def test_a_tampered_cache_is_rebuilt_and_replaced(counted_builds, tmp_path, caplog):
    load()
    folder = tmp_path / "cache"
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert len(counted_builds) == 1
    load()
    assert len(counted_builds) == 1, "the second start reads the cache"
    path = folder / "lexicon-test.pickle"
    path.write_bytes(path.read_bytes().replace(b"libya", b"lybia"))
    assert load().common["libya"] == 100
    assert len(counted_builds) == 2
    assert "ignored and rebuilt" in notes(caplog)
    load()
    assert len(counted_builds) == 2, "the rebuilt cache is valid again"


def test_an_unsafe_folder_is_neither_read_nor_written(counted_builds, tmp_path, caplog):
    folder = tmp_path / "cache"
    folder.mkdir()
    folder.chmod(0o777)
    load()
    load()
    assert len(counted_builds) == 2
    assert not list(folder.iterdir())
    assert "cache folder" in notes(caplog) and "writable by other users" in notes(caplog)


def test_only_the_most_recently_used_caches_are_kept(counted_builds, tmp_path):
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    old = [folder / f"lexicon-old{n}.pickle" for n in range(KEPT_CACHE_FILES + 2)]
    for age, path in enumerate(old):
        path.write_bytes(b"stale")
        os.utime(path, (1_000_000 - age, 1_000_000 - age))  # old0 is the newest of them
    unrelated = folder / "notes.txt"
    unrelated.write_text("kept", encoding="utf-8")
    load()  # builds and writes lexicon-test.pickle, then prunes
    kept = sorted(p.name for p in folder.glob("lexicon-*.pickle"))
    assert kept == sorted(["lexicon-test.pickle"] + [p.name for p in old[:KEPT_CACHE_FILES - 1]])
    assert unrelated.exists()
    # A cache read back counts as used: it outlives caches written before that read.
    os.utime(folder / "lexicon-test.pickle", (1, 1))
    load()
    assert len(counted_builds) == 1
    assert (folder / "lexicon-test.pickle").stat().st_mtime > 1_000_000


def test_the_nearest_word_index_holds_latin_1_words_only():
    """One wider character would double the memory of the delete index's word block."""
    index = lexicon_module.load_lexicon().symspell
    assert "karikó" in index.words  # accented names join it
    assert all(max(word) <= lexicon_module.LATIN_1_LAST for word in index.words)


def test_the_cache_key_follows_each_data_files_size_and_time_without_reading_it(
        monkeypatch, tmp_path):
    data = tmp_path / "places.tsv"
    data.write_text("name\ttype\nLibya\tplace\n", encoding="utf-8")
    monkeypatch.setattr(lexicon_module, "_data_files", lambda extra: [data, *extra])
    key = lexicon_module._cache_key([])
    assert lexicon_module._cache_key([]) == key
    os.utime(data, ns=(1_000_000_000, 1_000_000_000))  # the same bytes, touched
    touched = lexicon_module._cache_key([])
    assert touched != key
    data.write_text("name\ttype\nLibyo\tplace\n", encoding="utf-8")  # the same size, edited
    os.utime(data, ns=(1_000_000_000, 1_000_000_000))
    assert lexicon_module._cache_key([]) == touched  # stat alone: content is never read
    os.utime(data, ns=(2_000_000_000, 2_000_000_000))
    assert lexicon_module._cache_key([]) != touched
    data.unlink()
    assert lexicon_module._cache_key([]) not in (key, touched)
    assert lexicon_module._cache_key([tmp_path / "user.tsv"]) != lexicon_module._cache_key([])
