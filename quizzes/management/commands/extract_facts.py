"""Read a text file and print the facts quizsite proposes for it, without the database."""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from quizzes.extraction.language import detect_language
from quizzes.extraction.nlp import LANGUAGES
from quizzes.extraction.reading import UnreadableDocument, read_document


class Command(BaseCommand):
    help = "Propose the facts of a text file (.txt, .md, .pdf, .docx, .odt): dated events, people and roles, places, figures."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("file", help="the text to read")
        parser.add_argument("--language", choices=LANGUAGES, help="fr or en (detected when absent)")
        parser.add_argument("--format", choices=["json", "text"], default="text")

    def handle(self, *args, file, language, format, **options):
        from quizzes.extraction.pipeline import extract

        path = Path(file)
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"{file} : fichier illisible ({error.strerror or error})") from error
        try:
            raw = read_document(path.name, data)
        except UnreadableDocument as error:
            raise CommandError(f"{file} : {error}") from error
        text = raw
        if path.suffix.lower() in {".txt", ".md"}:
            # A UTF-8 text file is read exactly as it is (byte-order mark, CRLF, trailing
            # spaces included), so quote_start indexes the file's own text; read_document
            # above only checked that it is readable text.
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                text = raw
        language = language or detect_language(text)
        if language is None:
            raise CommandError(
                f"{file} : ce texte ne semble être ni en français ni en anglais (précisez --language)"
            )
        found = extract(text, language)
        if format == "json":
            payload = {"candidates": [candidate.as_json() for candidate in found]}
            self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2))
            return
        for candidate in found:
            date = (
                f" [{candidate.date_label} → {candidate.date_start}..{candidate.date_end}]"
                if candidate.date_label
                else ""
            )
            relation = (
                f" ({candidate.subject} —{candidate.relation}→ {candidate.object})"
                if candidate.relation
                else ""
            )
            self.stdout.write(f"{candidate.kind:7} {candidate.text}{date}{relation}")
            self.stdout.write(f"        « {candidate.quote} » @{candidate.quote_start}")
        self.stdout.write(f"{len(found)} propositions.")
