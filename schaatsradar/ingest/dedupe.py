"""Fingerprints for exact and near-duplicate detection.

Exact: a hash of the normalised words (case, punctuation and spacing do not matter).
Near: MinHash (datasketch) over 5-word shingles, cut into 16 bands of 4 values for
locality-sensitive lookup. Two stories share a band with probability 1-(1-s^4)^16 for Jaccard
similarity s: about 0.64 at s=0.5 and 0.99 at s=0.75, so a wire story republished with a
different intro or tail is found, and two different race reports (s < 0.1) almost never are.
The band keys live in the store (datasketch's own LSH index lives in memory or in Redis, and we
need it in SQLite and PostgreSQL alike); candidates are then confirmed by comparing signatures.
"""

from __future__ import annotations

import hashlib
import re
import zlib

import numpy as np
from datasketch import MinHash

WORD = re.compile(r"\w+")
SHINGLE_WORDS = 5
NUM_PERM = 64
BANDS = 16
ROWS = NUM_PERM // BANDS
_SEED = 1
_MIX = np.array([0x9E3779B1, 0x85EBCA77, 0xC2B2AE3D, 0x27D4EB2F, 0x165667B1], dtype=np.uint64)
_TEMPLATE = MinHash(num_perm=NUM_PERM, seed=_SEED)


def _identity(value: int) -> int:
    return value


def normalised_words(text: str) -> list[str]:
    return WORD.findall(text.casefold())


def text_hash(words: list[str]) -> str:
    return hashlib.blake2b(" ".join(words).encode(), digest_size=16).hexdigest()


_word_hash_cache: dict[str, int] = {}


def _word_hash(word: str) -> int:
    # News vocabulary repeats; a dict hit is several times cheaper than encode + crc32.
    value = _word_hash_cache.get(word)
    if value is None:
        if len(_word_hash_cache) > 500_000:
            _word_hash_cache.clear()
        value = _word_hash_cache[word] = zlib.crc32(word.encode())
    return value


def shingle_hashes(words: list[str]) -> list[int]:
    """32-bit hashes of each run of SHINGLE_WORDS words, computed in bulk with numpy."""
    if not words:
        return []
    word_hashes = np.fromiter(map(_word_hash, words), np.uint64, len(words))
    width = min(SHINGLE_WORDS, len(words))
    count = len(words) - width + 1
    combined = np.zeros(count, dtype=np.uint64)
    for offset in range(width):
        combined = combined * np.uint64(31) + word_hashes[offset : offset + count] * _MIX[offset]
    return (combined & np.uint64(0xFFFFFFFF)).tolist()


def signature(words: list[str]) -> bytes:
    minhash = MinHash(
        num_perm=NUM_PERM,
        seed=_SEED,
        hashfunc=_identity,
        permutations=_TEMPLATE.permutations,
        scheme="affine32",
    )
    minhash.update_batch(shingle_hashes(words))
    return minhash.hashvalues.astype(np.uint32).tobytes()


def band_keys(signature_bytes: bytes) -> tuple[int, ...]:
    """One signed 64-bit key per band, including the band number so bands never collide."""
    keys = []
    for band in range(BANDS):
        chunk = signature_bytes[band * ROWS * 4 : (band + 1) * ROWS * 4]
        digest = hashlib.blake2b(bytes([band]) + chunk, digest_size=8).digest()
        keys.append(int.from_bytes(digest, "big", signed=True))
    return tuple(keys)


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of the two articles' shingle sets."""
    left = np.frombuffer(a, dtype=np.uint32)
    right = np.frombuffer(b, dtype=np.uint32)
    if left.shape != right.shape:
        return 0.0
    return float(np.count_nonzero(left == right)) / len(left)
