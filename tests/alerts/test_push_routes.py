"""What a browser fetches to subscribe: the service worker at the site root, allowed to control
the whole site, and the site's application server key (the one push messages are signed with)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from schaatsradar.alerts import vapid
from schaatsradar.web.app import create_app


@pytest.fixture
def client(store, settings):
    """The site as `create_app` builds it, push routes included."""
    app = create_app(settings)
    with TestClient(app) as client:
        yield client


def test_the_service_worker_is_served_at_the_root_for_the_whole_site(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/javascript")
    assert response.headers["service-worker-allowed"] == "/"
    assert "showNotification" in response.text and "notificationclick" in response.text


def test_the_push_key_is_the_key_alerts_are_signed_with(client, store):
    first = client.get("/api/v1/push/key")
    second = client.get("/api/v1/push/key")
    assert first.status_code == 200
    with store.write(changes_content=False) as conn:
        _private, key = vapid.keys(conn)
    assert first.json() == second.json() == {"key": key}


def test_the_subscribe_script_is_served_with_the_site_scripts(client):
    script = client.get("/static/push.js")
    assert script.status_code == 200
    assert "data-push-subscribe" in script.text and "X-CSRF-Token" in script.text
