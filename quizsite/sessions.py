"""Django's database sessions, with the read every signed-in request makes compiled once per
process (quizsite.prepared): the same table, the same rows, the same checks (unknown or expired
key: an empty session and no key). SESSION_ENGINE when there is no Redis (settings.py)."""

from datetime import datetime

from django.contrib.sessions.backends import db
from django.contrib.sessions.models import Session
from django.utils import timezone

from quizsite.prepared import PreparedQuery

_LIVE_SESSION = PreparedQuery(
    lambda key, now: Session.objects.filter(session_key=key, expire_date__gt=now).order_by(),
    str,
    datetime,
)


class SessionStore(db.SessionStore):
    def _get_session_from_db(self):
        session = _LIVE_SESSION.get(self.session_key, timezone.now())
        if session is None:
            self._session_key = None
        return session
