"""What a browser needs to subscribe to Web Push: the service worker at the site root (a worker
controls only pages under its own path, so it cannot live under /static) and the site's
application server key. The settings page's button (static/push.js) uses both."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends
from fastapi.responses import Response
from pydantic import BaseModel

from schaatsradar.alerts import vapid
from schaatsradar.store import Store
from schaatsradar.web import deps
from schaatsradar.web.api_http import ApiRoute

SERVICE_WORKER = Path(__file__).parent / "static" / "sw.js"

site = APIRouter(include_in_schema=False)
api = APIRouter(tags=["push"], route_class=ApiRoute)  # the API's CORS, error and ETag rules


class PushKey(BaseModel):
    """The VAPID public key, base64url: `applicationServerKey` for `pushManager.subscribe`."""

    key: str


@site.get("/sw.js")
def service_worker() -> Response:
    return Response(
        SERVICE_WORKER.read_bytes(),
        media_type="text/javascript; charset=utf-8",
        headers={"Service-Worker-Allowed": "/", "Cache-Control": "no-cache"},
    )


@api.get("/push/key")
def push_key(store: Annotated[Store, Depends(deps.store)]) -> PushKey:
    """The site's Web Push key (made on first use, never changed after)."""
    with store.write(changes_content=False) as conn:
        _private, key = vapid.keys(conn)
    return PushKey(key=key)


# One router for `create_app` to include, before the API's router: that one ends in a
# catch-all that answers 404 for any /api/v1 path it does not know.
router = APIRouter()
router.include_router(site)
router.include_router(api, prefix="/api/v1")
