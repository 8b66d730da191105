"""`manage.py setup_demo`: demo accounts (admin, teacher, student), the demo class and a text
of the demo teacher's own, queued for reading. Idempotent.

Passwords: `make run` (DEBUG on) gives the accounts the passwords the README publishes; with
DEBUG off (`make prod`, a server) each new account gets a random password printed once, and an
account that still has its published password gets a random one too (the README is public).
A password someone changed is never reset unless `--reset-passwords` is given.

With DEBUG on (`make run`), or `--history`, the demo class also gets about 25 pupils with three
weeks of attempts on its set (quizzes.demo_history), built once. Never on a server by default:
fake pupils have no place in a real school's database."""

import argparse
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

DEMO_TEXT = Path(settings.BASE_DIR) / "fixtures" / "texts" / "chute_du_mur_de_berlin.txt"

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

    def add_arguments(self, parser):
        parser.add_argument(
            "--passwords",
            choices=["published", "random"],
            default=None,
            help=(
                "published : les mots de passe du README (par défaut avec DEBUG, make run) ; "
                "random : des mots de passe tirés au hasard, affichés une fois (par défaut sans "
                "DEBUG, make prod)."
            ),
        )
        parser.add_argument(
            "--reset-passwords",
            action="store_true",
            help="Redonne un mot de passe aux comptes de démonstration qui existent déjà.",
        )
        parser.add_argument(
            "--history",
            action=argparse.BooleanOptionalAction,
            default=None,
            help=(
                "Donne à la classe de démonstration environ 25 élèves et trois semaines de "
                "tentatives (par défaut avec DEBUG, make run ; jamais refait s’il existe)."
            ),
        )

    def handle(self, *args, **options):
        from quizzes.default_sets import ensure_default_sets
        from quizzes.roles import assign_role

        ensure_default_sets()
        published = (options["passwords"] or ("published" if settings.DEBUG else "random")) == (
            "published"
        )

        User = get_user_model()
        shown = []
        for username, password, role, is_staff, is_superuser in DEMO_ACCOUNTS:
            user, created = User.objects.get_or_create(username=username)
            user.is_staff = is_staff
            user.is_superuser = is_superuser
            still_published = not created and user.check_password(password)
            if created or options["reset_passwords"] or (still_published and not published):
                new_password = password if published else secrets.token_urlsafe(12)
                user.set_password(new_password)
                shown.append((role, username, new_password))
            elif still_published:
                shown.append((role, username, password))
            else:
                shown.append((role, username, None))
            user.save()
            assign_role(user, role)
        classroom, question_set = self._demo_class(User)
        demo_source = self._demo_source(User)
        history = settings.DEBUG if options["history"] is None else options["history"]
        written = 0
        if history:
            from quizzes.demo_history import build_history

            written = build_history(classroom=classroom, question_set=question_set)
        self.stdout.write("Comptes de démonstration :")
        for role, username, password in shown:
            said = f"mot de passe « {password} »" if password else "mot de passe inchangé"
            self.stdout.write(f"  {role:8} identifiant « {username} », {said}")
        self.stdout.write(
            f"Classe de démonstration « {classroom.name} » (code d’inscription "
            f"{classroom.join_code}), avec l’élève « eleve » et une série publiée."
        )
        if written:
            self.stdout.write(
                f"Historique de la classe de démonstration : {written} tentatives sur trois "
                "semaines."
            )
        self.stdout.write(
            f"Texte de démonstration de « prof » : « {demo_source.title} » (lu en arrière-plan "
            "par le processus de traitement ; propositions à examiner dans « Mes textes »)."
        )

    def _demo_source(self, User):
        """A text of the demo teacher's own, read by the background worker, so « Mes textes »
        shows proposals to review from the first run."""
        from quizzes.models import Source
        from quizzes.source_reading import create_source

        teacher = User.objects.get(username="prof")
        title = "La chute du mur de Berlin (1989)"
        existing = Source.objects.filter(owner=teacher, title=title).first()
        if existing:
            return existing
        text = DEMO_TEXT.read_text(encoding="utf-8")
        return create_source(
            owner=teacher,
            title=title,
            author="Texte de démonstration",
            language="fr",
            text=text,
            filename=DEMO_TEXT.name,
        )

    def _demo_class(self, User):
        """The demo teacher's class, the demo student in it, and one published set (both
        returned)."""
        from quizzes.default_sets import DEMO_CLASS_SET, ensure_set
        from quizzes.models import Classroom, Enrollment

        teacher = User.objects.get(username="prof")
        classroom, _ = Classroom.objects.get_or_create(
            teacher=teacher, name="3e B (démo)", defaults={"join_code": "DEMO43"}
        )
        Enrollment.objects.get_or_create(
            classroom=classroom, student=User.objects.get(username="eleve")
        )
        # Brought up to date only while the demo teacher has not edited it (default_sets).
        question_set = ensure_set(DEMO_CLASS_SET, owner=teacher)
        question_set.classrooms.add(classroom)
        return classroom, question_set
