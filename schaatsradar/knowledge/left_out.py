"""Why facts are left out of the knowledge base: every stored article's facts judged again,
in a transaction that is rolled back, so the reasons can be read at any time after an ingest
(`schaatsradar reconcile --why`) without storing them or changing anything.

Why judged again rather than kept: a reason is only worth reading while it still holds. A
fact left out as "a meet not known" may be taken in once the calendar or an official list
knows that meet; judging now says what holds now."""

from __future__ import annotations

from dataclasses import dataclass

from schaatsradar.knowledge.book import Outcome, reconcile_article
from schaatsradar.store import Store, article_refs, dialect, knowledge_lock
from schaatsradar.store import knowledge as kb


@dataclass(frozen=True)
class LeftOut:
    """One fact left out: what it is ("article:3 Jutta Leerdam 1000m") and why."""

    fact: str
    reason: str

    @classmethod
    def parse(cls, line: str) -> LeftOut:
        """From a reconciliation's `refused` line, "<what>: <why>"."""
        fact, _, reason = line.partition(": ")
        return cls(fact, reason) if reason else cls(line, "")


def left_out(store: Store, batch: int = 200) -> list[LeftOut]:
    """Every fact of the reconciled articles that the knowledge base leaves out, and why,
    oldest article first. Nothing is written: the whole pass is rolled back."""
    found: list[LeftOut] = []
    after = 0
    with store.trial() as conn, kb.memoized(conn):
        # Judged as a reconcile would judge them now: after the one running, not beside it.
        knowledge_lock.hold(conn)
        dialect.plan_for_growing_tables(conn)  # planned as a reconcile's reads are
        while batch_rows := article_refs.reconciled_facts(conn, batch, after):
            for article, _extractor, facts in batch_rows:
                outcome: Outcome = reconcile_article(conn, article, facts)
                found.extend(LeftOut.parse(line) for line in outcome.refused)
            after = batch_rows[-1][0].id
    return found
