"""Secrets stay out of the logs: the access log's URLs, and any other line the server logs.

Feed readers carry no cookies, so the private Atom feed takes its token in the query
(`/mijn/atom?token=…`); confirmation and reset links carry theirs too. Uvicorn's access log
writes every request line as it came, so without this filter each poll of a private feed put a
working token into the log, readable by anyone who can read logs or their backups.

What is hidden: the value of every query parameter whose name says it is a secret (token,
key, secret, signature, password, code, auth; and `t`, which carries the signed token of a
mailed confirmation or reset link), anything shaped like one of our tokens
(`srt_…`, `srp_…`, any `sr?_` prefix) wherever it stands, and long random-looking path
segments (a token in a path). Authorization headers are never logged by uvicorn; a
`Bearer …` that turns up in a message is hidden all the same.
"""

from __future__ import annotations

import copy
import logging
import re
from typing import Any

from uvicorn.config import LOGGING_CONFIG

HIDDEN = "[hidden]"
_SECRET_PARAMETER = re.compile(
    r"(?i)([?&;](?:t|[\w.-]*(?:token|key|secret|signature|sig|password|passwd|code|auth)"
    r"[\w.-]*)=)[^&#\s\"]*"
)
_OUR_TOKEN = re.compile(r"\bsr[a-z]_[A-Za-z0-9_-]{8,}")
_BEARER = re.compile(r"(?i)\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]{8,}")
_LONG_SEGMENT = re.compile(r"(?<=/)[A-Za-z0-9_-]{24,}(?=[/?#\s\"]|$)")
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)+")


def _random_looking(match: re.Match[str]) -> str:
    """A long path segment with letters and digits mixed is a token, not a slug (slugs are
    lowercase words joined by hyphens) and not an id (ids are short)."""
    segment = match.group(0)
    if _SLUG.fullmatch(segment) or segment.isalpha() or segment.isdigit():
        return segment
    return HIDDEN


def redact(text: str) -> str:
    """`text` with every secret it carries replaced by [hidden]."""
    text = _SECRET_PARAMETER.sub(lambda m: m.group(1) + HIDDEN, text)
    text = _OUR_TOKEN.sub(HIDDEN, text)
    text = _BEARER.sub(lambda m: f"{m.group(1)} {HIDDEN}", text)
    return _LONG_SEGMENT.sub(_random_looking, text)


class RedactSecrets(logging.Filter):
    """Rewrites each record before it is formatted. Uvicorn's access records keep their
    argument tuple (its formatter unpacks it), with the path redacted; others are formatted
    here and redacted whole."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if record.name == "uvicorn.access" and isinstance(args, tuple) and len(args) == 5:
            client, method, path, version, status = args
            record.args = (client, method, redact(str(path)), version, status)
            return True
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            return True
        redacted = redact(message)
        if redacted != message:
            record.msg, record.args = redacted, ()
        return True


def log_config() -> dict[str, Any]:
    """Uvicorn's logging configuration with `RedactSecrets` on every handler."""
    config = copy.deepcopy(LOGGING_CONFIG)
    config["filters"] = {"redact": {"()": f"{__name__}.RedactSecrets"}}
    for handler in config["handlers"].values():
        handler["filters"] = ["redact"]
    return config
