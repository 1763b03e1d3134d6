"""The gunicorn worker of the service: gthread, with bounded client time and JSON errors.

gunicorn's threaded worker reads each request in a pool thread, so a slow client holds one
thread, never the whole process (`/healthz` keeps answering). This subclass bounds how long it
can hold one:

- a new connection waits for its first bytes in the worker's poller, without a thread, and is
  closed if they do not come within `client_timeout` seconds;
- once a thread takes up a connection, the client has `client_timeout` seconds to finish its
  request line and headers; then it is answered 408 and the connection is closed (the
  application bounds the body the same way: `service.inputs.receiving_body`);
- a send waits at most `client_timeout` seconds (`SO_SNDTIMEO`), so a client that does not
  read its answer cannot hold a thread either.

Health probes (`GET /healthz`, `GET /readyz`, complete and without a body when the worker
peeks at them) are served by two threads of their own, so a crowd of documents queued for the
engine cannot make an orchestrator's liveness probe time out.

And the errors gunicorn answers itself, before the application sees a request (a malformed
request line or header, a bad Content-Length, 414, 431, 501 for an unknown transfer coding),
are JSON like the application's, instead of gunicorn's HTML page.
"""

from __future__ import annotations

import errno
import json
import selectors
import socket
import struct
import threading
import time
import uuid
from concurrent import futures
from functools import partial
from typing import Any

import regex
from gunicorn import util
from gunicorn.workers.gthread import TConn, ThreadWorker

from .config import ServiceConfig
from .errors import error_code
from .watchdog import watchdog

PROBE_REQUESTS = (b"GET /healthz ", b"GET /healthz?", b"GET /readyz ", b"GET /readyz?")
"""Request lines the probe threads serve (the probes never wait for the engine)."""
PROBE_PEEK = 2048
"""Bytes looked at: a probe request from an orchestrator or load balancer is far shorter."""
PROBE_THREADS = 2


def json_error_bytes(status: int, reason: str, message: str) -> bytes:
    """A complete HTTP/1.1 error answer with the service's JSON error body; closes."""
    body = json.dumps(
        {"error": {"code": error_code(reason), "message": message or reason.lower()}}
    ).encode("utf-8")
    head = (
        f"HTTP/1.1 {status} {reason}\r\nConnection: close\r\n"
        f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n"
        f"X-Request-ID: {uuid.uuid4().hex}\r\n\r\n"
    )
    return head.encode("latin-1") + body


def write_json_error(sock: socket.socket, status: int, reason: str, message: str) -> None:
    """Drop-in for `gunicorn.util.write_error`, which writes an HTML page."""
    util.write_nonblock(sock, json_error_bytes(status, reason, message))


class _HeaderDeadline:
    """Answers 408 and closes the connection unless the request's headers are in by `until`."""

    def __init__(self, sock: socket.socket, until: float, seconds: float) -> None:
        self.sock = sock
        self.seconds = seconds
        self.guard = threading.Lock()
        self.pending = True
        self.alarm = watchdog.call_at(until, self._expire)

    def _expire(self) -> None:
        with self.guard:
            if not self.pending:
                return
            self.pending = False
            message = f"the request line and headers did not arrive within {self.seconds:g} s"
            try:  # never block the watchdog thread: one non-blocking send, then close
                answer = json_error_bytes(408, "Request Timeout", message)
                self.sock.send(answer, socket.MSG_DONTWAIT)
                self.sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def met(self) -> bool:
        """Stop the alarm; whether the headers arrived in time (False: 408 already sent)."""
        self.alarm.cancel()
        with self.guard:
            in_time, self.pending = self.pending, False
        return in_time


def _is_complete_probe(sock: socket.socket) -> bool:
    """Whether the bytes waiting on `sock` are a whole probe request: a probe's request line and
    the end of its headers, without a body. A client still trickling its headers, or sending a
    body, is left to the pool and its time limits, so it can never hold a probe thread."""
    try:
        head = sock.recv(PROBE_PEEK, socket.MSG_PEEK | socket.MSG_DONTWAIT)
    except OSError:
        return False
    headers = head.partition(b"\r\n\r\n")
    return (
        head.startswith(PROBE_REQUESTS) and headers[1] != b""
        and not regex.search(rb"(?im)^(content-length|transfer-encoding)\s*:", headers[0])
    )


class ServiceWorker(ThreadWorker):  # type: ignore[misc]
    """gunicorn's gthread worker with the client time limits and JSON errors above."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.client_timeout = ServiceConfig.load().client_timeout

    def init_process(self) -> None:
        # gunicorn's error answers all go through util.write_error (see Worker.handle_error).
        util.write_error = write_json_error
        self.probe_pool = futures.ThreadPoolExecutor(PROBE_THREADS, thread_name_prefix="probe")
        super().init_process()  # runs the worker's main loop until it stops

    def run(self) -> None:
        try:
            super().run()
        finally:
            self.probe_pool.shutdown(wait=False)

    def enqueue_req(self, conn: Any) -> None:
        """Give a connection to a thread: a health probe to the probe threads, so that it never
        queues behind a crowd of documents waiting for the engine; any other to the pool."""
        if not _is_complete_probe(conn.sock):
            super().enqueue_req(conn)
            return
        done = self.probe_pool.submit(self.handle, conn)
        done.add_done_callback(
            lambda fut: self.method_queue.defer(self.finish_request, conn, fut))

    def accept(self, listener: socket.socket) -> None:
        """Take a new connection, and leave it to the poller, without a thread, until its first
        bytes arrive (gunicorn would give it a thread that waits up to 5 s for them, so that a
        few dozen idle connections would hold every thread); closed if they do not arrive
        within `client_timeout`."""
        try:
            client, address = listener.accept()
        except OSError as exc:
            if exc.errno in (errno.EAGAIN, errno.ECONNABORTED, errno.EWOULDBLOCK):
                return
            raise
        self.nr_conns += 1
        conn = TConn(self.cfg, client, address, listener.getsockname())  # non-blocking
        conn.timeout = time.monotonic() + self.client_timeout
        self.pending_conns.append(conn)  # closed by murder_pending() once past conn.timeout
        self.poller.register(
            conn.sock, selectors.EVENT_READ, partial(self.on_pending_socket_readable, conn)
        )

    def handle(self, conn: Any) -> Any:
        seconds = self.client_timeout
        microseconds = int(seconds % 1 * 1_000_000)
        timeval = struct.pack("ll", int(seconds), microseconds)
        try:
            conn.sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDTIMEO, timeval)
        except OSError:
            return False  # the client is already gone
        conn.header_deadline = _HeaderDeadline(conn.sock, time.monotonic() + seconds, seconds)
        try:
            return super().handle(conn)
        finally:
            conn.header_deadline.met()

    def handle_request(self, req: Any, conn: Any) -> bool:
        if not conn.header_deadline.met():
            return False
        return super().handle_request(req, conn)
