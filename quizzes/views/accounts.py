"""Sign up as a student, and land where each role works; log in and out use Django's views."""

from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import UserCreationForm
from django.shortcuts import redirect, render

from quizzes.roles import assign_role, is_teacher


def signup(request):
    if request.user.is_authenticated:
        return redirect("student_home")
    form = UserCreationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        assign_role(user, "student")
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return redirect("student_home")
    return render(
        request, "registration/signup.html", {"form": form}, status=400 if form.errors else 200
    )


@login_required
def after_login(request):
    """Where « Se connecter » lands: teachers on their classes, students on their quizzes."""
    return redirect("teacher_classes" if is_teacher(request.user) else "student_home")
