"""Attempts: the questions generated for one sitting, the answers given, per-fact results."""

from __future__ import annotations

import sqlite3

from django.conf import settings
from django.db import connection, models
from django.db.models import Case, ExpressionWrapper, F, FloatField, Q, When
from django.db.models.functions import NullIf
from django.utils.translation import gettext_lazy as _

from quizzes.models.facts import Fact
from quizzes.models.question_sets import QuestionSet


def score_percent(prefix: str = "") -> ExpressionWrapper:
    """An attempt's score as a percentage, in SQL: from the attempt itself, or through a relation
    (`prefix="attempts__"`). NULL for an attempt without questions, so aggregates skip it;
    Attempt.percent is the same figure in Python."""
    return ExpressionWrapper(
        100.0 * F(f"{prefix}score") / NullIf(F(f"{prefix}question_count"), 0),
        output_field=FloatField(),
    )


class AttemptQuerySet(models.QuerySet):
    def of_user(self, user):
        return self.filter(user=user)

    def finished(self):
        return self.filter(finished_at__isnull=False)


class Attempt(models.Model):
    """One sitting of a question set. Its questions (with their right answers) are generated and
    stored when it starts, so grading never trusts the browser."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("élève"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="attempts",
    )
    # Anonymous visitors trying the sample quiz: their attempt belongs to their session only.
    session_key = models.CharField(max_length=40, blank=True, default="")
    question_set = models.ForeignKey(
        QuestionSet, verbose_name=_("série"), on_delete=models.CASCADE, related_name="attempts"
    )
    seed = models.CharField(max_length=40)
    question_count = models.PositiveSmallIntegerField(default=0)
    answered_count = models.PositiveSmallIntegerField(default=0)
    score = models.FloatField(_("points"), default=0.0)
    started_at = models.DateTimeField(_("commencée le"), auto_now_add=True)
    finished_at = models.DateTimeField(_("terminée le"), null=True, blank=True)

    objects = AttemptQuerySet.as_manager()

    class Meta:
        verbose_name = _("tentative")
        verbose_name_plural = _("tentatives")
        ordering = ["-started_at", "-pk"]
        indexes = [models.Index(fields=["user", "question_set", "started_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(user__isnull=False) | ~Q(session_key=""),
                name="attempt_has_an_owner",
            ),
            models.CheckConstraint(
                condition=Q(answered_count__lte=models.F("question_count")),
                name="attempt_answers_within_questions",
            ),
            models.CheckConstraint(
                condition=Q(score__gte=0) & Q(score__lte=models.F("answered_count")),
                name="attempt_score_within_answers",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.question_set} — {self.user or _('visiteur')} ({self.started_at:%d/%m/%Y})"

    @property
    def is_finished(self) -> bool:
        return self.finished_at is not None

    @property
    def percent(self) -> int:
        """The score as a whole percentage (0 without questions); in SQL: score_percent()."""
        return round(100 * self.score / self.question_count) if self.question_count else 0

    def count_answer(self, score: float, now) -> None:
        """Add one stored answer to the counters, the attempt finishing with its last answer,
        and give this instance the counters as stored (another tab may have answered too).
        One UPDATE … RETURNING where the database has it (PostgreSQL, SQLite ≥ 3.35): the
        answer's hottest write, and its page needs no read back."""
        table = connection.ops.quote_name(self._meta.db_table)
        if connection.vendor == "postgresql" or (
            connection.vendor == "sqlite" and sqlite3.sqlite_version_info >= (3, 35)
        ):
            with connection.cursor() as cursor:
                cursor.execute(
                    f"UPDATE {table} SET score = score + %s, answered_count = answered_count + 1,"
                    " finished_at = CASE WHEN answered_count = question_count - 1 THEN %s"
                    f" ELSE finished_at END WHERE {self._meta.pk.column} = %s"
                    " RETURNING score, answered_count, finished_at",
                    [score, connection.ops.adapt_datetimefield_value(now), self.pk],
                )
                self.score, self.answered_count, finished_at = cursor.fetchone()
            if isinstance(finished_at, str):  # SQLite returns the stored text
                finished_at = connection.ops.convert_datetimefield_value(
                    finished_at, None, connection
                )
            self.finished_at = finished_at
            return
        Attempt.objects.filter(pk=self.pk).update(
            score=F("score") + score,
            answered_count=F("answered_count") + 1,
            finished_at=Case(
                When(answered_count=F("question_count") - 1, then=now),
                default=F("finished_at"),
            ),
        )
        self.refresh_from_db(fields=["score", "answered_count", "finished_at"])

    def belongs_to(self, request) -> bool:
        if self.user_id is not None:
            return request.user.is_authenticated and request.user.pk == self.user_id
        return bool(self.session_key) and self.session_key == request.session.session_key


class AttemptQuestion(models.Model):
    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=20)
    data = models.JSONField(help_text="The generated question, right answer included.")
    response = models.JSONField(null=True, blank=True)
    score = models.FloatField(null=True, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("question d’une tentative")
        verbose_name_plural = _("questions d’une tentative")
        ordering = ["attempt", "position"]
        # The teacher's results read score, position and kind of every question of a class's
        # attempts: a covering index answers them without reading the rows (bench/page_cpu.py).
        indexes = [
            models.Index(
                fields=["attempt", "score", "position", "kind"], name="question_results_cover"
            )
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["attempt", "position"], name="one_question_per_position"
            ),
            models.CheckConstraint(
                condition=Q(score__isnull=True) | Q(score__gte=0, score__lte=1),
                name="question_score_is_a_fraction",
            ),
            models.CheckConstraint(
                condition=Q(answered_at__isnull=True, score__isnull=True, response__isnull=True)
                | Q(answered_at__isnull=False, score__isnull=False, response__isnull=False),
                name="question_answered_all_or_nothing",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.attempt_id} · {self.position}"

    @property
    def is_answered(self) -> bool:
        return self.answered_at is not None


class FactResult(models.Model):
    """Whether a student got a fact right in one answered question: the base of « à revoir »
    and of teachers' per-fact statistics."""

    question = models.ForeignKey(
        AttemptQuestion, on_delete=models.CASCADE, related_name="fact_results"
    )
    fact = models.ForeignKey(Fact, on_delete=models.CASCADE, related_name="results")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="fact_results",
    )
    correct = models.BooleanField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("résultat par fait")
        verbose_name_plural = _("résultats par fait")
        constraints = [
            models.UniqueConstraint(fields=["question", "fact"], name="one_result_per_fact")
        ]
        indexes = [models.Index(fields=["user", "correct"])]

    def __str__(self) -> str:
        return f"{self.fact_id} · {'juste' if self.correct else 'faux'}"
