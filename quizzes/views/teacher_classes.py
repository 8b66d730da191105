"""Teachers' classes: the list with a form to create one, and each class's page (join code,
roster with per-student results, assigned sets, adding and removing students)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRedirect

from quizzes import class_roster, personal_data
from quizzes.forms.classes import AddStudentForm, ClassroomForm
from quizzes.models import Attempt, Classroom, Enrollment
from quizzes.permissions import own_classroom, teacher_required
from quizzes.views.rendering import form_status, page_or_fragment


def classroom_url(classroom: Classroom) -> str:
    return reverse("teacher_class", args=[classroom.pk])


def _class_context(classroom: Classroom, add_form: AddStudentForm | None = None) -> dict:
    return {
        "classroom": classroom,
        "enrollments": list(class_roster.roster(classroom)),
        "question_sets": list(classroom.question_sets.order_by("title", "pk")),
        "add_form": add_form or AddStudentForm(classroom=classroom),
    }


@teacher_required
@require_http_methods(["GET", "POST"])
def class_list(request):
    form = ClassroomForm(request.POST if request.method == "POST" else None, teacher=request.user)
    if request.method == "POST" and form.is_valid() and (classroom := form.save()):
        messages.success(
            request,
            _("Classe « %(name)s » créée. Donnez son code à vos élèves.") % {"name": classroom},
        )
        if request.htmx:
            return HttpResponseClientRedirect(classroom_url(classroom))
        return redirect(classroom_url(classroom))
    template = page_or_fragment(
        request, page="teacher/classes_list.html", fragment="teacher/_classes_panel.html"
    )
    context = {"classes": list(class_roster.classes_of(request.user)), "form": form}
    return render(request, template, context, status=form_status(request, form))


@teacher_required
@require_http_methods(["GET"])
def class_detail(request, class_id: int):
    classroom = own_classroom(request, class_id)
    return render(request, "teacher/classes_detail.html", _class_context(classroom))


@teacher_required
@require_POST
def regenerate_code(request, class_id: int):
    classroom = own_classroom(request, class_id)
    classroom.renew_join_code()
    if request.htmx:
        return render(request, "teacher/_classes_join_code.html", {"classroom": classroom})
    messages.success(request, _("Nouveau code : l’ancien ne fonctionne plus."))
    return redirect(classroom_url(classroom))


@teacher_required
@require_POST
def add_student(request, class_id: int):
    classroom = own_classroom(request, class_id)
    form = AddStudentForm(request.POST, classroom=classroom)
    if form.is_valid():
        name = form.cleaned_data["username"]
        if form.save():
            messages.success(request, _("%(name)s a été ajouté·e à la classe.") % {"name": name})
        else:
            messages.info(request, _("%(name)s fait déjà partie de la classe.") % {"name": name})
        if not request.htmx:
            return redirect(classroom_url(classroom))
        form = AddStudentForm(classroom=classroom)
    template = page_or_fragment(
        request, page="teacher/classes_detail.html", fragment="teacher/_classes_roster.html"
    )
    context = _class_context(classroom, form)
    return render(request, template, context, status=form_status(request, form))


def _enrollment(request, class_id: int, student_id: int) -> Enrollment:
    """A student of one of the teacher's classes (anyone else: 404)."""
    classroom = own_classroom(request, class_id)
    # student__pk, not student_id: Django bounds a lookup on the user's id, so an id beyond
    # 64 bits is a 404 rather than SQLite's OverflowError.
    return get_object_or_404(
        Enrollment.objects.select_related("student", "classroom"),
        classroom=classroom,
        student__pk=student_id,
    )


@teacher_required
@require_http_methods(["GET", "POST"])
def remove_student(request, class_id: int, student_id: int):
    """GET asks for confirmation; POST removes the student from the class. Their attempts stay:
    they are the student's own history."""
    enrollment = _enrollment(request, class_id, student_id)
    classroom = enrollment.classroom
    if request.method == "POST":
        enrollment.delete()
        messages.success(
            request,
            _("%(name)s a été retiré·e de la classe.") % {"name": enrollment.student},
        )
        return redirect(classroom_url(classroom))
    return render(
        request,
        "teacher/classes_remove_student.html",
        {"classroom": classroom, "enrollment": enrollment},
    )


@teacher_required
@require_http_methods(["GET", "POST"])
def delete_student(request, class_id: int, student_id: int):
    """GET asks for confirmation; POST deletes the pupil's account with all their attempts
    (quizzes.personal_data.teacher_may_delete says whose: a 403 for anyone else)."""
    enrollment = _enrollment(request, class_id, student_id)
    student = enrollment.student
    if not personal_data.teacher_may_delete(request.user, student):
        raise PermissionDenied(
            _(
                "Ce compte est aussi celui d’un élève d’une autre classe, ou n’est pas un compte "
                "d’élève : seul un administrateur peut le supprimer."
            )
        )
    if request.method == "POST":
        personal_data.delete_account(user=student)
        messages.success(
            request,
            _("Le compte de %(name)s et toutes ses tentatives ont été supprimés.")
            % {"name": student.get_username()},
        )
        return redirect(classroom_url(enrollment.classroom))
    return render(
        request,
        "teacher/classes_delete_student.html",
        {
            "classroom": enrollment.classroom,
            "enrollment": enrollment,
            "attempt_count": Attempt.objects.of_user(student).count(),
        },
    )
