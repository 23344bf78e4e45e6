"""Password hashes with Argon2id (argon2-cffi's RFC 9106 low-memory profile).

The parameters travel inside each hash, so raising them later needs no migration: a sign-in
whose stored hash uses older parameters is re-hashed (`needs_rehash`).

Each hash or verification takes 64 MiB and ~50 ms of a core, so they pass a gate: at most
`max_concurrent_password_hashes` at once per process (`limit_concurrency`), the rest wait their
turn. Forty sign-ins at once then cost two hashes' memory, not forty (2.8 GB was seen)."""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

HASHER = PasswordHasher()
T = TypeVar("T")


class _Gate:
    """A semaphore that also knows how many hashes run and the most that ever ran at once."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._slots = threading.BoundedSemaphore(size)
        self._lock = threading.Lock()
        self.running = 0
        self.peak = 0

    @contextmanager
    def slot(self) -> Iterator[None]:
        with self._slots:
            with self._lock:
                self.running += 1
                self.peak = max(self.peak, self.running)
            try:
                yield
            finally:
                with self._lock:
                    self.running -= 1


GATE = _Gate(2)


def limit_concurrency(size: int) -> None:
    """At most `size` hashes at once from now on (the app sets it from its settings)."""
    global GATE
    if GATE.size != size:
        GATE = _Gate(size)


def _gated(work: Callable[[], T]) -> T:
    with GATE.slot():
        return work()


def hash_password(password: str) -> str:
    return _gated(lambda: HASHER.hash(password))


def verify_password(stored_hash: str, password: str) -> bool:
    """Whether `password` is the one `stored_hash` was made from (a damaged hash: no)."""
    try:
        return _gated(lambda: HASHER.verify(stored_hash, password))
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    return HASHER.check_needs_rehash(stored_hash)


@functools.cache
def _decoy_hash() -> str:
    return hash_password("the hash a sign-in with an unknown e-mail address is checked against")


def spend_verification(password: str) -> None:
    """Do the work of one verification for nothing: a sign-in with an unknown address takes
    as long as one with a wrong password, so the timing tells no one which addresses exist."""
    verify_password(_decoy_hash(), password)
