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
import struct
import zlib

import numpy as np
from datasketch import MinHash

from schaatsradar.word_cache import WordCache

WORD = re.compile(r"\w+")
SHINGLE_WORDS = 5
NUM_PERM = 64
BANDS = 16
ROWS = NUM_PERM // BANDS
_SEED = 1
_MIX = np.array([0x9E3779B1, 0x85EBCA77, 0xC2B2AE3D, 0x27D4EB2F, 0x165667B1], dtype=np.uint64)
_TEMPLATE = MinHash(num_perm=NUM_PERM, seed=_SEED)
# datasketch's "affine32" scheme, applied here to a whole article at once: each shingle hash h
# is mixed by the MurmurHash3 finalizer, then permuted as a*h + b (mod 2^32), and the signature
# is the per-permutation minimum. Building a MinHash object per article and its per-value
# hashfunc call cost a third of preparing an article; the values are the same (a test
# compares them with datasketch's own MinHash).
_A, _B = (np.asarray(row, dtype=np.uint32) for row in _TEMPLATE.permutations)
_EMPTY = np.full(NUM_PERM, 0xFFFFFFFF, dtype=np.uint32)


def normalised_words(text: str) -> list[str]:
    return WORD.findall(text.casefold())


def text_hash(words: list[str]) -> str:
    return hashlib.blake2b(" ".join(words).encode(), digest_size=16).hexdigest()


# crc32 of each word, through a `WordCache`: one lookup of all of an article's words is several
# times cheaper than encode + crc32, or a Python call, per word.
WORD_HASH_CACHE_SIZE = 500_000
_word_hashes: WordCache[int] = WordCache(
    lambda words: [zlib.crc32(word.encode()) for word in words], WORD_HASH_CACHE_SIZE
)


def _shingle_sums(words: list[str]) -> np.ndarray:
    """Each run of SHINGLE_WORDS words as a 64-bit sum of its word hashes; its low 32 bits
    are the shingle's hash. In-place arithmetic: no new array per step."""
    word_hashes = np.array(_word_hashes(words), dtype=np.uint64)
    width = min(SHINGLE_WORDS, len(words))
    count = len(words) - width + 1
    combined = word_hashes[:count] * _MIX[0]
    for offset in range(1, width):
        combined *= np.uint64(31)
        combined += word_hashes[offset : offset + count] * _MIX[offset]
    return combined


def _shingle_array(words: list[str]) -> np.ndarray:
    """32-bit hashes (as uint64) of each run of SHINGLE_WORDS words, computed in bulk."""
    return _shingle_sums(words) & np.uint64(0xFFFFFFFF)


def shingle_hashes(words: list[str]) -> list[int]:
    """32-bit hashes of each run of SHINGLE_WORDS words."""
    if not words:
        return []
    return _shingle_array(words).tolist()  # type: ignore[no-any-return]


def _fmix32(values: np.ndarray) -> np.ndarray:
    """The MurmurHash3 32-bit finalizer (uint32 arithmetic wraps, as intended), in place."""
    values ^= values >> np.uint32(16)
    values *= np.uint32(0x85EBCA6B)
    values ^= values >> np.uint32(13)
    values *= np.uint32(0xC2B2AE35)
    values ^= values >> np.uint32(16)
    return values


def signature(words: list[str]) -> bytes:
    """The MinHash of the article's shingles: NUM_PERM uint32 values. (Casting to uint32
    keeps the low 32 bits: the shingle hashes.)"""
    if not words:
        return _EMPTY.tobytes()
    mixed = _fmix32(_shingle_sums(words).astype(np.uint32)).reshape(-1, 1)
    permuted = mixed * _A
    permuted += _B
    return permuted.min(axis=0).tobytes()  # type: ignore[no-any-return]


_BAND_PREFIXES = [bytes([band]) for band in range(BANDS)]
_BAND_KEYS = struct.Struct(f">{BANDS}q")
_BAND_BYTES = ROWS * 4


def band_keys(signature_bytes: bytes) -> tuple[int, ...]:
    """One signed 64-bit key per band, including the band number so bands never collide."""
    blake2b, size = hashlib.blake2b, _BAND_BYTES
    digests = b"".join(
        [
            blake2b(
                prefix + signature_bytes[band * size : (band + 1) * size], digest_size=8
            ).digest()
            for band, prefix in enumerate(_BAND_PREFIXES)
        ]
    )
    return _BAND_KEYS.unpack(digests)  # type: ignore[no-any-return]


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of the two articles' shingle sets."""
    left = np.frombuffer(a, dtype=np.uint32)
    right = np.frombuffer(b, dtype=np.uint32)
    if left.shape != right.shape:
        return 0.0
    return float(np.count_nonzero(left == right)) / len(left)
