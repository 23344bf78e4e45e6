"""Accounts a reader can trust (issue 14): confirmed e-mail addresses (accounts and e-mail
channels), read-only feed tokens apart from API tokens, and failed sign-ins and account mail
counted in the database so every process of the site sees the same limits.

- `users.confirmed_at`: an account made on the site is usable once its owner followed the
  link mailed to the address; accounts that exist already are taken as confirmed (their owners
  have been signing in with them).
- `channels.confirmed_at`: alerts go only to confirmed channels. Webhooks, push and stream
  channels are confirmed by being made (their owner controls them); e-mail channels that
  exist already are NOT confirmed (nobody ever proved the address was theirs), and alerts
  still pending for them are dropped: the reader confirms the address from the settings page.
- `personal_tokens.scope`: "api" (the reader's API) or "feed" (reads /mijn/atom only). Every
  existing token becomes a feed token: each was shown as a feed URL, which ends up in feed
  readers, proxies and logs, so the least power is the safe one; no row is removed, every
  private feed keeps working, and API scripts are told to make an API token.
- `account_attempts`: one row per failed sign-in (key "account:<address>" or "client:<ip>")
  and per account mail sent ("mail:<address>"), kept for the limits' window.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("confirmed_at", sa.DateTime))
    with op.batch_alter_table("channels") as batch:
        batch.add_column(sa.Column("confirmed_at", sa.DateTime))
    with op.batch_alter_table("personal_tokens") as batch:
        batch.add_column(sa.Column("scope", sa.String(8), nullable=False, server_default="feed"))
    op.execute("UPDATE users SET confirmed_at = created_at")
    op.execute("UPDATE channels SET confirmed_at = created_at WHERE kind <> 'email'")
    op.execute(
        "UPDATE deliveries SET status = 'dropped', lease_until = NULL, "
        "last_error = 'the e-mail address is not confirmed' "
        "WHERE channel_kind = 'email' AND status IN ('pending', 'sending')"
    )
    op.create_table(
        "account_attempts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("key", sa.String(400), nullable=False),
        sa.Column("at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_account_attempts_key_at", "account_attempts", ["key", "at"])


def downgrade() -> None:
    op.drop_index("ix_account_attempts_key_at", "account_attempts")
    op.drop_table("account_attempts")
    with op.batch_alter_table("personal_tokens") as batch:
        batch.drop_column("scope")
    with op.batch_alter_table("channels") as batch:
        batch.drop_column("confirmed_at")
    with op.batch_alter_table("users") as batch:
        batch.drop_column("confirmed_at")
