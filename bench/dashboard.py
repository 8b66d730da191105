"""Benchmark: how long the teachers' results pages take for a class of 300 students with
20 finished attempts each, on a fresh temporary SQLite database.

    .venv/bin/python bench/dashboard.py                      # 300 students × 20 attempts
    .venv/bin/python bench/dashboard.py --students 30 --repeats 5

Each page is requested through Django's test client (whole request: middleware, session,
queries, template), logged in as the class's teacher; the figure is the median of the repeats,
with the number of SQL queries of one request.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def configure(db_path: Path) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "quizsite.settings"
    os.environ["DATABASE_URL"] = f"sqlite:///{db_path}"
    os.environ["DEBUG"] = "0"  # as in production: no query log kept in memory
    os.environ["QUIZSITE_ALLOW_INSECURE_KEY"] = "1"
    os.environ["QUIZSITE_PLAIN_STATIC"] = "1"
    os.environ["ALLOWED_HOSTS"] = "testserver"
    import django

    django.setup()


def build_class(students: int, attempts_each: int):
    """Migrate, load the facts, and build the class in bulk from one generated attempt."""
    from django.core.management import call_command
    from django.utils import timezone

    from tests.factories import (
        build_attempts,
        enrolled_pupils,
        make_class,
        make_teacher,
        published_set,
        question_templates,
        right_then_wrong,
    )

    call_command("migrate", verbosity=0)
    call_command("loaddata", *sorted((ROOT / "fixtures").glob("*.json")), verbosity=0)
    teacher = make_teacher("prof-bench", password="!")
    classroom = make_class(teacher=teacher, name="3e B")
    question_set = published_set(
        owner=teacher,
        title="Débarquements",
        classrooms=[classroom],
        chronology_count=2,
        matching_count=2,
        matching_pairs=3,
    )
    templates = question_templates(question_set=question_set, user=teacher)
    pupils = enrolled_pupils(classroom=classroom, count=students)
    now = timezone.now()
    build_attempts(
        question_set=question_set,
        templates=templates,
        plan=[
            (
                pupil,
                right_then_wrong(right=(s + n) % (len(templates) + 1), out_of=len(templates)),
                now - timedelta(hours=n),
            )
            for s, pupil in enumerate(pupils)
            for n in range(attempts_each)
        ],
        seed="bench",
    )
    return teacher, classroom, question_set


def measure(client, url: str, repeats: int) -> tuple[float, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    # Counted now: the captured list is read lazily from a log each request start clears.
    query_count = len(queries)
    timings = []
    for _ in range(repeats):
        start = time.perf_counter()
        client.get(url)
        timings.append(1000 * (time.perf_counter() - start))
    return statistics.median(timings), query_count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=300)
    parser.add_argument("--attempts", type=int, default=20)
    parser.add_argument("--repeats", type=int, default=20)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        configure(Path(tmp) / "bench.sqlite3")
        from django.test import Client
        from django.urls import reverse

        start = time.perf_counter()
        teacher, classroom, question_set = build_class(args.students, args.attempts)
        built = time.perf_counter() - start
        client = Client()
        client.force_login(teacher)
        pages = {
            "overview": reverse("teacher_results"),
            "class × set detail": reverse(
                "teacher_results_detail", args=[classroom.pk, question_set.pk]
            ),
            "CSV export": reverse("teacher_results_csv", args=[classroom.pk, question_set.pk]),
        }
        print(
            f"{args.students} students × {args.attempts} finished attempts, "
            f"{args.repeats} requests per page (median) — SQLite, Python "
            f"{platform.python_version()}, {platform.machine()}; data built in {built:.1f} s"
        )
        print()
        print("| page | ms per request (median) | SQL queries |")
        print("|------|-------------------------:|-------------:|")
        for label, url in pages.items():
            median_ms, query_count = measure(client, url, args.repeats)
            print(f"| {label} | {median_ms:.1f} | {query_count} |")


if __name__ == "__main__":
    main()
