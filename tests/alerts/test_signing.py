"""Webhook signatures: what a receiver following Standard Webhooks computes must match ours,
and any change to the body, id, timestamp or secret must fail verification."""

from __future__ import annotations

import base64
import hashlib
import hmac

import pytest

from schaatsradar.alerts.signing import SignatureError, new_secret, sign, verify

SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"  # the example secret of standardwebhooks.com
MSG_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek"
TIMESTAMP = 1614265330
BODY = b'{"test": 2432232314}'


def test_signature_matches_an_independent_hmac():
    key = base64.b64decode(SECRET.removeprefix("whsec_"))
    expected = base64.b64encode(
        hmac.new(key, f"{MSG_ID}.{TIMESTAMP}.".encode() + BODY, hashlib.sha256).digest()
    ).decode()

    headers = sign(SECRET, MSG_ID, TIMESTAMP, BODY)

    assert headers == {
        "webhook-id": MSG_ID,
        "webhook-timestamp": "1614265330",
        "webhook-signature": f"v1,{expected}",
    }


def test_signature_matches_the_standard_webhooks_published_vector():
    # The example from the Standard Webhooks specification's test suite.
    headers = sign(SECRET, MSG_ID, TIMESTAMP, BODY)
    assert headers["webhook-signature"] == "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="


def test_a_signed_message_verifies_with_any_header_case():
    headers = {name.title(): value for name, value in sign(SECRET, MSG_ID, TIMESTAMP, BODY).items()}
    verify(SECRET, headers, BODY, now=TIMESTAMP + 10)


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"body": b'{"test": 2432232315}'}, "bad signature"),
        ({"webhook-id": "msg_other"}, "bad signature"),
        ({"webhook-timestamp": str(TIMESTAMP + 1)}, "bad signature"),
        ({"secret": new_secret()}, "bad signature"),
    ],
)
def test_any_tampering_fails_verification(change, reason):
    headers = sign(SECRET, MSG_ID, TIMESTAMP, BODY)
    body = change.pop("body", BODY)
    secret = change.pop("secret", SECRET)
    headers.update(change)
    with pytest.raises(SignatureError, match=reason):
        verify(secret, headers, body, now=TIMESTAMP)


def test_an_old_or_future_timestamp_is_refused_even_when_signed():
    headers = sign(SECRET, MSG_ID, TIMESTAMP, BODY)
    with pytest.raises(SignatureError, match="too old"):
        verify(SECRET, headers, BODY, now=TIMESTAMP + 301)
    with pytest.raises(SignatureError, match="too new"):
        verify(SECRET, headers, BODY, now=TIMESTAMP - 301)
    verify(SECRET, headers, BODY, now=TIMESTAMP + 300)


@pytest.mark.parametrize("missing", ["webhook-id", "webhook-timestamp", "webhook-signature"])
def test_a_missing_header_is_named(missing):
    headers = sign(SECRET, MSG_ID, TIMESTAMP, BODY)
    del headers[missing]
    with pytest.raises(SignatureError, match=f"missing header {missing}"):
        verify(SECRET, headers, BODY, now=TIMESTAMP)


def test_one_matching_signature_among_several_is_enough():
    """A sender rotating its secret signs with the old and the new one."""
    old = sign(new_secret(), MSG_ID, TIMESTAMP, BODY)["webhook-signature"]
    headers = sign(SECRET, MSG_ID, TIMESTAMP, BODY)
    headers["webhook-signature"] = f"{old} {headers['webhook-signature']}"
    verify(SECRET, headers, BODY, now=TIMESTAMP)


def test_new_secrets_are_distinct_and_hold_32_random_bytes():
    secrets = {new_secret() for _ in range(50)}
    assert len(secrets) == 50
    for secret in secrets:
        assert secret.startswith("whsec_")
        assert len(base64.b64decode(secret.removeprefix("whsec_"))) == 32
