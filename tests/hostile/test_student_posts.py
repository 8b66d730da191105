"""Hostile posts to the student's forms (answer submission with and without htmx, starting an
attempt, joining a class): never a 5xx; a rejection stores nothing and leaves attempts as they
were."""

from hypothesis import given
from hypothesis import strategies as st

from quizzes.models import Attempt, AttemptQuestion, Enrollment
from tests.conftest import right_answer_post, wrong_answer_post
from tests.hostile.conftest import (
    FEW,
    SOME,
    assert_no_server_error,
    hostile_client,
    is_rejection,
    post,
    rolled_back,
    snapshot,
)
from tests.hostile.strategies import HOSTILE_STRINGS, payloads


def question_url(attempt, position):
    return f"/quiz/tentatives/{attempt.pk}/questions/{position}/"


def answer_fields(question) -> dict:
    return {**right_answer_post(question.data), **wrong_answer_post(question.data)}


def assert_consistent(attempt):
    """An attempt's total is the sum of its answers, and its count the number answered."""
    attempt.refresh_from_db()
    answered = AttemptQuestion.objects.filter(attempt=attempt, answered_at__isnull=False)
    assert attempt.answered_count == answered.count()
    assert abs(attempt.score - sum(q.score for q in answered)) < 1e-9


@SOME
@given(draw=st.data(), htmx=st.booleans(), urlencoded=st.booleans())
def test_hostile_answer_to_an_open_question_is_refused_or_graded_once(
    student_client, world, draw, htmx, urlencoded
):
    question = world.unanswered
    body = draw.draw(payloads(answer_fields(question), right_answer_post(question.data)))
    with rolled_back():
        before = snapshot(world.attempt, world.other_attempt)
        response = post(
            student_client,
            question_url(world.attempt, question.position),
            body,
            htmx=htmx,
            urlencoded=urlencoded,
        )
        assert_no_server_error(response)
        after = snapshot(world.attempt, world.other_attempt)
        if response.status_code != 200:
            assert after == before
        else:  # a well-formed answer hides among the random posts: graded once, consistently
            question.refresh_from_db()
            assert question.is_answered
            assert after["AttemptQuestion"] == before["AttemptQuestion"]
            assert (
                after[f"attempt-{world.other_attempt.pk}"]
                == (before[f"attempt-{world.other_attempt.pk}"])
            )
            assert after[f"attempt-{world.attempt.pk}"][0] == (
                before[f"attempt-{world.attempt.pk}"][0] + 1
            )
        assert_consistent(world.attempt)


@SOME
@given(draw=st.data(), htmx=st.booleans(), urlencoded=st.booleans())
def test_hostile_answer_to_an_answered_question_changes_nothing(
    student_client, world, draw, htmx, urlencoded
):
    question = world.answered
    body = draw.draw(payloads(answer_fields(question), wrong_answer_post(question.data)))
    with rolled_back():
        before = snapshot(world.attempt, world.other_attempt)
        response = post(
            student_client,
            question_url(world.attempt, question.position),
            body,
            htmx=htmx,
            urlencoded=urlencoded,
        )
        assert_no_server_error(response)
        assert snapshot(world.attempt, world.other_attempt) == before


@FEW
@given(
    draw=st.data(),
    htmx=st.booleans(),
    position=st.one_of(st.integers(0, 5), st.just(10**25)),
    whose=st.sampled_from(["other", "missing"]),
)
def test_answers_to_someone_elses_or_a_missing_attempt_are_refused(
    student_client, world, draw, htmx, position, whose
):
    target = world.other_attempt if whose == "other" else None
    question = world.other_attempt.questions.order_by("position").first()
    body = draw.draw(payloads(answer_fields(question), right_answer_post(question.data)))
    url = (
        question_url(target, position)
        if target
        else f"/quiz/tentatives/{10**20 + position}/questions/{position}/"
    )
    with rolled_back():
        before = snapshot(world.attempt, world.other_attempt)
        response = post(student_client, url, body, htmx=htmx)
        assert_no_server_error(response)
        assert 400 <= response.status_code < 500
        assert snapshot(world.attempt, world.other_attempt) == before


@FEW
@given(draw=st.data(), htmx=st.booleans())
def test_anonymous_answers_are_refused(anonymous_client, world, draw, htmx):
    question = world.unanswered
    body = draw.draw(payloads(answer_fields(question), right_answer_post(question.data)))
    with rolled_back():
        before = snapshot(world.attempt)
        response = post(
            anonymous_client, question_url(world.attempt, question.position), body, htmx=htmx
        )
        assert_no_server_error(response)
        assert snapshot(world.attempt) == before


@FEW
@given(
    draw=st.data(),
    set_id=st.one_of(
        st.sampled_from(["own", "other"]), st.integers(0, 2**63 + 10), st.just(10**30)
    ),
    as_student=st.booleans(),
    htmx=st.booleans(),
)
def test_starting_an_attempt_with_hostile_ids_and_posts(
    student_client, anonymous_client, world, draw, set_id, as_student, htmx
):
    if set_id == "own":
        set_id = world.question_set.pk
    elif set_id == "other":  # another teacher's set, given to a class the student is not in
        set_id = world.other_set.pk
    body = draw.draw(payloads(["csrfmiddlewaretoken", "set", "seed"]))
    client = student_client if as_student else anonymous_client
    with rolled_back():
        before = Attempt.objects.count()
        response = post(client, f"/quiz/series/{set_id}/commencer/", body, htmx=htmx)
        assert_no_server_error(response)
        created = Attempt.objects.count() - before
        if set_id == world.question_set.pk and as_student:
            assert created == 1 and response.status_code == 302
        else:
            assert created == 0


@SOME
@given(draw=st.data(), htmx=st.booleans(), urlencoded=st.booleans())
def test_hostile_join_codes(student_client, world, draw, htmx, urlencoded):
    Enrollment.objects.filter(student=world.student).delete()
    body = draw.draw(
        payloads(
            ["code"],
            {
                "code": draw.draw(
                    st.sampled_from([world.classroom.join_code, world.other_classroom.join_code])
                )
            },
        )
    )
    with rolled_back():
        before = snapshot()
        response = post(
            student_client, "/classes/rejoindre/", body, htmx=htmx, urlencoded=urlencoded
        )
        assert_no_server_error(response)
        if is_rejection(response):
            assert snapshot() == before


@FEW
@given(code=st.sampled_from(HOSTILE_STRINGS))
def test_a_teacher_cannot_join_a_class_with_any_code(world, code):
    client = hostile_client(world.teacher)
    with rolled_back():
        before = snapshot()
        response = client.post("/classes/rejoindre/", {"code": code})
        assert_no_server_error(response)
        assert response.status_code == 400
        assert snapshot() == before
