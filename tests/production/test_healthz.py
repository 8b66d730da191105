"""/healthz answers 200 when the database (and Redis, when configured) does, 503 when it does
not, and writes nothing."""

import json

import pytest
from django.conf import settings as django_settings
from django.contrib.sessions.models import Session

from tests.production.conftest import free_port, production_env, run_python


def test_healthz_is_ok_when_the_database_answers(db, client, django_assert_num_queries):
    with django_assert_num_queries(1):  # the real SELECT 1
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"} | (
        {"cache": "ok"} if django_settings.REDIS_URL else {}
    )
    assert "no-cache" in response["Cache-Control"]


def test_healthz_is_503_when_redis_does_not_answer(db, client, settings):
    """With REDIS_URL, sessions are read through Redis: a server that cannot reach it cannot
    serve a signed-in pupil, and says so to the load balancer."""
    settings.REDIS_URL = f"redis://127.0.0.1:{free_port()}/0"
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": settings.REDIS_URL,
        }
    }
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "ok", "cache": "down"}


def test_healthz_sets_no_cookie_and_stores_no_session(db, client):
    response = client.get("/healthz")
    assert response.cookies == {}
    assert not Session.objects.exists()


def test_healthz_refuses_writes(client):
    assert client.post("/healthz").status_code == 405


HEALTH_IN_A_FRESH_PROCESS = """
import django
django.setup()
from django.test import Client
response = Client().get("/healthz")
print(response.status_code, response.content.decode())
"""


@pytest.mark.parametrize(
    "database_url",
    [
        "sqlite:////nonexistent-directory/quizsite/db.sqlite3",
        f"postgres://postgres@127.0.0.1:{free_port()}/quizsite",
    ],
    ids=["sqlite-file-missing", "postgresql-server-down"],
)
def test_healthz_is_503_when_the_database_is_unreachable(database_url):
    env = production_env(DATABASE_URL=database_url, CONN_MAX_AGE="0", REDIS_URL="")
    result = run_python(["-c", HEALTH_IN_A_FRESH_PROCESS], env)
    assert result.returncode == 0, result.stderr
    status, body = result.stdout.strip().split(" ", 1)
    assert status == "503"
    assert json.loads(body) == {"status": "unavailable", "database": "down"}


def test_healthz_is_exempt_from_the_https_redirect_that_pages_get(db, client, settings):
    """Load balancers probe over plain HTTP; every other page moves to HTTPS."""
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/healthz").status_code == 200
    page = client.get("/")
    assert page.status_code == 301
    assert page["Location"] == "https://testserver/"
