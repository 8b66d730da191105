"""Teachers see what their classes master, and turn the weakest facts into a review set."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from quizzes.engine.questions import NotEnoughFacts
from quizzes.permissions import own_classroom, teacher_required
from quizzes.review import class_sets, mastery


@teacher_required
@require_GET
def class_mastery(request, class_id: int):
    classroom = own_classroom(request, class_id)
    sort = request.GET.get("tri", mastery.DEFAULT_SORT)
    if sort not in mastery.SORTS:
        return HttpResponseBadRequest(_("Ordre de tri inconnu."))
    rows, class_size = mastery.class_mastery(classroom, sort=sort, teacher=request.user)
    context = {
        "classroom": classroom,
        "rows": rows,
        "class_size": class_size,
        "sort": sort,
        "most_missed": mastery.most_missed(rows),
        "sort_choices": mastery.SORT_LABELS.items(),
    }
    return render(request, "teacher/class_mastery.html", context)


@teacher_required
@require_POST
def weakest_to_set(request, class_id: int):
    classroom = own_classroom(request, class_id)
    rows, _size = mastery.class_mastery(classroom)
    try:
        question_set = class_sets.create_review_set(
            classroom=classroom, facts=mastery.weakest(rows)
        )
    except NotEnoughFacts as error:
        messages.error(request, str(error))
        return redirect("teacher_class_mastery", classroom.pk)
    messages.success(
        request,
        _(
            "Série « %(title)s » publiée pour la classe : %(n)s questions sur ses faits les plus fragiles."
        )
        % {"title": question_set.title, "n": question_set.question_count},
    )
    return redirect("teacher_set_edit", question_set.pk)
