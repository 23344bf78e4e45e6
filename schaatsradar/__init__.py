"""Schaatsradar: speed-skating news turned into results, records and alerts."""

__version__ = "0.1.0"
