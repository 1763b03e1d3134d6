"""The per-process watchdog and the engine's deadline and one-at-a-time rule, in threads as in
gunicorn's gthread workers."""

from __future__ import annotations

import threading
import time

import pytest

from normalizer import Result
from service.engine import DeadlineExceeded, Engine, deadline
from service.errors import ApiError
from service.inputs import Document
from service.metrics import Metrics
from service.watchdog import Watchdog


def spin(seconds: float) -> int:
    """Busy Python work, as the engine does (a sleep would not see the deadline)."""
    until, turns = time.monotonic() + seconds, 0
    while time.monotonic() < until:
        turns += 1
    return turns


def in_thread(function):
    outcome: list[object] = []
    thread = threading.Thread(target=lambda: outcome.append(function()))
    thread.start()
    thread.join(timeout=30)
    return outcome[0]


def test_watchdog_fires_in_time_order_and_never_a_cancelled_alarm():
    watchdog = Watchdog()
    fired: list[str] = []
    now = time.monotonic()
    watchdog.call_at(now + 0.15, lambda: fired.append("late"))
    cancelled = watchdog.call_at(now + 0.05, lambda: fired.append("cancelled"))
    watchdog.call_at(now + 0.1, lambda: 1 / 0)  # a failing alarm does not stop the others
    watchdog.call_at(now + 0.02, lambda: fired.append("early"))
    cancelled.cancel()
    time.sleep(0.4)
    assert fired == ["early", "late"]


def test_deadline_interrupts_busy_code_in_a_worker_thread():
    def run() -> str:
        started = time.monotonic()
        try:
            with deadline(started + 0.1):
                spin(5)
        except DeadlineExceeded:
            return f"interrupted after {time.monotonic() - started:.2f} s"
        return "not interrupted"

    outcome = in_thread(run)
    assert outcome.startswith("interrupted") and float(outcome.split()[2]) < 1.5


def test_code_that_finishes_in_time_keeps_its_result_and_nothing_fires_later():
    def run() -> tuple[int, int]:
        finished = expired = 0
        for _ in range(200):  # deadlines that expire around the end of the work
            try:
                with deadline(time.monotonic() + 0.001):
                    spin(0.001)
                finished += 1
            except DeadlineExceeded:
                expired += 1
            spin(0.002)  # a pending exception would be raised here, outside the block
        return finished, expired

    finished, expired = in_thread(run)
    assert finished + expired == 200


def test_the_engine_cannot_swallow_the_deadline():
    def run() -> str:
        try:
            with deadline(time.monotonic() + 0.05):
                try:
                    spin(5)
                except Exception:
                    return "swallowed"
        except DeadlineExceeded:
            return "raised"
        return "finished"

    assert in_thread(run) == "raised"


class _Spinning:
    """An engine that works `seconds` on every document."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds

    def normalize(self, text: str, **options: object) -> Result:
        spin(self.seconds)
        return Result(text, (), {})


def test_one_document_at_a_time_per_process_and_the_wait_counts():
    engine = Engine(_Spinning(0.5), timeout=5, metrics=Metrics())  # type: ignore[arg-type]
    first: list[Result] = []
    thread = threading.Thread(
        target=lambda: first.append(engine.run(Document("a"), "normalize", engine.start()))
    )
    thread.start()
    time.sleep(0.05)
    started = time.monotonic()
    with pytest.raises(ApiError) as waited:  # the engine is busy past this request's deadline
        engine.run(Document("b"), "normalize", started + 0.1)
    assert waited.value.code == "timeout" and time.monotonic() - started < 0.4
    thread.join()
    assert first and first[0].text == "a"
    started = time.monotonic()
    with pytest.raises(ApiError) as ran:  # the engine itself runs past the deadline
        engine.run(Document("c"), "normalize", started + 0.1)
    assert ran.value.code == "timeout" and time.monotonic() - started < 0.4
    assert engine.run(Document("d"), "normalize", engine.start()).text == "d"
