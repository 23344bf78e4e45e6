"""Extraction: article text and date in, `Facts` out. Pure functions: no I/O, no database,
no clock. The registry of known skaters and rinks is passed in."""
