"""Which connections the service worker gives to its probe threads (`service.worker`)."""

from __future__ import annotations

import socket

import pytest

from service.worker import _is_complete_probe


@pytest.mark.parametrize(("sent", "probe"), [
    (b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n", True),
    (b"GET /readyz HTTP/1.1\r\nHost: x\r\nUser-Agent: kube-probe/1.31\r\n\r\n", True),
    (b"GET /healthz?full=1 HTTP/1.0\r\n\r\n", True),
    (b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: aaa", False),  # headers still trickling in
    (b"GET /healthz HTTP/1.1\r\nContent-Length: 1000\r\n\r\nabc", False),  # a body to wait for
    (b"GET /healthz HTTP/1.1\r\ntransfer-encoding: chunked\r\n\r\n", False),
    (b"GET /healthzz HTTP/1.1\r\n\r\n", False),
    (b"POST /healthz HTTP/1.1\r\n\r\n", False),
    (b"POST /v1/normalize HTTP/1.1\r\nContent-Length: 5\r\n\r\nLibva", False),
    (b"", False),  # nothing sent yet
])
def test_only_a_whole_probe_without_a_body_goes_to_the_probe_threads(sent, probe):
    server, client = socket.socketpair()
    with server, client:
        client.sendall(sent)
        assert _is_complete_probe(server) is probe
        if sent:  # only peeked: the request is still there for the thread that serves it
            assert server.recv(len(sent)) == sent


def test_a_closed_socket_is_no_probe():
    server, client = socket.socketpair()
    server.close()
    client.close()
    assert _is_complete_probe(server) is False
