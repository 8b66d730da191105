"""One-time links that open quizsite in a window of its own after a launch inside the
platform's frame: quizsite's pages refuse to be framed, and a frame's cookies are a third
party's, which browsers drop. The link signs the user in once, within two minutes."""

from __future__ import annotations

import secrets

from django.contrib.auth import get_user_model
from django.core import signing
from django.urls import reverse

from quizzes_lti.storage import remember_once, take_once

SALT = "quizzes_lti.entry"
ENTRY_SECONDS = 120


def entry_url(user, next_url: str) -> str:
    key = secrets.token_urlsafe(16)
    remember_once(f"entry-{key}", ENTRY_SECONDS)
    token = signing.dumps({"user": user.pk, "next": next_url, "key": key}, salt=SALT)
    return reverse("lti_enter", args=[token])


def use_entry(token: str):
    """The user and the page the link opens, or None when the link is forged, expired or used."""
    try:
        data = signing.loads(token, salt=SALT, max_age=ENTRY_SECONDS)
    except signing.BadSignature:
        return None
    if not take_once(f"entry-{data['key']}"):
        return None
    accounts = get_user_model().objects.filter(is_active=True, is_staff=False, is_superuser=False)
    user = accounts.filter(pk=data["user"]).first()
    return (user, data["next"]) if user is not None else None
