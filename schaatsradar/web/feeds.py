"""Atom and iCal feeds: the site, each skater, each competition, each search."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(tags=["feeds"], include_in_schema=False)
