"""Write a source and its facts as a Django fixture with natural keys, loadable with
`loaddata` into another database (the source keeps its stable id; entities and facts are
matched by name and statement, so loading twice updates instead of duplicating). Who acts for
whom (ActsFor), which sides were enemies (Opposes) and the orders the source states
(EventOrder) go with them, keyed by the names and statements they link: the questions built
from the loaded copy are the same."""

from __future__ import annotations

from pathlib import Path

from django.core import serializers
from django.core.management.base import BaseCommand, CommandError

from quizzes.models import ActsFor, EventOrder, Opposes, Source

SOURCE_FIELDS = [
    "uid",
    "title",
    "author",
    "language",
    "text",
    "site_wide",
    "original_filename",
    "created_at",
]
ENTITY_FIELDS = ["source", "name", "kind"]
FACT_FIELDS = [
    "source",
    "kind",
    "text",
    "subject",
    "relation",
    "object",
    "date_label",
    "date_start",
    "date_end",
    "date_precision",
    "quote",
    "quote_start",
    "teacher_note",
    "origin",
    "created_at",
]
ACTS_FOR_FIELDS = ["agent", "principal"]
EVENT_ORDER_FIELDS = ["earlier", "later", "quote", "quote_start"]
OPPOSES_FIELDS = ["first", "second", "quote", "quote_start"]


def source_fixture(source: Source) -> str:
    """The fixture text of one source (JSON). Who owns and who wrote the facts stays behind:
    accounts are not the same from one database to another."""

    def dump(objects, fields):
        return serializers.serialize(
            "json",
            objects,
            fields=fields,
            use_natural_foreign_keys=True,
            use_natural_primary_keys=True,
            indent=2,
        )

    import json

    parts = [
        json.loads(dump([source], SOURCE_FIELDS)),
        json.loads(dump(source.entities.order_by("name"), ENTITY_FIELDS)),
        json.loads(
            dump(
                source.facts.select_related("subject", "source").order_by(
                    "quote_start", "kind", "pk"
                ),
                FACT_FIELDS,
            )
        ),
        json.loads(
            dump(
                ActsFor.objects.filter(agent__source=source)
                .select_related("agent__source", "principal")
                .order_by("agent__name", "principal__name"),
                ACTS_FOR_FIELDS,
            )
        ),
        json.loads(
            dump(
                Opposes.objects.of_sources([source])
                .select_related("first__source", "second")
                .order_by("first__name", "second__name"),
                OPPOSES_FIELDS,
            )
        ),
        json.loads(
            dump(
                EventOrder.objects.of_source(source)
                .select_related("earlier__source", "later")
                .order_by("earlier__date_start", "earlier__text", "later__text"),
                EVENT_ORDER_FIELDS,
            )
        ),
    ]
    return (
        json.dumps([item for part in parts for item in part], ensure_ascii=False, indent=2) + "\n"
    )


class Command(BaseCommand):
    help = "Export a source and its facts as a Django fixture (natural keys)."

    def add_arguments(self, parser):
        parser.add_argument("source_id", help="the source's id (number) or stable id (uuid)")
        parser.add_argument("--output", "-o", help="file to write (standard output by default)")

    def handle(self, *args, source_id, output, **options):
        lookup = {"pk": source_id} if source_id.isdigit() else {"uid": source_id}
        try:
            source = Source.objects.filter(**lookup).first()
        except Exception as error:  # a malformed uuid
            raise CommandError(f"source inconnue : {source_id}") from error
        if source is None:
            raise CommandError(f"source inconnue : {source_id}")
        text = source_fixture(source)
        if output:
            Path(output).write_text(text, encoding="utf-8")
            self.stderr.write(
                f"{source.facts.count()} faits de « {source.title} » écrits dans {output}"
            )
        else:
            self.stdout.write(text, ending="")
