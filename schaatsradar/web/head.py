"""HEAD on every route: answered as the GET would be, without the body.

FastAPI's routes answer only the methods they declare, so a HEAD (link checkers, feed readers
asking whether anything changed, uptime monitors) got a 405 where the GET works. Running the
GET and dropping its body keeps Content-Length, ETag and the rest exactly as the GET's. A
route whose GET does more than read (the live stream marks alerts delivered) asks `is_head`
and answers a HEAD without doing it."""

from __future__ import annotations

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

WAS_HEAD = "schaatsradar.head"  # in the scope of a HEAD passed on as a GET


def is_head(request: Request) -> bool:
    """Whether this GET is really a HEAD: nobody will read the body."""
    return bool(request.scope.get(WAS_HEAD))


class HeadAsGet:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def without_body(message: Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return
                message = {"type": "http.response.body", "body": b""}
            await send(message)

        await self.app({**scope, "method": "GET", WAS_HEAD: True}, receive, without_body)
