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
            help="Queue the recurring housekeeping task for `manage.py db_worker` (idempotent).",
        )

    def handle(self, *args, schedule: bool, **options):
        if schedule:
            queued = schedule_next(delay=timedelta(0))
            self.stdout.write(
                "housekeeping task queued" if queued else "housekeeping task already queued"
            )
            return
        deleted = purge_expired_data()
        self.stdout.write(", ".join(f"{name}: {count}" for name, count in deleted.items()))
