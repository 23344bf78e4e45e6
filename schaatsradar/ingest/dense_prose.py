"""100 KB of dense race prose: short report sentences naming registry skaters, mixed with
filler, for the name finder's size bound on long input.

Why its own module: `bench/extract_bench.py` times the name finder on it (a speed target
belongs in a bench) and `tests/extract/test_names.py` checks what it finds there (behaviour
belongs in a test); both must read the same text. It names real skaters on purpose (the
finder must resolve them against the registry), so unlike `synth` it is never ingested.
"""

from __future__ import annotations

import random

__all__ = ["dense_race_prose"]

_SENTENCES = (
    "Jutta Leerdam won de 1000 meter in 1.13,02.",
    "De Nederlandse was blij met haar rit.",
    "Kok werd tweede, voor Miho Takagi.",
    "Bij de mannen won Jenning de Boo in 34,30 voor Jordan Stolz.",
    "Analist Erben Wennemars was onder de indruk.",
    "De 26-jarige schaatsster uit Friesland pakte brons.",
    "Ook Kees Verhoef reed een persoonlijk record: 1.46,80.",
    "Op de Olympische Spelen in Milaan wacht een nieuwe kans.",
)
_FILLER = ("de", "het", "een", "en", "van", "op", "in", "met", "voor", "baan", "ijs", "wind")


def dense_race_prose(size: int = 100_000, seed: int = 7) -> str:
    """`size` characters: half report sentences, half twelve filler words, the same for a
    seed."""
    rnd = random.Random(seed)
    parts: list[str] = []
    length = 0
    while length < size:
        if rnd.random() < 0.5:
            piece = rnd.choice(_SENTENCES)
        else:
            piece = " ".join(rnd.choice(_FILLER) for _ in range(12)).capitalize() + "."
        parts.append(piece)
        length += len(piece) + 1
    return " ".join(parts)[:size]
