"""How many distinct questions the shipped fixture allows, for every kind the question builder
knows, and how often one student meets a question again over many attempts of each set.

    .venv/bin/python bench/count_questions.py            # counts + draws actually reached
    .venv/bin/python bench/count_questions.py --draws 0  # counts only

Each kind is one entry of KINDS (a KindReport): the section that counts its distinct questions
on the shipped facts, and the sets asking only it that the repeats section adds to the demo
sets. A kind the builder knows (the set's *_count fields) without an entry is named at the end.

Facts are the fixture's, read as plain JSON (quizzes.fixture_facts), with the orders the source
states (EventOrder) and who acts for whom (ActsFor), as the builder reads them from the
database. Django is set up for the builder and the models, but no database is touched.

Chronology: sets of n pairwise orderable events (by their dates or by the orders the source
states), from the bank's count_sets(n), checked by brute force over every combination with
the engine's own is_unambiguous(); "dates seules" counts them without the stated orders.

Matching: sets of n pairs a question may show (distractors aside), by brute force over every
combination of facts, with the engine's own rules: RelationBank._fits_prompt for a relation
(acts-for included), and for dates what DateBank._draw asks (pairwise orderable events whose
written dates cannot be confused, DateBank._label_fits). Every relation of the builder, causes
included.

Which came first: pairs of events the source orders, without and with the stated orders, checked
by brute force with is_unambiguous() over every pair of events whose words hold no year.

Date entry: one question per event the source dates precisely enough, by precision (the year,
or the month and year).

With --draws D, the script also draws D questions per size from the engine with seeds
"0", "1", ... and reports how many distinct ones those draws reached.

Repeats (--attempts A, 100 by default): one student takes A attempts of each default set, of
the demo teacher's set and of each kind's own sets, built by question_builder.build_questions
exactly as attempts are (each attempt given the questions of the earlier ones), from the
fixture's facts held in memory. Reported: attempts with a question twice or two sharing more
than half of their items, questions already seen in an earlier attempt, and attempts the
facts could not supply (NotEnoughFacts).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quizzes.engine.chronology import (
    DIFFICULTIES,
    ChronologyBank,
    chronology_bank,
    is_unambiguous,
)
from quizzes.engine.date_entry import PRECISIONS, DateEntryBank
from quizzes.engine.facts import EventFact, RelationFact, StatedOrder
from quizzes.engine.matching import DateBank, RelationBank
from quizzes.engine.odd_one_out import OddOneOutBank
from quizzes.engine.questions import MAX_CHRONOLOGY_ITEMS, MIN_CHRONOLOGY_ITEMS, NotEnoughFacts
from quizzes.engine.true_false import TrueFalseBank
from quizzes.engine.which_first import WhichFirstBank
from quizzes.engine.wording import has_year
from quizzes.fixture_facts import (
    SHIPPED_FIXTURE,
    shipped_acts_for,
    shipped_facts,
    shipped_opposed,
    shipped_stated_orders,
)

FIXTURE = SHIPPED_FIXTURE
PAIRS = (2, 3, 4)
DATE_ENTRY_PRECISIONS = {"year": "l’année", "month": "le mois et l’année"}


def builder():
    """The question builder, Django set up for it (local defaults; no database is opened)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "quizsite.settings")
    os.environ.setdefault("DEBUG", "1")
    import django

    django.setup()
    from quizzes import question_builder

    return question_builder


@dataclass(frozen=True)
class ShippedFacts:
    events: list[EventFact]
    relations: list[RelationFact]
    orders: list[StatedOrder]
    links: list[tuple[str, str]]
    # Pairs of sides the source says were enemies (Opposes).
    opposed: tuple[tuple[str, str], ...] = ()

    @classmethod
    def read(cls) -> ShippedFacts:
        events, relations = shipped_facts()
        return cls(
            events,
            relations,
            shipped_stated_orders(),
            shipped_acts_for(),
            tuple(shipped_opposed()),
        )


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


def chronology_section(facts: ShippedFacts, draws: int) -> None:
    events, orders = facts.events, facts.orders
    chronology = chronology_bank(events, orders)
    dates_only = ChronologyBank(events)
    header = "| événements | ensembles distincts (count_sets) | force brute | dates seules |"
    rule = "|---:|---:|---:|---:|"
    if draws:
        header += "".join(f" atteints en {draws:,} tirages ({d}) |" for d in DIFFICULTIES)
        rule += "---:|" * len(DIFFICULTIES)
    print(header + "\n" + rule)
    for n_items in range(MIN_CHRONOLOGY_ITEMS, MAX_CHRONOLOGY_ITEMS + 1):
        counted = chronology.count_sets(n_items)
        brute = brute_force_chronology(events, n_items, orders)
        line = f"| {n_items} | {counted:,} | {brute:,}{'' if brute == counted else ' (≠ !)'} |"
        line += f" {dates_only.count_sets(n_items):,} |"
        for difficulty in DIFFICULTIES if draws else ():

            def draw(seed, n_items=n_items, difficulty=difficulty):
                return (e.id for e in chronology.draw(n_items, seed, difficulty))

            line += f" {reached(draw, draws):,} |"
        print(line)


def matching_section(facts: ShippedFacts, draws: int) -> None:
    relations = builder().ALL_RELATIONS
    print("Ensembles de paires, hors distracteurs.\n")
    header = "| relation | faits |" + "".join(f" {n} paires |" for n in PAIRS)
    print(header + "\n|---|---:|" + "---:|" * len(PAIRS))
    for relation in relations:
        if relation == "date":
            bank = DateBank(facts.events)
            size = len(bank.events)
        else:
            bank = RelationBank(facts.relations, relation, facts.links)
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
            if draws:

                def draw(seed, bank=bank, n_pairs=n_pairs):
                    return (item.fact_id for item in bank.question(n_pairs, seed).prompts)

                cell += f" — {reached(draw, draws):,} atteints"
            cells.append(cell)
        print(f"| {relation} | {size} |" + "".join(f" {cell} |" for cell in cells))


def which_first_section(facts: ShippedFacts, draws: int) -> None:
    shown = [event for event in facts.events if not has_year(event.text)]
    print(
        f"Paires d’événements que la source ordonne, parmi les {len(shown)} dont l’énoncé ne "
        "donne pas l’année.\n"
    )
    header = "| ordres | paires (WhichFirstBank.count) | force brute |"
    rule = "|---|---:|---:|"
    if draws:
        header += f" atteintes en {draws:,} tirages |"
        rule += "---:|"
    print(header + "\n" + rule)
    for label, orders in (("dates seules", []), ("avec les ordres établis", facts.orders)):
        bank = WhichFirstBank(facts.events, orders)
        brute = sum(1 for pair in combinations(shown, 2) if is_unambiguous(pair, orders))
        line = f"| {label} | {bank.count:,} | {brute:,}{'' if brute == bank.count else ' (≠ !)'} |"
        if draws:

            def draw(seed, bank=bank):
                return (item.fact_id for item in bank.question(seed).items)

            line += f" {reached(draw, draws):,} |"
        print(line)


def date_entry_section(facts: ShippedFacts, draws: int) -> None:
    bank = DateEntryBank(facts.events)
    by_precision = Counter(precision for _event, precision in bank.asked)
    print("Une question par événement daté assez précisément (l’énoncé ne donne pas la date).\n")
    header = "| précision demandée | questions distinctes |"
    rule = "|---|---:|"
    if draws:
        header += f" atteintes en {draws:,} tirages |"
        rule += "---:|"
    print(header + "\n" + rule)
    reached_by = Counter()
    if draws:
        drawn = {(q.item.fact_id, q.precision) for q in map(bank.question, map(str, range(draws)))}
        reached_by = Counter(precision for _fact, precision in drawn)
    for precision in PRECISIONS:
        line = f"| {DATE_ENTRY_PRECISIONS[precision]} | {by_precision[precision]} |"
        print(line + (f" {reached_by[precision]} |" if draws else ""))
    total = f"| total | {bank.count} |"
    print(total + (f" {sum(reached_by.values())} |" if draws else ""))


def true_false_section(facts: ShippedFacts, draws: int) -> None:
    bank = TrueFalseBank(facts.events, facts.relations, facts.links)
    falsehoods = Counter(
        claim.falsified for askable in bank.askables for claim in askable.falsehoods
    )
    print(
        "Faits énonçables vrais et faux (une affirmation vraie par fait, et ses affirmations "
        "certainement fausses).\n"
    )
    print("| faits énonçables | affirmations fausses (date échangée / sujet échangé) |")
    print("|---:|---:|")
    detail = " / ".join(f"{falsehoods[kind]:,}" for kind in sorted(falsehoods))
    print(f"| {bank.count} | {sum(falsehoods.values()):,} ({detail}) |")
    if draws:
        shown = Counter(bool(q.shown.falsified) for q in map(bank.question, map(str, range(draws))))
        print(
            f"\n{draws:,} tirages : {shown[False]:,} vraies ({shown[False] / draws:.1%}), "
            f"{shown[True]:,} fausses."
        )


def odd_one_out_section(facts: ShippedFacts, draws: int) -> None:
    bank = OddOneOutBank(facts.events, facts.relations, facts.links, facts.opposed)
    print("Par propriété (une année, un camp) : choix de trois options et d’un intrus.\n")
    print("| critère | cible | ayant / n’ayant pas | questions sans indice |")
    print("|---|---|---:|---:|")
    for prop in bank.properties:
        fair = len(bank._fair_picks(prop))
        print(
            f"| {prop.criterion} | {prop.target} | {len(prop.having)} / {len(prop.lacking)} "
            f"| {fair:,} |"
        )
    if draws:
        drawn = {
            (q.target, frozenset(item.fact_id for item in q.items))
            for q in map(bank.question, map(str, range(draws)))
        }
        print(f"\n{len(drawn):,} questions distinctes atteintes en {draws:,} tirages.")


def only(**counts: int) -> dict:
    """The counts of a set asking only these kinds (the model's defaults ask for others)."""
    return {field: counts.get(field, 0) for field in builder_count_fields()} | counts


def builder_count_fields() -> tuple[str, ...]:
    builder()
    from quizzes.models.question_sets import COUNT_FIELDS

    return COUNT_FIELDS


@dataclass(frozen=True)
class KindReport:
    """One kind the builder knows: the section counting its distinct questions on the shipped
    facts, and the sets asking only it that the repeats section takes (thunks: the set fields
    come from the models, read once Django is set up)."""

    title: str
    section: Callable[[ShippedFacts, int], None]
    repeat_sets: Callable[[], list[dict]] = list


# One entry per kind of question (COUNT_FIELDS' names without "_count").
KINDS = {
    "chronology": KindReport("Chronologie", chronology_section),
    "matching": KindReport(
        "Association",
        matching_section,
        lambda: [
            {
                "title": "Causes et conséquences (banc : 2 associations de 2 paires)",
                **only(matching_count=2),
                "matching_pairs": 2,
                "matching_relations": ["causes"],
            }
        ],
    ),
    "which_first": KindReport(
        "Lequel d’abord ?",
        which_first_section,
        lambda: [{"title": "Lequel d’abord ? (banc : 5 questions)", **only(which_first_count=5)}],
    ),
    "date_entry": KindReport(
        "Date à écrire",
        date_entry_section,
        lambda: [{"title": "Dates à écrire (banc : 5 questions)", **only(date_entry_count=5)}],
    ),
    "true_false": KindReport(
        "Vrai ou faux",
        true_false_section,
        lambda: [{"title": "Vrai ou faux (banc : 5 questions)", **only(true_false_count=5)}],
    ),
    "odd_one_out": KindReport(
        "L’intrus",
        odd_one_out_section,
        lambda: [{"title": "L’intrus (banc : 3 questions)", **only(odd_one_out_count=3)}],
    ),
}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--draws", type=int, default=5_000, help="seeded draws per size")
    parser.add_argument("--attempts", type=int, default=100, help="attempts per set")
    args = parser.parse_args(argv)
    facts = ShippedFacts.read()
    print(
        f"{FIXTURE.name}: {len(facts.events)} events, {len(facts.relations)} relation facts, "
        f"{len(facts.orders)} stated orders, {len(facts.links)} acts-for links.\n"
    )
    for report in KINDS.values():
        print(f"### {report.title}\n")
        report.section(facts, args.draws)
        print()
    if args.attempts:
        print_repeats(args.attempts)
    known = [field.removesuffix("_count") for field in builder_count_fields()]
    if missing := [kind for kind in known if kind not in KINDS]:
        print(f"\nTypes du constructeur sans entrée dans KINDS : {', '.join(missing)}.")


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

    question_set = QuestionSet(**spec)
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
                oppositions=shipped_opposed(),
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
    builder()
    from quizzes.default_sets import DEFAULT_SETS, DEMO_CLASS_SET

    facts = fixture_models()
    print(f"\n### Répétitions sur {attempts} tentatives d’un même élève\n")
    print(
        "| série | questions | tentatives avec une question répétée (> moitié des éléments) "
        "| questions déjà vues | questions distinctes | tentatives refusées |"
    )
    print("|---|---:|---:|---:|---:|---:|")
    kind_sets = [spec for report in KINDS.values() for spec in report.repeat_sets()]
    for spec in [*DEFAULT_SETS, DEMO_CLASS_SET, *kind_sets]:
        counts = repeats(spec, facts, attempts)
        seen_rate = counts["seen_before"] / counts["questions"] if counts["questions"] else 0
        print(
            f"| {spec['title']} | {counts['questions']:,} | {counts['repeated_within']} "
            f"| {counts['seen_before']:,} ({seen_rate:.0%}) | {counts['distinct']:,} "
            f"| {counts['refused']} |"
        )


if __name__ == "__main__":
    main()
