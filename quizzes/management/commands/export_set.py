"""`manage.py export_set SET_ID --format moodle|qti3 [--variants N] [--output FILE]`: a question
set's pinned questions and N drawn variants as Moodle XML (to standard output by default) or as
a QTI 3.0 package (a zip file, so --output is required)."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from quizzes.engine.questions import NotEnoughFacts
from quizzes.exports.formats import EXPORT_FORMATS, export_set
from quizzes.exports.questions import DEFAULT_VARIANTS, MAX_VARIANTS
from quizzes.models import QuestionSet


class Command(BaseCommand):
    help = "Exporte une série de questions en Moodle XML ou en paquet QTI 3.0."

    def add_arguments(self, parser):
        parser.add_argument("set_id", type=int)
        parser.add_argument("--format", choices=sorted(EXPORT_FORMATS), default="moodle")
        parser.add_argument("--variants", type=int, default=DEFAULT_VARIANTS)
        parser.add_argument("--output", help="fichier à écrire (sinon la sortie standard)")

    def handle(self, *args, set_id, format, variants, output, **options):
        if not 1 <= variants <= MAX_VARIANTS:
            raise CommandError(f"--variants : de 1 à {MAX_VARIANTS}.")
        if format == "qti3" and not output:
            raise CommandError("Un paquet QTI est un fichier zip : précisez --output.")
        question_set = QuestionSet.objects.filter(pk=set_id).first()
        if question_set is None:
            raise CommandError(f"Aucune série n°{set_id}.")
        try:
            content = export_set(question_set, export_format=format, variants=variants)
        except NotEnoughFacts as error:
            raise CommandError(str(error)) from None
        if output:
            with open(output, "wb") as target:
                target.write(content)
            return
        self.stdout.write(content.decode("utf-8"), ending="")
