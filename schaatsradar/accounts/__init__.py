"""Readers' accounts: passwords, session and personal tokens, what input is acceptable, and
the operations every entry point (pages, the personal API, the CLI) calls.

`passwords`, `tokens` and `validation` are pure; `operations` is the one place that turns a
request into store calls, so the web pages, the API and the CLI cannot drift apart."""
