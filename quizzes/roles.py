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
