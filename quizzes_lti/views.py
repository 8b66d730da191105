"""The LTI tool's pages: keys, OIDC login, launch, the deep-linking set picker, and the page of
a set a link points at."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model, login
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from lti_tool.views import jwks as lti_jwks

from quizsite import auth
from quizzes import progress
from quizzes.models import QuestionSet
from quizzes.roles import is_teacher
from quizzes.visibility import sets_open_to
from quizzes_lti import deep_linking, entry, launching

# The tool's public keys (JWKS), fetched by the platforms' servers: a GET, no session.
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


# The answers to a launch may be shown inside the platform's page (an iframe): they alone are
# framed, by the platform that launched, and they need no quizsite cookie.
@csrf_exempt
@require_POST
@xframe_options_exempt
def launch(request):
    try:
        landing = launching.start(request)
    except launching.LaunchRefused as error:
        return _framed(_refused(request, error), "*")
    if landing.deep_link_state:
        response = _picker(request, landing.user, landing.deep_link_state)
    elif landing.framed:
        response = render(
            request,
            "quizzes_lti/open_in_window.html",
            {"entry_url": entry.entry_url(landing.user, landing.url)},
        )
    else:
        return redirect(landing.url)
    return _framed(response, landing.frame_ancestor)


def _picker(request, teacher, state: str, *, error: str = "", status: int = 200):
    context = {
        "question_sets": deep_linking.sets_to_place(teacher),
        "state": state,
        "error": error,
    }
    return render(request, "quizzes_lti/deep_link.html", context, status=status)


@csrf_exempt  # the signed state, bound to the teacher and used once, stands for the CSRF token
@require_POST
@xframe_options_exempt
def deep_link(request):
    token = request.POST.get("state", "")
    state = deep_linking.read_state(token)
    if state is None:
        refusal = launching.LaunchRefused(
            _("Ouvrez cette page depuis votre cours, avec « Ajouter une activité ».")
        )
        return _framed(_refused(request, refusal), "*")
    teacher = get_object_or_404(get_user_model(), pk=state["teacher"], is_active=True)
    question_sets = deep_linking.sets_to_place(teacher)
    chosen = question_sets.filter(pk=_whole_number(request.POST.get("set"))).first()
    ancestor = _origin(state["settings"]["deep_link_return_url"])
    if chosen is None:
        response = _picker(
            request, teacher, token, error=_("Choisissez une de vos séries."), status=400
        )
        return _framed(response, ancestor)
    try:
        return_url, jwt = deep_linking.answer(request, state, chosen)
    except deep_linking.RequestSpent:
        refusal = launching.LaunchRefused(
            _(
                "Cette demande a déjà servi ou n’est plus valable. Relancez « Ajouter une "
                "activité » depuis votre cours."
            )
        )
        return _framed(_refused(request, refusal), ancestor)
    context = {"return_url": return_url, "token": jwt, "question_set": chosen}
    response = render(request, "quizzes_lti/deep_link_return.html", context)
    return _framed(response, ancestor, form_action=_origin(return_url))


def _whole_number(text) -> int | None:
    return int(text) if isinstance(text, str) and text.isascii() and text.isdigit() else None


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _framed(response, ancestor: str, *, form_action: str = ""):
    """The site's policy, letting `ancestor` frame this answer (and its forms post to
    `form_action`, the platform's return URL)."""
    policy = settings.CONTENT_SECURITY_POLICY.replace(
        "frame-ancestors 'none'", f"frame-ancestors {ancestor}"
    )
    if form_action:
        policy = policy.replace("form-action 'self'", f"form-action 'self' {form_action}")
    response["Content-Security-Policy"] = policy
    return response


@require_GET
def enter(request, token: str):
    """The one-time link from a framed launch, opened in a window of its own."""
    used = entry.use_entry(token)
    if used is None:
        refusal = launching.LaunchRefused(
            _("Ce lien a expiré ou a déjà servi. Relancez l’activité depuis votre cours.")
        )
        return _refused(request, refusal)
    user, next_url = used
    login(request, user, backend=auth.BACKEND)
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = "/"
    return redirect(next_url)


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
