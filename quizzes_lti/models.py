"""What quizsite keeps about learning platforms beyond django-lti's models (registrations,
deployments, contexts, keys): who signs in as whom, which class a course is, where a student's
scores go, and pylti1p3's short-lived state between the OIDC login and the launch."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class PlatformAccount(models.Model):
    """A platform's user (its issuer and their `sub`) and the quizsite account they sign in as.
    Made at their first launch; an admin may also add one to link an existing account."""

    issuer = models.CharField(_("plateforme (issuer)"), max_length=255)
    subject = models.CharField(_("identifiant sur la plateforme (sub)"), max_length=255)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("compte quizsite"),
        on_delete=models.CASCADE,
        related_name="platform_accounts",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("compte de plateforme")
        verbose_name_plural = _("comptes de plateforme")
        constraints = [
            models.UniqueConstraint(fields=["issuer", "subject"], name="one_account_per_lti_user")
        ]

    def __str__(self) -> str:
        return f"{self.subject} @ {self.issuer} → {self.user}"


class CourseClass(models.Model):
    """A platform's course (LTI context) and the quizsite class its learners sit in, owned by
    the instructor who launched quizsite in it first."""

    context = models.OneToOneField(
        "lti_tool.LtiContext",
        verbose_name=_("cours sur la plateforme"),
        on_delete=models.CASCADE,
        related_name="course_class",
    )
    classroom = models.OneToOneField(
        "quizzes.Classroom",
        verbose_name=_("classe"),
        on_delete=models.CASCADE,
        related_name="lti_course",
    )

    class Meta:
        verbose_name = _("cours de plateforme")
        verbose_name_plural = _("cours de plateforme")

    def __str__(self) -> str:
        return f"{self.context} → {self.classroom}"


class GradeLink(models.Model):
    """Where a student's scores on a set go: the line item of the platform link they launched
    the set from (the AGS claim of that launch)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("élève"),
        on_delete=models.CASCADE,
        related_name="lti_grade_links",
    )
    question_set = models.ForeignKey(
        "quizzes.QuestionSet",
        verbose_name=_("série"),
        on_delete=models.CASCADE,
        related_name="lti_grade_links",
    )
    registration = models.ForeignKey(
        "lti_tool.LtiRegistration", on_delete=models.CASCADE, related_name="grade_links"
    )
    lineitem_url = models.URLField(_("colonne du carnet de notes (line item)"), max_length=500)
    subject = models.CharField(max_length=255, help_text="The student's `sub` on the platform.")
    scopes = models.JSONField(default=list)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("destination des notes")
        verbose_name_plural = _("destinations des notes")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "question_set", "lineitem_url"], name="one_grade_link_per_lineitem"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.question_set} → {self.lineitem_url}"


class ScoreReport(models.Model):
    """One finished attempt's score, sent (or still to send) to one line item: the task's
    progress, so that running it twice never sends a score twice."""

    class Status(models.TextChoices):
        PENDING = "pending", _("à envoyer")
        SENT = "sent", _("envoyée")
        FAILED = "failed", _("abandonnée")

    attempt = models.ForeignKey(
        "quizzes.Attempt", on_delete=models.CASCADE, related_name="lti_score_reports"
    )
    grade_link = models.ForeignKey(GradeLink, on_delete=models.CASCADE, related_name="reports")
    status = models.CharField(
        _("état"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    tries = models.PositiveSmallIntegerField(_("essais"), default=0)
    last_error = models.TextField(_("dernière erreur"), blank=True)
    sent_at = models.DateTimeField(_("envoyée le"), null=True, blank=True)

    class Meta:
        verbose_name = _("note envoyée")
        verbose_name_plural = _("notes envoyées")
        constraints = [
            models.UniqueConstraint(fields=["attempt", "grade_link"], name="one_report_per_link")
        ]

    def __str__(self) -> str:
        return f"{self.attempt_id} → {self.grade_link_id} ({self.status})"


class LaunchData(models.Model):
    """pylti1p3's state between the OIDC login and the launch (nonces, validated launches), in
    the database so that every app server sees it without a shared cache (quizzes_lti.storage)."""

    key = models.CharField(max_length=255, unique=True)
    value = models.JSONField()
    expires_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return self.key
