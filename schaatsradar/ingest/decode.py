"""Bytes from disk or the network to text, or a clear reason why not.

Newsroom exports arrive as UTF-8, UTF-8 with BOM, UTF-16 (Windows tools) or Latin-1/cp1252;
all are read. Bytes that are not text at all are rejected instead of stored as mojibake.
"""

from __future__ import annotations

import codecs
import re

from schaatsradar.errors import BINARY_FILE, InputRejected

SNIFF_BYTES = 8192
MAX_CONTROL_SHARE = 0.02
CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\ufffd]")


def decode_text(data: bytes) -> str:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode_utf16(data, "utf-16")
    if b"\x00" in data[:SNIFF_BYTES]:
        return _decode_utf16_without_bom(data)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    _reject_if_binary(text)
    return text


def _decode_utf16(data: bytes, codec: str) -> str:
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        raise InputRejected("binary file (invalid UTF-16)", BINARY_FILE) from None
    _reject_if_binary(text)
    return text


def _decode_utf16_without_bom(data: bytes) -> str:
    """UTF-16 text without BOM has a NUL in every other byte; anything else with NULs is binary."""
    sample = data[:SNIFF_BYTES]
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = max(1, len(sample) // 2)
    if odd_nuls / half > 0.3 and even_nuls / half < 0.05:
        return _decode_utf16(data, "utf-16-le")
    if even_nuls / half > 0.3 and odd_nuls / half < 0.05:
        return _decode_utf16(data, "utf-16-be")
    raise InputRejected("binary file (contains NUL bytes)", BINARY_FILE)


def _reject_if_binary(text: str) -> None:
    sample = text[:SNIFF_BYTES]
    if not sample:
        return
    control = len(CONTROL.findall(sample))
    if control / len(sample) > MAX_CONTROL_SHARE:
        raise InputRejected("binary file (not readable as text)", BINARY_FILE)
