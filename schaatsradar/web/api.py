"""The JSON API, `/api/v1/...` (OpenAPI at /api/v1/openapi.json)."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(tags=["api"])


@router.get("/health")
def health() -> dict[str, str]:
    """Liveness for load balancers and the test suite."""
    return {"status": "ok"}
