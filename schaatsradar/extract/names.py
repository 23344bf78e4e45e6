"""Finding the skaters an article refers to, with exact character spans.

A pure function of (text, registry). The text is cut into word tokens once; registry names are
then found through a token index (first word -> names), never with a regex per skater, so a
long article costs a few dictionary look-ups per word. On top of that, in this order:

1. full names and aliases of registry skaters (accent/case/hyphen-insensitive; the possessive
   "Leerdams", "Eitrem's" included);
2. runs of capitalised words that are not registry names: a close misspelling of a registry
   name ("fuzzy"), else a candidate person, who counts as an (unknown) skater only when a
   sentence about them has skater context (a race time, a rank, "schaatster", ...);
3. surnames on their own, resolved to a person the article names in full, else to the only
   registry skater with that surname;
4. people named only as coach, analyst, partner, ... are dropped, with their surnames;
5. references ("de Nederlandse", "the 21-year-old", a clause-initial "zij"/"hij"), resolved to
   the most recent compatible skater in the same or the previous two sentences.

Every rule is a general rule of Dutch or English sports writing; none is tuned to one article.

The word lists live in `name_words`, the analysis of the text in `name_text`, the registry
look-ups in `name_index`, the written form of unknown names in `name_forms`, the per-article
person records in `name_persons`, the role and nationality words around a name in `name_roles`
and step 5 in `name_references`; this module runs the steps.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterator

from rapidfuzz import fuzz

from schaatsradar.extract.name_forms import (
    _family_first,
    _joined_chinese_given,
    _unknown_surname_keys,
)
from schaatsradar.extract.name_index import _deletions, _index, _letter_moved, _one_edit
from schaatsradar.extract.name_persons import (
    _BY_SPAN,
    How,
    NameMention,
    _Mention,
    _name_mention,
    _Person,
    _without_overlaps,
)
from schaatsradar.extract.name_places import place_cut
from schaatsradar.extract.name_references import _References
from schaatsradar.extract.name_roles import _Roles
from schaatsradar.extract.name_text import _WEAK_PARTICLES, _analyse, _match_parts, _Token
from schaatsradar.extract.name_words import (
    _EVENTS_ORGS,
    _SENTENCE_INITIAL_AMBIGUOUS,
)
from schaatsradar.extract.registry import EAST_ASIAN_COUNTRIES, Registry, norm_parts
from schaatsradar.extract.types import Skater

__all__ = ["How", "NameMention", "find_skaters"]


def _typo_of(mine: str, theirs: str) -> bool:
    """Whether a word is the registry's word with a typo: one edit, letters moved, or (in a
    long word) two letters mistyped in place ("Britanny" for "Brittany") or a few more."""
    if mine == theirs or _one_edit(mine, theirs) or _letter_moved(mine, theirs):
        return True
    if len(mine) == len(theirs) >= 7:
        return sum(a != b for a, b in zip(mine, theirs, strict=True)) <= 2
    # A long word mistyped more ("Anotionette"); short given names stay exact ("Jae-won").
    return min(len(mine), len(theirs)) >= 8 and fuzz.ratio(mine, theirs) >= 85


class _Finder(_References, _Roles):
    """The state of one `find_skaters` call."""

    def __init__(self, text: str, registry: Registry) -> None:
        self.text = text
        self.registry = registry
        self.index = _index(registry)
        self.doc = _analyse(text)
        self.tokens = self.doc.tokens
        self.taken = [False] * len(self.tokens)  # token is part of a name or a non-name run
        self.persons: dict[Skater, _Person] = {}
        self.unknown_by_key: dict[str, Skater] = {}

    def run(self) -> list[NameMention]:
        self.full_names()
        self.capitalised_runs()
        self.surnames()
        self.decide()
        out = [
            _name_mention(m.start, m.end, p.skater, m.how)
            for p in self.persons.values()
            if p.included
            for m in p.mentions
        ]
        out.extend(_name_mention(s, e, sk, "reference") for s, e, sk in self.references())
        out.sort(key=_BY_SPAN)
        return out

    def person(self, skater: Skater, keys: tuple[tuple[str, ...], ...] | None = None) -> _Person:
        p = self.persons.get(skater)
        if p is None:
            p = _Person(skater, self.registry.surname_keys(skater) if keys is None else keys)
            self.persons[skater] = p
        return p

    def add(self, skater: Skater, i: int, j: int, end: int, how: How, full: bool) -> None:
        self.add_to(self.person(skater), i, j, end, how, full)

    def add_to(self, person: _Person, i: int, j: int, end: int, how: How, full: bool) -> None:
        person.mentions.append(_Mention(self.tokens[i].start, end, i, j, how, full))
        if full:
            bisect.insort(person.full_positions, self.tokens[i].start)
        self.taken[i : j + 1] = [True] * (j + 1 - i)

    # -- 1. registry names -----------------------------------------------------------------

    def full_names(self) -> None:
        """Longest registry name or alias starting at each token. All-lower-case text
        ("mei han") is ordinary words, not a name."""
        tokens = self.tokens
        firsts = self.index.name_firsts
        # Only the few tokens a registry name can start with are tried (one set test per
        # token in a comprehension, instead of a registry look-up per token).
        starts = [
            i for i, tok in enumerate(tokens) if (parts := tok.info.parts) and parts[0] in firsts
        ]
        after = 0  # tokens before this are inside a name already found
        # The person of each registry entry met, by the entry's identity: a long list of names
        # looks its people up by a dictionary of ints, not by hashing a skater per mention.
        people: dict[int, _Person] = {}
        for i in starts:
            if i < after:
                continue
            tok = tokens[i]
            found = None
            for entry in self.registry.names_starting_with(tok.info.parts[0]):
                hit = _match_parts(tokens, i, entry.parts)
                if hit:
                    written = self.text[tok.start : hit[1]]
                    if written.lower() != written:
                        found = (entry, hit)
                        break
            if found is None:
                continue
            entry, (j, end) = found
            person = people.get(id(entry))
            if person is None:
                person = people[id(entry)] = self.person(entry.skater)
            self.add_to(person, i, j, end, "alias" if entry.is_alias else "full", True)
            after = j + 1

    # -- 2. runs of capitalised words ------------------------------------------------------

    def runs(self) -> Iterator[list[int]]:
        """Maximal runs of capitalised words on one line outside registry names, with name
        particles between them: given name, particles, surname ("Jens van 't Wout"). A
        particle after two name words starts something else ("Jan Bos van Jumbo"); a
        possessive ends the run. Title-case headings have no runs: every word is a capital."""
        tokens = self.tokens
        n = len(tokens)
        title_case = self.doc.title_case
        resume = 0  # tokens before this are in the run last given
        # A run starts on a possible name word: the others are passed over in one go.
        for i in [k for k, tok in enumerate(tokens) if tok.core and not title_case[tok.sent]]:
            if i < resume or self.taken[i]:
                continue
            tok = tokens[i]
            nxt = tokens[i + 1] if i + 1 < n else None
            if (
                i > 0
                and tokens[i - 1].lower == "de"
                and tok.lower.endswith(("se", "sche"))
                and nxt is not None
                and nxt.joined
                and nxt.core
            ):
                continue  # "de Schotse Sandra Smith": a nationality adjective
            if (
                i > 0
                and tok.lower == "noor"
                and tokens[i - 1].lower == "de"
                and nxt is not None
                and nxt.joined
                and nxt.core
            ):
                continue  # "de Noor Simen Spieler Nilsen": the nationality, not the given name Noor
            run = [i]
            cores = 1
            pending: list[int] = []
            j = i + 1
            while j < n and tokens[j].joined and not self.taken[j]:
                t = tokens[j]
                if tokens[run[-1]].text.endswith(("'s", "’s")):
                    break
                if t.info.particle:
                    if cores >= 2:
                        break
                    if t.lower in _WEAK_PARTICLES and not (
                        j + 1 < n and tokens[j + 1].info.particle and tokens[j + 1].joined
                    ):
                        break
                    pending.append(j)
                elif t.core:
                    run.extend(pending)
                    pending = []
                    run.append(j)
                    cores += 1
                else:
                    break
                j += 1
            yield run
            resume = run[-1] + 1

    def capitalised_runs(self) -> None:
        """Runs of two or more name words: a misspelt registry name, or a candidate person.
        Runs that name a venue or lean on an organisation word are things, not people."""
        for run in (place_cut(self.tokens, r, self.registry) for r in self.runs()):
            toks = [self.tokens[k] for k in run]
            n_cores = sum(1 for t in toks if not t.info.particle)
            if n_cores < 2:
                continue
            for k in run:
                self.taken[k] = True
            if n_cores > 4 or self.next_to_organisation(run):
                continue
            last = toks[-1]
            parts = [p for t in toks[:-1] for p in t.parts]
            end = last.end
            if last.text.endswith(("'s", "’s")) and last.info.poss_parts is not None:
                parts.extend(last.info.poss_parts)
                end -= last.info.poss_cut
            else:
                parts.extend(last.parts)
            if self.registry.contains_venue(parts):
                continue
            if self.registry.by_surname(tuple(parts)):
                for k in run:
                    self.taken[k] = False  # "Rijpma-de Jong", "Lunde Pedersen": a surname
                continue
            skater = self.fuzzy(tuple(parts)) if n_cores <= 3 else None
            if skater is not None:
                self.add(skater, run[0], run[-1], end, "fuzzy", True)
                continue
            key = " ".join(parts)
            skater = self.unknown_by_key.get(key)
            if skater is None:
                name = _family_first(self.text[toks[0].start : end])
                skater = Skater(name, None, None, known=False)
                self.unknown_by_key[key] = skater
                keys = _unknown_surname_keys(name, norm_parts(name))
                if _joined_chinese_given(self.text[toks[0].start : end]) is not None:
                    keys = (norm_parts(name)[:1],)  # the family name comes first
                self.person(skater, keys)
            self.add(skater, run[0], run[-1], end, "unknown", True)

    def next_to_organisation(self, run: list[int]) -> bool:
        """Capitalised words that lean on "Arena", "Team", "Cup", ... name a thing
        ("Max Aicher Arena", "Team Jumbo Visma"), not a person."""
        tokens = self.tokens
        a, b = run[0], run[-1]
        around = []
        if a > 0 and tokens[a].joined:
            around.append(tokens[a - 1])
        if b + 1 < len(tokens) and tokens[b + 1].joined:
            around.append(tokens[b + 1])
        return any(t.info.caps and t.lower in _EVENTS_ORGS for t in around)

    def fuzzy(self, parts: tuple[str, ...]) -> Skater | None:
        """The registry skater this run misspells: same number of words, surname equal or
        (for longer surnames) one edit away, whole name scoring at least 88."""
        candidate = " ".join(parts)
        best: tuple[float, Skater] | None = None
        seen: set[int] = set()
        for surname in {parts[-1], parts[0]}:
            queries = _deletions(surname) if len(surname) >= 5 else {surname}
            for q in queries:
                for pos, word, entry in self.index.near.get(q, ()):
                    if id(entry) in seen or len(entry.parts) != len(parts):
                        continue
                    if parts[pos] != surname:
                        continue  # the near word is not in the surname's place
                    if word != surname and not (
                        (len(surname) >= 5 and _one_edit(word, surname))
                        or _letter_moved(word, surname)
                    ):
                        continue
                    seen.add(id(entry))
                    # Each other word a typo away ("Britanny"), no more: "Chung Jae-won" is
                    # not "Chung Jae-woong", however alike the whole strings look.
                    if not all(
                        _typo_of(mine, theirs)
                        for i, (mine, theirs) in enumerate(zip(parts, entry.parts, strict=True))
                        if i != pos
                    ):
                        continue
                    score = fuzz.ratio(candidate, " ".join(entry.parts))
                    if score >= 88 and (best is None or score > best[0]):
                        best = (score, entry.skater)
        return best[1] if best else None

    # -- 3. surnames on their own ----------------------------------------------------------

    def surnames(self) -> None:
        """Capitalised words that spell a surname of a person in the article or of the
        registry. A surname directly followed by another name word is a title or a given
        name ("Prins Bernhard"), not a mention."""
        tokens = self.tokens
        in_article: dict[str, list[tuple[str, ...]]] = defaultdict(list)

        def learn(person: _Person) -> None:
            for key in person.surname_keys:
                if key and key not in in_article[key[0]]:
                    in_article[key[0]].append(key)
                    in_article[key[0]].sort(key=len, reverse=True)

        for p in list(self.persons.values()):
            learn(p)
        registry_keys = self.index.surnames
        # Only capitalised words can be surnames: the others are passed over in one
        # comprehension, not one loop turn each.
        capitalised = [i for i, tok in enumerate(tokens) if tok.info.caps and tok.info.parts]
        resume = 0  # tokens before this belong to a surname already read
        for i in capitalised:
            if i < resume or self.taken[i]:
                continue
            tok = tokens[i]
            firsts = [tok.info.parts[0]]
            if tok.info.poss_parts and tok.info.poss_parts[0] != firsts[0]:
                firsts.append(tok.info.poss_parts[0])  # "Leerdams", "Eitrem's"
            keys = [k for f in firsts for k in (*in_article.get(f, ()), *registry_keys.get(f, ()))]
            hit = None
            for key in keys:
                m = _match_parts(tokens, i, key)
                if m:
                    hit = (key, m)
                    break
            if hit is None:
                continue
            key, (j, end) = hit
            resume = j + 1
            after = tokens[j + 1] if j + 1 < len(tokens) else None
            if (
                after is not None
                and after.joined
                and after.core
                and not self.doc.title_case[tok.sent]
            ):
                continue
            owner = self.resolve_surname(key, tok)
            if owner is not None:
                self.add(owner, i, j, end, "surname", False)
                learn(self.persons[owner])

    def resolve_surname(self, key: tuple[str, ...], tok: _Token) -> Skater | None:
        """The person a bare surname stands for: the person with that surname named in full
        most recently before it (or, in a heading above the text, first after it); unclear
        when two of them were last named in the same sentence. Otherwise the only registry
        skater with that surname, unless the word may be an ordinary word opening a sentence
        or the surname is a short East Asian family name shared by millions."""
        holders = [p for p in self.persons.values() if key in p.surname_keys and p.full_starts()]
        if holders:
            before = sorted(
                ((last, p) for p in holders if (last := p.last_full_before(tok.start)) is not None),
                key=lambda x: x[0],
            )
            if len(before) >= 2 and self.doc.sentence_of(before[-1][0]) == self.doc.sentence_of(
                before[-2][0]
            ):
                return None  # "Letitia de Jong en Michelle de Jong ... De Jong": unclear
            if before:
                return before[-1][1].skater
            return min(holders, key=lambda p: min(p.full_starts())).skater
        for p in self.persons.values():
            if key in p.surname_keys:
                return p.skater  # already resolved by surname alone before
        candidates = self.registry.by_surname(key)
        if len(candidates) != 1:
            return None
        skater = candidates[0]
        if tok.initial and tok.lower in _SENTENCE_INITIAL_AMBIGUOUS:
            return None
        if skater.country in EAST_ASIAN_COUNTRIES or len("".join(key)) < 3:
            return None
        return skater

    # -- 4. who is a skater here -----------------------------------------------------------

    def decide(self) -> None:
        """A registry skater counts unless only ever named with a role and never in strong
        skater context; an unknown name counts only when named in full outside promotion and
        in skater context (strong context, if also named with a role)."""
        doc = self.doc
        for p in self.persons.values():
            context = strong = False
            for m in p.mentions:
                if strong and p.skater.known:
                    # Settled: a registry skater in strong context counts, role or not (and
                    # then `role` is read nowhere: `references` asks `included or role`).
                    break
                role = self.role_marked(m)
                p.role |= role
                sent = self.tokens[m.first_tok].sent
                if role or doc.boilerplate[sent] or doc.title_case[sent] or doc.in_quote(m.start):
                    continue
                context |= doc.context[sent] or self.nationality_next_to(m)
                strong |= doc.strong[sent]
            if p.skater.known:
                p.included = not p.role or strong
            else:
                p.included = (strong if p.role else context) and any(
                    m.full and not doc.boilerplate[self.tokens[m.first_tok].sent]
                    for m in p.mentions
                )


def find_skaters(text: str, registry: Registry) -> list[NameMention]:
    """Every mention of a skater in `text`, sorted by start (see the module docstring)."""
    if not text:
        return []
    return _without_overlaps(_Finder(text, registry).run())
