"""A student's review sessions: the facts due today, topped up with the weakest ones, asked in a
few questions of every kind the facts allow. A session is an attempt of the student's own
hidden review set, so it is answered, graded (on the server) and scheduled like any quiz."""

from __future__ import annotations

import random
import secrets
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from quizzes.engine.questions import NotEnoughFacts
from quizzes.engine.quiz import item_facts, too_similar
from quizzes.models import Attempt, AttemptQuestion, Fact, QuestionSet, ReviewCard
from quizzes.question_builder import ALL_RELATIONS, DATE_RELATION, FactBank
from quizzes.review.scheduling import retrievability

SESSION_QUESTIONS = 5
# The facts a session is about (due first, then the weakest), and at most this many other
# facts of their sources to build questions around them (chronology needs other events).
SESSION_FACTS = 12
CONTEXT_FACTS = 24
DRAWS_PER_KIND = 40
CHRONOLOGY_ITEMS = 3
MATCHING_PAIRS = 3
REVIEW_SET_TITLE = "Révision"


def end_of_today(now: datetime) -> datetime:
    """Local midnight ending `now`'s day: a fact due any time today is due this morning."""
    local = timezone.localtime(now)
    return timezone.make_aware(datetime.combine(local.date() + timedelta(days=1), time.min))


def due_count(user, now: datetime | None = None) -> int:
    now = now or timezone.now()
    return ReviewCard.objects.of_user(user).due_before(end_of_today(now)).count()


@dataclass(frozen=True)
class Queue:
    due: list[int]  # fact ids due today, most overdue first (at most a session's)
    weakest: list[int]  # the top-up: not due, lowest retrievability first
    card_count: int
    due_count: int  # all the facts due today

    @property
    def facts(self) -> list[int]:
        return self.due + self.weakest


def review_queue(user, now: datetime | None = None, size: int = SESSION_FACTS) -> Queue:
    """One query, whatever the student's history: their cards' scheduling columns."""
    now = now or timezone.now()
    limit = end_of_today(now)
    cards = list(
        ReviewCard.objects.of_user(user).only(
            "fact_id", "state", "step", "stability", "difficulty", "due", "last_review"
        )
    )
    due = sorted((card for card in cards if card.due < limit), key=lambda c: (c.due, c.fact_id))
    others = sorted(
        (card for card in cards if card.due >= limit),
        key=lambda card: (retrievability(card, now), card.fact_id),
    )
    due_ids = [card.fact_id for card in due[:size]]
    weakest = [card.fact_id for card in others[: size - len(due_ids)]]
    return Queue(due=due_ids, weakest=weakest, card_count=len(cards), due_count=len(due))


def _bank(targets: list[int], seed: str) -> FactBank:
    """The target facts and a sample of other facts of their sources, adapted for the engine."""
    sources = set(Fact.objects.filter(pk__in=targets).values_list("source_id", flat=True))
    others = list(
        Fact.objects.filter(source__in=sources).exclude(pk__in=targets).values_list("pk", flat=True)
    )
    context = random.Random(seed).sample(others, min(CONTEXT_FACTS, len(others)))
    return FactBank(Fact.objects.filter(pk__in=[*targets, *context]).for_engine())


def _makers(bank: FactBank) -> list:
    """make(seed) → question dict, one per kind the review asks, in turn."""

    def chronology(seed):
        return bank.chronology_question(CHRONOLOGY_ITEMS, seed).to_dict()

    def matching(relation):
        return lambda seed: bank.matching(relation, MATCHING_PAIRS, seed, 1).to_dict()

    def seeded(kind):
        return lambda seed: getattr(bank, kind).question(seed).to_dict()

    makers = [("which_first", seeded("which_first")), ("chronology", chronology)]
    makers += [("date_entry", seeded("date_entry")), ("true_false", seeded("true_false"))]
    makers += [("matching", matching(relation)) for relation in [DATE_RELATION, *ALL_RELATIONS]]
    makers.append(("odd_one_out", seeded("odd_one_out")))
    return makers


def draw_questions(bank: FactBank, targets: list[int], seed: str, count: int) -> list[dict]:
    """Up to `count` questions, each about at least one target fact, preferring facts no
    question covers yet, of kinds in turn, no two alike (engine.quiz.too_similar)."""
    wanted = {str(fact) for fact in targets}
    questions: list[dict] = []
    covered: set[str] = set()
    makers = _makers(bank)
    exhausted: set[int] = set()
    for slot in range(count):
        turn = [(slot + offset) % len(makers) for offset in range(len(makers))]
        for index in turn:
            if index in exhausted:
                continue
            fallback = None
            _kind, make = makers[index]
            for draw in range(DRAWS_PER_KIND):
                try:
                    question = make(f"{seed}:{slot}:{index}:{draw}")
                except NotEnoughFacts:
                    exhausted.add(index)
                    break
                about = item_facts(question) & wanted
                if not about or any(too_similar(question, other) for other in questions):
                    continue
                if about - covered:
                    fallback = question
                    break
                fallback = fallback or question
            if fallback is not None:
                questions.append(fallback)
                covered |= item_facts(fallback) & wanted
                break
    return questions


def review_set_of(user) -> QuestionSet:
    question_set, _created = QuestionSet.objects.get_or_create(
        review_for=user,
        defaults={
            "owner": user,
            "title": REVIEW_SET_TITLE,
            "status": QuestionSet.Status.PUBLISHED,
        },
    )
    return question_set


def open_session(user) -> Attempt | None:
    return (
        Attempt.objects.filter(user=user, question_set__review_for=user, finished_at__isnull=True)
        .order_by("-started_at")
        .first()
    )


def start_session(user, *, now: datetime | None = None) -> Attempt:
    """The student's unfinished session, or a new one about their queue. NotEnoughFacts when
    they have no card yet or their facts make no question."""
    if attempt := open_session(user):
        return attempt
    queue = review_queue(user, now)
    if not queue.facts:
        raise NotEnoughFacts("no card")
    seed = secrets.token_hex(8)
    questions = draw_questions(_bank(queue.facts, seed), queue.facts, seed, SESSION_QUESTIONS)
    if not questions:
        raise NotEnoughFacts("no question")
    with transaction.atomic():
        attempt = Attempt.objects.create(
            user=user, question_set=review_set_of(user), seed=seed, question_count=len(questions)
        )
        AttemptQuestion.objects.bulk_create(
            AttemptQuestion(attempt=attempt, position=index, kind=question["kind"], data=question)
            for index, question in enumerate(questions, start=1)
        )
    return attempt
