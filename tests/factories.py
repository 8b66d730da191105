"""Small builders of made-up data for tests and benchmarks: accounts, classes with their pupils,
published sets, and attempts (finished or not) built in bulk from one really generated attempt.

Import after Django is set up (pytest-django does it; a bench script calls `django.setup()`
first): these functions write through the models."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import NamedTuple

from django.contrib.auth.models import User
from django.utils import timezone

from quizzes.models import Attempt, AttemptQuestion, Classroom, Enrollment, FactResult, QuestionSet
from quizzes.roles import assign_role

PASSWORD = "mot-de-passe-solide-42"

# One attempt to build: the student, each question's score by position (None: started and
# nothing answered yet), and when the last answer was given (None for an unfinished attempt).
PlannedAttempt = tuple[User, Sequence[float] | None, datetime | None]


# The username comes first and may be positional: `make_student("camille")` reads well and
# is how every test (and other branches' tests, through tests.conftest) calls it.
def make_student(username: str, password: str = PASSWORD) -> User:
    """A pupil's account (in the students group), with a real hashed password."""
    user = User.objects.create_user(username=username, password=password)
    assign_role(user, "student")
    return user


def make_teacher(username: str, password: str = PASSWORD) -> User:
    """A teacher's account (in the teachers group), with a real hashed password."""
    user = User.objects.create_user(username=username, password=password)
    assign_role(user, "teacher")
    return user


def make_class(*, teacher: User, name: str = "3e B", pupils: Iterable[User] = ()) -> Classroom:
    """A teacher's class with these pupils enrolled."""
    classroom = Classroom.objects.create(name=name, teacher=teacher)
    Enrollment.objects.bulk_create(Enrollment(classroom=classroom, student=p) for p in pupils)
    return classroom


def enrolled_pupils(*, classroom: Classroom, count: int, prefix: str = "eleve") -> list[User]:
    """`count` accounts enrolled in the class, in two bulk queries: no password (nothing to
    hash) and no role, for pages that list a class's pupils and their results."""
    users = User.objects.bulk_create(
        User(username=f"{prefix}-{n:03d}", password="!", last_name=f"Nom {n:03d}")
        for n in range(count)
    )
    Enrollment.objects.bulk_create(Enrollment(classroom=classroom, student=u) for u in users)
    return users


def published_set(
    *, owner: User | None, title: str, classrooms: Iterable[Classroom] = (), **fields: object
) -> QuestionSet:
    """A published set given to these classes; `fields` are the set's own (question counts...)."""
    question_set = QuestionSet.objects.create(
        title=title, owner=owner, status=QuestionSet.Status.PUBLISHED, **fields
    )
    question_set.classrooms.add(*classrooms)
    return question_set


class QuestionTemplate(NamedTuple):
    """A generated question, copied into every attempt built in bulk."""

    position: int
    kind: str
    data: dict

    @property
    def fact_ids(self) -> list[int]:
        # "items" is every kind's list of what the question shows (a matching's prompts too).
        return [int(item["fact_id"]) for item in self.data["items"]]


def templates_of(attempt: Attempt) -> list[QuestionTemplate]:
    """The questions of a really generated attempt, in order."""
    return [
        QuestionTemplate(q.position, q.kind, q.data) for q in attempt.questions.order_by("position")
    ]


def question_templates(*, question_set: QuestionSet, user: User) -> list[QuestionTemplate]:
    """The questions of one real attempt at the set (the attempt itself is deleted)."""
    # Imported here: the question builder takes 0.1 s to import, which every test would pay
    # through tests/conftest.py, the engine's included.
    from quizzes.attempts import start_attempt

    model = start_attempt(question_set, user=user)
    templates = templates_of(model)
    model.delete()
    return templates


def slim_templates(templates: Sequence[QuestionTemplate]) -> list[QuestionTemplate]:
    """The templates with only what the results pages read (kind and fact ids): big classes
    are built faster and the pages never read the rest."""
    return [
        QuestionTemplate(
            t.position, t.kind, {"kind": t.kind, "items": [{"fact_id": f} for f in t.fact_ids]}
        )
        for t in templates
    ]


def right_then_wrong(*, right: int, out_of: int) -> list[float]:
    """Scores by position: the first `right` questions right, the others wrong."""
    return [1.0 if position < right else 0.0 for position in range(out_of)]


def build_attempts(
    *,
    question_set: QuestionSet,
    templates: Sequence[QuestionTemplate],
    plan: Iterable[PlannedAttempt],
    seed: str = "bulk",
    batch_size: int | None = None,
) -> list[Attempt]:
    """Attempts at the set, each with the templates' questions, in three bulk queries.

    A finished attempt gets its scores, answer times and per-fact results (each of a
    question's facts is right when the question scored 1); an unfinished one gets its
    questions, unanswered. The totals agree with the questions, as the constraints demand."""
    plan = list(plan)
    count = len(templates)
    attempts = Attempt.objects.bulk_create(
        (
            Attempt(
                user=student,
                question_set=question_set,
                seed=f"{seed}-{n}",
                question_count=count,
                answered_count=count if scores is not None else 0,
                score=sum(scores) if scores is not None else 0,
                finished_at=finished_at if scores is not None else None,
            )
            for n, (student, scores, finished_at) in enumerate(plan)
        ),
        batch_size=batch_size,
    )
    questions = AttemptQuestion.objects.bulk_create(
        (
            AttemptQuestion(
                attempt=attempt,
                position=t.position,
                kind=t.kind,
                data=t.data,
                response=[] if scores is not None else None,
                score=scores[t.position - 1] if scores is not None else None,
                answered_at=finished_at if scores is not None else None,
            )
            for attempt, (_student, scores, finished_at) in zip(attempts, plan, strict=True)
            for t in templates
        ),
        batch_size=batch_size,
    )
    facts = {t.position: t.fact_ids for t in templates}
    FactResult.objects.bulk_create(
        (
            FactResult(question=q, fact_id=fact, user_id=q.attempt.user_id, correct=q.score == 1.0)
            for q in questions
            if q.score is not None
            for fact in facts[q.position]
        ),
        batch_size=batch_size,
    )
    return attempts


def finished_attempt(
    *,
    student: User,
    question_set: QuestionSet,
    score: float,
    question_count: int = 5,
    finished_at: datetime | None = None,
) -> Attempt:
    """A finished attempt with its totals only (no questions), for pages that show scores."""
    return Attempt.objects.create(
        user=student,
        question_set=question_set,
        seed=f"test-{student.pk}-{score}",
        question_count=question_count,
        answered_count=question_count,
        score=score,
        finished_at=finished_at or timezone.now(),
    )


def attempt_with_questions(
    *, student: User, question_set: QuestionSet, questions: Sequence[dict], seed: str = "test"
) -> Attempt:
    """An unanswered attempt holding these generated (or pinned) questions, in order."""
    attempt = Attempt.objects.create(
        user=student, question_set=question_set, seed=seed, question_count=len(questions)
    )
    AttemptQuestion.objects.bulk_create(
        AttemptQuestion(attempt=attempt, position=n, kind=data["kind"], data=data)
        for n, data in enumerate(questions, 1)
    )
    return attempt
