"""Sign up as a student, choose one's password after a teacher's one-time password, and land
where each role works; log in and out use Django's views."""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from quizsite import auth
from quizzes.first_login import must_choose_password, password_chosen
from quizzes.forms.accounts import ChoosePasswordForm, SignupForm
from quizzes.roles import assign_role, is_teacher


def signup(request):
    if request.user.is_authenticated:
        return redirect("student_home")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and (user := form.save_unless_taken()):
        assign_role(user, "student")
        login(request, user, backend=auth.BACKEND)
        return redirect("student_home")
    return render(
        request, "registration/signup.html", {"form": form}, status=400 if form.errors else 200
    )


@login_required
def after_login(request):
    """Where « Se connecter » lands: teachers on their classes, students on their quizzes."""
    return redirect("teacher_classes" if is_teacher(request.user) else "student_home")


@login_required
@require_http_methods(["GET", "POST"])
def choose_password(request):
    """A pupil replaces the one-time password their teacher gave them. Without that duty the
    page is not needed (and would let a borrowed session change a password unasked)."""
    if not must_choose_password(request):
        return redirect("after_login")
    form = ChoosePasswordForm(request.user, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        password_chosen(request=request, user=request.user, form=form)
        messages.success(request, _("Votre mot de passe est enregistré. Gardez-le pour vous."))
        return redirect("after_login")
    return render(
        request,
        "registration/choose_password.html",
        {"form": form},
        status=400 if form.errors else 200,
    )
