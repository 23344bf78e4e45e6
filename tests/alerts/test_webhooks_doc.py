"""docs/webhooks.md tells receivers how to verify our webhooks: its Python snippet must accept
what we send and refuse tampered or replayed deliveries, so the doc cannot drift from
signing.py."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from schaatsradar.alerts.signing import new_secret, sign

DOC = Path(__file__).parents[2] / "docs" / "webhooks.md"
NOW = 1_769_265_600


@pytest.fixture(scope="module")
def verify_webhook() -> Any:
    (snippet,) = re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), re.DOTALL)
    namespace: dict[str, Any] = {}
    exec(compile(snippet, str(DOC), "exec"), namespace)
    return namespace["verify_webhook"]


def test_the_documented_check_accepts_what_we_send(verify_webhook):
    secret, body = new_secret(), b'{"type":"record.set","title":"Wereldrecord"}'
    headers = sign(secret, "delivery:7", NOW, body)
    assert verify_webhook(secret, headers, body, now=NOW + 5) is True


def test_the_documented_check_refuses_tampering_and_replays(verify_webhook):
    secret, body = new_secret(), b'{"type":"record.set","title":"Wereldrecord"}'
    headers = sign(secret, "delivery:7", NOW, body)
    assert verify_webhook(secret, headers, body.replace(b"Wereld", b"Baan"), now=NOW) is False
    assert verify_webhook(new_secret(), headers, body, now=NOW) is False
    assert verify_webhook(secret, {**headers, "webhook-id": "delivery:8"}, body, now=NOW) is False
    assert verify_webhook(secret, headers, body, now=NOW + 3600) is False


def test_the_documented_example_secret_is_a_valid_secret():
    example = re.search(r"`(whsec_[A-Za-z0-9+/=]+)`", DOC.read_text(encoding="utf-8"))
    assert example is not None
    sign(example.group(1), "delivery:1", NOW, b"{}")  # raises on a malformed secret
