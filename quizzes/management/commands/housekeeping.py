"""Delete what quizsite no longer keeps (visitors' trial attempts and sessions after a day,
expired sessions), now or as a recurring task on the worker."""

from datetime import timedelta

from django.core.management.base import BaseCommand

from quizzes.housekeeping import purge_expired_data, schedule_next


class Command(BaseCommand):
    help = (
        "Supprime les données qui ne sont plus conservées (tentatives d’essai des visiteurs, "
        "sessions expirées). Avec --schedule : met en file la tâche récurrente du worker."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--schedule",
            action="store_true",
            help="Met en file la tâche de ménage récurrente de `manage.py db_worker` (une seule fois).",
        )

    def handle(self, *args, schedule: bool, **options):
        if schedule:
            queued = schedule_next(delay=timedelta(0))
            self.stdout.write(
                "Ménage des données : tâche mise en file (le worker la relance toutes les heures)."
                if queued
                else "Ménage des données : tâche déjà en file."
            )
            return
        deleted = purge_expired_data()
        removed = ", ".join(f"{name}: {count}" for name, count in deleted.items())
        self.stdout.write(f"Données supprimées — {removed}.")
