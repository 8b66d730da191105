"""Students take quizzes: the set list, one question per screen, feedback, results."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from quizsite.prepared import PreparedQuery
from quizzes import answers, attempts, feedback, progress, visitors
from quizzes.engine.questions import NotEnoughFacts
from quizzes.models import Attempt, AttemptQuestion
from quizzes.review import sessions
from quizzes.visibility import sets_open_to


def _owned_attempt(request, attempt_id: int) -> Attempt:
    attempt = get_object_or_404(Attempt.objects.select_related("question_set"), pk=attempt_id)
    _check_owner(request, attempt)
    return attempt


def _check_owner(request, attempt: Attempt) -> None:
    if not attempt.belongs_to(request):
        raise PermissionDenied(_("Cette tentative n’est pas la vôtre."))


# (attempt, position) is unique; no ordering, which would only cost compiling.
QUESTION_WITH_ATTEMPT = PreparedQuery(
    lambda attempt_id, position: AttemptQuestion.objects.select_related("attempt__question_set")
    .filter(attempt__pk=attempt_id, position=position)
    .order_by(),
    int,
    int,
)


# What the results' chart and table show: a student's tens of attempts, each with its set,
# are built faster without the columns nobody reads there.
FINISHED_ATTEMPTS = PreparedQuery(
    lambda user_id: Attempt.objects.filter(user__pk=user_id)
    .finished()
    .select_related("question_set")
    .only("finished_at", "score", "question_count", "question_set__title")
    .order_by("finished_at", "pk"),
    int,
)


def _question_url(attempt: Attempt, position: int) -> str:
    return reverse("attempt_question", args=[attempt.pk, position])


@login_required
def student_home(request):
    sets = progress.with_student_scores(sets_open_to(request.user), request.user)
    context = {"question_sets": sets, "due_count": sessions.due_count(request.user)}
    return render(request, "quizzes/student_home.html", context)


@require_POST
def start(request, set_id: int):
    question_set = get_object_or_404(sets_open_to(request.user), pk=set_id)
    if not request.user.is_authenticated:
        if wait := visitors.admit_trial(request):
            return _too_many_trials(request, wait)
        visitors.open_trial_session(request)
    try:
        attempt = attempts.start_attempt(
            question_set,
            user=request.user if request.user.is_authenticated else None,
            session_key=request.session.session_key or "",
        )
    except attempts.CannotStart as error:
        messages.error(request, str(error))
        return redirect("student_home")
    except NotEnoughFacts as error:
        messages.error(request, str(error))
        return redirect("student_home" if request.user.is_authenticated else "home")
    return redirect(_question_url(attempt, 1))


def _too_many_trials(request, wait: int):
    """A page saying when to come back, without starting anything (HTTP 429)."""
    minutes = max(1, -(-wait // 60))
    response = render(request, "quizzes/trial_limit.html", {"minutes": minutes}, status=429)
    response["Retry-After"] = str(wait)
    return response


@login_required
def resume(request, attempt_id: int):
    attempt = _owned_attempt(request, attempt_id)
    if attempt.is_finished:
        return redirect("attempt_summary", attempt.pk)
    return redirect(_question_url(attempt, attempts.next_position(attempt)))


@require_http_methods(["GET", "POST"])
def question(request, attempt_id: int, position: int):
    # The question, its attempt and the set in one query compiled once per process; the
    # attempt alone is read only when the question is missing (to tell 404 from 403 as the
    # other pages do). An id too large for the database is no match, not an error.
    attempt_question = QUESTION_WITH_ATTEMPT.get(attempt_id, position)
    if attempt_question is None:
        _owned_attempt(request, attempt_id)
        raise Http404(_("Cette question n’existe pas."))
    attempt = attempt_question.attempt
    _check_owner(request, attempt)
    context = {"attempt": attempt, "q": attempt_question, "error": None}
    status = 200
    if request.method == "POST":
        outcome = answers.answer_question(attempt_question=attempt_question, post=request.POST)
        context.update(error=outcome.error, answers_closed=outcome.answers_closed)
        status = outcome.status
    template = "quizzes/_question_panel.html" if request.htmx else "quizzes/question.html"
    context.update(feedback.question_context(attempt, attempt_question))
    return render(request, template, context, status=status)


def summary(request, attempt_id: int):
    attempt = _owned_attempt(request, attempt_id)
    questions = list(attempt.questions.order_by("position"))
    return render(
        request,
        "quizzes/summary.html",
        {"attempt": attempt, "questions": [feedback.summary_row(q) for q in questions]},
    )


@login_required
def results(request):
    finished = FINISHED_ATTEMPTS.all(request.user.pk)
    return render(
        request,
        "quizzes/results.html",
        {
            "attempts": list(reversed(finished)),
            "chart": progress.score_chart(finished),
            "to_review": progress.facts_to_review(request.user),
        },
    )
