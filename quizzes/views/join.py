"""Students join a class with the code their teacher gives them."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from quizzes.forms.classes import JoinClassForm
from quizzes.throttling import count_wrong_join_code, join_code_wait_seconds


@login_required
@require_http_methods(["GET", "POST"])
def join_class(request):
    if request.method == "POST" and (wait := join_code_wait_seconds(request)):
        return _too_many_wrong_codes(request, wait)
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
    if form.has_error("code", "unknown_code"):
        count_wrong_join_code(request)
    return render(
        request, "quizzes/join_class.html", {"form": form}, status=400 if form.errors else 200
    )


def _too_many_wrong_codes(request, wait: int):
    """The join page again, with the reason and no form to probe further (HTTP 429)."""
    minutes = max(1, -(-wait // 60))
    response = render(
        request,
        "quizzes/join_class.html",
        {"form": None, "minutes": minutes},
        status=429,
    )
    response["Retry-After"] = str(wait)
    return response
