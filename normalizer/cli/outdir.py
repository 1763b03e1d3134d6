"""``clean --output-dir OUT``: each input's output under OUT, and the manifest of done inputs.

An input's output is OUT/NAME, NAME being its path relative to the directory walked (or its
file name, for a file named explicitly). Outputs are written by this process (workers only
return them), atomically: a text file at once, a data file part after part into a temporary
file renamed into place after its last part. Only then is the input listed in the manifest,
``OUT/.normalizer-manifest.jsonl`` (one JSON object a line: ``name``, ``size``,
``mtime_ns``), so a rerun after a crash or Ctrl-C skips every input whose output is complete
and whose size and modification time are the same, and does only the rest.
"""

from __future__ import annotations

import json
import os
from contextlib import suppress
from typing import Any, BinaryIO

from .atomic import commit_temp, open_temp, write_atomic
from .errors import FileError, UsageError
from .runner import Outcome
from .walk import Task

MANIFEST = ".normalizer-manifest.jsonl"


class OutputDir:
    """The output folder of one run: names, the manifest, and the writers of outputs."""

    def __init__(self, root: str, names: dict[str, str]) -> None:
        self.root = root
        self.names = names  # input path -> name under root
        self.manifest = os.path.join(root, MANIFEST)
        self._open: dict[str, tuple[str, Any]] = {}  # data file -> (temp path, writer)
        self._broken: set[str] = set()
        try:
            os.makedirs(root, exist_ok=True)
        except OSError as exc:
            raise UsageError(f"{root}: cannot create the output folder: {exc.strerror}") from None
        self._done = self._read_manifest()

    def _read_manifest(self) -> dict[str, tuple[int, int]]:
        done: dict[str, tuple[int, int]] = {}
        with suppress(FileNotFoundError), open(self.manifest, encoding="utf-8") as fh:
            for line in fh:
                with suppress(ValueError, KeyError, TypeError):  # a line cut by a crash
                    entry = json.loads(line)
                    done[entry["name"]] = (entry["size"], entry["mtime_ns"])
        return done

    def target(self, path: str) -> str:
        return os.path.join(self.root, self.names[path])

    def is_done(self, path: str) -> bool:
        """True when `path`'s output is complete and `path` has not changed since."""
        try:
            info = os.stat(path)
        except OSError:  # reading it will report why
            return False
        name = self.names[path]
        return self._done.get(name) == (info.st_size, info.st_mtime_ns) and os.path.exists(
            self.target(path)
        )

    def deliver(self, task: Task, outcome: Outcome) -> None:
        """Write (part of) `task`'s output; list the input in the manifest once complete."""
        if task.path in self._broken:
            return
        if outcome.payload is None:  # an error or a note: no output, and none for its file
            self._abandon(task.path)
            return
        target = self.target(task.path)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        try:
            if task.part is None:
                write_atomic(target, str(outcome.payload).encode("utf-8"))
            else:
                self._write_part(task, target, outcome.payload)
                if not task.part.last:
                    return
                temp, writer = self._open.pop(task.path)
                writer.close()
                commit_temp(temp, target)
        except OSError as exc:
            self._abandon(task.path)
            raise FileError(target, f"cannot write: {exc.strerror or exc}") from None
        self._record(task.path)

    def _write_part(self, task: Task, target: str, payload: Any) -> None:
        if task.path not in self._open:
            fh, temp = open_temp(target)
            self._open[task.path] = (temp, _writer(fh, payload))
        self._open[task.path][1].write(payload)

    def _abandon(self, path: str) -> None:
        self._broken.add(path)
        opened = self._open.pop(path, None)
        if opened:
            with suppress(OSError):
                opened[1].close()
                os.unlink(opened[0])

    def _record(self, path: str) -> None:
        info = os.stat(path)
        entry = {"name": self.names[path], "size": info.st_size, "mtime_ns": info.st_mtime_ns}
        with open(self.manifest, "a", encoding="utf-8") as fh:
            fh.write(json.dumps(entry, ensure_ascii=False) + "\n")

    def close(self) -> None:
        """Drop the temporary files of data files left unfinished (an error or Ctrl-C)."""
        for path in list(self._open):
            self._abandon(path)


class _TextWriter:
    """JSON Lines parts appended to the temporary file."""

    def __init__(self, fh: BinaryIO) -> None:
        self.fh = fh

    def write(self, text: str) -> None:
        self.fh.write(text.encode("utf-8", errors="surrogateescape"))

    def close(self) -> None:
        self.fh.flush()
        os.fsync(self.fh.fileno())
        self.fh.close()


class _ParquetWriter(_TextWriter):
    """Parquet parts (pyarrow tables) written as row groups of the temporary file."""

    def __init__(self, fh: BinaryIO, schema: Any) -> None:
        import pyarrow.parquet as pq

        super().__init__(fh)
        self.writer = pq.ParquetWriter(fh, schema)

    def write(self, table: Any) -> None:  # type: ignore[override]
        self.writer.write_table(table)

    def close(self) -> None:
        self.writer.close()
        super().close()


def _writer(fh: BinaryIO, payload: Any) -> _TextWriter:
    return _TextWriter(fh) if isinstance(payload, str) else _ParquetWriter(fh, payload.schema)


def output_names(sources: list[str], tasks: list[Task], out: str) -> dict[str, str]:
    """The name under OUT of each task's input (see the module docstring); raise
    `UsageError` when two inputs would share one, or OUT lies inside a walked folder."""
    names: dict[str, str] = {}
    owners: dict[str, str] = {}
    roots = [src for src in sources if os.path.isdir(src)]
    real_out = os.path.realpath(out)
    for root in roots:
        if os.path.commonpath([real_out, os.path.realpath(root)]) == os.path.realpath(root):
            raise UsageError(f"{out}: --output-dir must not be inside {root}, which is walked")
    for task in tasks:
        root = next((r for r in roots if _inside(task.path, r)), None)
        name = os.path.relpath(task.path, root) if root else os.path.basename(task.path)
        if owners.setdefault(name, task.path) != task.path:
            raise UsageError(
                f"{owners[name]} and {task.path} would both be written to {os.path.join(out, name)}"
            )
        names[task.path] = name
    return names


def _inside(path: str, root: str) -> bool:
    return os.path.commonpath([os.path.abspath(path), os.path.abspath(root)]) == os.path.abspath(
        root
    )
