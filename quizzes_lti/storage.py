"""pylti1p3's launch state kept in the database, and a launch whose nonce works once.

pylti1p3 keeps the OIDC nonce and the validated launch in a cache. quizsite's cache is per
process unless Redis is configured, and the OIDC login and the launch may reach two different
app servers: the state goes to a table (LaunchData) instead. pylti1p3 also only checks that a
nonce exists, so the same signed id_token could be posted again for a day; here the nonce is
taken (deleted) once the token's signature is verified, and a replay is refused.
"""

from __future__ import annotations

import json
from datetime import timedelta

import requests
from django.utils import timezone
from pylti1p3.contrib.django import DjangoMessageLaunch, DjangoOIDCLogin
from pylti1p3.contrib.django.session import DjangoSessionService
from pylti1p3.exception import LtiException
from pylti1p3.launch_data_storage.cache import CacheDataStorage

from quizzes_lti.models import LaunchData

# How long a login may wait for its launch, and a launch's data is kept.
LAUNCH_STATE_SECONDS = 3600
# A platform that does not answer (its keys, its token or score endpoints) is given up on after
# this long, so that a launch page or a worker is never held longer.
PLATFORM_TIMEOUT_SECONDS = 10


class _DatabaseCache:
    """The little of Django's cache API that pylti1p3's CacheDataStorage calls."""

    def get(self, key: str):
        return (
            LaunchData.objects.filter(key=key, expires_at__gt=timezone.now())
            .values_list("value", flat=True)
            .first()
        )

    def set(self, key: str, value, exp: int | None) -> None:
        now = timezone.now()
        LaunchData.objects.filter(expires_at__lte=now).delete()
        LaunchData.objects.update_or_create(
            key=key,
            defaults={
                "value": value,
                "expires_at": now + timedelta(seconds=exp or LAUNCH_STATE_SECONDS),
            },
        )

    def take(self, key: str) -> bool:
        """Delete the key; True when it was there (and not expired): only one caller wins."""
        deleted, _ = LaunchData.objects.filter(key=key, expires_at__gt=timezone.now()).delete()
        return deleted > 0


class DatabaseLaunchStorage(CacheDataStorage):
    _cache = _DatabaseCache()

    def take_value(self, key: str) -> bool:
        return self._cache.take(self._prepare_key(key))


class _SessionService(DjangoSessionService):
    _launch_data_lifetime = LAUNCH_STATE_SECONDS

    def take_nonce(self, nonce: str) -> bool:
        return self.data_storage.take_value(self._get_key("nonce", nonce))


class _TimeoutSession(requests.Session):
    def request(self, *args, **kwargs):
        kwargs.setdefault("timeout", PLATFORM_TIMEOUT_SECONDS)
        return super().request(*args, **kwargs)


def platform_session() -> requests.Session:
    session = _TimeoutSession()
    session.headers["User-Agent"] = "quizsite-lti"
    return session


def oidc_login(request, tool_config) -> DjangoOIDCLogin:
    return DjangoOIDCLogin(
        request,
        tool_config,
        session_service=_SessionService(request),
        launch_data_storage=DatabaseLaunchStorage(),
    )


class OneTimeMessageLaunch(DjangoMessageLaunch):
    """A message launch validated in full, its nonce taken last: after the signature is
    verified (a forged token cannot use up someone's nonce) and before anything is stored."""

    def __init__(self, request, tool_config):
        super().__init__(
            request,
            tool_config,
            session_service=_SessionService(request),
            launch_data_storage=DatabaseLaunchStorage(),
            requests_session=platform_session(),
        )
        # iat and exp are required by LTI 1.3 (pyjwt only checks them when present). The
        # audience is checked by validate_registration (the registered client id).
        self.set_jwt_verify_options({"verify_aud": False, "require": ["exp", "iat"]})

    def validate(self):
        if self._restored:
            raise LtiException("Can't validate restored launch")
        self._validated = True
        try:
            self.validate_state()
            self.validate_jwt_format()
            if "\\u0000" in json.dumps(self._jwt["body"]):  # PostgreSQL stores no NUL
                raise LtiException("NUL character in id_token")
            self.validate_registration()
            self.validate_jwt_signature()
            self.validate_nonce()
            self.validate_deployment()
            self.validate_message()
            return self.save_launch_data()
        except Exception:
            self._validated = False
            raise

    def validate_nonce(self):
        nonce = self._get_jwt_body().get("nonce")
        if not nonce:
            raise LtiException('"nonce" is empty')
        if not self._session_service.take_nonce(nonce):
            raise LtiException("Invalid or already used nonce")
        return self


def remember_once(key: str, seconds: int) -> None:
    """A one-time key (a deep-linking request, a link into a window), good for `seconds`."""
    _DatabaseCache().set(f"quizsite-{key}", True, seconds)


def take_once(key: str) -> bool:
    """True the first time only, and only before the key expires."""
    return _DatabaseCache().take(f"quizsite-{key}")
