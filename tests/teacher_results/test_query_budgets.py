"""The results pages run a fixed number of SQL queries whatever the class size: 3 students
or 300 students with 20 finished attempts each."""

import pytest
from django.urls import reverse

from tests.factories import build_attempts, enrolled_pupils, slim_templates
from tests.teacher_results.conftest import at

# Session, user and the teacher's group: 3 queries of every teacher page.
BUDGETS = {
    "teacher_results": 3 + 3,  # classes, assignments, best scores
    # class, set, students, positions, per-fact counts, first attempts' questions and their
    # per-fact results, facts
    "teacher_results_detail": 3 + 8,
    "teacher_results_csv": 3 + 3,  # class, set, students
}
ATTEMPTS_EACH = 20


@pytest.fixture(params=[3, 300], ids=["3-students", "300-students"])
def busy_class(request, classroom, assigned_set, question_templates):
    students = enrolled_pupils(classroom=classroom, count=request.param)
    positions = len(question_templates)
    plan = [
        (
            student,
            [float((n + s + p) % 3 == 0) for p in range(positions)],
            at(n),
        )
        for s, student in enumerate(students)
        for n in range(ATTEMPTS_EACH)
    ]
    build_attempts(
        question_set=assigned_set, templates=slim_templates(question_templates), plan=plan
    )
    return {"classroom": classroom, "set": assigned_set, "students": len(students) + 1}


def test_results_pages_keep_their_query_budget(
    teacher_client, busy_class, django_assert_max_num_queries
):
    room, question_set = busy_class["classroom"], busy_class["set"]
    for name, budget in BUDGETS.items():
        args = [] if name == "teacher_results" else [room.pk, question_set.pk]
        with django_assert_max_num_queries(budget):
            response = teacher_client.get(reverse(name, args=args))
        assert response.status_code == 200, name
    results = teacher_client.get(
        reverse("teacher_results_detail", args=[room.pk, question_set.pk])
    ).context["results"]
    assert len(results.students) == busy_class["students"]  # Camille included, no attempt
    assert results.first_attempts == busy_class["students"] - 1
    assert results.histogram.students == busy_class["students"] - 1
    assert [item.key for item in results.report.kinds] == ["chronology", "matching"]
    assert results.report.reliability.attempts == results.first_attempts
    assert results.report.reliability.alpha is not None
    assert results.enough_attempts == (results.first_attempts >= 5)
