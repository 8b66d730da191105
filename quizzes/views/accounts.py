"""Sign up as a student; log in and out use Django's own views."""

from django.contrib.auth import login
from django.contrib.auth.forms import UserCreationForm
from django.shortcuts import redirect, render

from quizzes.roles import assign_role


def signup(request):
    if request.user.is_authenticated:
        return redirect("student_home")
    form = UserCreationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        assign_role(user, "student")
        login(request, user)
        return redirect("student_home")
    return render(
        request, "registration/signup.html", {"form": form}, status=400 if form.errors else 200
    )
