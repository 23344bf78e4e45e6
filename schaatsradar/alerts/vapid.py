"""The site's VAPID key pair (RFC 8292): made once, kept in `site_secrets`, and never changed,
because every browser subscribed with its public half (the "application server key")."""

from __future__ import annotations

import base64
from functools import lru_cache

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from py_vapid import Vapid02
from sqlalchemy import Connection

from schaatsradar.store import site_secrets

SECRET_NAME = "vapid_private_key"


def keys(conn: Connection) -> tuple[str, str]:
    """(private key PEM, application server key as base64url). The first call makes the pair,
    so `conn` must be able to write (`store.write(changes_content=False)`)."""
    private_pem = site_secrets.get(conn, SECRET_NAME)
    if private_pem is None:
        private_pem = site_secrets.put(conn, SECRET_NAME, new_private_key())
    return private_pem, application_server_key(private_pem)


def new_private_key() -> str:
    key = ec.generate_private_key(ec.SECP256R1())
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode("ascii")


def application_server_key(private_pem: str) -> str:
    """The public key as browsers' `pushManager.subscribe` wants it: the uncompressed P-256
    point, base64url without padding."""
    point = signer(private_pem).public_key.public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    return base64.urlsafe_b64encode(point).rstrip(b"=").decode("ascii")


@lru_cache(maxsize=4)
def signer(private_pem: str) -> Vapid02:
    """The VAPID signer for the key (parsed once per process)."""
    key = serialization.load_pem_private_key(private_pem.encode("ascii"), password=None)
    if not isinstance(key, ec.EllipticCurvePrivateKey):
        raise ValueError("the VAPID key is not an elliptic-curve key")
    return Vapid02(key)
