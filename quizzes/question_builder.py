"""Adapt a question set's facts to the engine and generate its questions."""

from __future__ import annotations

import json
from collections.abc import Iterable

from quizzes.engine.chronology import generate_chronology
from quizzes.engine.facts import EventFact, RelationFact
from quizzes.engine.matching import generate_date_matching, generate_matching
from quizzes.engine.questions import NotEnoughFacts
from quizzes.factcheck import RELATIVE
from quizzes.models import MATCHING_RELATIONS, Fact, QuestionSet

ALL_RELATIONS = [value for value, _label in MATCHING_RELATIONS]
# Attempts to find a question not already in the quiz before accepting a repeat.
MAX_DRAWS_PER_QUESTION = 12


def facts_for_set(question_set: QuestionSet):
    """The facts a set may use: hand-picked ones, else its sources and period."""
    if question_set.pk and question_set.facts.exists():
        facts = question_set.facts.all()
    else:
        facts = Fact.objects.all()
        if question_set.pk and question_set.sources.exists():
            facts = facts.filter(source__in=question_set.sources.all())
    return facts.for_engine()


def in_period(fact: Fact, question_set: QuestionSet) -> bool:
    if fact.date_start is None:
        return True
    if question_set.period_start and fact.date_start < question_set.period_start:
        return False
    return not (question_set.period_end and fact.date_end > question_set.period_end)


def event_fact(fact: Fact) -> EventFact:
    return EventFact(
        id=str(fact.pk),
        text=fact.text,
        date_label=fact.date_label,
        start=fact.date_start,
        end=fact.date_end,
        quote=fact.quote,
        label_is_relative=fact.date_precision == RELATIVE,
    )


def relation_fact(fact: Fact) -> RelationFact:
    return RelationFact(
        id=str(fact.pk),
        relation=fact.relation,
        subject=fact.subject.name,
        object=fact.object,
        quote=fact.quote,
    )


class FactBank:
    """A set's facts, adapted once, from which every question of an attempt is drawn."""

    def __init__(self, facts: Iterable[Fact], question_set: QuestionSet):
        facts = [fact for fact in facts if in_period(fact, question_set)]
        self.events = [event_fact(f) for f in facts if f.kind == Fact.Kind.EVENT]
        self.relations: dict[str, list[RelationFact]] = {}
        for fact in facts:
            if fact.relation:
                self.relations.setdefault(fact.relation, []).append(relation_fact(fact))

    def matching(self, relation: str, n_pairs: int, seed: str, n_distractors: int):
        if relation == "date":
            return generate_date_matching(
                self.events, n_pairs=n_pairs, seed=seed, n_distractors=n_distractors
            )
        return generate_matching(
            self.relations.get(relation, []),
            relation=relation,
            n_pairs=n_pairs,
            seed=seed,
            n_distractors=n_distractors,
        )

    def usable_relations(self, wanted: list[str], n_pairs: int) -> list[str]:
        usable = []
        for relation in wanted or ALL_RELATIONS:
            try:
                self.matching(relation, n_pairs, "probe", 0)
            except NotEnoughFacts:
                continue
            usable.append(relation)
        return usable


def _signature(question: dict) -> str:
    items = question.get("items") or question.get("prompts")
    return json.dumps(sorted(item["fact_id"] for item in items))


def build_questions(question_set: QuestionSet, seed: str, facts=None) -> list[dict]:
    """Generate the set's questions for one attempt, as JSON-ready dicts (right answers
    included: they are stored server-side and never sent before the student answers).

    Raises NotEnoughFacts (with a message for the teacher) when the facts cannot support them.
    """
    bank = FactBank(facts_for_set(question_set) if facts is None else facts, question_set)
    questions: list[dict] = []
    seen: set[str] = set()

    def add(make, index):
        question = None
        for draw in range(MAX_DRAWS_PER_QUESTION):
            question = make(f"{seed}:{index}:{draw}").to_dict()
            if _signature(question) not in seen:
                break
        seen.add(_signature(question))
        questions.append(question)

    for index in range(question_set.chronology_count):
        add(
            lambda s: generate_chronology(
                bank.events,
                n_items=question_set.chronology_items,
                seed=s,
                difficulty=question_set.difficulty,
            ),
            f"c{index}",
        )
    if question_set.matching_count:
        relations = bank.usable_relations(
            question_set.matching_relations, question_set.matching_pairs
        )
        if not relations:
            raise NotEnoughFacts(
                f"Aucun type d’association ne réunit {question_set.matching_pairs} paires "
                "sans ambiguïté parmi les faits choisis."
            )
        for index in range(question_set.matching_count):
            relation = relations[index % len(relations)]
            add(
                lambda s, relation=relation: bank.matching(
                    relation, question_set.matching_pairs, s, question_set.matching_distractors
                ),
                f"m{index}",
            )
    return questions
