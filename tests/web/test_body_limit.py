"""Request bodies are held to their route's limit by the real server (`schaatsradar serve`):
a body too large, announced or sent in chunks without a length, is refused with 413 before it
is read, and an anonymous write to /api/v1/me is refused before a byte of its body is read.
The server's memory must not grow by the body's size."""

from __future__ import annotations

import json
import os
import select
import socket
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.web.running_server import Served, running_server

MB = 1024 * 1024
CHUNK = b"[" + b"1," * (32 * 1024 - 1) + b"1"  # 64 KiB of JSON-looking bytes, never closed


@dataclass(frozen=True)
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes
    sent: int  # body bytes we got out before the server answered or closed


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    with running_server(tmp_path_factory.mktemp("limits")) as served:
        yield served


def post_chunked(server: Served, path: str, total: int, headers: dict[str, str]) -> Answer:
    """POST up to `total` bytes with Transfer-Encoding: chunked, stopping as soon as the
    server answers (as a client that reads while it writes would)."""
    sock = socket.create_connection(("127.0.0.1", server.port), timeout=20)
    try:
        lines = [f"POST {path} HTTP/1.1", f"Host: 127.0.0.1:{server.port}"]
        headers = {"Content-Type": "application/json", **headers}
        lines += [f"{name}: {value}" for name, value in headers.items()]
        lines += ["Transfer-Encoding: chunked", "", ""]
        sock.sendall("\r\n".join(lines).encode())
        sent = 0
        frame = b"%x\r\n" % len(CHUNK) + CHUNK + b"\r\n"
        while sent < total:
            readable, _, _ = select.select([sock], [], [], 0)
            if readable:
                break
            try:
                sock.sendall(frame)
            except (BrokenPipeError, ConnectionResetError, TimeoutError):
                break
            sent += len(CHUNK)
        else:
            sock.sendall(b"0\r\n\r\n")
        return read_answer(sock, sent)
    finally:
        sock.close()


def read_answer(sock: socket.socket, sent: int) -> Answer:
    data = b""
    while b"\r\n\r\n" not in data:
        part = sock.recv(65536)
        assert part, f"no answer (sent {sent} bytes)"
        data += part
    head, _, body = data.partition(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    headers = {k.strip().lower(): v.strip() for k, _, v in (h.partition(":") for h in header_lines)}
    length = int(headers.get("content-length", "0"))
    while len(body) < length:
        part = sock.recv(65536)
        if not part:
            break
        body += part
    return Answer(int(status_line.split()[1]), headers, body, sent)


def test_an_anonymous_write_to_me_is_refused_before_its_body_is_read(server: Served):
    before = server.rss_bytes()
    for path in ("/api/v1/me/follows", "/api/v1/me/channels"):
        answer = post_chunked(server, path, 64 * MB, {})
        assert answer.status == 401
        assert answer.body and json.loads(answer.body)["error"]["code"] == "unauthorized"
        assert answer.sent < 8 * MB  # the server answered long before the body was sent
    assert server.rss_bytes() - before < 16 * MB


def test_a_chunked_body_over_the_limit_is_refused_with_413_as_it_comes(server: Served):
    """A token is sent (a wrong one: it is checked after the body), so only the size limit
    stands between the body and the server's memory."""
    before = server.rss_bytes()
    answer = post_chunked(
        server, "/api/v1/me/follows", 64 * MB, {"Authorization": "Bearer srp_not-a-live-token"}
    )
    assert answer.status == 413
    error = json.loads(answer.body)["error"]
    assert error["code"] == "too_large" and "SCHAATSRADAR_MAX_BODY_BYTES" in error["message"]
    assert answer.sent < 8 * MB
    assert server.rss_bytes() - before < 16 * MB


def test_a_declared_length_over_the_limit_is_refused_without_reading(server: Served):
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
        sock.sendall(
            b"PATCH /api/v1/me HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer srp_x\r\n"
            b"Content-Type: application/json\r\nContent-Length: 300000000\r\n\r\n{"
        )
        answer = read_answer(sock, 1)
    assert answer.status == 413 and answer.headers["connection"] == "close"


def test_a_form_over_the_limit_is_refused_with_a_readable_message(server: Served):
    form = {"Origin": server.url, "Content-Type": "application/x-www-form-urlencoded"}
    answer = post_chunked(server, "/account/inloggen", 4 * MB, form)
    assert answer.status == 413
    assert "te groot" in answer.body.decode() and "65536 bytes" in answer.body.decode()


def test_a_body_under_the_limit_still_reaches_the_route(server: Served):
    """A small anonymous-but-credentialed write gets the route's own answer (here: 401 for
    a token that is not live), not a size refusal."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
        body = b'{"kind": "skater", "slug": "jutta-leerdam"}'
        sock.sendall(
            b"POST /api/v1/me/follows HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer srp_x\r\n"
            b"Content-Type: application/json\r\nContent-Length: %d\r\n\r\n" % len(body) + body
        )
        answer = read_answer(sock, len(body))
    assert answer.status == 401
    assert json.loads(answer.body)["error"]["code"] == "invalid_token"


def test_the_article_post_has_its_own_larger_limit(tmp_path: Path):
    limits = {"max_body_bytes": "1000", "max_article_post_bytes": "200000"}
    with running_server(tmp_path, **limits) as served:
        made = subprocess.run(
            [sys.executable, "-m", "schaatsradar", "token", "create", "limits"],
            env={**os.environ, "SCHAATSRADAR_DATABASE_URL": f"sqlite:///{tmp_path / 'served.db'}"},
            capture_output=True,
            text=True,
            check=True,
        )
        token = {"Authorization": f"Bearer {made.stdout.strip()}"}
        small = post_chunked(served, "/api/v1/articles", 128 * 1024, token)
        big = post_chunked(served, "/api/v1/articles", 4 * MB, token)
    assert small.status == 422  # under its limit (not under the general one): read and judged
    assert big.status == 413
    assert "SCHAATSRADAR_MAX_ARTICLE_POST_BYTES" in json.loads(big.body)["error"]["message"]


def test_the_api_schema_tells_clients_about_the_limit(server: Served):
    """Clients generated from the schema know that every write may be answered 413."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
        sock.sendall(b"GET /api/v1/openapi.json HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        answer = read_answer(sock, 0)
    paths = json.loads(answer.body)["paths"]
    writes = [
        operation
        for operations in paths.values()
        for method, operation in operations.items()
        if method in ("post", "put", "patch", "delete")
    ]
    assert writes and all("413" in operation["responses"] for operation in writes)
