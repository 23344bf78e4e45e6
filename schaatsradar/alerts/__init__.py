"""Alerts: domain events fanned out to followers' channels through the outbox, and the
worker that delivers them (webhook, e-mail, Web Push, open pages)."""
