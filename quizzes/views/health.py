"""The health check load balancers and `make prod` probe: is the site up, and do the stores it
needs answer (the database, and Redis when REDIS_URL is set)?"""

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe


@never_cache
@require_safe
def healthz(request):
    """200 when the database answers a real query (and Redis a real read), 503 otherwise.
    Writes nothing: no session, no database row, no cache key."""
    checks = {"database": _database_answers()}
    if settings.REDIS_URL:
        checks["cache"] = _cache_answers()
    up = all(checks.values())
    body = {"status": "ok" if up else "unavailable"}
    body.update((name, "ok" if ok else "down") for name, ok in checks.items())
    return JsonResponse(body, status=200 if up else 503)


def _database_answers() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return False
    return True


def _cache_answers() -> bool:
    from redis.exceptions import RedisError

    try:
        cache.get("healthz")
    except RedisError:
        return False
    return True
