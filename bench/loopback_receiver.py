"""A webhook receiver for the alerts bench that is not the bottleneck: bare asyncio, one
protocol object per connection, HTTP/1.1 keep-alive with Content-Length bodies (what aiohttp
sends), 204 to every POST. An ASGI app under uvicorn parsed each request in h11 or httptools
plus the ASGI layer, and with several workers posting at once it was the receiver, not the
workers, that was measured.

It keeps, per path, every `webhook-id` it got, so the bench can count alerts received twice
(a worker sending what another already sent) and alerts never received:

    GET /stats             {"count": all POSTs, "arrivals": [["/latency/... id", time], ...]}
    GET /tally/<path>      {"received": POSTs to /<path>, "distinct": distinct webhook-ids}

    python bench/loopback_receiver.py PORT
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from collections import Counter, defaultdict

EMPTY = b"HTTP/1.1 204 No Content\r\n\r\n"


class Tally:
    def __init__(self) -> None:
        self.count = 0
        self.arrivals: list[tuple[str, float]] = []
        self.ids: dict[str, Counter[bytes]] = defaultdict(Counter)

    def posted(self, path: str, webhook_id: bytes) -> None:
        self.count += 1
        self.ids[path][webhook_id] += 1
        if path.startswith("/latency/"):
            self.arrivals.append((f"{path} {webhook_id.decode()}", time.time()))

    def answer(self, path: str) -> bytes:
        if path.startswith("/tally/"):
            ids = self.ids.get("/" + path.removeprefix("/tally/"), Counter())
            body: dict[str, object] = {"received": sum(ids.values()), "distinct": len(ids)}
        else:
            body = {"count": self.count, "arrivals": self.arrivals}
        data = json.dumps(body).encode()
        head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
        return f"{head}Content-Length: {len(data)}\r\n\r\n".encode() + data


class Connection(asyncio.Protocol):
    def __init__(self, tally: Tally) -> None:
        self.tally = tally
        self.buffer = b""
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        answers = []
        while True:
            end = self.buffer.find(b"\r\n\r\n")
            if end < 0:
                break
            lines = self.buffer[:end].split(b"\r\n")
            method, path, _ = lines[0].split(b" ", 2)
            length, webhook_id = 0, b""
            for line in lines[1:]:
                name, _, value = line.partition(b":")
                name = name.strip().lower()
                if name == b"content-length":
                    length = int(value)
                elif name == b"webhook-id":
                    webhook_id = value.strip()
            if len(self.buffer) < end + 4 + length:
                break  # the body is still coming
            self.buffer = self.buffer[end + 4 + length :]
            if method == b"GET":
                answers.append(self.tally.answer(path.decode()))
            else:
                self.tally.posted(path.decode(), webhook_id)
                answers.append(EMPTY)
        if answers and self.transport is not None:
            self.transport.write(b"".join(answers))


async def main(port: int) -> None:
    tally = Tally()
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: Connection(tally), "127.0.0.1", port, backlog=1024)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1])))
