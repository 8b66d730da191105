"""Seed a benchmark database in bulk: 10 teachers × 4 classes × 25 students (1,000 students),
50 published sets (5 per teacher, given to that teacher's 4 classes), 20,000 finished
attempts with their questions and per-fact results, and unanswered attempts for one student
(the submission benchmark posts to them).

Used by bench/load/run.py and bench/faults/pg_restart.py, in a process whose settings
(DATABASE_URL...) are already configured: call `seed(...)` after `django.setup()`.
"""

from __future__ import annotations

import time
from datetime import timedelta
from pathlib import Path

PASSWORD = "banc-d-essai-mot-de-passe-42"
STUDENT = "eleve-banc"
TEACHER = "prof-banc-00"

TEACHERS = 10
CLASSES_PER_TEACHER = 4
STUDENTS_PER_CLASS = 25
SETS_PER_TEACHER = 5


def right_answer_post(question: dict) -> dict[str, str]:
    """The form fields that give the right answer to a stored question."""
    if question["kind"] == "chronology":
        return {f"position-{item_id}": str(n) for n, item_id in enumerate(question["answer"], 1)}
    return {f"match-{prompt}": answer for prompt, answer in dict(question["answer"]).items()}


def _fact_ids(data: dict) -> list[int]:
    return [int(item["fact_id"]) for item in data.get("items") or data["prompts"]]


def seed(
    *, finished_attempts: int = 20_000, open_attempts: int = 1_200, batch: int = 2_000
) -> dict:
    """Build everything; returns what the benchmark needs (ids, logins, open questions)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.core.management import call_command
    from django.utils import timezone

    from quizzes.attempts import start_attempt
    from quizzes.models import (
        Attempt,
        AttemptQuestion,
        Classroom,
        Enrollment,
        FactResult,
        QuestionSet,
    )
    from quizzes.roles import STUDENTS
    from quizzes.roles import TEACHERS as TEACHER_GROUP

    root = Path(__file__).resolve().parent.parent.parent
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command(
        "loaddata", *sorted(str(p) for p in (root / "fixtures").glob("*.json")), verbosity=0
    )
    User = get_user_model()
    student_group, _ = Group.objects.get_or_create(name=STUDENTS)
    teacher_group, _ = Group.objects.get_or_create(name=TEACHER_GROUP)

    # Users: two real passwords (hashed once each), the others unusable ("!": no hashing).
    teachers = []
    for t in range(TEACHERS):
        teacher = User(username=f"prof-banc-{t:02d}", last_name=f"Prof {t:02d}")
        teacher.set_password(PASSWORD) if t == 0 else teacher.set_unusable_password()
        teachers.append(teacher)
    teachers = User.objects.bulk_create(teachers)
    User.groups.through.objects.bulk_create(
        User.groups.through(user_id=t.pk, group_id=teacher_group.pk) for t in teachers
    )
    bench_student = User(username=STUDENT, last_name="Banc")
    bench_student.set_password(PASSWORD)
    students = [bench_student] + [
        User(username=f"eleve-{n:04d}", password="!", last_name=f"Nom {n:04d}")
        for n in range(1, TEACHERS * CLASSES_PER_TEACHER * STUDENTS_PER_CLASS)
    ]
    students = User.objects.bulk_create(students, batch_size=batch)
    User.groups.through.objects.bulk_create(
        (User.groups.through(user_id=s.pk, group_id=student_group.pk) for s in students),
        batch_size=batch,
    )

    classes = Classroom.objects.bulk_create(
        Classroom(name=f"3e {chr(65 + c)} ({t:02d})", teacher=teacher)
        for t, teacher in enumerate(teachers)
        for c in range(CLASSES_PER_TEACHER)
    )
    # Student n is in class n // 25: the bench student is in the first class of teacher 0.
    student_class = [classes[n // STUDENTS_PER_CLASS] for n in range(len(students))]
    Enrollment.objects.bulk_create(
        (Enrollment(classroom=c, student=s) for s, c in zip(students, student_class, strict=True)),
        batch_size=batch,
    )

    sets = []
    templates = {}
    for t, teacher in enumerate(teachers):
        for n in range(SETS_PER_TEACHER):
            question_set = QuestionSet.objects.create(
                title=f"Série {n + 1} de {teacher.username}",
                owner=teacher,
                status=QuestionSet.Status.PUBLISHED,
            )
            question_set.classrooms.add(
                *classes[t * CLASSES_PER_TEACHER : (t + 1) * CLASSES_PER_TEACHER]
            )
            model = start_attempt(question_set, user=teacher)
            templates[question_set.pk] = [
                (q.position, q.kind, q.data) for q in model.questions.order_by("position")
            ]
            model.delete()
            sets.append(question_set)
    teacher_sets = {
        t: sets[t * SETS_PER_TEACHER : (t + 1) * SETS_PER_TEACHER] for t in range(TEACHERS)
    }

    # Finished attempts: spread evenly, each student on the sets of their class's teacher.
    now = timezone.now()
    per_student = finished_attempts // len(students)
    plan = []
    for s, student in enumerate(students):
        own_sets = teacher_sets[s // (CLASSES_PER_TEACHER * STUDENTS_PER_CLASS)]
        for n in range(per_student):
            question_set = own_sets[n % len(own_sets)]
            count = len(templates[question_set.pk])
            scores = [float((s + n + p) % 3 != 0) for p in range(count)]
            plan.append(
                (
                    student,
                    question_set,
                    scores,
                    now - timedelta(hours=per_student - n, minutes=s % 60),
                )
            )
    for start in range(0, len(plan), batch):
        _build(plan[start : start + batch], templates, Attempt, AttemptQuestion, FactResult)

    # Unanswered attempts of the bench student on the first set of teacher 0.
    open_set = teacher_sets[0][0]
    open_made = Attempt.objects.bulk_create(
        Attempt(
            user=bench_student,
            question_set=open_set,
            seed=f"open-{n}",
            question_count=len(templates[open_set.pk]),
        )
        for n in range(open_attempts + 1)
    )
    AttemptQuestion.objects.bulk_create(
        (
            AttemptQuestion(attempt=attempt, position=position, kind=kind, data=data)
            for attempt in open_made
            for position, kind, data in templates[open_set.pk]
        ),
        batch_size=batch,
    )
    page_attempt, post_attempts = open_made[0], open_made[1:]
    return {
        "seconds": time.perf_counter() - started,
        "password": PASSWORD,
        "student": STUDENT,
        "teacher": TEACHER,
        "class_id": classes[0].pk,
        "set_id": open_set.pk,
        "page_attempt": page_attempt.pk,
        "post_attempts": [a.pk for a in post_attempts],
        "open_questions": [
            (position, right_answer_post(data)) for position, _kind, data in templates[open_set.pk]
        ],
        "counts": {
            "students": len(students),
            "teachers": len(teachers),
            "classes": len(classes),
            "sets": len(sets),
            "finished_attempts": Attempt.objects.finished().count(),
            "attempt_questions": AttemptQuestion.objects.count(),
            "fact_results": FactResult.objects.count(),
            "open_attempts": len(open_made),
        },
    }


def _build(plan, templates, Attempt, AttemptQuestion, FactResult):
    attempts = Attempt.objects.bulk_create(
        Attempt(
            user=student,
            question_set=question_set,
            seed=f"bench-{student.pk}-{n}",
            question_count=len(scores),
            answered_count=len(scores),
            score=sum(scores),
            finished_at=finished_at,
        )
        for n, (student, question_set, scores, finished_at) in enumerate(plan)
    )
    questions = AttemptQuestion.objects.bulk_create(
        AttemptQuestion(
            attempt=attempt,
            position=position,
            kind=kind,
            data=data,
            response=[],
            score=scores[position - 1],
            answered_at=finished_at,
        )
        for attempt, (_student, question_set, scores, finished_at) in zip(
            attempts, plan, strict=True
        )
        for position, kind, data in templates[question_set.pk]
    )
    FactResult.objects.bulk_create(
        FactResult(question=q, fact_id=fact, user_id=q.attempt.user_id, correct=q.score == 1.0)
        for q in questions
        for fact in _fact_ids(q.data)
    )
