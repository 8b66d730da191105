"""Single sign-on: the platform's user (issuer + sub) becomes, or is linked to, a quizsite
account with the role the launch gives them.

Only launches make accounts; an existing account is only ever linked by an admin (a
PlatformAccount added in the admin), never by a name or an e-mail address a platform sends.
Staff and administrators never sign in through a platform, and a platform cannot turn a
pupil's account into a teacher's.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from lti_tool.lti_core.constants import ContextRole
from lti_tool.lti_core.utils import normalize_role
from lti_tool.models import LtiUser

from quizzes.roles import assign_role, is_teacher
from quizzes.usernames import new_username, taken_skeletons
from quizzes_lti.models import PlatformAccount

TEACHER = "teacher"
STUDENT = "student"
# Who teaches in a course: its instructors, and the platform's administrators and content
# developers acting in it. Learners are pupils; any other role (mentor...) has no quizsite role.
_TEACHING_ROLES = {ContextRole.INSTRUCTOR, ContextRole.ADMINISTRATOR, ContextRole.CONTENT_DEVELOPER}


class AccountRefused(Exception):
    """This platform user may not sign in (HTTP 403, the message says why)."""


def role_from_claim(roles: list[str] | None) -> str | None:
    """« teacher », « student » or None, from the launch's roles claim (full URIs or the short
    names some platforms send)."""
    normalized = {normalize_role(role) for role in roles or []}
    if normalized & _TEACHING_ROLES:
        return TEACHER
    if ContextRole.LEARNER in normalized:
        return STUDENT
    return None


def account_for(*, issuer: str, subject: str, role: str, given_name: str, family_name: str):
    """The quizsite account of this platform user, made at their first launch."""
    link = PlatformAccount.objects.select_related("user").filter(issuer=issuer, subject=subject)
    account = link.first()
    if account is None:
        try:
            account = _new_account(issuer, subject, role, given_name, family_name)
        except IntegrityError:  # the same user's first launch in another tab won the race
            account = link.get()
    _refuse_unless_allowed(account.user, role)
    return account.user


def _new_account(issuer, subject, role, given_name, family_name) -> PlatformAccount:
    full_name = f"{given_name} {family_name}".strip()
    fallback = "enseignant" if role == TEACHER else "eleve"
    with transaction.atomic():
        user = get_user_model()(
            username=new_username(full_name or fallback, taken_skeletons()),
            first_name=given_name[:150],
            last_name=family_name[:150],
        )
        user.set_unusable_password()  # they sign in through their platform only
        user.save()
        assign_role(user, role)
        return PlatformAccount.objects.create(issuer=issuer, subject=subject, user=user)


def _refuse_unless_allowed(user, role: str) -> None:
    if not user.is_active:
        raise AccountRefused(_("Ce compte quizsite est désactivé."))
    if user.is_staff or user.is_superuser:
        raise AccountRefused(
            _(
                "Les comptes d’administration de quizsite ne se connectent pas depuis une "
                "plateforme : connectez-vous directement sur quizsite."
            )
        )
    if role == TEACHER and not is_teacher(user):
        raise AccountRefused(
            _(
                "La plateforme vous présente comme enseignant, mais votre compte quizsite est "
                "un compte d’élève. Un administrateur de quizsite peut changer son rôle."
            )
        )


def forget_platform_users(sender, instance, **kwargs) -> None:
    """pre_delete receiver: an account deleted, what its platforms said of it (django-lti's
    LtiUser: names, e-mail, picture) goes too; django-lti itself would only unlink it."""
    LtiUser.objects.filter(auth_user=instance).delete()
