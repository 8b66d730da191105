"""Students join a class with the code their teacher gives them."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from quizzes.forms.classes import JoinClassForm


@login_required
@require_http_methods(["GET", "POST"])
def join_class(request):
    form = JoinClassForm(request.POST if request.method == "POST" else None, user=request.user)
    if request.method == "POST" and form.is_valid():
        name = form.classroom.name
        if form.save():
            messages.success(
                request, _("Vous avez rejoint la classe « %(name)s ».") % {"name": name}
            )
        else:
            messages.info(
                request, _("Vous faites déjà partie de la classe « %(name)s ».") % {"name": name}
            )
        return redirect("student_home")
    return render(
        request, "quizzes/join_class.html", {"form": form}, status=400 if form.errors else 200
    )
