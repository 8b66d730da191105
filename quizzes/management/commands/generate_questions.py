"""`manage.py generate_questions`: draw questions from the fact base, reproducibly.

Question i is drawn with the seed "{seed}:{i}", so the same arguments print the same output,
byte for byte. Facts are read from the database and adapted to the engine once; the engine
itself never touches Django.
"""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError

from quizzes.engine.chronology import DIFFICULTIES, MEDIUM, ChronologyBank
from quizzes.engine.matching import DATE, MAX_PAIRS, DateBank, RelationBank
from quizzes.engine.questions import (
    MAX_CHRONOLOGY_ITEMS,
    MIN_CHRONOLOGY_ITEMS,
    NotEnoughFacts,
)
from quizzes.models import Fact, Source
from quizzes.question_builder import ALL_RELATIONS, event_fact, relation_fact

CHRONOLOGY = "chronology"
MATCHING = "matching"
KINDS = (CHRONOLOGY, MATCHING)
FORMATS = ("json", "text")
MIN_PAIRS = 2
DEFAULT_ITEMS = 4
KIND_NAMES = {CHRONOLOGY: "chronologie", MATCHING: "association"}


def _choices(values) -> str:
    return ", ".join(values)


class Command(BaseCommand):
    help = (
        "Génère des questions (chronologie ou association) à partir des faits de la base. "
        "La question n° i est tirée avec la graine « GRAINE:i » : mêmes arguments, même sortie."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--kind",
            default=CHRONOLOGY,
            help=f"type de question : {_choices(KINDS)} (défaut : {CHRONOLOGY})",
        )
        parser.add_argument(
            "--count", type=int, default=10, help="nombre de questions (défaut : 10)"
        )
        parser.add_argument(
            "--seed", default="0", help="graine du tirage (texte libre, défaut : 0)"
        )
        parser.add_argument(
            "--items",
            type=int,
            default=DEFAULT_ITEMS,
            help=(
                f"événements par chronologie ({MIN_CHRONOLOGY_ITEMS} à {MAX_CHRONOLOGY_ITEMS}) "
                f"ou paires par association ({MIN_PAIRS} à {MAX_PAIRS}) ; défaut : {DEFAULT_ITEMS}"
            ),
        )
        parser.add_argument(
            "--format",
            default="json",
            help=f"format de sortie : {_choices(FORMATS)} (défaut : json)",
        )
        parser.add_argument(
            "--relation",
            default=None,
            help=(
                f"association seulement : {_choices(ALL_RELATIONS)} ; sans cette option, les "
                "questions alternent entre les relations qui réunissent assez de paires"
            ),
        )
        parser.add_argument(
            "--difficulty",
            default=MEDIUM,
            help=f"chronologie seulement : {_choices(DIFFICULTIES)} (défaut : {MEDIUM})",
        )
        parser.add_argument(
            "--distractors",
            type=int,
            default=0,
            help="association seulement : réponses en trop, qui ne vont avec rien (défaut : 0)",
        )
        parser.add_argument(
            "--source",
            type=int,
            default=None,
            help="n° (clé primaire) de la source dont les faits sont utilisés (défaut : toutes)",
        )

    def handle(self, *args, **options):
        kind, output = options["kind"], options["format"]
        count, n_items = options["count"], options["items"]
        self._check_options(options)
        facts = self._facts(options["source"])
        seed = options["seed"]
        try:
            if kind == CHRONOLOGY:
                questions = self._chronology(facts, count, n_items, seed, options["difficulty"])
            else:
                questions = self._matching(
                    facts, count, n_items, seed, options["relation"], options["distractors"]
                )
        except ValueError as error:  # NotEnoughFacts included: its message is for a teacher.
            raise CommandError(str(error)) from error
        if output == "json":
            text = json.dumps([q.to_dict() for q in questions], ensure_ascii=False, indent=2)
        else:
            text = "\n\n".join(
                f"Question {number} ({KIND_NAMES[question.kind]})\n{question.to_text()}"
                for number, question in enumerate(questions, 1)
            )
        self.stdout.write(text)

    def _check_options(self, options) -> None:
        kind = options["kind"]
        checks = [
            ("--kind", kind, KINDS),
            ("--format", options["format"], FORMATS),
            ("--difficulty", options["difficulty"], DIFFICULTIES),
        ]
        if options["relation"] is not None:
            checks.append(("--relation", options["relation"], ALL_RELATIONS))
        for option, value, allowed in checks:
            if value not in allowed:
                raise CommandError(
                    f"{option} : valeur inconnue « {value} » (valeurs possibles : "
                    f"{_choices(allowed)})."
                )
        if options["count"] < 1:
            raise CommandError(f"--count doit valoir au moins 1 (demandé : {options['count']}).")
        if options["distractors"] < 0:
            raise CommandError(
                f"--distractors ne peut pas être négatif (demandé : {options['distractors']})."
            )
        low, high, what = (
            (MIN_CHRONOLOGY_ITEMS, MAX_CHRONOLOGY_ITEMS, "événements par chronologie")
            if kind == CHRONOLOGY
            else (MIN_PAIRS, MAX_PAIRS, "paires par association")
        )
        if not low <= options["items"] <= high:
            raise CommandError(
                f"--items : de {low} à {high} {what} (demandé : {options['items']})."
            )

    def _facts(self, source_id: int | None) -> list[Fact]:
        facts = Fact.objects.for_engine()
        where = "dans la base"
        if source_id is not None:
            source = Source.objects.filter(pk=source_id).first()
            if source is None:
                raise CommandError(f"Aucune source n° {source_id} dans la base.")
            facts = facts.filter(source=source)
            where = f"dans la source n° {source_id} « {source.title} »"
        facts = list(facts)
        if not facts:
            raise CommandError(
                f"Aucun fait {where} : chargez d’abord des faits "
                "(python manage.py loaddata fixtures/*.json)."
            )
        return facts

    def _chronology(self, facts, count, n_items, seed, difficulty):
        events = [event_fact(fact) for fact in facts if fact.kind == Fact.Kind.EVENT]
        if not events:
            raise CommandError(
                "Aucun événement daté parmi les faits : pas de chronologie possible."
            )
        bank = ChronologyBank(events)
        try:
            return [bank.question(n_items, f"{seed}:{index}", difficulty) for index in range(count)]
        except NotEnoughFacts as error:
            hint = ""
            if bank.max_items >= MIN_CHRONOLOGY_ITEMS:
                hint = f" Demandez au plus {bank.max_items} événements (--items)."
            raise CommandError(f"{error}{hint}") from error

    def _matching(self, facts, count, n_pairs, seed, relation, n_distractors):
        events = [event_fact(fact) for fact in facts if fact.kind == Fact.Kind.EVENT]
        relation_facts = [relation_fact(fact) for fact in facts if fact.relation]
        banks = {}
        refusals = []
        for name in [relation] if relation else ALL_RELATIONS:
            bank = DateBank(events) if name == DATE else RelationBank(relation_facts, name)
            try:
                # A fixed probe seed: the same facts always give the same rotation.
                bank.question(n_pairs, "probe", 0)
            except NotEnoughFacts as error:
                if relation:
                    raise
                refusals.append(f"  {name} : {error}")
                continue
            banks[name] = bank
        if not banks:
            raise CommandError(
                f"Aucune relation ne réunit {n_pairs} paires sans ambiguïté :\n"
                + "\n".join(refusals)
            )
        names = list(banks)
        return [
            banks[names[index % len(names)]].question(n_pairs, f"{seed}:{index}", n_distractors)
            for index in range(count)
        ]
