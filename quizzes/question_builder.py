"""Adapt a question set's facts to the engine and generate its questions: the teacher's
pinned questions first, from exactly their facts, then the generated ones."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cached_property

from django.db.models import Prefetch
from django.utils.translation import gettext

from quizzes.engine.chronology import MEDIUM, chronology_bank, generate_chronology
from quizzes.engine.date_entry import DateEntryBank
from quizzes.engine.facts import EventFact, RelationFact, StatedOrder
from quizzes.engine.grading import DEFAULT_ORDERING_METHOD
from quizzes.engine.matching import (
    answers_true_of_other_prompts,
    generate_date_matching,
    generate_matching,
)
from quizzes.engine.odd_one_out import OddOneOutBank
from quizzes.engine.questions import (
    MAX_CHRONOLOGY_ITEMS,
    MAX_PAIRS,
    MIN_CHRONOLOGY_ITEMS,
    MIN_PAIRS,
    ChronologyQuestion,
    NotEnoughFacts,
)
from quizzes.engine.quiz import QuizDraw
from quizzes.engine.stated_orders import unsettled_pairs
from quizzes.engine.true_false import TrueFalseBank
from quizzes.engine.which_first import WhichFirstBank
from quizzes.factcheck import RELATIVE
from quizzes.models import (
    MATCHING_RELATIONS,
    ActsFor,
    EventOrder,
    Fact,
    Opposes,
    PinnedQuestion,
    QuestionSet,
)

ALL_RELATIONS = [value for value, _label in MATCHING_RELATIONS]
DATE_RELATION = "date"
# The kinds drawn from a seed alone, each from FactBank's bank of the same name: the set's field
# saying how many, and the letter of their seeds (one home: the builder, generate_questions and
# bench/count_questions.py read it).
SEEDED_KINDS = {
    "which_first": ("which_first_count", "w"),
    "date_entry": ("date_entry_count", "d"),
    "true_false": ("true_false_count", "t"),
    "odd_one_out": ("odd_one_out_count", "o"),
}


def facts_from(sources: Iterable = (), picked: Iterable = (), *, owner=None):
    """The facts a set may use: the hand-picked ones, else every fact of its sources (all the
    sources its owner may use when none is chosen: the site's and the teacher's own)."""
    picked = list(picked)
    facts = Fact.objects.usable_by(owner)
    if picked:
        facts = facts.filter(pk__in=[getattr(fact, "pk", fact) for fact in picked])
    else:
        sources = list(sources)
        if sources:
            facts = facts.filter(source__in=sources)
    return facts.for_engine()


def facts_for_set(question_set: QuestionSet):
    """The facts a saved set may use: hand-picked ones, else its sources and period."""
    if not question_set.pk:
        return facts_from(owner=question_set.owner)
    return facts_from(
        question_set.sources.all(), question_set.facts.all(), owner=question_set.owner
    )


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
        subject_kind=fact.subject.kind,
    )


def stated_orders(facts: Sequence[Fact]) -> list[StatedOrder]:
    """The orders the source states between these facts (one query)."""
    rows = EventOrder.objects.among(facts).values_list("earlier_id", "later_id", "quote")
    return [StatedOrder(str(earlier), str(later), quote) for earlier, later, quote in rows]


def acts_for(facts: Sequence[Fact]) -> list[tuple[str, str]]:
    """Who acts for whom among the entities of these facts' sources, as (agent, principal)
    names (one query): a chain may pass through an entity no fact names."""
    sources = {fact.source_id for fact in facts}
    return list(
        ActsFor.objects.filter(agent__source__in=sources).values_list(
            "agent__name", "principal__name"
        )
    )


def opposed_sides(facts: Sequence[Fact]) -> list[tuple[str, str]]:
    """Which sides these facts' sources say were enemies, as name pairs (one query)."""
    sources = {fact.source_id for fact in facts}
    return list(Opposes.objects.of_sources(sources).values_list("first__name", "second__name"))


class FactBank:
    """A set's facts, adapted once, from which every question of an attempt is drawn (and
    those of `manage.py generate_questions`, which has no set: `question_set` None, no period).
    The orders the source states, who acts for whom and which sides oppose are read only when
    a question needs them, unless the caller holds them already (`orders`, `links`,
    `oppositions`: facts held in memory)."""

    def __init__(
        self,
        facts: Iterable[Fact],
        question_set: QuestionSet | None = None,
        *,
        orders: Sequence[StatedOrder] | None = None,
        links: Sequence[tuple[str, str]] | None = None,
        oppositions: Sequence[tuple[str, str]] | None = None,
    ):
        if question_set is not None:
            facts = [fact for fact in facts if in_period(fact, question_set)]
        self.facts = list(facts)
        self.orders, self.links, self.oppositions = orders, links, oppositions
        self.events = [event_fact(f) for f in self.facts if f.kind == Fact.Kind.EVENT]
        self.relations: dict[str, list[RelationFact]] = {}
        for fact in self.facts:
            if fact.relation:
                self.relations.setdefault(fact.relation, []).append(relation_fact(fact))

    @cached_property
    def stated_orders(self) -> Sequence[StatedOrder]:
        return stated_orders(self.facts) if self.orders is None else self.orders

    @cached_property
    def chronology(self):
        return chronology_bank(self.events, self.stated_orders)

    @cached_property
    def which_first(self) -> WhichFirstBank:
        return WhichFirstBank(self.events, self.stated_orders)

    @cached_property
    def date_entry(self) -> DateEntryBank:
        return DateEntryBank(self.events)

    @cached_property
    def acts_for(self) -> Sequence[tuple[str, str]]:
        return acts_for(self.facts) if self.links is None else self.links

    @cached_property
    def opposed(self) -> Sequence[tuple[str, str]]:
        return opposed_sides(self.facts) if self.oppositions is None else self.oppositions

    def chronology_question(
        self,
        n_items: int,
        seed: str,
        difficulty: str = MEDIUM,
        ordering_method: str = DEFAULT_ORDERING_METHOD,
    ) -> ChronologyQuestion:
        return generate_chronology(
            self.events,
            bank=self.chronology,
            n_items=n_items,
            seed=seed,
            difficulty=difficulty,
            ordering_method=ordering_method,
        )

    @cached_property
    def odd_one_out(self) -> OddOneOutBank:
        """By year, and by side: who acts for whom says each entity's side, and only the
        sides the source says were enemies give an intruder (engine.odd_one_out)."""
        relations = [fact for facts in self.relations.values() for fact in facts]
        return OddOneOutBank(self.events, relations, self.acts_for, self.opposed)

    @cached_property
    def true_false(self) -> TrueFalseBank:
        relations = [fact for facts in self.relations.values() for fact in facts]
        return TrueFalseBank(self.events, relations, self.acts_for)

    def matching(self, relation: str, n_pairs: int, seed: str, n_distractors: int):
        if relation == DATE_RELATION:
            return generate_date_matching(
                self.events, n_pairs=n_pairs, seed=seed, n_distractors=n_distractors
            )
        return generate_matching(
            self.relations.get(relation, []),
            relation=relation,
            n_pairs=n_pairs,
            seed=seed,
            n_distractors=n_distractors,
            acts_for=self.acts_for,
        )

    def matching_maker(self, relation: str, question_set: QuestionSet):
        """make(seed) → one question dict of this relation, shaped as the set asks."""

        def make(seed: str) -> dict:
            return self.matching(
                relation, question_set.matching_pairs, seed, question_set.matching_distractors
            ).to_dict()

        return make

    def usable_relations(self, wanted: list[str], n_pairs: int) -> list[str]:
        """The wanted relations that can supply n_pairs; raises NotEnoughFacts, with the
        engine's reason for each, when none can."""
        usable, reasons = [], []
        for relation in wanted or ALL_RELATIONS:
            try:
                self.matching(relation, n_pairs, "probe", 0)
            except NotEnoughFacts as error:
                reasons.append(str(error))
                continue
            usable.append(relation)
        if not usable:
            raise NotEnoughFacts(
                gettext(
                    "Aucun type d’association ne réunit %(n_pairs)s paires sans ambiguïté parmi "
                    "les faits choisis."
                )
                % {"n_pairs": n_pairs}
                + " "
                + " ".join(reasons)
            )
        return usable


def _quoted(fact: Fact) -> str:
    return f"« {fact.text} » ({fact.date_label})"


def pinned_question(
    kind: str,
    relation: str,
    facts: Sequence[Fact],
    seed: str,
    *,
    ordering_method: str = DEFAULT_ORDERING_METHOD,
) -> dict:
    """A hand-written question from exactly these facts, shuffled by the seed.

    Raises NotEnoughFacts, with a message for the teacher, when the facts do not make an
    unambiguous question (overlapping dates, two prompts sharing a subject or an answer)."""
    facts = sorted(facts, key=lambda fact: fact.pk)
    if kind == PinnedQuestion.Kind.CHRONOLOGY:
        if not MIN_CHRONOLOGY_ITEMS <= len(facts) <= MAX_CHRONOLOGY_ITEMS:
            raise NotEnoughFacts(
                gettext("Une chronologie compte de %(min)s à %(max)s événements (choisis : %(n)s).")
                % {"min": MIN_CHRONOLOGY_ITEMS, "max": MAX_CHRONOLOGY_ITEMS, "n": len(facts)}
            )
        if undated := [fact for fact in facts if fact.kind != Fact.Kind.EVENT]:
            raise NotEnoughFacts(
                gettext("Seuls les événements datés se remettent dans l’ordre : %(facts)s.")
                % {"facts": ", ".join(f"« {fact.text} »" for fact in undated)}
            )
        events = [event_fact(fact) for fact in facts]
        orders = stated_orders(facts)
        if unsettled := unsettled_pairs(events, orders):
            by_id = {str(fact.pk): fact for fact in facts}
            clashes = [
                gettext("%(first)s et %(second)s")
                % {"first": _quoted(by_id[a.id]), "second": _quoted(by_id[b.id])}
                for a, b in unsettled
            ]
            raise NotEnoughFacts(
                gettext(
                    "Ces événements ne peuvent pas être ordonnés, leurs dates se chevauchent : "
                    "%(clashes)s."
                )
                % {"clashes": " ; ".join(clashes)}
            )
        return generate_chronology(
            events, n_items=len(events), seed=seed, ordering_method=ordering_method, orders=orders
        ).to_dict()
    if not MIN_PAIRS <= len(facts) <= MAX_PAIRS:
        raise NotEnoughFacts(
            gettext("Une association compte de %(min)s à %(max)s paires (choisies : %(n)s).")
            % {"min": MIN_PAIRS, "max": MAX_PAIRS, "n": len(facts)}
        )
    if relation == DATE_RELATION:
        unfit = [
            fact
            for fact in facts
            if fact.kind != Fact.Kind.EVENT or fact.date_precision == RELATIVE
        ]
        if unfit:
            raise NotEnoughFacts(
                gettext(
                    "Seuls les événements dont la source écrit la date s’associent à leur "
                    "date : %(facts)s."
                )
                % {"facts": ", ".join(f"« {fact.text} »" for fact in unfit)}
            )
        events = [event_fact(fact) for fact in facts]
        return generate_date_matching(events, n_pairs=len(events), seed=seed).to_dict()
    if other := [fact for fact in facts if fact.relation != relation]:
        raise NotEnoughFacts(
            gettext("Ces faits ne relèvent pas du type d’association choisi : %(facts)s.")
            % {"facts": ", ".join(f"« {fact.text} »" for fact in other)}
        )
    relations = [relation_fact(fact) for fact in facts]
    links = acts_for(facts)
    check_no_answer_fits_two_prompts(relations, relation, links, facts)
    return generate_matching(
        relations, relation=relation, n_pairs=len(relations), seed=seed, acts_for=links
    ).to_dict()


def check_no_answer_fits_two_prompts(
    relations: list[RelationFact], relation: str, links, facts: Sequence[Fact]
) -> None:
    """NotEnoughFacts naming each answer of a pinned matching question that is also true of
    another prompt: said of it by another fact of the sources, or through who acts for whom
    (what Badoglio's government does, Badoglio may be said to do), as generated questions
    never allow."""
    others = Fact.objects.filter(
        source__in={fact.source_id for fact in facts}, relation=relation
    ).select_related("subject")
    clashes = answers_true_of_other_prompts(
        relations,
        relation=relation,
        acts_for=links,
        known=[relation_fact(fact) for fact in others],
    )
    if not clashes:
        return
    reasons = [
        (
            gettext(
                "« %(answer)s » vaut aussi pour « %(prompt)s » (lien « agit pour » avec « %(through)s »)"
            )
            if through
            else gettext(
                "« %(answer)s » vaut aussi pour « %(prompt)s » (un autre fait de la source le dit)"
            )
        )
        % {"answer": answer.object, "prompt": prompt.subject, "through": through}
        for prompt, answer, through in clashes
    ]
    raise NotEnoughFacts(
        gettext(
            "Cette association aurait deux réponses défendables : %(reasons)s. Retirez l’une de "
            "ces paires."
        )
        % {"reasons": " ; ".join(reasons)}
    )


def pinned_for_set(question_set: QuestionSet) -> list[PinnedQuestion]:
    if not question_set.pk:
        return []
    return list(
        question_set.pinned_questions.prefetch_related(
            Prefetch("facts", queryset=Fact.objects.select_related("subject"))
        )
    )


def build_questions(
    question_set: QuestionSet,
    seed: str,
    facts=None,
    pinned: Sequence[PinnedQuestion] | None = None,
    *,
    seen: Iterable[dict] = (),
    orders: Sequence[StatedOrder] | None = None,
    links: Sequence[tuple[str, str]] | None = None,
    oppositions: Sequence[tuple[str, str]] | None = None,
) -> list[dict]:
    """Generate the set's questions for one attempt, as JSON-ready dicts (right answers
    included: they are stored server-side and never sent before the student answers).

    The set may be unsaved (a preview): pass its `facts` and `pinned` questions explicitly;
    by default they are read from the database. Pinned questions come first. No question
    repeats or shares more than half of its items with another; questions of `seen` (the
    student's earlier attempts on the set) come only when nothing new is left.

    The orders the source states between the facts, who acts for whom and which sides oppose
    are read from the database unless given (`orders`, `links`, `oppositions`: as
    fixture_facts reads them).

    Raises NotEnoughFacts (with a message for the teacher) when the facts cannot support them.
    """
    pinned = pinned_for_set(question_set) if pinned is None else pinned
    method = question_set.ordering_method
    quiz = QuizDraw(
        taken=[
            pinned_question(
                pin.kind,
                pin.relation,
                list(pin.facts.all()),
                f"{seed}:p{index}",
                ordering_method=method,
            )
            for index, pin in enumerate(pinned)
        ],
        seen=seen,
    )
    bank = FactBank(
        facts_for_set(question_set) if facts is None else facts,
        question_set,
        orders=orders,
        links=links,
        oppositions=oppositions,
    )

    def chronology(draw_seed: str) -> dict:
        return bank.chronology_question(
            question_set.chronology_items, draw_seed, question_set.difficulty, method
        ).to_dict()

    for index in range(question_set.chronology_count):
        quiz.add([("chronology", chronology)], f"{seed}:c{index}", question_set.chronology_count)
    if question_set.matching_count:
        relations = bank.usable_relations(
            question_set.matching_relations, question_set.matching_pairs
        )
        for index in range(question_set.matching_count):
            # Relations in turn; the next one when this one has nothing new left.
            turn = relations[index % len(relations) :] + relations[: index % len(relations)]
            quiz.add(
                [(relation, bank.matching_maker(relation, question_set)) for relation in turn],
                f"{seed}:m{index}",
                question_set.matching_count,
            )
    add_event_questions(quiz, bank, question_set, seed)
    return quiz.questions


def add_event_questions(quiz: QuizDraw, bank: FactBank, question_set, seed: str):
    """The set's questions of SEEDED_KINDS (« which came first? », date entry, true or false,
    odd one out), each unlike the others."""
    for kind, (count_field, letter) in SEEDED_KINDS.items():
        count = getattr(question_set, count_field)
        if not count:
            continue
        kind_bank = getattr(bank, kind)

        def make(draw_seed: str, kind_bank=kind_bank) -> dict:
            return kind_bank.question(draw_seed).to_dict()

        for index in range(count):
            quiz.add([(kind, make)], f"{seed}:{letter}{index}", count)
