"""The request time limit: a request that takes longer gets 503 ``timeout`` (exports, which
stream for as long as they need, are exempt). Work already running in a worker thread
finishes in the background; only the answer is cut short."""

from __future__ import annotations

import json

import anyio

EXEMPT_PREFIXES = ("/v1/export",)


class TimeLimit:
    def __init__(self, app, seconds: float) -> None:
        self.app, self.seconds = app, seconds

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http" or scope["path"].startswith(EXEMPT_PREFIXES):
            await self.app(scope, receive, send)
            return
        started = False

        async def tracked_send(message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            with anyio.fail_after(self.seconds):
                await self.app(scope, receive, tracked_send)
        except TimeoutError:
            if started:
                raise
            await _send_timeout(send, self.seconds)


async def _send_timeout(send, seconds: float) -> None:
    body = json.dumps({"error": "timeout", "message": f"the request took longer than {seconds:g} s; "
                       "narrow the query", "status": 503, "detail": {"limit_s": seconds}}).encode()
    await send({"type": "http.response.start", "status": 503,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})
