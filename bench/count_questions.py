"""How many distinct questions the shipped fixture allows (no Django: the fixture is read as
plain JSON, like tests/engine/strategies.py does).

    .venv/bin/python bench/count_questions.py            # counts + draws actually reached
    .venv/bin/python bench/count_questions.py --draws 0  # counts only

Chronology: sets of n pairwise orderable events (by their dates or by the orders the source
states), from the bank's count_sets(n), checked by brute force over every combination with
the engine's own is_unambiguous(); "dates seules" counts them without the stated orders.

Matching: sets of n pairs a question may show (distractors aside), by brute force over every
combination of facts, with the engine's own rules: RelationBank._fits_prompt for a relation,
and for dates what DateBank._draw asks (pairwise orderable events whose written dates cannot
be confused, DateBank._label_fits).

With --draws D, the script also draws D questions per size from the engine with seeds
"0", "1", ... and reports how many distinct sets those draws reached.

Repeats (--attempts A, 100 by default): one student takes A attempts of each default set and
of the demo teacher's set, built by question_builder.build_questions exactly as attempts are
(each attempt given the questions of the earlier ones), from the fixture's facts held in
memory: Django is set up for the models, but no database is touched. Reported: attempts with
a question twice or two sharing more than half of their items, questions already seen in an
earlier attempt, and attempts the facts could not supply (NotEnoughFacts).
"""

from __future__ import annotations

import argparse
import sys
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quizzes.engine.chronology import (
    DIFFICULTIES,
    ChronologyBank,
    chronology_bank,
    is_unambiguous,
)
from quizzes.engine.facts import EventFact
from quizzes.engine.matching import DateBank, RelationBank
from quizzes.engine.questions import MAX_CHRONOLOGY_ITEMS, MIN_CHRONOLOGY_ITEMS, NotEnoughFacts
from quizzes.fixture_facts import (
    SHIPPED_FIXTURE,
    shipped_acts_for,
    shipped_facts,
    shipped_stated_orders,
)

FIXTURE = SHIPPED_FIXTURE
RELATIONS = ("role", "commands", "happened_at", "landed_at", "figure", "date")
PAIRS = (2, 3, 4)


def compatible(fits, facts) -> bool:
    """Whether the facts pass `fits` when added one by one (the rules are pairwise)."""
    return all(fits(list(facts[:index]), fact) for index, fact in enumerate(facts))


def brute_force_chronology(events: list[EventFact], n_items: int, orders=()) -> int:
    return sum(1 for chosen in combinations(events, n_items) if is_unambiguous(chosen, orders))


def relation_sets(bank: RelationBank, n_pairs: int) -> tuple[int, int]:
    """(sets of pairs, sets of prompts) that fit together without ambiguity."""
    pairs = [c for c in combinations(bank.facts, n_pairs) if compatible(bank._fits_prompt, c)]
    prompts = {frozenset(fact.subject for fact in chosen) for chosen in pairs}
    return len(pairs), len(prompts)


def date_fits(bank: DateBank, chosen: list[EventFact], event: EventFact) -> bool:
    """DateBank._draw's rule: orderable with each event chosen, dates written differently."""
    return all(
        not event.overlaps(other)
        and not bank._label_fits(event.date_label, other)
        and not bank._label_fits(other.date_label, event)
        for other in chosen
    )


def date_sets(bank: DateBank, n_pairs: int) -> int:
    return sum(
        1
        for chosen in combinations(bank.events, n_pairs)
        if compatible(lambda so_far, e: date_fits(bank, so_far, e), chosen)
    )


def reached(draw, draws: int) -> int:
    """Distinct fact-id sets reached by `draws` seeded draws."""
    seen = set()
    for seed in range(draws):
        try:
            seen.add(frozenset(draw(str(seed))))
        except NotEnoughFacts:
            return 0
    return len(seen)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--draws", type=int, default=5_000, help="seeded draws per size")
    parser.add_argument("--attempts", type=int, default=100, help="attempts per set")
    args = parser.parse_args(argv)
    events, relations = shipped_facts()
    orders = shipped_stated_orders()
    chronology = chronology_bank(events, orders)
    dates_only = ChronologyBank(events)
    print(f"{FIXTURE.name}: {len(events)} events, {len(relations)} relation facts.\n")

    print("### Chronologie\n")
    header = "| événements | ensembles distincts (count_sets) | force brute | dates seules |"
    rule = "|---:|---:|---:|---:|"
    if args.draws:
        header += "".join(f" atteints en {args.draws:,} tirages ({d}) |" for d in DIFFICULTIES)
        rule += "---:|" * len(DIFFICULTIES)
    print(header + "\n" + rule)
    for n_items in range(MIN_CHRONOLOGY_ITEMS, MAX_CHRONOLOGY_ITEMS + 1):
        counted = chronology.count_sets(n_items)
        brute = brute_force_chronology(events, n_items, orders)
        line = f"| {n_items} | {counted:,} | {brute:,}{'' if brute == counted else ' (≠ !)'} |"
        line += f" {dates_only.count_sets(n_items):,} |"
        for difficulty in DIFFICULTIES if args.draws else ():

            def draw(seed, n_items=n_items, difficulty=difficulty):
                return (e.id for e in chronology.draw(n_items, seed, difficulty))

            line += f" {reached(draw, args.draws):,} |"
        print(line)

    print("\n### Association (ensembles de paires, hors distracteurs)\n")
    header = "| relation | faits |" + "".join(f" {n} paires |" for n in PAIRS)
    print(header + "\n|---|---:|" + "---:|" * len(PAIRS))
    for relation in RELATIONS:
        if relation == "date":
            bank = DateBank(events)
            size = len(bank.events)
        else:
            bank = RelationBank(relations, relation, shipped_acts_for())
            size = len(bank.facts)
        cells = []
        for n_pairs in PAIRS:
            if relation == "date":
                cell = f"{date_sets(bank, n_pairs):,}"
            else:
                pair_sets, prompt_sets = relation_sets(bank, n_pairs)
                cell = f"{pair_sets:,}"
                if prompt_sets != pair_sets:
                    cell += f" ({prompt_sets:,} jeux de sujets)"
            if args.draws:

                def draw(seed, bank=bank, n_pairs=n_pairs):
                    return (item.fact_id for item in bank.question(n_pairs, seed).prompts)

                cell += f" — {reached(draw, args.draws):,} atteints"
            cells.append(cell)
        print(f"| {relation} | {size} |" + "".join(f" {cell} |" for cell in cells))

    if args.attempts:
        print_repeats(args.attempts)


def fixture_models(path: Path = FIXTURE) -> list:
    """The fixture's facts as unsaved model instances, subjects attached (no database)."""
    from django.core import serializers

    objects = [d.object for d in serializers.deserialize("json", path.read_text("utf-8"))]
    entities = {o.pk: o for o in objects if o._meta.model_name == "entity"}
    facts = [o for o in objects if o._meta.model_name == "fact"]
    for fact in facts:
        if fact.subject_id:
            fact.subject = entities[fact.subject_id]
    return facts


def repeats(spec: dict, facts: list, attempts: int) -> dict:
    """One student's `attempts` attempts of the set described by `spec`."""
    from quizzes.engine.quiz import item_facts, question_kind, too_similar
    from quizzes.models import QuestionSet
    from quizzes.question_builder import build_questions

    question_set = QuestionSet(**{k: v for k, v in spec.items() if k != "is_sample"})
    seen: list[dict] = []
    counts = {"questions": 0, "repeated_within": 0, "seen_before": 0, "refused": 0}
    distinct = set()
    for attempt in range(attempts):
        try:
            questions = build_questions(
                question_set,
                f"eleve-{attempt}",
                facts=facts,
                pinned=[],
                seen=seen,
                orders=shipped_stated_orders(),
                links=shipped_acts_for(),
            )
        except NotEnoughFacts:
            counts["refused"] += 1
            continue
        keys = [(question_kind(q), item_facts(q)) for q in questions]
        earlier = {(question_kind(q), item_facts(q)) for q in seen}
        counts["questions"] += len(questions)
        counts["seen_before"] += sum(key in earlier for key in keys)
        counts["repeated_within"] += any(
            too_similar(a, b) for i, a in enumerate(questions) for b in questions[i + 1 :]
        )
        distinct.update(keys)
        seen.extend(questions)
    counts["distinct"] = len(distinct)
    return counts


def print_repeats(attempts: int) -> None:
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "quizsite.settings")
    os.environ.setdefault("DEBUG", "1")  # local defaults; the database is never opened
    django.setup()
    from quizzes.default_sets import DEFAULT_SETS, DEMO_CLASS_SET

    facts = fixture_models()
    print(f"\n### Répétitions sur {attempts} tentatives d’un même élève\n")
    print(
        "| série | questions | tentatives avec une question répétée (> moitié des éléments) "
        "| questions déjà vues | questions distinctes | tentatives refusées |"
    )
    print("|---|---:|---:|---:|---:|---:|")
    for spec in [*DEFAULT_SETS, DEMO_CLASS_SET]:
        counts = repeats(spec, facts, attempts)
        seen_rate = counts["seen_before"] / counts["questions"] if counts["questions"] else 0
        print(
            f"| {spec['title']} | {counts['questions']:,} | {counts['repeated_within']} "
            f"| {counts['seen_before']:,} ({seen_rate:.0%}) | {counts['distinct']:,} "
            f"| {counts['refused']} |"
        )


if __name__ == "__main__":
    main()
