"""Classes: a teacher's group of students, joined with a short code, to which question sets
are assigned."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

# No 0/O, 1/I/L: codes are read aloud and copied from a board.
JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
JOIN_CODE_LENGTH = 6


def new_join_code() -> str:
    return "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))


def normalize_join_code(code: str) -> str:
    """What a student types: any case, spaces and dashes allowed."""
    return "".join(code.split()).replace("-", "").upper()


class Classroom(models.Model):
    name = models.CharField(_("nom"), max_length=80)
    teacher = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("enseignant"),
        on_delete=models.CASCADE,
        related_name="classrooms",
    )
    join_code = models.CharField(
        _("code d’inscription"), max_length=12, unique=True, default=new_join_code
    )
    students = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("élèves"),
        through="Enrollment",
        related_name="enrolled_classrooms",
        blank=True,
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("classe")
        verbose_name_plural = _("classes")
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["teacher", "name"], name="one_class_name_per_teacher")
        ]

    def __str__(self) -> str:
        return self.name

    def renew_join_code(self) -> None:
        """A new code, different from the old one and from every other class's: the old code
        stops working at once."""
        code = new_join_code()
        while code == self.join_code or Classroom.objects.filter(join_code=code).exists():
            code = new_join_code()
        self.join_code = code
        self.save(update_fields=["join_code"])


class Enrollment(models.Model):
    classroom = models.ForeignKey(Classroom, on_delete=models.CASCADE, related_name="enrollments")
    student = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrollments"
    )
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("inscription")
        verbose_name_plural = _("inscriptions")
        constraints = [
            models.UniqueConstraint(fields=["classroom", "student"], name="one_enrollment_each")
        ]

    def __str__(self) -> str:
        return f"{self.student} · {self.classroom}"

    def clean(self):
        """The admin's class page too enrols pupils only (quizzes.forms.classes.enroll)."""
        from quizzes.roles import may_be_enrolled

        if self.student_id and not may_be_enrolled(self.student):
            raise ValidationError(
                {
                    "student": _(
                        "Seuls les élèves s’inscrivent dans une classe, jamais un "
                        "enseignant ni un compte d’administration."
                    )
                }
            )
