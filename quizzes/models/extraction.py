"""Reading a teacher's text in the background: the job that does it, and the facts it proposes
until the teacher accepts, edits or rejects each one."""

from __future__ import annotations

from datetime import timedelta

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from quizzes.models.facts import Entity, Fact, Source

# A running job writes a heartbeat at every step; one silent for longer was killed (worker
# stopped, machine restarted) and may be run again.
STALE_AFTER = timedelta(minutes=3)

# What the progress bar says at each step of a reading (quizzes.extraction.pipeline's steps).
STEP_LABELS = {
    "queued": _("En attente d’un processus de traitement…"),
    "sentences": _("Découpage en phrases…"),
    "dates": _("Recherche des dates…"),
    "events": _("Repérage des événements datés…"),
    "people": _("Repérage des personnages et de leurs rôles…"),
    "places": _("Repérage des lieux et des chiffres…"),
    "merging": _("Regroupement des doublons…"),
    "saving": _("Enregistrement des propositions…"),
    "done": _("Terminé."),
}


class ExtractionJobQuerySet(models.QuerySet):
    def latest_first(self):
        return self.order_by("-created_at", "-pk")

    def unfinished(self):
        return self.filter(status__in=[ExtractionJob.Status.QUEUED, ExtractionJob.Status.RUNNING])


class ExtractionJob(models.Model):
    """One reading of a source. Its progress, its outcome and, when it failed, why."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("en attente")
        RUNNING = "running", _("en cours")
        DONE = "done", _("terminée")
        FAILED = "failed", _("échouée")

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="extraction_jobs")
    status = models.CharField(
        _("état"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("avancement (%)"), default=0)
    step = models.CharField(_("étape"), max_length=200, blank=True)
    error = models.TextField(_("erreur"), blank=True)
    candidates_found = models.PositiveIntegerField(_("propositions"), default=0)
    task_id = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)

    objects = ExtractionJobQuerySet.as_manager()

    class Meta:
        verbose_name = _("lecture d’une source")
        verbose_name_plural = _("lectures des sources")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(progress__lte=100), name="extraction_job_progress_at_most_100"
            )
        ]

    def __str__(self) -> str:
        return f"{self.source} ({self.get_status_display()})"

    @property
    def step_label(self) -> str:
        return STEP_LABELS.get(self.step, "")

    @property
    def is_stale(self) -> bool:
        """Started but silent too long: its worker was killed."""
        if self.status != self.Status.RUNNING:
            return False
        last_sign = self.heartbeat_at or self.started_at or self.created_at
        return timezone.now() - last_sign > STALE_AFTER

    @property
    def is_active(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING) and not self.is_stale

    @property
    def can_rerun(self) -> bool:
        return not self.is_active


class CandidateQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=CandidateFact.Status.PROPOSED)

    def in_text_order(self):
        return self.order_by("quote_start", "kind", "pk")


class CandidateFact(models.Model):
    """A fact the extractor proposes. Nothing reaches a pupil before a teacher accepts it: only
    accepting makes a Fact."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("à examiner")
        ACCEPTED = "accepted", _("accepté")
        REJECTED = "rejected", _("rejeté")

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="candidates")
    job = models.ForeignKey(
        ExtractionJob, on_delete=models.SET_NULL, null=True, blank=True, related_name="candidates"
    )
    kind = models.CharField(_("type"), max_length=10, choices=Fact.Kind.choices)
    text = models.CharField(_("énoncé"), max_length=400)
    quote = models.TextField(_("citation exacte"))
    quote_start = models.PositiveIntegerField(_("position de la citation"))
    date_label = models.CharField(
        _("date (telle que la source l'écrit)"), max_length=100, blank=True
    )
    date_start = models.DateField(_("au plus tôt"), null=True, blank=True)
    date_end = models.DateField(_("au plus tard"), null=True, blank=True)
    date_precision = models.CharField(
        _("précision"), max_length=10, choices=Fact.Precision.choices, blank=True, default=""
    )
    subject = models.CharField(_("sujet"), max_length=200, blank=True)
    subject_kind = models.CharField(
        _("type du sujet"), max_length=10, choices=Entity.Kind.choices, blank=True
    )
    relation = models.CharField(
        _("relation"), max_length=20, choices=Fact.Relation.choices, blank=True, default=""
    )
    object = models.CharField(_("objet"), max_length=300, blank=True)
    status = models.CharField(
        _("état"), max_length=10, choices=Status.choices, default=Status.PROPOSED
    )
    fact = models.OneToOneField(
        Fact, on_delete=models.SET_NULL, null=True, blank=True, related_name="candidate"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)

    objects = CandidateQuerySet.as_manager()

    class Meta:
        verbose_name = _("fait proposé")
        verbose_name_plural = _("faits proposés")
        ordering = ["quote_start", "kind", "pk"]
        constraints = [
            # A job run again proposes the same candidates: they are never stored twice.
            models.UniqueConstraint(
                fields=["source", "kind", "quote_start", "text"], name="candidate_unique_per_source"
            ),
            models.CheckConstraint(
                condition=Q(date_start__isnull=True)
                | Q(date_end__isnull=True)
                | Q(date_start__lte=models.F("date_end")),
                name="candidate_date_range_ordered",
            ),
        ]

    def __str__(self) -> str:
        return self.text

    @property
    def quote_end(self) -> int:
        return self.quote_start + len(self.quote)
