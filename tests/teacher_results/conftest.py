"""Fixtures for the teachers' results pages: a set given to Mme Durand's class, and finished
attempts built in bulk from one really generated attempt (tests/factories.py)."""

from datetime import UTC, datetime, timedelta

import pytest

from quizzes.models import Enrollment
from tests import factories
from tests.factories import make_student, published_set

FINISHED = datetime(2026, 3, 10, 14, 0, tzinfo=UTC)


@pytest.fixture
def assigned_set(fact_base, teacher, classroom):
    """« Débarquements », 2 chronologies then 2 associations, given to the class « 3e B »."""
    return published_set(
        owner=teacher,
        title="Débarquements",
        classrooms=[classroom],
        chronology_count=2,
        chronology_items=4,
        matching_count=2,
        matching_pairs=3,
    )


@pytest.fixture
def question_templates(assigned_set, other_student):
    """The questions of one real attempt, reused by every bulk-built attempt (then deleted)."""
    return factories.question_templates(question_set=assigned_set, user=other_student)


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
    factories.build_attempts(
        question_set=assigned_set,
        templates=question_templates,
        plan=[
            (student, [1, 1, 0, 0], at(0)),
            (student, [1, 1, 1, 1], at(24)),
            (dominique, [0, 0, 0, 0], at(1)),
            (dominique, None, None),
        ],
    )
    return {"classroom": classroom, "set": assigned_set, "dominique": dominique, "eden": eden}
