"""Throttling: what django-axes records as the username of a login attempt, and the limit on
wrong class codes (counted in the database, so shared by every worker and server)."""

from datetime import timedelta

from django.conf import settings

from quizzes.models import FailureCount

# Django's usernames are at most 150 characters; axes stores at most 255.
MAX_USERNAME = 150


def attempted_username(request, credentials=None) -> str:
    """The username as typed, cut to what a username can be and without NUL bytes, so that
    a hostile login post is counted like any failure instead of breaking the database write
    (PostgreSQL refuses NUL bytes and over-long values)."""
    if credentials and credentials.get("username") is not None:
        value = credentials["username"]
    else:
        value = getattr(request, "POST", {}).get("username", "")
    return str(value or "").replace("\x00", "")[:MAX_USERNAME]


JOIN_CODE = "join-code"


def client_address(request) -> str:
    """The client's address: REMOTE_ADDR, or behind a reverse proxy (BEHIND_PROXY) the last
    address of X-Forwarded-For, the one the proxy itself added (the ones before it are the
    client's own claims)."""
    if settings.BEHIND_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")[-1].strip()
        if forwarded:
            return forwarded[:200]
    return request.META.get("REMOTE_ADDR", "")[:200]


def _join_code_keys(request) -> list[tuple[str, int]]:
    """Who is counted for a wrong class code, and their limit: the account and the address."""
    return [
        (f"user:{request.user.pk}", settings.JOIN_CODE_FAILURES_PER_ACCOUNT),
        (f"ip:{client_address(request)}", settings.JOIN_CODE_FAILURES_PER_ADDRESS),
    ]


def join_code_wait_seconds(request) -> int:
    """0 when this account and this address may try a class code now, else the seconds before
    they may (the end of the window in which either reached its limit of wrong codes)."""
    length = timedelta(minutes=settings.JOIN_CODE_WINDOW_MINUTES)
    return max(
        FailureCount.seconds_blocked(scope=JOIN_CODE, key=key, limit=limit, length=length)
        for key, limit in _join_code_keys(request)
    )


def count_wrong_join_code(request) -> None:
    length = timedelta(minutes=settings.JOIN_CODE_WINDOW_MINUTES)
    for key, _limit in _join_code_keys(request):
        FailureCount.count_one(scope=JOIN_CODE, key=key, length=length)
