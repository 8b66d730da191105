"""A teacher makes their pupils' accounts from the class list and prints the cards; gives a
pupil a new one-time password. The work is in quizzes.class_accounts."""

from __future__ import annotations

from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from quizzes.class_accounts import (
    MAX_PUPILS_PER_BATCH,
    accounts_created_by,
    create_class_accounts,
    reset_pupil_password,
)
from quizzes.forms.class_accounts import ClassAccountsForm
from quizzes.permissions import own_classroom, teacher_required


def _sheet(request, classroom, cards, *, reset: bool):
    """The cards, in the answer to the request that made the passwords: never stored, never
    shown again."""
    context = {
        "classroom": classroom,
        "cards": cards,
        "reset": reset,
        "login_url": request.build_absolute_uri(reverse("login")),
    }
    return render(request, "teacher/class_accounts_sheet.html", context)


@teacher_required
@require_http_methods(["GET", "POST"])
def create_accounts(request, class_id: int):
    classroom = own_classroom(request, class_id)
    posted = request.method == "POST"
    form = ClassAccountsForm(
        request.POST if posted else None, request.FILES if posted else None, classroom=classroom
    )
    if posted and form.is_valid():
        cards = create_class_accounts(
            classroom=classroom, teacher=request.user, names=form.pupil_names
        )
        return _sheet(request, classroom, cards, reset=False)
    context = {"classroom": classroom, "form": form, "max_pupils": MAX_PUPILS_PER_BATCH}
    return render(
        request, "teacher/class_accounts_form.html", context, status=400 if form.errors else 200
    )


@teacher_required
@require_http_methods(["GET", "POST"])
def reset_password(request, class_id: int, student_id: int):
    """GET asks for confirmation; POST gives the pupil a new one-time password and shows its
    card. Only for a pupil of this class whose account this teacher made: anyone else is a 404."""
    classroom = own_classroom(request, class_id)
    pupil = get_object_or_404(
        accounts_created_by(request.user).filter(enrollments__classroom=classroom),
        pk=student_id,
    )
    if request.method == "POST":
        card = reset_pupil_password(teacher=request.user, pupil=pupil)
        return _sheet(request, classroom, [card], reset=True)
    return render(
        request, "teacher/class_account_reset.html", {"classroom": classroom, "pupil": pupil}
    )
