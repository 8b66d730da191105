"""`manage.py setup_demo`: demo accounts (admin, teacher, student). Idempotent."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

DEMO_ACCOUNTS = [
    # username, password, role, is_staff, is_superuser
    ("admin", "admin-demo-2026", "admin", True, True),
    ("prof", "prof-demo-2026", "teacher", False, False),
    ("eleve", "eleve-demo-2026", "student", False, False),
]


class Command(BaseCommand):
    help = (
        "Crée (ou remet à zéro) les comptes de démonstration (admin, prof, élève) "
        "et les séries de questions par défaut."
    )

    def handle(self, *args, **options):
        from quizzes.default_sets import ensure_default_sets
        from quizzes.roles import assign_role

        ensure_default_sets()

        User = get_user_model()
        for username, password, role, is_staff, is_superuser in DEMO_ACCOUNTS:
            user, _ = User.objects.get_or_create(username=username)
            user.is_staff = is_staff
            user.is_superuser = is_superuser
            user.set_password(password)
            user.save()
            assign_role(user, role)
        self.stdout.write("Comptes de démonstration :")
        for username, password, role, *_ in DEMO_ACCOUNTS:
            self.stdout.write(f"  {role:8} identifiant « {username} », mot de passe « {password} »")
