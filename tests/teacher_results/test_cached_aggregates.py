"""The detail page keeps its answer aggregates in the cache: shown again it reuses them, and
an answer stored in between shows on the next showing, never a stale figure."""

import pytest
from django.test import Client
from django.urls import reverse

from quizzes.models import Attempt
from tests.conftest import right_answer_post
from tests.teacher_results.test_pages import detail_url

pytestmark = pytest.mark.django_db


def figures(results):
    return (
        [(row.position, row.kind, row.answers, row.rate) for row in results.positions],
        [(rate.fact.pk, rate.answers, rate.correct) for rate in results.facts],
        results.report,
    )


def test_detail_shown_again_without_a_new_answer_skips_the_answer_queries(
    teacher_client, small_class, django_assert_max_num_queries
):
    first = teacher_client.get(detail_url(small_class)).context["results"]
    # Session, user, group; class, set, students, facts: no query over the answers.
    with django_assert_max_num_queries(3 + 4):
        again = teacher_client.get(detail_url(small_class)).context["results"]
    assert figures(again) == figures(first)


def test_an_answer_stored_after_the_page_was_shown_counts_at_the_next_showing(
    teacher_client, small_class
):
    before = teacher_client.get(detail_url(small_class)).context["results"]
    dominique = small_class["dominique"]
    attempt = Attempt.objects.get(user=dominique, finished_at__isnull=True)
    question = attempt.questions.get(position=1)
    pupil = Client()
    pupil.force_login(dominique)
    answered = pupil.post(
        reverse("attempt_question", args=[attempt.pk, 1]), right_answer_post(question.data)
    )
    assert answered.status_code == 200

    after = teacher_client.get(detail_url(small_class)).context["results"]
    # Question 1: right for Camille twice, wrong for Dominique once (2 of 3, 67 %); her new
    # right answer makes it 3 of 4, 75 %.
    rate_before = {row.position: row for row in before.positions}[1]
    rate_after = {row.position: row for row in after.positions}[1]
    assert (rate_before.answers, round(rate_before.rate)) == (3, 67)
    assert (rate_after.answers, round(rate_after.rate)) == (4, 75)
    assert sum(rate.answers for rate in after.facts) > sum(rate.answers for rate in before.facts)


def test_after_a_new_answer_the_kept_shares_and_the_recounted_one_equal_a_whole_recount(
    teacher_client, small_class
):
    from django.core.cache import cache

    teacher_client.get(detail_url(small_class))  # every student's share now in the cache
    dominique = small_class["dominique"]
    attempt = Attempt.objects.get(user=dominique, finished_at__isnull=True)
    question = attempt.questions.get(position=1)
    pupil = Client()
    pupil.force_login(dominique)
    pupil.post(reverse("attempt_question", args=[attempt.pk, 1]), right_answer_post(question.data))

    incremental = teacher_client.get(detail_url(small_class)).context["results"]
    cache.clear()
    recounted = teacher_client.get(detail_url(small_class)).context["results"]
    assert figures(incremental) == figures(recounted)
