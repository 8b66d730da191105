"""Teachers follow their classes: results per class and set, item statistics, CSV export."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render

from quizzes import class_results
from quizzes.models import Classroom
from quizzes.permissions import teacher_required
from quizzes.views.rendering import page_or_fragment


def _class_and_set(request, class_id: int, set_id: int):
    """The teacher's own class and a set assigned to it; anything else is a 404."""
    classroom = get_object_or_404(Classroom, pk=class_id, teacher=request.user)
    question_set = get_object_or_404(classroom.question_sets.all(), pk=set_id)
    return classroom, question_set


@teacher_required
def overview(request):
    template = page_or_fragment(
        request, page="teacher/results_overview.html", fragment="teacher/_results_classes.html"
    )
    return render(request, template, {"classes": class_results.teacher_overview(request.user)})


@teacher_required
def detail(request, class_id: int, set_id: int):
    classroom, question_set = _class_and_set(request, class_id, set_id)
    results = class_results.class_set_results(classroom, question_set)
    template = page_or_fragment(
        request, page="teacher/results_detail.html", fragment="teacher/_results_detail.html"
    )
    return render(request, template, {"results": results})


@teacher_required
def grades_csv(request, class_id: int, set_id: int):
    classroom, question_set = _class_and_set(request, class_id, set_id)
    students = class_results.class_students(classroom, question_set)
    # The byte order mark tells Excel the file is UTF-8, so accents survive.
    body = "\ufeff" + class_results.grades_csv(students)
    filename = class_results.csv_filename(classroom, question_set)
    return HttpResponse(
        body.encode("utf-8"),
        content_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
