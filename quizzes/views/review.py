"""Students review what they are about to forget, and see what they master."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from quizzes.engine.questions import NotEnoughFacts
from quizzes.review import mastery, sessions


@login_required
def review_home(request):
    queue = sessions.review_queue(request.user)
    context = {"queue": queue, "open_session": sessions.open_session(request.user)}
    return render(request, "quizzes/review.html", context)


@login_required
@require_POST
def review_start(request):
    try:
        attempt = sessions.start_session(request.user)
    except NotEnoughFacts:
        messages.info(
            request,
            _(
                "Rien à réviser pour l’instant : répondez d’abord aux questions d’un quiz, "
                "elles reviendront ici au bon moment."
            ),
        )
        return redirect("review")
    return redirect(reverse("attempt_resume", args=[attempt.pk]))


@login_required
def my_mastery(request):
    context = {"sources": mastery.student_mastery(request.user), "levels": mastery.LEVEL_LABELS}
    return render(request, "quizzes/mastery.html", context)
