"""The class page runs a fixed number of SQL queries, whatever the size of the class."""

import pytest
from django.urls import reverse

from tests.teacher_classes.conftest import enroll_students

# session, user, teacher check, class, roster, assigned sets
CLASS_PAGE_BUDGET = 6


@pytest.mark.parametrize("students", [3, 60])
def test_class_page_queries_do_not_grow_with_the_roster(
    teacher_client, classroom, class_set, students, django_assert_max_num_queries
):
    enroll_students(classroom, class_set, students - 1)  # plus Camille, already enrolled
    with django_assert_max_num_queries(CLASS_PAGE_BUDGET):
        response = teacher_client.get(reverse("teacher_class", args=[classroom.pk]))
    assert len(response.context["enrollments"]) == students
    assert {row.attempt_count for row in response.context["enrollments"][1:]} == {3}


def test_teacher_home_runs_one_query_for_all_classes(
    teacher_client, teacher, django_assert_max_num_queries
):
    from quizzes.models import Classroom

    for n in range(20):
        Classroom.objects.create(name=f"Classe {n}", teacher=teacher)
    # session, user, teacher check, classes with their counts
    with django_assert_max_num_queries(4):
        assert teacher_client.get(reverse("teacher_classes")).status_code == 200
