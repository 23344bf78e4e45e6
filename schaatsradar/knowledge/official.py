"""Official results and records, from the ISU results API and SpeedSkatingResults.com: facts
that outrank what news articles claim, so a report that contradicts them can be flagged.

Pure functions: a parsed JSON payload and a source label (file path or URL) in, `OfficialData`
out; no I/O, no clock. Reading files and polling URLs is `official_fetch`; storing and
reconciling belong to `store/` and reconciliation. One refused row makes `OfficialData.ok`
False, and then nothing of the payload may be stored.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from schaatsradar.knowledge.official_isu import parse_isu
from schaatsradar.knowledge.official_ssr import SKATER_LOOKUP, parse_ssr
from schaatsradar.knowledge.official_types import (
    OfficialAthlete,
    OfficialCompetition,
    OfficialData,
    OfficialRecord,
    OfficialRejection,
    OfficialResult,
)
from schaatsradar.knowledge.official_values import parse_seconds

__all__ = [
    "SKATER_LOOKUP",
    "OfficialAthlete",
    "OfficialCompetition",
    "OfficialData",
    "OfficialRecord",
    "OfficialRejection",
    "OfficialResult",
    "is_ssr_payload",
    "parse_isu",
    "parse_official",
    "parse_seconds",
    "parse_ssr",
]

_SSR_NAME_KEYS = frozenset({"givenname", "familyname"})
_RECORD_TYPE_KEYS = ("recordType", "type", "kind")


def parse_official(payload: Any, source: str) -> OfficialData:
    """Either API's payload, told apart by shape, for `schaatsradar official import FILE|URL`
    where the user should not have to say which API a file came from."""
    if is_ssr_payload(payload):
        return parse_ssr(payload, source)
    return parse_isu(payload, source)


def is_ssr_payload(payload: Any) -> bool:
    """SpeedSkatingResults.com answers with `skaters` or `seasons`, names skaters with
    `givenname`/`familyname`, and lists records without a type per row; the ISU tags each
    record ("WR", "TR") and writes `firstName`/`lastName`."""
    if not isinstance(payload, Mapping):
        return False
    if "skaters" in payload or "seasons" in payload or _names_the_ssr_way(payload, 3):
        return True
    records = payload.get("records")
    return isinstance(records, list) and not any(
        isinstance(row, Mapping) and any(key in row for key in _RECORD_TYPE_KEYS) for row in records
    )


def _names_the_ssr_way(value: Any, depth: int) -> bool:
    if depth < 0:
        return False
    if isinstance(value, Mapping):
        if _SSR_NAME_KEYS & set(value):
            return True
        return any(_names_the_ssr_way(inner, depth - 1) for inner in value.values())
    if isinstance(value, list):
        return any(_names_the_ssr_way(inner, depth - 1) for inner in value[:5])
    return False
