"""Visitors trying the sample quiz without an account: how many trials one address and the whole
site may start per hour (counted in the database, so shared by every worker and server), and the
short-lived session their trial lives in (quizzes.housekeeping deletes both after a day)."""

from __future__ import annotations

import ipaddress
from datetime import timedelta

from django.conf import settings

from quizzes.models import FailureCount
from quizzes.throttling import client_address

VISITOR_TRIAL = "visitor-trial"
TRIAL_WINDOW = timedelta(hours=1)


def address_key(request) -> str:
    """Who a trial is counted against: the client's IPv4 address, or its IPv6 /64 (a home or a
    phone is given a whole /64, so counting single IPv6 addresses would limit nothing)."""
    address = client_address(request)
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:  # not from a real server, or a proxy's header gone wrong
        return "other:" + address.replace("\x00", "")[:150]
    if ip.version == 6 and ip.ipv4_mapped is None:
        return f"net:{ipaddress.ip_network(f'{ip}/64', strict=False)}"
    return f"ip:{getattr(ip, 'ipv4_mapped', None) or ip}"


def _admitted(key: str, limit: int) -> int:
    """Count one trial for `key`, then 0 if it is within `limit` this hour, else the seconds
    until the window ends. Counting first (an atomic increment) and reading after means that
    simultaneous trials can never all slip under the limit."""
    FailureCount.count_one(scope=VISITOR_TRIAL, key=key, length=TRIAL_WINDOW)
    return FailureCount.seconds_blocked(
        scope=VISITOR_TRIAL, key=key, limit=limit + 1, length=TRIAL_WINDOW
    )


def admit_trial(request) -> int:
    """0 when this visitor may start a trial now, else the seconds to wait. The site-wide count
    is only touched once the address is admitted, so that one address hammering the button
    cannot use up everybody's trials."""
    wait = _admitted(address_key(request), settings.VISITOR_TRIALS_PER_ADDRESS_PER_HOUR)
    if wait:
        return wait
    return _admitted("site", settings.VISITOR_TRIALS_PER_HOUR)


def trial_lifetime() -> timedelta:
    """How long a visitor's trial and its session last. The housekeeping task runs every
    HOUSEKEEPING_INTERVAL_MINUTES, so deleting them one interval before VISITOR_DATA_HOURS
    means none is kept longer than VISITOR_DATA_HOURS (what the privacy page promises)."""
    lifetime = timedelta(hours=settings.VISITOR_DATA_HOURS) - timedelta(
        minutes=settings.HOUSEKEEPING_INTERVAL_MINUTES
    )
    return max(lifetime, timedelta(minutes=30))


def open_trial_session(request) -> None:
    """A session for the visitor's trial attempt, expiring when its attempt is deleted."""
    if not request.session.session_key:
        request.session.set_expiry(int(trial_lifetime().total_seconds()))
        request.session.save()
