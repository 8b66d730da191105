"""Benchmark: FSRS scheduling of a whole class's answers to one quiz, on a fresh temporary
SQLite database: every graded item of every question of every pupil rates its fact (the
ratings come from the real parser and grader, on really generated questions).

    .venv/bin/python bench/review_scheduling.py                  # 30 pupils, 10 questions
    .venv/bin/python bench/review_scheduling.py --students 300 --repeats 3
    .venv/bin/python bench/review_scheduling.py --pages            # 300 pupils × 500 facts

With --pages: a class of 300 pupils, each with a card on every one of 500 facts (the 55 of the
fixtures and copies of their events) after `--rounds` reviews of each, two days apart, made by
the scheduler itself; then the median time and the SQL queries of the review and mastery
pages, through Django's test client.

Two figures, each the median of the repeats (time.perf_counter, whole call, DEBUG=0):
- « first answers »: no pupil has a card yet, every card is created;
- « two days later »: the same answers again, every card read, locked and rewritten.
Both as one bulk call for the class (quizzes.review.scheduling.schedule_reviews) and as one
call per pupil (schedule_answers, what the demo's history replays), with the SQL query count.
"""

from __future__ import annotations

import argparse
import platform
import random
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from dashboard import configure  # noqa: E402


def class_answers(students: int) -> tuple[list, int]:
    """Migrate, load the facts, make the pupils, and grade one attempt of each on a quiz of
    10 questions (4 kinds); returns the Reviews a class's answers give, and the item count."""
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.utils import timezone

    from quizzes import answers
    from quizzes.models import QuestionSet
    from quizzes.question_builder import build_questions
    from quizzes.review.scheduling import Review, rating_for
    from tests.conftest import right_answer_post  # every kind (bench/load/seed.py: two)

    call_command("migrate", verbosity=0)
    call_command("loaddata", *sorted((HERE.parent / "fixtures").glob("*.json")), verbosity=0)
    question_set = QuestionSet.objects.create(
        title="Bench",
        status=QuestionSet.Status.PUBLISHED,
        chronology_count=3,
        chronology_items=4,
        matching_count=3,
        matching_pairs=3,
        which_first_count=2,
        date_entry_count=2,
    )
    pupils = get_user_model().objects.bulk_create(
        get_user_model()(username=f"eleve-{n:03d}", password="!") for n in range(students)
    )
    rng = random.Random(13)
    now = timezone.now()
    reviews = []
    for pupil in pupils:
        questions = build_questions(question_set, f"bench-{pupil.pk}")
        for question in questions:
            post = right_answer_post(question)
            if rng.random() < 0.35 and question["kind"] in ("chronology", "matching"):
                first, second = list(post)[:2]  # two items swapped: partly right
                post[first], post[second] = post[second], post[first]
            response = answers.parse_response(question, post)
            graded = answers.grade(
                question,
                response,
                ordering_method=question_set.ordering_method,
                matching_penalty=0.0,
            )
            facts = answers.fact_ids(question)
            reviews += [
                Review(pupil.pk, facts[item], rating_for(credit), now)
                for item, credit in graded.credit.items()
                if item in facts
            ]
    return reviews, len(reviews)


def timed(work) -> tuple[float, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        start = time.perf_counter()
        work()
        elapsed = 1000 * (time.perf_counter() - start)
    return elapsed, len(queries)


def measure(reviews: list, repeats: int) -> dict[str, tuple[float, int]]:
    from collections import defaultdict

    from quizzes.models import ReviewCard, ReviewLog
    from quizzes.review.scheduling import schedule_answers, schedule_reviews

    later = [
        r.__class__(**{**r.__dict__, "reviewed_at": r.reviewed_at + timedelta(days=2)})
        for r in reviews
    ]
    by_pupil: dict[int, list] = defaultdict(list)
    for review in reviews:
        by_pupil[review.user_id].append((review.fact_id, review.rating))
    moment = reviews[0].reviewed_at

    def per_pupil(at):
        def run():
            for user_id, results in by_pupil.items():
                schedule_answers(user=user_id, results=results, reviewed_at=at)

        return run

    runs = {
        "class, first answers": lambda: schedule_reviews(reviews),
        "class, two days later": lambda: schedule_reviews(later),
        "per pupil, first answers": per_pupil(moment),
        "per pupil, two days later": per_pupil(moment + timedelta(days=2)),
    }
    figures: dict[str, list] = {name: [] for name in runs}
    for _repeat in range(repeats):
        for name, work in runs.items():
            if "first" in name:
                ReviewCard.objects.all().delete()
                ReviewLog.objects.all().delete()
            figures[name].append(timed(work))
    return {
        name: (statistics.median(ms for ms, _q in values), values[0][1])
        for name, values in figures.items()
    }


def sized_class(students: int, facts_wanted: int, rounds: int):
    """The class of --pages; returns (teacher, a pupil)."""
    from datetime import UTC, datetime

    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from quizzes.models import Classroom, Enrollment, Fact, Rating
    from quizzes.review.scheduling import Review, schedule_reviews
    from quizzes.roles import assign_role

    call_command("migrate", verbosity=0)
    call_command("loaddata", *sorted((HERE.parent / "fixtures").glob("*.json")), verbosity=0)
    events = list(Fact.objects.events().filter(relation=""))
    fields = [f.attname for f in Fact._meta.concrete_fields if f.attname != "id"]
    copies = []
    for n in range(facts_wanted - Fact.objects.count()):
        model = events[n % len(events)]  # a copy: the same dates, a new text
        values = {name: getattr(model, name) for name in fields}
        copies.append(Fact(**{**values, "text": f"{model.text} (copie {n})"}))
    Fact.objects.bulk_create(copies)
    users = get_user_model().objects
    teacher = users.create_user("prof-bench", password="!")
    assign_role(teacher, "teacher")
    classroom = Classroom.objects.create(name="3e B", teacher=teacher)
    pupils = users.bulk_create(
        get_user_model()(username=f"eleve-{n:03d}", password="!") for n in range(students)
    )
    Enrollment.objects.bulk_create(Enrollment(classroom=classroom, student=u) for u in pupils)
    fact_ids = list(Fact.objects.values_list("pk", flat=True))
    rng = random.Random(13)
    start = datetime.now(UTC) - timedelta(days=2 * rounds)
    for round_ in range(rounds):
        at = start + timedelta(days=2 * round_)
        ratings = (Rating.AGAIN, Rating.HARD, Rating.GOOD, Rating.GOOD)
        schedule_reviews(
            [Review(u.pk, f, rng.choice(ratings), at) for u in pupils for f in fact_ids]
        )
    return teacher, classroom, pupils[0]


def page_figures(args) -> None:
    from dashboard import measure as measure_page
    from django.test import Client
    from django.urls import reverse

    started = time.perf_counter()
    teacher, classroom, pupil = sized_class(args.students, args.facts, args.rounds)
    built = time.perf_counter() - started
    print(
        f"{args.students} pupils × {args.facts} facts × {args.rounds} reviews each, "
        f"built in {built:.0f} s; median of {args.repeats} requests"
    )
    print("| page | ms | SQL queries |")
    print("|---|---:|---:|")
    as_teacher, as_pupil = Client(), Client()
    as_teacher.force_login(teacher)
    as_pupil.force_login(pupil)
    pages = [
        (
            "class mastery (teacher)",
            as_teacher,
            reverse("teacher_class_mastery", args=[classroom.pk]),
        ),
        ("« Réviser » (pupil)", as_pupil, reverse("review")),
        ("« Ce que je maîtrise » (pupil)", as_pupil, reverse("my_mastery")),
        ("pupil's home (facts due)", as_pupil, reverse("student_home")),
    ]
    for name, client, url in pages:
        ms, queries = measure_page(client, url, args.repeats)
        print(f"| {name} | {ms:.1f} | {queries} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=30)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--pages", action="store_true")
    parser.add_argument("--facts", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    if args.pages:
        with tempfile.TemporaryDirectory() as tmp:
            configure(Path(tmp) / "bench.sqlite3")
            if args.students == 30:
                args.students = 300
            page_figures(args)
        return
    with tempfile.TemporaryDirectory() as tmp:
        configure(Path(tmp) / "bench.sqlite3")
        reviews, items = class_answers(args.students)
        figures = measure(reviews, args.repeats)
    print(
        f"CPython {platform.python_version()}, {platform.system()} {platform.machine()}; "
        f"{args.students} pupils, 10 questions each, {items} graded items; "
        f"median of {args.repeats}"
    )
    print("| run | ms | µs per item | SQL queries |")
    print("|---|---:|---:|---:|")
    for name, (ms, queries) in figures.items():
        print(f"| {name} | {ms:.1f} | {1000 * ms / items:.0f} | {queries} |")


if __name__ == "__main__":
    main()
