"""Data files: JSON Lines and Parquet corpora, one text field normalized per record.

A data file is cut into parts that workers handle independently: byte ranges ending at a
line break for JSON Lines (about `PART_BYTES` each), row groups for Parquet. A worker reads
its part by path, so the corpus never sits in memory, and returns the part's output: every
field of each record kept, ``FIELD_normalized`` (the clean text) added, and with `edits`
``FIELD_edits`` (the edit list; a JSON string in Parquet). A record whose field is missing
or not text is reported and written unchanged.
"""

from __future__ import annotations

import itertools
import json
import os
from typing import Any

from .errors import FileError
from .runner import Outcome, Worker
from .walk import Part, Task

JSONL_SUFFIXES = (".jsonl", ".ndjson")
PARQUET_SUFFIX = ".parquet"
DATA_GLOBS = ("*.jsonl", "*.ndjson", "*.parquet")
"""The files a directory walk takes with --field."""
PART_BYTES = 1 << 20
"""Bytes of JSON Lines in one part (cut at the next line break)."""


def is_data_file(path: str) -> bool:
    """True for a JSON Lines or Parquet file name."""
    return path.endswith((*JSONL_SUFFIXES, PARQUET_SUFFIX))


def split(task: Task) -> list[Task]:
    """The part tasks of a data file's task; raise `FileError` if it cannot be read."""
    try:
        if task.path.endswith(PARQUET_SUFFIX):
            import pyarrow.parquet as pq

            groups = pq.ParquetFile(task.path).num_row_groups
            parts = [Part(i, i == groups - 1, row_group=i) for i in range(groups)]
        else:
            parts = _line_ranges(task.path)
    except (OSError, ValueError) as exc:
        raise FileError(task.path, f"cannot read: {exc}") from None
    return [Task(task.path, task.explicit, part=part) for part in parts or [Part(0, True)]]


def _line_ranges(path: str) -> list[Part]:
    size = os.path.getsize(path)
    bounds = [0]
    with open(path, "rb") as fh:
        while bounds[-1] < size:
            fh.seek(min(bounds[-1] + PART_BYTES, size) - 1)
            fh.readline()  # to the end of the line the cut falls in
            bounds.append(fh.tell())
    return [
        Part(i, i == len(bounds) - 2, start, end)
        for i, (start, end) in enumerate(itertools.pairwise(bounds))
    ]


def clean_records(worker: Worker, task: Task, *, field: str, edits: bool) -> Outcome:
    """Normalize `field` in every record of one part; the output goes in `Outcome.payload`
    (JSON Lines text, or a pyarrow Table for Parquet)."""
    assert task.part is not None, "data files are handled in parts"
    outcome = Outcome(task.path, completes_file=task.part.last)
    if task.path.endswith(PARQUET_SUFFIX):
        outcome.payload = _parquet_part(worker, task, field, edits, outcome)
    else:
        outcome.payload = _jsonl_part(worker, task, field, edits, outcome)
    return outcome


def _normalize_value(
    worker: Worker, value: Any, where: str, field: str, outcome: Outcome
) -> tuple[str, list[dict[str, Any]]] | None:
    """(clean text, edit list) of one record's field, or None after reporting it."""
    if not isinstance(value, str):
        kind = "missing" if value is None else f"not text ({type(value).__name__})"
        outcome.problems.append(f"{where}: field {field!r} is {kind}; record kept unchanged")
        return None
    try:
        result = worker.normalizer.normalize(value, **worker.settings.options)
    except Exception as exc:  # one record's engine failure must not stop the corpus
        outcome.problems.append(f"{where}: internal error: {exc!r}; record kept unchanged")
        return None
    outcome.words += len(value.split())
    outcome.changed = outcome.changed or result.text != value
    outcome.edits.update(e.kind for e in result.applied)
    return result.text, [e.to_dict() for e in result.edits]


def _jsonl_part(worker: Worker, task: Task, field: str, edits: bool, outcome: Outcome) -> str:
    assert task.part is not None
    try:
        with open(task.path, "rb") as fh:
            fh.seek(task.part.start)
            data = fh.read(task.part.end - task.part.start)
    except OSError as exc:
        raise FileError(task.path, exc.strerror or str(exc)) from None
    out = []
    offset = task.part.start
    for raw in data.splitlines(keepends=True):
        where = f"{task.path}: record at byte {offset}"
        offset += len(raw)
        line = raw.decode("utf-8", errors="surrogateescape")
        if not line.strip():
            out.append(line)
            continue
        try:
            record = json.loads(line)
        except ValueError as exc:
            outcome.problems.append(f"{where}: not JSON ({exc}); line kept unchanged")
            out.append(line)
            continue
        value = record.get(field) if isinstance(record, dict) else None
        clean = _normalize_value(worker, value, where, field, outcome)
        if clean is None:
            out.append(line if line.endswith("\n") else line + "\n")
            continue
        record[f"{field}_normalized"] = clean[0]
        if edits:
            record[f"{field}_edits"] = clean[1]
        out.append(json.dumps(record, ensure_ascii=False) + "\n")
    return "".join(out)


def _parquet_part(worker: Worker, task: Task, field: str, edits: bool, outcome: Outcome) -> Any:
    import pyarrow as pa
    import pyarrow.parquet as pq

    assert task.part is not None
    source = pq.ParquetFile(task.path)
    table = (
        source.schema_arrow.empty_table()
        if task.part.row_group is None
        else source.read_row_group(task.part.row_group)
    )
    if field not in table.column_names:
        columns = ", ".join(table.column_names)
        raise FileError(task.path, f"no column {field!r} (columns: {columns})")
    texts: list[str | None] = []
    edit_lists: list[str | None] = []
    for row, value in enumerate(table.column(field).to_pylist()):
        where = f"{task.path}: row group {task.part.row_group}, row {row}"
        clean = _normalize_value(worker, value, where, field, outcome)
        texts.append(clean[0] if clean else None)
        edit_lists.append(json.dumps(clean[1], ensure_ascii=False) if clean else None)
    table = table.append_column(f"{field}_normalized", pa.array(texts, type=pa.string()))
    if edits:
        table = table.append_column(f"{field}_edits", pa.array(edit_lists, type=pa.string()))
    return table
