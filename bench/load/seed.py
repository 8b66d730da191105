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


def seed(
    *, finished_attempts: int = 20_000, open_attempts: int = 1_200, batch: int = 2_000
) -> dict:
    """Build everything; returns what the benchmark needs (ids, logins, open questions)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.core.management import call_command
    from django.utils import timezone

    from quizzes.models import Attempt, AttemptQuestion, Classroom, Enrollment, FactResult
    from quizzes.roles import STUDENTS
    from quizzes.roles import TEACHERS as TEACHER_GROUP
    from tests.factories import build_attempts, published_set, question_templates

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
            question_set = published_set(
                owner=teacher,
                title=f"Série {n + 1} de {teacher.username}",
                classrooms=classes[t * CLASSES_PER_TEACHER : (t + 1) * CLASSES_PER_TEACHER],
            )
            templates[question_set.pk] = question_templates(question_set=question_set, user=teacher)
            sets.append(question_set)
    teacher_sets = {
        t: sets[t * SETS_PER_TEACHER : (t + 1) * SETS_PER_TEACHER] for t in range(TEACHERS)
    }

    # Finished attempts: spread evenly, each student on the sets of their class's teacher.
    now = timezone.now()
    per_student = finished_attempts // len(students)
    plans = {question_set.pk: [] for question_set in sets}
    for s, student in enumerate(students):
        own_sets = teacher_sets[s // (CLASSES_PER_TEACHER * STUDENTS_PER_CLASS)]
        for n in range(per_student):
            question_set = own_sets[n % len(own_sets)]
            count = len(templates[question_set.pk])
            scores = [float((s + n + p) % 3 != 0) for p in range(count)]
            finished_at = now - timedelta(hours=per_student - n, minutes=s % 60)
            plans[question_set.pk].append((student, scores, finished_at))
    for question_set in sets:
        build_attempts(
            question_set=question_set,
            templates=templates[question_set.pk],
            plan=plans[question_set.pk],
            seed="bench",
            batch_size=batch,
        )

    # Unanswered attempts of the bench student on the first set of teacher 0.
    open_set = teacher_sets[0][0]
    open_made = build_attempts(
        question_set=open_set,
        templates=templates[open_set.pk],
        plan=[(bench_student, None, None)] * (open_attempts + 1),
        seed="open",
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
