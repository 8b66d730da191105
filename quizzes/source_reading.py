"""A teacher's new source and its reading in the background: creating the source, queueing the
job, and the job itself (called by the worker through quizzes.tasks)."""

from __future__ import annotations

import logging

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from quizzes.extraction.candidates import Candidate
from quizzes.models import CandidateFact, ExtractionJob, Source

logger = logging.getLogger(__name__)


class ExtractionAlreadyRunning(Exception):
    """A source is read by one job at a time."""


def create_source(
    *, owner, title: str, author: str, language: str, text: str, filename: str = ""
) -> Source:
    """A teacher's source, theirs alone, and its first reading queued."""
    with transaction.atomic():
        source = Source.objects.create(
            owner=owner,
            title=title,
            author=author,
            language=language,
            text=text,
            original_filename=filename,
        )
        start_extraction(source=source)
    return source


def start_extraction(*, source: Source) -> ExtractionJob:
    """Queue a reading of the source. Refused while another reading of it is under way; a
    killed one (stale) may be replaced."""
    from quizzes.tasks import extract_source_facts

    with transaction.atomic():
        Source.objects.select_for_update().filter(pk=source.pk).first()
        latest = source.extraction_jobs.latest_first().first()
        if latest is not None and latest.is_active:
            raise ExtractionAlreadyRunning(source.pk)
        if latest is not None and latest.is_stale:
            latest.status = ExtractionJob.Status.FAILED
            latest.error = _("La lecture a été interrompue (processus de traitement arrêté).")
            latest.finished_at = timezone.now()
            latest.save(update_fields=["status", "error", "finished_at"])
        job = ExtractionJob.objects.create(source=source, step="queued")
        transaction.on_commit(lambda: _enqueue(job.pk, extract_source_facts))
    return job


def read_again(*, source: Source, language: str | None = None) -> ExtractionJob:
    """Read the source again, in `language` when the teacher corrects it. Candidates already
    proposed are never duplicated (store_candidates); refused while a reading runs."""
    if language and language != source.language:
        source.language = language
        source.save(update_fields=["language"])
    return start_extraction(source=source)


def _enqueue(job_id: int, task) -> None:
    result = task.enqueue(job_id)
    ExtractionJob.objects.filter(pk=job_id).update(task_id=str(result.id))


def _report(job_id: int):
    def progress(percent: int, step: str) -> None:
        ExtractionJob.objects.filter(pk=job_id).update(
            progress=min(max(percent, 0), 100), step=step, heartbeat_at=timezone.now()
        )

    return progress


def run_extraction(*, job_id: int) -> int:
    """Read the job's source and store what it proposes; returns how many candidates are new.
    Safe to run twice: candidates already stored (or already reviewed) are not duplicated.
    A text the extractor cannot read fails the job with the reason, never the worker."""
    from quizzes.extraction.pipeline import extract

    job = ExtractionJob.objects.select_related("source").filter(pk=job_id).first()
    # A finished job, or one given up as killed and replaced by a new one, is not run again.
    if job is None or job.status in (ExtractionJob.Status.DONE, ExtractionJob.Status.FAILED):
        return 0
    now = timezone.now()
    ExtractionJob.objects.filter(pk=job_id).update(
        status=ExtractionJob.Status.RUNNING, started_at=now, heartbeat_at=now, error=""
    )
    try:
        found = extract(job.source.text, job.source.language, progress=_report(job_id))
        _report(job_id)(97, "saving")
        created = store_candidates(job=job, found=found)
    except Exception as error:  # the job records why; the worker goes on with the next one
        logger.exception("extraction job %s failed", job_id)
        ExtractionJob.objects.filter(pk=job_id).update(
            status=ExtractionJob.Status.FAILED,
            error=_("La lecture du texte a échoué : %(error)s") % {"error": error},
            finished_at=timezone.now(),
        )
        return 0
    ExtractionJob.objects.filter(pk=job_id).update(
        status=ExtractionJob.Status.DONE,
        progress=100,
        step="done",
        candidates_found=created,
        finished_at=timezone.now(),
    )
    return created


def store_candidates(*, job: ExtractionJob, found: list[Candidate]) -> int:
    """Replace the source's unreviewed candidates by `found`; reviewed ones stay as they are and
    are not proposed again."""
    source = job.source
    with transaction.atomic():
        source.candidates.pending().delete()
        reviewed = set(source.candidates.values_list("kind", "quote_start", "text"))
        fact_texts = set(source.facts.values_list("kind", "text"))
        fresh = [
            CandidateFact(
                source=source,
                job=job,
                kind=c.kind,
                text=c.text,
                quote=c.quote,
                quote_start=c.quote_start,
                date_label=c.date_label or "",
                date_start=c.date_start,
                date_end=c.date_end,
                date_precision=c.date_precision or "",
                subject=c.subject or "",
                subject_kind=c.subject_kind or "",
                relation=c.relation or "",
                object=c.object or "",
            )
            for c in found
            if (c.kind, c.quote_start, c.text) not in reviewed
            and (c.kind, c.text) not in fact_texts
        ]
        try:
            with transaction.atomic():
                CandidateFact.objects.bulk_create(fresh)
        except IntegrityError:
            # Two identical candidates in one batch (should not happen after merging): store
            # them one by one, skipping the repeats.
            for candidate in fresh:
                candidate.pk = None
                with transaction.atomic():
                    try:
                        candidate.save()
                    except IntegrityError:
                        continue
    return len(fresh)
