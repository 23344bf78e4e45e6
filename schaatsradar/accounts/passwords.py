"""Password hashes with Argon2id (argon2-cffi's RFC 9106 low-memory profile).

The parameters travel inside each hash, so raising them later needs no migration: a sign-in
whose stored hash uses older parameters is re-hashed (`needs_rehash`)."""

from __future__ import annotations

import functools

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

HASHER = PasswordHasher()


def hash_password(password: str) -> str:
    return HASHER.hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    """Whether `password` is the one `stored_hash` was made from (a damaged hash: no)."""
    try:
        return HASHER.verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    return HASHER.check_needs_rehash(stored_hash)


@functools.cache
def _decoy_hash() -> str:
    return HASHER.hash("the hash a sign-in with an unknown e-mail address is checked against")


def spend_verification(password: str) -> None:
    """Do the work of one verification for nothing: a sign-in with an unknown address takes
    as long as one with a wrong password, so the timing tells no one which addresses exist."""
    verify_password(_decoy_hash(), password)
