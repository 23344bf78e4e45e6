"""The MinHash signature computed in bulk with numpy is datasketch's own, value for value:
stored signatures and band keys of older ingests stay comparable with new ones."""

from __future__ import annotations

import numpy as np
from datasketch import MinHash

from schaatsradar.ingest import dedupe

TEXTS = [
    "Mila de Wit won de 1500 meter in Heerenveen in 1.54,21, voor Sanne Post en Eva Brink.",
    "Wereldbeker",
    "een twee drie vier",
    "een twee drie vier vijf",
    "een twee drie vier vijf zes",
    " ".join(f"woord{n % 37} x{n % 5}" for n in range(400)),
]


def datasketch_signature(words: list[str]) -> bytes:
    minhash = MinHash(
        num_perm=dedupe.NUM_PERM,
        seed=dedupe._SEED,
        hashfunc=lambda value: value,
        permutations=dedupe._TEMPLATE.permutations,
        scheme="affine32",
    )
    minhash.update_batch(dedupe.shingle_hashes(words))
    return minhash.hashvalues.astype(np.uint32).tobytes()


def test_signature_equals_datasketch_minhash():
    for text in TEXTS:
        words = dedupe.normalised_words(text)
        assert dedupe.signature(words) == datasketch_signature(words), text


def test_word_hash_cache_refills_after_clearing(monkeypatch):
    monkeypatch.setattr(dedupe._word_hashes, "size", 3)
    words = dedupe.normalised_words(TEXTS[0])
    assert dedupe.signature(words) == datasketch_signature(words)
    assert dedupe.signature(words[:2]) == datasketch_signature(words[:2])
