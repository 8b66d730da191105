"""Three weeks of a demo class's life, for `setup_demo` in development: about 25 pupils, strong
and weak, who sat the demo set a few times each, doing better as they went. Seeded, so every
fresh database gets the same pupils, questions, answers and scores; dated relative to now, so
the demo always looks recent; built once (a rerun changes nothing).

Each simulated answer is graded by the real grader (quizzes.answers.grade) and the rows are
written in bulk with their real dates: attempts, their questions, and per-fact results, as
answering does. The answers come back as `DemoAnswer`s, in time order, to `replay_reviews`,
where the spaced review cards plug in.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import NamedTuple
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.utils import timezone

from quizzes.answers import fact_ids, grade
from quizzes.models import (
    Attempt,
    AttemptQuestion,
    Enrollment,
    FactResult,
    QuestionSet,
    Rating,
    ReviewCard,
)
from quizzes.question_builder import (
    acts_for,
    build_questions,
    facts_for_set,
    in_period,
    opposed_sides,
    stated_orders,
)
from quizzes.review import scheduling
from quizzes.roles import assign_role
from quizzes.usernames import ascii_slug

SEED = 1943
HISTORY_DAYS = 21
PARIS = ZoneInfo("Europe/Paris")
# The demo class's pupils besides the demo student « eleve »: (first name, last name).
PUPILS = [
    ("Adam", "Benali"),
    ("Alice", "Moreau"),
    ("Arthur", "Lambert"),
    ("Camille", "Roux"),
    ("Chloé", "Fontaine"),
    ("Enzo", "Garcia"),
    ("Gabriel", "Petit"),
    ("Inès", "Haddad"),
    ("Jade", "Martin"),
    ("Jules", "Bernard"),
    ("Léa", "Dubois"),
    ("Léo", "Thomas"),
    ("Lina", "Robert"),
    ("Louis", "Richard"),
    ("Louise", "Durand"),
    ("Lucas", "Leroy"),
    ("Manon", "Simon"),
    ("Mathis", "Laurent"),
    ("Nathan", "Michel"),
    ("Noah", "Lefebvre"),
    ("Rose", "Mercier"),
    ("Sacha", "Nguyen"),
    ("Tom", "Girard"),
    ("Zoé", "Bonnet"),
]
DEMO_STUDENT = "eleve"
# Of the pupils, one never started the set and one left an attempt half done.
NEVER_STARTED = "zoe.bonnet"
HALF_DONE = "tom.girard"


def username(first: str, last: str) -> str:
    """« Chloé Fontaine » → chloe.fontaine, as quizsite names pupils' accounts."""
    return ascii_slug(f"{first} {last}")


@dataclass(frozen=True)
class DemoAnswer:
    """One graded fact of the history: what the review cards are built from. `partial`: the
    fact was missed but its question earned some points."""

    user_id: int
    fact_id: int
    correct: bool
    partial: bool
    answered_at: datetime


def replay_reviews(answers: list[DemoAnswer]) -> None:
    """The demo's answers, in time order, rated into the pupils' review cards and logs as
    answering rates them (right → Good, missed in a question that still earned points → Hard,
    wrong → Again), each at the moment it was answered: the « Réviser » and mastery pages
    then show three weeks of spaced review."""
    scheduling.schedule_reviews(
        [
            scheduling.Review(
                answer.user_id,
                answer.fact_id,
                Rating.GOOD if answer.correct else Rating.HARD if answer.partial else Rating.AGAIN,
                answer.answered_at,
            )
            for answer in answers
        ]
    )


# --- The simulation: plain functions of a seeded generator ---------------------------------


def _rng(*parts) -> random.Random:
    """A generator of its own for each pupil, fact or attempt, keyed by stable names: adding
    a pupil or a fact leaves everyone else's history as it was."""
    return random.Random(":".join(str(part) for part in (SEED, *parts)))


def ability(name: str) -> float:
    """A pupil's ability on a logit scale: most around 0, a few strong and a few weak."""
    return 0.2 if name == DEMO_STUDENT else _rng("ability", name).gauss(0.0, 1.2)


def difficulty(fact_text: str) -> float:
    return _rng("difficulty", fact_text).gauss(0.8, 0.9)


def knows(rng: random.Random, skill: float, hardness: float) -> bool:
    return rng.random() < 1 / (1 + math.exp(-1.8 * (skill - hardness)))


def respond(question: dict, known: set[int], rng: random.Random):
    """The response of a pupil who knows the facts `known`: those placed or matched right, the
    others guessed."""
    kind, answer = question["kind"], question["answer"]
    facts = fact_ids(question)
    if kind == "chronology":
        order = list(answer)
        unsure = [rank for rank, item in enumerate(order) if facts[item] not in known]
        guessed = [order[rank] for rank in unsure]
        rng.shuffle(guessed)
        for rank, item in zip(unsure, guessed, strict=True):
            order[rank] = item
        return order
    if kind == "matching":
        choices = [item["id"] for item in question["answers"]]
        return {
            prompt: right if facts[prompt] in known else rng.choice(choices)
            for prompt, right in dict(answer).items()
        }
    all_known = set(facts.values()) <= known
    if kind == "true_false":
        return answer if all_known else rng.random() < 0.5
    if kind == "date_entry":
        year = int(answer["start"][:4]) + (0 if all_known else rng.choice([-2, -1, 1, 2]))
        month = {"month": int(answer["start"][5:7])} if question["precision"] == "month" else {}
        return {"year": year, **month}
    return answer if all_known else rng.choice(list(facts))  # which first, odd one out


class _Question(NamedTuple):
    """A question of a sitting and, once answered, its response, grade and time."""

    data: dict
    response: object = None
    score: float | None = None
    right: dict[str, bool] = {}
    answered_at: datetime | None = None


@dataclass
class _Sitting:
    user: object
    seed: str
    started_at: datetime
    questions: list[_Question]
    finished: bool


def _sittings(question_set: QuestionSet, pupils: list) -> list[_Sitting]:
    """Every pupil's attempts: how many (two to five, more for the keen), when (school days
    and evenings over the last three weeks), and their answers, graded."""
    facts = [f for f in facts_for_set(question_set) if in_period(f, question_set)]
    hardness = {fact.pk: difficulty(fact.text) for fact in facts}
    context = {
        "facts": facts,
        "pinned": [],
        "orders": stated_orders(facts),
        "links": acts_for(facts),
        "oppositions": opposed_sides(facts),
    }
    today = timezone.localtime(timezone.now(), PARIS).replace(
        hour=0, minute=0, second=0, microsecond=0
    )
    sittings = []
    for user in pupils:
        name = user.get_username()
        if name == NEVER_STARTED:
            continue
        rng = _rng("pupil", name)
        skill = ability(name)
        count = 2 + min(3, int(rng.random() * 3 + max(0.0, skill)))
        first_day = rng.randint(14, HISTORY_DAYS - 1)
        days = sorted({first_day, *(rng.randint(0, first_day - 1) for _ in range(count - 1))})
        seen: list[dict] = []
        exposures: dict[int, int] = {}
        for number, days_ago in enumerate(reversed(days)):
            start = today - timedelta(days=days_ago)
            start += timedelta(hours=rng.choice([10, 11, 14, 16, 17, 18, 20]))
            start += timedelta(minutes=rng.randint(0, 59))
            # Drawn whatever the hour, so the time of day never changes the answers drawn next.
            earlier = timedelta(minutes=rng.randint(30, 180))
            if start > timezone.now() - earlier:  # today, later than now: just before now
                start = timezone.now() - earlier
            seed = f"demo-{name}-{number}"
            questions = build_questions(question_set, seed, seen=seen, **context)
            seen += questions
            half_done = name == HALF_DONE and number == len(days) - 1
            answered = questions[: len(questions) // 2] if half_done else questions
            moment, graded_questions = start, []
            for question in answered:
                moment += timedelta(seconds=rng.randint(25, 110))
                ids = set(fact_ids(question).values())
                # Better with each sitting and with each time a fact comes back.
                known = {
                    f
                    for f in ids
                    if knows(rng, skill + 0.3 * number + 0.2 * exposures.get(f, 0), hardness[f])
                }
                response = respond(question, known, rng)
                graded = grade(
                    question,
                    response,
                    ordering_method=question_set.ordering_method,
                    matching_penalty=question_set.matching_penalty,
                )
                for f in ids:
                    exposures[f] = exposures.get(f, 0) + 1
                graded_questions.append(
                    _Question(question, response, graded.score, graded.right, moment)
                )
            unanswered = [_Question(q) for q in questions[len(answered) :]]
            sittings.append(
                _Sitting(user, seed, start, graded_questions + unanswered, not half_done)
            )
    return sittings


# --- Writing it ----------------------------------------------------------------------------


def demo_pupils(classroom) -> list:
    """The pupils of the demo class, created and enrolled if missing. They never log in (the
    demo student « eleve » is the account to try): no usable password."""
    User = get_user_model()
    names = [username(first, last) for first, last in PUPILS]
    existing = {u.get_username(): u for u in User.objects.filter(username__in=names)}
    for (first, last), name in zip(PUPILS, names, strict=True):
        if name not in existing:
            user = User(username=name, first_name=first, last_name=last)
            user.set_unusable_password()
            user.save()
            assign_role(user, "student")
            existing[name] = user
    pupils = [User.objects.get(username=DEMO_STUDENT), *(existing[n] for n in names)]
    enrolled = set(classroom.enrollments.values_list("student_id", flat=True))
    Enrollment.objects.bulk_create(
        Enrollment(classroom=classroom, student=u) for u in pupils if u.pk not in enrolled
    )
    return pupils


def has_history(question_set: QuestionSet) -> bool:
    names = [username(first, last) for first, last in PUPILS]
    return Attempt.objects.filter(question_set=question_set, user__username__in=names).exists()


@transaction.atomic
def build_history(*, classroom, question_set: QuestionSet) -> int:
    """The demo class's three weeks on the set, unless they exist already. Returns how many
    attempts were written (0 on a rerun)."""
    pupils = demo_pupils(classroom)
    if has_history(question_set):
        # A history built before review cards existed gets its cards once.
        if not ReviewCard.objects.filter(user__in=pupils).exists():
            replay_reviews(history_answers(question_set))
        return 0
    sittings = _sittings(question_set, pupils)
    attempts = Attempt.objects.bulk_create(
        Attempt(
            user=s.user,
            question_set=question_set,
            seed=s.seed,
            question_count=len(s.questions),
            answered_count=sum(1 for q in s.questions if q.answered_at is not None),
            score=sum(q.score for q in s.questions if q.score is not None),
            finished_at=s.questions[-1].answered_at if s.finished else None,
        )
        for s in sittings
    )
    for attempt, sitting in zip(attempts, sittings, strict=True):
        attempt.started_at = sitting.started_at  # auto_now_add ignores a given value
    Attempt.objects.bulk_update(attempts, ["started_at"], batch_size=500)
    rows = [
        (
            AttemptQuestion(
                attempt=attempt,
                position=position,
                kind=question.data["kind"],
                data=question.data,
                response=question.response,
                score=question.score,
                answered_at=question.answered_at,
            ),
            question.right,
        )
        for attempt, sitting in zip(attempts, sittings, strict=True)
        for position, question in enumerate(sitting.questions, start=1)
    ]
    AttemptQuestion.objects.bulk_create([question for question, _right in rows], batch_size=500)
    results = [
        FactResult(
            question=question,
            fact_id=fact_ids(question.data)[item],
            user_id=question.attempt.user_id,
            correct=correct,
        )
        for question, right in rows
        for item, correct in right.items()
    ]
    FactResult.objects.bulk_create(results, batch_size=500)
    # Dated when their question was answered, in one query (auto_now_add dated them now).
    FactResult.objects.filter(question__attempt__in=attempts).update(
        created_at=Subquery(
            AttemptQuestion.objects.filter(pk=OuterRef("question_id")).values("answered_at")[:1]
        )
    )
    replay_reviews(history_answers(question_set))
    return len(attempts)


def history_answers(question_set: QuestionSet) -> list[DemoAnswer]:
    """The demo pupils' graded facts on the set, in the order they were answered."""
    names = [DEMO_STUDENT, *(username(first, last) for first, last in PUPILS)]
    rows = (
        FactResult.objects.filter(
            question__attempt__question_set=question_set, user__username__in=names
        )
        .order_by("question__answered_at", "question_id", "fact_id")
        .values_list("user_id", "fact_id", "correct", "question__score", "question__answered_at")
    )
    return [
        DemoAnswer(user_id, fact_id, correct, not correct and score > 0, answered_at)
        for user_id, fact_id, correct, score, answered_at in rows
    ]
