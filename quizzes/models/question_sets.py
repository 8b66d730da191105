"""Question sets: what a quiz draws its questions from, how many, and how they are graded."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from quizzes.engine import grading
from quizzes.engine.questions import (
    MAX_CHRONOLOGY_ITEMS,
    MAX_PAIRS,
    MAX_QUESTIONS_PER_KIND,
    MIN_CHRONOLOGY_ITEMS,
    MIN_PAIRS,
)
from quizzes.models.facts import Fact, Source

# What a matching question pairs, for every relation a fact can have (Fact.Relation is the one
# list of relations: a new relation without its pair label here stops the site at start-up).
PAIR_LABELS = {
    Fact.Relation.ROLE: _("personnage ou groupe ↔ rôle"),
    Fact.Relation.COMMANDS: _("personnage ↔ ce qu’il dirige"),
    Fact.Relation.HAPPENED_AT: _("lieu ↔ ce qui s’y est passé"),
    Fact.Relation.LANDED_AT: _("armée ↔ lieu de débarquement"),
    Fact.Relation.FIGURE: _("chiffre ↔ ce qu’il mesure"),
    Fact.Relation.CAUSES: _("cause ↔ conséquence"),
}
if set(PAIR_LABELS) != set(Fact.Relation) - {Fact.Relation.NONE}:
    raise RuntimeError("Every Fact.Relation needs its pair label in PAIR_LABELS.")
# The set builder's matching choices: every relation, then events ↔ their dates.
MATCHING_RELATIONS = [
    *((relation.value, label) for relation, label in PAIR_LABELS.items()),
    ("date", _("événement ↔ date")),
]


# How many questions of each kind a set asks for (one home: the builder, the preview, the checks).
COUNT_FIELDS = (
    "chronology_count",
    "matching_count",
    "which_first_count",
    "date_entry_count",
    "true_false_count",
    "odd_one_out_count",
)


# After closing, attempts already started may take answers this long at most (a teacher's choice,
# 0 by default: the builder form, the admin and the database constraint read it from here).
MAX_CLOSING_GRACE_MINUTES = 120


class QuestionSetQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=QuestionSet.Status.PUBLISHED)

    def open_now(self, *, closing_grace: timedelta = timedelta(0)):
        """Published and between opening and closing; `closing_grace` also keeps the sets that
        closed less than that long ago (answers to attempts already started)."""
        now = timezone.now()
        return self.open_at(now, closes_after=now - closing_grace)

    def open_at(self, now: datetime, *, closes_after: datetime):
        """Published, opened by `now` and not closed by `closes_after` (`now` less a grace
        period). Both moments are arguments, not computed here, so that a query compiled once
        (quizsite.prepared) receives them as they are."""
        return self.published().filter(
            Q(opens_at__isnull=True) | Q(opens_at__lte=now),
            Q(closes_at__isnull=True) | Q(closes_at__gt=closes_after),
        )

    def listed_for(self, teacher):
        """The teacher's sets, newest first, with their attempt and pinned-question counts (one
        query; their classes come with one more)."""
        from quizzes.models.attempts import Attempt
        from quizzes.models.pinned import PinnedQuestion

        return (
            self.filter(owner=teacher)
            .annotate(
                attempt_count=_count_per_set(Attempt.objects),
                pinned_count=_count_per_set(PinnedQuestion.objects),
            )
            .prefetch_related("classrooms")
            .order_by("-created_at", "-pk")
        )


def _count_per_set(manager) -> Coalesce:
    """How many rows of `manager` point at the set, as a subquery (no join fan-out)."""
    rows = manager.filter(question_set=OuterRef("pk")).order_by().values("question_set")
    counted = rows.annotate(n=models.Count("pk")).values("n")
    return Coalesce(Subquery(counted[:1]), 0, output_field=models.IntegerField())


class QuestionSet(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("brouillon")
        PUBLISHED = "published", _("publié")

    class Difficulty(models.TextChoices):
        EASY = "easy", _("facile : événements éloignés dans le temps")
        MEDIUM = "medium", _("moyen")
        HARD = "hard", _("difficile : événements proches dans le temps")

    title = models.CharField(_("titre"), max_length=120)
    instructions = models.TextField(_("consignes"), blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("enseignant"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="question_sets",
        help_text=_("Vide pour les séries proposées par le site à tous les élèves."),
    )
    sources = models.ManyToManyField(
        Source, verbose_name=_("sources"), blank=True, help_text=_("Vide : toutes les sources.")
    )
    facts = models.ManyToManyField(
        Fact,
        verbose_name=_("faits choisis"),
        blank=True,
        help_text=_("Vide : tous les faits des sources et de la période choisies."),
    )
    period_start = models.DateField(_("période : à partir du"), null=True, blank=True)
    period_end = models.DateField(_("période : jusqu’au"), null=True, blank=True)
    chronology_count = models.PositiveSmallIntegerField(_("questions de chronologie"), default=3)
    chronology_items = models.PositiveSmallIntegerField(_("événements par chronologie"), default=4)
    matching_count = models.PositiveSmallIntegerField(_("questions d’association"), default=2)
    matching_pairs = models.PositiveSmallIntegerField(_("paires par association"), default=4)
    matching_distractors = models.PositiveSmallIntegerField(
        _("réponses en trop par association"), default=1
    )
    which_first_count = models.PositiveSmallIntegerField(
        _("questions « lequel d’abord ? »"), default=0
    )
    date_entry_count = models.PositiveSmallIntegerField(_("questions de date à écrire"), default=0)
    true_false_count = models.PositiveSmallIntegerField(_("questions vrai ou faux"), default=0)
    odd_one_out_count = models.PositiveSmallIntegerField(_("questions « l’intrus »"), default=0)
    matching_relations = models.JSONField(
        _("types d’association"),
        default=list,
        blank=True,
        help_text=_("Vide : tous les types possibles."),
    )
    difficulty = models.CharField(
        _("difficulté"), max_length=10, choices=Difficulty.choices, default=Difficulty.MEDIUM
    )
    ordering_method = models.CharField(
        _("notation des chronologies"),
        max_length=40,
        choices=list(grading.ORDERING_METHOD_LABELS.items()),
        default=grading.DEFAULT_ORDERING_METHOD,
    )
    matching_penalty = models.FloatField(_("pénalité par paire fausse"), default=0.0)
    attempts_allowed = models.PositiveSmallIntegerField(
        _("tentatives autorisées"), default=0, help_text=_("0 : illimité.")
    )
    regenerate_per_attempt = models.BooleanField(
        _("nouvelles questions à chaque tentative"),
        default=True,
        help_text=_("Sinon, tous les élèves reçoivent les mêmes questions."),
    )
    fixed_seed = models.PositiveIntegerField(default=0, editable=False)
    opens_at = models.DateTimeField(_("ouverture"), null=True, blank=True)
    closes_at = models.DateTimeField(_("fermeture"), null=True, blank=True)
    closing_grace_minutes = models.PositiveSmallIntegerField(
        _("délai de grâce (minutes)"),
        default=0,
        help_text=_(
            "Après la fermeture, les tentatives déjà commencées acceptent encore des réponses "
            "pendant ce nombre de minutes. 0 : plus aucune réponse après la fermeture."
        ),
    )
    status = models.CharField(
        _("état"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    is_sample = models.BooleanField(
        _("quiz d’essai"), default=False, help_text=_("Ouvert aux visiteurs non connectés.")
    )
    classrooms = models.ManyToManyField(
        "quizzes.Classroom",
        verbose_name=_("classes"),
        blank=True,
        related_name="question_sets",
        help_text=_("Les classes dont les élèves voient cette série une fois publiée."),
    )
    # A student's own hidden set: their spaced-review sessions are attempts of it, so they are
    # answered, graded and stored like any quiz (quizzes.review.sessions). Listed nowhere.
    review_for = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        editable=False,
        related_name="review_set",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = QuestionSetQuerySet.as_manager()

    class Meta:
        verbose_name = _("série de questions")
        verbose_name_plural = _("séries de questions")
        ordering = ["title", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    chronology_items__gte=MIN_CHRONOLOGY_ITEMS,
                    chronology_items__lte=MAX_CHRONOLOGY_ITEMS,
                ),
                name="set_chronology_items_3_to_8",
            ),
            models.CheckConstraint(
                condition=Q(matching_pairs__gte=MIN_PAIRS, matching_pairs__lte=MAX_PAIRS),
                name="set_matching_pairs_2_to_8",
            ),
            models.CheckConstraint(
                condition=Q(
                    chronology_count__lte=MAX_QUESTIONS_PER_KIND,
                    matching_count__lte=MAX_QUESTIONS_PER_KIND,
                    which_first_count__lte=MAX_QUESTIONS_PER_KIND,
                    date_entry_count__lte=MAX_QUESTIONS_PER_KIND,
                    true_false_count__lte=MAX_QUESTIONS_PER_KIND,
                    odd_one_out_count__lte=MAX_QUESTIONS_PER_KIND,
                )
                & (
                    Q(chronology_count__gte=1)
                    | Q(matching_count__gte=1)
                    | Q(which_first_count__gte=1)
                    | Q(date_entry_count__gte=1)
                    | Q(true_false_count__gte=1)
                    | Q(odd_one_out_count__gte=1)
                ),
                name="set_has_1_to_120_questions",
            ),
            models.CheckConstraint(
                condition=Q(matching_penalty__gte=0, matching_penalty__lte=1),
                name="set_penalty_between_0_and_1",
            ),
            models.CheckConstraint(
                condition=Q(opens_at__isnull=True)
                | Q(closes_at__isnull=True)
                | Q(opens_at__lt=models.F("closes_at")),
                name="set_opens_before_it_closes",
            ),
            models.CheckConstraint(
                condition=Q(closing_grace_minutes__lte=MAX_CLOSING_GRACE_MINUTES),
                name="set_closing_grace_within_limit",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def display_title(self) -> str:
        """The title a student reads: their own review set is « Révision », in their language."""
        return gettext("Révision") if self.review_for_id else self.title

    @property
    def question_count(self) -> int:
        return sum(getattr(self, name) for name in COUNT_FIELDS)

    def duplicate(self, *, title: str) -> QuestionSet:
        """A draft copy under `title`, with the same sources, facts, classes and pinned
        questions (each pinned question copied with its facts); attempts are not copied."""
        with transaction.atomic():
            copy = QuestionSet.objects.get(pk=self.pk)
            copy.pk = None
            copy._state.adding = True
            copy.title = title[: self._meta.get_field("title").max_length]
            copy.status = QuestionSet.Status.DRAFT
            copy.save()
            copy.sources.set(self.sources.all())
            copy.facts.set(self.facts.all())
            copy.classrooms.set(self.classrooms.all())
            for pin in self.pinned_questions.prefetch_related("facts"):
                facts = list(pin.facts.all())
                pin.pk = None
                pin._state.adding = True
                pin.question_set = copy
                pin.save()
                pin.facts.set(facts)
        return copy

    def clean(self):
        known = {value for value, _label in MATCHING_RELATIONS}
        if unknown := set(self.matching_relations or []) - known:
            raise ValidationError({"matching_relations": f"inconnu : {', '.join(sorted(unknown))}"})
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("La fin de la période précède son début.")})
