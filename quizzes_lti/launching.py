"""An LTI 1.3 launch, from the OIDC login to the page the user lands on: the platform's signed
id_token is validated (pylti1p3), its data recorded (django-lti), then the user is signed in
(quizzes_lti.accounts), put in the course's class (quizzes_lti.courses), and sent to the set
the link points at, or to the set picker of a deep-linking request. Inside the platform's frame
the answer is a page of its own (quizzes_lti.views), as quizsite's pages are never framed."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from urllib.parse import urlsplit

import jwt
from django.contrib.auth import login
from django.urls import Resolver404, resolve, reverse
from django.utils.translation import gettext as _
from lti_tool.models import Key, LtiLaunch, LtiUser
from lti_tool.utils import DjangoToolConfig, sync_data_from_launch
from pylti1p3.exception import LtiException, OIDCException

from quizsite import auth
from quizzes.models import QuestionSet
from quizzes_lti import deep_linking
from quizzes_lti.accounts import TEACHER, AccountRefused, account_for, role_from_claim
from quizzes_lti.courses import NoClassYet, class_of_course, enrol_learner
from quizzes_lti.grades import remember_grade_link
from quizzes_lti.storage import OneTimeMessageLaunch, oidc_login

logger = logging.getLogger("quizsite.lti")

TARGET_LINK_URI = "https://purl.imsglobal.org/spec/lti/claim/target_link_uri"
# What a malformed token or a platform answering nonsense raises inside pylti1p3.
_INVALID_LAUNCH = (LtiException, jwt.PyJWTError, KeyError, TypeError, ValueError, AttributeError)


@dataclass(frozen=True)
class Landing:
    """Where a launch leads: `url` for its user, or the set picker of a deep-linking request
    (its signed state); `framed` when the platform shows quizsite inside its page, which
    `frame_ancestor` (the platform's origin, or *) may then do for the launch's answer."""

    user: object
    url: str = ""
    deep_link_state: str = ""
    framed: bool = False
    frame_ancestor: str = "*"


class LaunchRefused(Exception):
    """The launch cannot go on (HTTP `status`): the message is for the user, `detail` for the
    admin (shown in small print, and logged)."""

    def __init__(self, message: str, *, status: int = 403, detail: str = ""):
        super().__init__(message)
        self.status = status
        self.detail = detail


def ensure_tool_key() -> None:
    """The tool signs with its newest active key (`manage.py rotate_keys` makes the next one);
    a site whose admin has not made one yet gets one at the first login."""
    if not Key.objects.active().exists():
        Key.objects.generate()


def login_redirect(request, registration_uuid):
    """Answer the platform's OIDC login initiation: a redirect to its authorization endpoint,
    with a state cookie and a nonce, asking it to post the id_token to the launch URL."""
    params = request.POST if request.method == "POST" else request.GET
    if _has_nul(params):
        raise LaunchRefused(
            _("La demande de connexion de la plateforme est incomplète."),
            status=400,
            detail="NUL character in a parameter",
        )
    if not params.get("target_link_uri"):
        raise LaunchRefused(
            _("La demande de connexion de la plateforme est incomplète."),
            status=400,
            detail="Missing target_link_uri",
        )
    ensure_tool_key()
    try:
        return oidc_login(request, DjangoToolConfig(registration_uuid)).redirect(
            request.build_absolute_uri(reverse("lti_launch"))
        )
    except (OIDCException, LtiException) as error:
        logger.warning("LTI login refused: %s", error)
        raise LaunchRefused(
            _("Cette plateforme n’est pas enregistrée dans quizsite, ou pas activée."),
            status=400,
            detail=str(error),
        ) from error


def _has_nul(params) -> bool:
    """Text PostgreSQL cannot store (nor look up): never from an honest platform."""
    return any("\x00" in value for _name, values in params.lists() for value in values)


def validated_launch(request) -> LtiLaunch:
    """The launch, once its id_token is known to be signed by the registered platform, fresh,
    for this tool, answering our login (state), and never seen before (nonce)."""
    try:
        if _has_nul(request.POST):
            raise LtiException("NUL character in a parameter")
        message_launch = OneTimeMessageLaunch(request, DjangoToolConfig())
        message_launch.validate()
    except _INVALID_LAUNCH as error:
        logger.warning("LTI launch refused: %s", error)
        raise LaunchRefused(
            _(
                "Le lancement depuis la plateforme a été refusé : son jeton est invalide, expiré "
                "ou déjà utilisé. Relancez l’activité depuis votre cours."
            ),
            detail=str(error),
        ) from error
    return LtiLaunch(message_launch)


def start(request) -> Landing:
    """Sign the launch's user in and say where they land."""
    lti_launch = validated_launch(request)
    role = _check_launch(lti_launch)
    sync_data_from_launch(lti_launch)
    try:
        user = account_for(
            issuer=lti_launch.get_claim("iss"),
            subject=lti_launch.get_claim("sub"),
            role=role,
            given_name=lti_launch.get_claim("given_name") or "",
            family_name=lti_launch.get_claim("family_name") or "",
        )
        if role == TEACHER:
            classroom = class_of_course(lti_launch.context, teacher=user)
        else:
            classroom = enrol_learner(lti_launch.context, user)
    except (AccountRefused, NoClassYet) as error:
        raise LaunchRefused(str(error)) from error
    LtiUser.objects.filter(pk=lti_launch.user.pk).update(auth_user=user)
    login(request, user, backend=auth.BACKEND)
    framing = {
        "framed": lti_launch.document_target in ("iframe", "frame"),
        "frame_ancestor": _platform_origin(lti_launch),
    }
    if lti_launch.is_deep_link_launch:
        state = deep_linking.request_state(lti_launch=lti_launch, classroom=classroom, teacher=user)
        return Landing(user=user, deep_link_state=state, **framing)
    question_set = _target_set(lti_launch)
    if question_set is None:
        url = reverse("teacher_sets" if role == TEACHER else "student_home")
    elif role == TEACHER:
        url = _teacher_landing(user, question_set, classroom)
    else:
        remember_grade_link(
            user=user,
            question_set=question_set,
            registration=lti_launch.registration,
            subject=lti_launch.get_claim("sub"),
            ags_claim=lti_launch.ags_claim,
        )
        url = reverse("lti_set", args=[question_set.pk])
    return Landing(user=user, url=url, **framing)


def _platform_origin(lti_launch: LtiLaunch) -> str:
    """The platform's page that frames quizsite: the origin of its return URL (deep linking's,
    or the launch's), * when it gives none."""
    settings_claim = lti_launch.get_claim(deep_linking.SETTINGS_CLAIM) or {}
    presentation = lti_launch.launch_presentation_claim or {}
    url = settings_claim.get("deep_link_return_url") or presentation.get("return_url") or ""
    parts = urlsplit(url)
    if parts.scheme in ("http", "https") and parts.netloc:
        return f"{parts.scheme}://{parts.netloc}"
    return "*"


def _check_launch(lti_launch: LtiLaunch) -> str:
    """Refuse, before anything is recorded, what quizsite does not serve; returns the role."""
    if not lti_launch.deployment.is_active:
        raise LaunchRefused(
            _(
                "Ce déploiement de la plateforme n’est pas encore activé dans quizsite : un "
                "administrateur de quizsite doit l’activer."
            ),
            detail=f"deployment_id={lti_launch.deployment.deployment_id}",
        )
    if not (lti_launch.is_resource_launch or lti_launch.is_deep_link_launch):
        raise LaunchRefused(_("quizsite ne sait pas répondre à ce type de lancement."))
    if not lti_launch.get_claim("sub") or not lti_launch.context_claim:
        raise LaunchRefused(_("quizsite s’ouvre depuis un cours, par un utilisateur connecté."))
    role = role_from_claim(lti_launch.roles_claim)
    if role is None:
        raise LaunchRefused(_("Votre rôle dans ce cours ne donne pas accès à quizsite."))
    if lti_launch.is_deep_link_launch:
        settings_claim = lti_launch.get_claim(deep_linking.SETTINGS_CLAIM)
        if role != TEACHER:
            raise LaunchRefused(_("Seuls les enseignants ajoutent des séries à un cours."))
        if not deep_linking.accepts_resource_links(settings_claim):
            raise LaunchRefused(_("La plateforme n’accepte pas de lien vers une série ici."))
    return role


def _target_set(lti_launch: LtiLaunch) -> QuestionSet | None:
    """The set the link points at: its URL, given by deep linking, is the launch's target."""
    path = urlsplit(lti_launch.get_claim(TARGET_LINK_URI) or "").path
    try:
        match = resolve(path)
    except Resolver404:
        return None
    if match.url_name != "lti_set":
        return None
    return QuestionSet.objects.filter(pk=match.kwargs["set_id"]).first()


def _teacher_landing(teacher, question_set: QuestionSet, classroom) -> str:
    """The set's results in the course's class, for the teacher who owns both; the set's page
    for its owner; their own sets otherwise."""
    if question_set.owner_id != teacher.pk:
        return reverse("teacher_sets")
    if classroom.teacher_id == teacher.pk:
        question_set.classrooms.add(classroom)
        return reverse("teacher_results_detail", args=[classroom.pk, question_set.pk])
    return reverse("teacher_set_edit", args=[question_set.pk])
