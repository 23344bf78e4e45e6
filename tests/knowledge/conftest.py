"""The knowledge tests check what is made of the facts extraction states: every fact it finds is
stated here (see tests/every_fact.py)."""

from tests.every_fact import every_fact_confident

__all__ = ["every_fact_confident"]
