"""Who is a teacher, who is a student: Django groups, created by a migration."""

from django.contrib.auth.models import Group

TEACHERS = "Enseignants"
STUDENTS = "Élèves"
ROLE_GROUPS = {"teacher": TEACHERS, "student": STUDENTS}


def assign_role(user, role: str) -> None:
    group_name = ROLE_GROUPS.get(role)
    if group_name:
        group, _ = Group.objects.get_or_create(name=group_name)
        user.groups.add(group)


def is_teacher(user) -> bool:
    return user.is_authenticated and user.groups.filter(name=TEACHERS).exists()


def may_be_enrolled(user) -> bool:
    """Only pupils sit in a class: never a teacher, staff or an administrator (whoever asks)."""
    return (
        user.is_authenticated
        and user.is_active
        and not user.is_staff
        and not user.is_superuser
        and not is_teacher(user)
    )


SESSION_KEY = "quizsite_is_teacher"


def remember_role(sender, request, user, **kwargs) -> None:
    """At login, note in the session whether the user teaches, so every page's navigation
    knows it without a query (connected to user_logged_in in QuizzesConfig.ready)."""
    if request is not None and hasattr(request, "session"):
        request.session[SESSION_KEY] = is_teacher(user)


def navigation(request) -> dict:
    """Context processor: which navigation the user gets."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not hasattr(request, "session"):
        return {"nav_is_teacher": False}
    if SESSION_KEY not in request.session:
        request.session[SESSION_KEY] = is_teacher(user)
    return {"nav_is_teacher": request.session[SESSION_KEY]}
