"""Counts of failures per window of time (wrong class codes…), kept in the database so that
every gunicorn worker and every app server sees the same counts."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import models
from django.db.models import F
from django.utils import timezone


class FailureCount(models.Model):
    """How many failures `key` (an account, an address) had in `scope` during the window that
    started at `window_start`."""

    scope = models.CharField(max_length=40)
    key = models.CharField(max_length=200)
    window_start = models.DateTimeField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["scope", "key", "window_start"], name="failure_count_one_per_window"
            )
        ]
        indexes = [models.Index(fields=["window_start"], name="failure_count_window")]

    def __str__(self) -> str:
        return f"{self.scope} {self.key} {self.window_start:%Y-%m-%d %H:%M}: {self.count}"

    @staticmethod
    def window_of(moment: datetime, length: timedelta) -> datetime:
        """The start of the fixed window of `length` that holds `moment`."""
        seconds = int(length.total_seconds())
        return datetime.fromtimestamp(
            int(moment.timestamp()) // seconds * seconds, tz=moment.tzinfo
        )

    @classmethod
    def count_one(cls, *, scope: str, key: str, length: timedelta) -> None:
        """One more failure, counted atomically (an UPDATE … SET count = count + 1, so that
        simultaneous failures on several servers are all counted); old windows are dropped."""
        now = timezone.now()
        start = cls.window_of(now, length)
        row, _created = cls.objects.get_or_create(scope=scope, key=key, window_start=start)
        cls.objects.filter(pk=row.pk).update(count=F("count") + 1)
        cls.objects.filter(window_start__lt=now - timedelta(days=1)).delete()

    @classmethod
    def seconds_blocked(cls, *, scope: str, key: str, limit: int, length: timedelta) -> int:
        """0 when `key` is under `limit` failures in the current window, else the seconds
        until the window ends."""
        now = timezone.now()
        start = cls.window_of(now, length)
        count = (
            cls.objects.filter(scope=scope, key=key, window_start=start)
            .values_list("count", flat=True)
            .first()
        )
        if count is None or count < limit:
            return 0
        return max(1, int((start + length - now).total_seconds()))
