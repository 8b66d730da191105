"""A teacher's text is read in the background by a real worker: progress, outcome, failures,
re-runs that never duplicate what was proposed."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from quizzes import source_reading
from quizzes.models import CandidateFact, ExtractionJob, Source
from tests.conftest import run_queued_tasks
from tests.sources.conftest import new_source_post

pytestmark = pytest.mark.django_db(transaction=True)


def test_pasted_text_is_read_by_the_worker_not_in_the_request(teacher_client, teacher):
    response = teacher_client.post(reverse("teacher_source_create"), new_source_post())
    source = Source.objects.get(title="La crise de Cuba")
    assert response.status_code == 302
    assert response["Location"] == reverse("teacher_source", args=[source.pk])
    assert source.owner == teacher and not source.site_wide
    assert source.language == "fr"  # detected
    job = source.extraction_jobs.get()
    assert job.status == ExtractionJob.Status.QUEUED
    assert not source.candidates.exists()  # nothing read during the request

    run_queued_tasks()

    job.refresh_from_db()
    assert job.status == ExtractionJob.Status.DONE and job.progress == 100
    candidates = list(source.candidates.all())
    assert job.candidates_found == len(candidates) > 0
    for candidate in candidates:
        assert source.text[candidate.quote_start : candidate.quote_end] == candidate.quote
    events = {c.date_label: (c.date_start, c.date_end) for c in candidates if c.kind == "event"}
    assert events["Le 22 octobre"] == (date(1962, 10, 22), date(1962, 10, 22))
    assert events["Deux jours plus tard"] == (date(1962, 10, 24), date(1962, 10, 24))
    roles = {(c.subject, c.object) for c in candidates if c.relation == "role"}
    assert any("Kennedy" in subject and "président" in role for subject, role in roles)


def test_the_page_shows_the_progress_bar_until_the_reading_ends(teacher_client):
    teacher_client.post(reverse("teacher_source_create"), new_source_post())
    source = Source.objects.get()
    page = teacher_client.get(reverse("teacher_source", args=[source.pk])).content.decode()
    assert "<progress" in page and 'hx-trigger="every 1s"' in page
    run_queued_tasks()
    fragment = teacher_client.get(
        reverse("teacher_source_progress", args=[source.pk]), HTTP_HX_REQUEST="true"
    )
    assert fragment["HX-Refresh"] == "true"  # the page reloads to show the proposals
    assert "<progress" not in fragment.content.decode()
    assert "Lecture terminée" in fragment.content.decode()


def test_reading_again_never_duplicates_candidates(teacher_client):
    teacher_client.post(reverse("teacher_source_create"), new_source_post())
    source = Source.objects.get()
    run_queued_tasks()
    first = source.candidates.count()
    rejected = source.candidates.first()
    rejected.status = CandidateFact.Status.REJECTED
    rejected.save()

    response = teacher_client.post(reverse("teacher_source_rerun", args=[source.pk]))
    assert response.status_code == 302
    run_queued_tasks()

    assert source.candidates.count() == first
    rejected.refresh_from_db()
    assert rejected.status == CandidateFact.Status.REJECTED
    assert source.extraction_jobs.count() == 2


def test_the_same_job_run_twice_stores_nothing_twice(teacher_client):
    teacher_client.post(reverse("teacher_source_create"), new_source_post())
    source = Source.objects.get()
    run_queued_tasks()
    job = source.extraction_jobs.get()
    count = source.candidates.count()
    ExtractionJob.objects.filter(pk=job.pk).update(status=ExtractionJob.Status.QUEUED)
    source_reading.run_extraction(job_id=job.pk)
    assert source.candidates.count() == count


def test_a_failed_job_says_why_and_the_worker_goes_on(teacher, teacher_client):
    broken = Source.objects.create(owner=teacher, title="Cassé", language="xx", text="Texte.")
    source_reading.start_extraction(source=broken)
    teacher_client.post(reverse("teacher_source_create"), new_source_post())
    run_queued_tasks()

    failed = broken.extraction_jobs.get()
    assert failed.status == ExtractionJob.Status.FAILED
    assert "échoué" in failed.error
    page = teacher_client.get(reverse("teacher_source", args=[broken.pk])).content.decode()
    assert "La lecture du texte a échoué" in page
    good = Source.objects.get(title="La crise de Cuba").extraction_jobs.get()
    assert good.status == ExtractionJob.Status.DONE


def test_a_killed_job_shows_as_interrupted_and_can_be_run_again(teacher_client):
    teacher_client.post(reverse("teacher_source_create"), new_source_post())
    source = Source.objects.get()
    long_ago = timezone.now() - timedelta(hours=1)
    ExtractionJob.objects.update(
        status=ExtractionJob.Status.RUNNING, started_at=long_ago, heartbeat_at=long_ago
    )
    page = teacher_client.get(reverse("teacher_source", args=[source.pk])).content.decode()
    assert "s’est arrêté pendant la lecture" in page

    teacher_client.post(reverse("teacher_source_rerun", args=[source.pk]))
    run_queued_tasks()
    statuses = sorted(source.extraction_jobs.values_list("status", flat=True))
    assert statuses == ["done", "failed"]
    assert source.candidates.exists()


def test_a_second_reading_is_refused_while_one_runs(teacher_client):
    teacher_client.post(reverse("teacher_source_create"), new_source_post())
    source = Source.objects.get()
    response = teacher_client.post(reverse("teacher_source_rerun", args=[source.pk]), follow=True)
    assert "déjà en cours" in response.content.decode()
    assert source.extraction_jobs.count() == 1


def test_changing_the_language_reads_the_text_again_in_that_language(teacher_client):
    teacher_client.post(reverse("teacher_source_create"), new_source_post())
    source = Source.objects.get()
    run_queued_tasks()
    teacher_client.post(reverse("teacher_source_rerun", args=[source.pk]), {"language": "en"})
    source.refresh_from_db()
    assert source.language == "en"
    assert source.extraction_jobs.latest_first().first().status == ExtractionJob.Status.QUEUED


def test_the_demo_teacher_has_a_text_of_their_own_read_by_the_worker(fact_base):
    from django.core.management import call_command

    call_command("setup_demo", stdout=None)
    call_command("setup_demo", stdout=None)
    source = Source.objects.get(owner__username="prof")
    assert source.extraction_jobs.count() == 1  # run twice, queued once
    run_queued_tasks()
    job = source.extraction_jobs.get()
    assert job.status == ExtractionJob.Status.DONE
    labels = set(source.candidates.values_list("date_label", flat=True))
    assert {"Le 9 novembre 1989", "Le lendemain", "le 3 octobre 1990"} <= labels
