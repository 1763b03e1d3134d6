"""Corpus runs: `clean --output-dir` (text, JSON Lines, Parquet), resumable reruns, the
normalizer.dask collections, and a real Dask cluster (a `dask scheduler` and two
`dask worker` processes on loopback) giving the same bytes as `--jobs 1`."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import dask.bag as db
import dask.dataframe as dd
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from normalizer import Normalizer, cli
from normalizer import dask as normalizer_dask
from normalizer.cli.outdir import MANIFEST

REPO = Path(__file__).resolve().parent.parent
SEED = (REPO / "seeds" / "pompeo-lavrov-bounties.input.txt").read_text(encoding="utf-8")
PARAGRAPHS = [p for p in SEED.split("\n\n") if p.strip()]
BIN = Path(sys.executable).parent


def _texts(n: int) -> list[str]:
    return ["\n\n".join(PARAGRAPHS[(i * 3 + k) % len(PARAGRAPHS)] for k in range(2)) + "\n"
            for i in range(n)]


def _corpus(root: Path, n: int = 12) -> Path:
    for i, text in enumerate(_texts(n)):
        path = root / "corpus" / f"desk{i % 3}" / f"story{i:02}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root / "corpus"


def _jsonl(path: Path, n: int = 30) -> list[dict]:
    records = [{"id": i, "body": text, "tags": ["news"]} for i, text in enumerate(_texts(n))]
    records[4] = {"id": 4, "title": "no body here"}
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return records


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file()}


@pytest.fixture
def main(tmp_path, monkeypatch, capsysbinary):
    monkeypatch.chdir(tmp_path)

    def _main(*args: str) -> tuple[int, str]:
        status = cli.main(list(args))
        return status, capsysbinary.readouterr().err.decode()

    return _main


def test_output_dir_mirrors_the_corpus_and_a_rerun_does_only_the_rest(main, tmp_path) -> None:
    corpus = _corpus(tmp_path)
    status, err = main("clean", "corpus", "--output-dir", "out", "--jobs", "1")
    assert status == 0, err
    out = tmp_path / "out"
    engine = Normalizer()
    for path in sorted(corpus.rglob("*.txt")):
        name = path.relative_to(corpus).as_posix()
        assert (out / name).read_text() == engine.normalize(path.read_text()).text, name
    manifest = [json.loads(line) for line in (out / MANIFEST).read_text().splitlines()]
    assert [entry["name"] for entry in manifest] == sorted(
        p.relative_to(corpus).as_posix() for p in corpus.rglob("*.txt")
    )
    before = _files(out)
    (out / "desk1" / "story01.txt").unlink()
    status, err = main("clean", "corpus", "--output-dir", "out", "--jobs", "1")
    assert status == 0
    note, summary = err.splitlines()
    assert note == f"normalizer: note: 11 of the inputs already done, skipped (see out/{MANIFEST})"
    assert summary.startswith("normalizer: 1 file processed, ")
    after = _files(out)
    assert {k: v for k, v in after.items() if k != MANIFEST} == {
        k: v for k, v in before.items() if k != MANIFEST
    }


def test_output_dir_usage_errors(main, tmp_path) -> None:
    _corpus(tmp_path)
    (tmp_path / "copy" / "desk0").mkdir(parents=True)
    (tmp_path / "copy" / "desk0" / "story00.txt").write_text("Hello.\n")
    (tmp_path / "a.txt").write_text("Hello.\n")
    for args, message in (
        (("clean", "--output-dir", "out"), "--output-dir needs files or folders to read"),
        (("clean", "corpus", "--output-dir", "corpus/x"), "corpus/x: --output-dir must not be inside corpus"),
        (("clean", "a.txt", "--field", "body"), "--field: only with --output-dir OUT"),
        (("clean", "a.txt", "--executor", "dask"), "--executor dask: only with --output-dir OUT"),
        (("clean", "a.txt", "--output-dir", "o", "--edits"), "--edits needs --field NAME"),
        (("clean", "a.txt", "--output-dir", "a.txt"), "a.txt: cannot create the output folder"),
        (("clean", "corpus", "copy", "--output-dir", "o"),
         "corpus/desk0/story00.txt and copy/desk0/story00.txt would both be written to o/desk0/"),
    ):
        status, err = main(*args)
        assert status == 2, args
        assert err.startswith(f"normalizer: error: {message}"), err


def test_a_missing_input_is_an_error_and_the_others_are_done(main, tmp_path) -> None:
    (tmp_path / "a.txt").write_text("Talks with Sergey Lavroy.\n")
    status, err = main("clean", "missing.txt", "a.txt", "--output-dir", "out")
    assert status == 2
    assert err.splitlines()[0] == "normalizer: error: missing.txt: No such file or directory"
    assert (tmp_path / "out" / "a.txt").read_text() == "Talks with Sergey Lavrov.\n"
    assert not (tmp_path / "out" / "missing.txt").exists()


def test_jsonl_records_keep_their_fields_and_a_bad_record_is_reported(main, tmp_path) -> None:
    records = _jsonl(tmp_path / "news.jsonl")
    status, err = main("clean", "news.jsonl", "--field", "body", "--edits", "--output-dir", "out",
                       "--jobs", "1")
    assert status == 2
    assert err.splitlines()[0].startswith(
        "normalizer: error: news.jsonl: record at byte "
    ) and err.splitlines()[0].endswith(": field 'body' is missing; record kept unchanged")
    out = [json.loads(line) for line in (tmp_path / "out" / "news.jsonl").read_text().splitlines()]
    engine = Normalizer()
    assert len(out) == len(records)
    for record, cleaned in zip(records, out, strict=True):
        if "body" not in record:
            assert cleaned == record
            continue
        result = engine.normalize(record["body"])
        assert cleaned == {**record, "body_normalized": result.text,
                           "body_edits": [e.to_dict() for e in result.edits]}


def test_parquet_row_groups_in_and_out(main, tmp_path) -> None:
    texts = _texts(20)
    table = pa.table({"id": list(range(20)), "body": texts})
    pq.write_table(table, tmp_path / "news.parquet", row_group_size=8)
    status, err = main("clean", "news.parquet", "--field", "body", "--output-dir", "out",
                       "--jobs", "1")
    assert status == 0, err
    out = pq.ParquetFile(tmp_path / "out" / "news.parquet")
    assert out.num_row_groups == 3
    result = out.read()
    assert result.column_names == ["id", "body", "body_normalized"]
    engine = Normalizer()
    assert result.column("body_normalized").to_pylist() == [engine.normalize(t).text for t in texts]
    assert result.column("id").to_pylist() == list(range(20))


def test_dask_collections() -> None:
    texts = _texts(6)
    wanted = [Normalizer().normalize(t).text for t in texts]
    series = pd.Series(texts, index=range(10, 16), name="body")
    cleaned = normalizer_dask.normalize_series(series)
    assert list(cleaned) == wanted and list(cleaned.index) == list(range(10, 16))
    bag = normalizer_dask.normalize_bag(db.from_sequence(texts, npartitions=3))
    assert bag.compute(scheduler="sync") == wanted
    frame = dd.from_pandas(pd.DataFrame({"id": range(6), "body": texts}), npartitions=2)
    out = normalizer_dask.normalize_frame(frame, "body").compute(scheduler="sync")
    assert list(out.columns) == ["id", "body", "body_normalized"]
    assert list(out["body_normalized"]) == wanted
    assert normalizer_dask.normalize_series(pd.Series(["Sergey Lavroy"]), only=["unicode"])[0] == (
        "Sergey Lavroy"
    )


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def cluster(tmp_path):
    """A `dask scheduler` and two `dask worker` processes on loopback: (address, workers)."""
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    env = {**os.environ, "DASK_DISTRIBUTED__WORKER__DAEMON": "False"}
    common = {"cwd": tmp_path, "env": env, "stdout": subprocess.DEVNULL,
              "stderr": subprocess.DEVNULL, "start_new_session": True}
    procs = [subprocess.Popen([str(BIN / "dask"), "scheduler", "--host", "127.0.0.1",
                               "--port", str(port), "--no-dashboard"], **common)]
    workers = [
        subprocess.Popen([str(BIN / "dask"), "worker", address, "--nthreads", "1",
                          "--no-dashboard", "--no-nanny", "--host", "127.0.0.1"], **common)
        for _ in range(2)
    ]
    procs += workers
    try:
        from distributed import Client

        with Client(address, timeout="60s") as client:
            client.wait_for_workers(2, timeout=120)
        yield address, workers
    finally:
        for proc in procs:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=30)


def _normalizer(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "normalizer", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=600, check=False)


def test_a_real_cluster_gives_the_bytes_of_jobs_1(cluster, tmp_path) -> None:
    address, workers = cluster
    _corpus(tmp_path, n=40)
    _jsonl(tmp_path / "news.jsonl", n=40)
    for args in (["corpus"], ["news.jsonl", "--field", "body", "--edits"]):
        local = _normalizer("clean", *args, "--output-dir", "local", "--jobs", "1", cwd=tmp_path)
        remote = _normalizer("clean", *args, "--output-dir", "remote", "--executor", "dask",
                             "--scheduler", address, cwd=tmp_path)
        assert remote.returncode == local.returncode, remote.stderr
        notes = [line for line in remote.stderr.splitlines() if "Dask dashboard" not in line]
        assert notes == local.stderr.splitlines()
    assert _files(tmp_path / "remote") == _files(tmp_path / "local")

    # A worker killed mid-run: its chunks are run again elsewhere, the output is the same.
    run = subprocess.Popen(
        [sys.executable, "-m", "normalizer", "clean", "corpus", "--output-dir", "killed",
         "--executor", "dask", "--scheduler", address, "-q"],
        cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    deadline = time.monotonic() + 300
    while not list((tmp_path / "killed").rglob("*.txt")) and time.monotonic() < deadline:
        time.sleep(0.05)
    os.killpg(workers[0].pid, signal.SIGKILL)
    _out, err = run.communicate(timeout=600)
    assert run.returncode == 0, err
    local_text = {k: v for k, v in _files(tmp_path / "local").items() if k.endswith(".txt")}
    killed = {k: v for k, v in _files(tmp_path / "killed").items() if k.endswith(".txt")}
    assert killed == local_text
