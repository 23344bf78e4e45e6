"""Cursor pagination for the JSON API.

A cursor is opaque to clients: URL-safe base64 of `[list name, sort key of the last item]`.
The store pages by that key (a keyset, see `store/api_reads.py`), so walking `next` links
visits every item once. A cursor of another list, or one that was tampered with, is refused
rather than guessed at.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from starlette.datastructures import URL

T = TypeVar("T")
DEFAULT_LIMIT = 20
MAX_LIMIT = 100
MAX_CURSOR_LENGTH = 1000
KeyTypes = tuple[type, ...]


class CursorError(ValueError):
    """The cursor was not made by this list; the message says what is wrong with it."""


def encode(kind: str, key: Sequence[Any]) -> str:
    values = [v.isoformat() if isinstance(v, dt.date) else v for v in key]
    payload = json.dumps([kind, values], separators=(",", ":"), ensure_ascii=False)
    return base64.urlsafe_b64encode(payload.encode("utf-8")).decode("ascii").rstrip("=")


def decode(cursor: str | None, kind: str, types: KeyTypes) -> tuple[Any, ...] | None:
    """The sort key inside `cursor` (None for the first page), typed as `types` says."""
    if cursor is None:
        return None
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        found_kind, values = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
    except (ValueError, TypeError, binascii.Error, UnicodeError):
        raise CursorError("cursor is not one this API handed out") from None
    if found_kind != kind:
        raise CursorError(f"cursor belongs to another list ({found_kind!r}), not {kind!r}")
    if not isinstance(values, list) or len(values) != len(types):
        raise CursorError("cursor is not one this API handed out")
    return tuple(_typed(value, wanted) for value, wanted in zip(values, types, strict=True))


def _typed(value: Any, wanted: type) -> Any:
    if wanted is dt.date and isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise CursorError("cursor holds a broken date") from None
    is_int = isinstance(value, int) and not isinstance(value, bool)
    if wanted is int and is_int and abs(value) < 2**63:  # both databases compare these
        return value
    if wanted is str and isinstance(value, str) and "\x00" not in value:
        return value
    raise CursorError("cursor is not one this API handed out")


@dataclass(frozen=True)
class PageOf(Generic[T]):
    items: list[T]
    next_cursor: str | None


def page_of(
    rows: Sequence[T], limit: int, kind: str, key: Callable[[T], Sequence[Any]]
) -> PageOf[T]:
    """`rows` as fetched with `limit + 1`: the extra row only says another page exists."""
    items = list(rows[:limit])
    more = len(rows) > limit and bool(items)
    return PageOf(items, encode(kind, key(items[-1])) if more else None)


def next_url(url: URL, cursor: str | None) -> str | None:
    """The request's own path and query with the next cursor: every filter carries over.

    Relative on purpose: a client resolves it against the address it asked (RFC 3986; a
    `Link` header's target may be relative, RFC 8288), so it is right behind any proxy, on
    any port, and nothing a client sends (`Host`) can point it elsewhere."""
    if cursor is None:
        return None
    nxt = url.include_query_params(cursor=cursor)
    return f"{nxt.path}?{nxt.query}"


def link_header(next_link: str | None) -> dict[str, str]:
    return {"Link": f'<{next_link}>; rel="next"'} if next_link else {}
