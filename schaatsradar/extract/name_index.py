"""The registry as the skater-name finder looks names up in it: surnames by their first word,
and the surname words of registry names with their one-letter deletions, so that a misspelt
name ("Jutta Leerdma") is found with a few look-ups instead of a scan of the registry.

Why a module of its own: the indexes depend only on the registry and are built once per
registry (cached weakly), whatever article is read.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from weakref import WeakKeyDictionary

from schaatsradar.extract.registry import NameEntry, Registry


@dataclass(frozen=True)
class _RegistryIndex:
    surnames: dict[str, list[tuple[str, ...]]]  # first word -> surname keys, longest first
    # surname deletion variant -> (position of the surname word in the entry, word, entry)
    near: dict[str, list[tuple[int, str, NameEntry]]]
    # The first words of every registry name and alias: a token that is none of them starts
    # no registry name, which one set test tells.
    name_firsts: frozenset[str]


_INDEXES: WeakKeyDictionary[Registry, _RegistryIndex] = WeakKeyDictionary()


def _deletions(word: str) -> set[str]:
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}


def _index(registry: Registry) -> _RegistryIndex:
    cached = _INDEXES.get(registry)
    if cached is not None:
        return cached
    surnames: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for key in registry.all_surname_keys:
        surnames[key[0]].append(key)
    for keys in surnames.values():
        keys.sort(key=len, reverse=True)
    # Fuzzy candidates come through their surname word (where it stands in that written
    # form: last, or first for family-name-first names): equal, or for longer surnames one
    # edit away. Deletion variants find the latter with a look-up instead of a scan.
    near: dict[str, list[tuple[int, str, NameEntry]]] = defaultdict(list)
    for entry in registry.name_entries():
        if len(entry.parts) < 2:
            continue
        surname_words = {key[-1] for key in registry.surname_keys(entry.skater)}
        for pos in {0, len(entry.parts) - 1}:
            word = entry.parts[pos]
            if word not in surname_words:
                continue
            for variant in _deletions(word) if len(word) >= 5 else {word}:
                near[variant].append((pos, word, entry))
    index = _RegistryIndex(
        dict(surnames),
        dict(near),
        frozenset(entry.parts[0] for entry in registry.name_entries() if entry.parts),
    )
    _INDEXES[registry] = index
    return index


def _one_edit(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    if len(a) > len(b):
        a, b = b, a
    return any(a == b[:i] + b[i + 1 :] for i in range(len(b)))


def _letter_moved(a: str, b: str) -> bool:
    """Two letters swapped or one letter moved two places ("Wkliund" for "Wiklund"): the same
    letters, out of order within three neighbouring places, the first letter kept. The typo
    is common and one edit does not describe it."""
    if len(a) != len(b) or len(a) < 6 or a[0] != b[0] or sorted(a) != sorted(b):
        return False
    differ = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    return bool(differ) and differ[-1] - differ[0] <= 2
