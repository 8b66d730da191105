"""`manage.py validate_facts [FIXTURE ...]`: check every fact, and every opposition between
sides, against its source."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from quizzes.factcheck.whole_base import collect_problems, records_from_fixture
from quizzes.models import Fact, Opposes


class Command(BaseCommand):
    help = (
        "Vérifie chaque fait : citation présente mot pour mot dans la source, plage de dates "
        "bien formée et conforme à la précision du libellé, pas de doublon ; citation de chaque "
        "opposition entre camps présente dans la source. Sans argument, "
        "vérifie les faits de la base ; avec des fichiers de fixtures, les vérifie sans les charger."
    )

    def add_arguments(self, parser):
        parser.add_argument("fixtures", nargs="*", type=Path, help="fichiers de fixtures JSON")

    def handle(self, *args, fixtures, **options):
        if fixtures:
            facts, oppositions = [], []
            for path in fixtures:
                try:
                    more_facts, more_oppositions = records_from_fixture(path)
                except ValueError as error:
                    raise CommandError(str(error)) from error
                facts += more_facts
                oppositions += more_oppositions
        else:
            facts = list(Fact.objects.select_related("source", "subject").order_by("pk"))
            oppositions = list(
                Opposes.objects.select_related("first__source", "second").order_by("pk")
            )
        problems = collect_problems(facts, oppositions)
        if problems:
            for problem in problems:
                self.stderr.write(problem)
            raise CommandError(f"{len(problems)} problème(s) dans {len(facts)} fait(s).")
        self.stdout.write(
            self.style.SUCCESS(
                f"{len(facts)} faits et {len(oppositions)} opposition(s) vérifiés, aucun problème."
            )
        )
