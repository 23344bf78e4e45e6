"""Text that every database and every feed can hold, decided once where articles come in.

Some strings are valid Python but not storable or publishable: PostgreSQL refuses NUL in text
columns, SQLite's driver cannot encode a lone surrogate (JSON's `"\\ud800"`, a file name that is
not UTF-8), and XML 1.0 (our Atom feeds) has no place for C0 control characters. One such
character must not fail a batch, a poll or a feed: the article that carries NUL or a lone
surrogate is refused with the reason (both mean the input is broken, not just untidy), and
other control characters are replaced by a space, on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from schaatsradar.errors import UNSAFE_TEXT, InputRejected
from schaatsradar.ingest.types import RawArticle

NUL = "\x00"
SURROGATE = re.compile("[\ud800-\udfff]")
# C0 controls other than tab, line feed and carriage return, and the two non-characters XML
# 1.0 forbids.
CONTROL = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_FIELDS = ("text", "title", "url", "source_key")
# Any character `problem` or `without_controls` acts on: one scan tells that a field (nearly
# every article's text) needs neither.
_ANY = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def problem(value: str) -> str | None:
    """Why `value` cannot be stored as it is, or None: NUL and lone surrogates only (control
    characters are replaced, not refused)."""
    if NUL in value:
        return f"contains a NUL character (U+0000) at position {value.index(NUL)}"
    found = SURROGATE.search(value)
    if found:
        return (
            f"contains a lone surrogate (U+{ord(found.group()):04X}) at position "
            f"{found.start()}: not valid Unicode"
        )
    return None


def without_controls(value: str) -> str:
    return CONTROL.sub(" ", value)


def printable(label: str) -> str:
    """A location or reason made safe to print, store and show: broken characters written as
    escapes (a file name that is not UTF-8 still names its file)."""
    label = label.replace(NUL, "\\x00")
    label = SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", label)
    return CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", label)


def checked(raw: RawArticle) -> RawArticle:
    """`raw` with control characters replaced, or InputRejected naming the broken field."""
    changes: dict[str, Any] = {}
    for name in _FIELDS:
        value = getattr(raw, name)
        if value is None or _ANY.search(value) is None:
            continue
        reason = problem(value)
        if reason is not None:
            raise InputRejected(f"field {name!r} {reason}", UNSAFE_TEXT)
        cleaned = without_controls(value)
        if cleaned != value:
            changes[name] = cleaned
    origin = printable(raw.origin)
    if origin != raw.origin:
        changes["origin"] = origin
    return replace(raw, **changes) if changes else raw
