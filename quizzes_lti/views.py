"""The LTI tool's pages: keys, OIDC login, launch, the deep-linking set picker, and the page of
a set a link points at."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from lti_tool.views import jwks as lti_jwks

from quizzes import progress
from quizzes.models import QuestionSet
from quizzes.permissions import teacher_required
from quizzes.roles import is_teacher
from quizzes.visibility import sets_open_to
from quizzes_lti import deep_linking, launching

# The platform's public keys and JWKS are fetched by servers: a GET, no session, no CSRF.
jwks = require_GET(lti_jwks)


def _refused(request, error: launching.LaunchRefused):
    context = {"reason": str(error), "detail": error.detail}
    return render(request, "quizzes_lti/refused.html", context, status=error.status)


# The platform starts the login (GET or POST from its own page) and posts the launch: neither
# can carry quizsite's CSRF token; the state cookie, the nonce and the signature protect them.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def oidc_login(request, registration_uuid):
    try:
        return launching.login_redirect(request, registration_uuid)
    except launching.LaunchRefused as error:
        return _refused(request, error)


@csrf_exempt
@require_POST
def launch(request):
    try:
        return redirect(launching.start(request))
    except launching.LaunchRefused as error:
        return _refused(request, error)


@teacher_required
@require_http_methods(["GET", "POST"])
def deep_link(request):
    pending = deep_linking.pending_request(request.session)
    if pending is None:
        return _refused(
            request,
            launching.LaunchRefused(
                _("Ouvrez cette page depuis votre cours, avec « Ajouter une activité ».")
            ),
        )
    question_sets = deep_linking.sets_to_place(request.user)
    if request.method == "POST":
        chosen = question_sets.filter(pk=_whole_number(request.POST.get("set"))).first()
        if chosen is None:
            context = {"question_sets": question_sets, "error": _("Choisissez une de vos séries.")}
            return render(request, "quizzes_lti/deep_link.html", context, status=400)
        return_url, token = deep_linking.answer(request, pending, chosen)
        response = render(
            request,
            "quizzes_lti/deep_link_return.html",
            {"return_url": return_url, "token": token, "question_set": chosen},
        )
        response["Content-Security-Policy"] = _policy_posting_to(return_url)
        return response
    return render(request, "quizzes_lti/deep_link.html", {"question_sets": question_sets})


def _whole_number(text) -> int | None:
    return int(text) if isinstance(text, str) and text.isascii() and text.isdigit() else None


def _policy_posting_to(url: str) -> str:
    """The site's policy, with the platform's origin added to where forms may be posted."""
    parts = urlsplit(url)
    origin = f"{parts.scheme}://{parts.netloc}"
    return settings.CONTENT_SECURITY_POLICY.replace(
        "form-action 'self'", f"form-action 'self' {origin}"
    )


@login_required
@require_GET
def set_page(request, set_id: int):
    """Where a platform's link to a set lands: the set to take, for a pupil; its page, for the
    teacher who owns it."""
    if is_teacher(request.user):
        if QuestionSet.objects.filter(pk=set_id, owner=request.user).exists():
            return redirect("teacher_set_edit", set_id)
        raise Http404
    question_set = (
        progress.with_student_scores(sets_open_to(request.user), request.user)
        .filter(pk=set_id)
        .first()
    )
    if question_set is None:
        raise Http404(_("Cette série n’est pas ouverte pour l’instant."))
    return render(request, "quizzes_lti/set.html", {"set": question_set})
