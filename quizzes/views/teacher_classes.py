"""Teachers' classes: the list with a form to create one, and each class's page (join code,
roster with per-student results, assigned sets, adding and removing students)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Exists, IntegerField, Max, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRedirect

from quizzes import personal_data
from quizzes.forms.classes import AddStudentForm, ClassroomForm
from quizzes.models import AccountProfile, Attempt, Classroom, Enrollment
from quizzes.models.classes import new_join_code
from quizzes.permissions import teacher_required
from quizzes.progress import PERCENT


def _status(request, form) -> int:
    # htmx 2 swaps only 2xx responses: its fragments carry their errors with a 200.
    return 400 if form.errors and not request.htmx else 200


def own_classroom(request, class_id: int) -> Classroom:
    """Another teacher's class is a 404: its existence is nobody else's business."""
    return get_object_or_404(Classroom.objects.filter(teacher=request.user), pk=class_id)


def classroom_url(classroom: Classroom) -> str:
    return reverse("teacher_class", args=[classroom.pk])


def classes_of(teacher):
    return Classroom.objects.filter(teacher=teacher).annotate(
        student_count=Count("enrollments", distinct=True),
        set_count=Count("question_sets", distinct=True),
    )


def roster(classroom: Classroom):
    """The class's enrollments with, per student, the attempts on the class's sets, the best
    finished score (percent) and whether the teacher made the account (and so may give it a new
    password), in one query whatever the class size."""
    class_attempts = Attempt.objects.filter(
        user=OuterRef("student"), question_set__classrooms=classroom
    ).values("user")
    return (
        Enrollment.objects.filter(classroom=classroom)
        .select_related("student")
        .annotate(
            # A pupil also in a colleague's class: only an administrator deletes their account.
            shared=personal_data.in_another_teachers_class(
                classroom.teacher_id, OuterRef("student")
            ),
            attempt_count=Coalesce(
                Subquery(class_attempts.annotate(n=Count("pk")).values("n")[:1]),
                0,
                output_field=IntegerField(),
            ),
            best_percent=Subquery(
                class_attempts.filter(finished_at__isnull=False)
                .annotate(best=Max(PERCENT))
                .values("best")[:1]
            ),
            created_by_teacher=Exists(
                AccountProfile.objects.filter(
                    user=OuterRef("student"), created_by=classroom.teacher_id
                )
            ),
        )
        .order_by("student__username")
    )


def _class_context(classroom: Classroom, add_form: AddStudentForm | None = None) -> dict:
    return {
        "classroom": classroom,
        "enrollments": list(roster(classroom)),
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
    template = "teacher/_classes_panel.html" if request.htmx else "teacher/classes_list.html"
    context = {"classes": list(classes_of(request.user)), "form": form}
    return render(request, template, context, status=_status(request, form))


@teacher_required
@require_http_methods(["GET"])
def class_detail(request, class_id: int):
    classroom = own_classroom(request, class_id)
    return render(request, "teacher/classes_detail.html", _class_context(classroom))


def renew_join_code(classroom: Classroom) -> None:
    code = new_join_code()
    while code == classroom.join_code or Classroom.objects.filter(join_code=code).exists():
        code = new_join_code()
    classroom.join_code = code
    classroom.save(update_fields=["join_code"])


@teacher_required
@require_POST
def regenerate_code(request, class_id: int):
    classroom = own_classroom(request, class_id)
    renew_join_code(classroom)
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
    template = "teacher/_classes_roster.html" if request.htmx else "teacher/classes_detail.html"
    context = _class_context(classroom, form)
    return render(request, template, context, status=_status(request, form))


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
