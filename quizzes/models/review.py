"""Spaced review: one memory card per (student, fact), scheduled by FSRS from every graded item,
and the log of every review, kept so that the scheduler's parameters can be fitted later."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from quizzes.models.facts import Fact


class Rating(models.IntegerChoices):
    """FSRS's ratings (fsrs.Rating has the same values); a quiz never gives « Easy »."""

    AGAIN = 1, _("à revoir")
    HARD = 2, _("en partie")
    GOOD = 3, _("su")
    EASY = 4, _("facile")


class ReviewCardQuerySet(models.QuerySet):
    def of_user(self, user):
        return self.filter(user=user)

    def due_before(self, moment):
        return self.filter(due__lt=moment)

    def mastered_at(self, moment):
        return self.filter(mastered_until__gt=moment)


class ReviewCard(models.Model):
    """What FSRS knows of one student's memory of one fact (the fields of fsrs.Card, as real
    columns), plus `mastered_until`: until when the fact counts as mastered (see
    quizzes.review.scheduling.mastered_until), so that pages count mastery in the database."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("élève"),
        on_delete=models.CASCADE,
        related_name="review_cards",
    )
    fact = models.ForeignKey(
        Fact, verbose_name=_("fait"), on_delete=models.CASCADE, related_name="review_cards"
    )
    state = models.PositiveSmallIntegerField()  # fsrs.State
    step = models.PositiveSmallIntegerField(null=True, blank=True)
    stability = models.FloatField(_("stabilité (jours)"))
    difficulty = models.FloatField(_("difficulté"))
    due = models.DateTimeField(_("à revoir le"))
    last_review = models.DateTimeField(_("dernière révision"))
    last_rating = models.PositiveSmallIntegerField(choices=Rating.choices)
    mastered_until = models.DateTimeField(null=True, blank=True)
    reps = models.PositiveIntegerField(_("révisions"), default=0)
    lapses = models.PositiveIntegerField(_("oublis"), default=0)

    objects = ReviewCardQuerySet.as_manager()

    class Meta:
        verbose_name = _("carte de révision")
        verbose_name_plural = _("cartes de révision")
        indexes = [models.Index(fields=["user", "due"], name="review_card_user_due")]
        constraints = [
            models.UniqueConstraint(fields=["user", "fact"], name="one_card_per_student_fact"),
            models.CheckConstraint(
                condition=Q(stability__gt=0) & Q(difficulty__gte=1, difficulty__lte=10),
                name="card_fsrs_bounds",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} · {self.fact_id}"


class ReviewLog(models.Model):
    """One rating given to one fact of one student, when: what fitting FSRS's parameters
    needs (fsrs.ReviewLog), kept by (student, fact) so it outlives a card reset."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="review_logs"
    )
    fact = models.ForeignKey(Fact, on_delete=models.CASCADE, related_name="review_logs")
    rating = models.PositiveSmallIntegerField(choices=Rating.choices)
    reviewed_at = models.DateTimeField()
    duration_ms = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        verbose_name = _("révision")
        verbose_name_plural = _("révisions")
        indexes = [models.Index(fields=["user", "fact", "reviewed_at"], name="review_log_order")]

    def __str__(self) -> str:
        return f"{self.user_id} · {self.fact_id} · {self.rating}"
