"""HEAD on every route: answered as the GET would be, without the body.

FastAPI's routes answer only the methods they declare, so a HEAD (link checkers, feed readers
asking whether anything changed, uptime monitors) got a 405 where the GET works. Running the
GET and dropping its body keeps Content-Length, ETag and the rest exactly as the GET's."""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send


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

        await self.app({**scope, "method": "GET"}, receive, without_body)
