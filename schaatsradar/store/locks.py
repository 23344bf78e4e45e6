"""PostgreSQL advisory locks for work two processes may start at the same moment (issue 14).

Two commands opening a new database at once (`schaatsradar ingest` twice, a deploy's
`db upgrade` beside a running `poll`) would otherwise both create the schema, and both load
the bundled reference rows: the second dies on a unique key (`pg_type_typname_nsp_index`,
`skaters_slug_key`) and stops. Each of these steps takes a transaction-level advisory lock
first, so the second waits for the first to commit and then finds the work done. The lock
ends with the transaction (commit, rollback, or a killed process's dropped connection), so no
crash leaves it held. SQLite needs none: its writers already run one at a time.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

# Fixed 64-bit keys no other advisory lock of this database uses: "SRop" and a number.
MIGRATIONS = 0x53_52_6F_70_0000_0001
KNOWLEDGE = 0x53_52_6B_62_0000_0001  # "SRkb": every knowledge-base write (`knowledge_lock`)
_TAKE = text("SELECT pg_advisory_xact_lock(:key)")
_HELD = "schaatsradar.locks"


def hold(conn: Connection, key: int) -> None:
    """Wait until no other transaction holds `key`, then hold it until this one ends. A no-op
    on SQLite, and when this transaction holds `key` already (nested operations each take the
    lock they need without a second round trip)."""
    if conn.dialect.name == "sqlite":
        return
    transaction = conn.get_transaction()
    held = conn.info.setdefault(_HELD, {})
    if transaction is not None and held.get(key) is transaction:
        return
    conn.execute(_TAKE, {"key": key})
    held[key] = transaction
