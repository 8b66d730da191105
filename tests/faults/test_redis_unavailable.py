"""With REDIS_URL set, sessions are read through Redis: when it does not answer, pages that read
a session answer the same clean 503 as a database outage (French page, Retry-After), never a
500. Redis here is a closed port, so nothing listens."""

from tests.conftest import make_student
from tests.faults.test_database_unavailable import closed_port


def break_redis(settings) -> None:
    """Sessions read through a Redis that does not answer (a closed port)."""
    settings.REDIS_URL = f"redis://127.0.0.1:{closed_port()}/0"
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": settings.REDIS_URL,
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
    }
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"


def assert_clean_503(response):
    assert response.status_code == 503
    assert "Service momentanément indisponible" in response.content.decode()
    assert response["Retry-After"]
    assert b"Traceback" not in response.content


def test_a_signed_in_student_gets_a_clean_503_while_redis_is_down(db, client, settings):
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.db"
    client.force_login(make_student("camille"))  # a session in the database, made before
    break_redis(settings)
    assert_clean_503(client.get("/mes-resultats/"))


def test_a_login_gets_a_clean_503_while_redis_is_down(db, client, settings):
    make_student("camille", password="mot-de-passe-solide-42")
    break_redis(settings)
    response = client.post(
        "/compte/connexion/", {"username": "camille", "password": "mot-de-passe-solide-42"}
    )
    assert_clean_503(response)
