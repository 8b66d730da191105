"""Fixtures for the teachers' results pages: a set given to Mme Durand's class, and finished
attempts built in bulk from one really generated attempt."""

from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.auth import get_user_model

from quizzes.attempts import start_attempt
from quizzes.models import Attempt, AttemptQuestion, Enrollment, FactResult, QuestionSet
from tests.conftest import make_student

FINISHED = datetime(2026, 3, 10, 14, 0, tzinfo=UTC)


@pytest.fixture
def assigned_set(fact_base, teacher, classroom):
    """« Débarquements », 2 chronologies then 2 associations, given to the class « 3e B »."""
    question_set = QuestionSet.objects.create(
        title="Débarquements",
        owner=teacher,
        status=QuestionSet.Status.PUBLISHED,
        chronology_count=2,
        chronology_items=4,
        matching_count=2,
        matching_pairs=3,
    )
    question_set.classrooms.add(classroom)
    return question_set


@pytest.fixture
def question_templates(assigned_set, other_student):
    """The questions of one real attempt, reused by every bulk-built attempt (then deleted)."""
    model = start_attempt(assigned_set, user=other_student)
    questions = [(q.position, q.kind, q.data) for q in model.questions.order_by("position")]
    model.delete()
    return questions


def make_students(classroom, count: int, prefix: str = "eleve"):
    """`count` students enrolled in the class, in two bulk queries (no password hashing)."""
    users = get_user_model().objects.bulk_create(
        get_user_model()(username=f"{prefix}-{n:03d}", password="!", last_name=f"Nom {n:03d}")
        for n in range(count)
    )
    Enrollment.objects.bulk_create(Enrollment(classroom=classroom, student=u) for u in users)
    return users


def fact_ids(data: dict) -> list[int]:
    return [int(item["fact_id"]) for item in data.get("items") or data["prompts"]]


def slim(templates):
    """The templates with only what the results pages read (kind and fact ids): big classes
    are built faster and the pages never read the rest."""
    return [
        (position, kind, {"kind": kind, "items": [{"fact_id": f} for f in fact_ids(data)]})
        for position, kind, data in templates
    ]


def build_attempts(question_set, templates, plan):
    """`plan`: (student, scores per position or None for an unfinished attempt, finished_at).
    Attempts, their questions and per-fact results are created in three bulk queries."""
    count = len(templates)
    attempts = Attempt.objects.bulk_create(
        Attempt(
            user=student,
            question_set=question_set,
            seed=f"bulk-{n}",
            question_count=count,
            answered_count=count if scores is not None else 0,
            score=sum(scores) if scores is not None else 0,
            finished_at=finished_at if scores is not None else None,
        )
        for n, (student, scores, finished_at) in enumerate(plan)
    )
    questions = AttemptQuestion.objects.bulk_create(
        AttemptQuestion(
            attempt=attempt,
            position=position,
            kind=kind,
            data=data,
            response=[] if scores is not None else None,
            score=scores[position - 1] if scores is not None else None,
            answered_at=finished_at if scores is not None else None,
        )
        for attempt, (_student, scores, finished_at) in zip(attempts, plan, strict=True)
        for position, kind, data in templates
    )
    FactResult.objects.bulk_create(
        FactResult(question=q, fact_id=fact, user=q.attempt.user, correct=q.score == 1.0)
        for q in questions
        if q.score is not None
        for fact in fact_ids(q.data)
    )
    return attempts


def at(hours: int) -> datetime:
    return FINISHED + timedelta(hours=hours)


@pytest.fixture
def small_class(classroom, student, assigned_set, question_templates):
    """Camille finished twice (50 % then 100 %), Dominique once (0 %) and started again,
    Eden never started."""
    dominique = make_student("dominique-b")
    eden = make_student("eden")
    eden.first_name, eden.last_name = "Éden", "Lefèvre"
    eden.save()
    for user in (dominique, eden):
        Enrollment.objects.create(classroom=classroom, student=user)
    build_attempts(
        assigned_set,
        question_templates,
        [
            (student, [1, 1, 0, 0], at(0)),
            (student, [1, 1, 1, 1], at(24)),
            (dominique, [0, 0, 0, 0], at(1)),
            (dominique, None, None),
        ],
    )
    return {"classroom": classroom, "set": assigned_set, "dominique": dominique, "eden": eden}
