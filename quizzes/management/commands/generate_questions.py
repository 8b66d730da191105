"""`manage.py generate_questions`: draw questions from the fact base, reproducibly.

Question i is drawn with the seed "{seed}:{i}", so the same arguments print the same output,
byte for byte. Every kind the question builder knows, drawn from the builder's own FactBank: the
same adaptation of the facts, the orders the source states (chronologies, « which came
first? ») and who acts for whom (matching). The engine itself never touches Django.
"""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError

from quizzes.engine.chronology import DIFFICULTIES, MEDIUM
from quizzes.engine.questions import (
    CHRONOLOGY,
    MATCHING,
    MAX_CHRONOLOGY_ITEMS,
    MAX_PAIRS,
    MIN_CHRONOLOGY_ITEMS,
    MIN_PAIRS,
    NotEnoughFacts,
)
from quizzes.engine.quiz import KIND_NAMES as SEEDED_KIND_NAMES
from quizzes.models import Fact, Source
from quizzes.question_builder import ALL_RELATIONS, SEEDED_KINDS, FactBank

KINDS = (CHRONOLOGY, MATCHING, *SEEDED_KINDS)
FORMATS = ("json", "text")
DEFAULT_ITEMS = 4
KIND_NAMES = {
    CHRONOLOGY: "chronologie",
    MATCHING: "association",
    **{kind: SEEDED_KIND_NAMES[kind] for kind in SEEDED_KINDS},
}


def _choices(values) -> str:
    return ", ".join(values)


class Command(BaseCommand):
    help = (
        f"Génère des questions ({_choices(KINDS)}) à partir des faits de la base. "
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
                f"ou paires par association ({MIN_PAIRS} à {MAX_PAIRS}) ; défaut : {DEFAULT_ITEMS} ; "
                "sans effet sur les autres types"
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
        bank = FactBank(self._facts(options["source"]))
        seed = options["seed"]
        try:
            if kind == CHRONOLOGY:
                questions = self._chronology(bank, count, n_items, seed, options["difficulty"])
            elif kind == MATCHING:
                questions = self._matching(
                    bank, count, n_items, seed, options["relation"], options["distractors"]
                )
            else:
                kind_bank = getattr(bank, kind)  # FactBank.which_first, FactBank.date_entry…
                questions = [kind_bank.question(f"{seed}:{index}") for index in range(count)]
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
        if kind not in (CHRONOLOGY, MATCHING):
            return
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

    def _chronology(self, bank: FactBank, count, n_items, seed, difficulty):
        if not bank.events:
            raise CommandError(
                "Aucun événement daté parmi les faits : pas de chronologie possible."
            )
        try:
            return [
                bank.chronology_question(n_items, f"{seed}:{index}", difficulty)
                for index in range(count)
            ]
        except NotEnoughFacts as error:
            hint = ""
            if bank.chronology.max_items >= MIN_CHRONOLOGY_ITEMS:
                hint = f" Demandez au plus {bank.chronology.max_items} événements (--items)."
            raise CommandError(f"{error}{hint}") from error

    def _matching(self, bank: FactBank, count, n_pairs, seed, relation, n_distractors):
        # The builder's rule for which relations can supply n_pairs; its reasons otherwise.
        names = [relation] if relation else bank.usable_relations(ALL_RELATIONS, n_pairs)
        return [
            bank.matching(names[index % len(names)], n_pairs, f"{seed}:{index}", n_distractors)
            for index in range(count)
        ]
