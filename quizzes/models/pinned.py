"""Hand-written questions a teacher pins in a set next to the generated ones: the events to
order, or the pairs to match, chosen among the facts."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from quizzes.models.facts import Fact
from quizzes.models.question_sets import MATCHING_RELATIONS, QuestionSet


class PinnedQuestion(models.Model):
    class Kind(models.TextChoices):
        CHRONOLOGY = "chronology", _("chronologie")
        MATCHING = "matching", _("association")

    question_set = models.ForeignKey(
        QuestionSet, on_delete=models.CASCADE, related_name="pinned_questions"
    )
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    relation = models.CharField(
        _("type d’association"), max_length=20, choices=MATCHING_RELATIONS, blank=True
    )
    facts = models.ManyToManyField(Fact, verbose_name=_("faits"), related_name="+")
    position = models.PositiveSmallIntegerField(_("ordre"), default=0)

    class Meta:
        verbose_name = _("question épinglée")
        verbose_name_plural = _("questions épinglées")
        ordering = ["position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind="chronology", relation="")
                | models.Q(kind="matching") & ~models.Q(relation=""),
                name="pinned_relation_only_for_matching",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.question_set}"
