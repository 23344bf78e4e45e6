"""One writer of the knowledge base at a time, on PostgreSQL as on SQLite (issue 14).

Why a lock, and not get-or-create per row: reconciling decides across facts from what it reads
in its own transaction — whether a skater or a meet is new, which race an undated result is
in, how a result settles over all its claims, who won, which record stands. Two reconciles
interleaved on PostgreSQL (READ COMMITTED) each decide without seeing the other's uncommitted
rows. Where a unique key guards the row (a skater's slug, a meet's slug, a race's result of a
skater) one of them dies on it; `INSERT … ON CONFLICT DO NOTHING` would only quiet that, and
leave the decisions no key guards wrong: a result settled on half its claims, two records made
current over the same mark, a meet filed by one writer that the other's rule would have
joined. Run one after the other, as SQLite runs them (BEGIN IMMEDIATE: one writer), each
decision sees the last one's rows, and the knowledge base is what a sequential run makes.

So every transaction that writes the knowledge base (`knowledge.book`'s operations, the
calendar import) takes one PostgreSQL transaction-level advisory lock before it reads
anything. Ingest, reads, accounts and alert delivery never take it and go on beside it. It
ends with the transaction (commit, rollback, or a killed process's dropped connection), so no
crash leaves it held. Taken first, before the transaction holds any row lock, it can make no
deadlock with the writers it waits for; and every statement after it sees what they
committed (READ COMMITTED reads a new snapshot per statement).
"""

from __future__ import annotations

from sqlalchemy import Connection

from schaatsradar.store import locks


def hold(conn: Connection) -> None:
    """Wait until no other transaction writes the knowledge base, then hold that until this
    transaction ends (`locks.hold` with the knowledge key)."""
    locks.hold(conn, locks.KNOWLEDGE)
