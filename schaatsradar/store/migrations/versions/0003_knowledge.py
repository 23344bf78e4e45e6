"""Knowledge: skaters, rinks, competitions, races, results with their claims, and records
with their sources and history.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-21
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "skaters",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("slug", sa.String(200), nullable=False, unique=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("country", sa.String(3)),
        sa.Column("gender", sa.String(8)),
        sa.Column("born", sa.String(10)),
        sa.Column("discipline", sa.String(32)),
        sa.Column("known", sa.Boolean, nullable=False),
        sa.Column("merged_into", sa.Integer, sa.ForeignKey("skaters.id")),
        sa.Column("source", sa.Text, nullable=False),
    )
    op.create_table(
        "skater_aliases",
        sa.Column("alias_key", sa.String(200), primary_key=True),
        sa.Column("skater_id", sa.Integer, sa.ForeignKey("skaters.id"), nullable=False),
    )
    op.create_index("ix_skater_aliases_skater_id", "skater_aliases", ["skater_id"])
    op.create_table(
        "rinks",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("city", sa.String(200), nullable=False, unique=True),
        sa.Column("country", sa.String(3)),
        sa.Column("altitude_m", sa.Float),
        sa.Column("indoor", sa.Boolean),
        sa.Column("source", sa.Text, nullable=False),
    )
    op.create_table(
        "competitions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("slug", sa.String(255), nullable=False, unique=True),
        sa.Column("name", sa.String(255), nullable=False),
        sa.Column("level", sa.String(64)),
        sa.Column("city", sa.String(200)),
        sa.Column("start_date", sa.Date),
        sa.Column("end_date", sa.Date),
        sa.Column("origin", sa.String(16), nullable=False),
        sa.Column("source", sa.Text, nullable=False),
    )
    op.create_index("ix_competitions_city", "competitions", ["city"])
    op.create_index("ix_competitions_start_date", "competitions", ["start_date"])
    op.create_table(
        "races",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("competition_id", sa.Integer, sa.ForeignKey("competitions.id"), nullable=False),
        sa.Column("distance", sa.String(32), nullable=False),
        sa.Column("gender", sa.String(8), nullable=False),
        sa.Column("race_date", sa.Date),
        sa.Column("day_key", sa.String(10), nullable=False),
        sa.UniqueConstraint("competition_id", "distance", "gender", "day_key"),
    )
    op.create_index("ix_races_competition_id", "races", ["competition_id"])
    op.create_table(
        "results",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("race_id", sa.Integer, sa.ForeignKey("races.id"), nullable=False),
        sa.Column("athlete_key", sa.String(32), nullable=False),
        sa.Column("skater_id", sa.Integer, sa.ForeignKey("skaters.id")),
        sa.Column("team", sa.String(3)),
        sa.Column("seconds", sa.Float),
        sa.Column("rank", sa.Integer),
        sa.Column("disputed", sa.Boolean, nullable=False),
        sa.Column("official", sa.Boolean, nullable=False),
        sa.UniqueConstraint("race_id", "athlete_key"),
    )
    op.create_index("ix_results_race_id", "results", ["race_id"])
    op.create_index("ix_results_skater_id", "results", ["skater_id"])
    op.create_table(
        "result_claims",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("result_id", sa.Integer, sa.ForeignKey("results.id"), nullable=False),
        sa.Column("source_key", sa.String(255), nullable=False),
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id")),
        sa.Column("cluster", sa.String(64), nullable=False),
        sa.Column("official", sa.Boolean, nullable=False),
        sa.Column("seconds", sa.Float),
        sa.Column("rank", sa.Integer),
        sa.Column("evidence_start", sa.Integer),
        sa.Column("evidence_end", sa.Integer),
        sa.Column("evidence_text", sa.Text),
        sa.UniqueConstraint("result_id", "source_key"),
    )
    op.create_index("ix_result_claims_result_id", "result_claims", ["result_id"])
    op.create_index("ix_result_claims_article_id", "result_claims", ["article_id"])
    op.create_table(
        "records",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("scope", sa.String(200), nullable=False),
        sa.Column("distance", sa.String(32), nullable=False),
        sa.Column("gender", sa.String(8), nullable=False),
        sa.Column("seconds", sa.Float),
        sa.Column("skater_id", sa.Integer, sa.ForeignKey("skaters.id")),
        sa.Column("holder", sa.String(200)),
        sa.Column("holder_country", sa.String(3)),
        sa.Column("set_on", sa.Date),
        sa.Column("venue", sa.String(200)),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("superseded_by", sa.Integer, sa.ForeignKey("records.id")),
        sa.Column("disputes", sa.Integer, sa.ForeignKey("records.id")),
        sa.Column("result_id", sa.Integer, sa.ForeignKey("results.id")),
        sa.Column("origin", sa.String(16), nullable=False),
    )
    op.create_index("ix_records_kind", "records", ["kind"])
    op.create_index("ix_records_status", "records", ["status"])
    op.create_index("ix_records_skater_id", "records", ["skater_id"])
    op.create_table(
        "record_sources",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("record_id", sa.Integer, sa.ForeignKey("records.id"), nullable=False),
        sa.Column("source_key", sa.String(255), nullable=False),
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id")),
        sa.Column("url", sa.Text),
        sa.Column("evidence_text", sa.Text),
        sa.UniqueConstraint("record_id", "source_key"),
    )
    op.create_index("ix_record_sources_record_id", "record_sources", ["record_id"])
    op.create_table(
        "reconciled_articles",
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id"), primary_key=True),
        sa.Column("extractor", sa.String(64), nullable=False),
        sa.Column("reconciled_at", sa.DateTime, nullable=False),
    )


def downgrade() -> None:
    for table in (
        "reconciled_articles",
        "record_sources",
        "records",
        "result_claims",
        "results",
        "races",
        "competitions",
        "rinks",
        "skater_aliases",
        "skaters",
    ):
        op.drop_table(table)
