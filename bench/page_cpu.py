"""Benchmark: server CPU per request of the four pages issue 12 sets targets for, in process,
on a fresh temporary SQLite database (a class of 300 pupils with finished attempts on a set;
one of them with an open attempt).

    .venv/bin/python bench/page_cpu.py                         # 200 requests per page
    .venv/bin/python bench/page_cpu.py --requests 50 --students 30
    .venv/bin/python bench/page_cpu.py --profile detail        # cProfile of one page

Each request goes through Django's test client (middleware, session, queries, template),
DEBUG=0. The figure is the CPU time of this process (time.process_time: SQLite runs in it, so
its work counts too), not wall time, because the machine is shared: compare runs only through
the ratio to the trivial page measured in the same run.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE / "load"))

from dashboard import build_class, configure  # noqa: E402

PAGES = (
    "trivial",
    "question",
    "answer",
    "answer_htmx",
    "results",
    "detail",
    "detail_new_answer",
)
LABELS = {
    "trivial": "page triviale (/bench/trivial/)",
    "question": "page d’une question",
    "answer": "réponse envoyée (POST) et correction",
    "answer_htmx": "réponse envoyée par htmx (fragment de la correction)",
    "results": "« Mes résultats »",
    "detail": "détail classe × série (enseignant), revu sans nouvelle réponse",
    "detail_new_answer": "détail classe × série (enseignant), après une nouvelle réponse d’un élève",
}


def build(students: int, attempts_each: int, answers: int) -> dict:
    """The class of bench/dashboard.py, plus open attempts of its first pupil to answer."""
    from django.contrib.auth import get_user_model
    from seed import right_answer_post

    from quizzes.attempts import start_attempt
    from quizzes.roles import assign_role
    from tests.factories import build_attempts, templates_of

    teacher, classroom, question_set = build_class(students, attempts_each)
    pupil = get_user_model().objects.get(username="eleve-000")
    assign_role(pupil, "student")
    page_attempt = start_attempt(question_set, user=pupil)
    templates = templates_of(page_attempt)
    post_attempts = build_attempts(
        question_set=question_set,
        templates=templates,
        plan=[(pupil, None, None)] * answers,
        seed="post",
    )
    # A second pupil's fresh attempts: each « new answer » of the teacher's page is one of them.
    other = get_user_model().objects.get(username="eleve-001")
    other_attempts = build_attempts(
        question_set=question_set,
        templates=templates,
        plan=[(other, None, None)] * answers,
        seed="new",
    )
    return {
        "new_answer_attempts": [a.pk for a in other_attempts],
        "teacher": teacher,
        "pupil": pupil,
        "question_url": f"/quiz/tentatives/{page_attempt.pk}/questions/1/",
        "post_urls": [f"/quiz/tentatives/{a.pk}/questions/1/" for a in post_attempts],
        "post_body": right_answer_post(templates[0].data),
        "detail_url": f"/enseignant/resultats/classes/{classroom.pk}/series/{question_set.pk}/",
    }


def requester(page: str, data: dict):
    """A function making one request of the page (a fresh attempt for each answer)."""
    from django.test import Client

    client = Client()
    client.force_login(data["teacher" if page.startswith("detail") else "pupil"])
    if page.startswith("answer"):
        # Each kind of post answers its own half of the fresh attempts.
        half = len(data["post_urls"]) // 2
        urls = iter(data["post_urls"][:half] if page == "answer" else data["post_urls"][half:])
        headers = {"HX-Request": "true"} if page == "answer_htmx" else {}

        def answer():
            return client.post(next(urls), data["post_body"], headers=headers)

        return answer
    if page == "detail_new_answer":
        attempt_ids = iter(data["new_answer_attempts"])

        def after_new_answer():
            return client.get(data["detail_url"])

        # Before each (untimed): a pupil of the class stores a right answer, as the site does.
        after_new_answer.prepare = lambda: store_answer(next(attempt_ids))
        return after_new_answer
    url = {
        "trivial": "/bench/trivial/",
        "question": data["question_url"],
        "results": "/mes-resultats/",
        "detail": data["detail_url"],
    }[page]
    return lambda: client.get(url)


def store_answer(attempt_id: int) -> None:
    from quizzes import answers
    from quizzes.models import AttemptQuestion

    question = AttemptQuestion.objects.select_related("attempt__question_set").get(
        attempt_id=attempt_id, position=1
    )
    response = answers.parse_response(question.data, _post(question.data))
    graded = answers.grade(
        question.data,
        response,
        ordering_method=question.attempt.question_set.ordering_method,
        matching_penalty=question.attempt.question_set.matching_penalty,
    )
    assert answers.submit(question, response, graded)


def _post(data: dict):
    from django.http import QueryDict
    from seed import right_answer_post

    post = QueryDict(mutable=True)
    post.update(right_answer_post(data))
    return post


def prepare(request) -> None:
    """What must happen before a timed request (nothing for most pages)."""
    getattr(request, "prepare", lambda: None)()


def query_count(request) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = request()
    assert response.status_code == 200, response.status_code
    return len(queries)


def measure(page: str, data: dict, requests: int) -> dict:
    request = requester(page, data)
    prepare(request)
    request()  # warm-up: templates compiled, caches filled
    prepare(request)
    queries = query_count(request)
    timings = []
    for _ in range(requests):
        prepare(request)
        start = time.process_time()
        request()
        timings.append(1000 * (time.process_time() - start))
    timings.sort()
    return {
        "median": statistics.median(timings),
        "p90": timings[int(0.9 * (len(timings) - 1))],
        "queries": queries,
    }


def profile(page: str, data: dict, requests: int, top: int) -> None:
    request = requester(page, data)
    prepare(request)
    request()
    profiler = cProfile.Profile(time.process_time)
    for _ in range(requests):
        prepare(request)
        profiler.enable()
        request()
        profiler.disable()
    stats = pstats.Stats(profiler)
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=300)
    parser.add_argument("--attempts", type=int, default=20, help="finished attempts per pupil")
    parser.add_argument("--requests", type=int, default=200, help="requests per page")
    parser.add_argument("--profile", choices=PAGES, help="cProfile this page instead")
    parser.add_argument("--top", type=int, default=30, help="functions the profile prints")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        # The trivial view of the load bench is mounted only when this is set.
        os.environ["BENCH_VIEWS"] = "1"
        configure(Path(tmp) / "bench.sqlite3")
        start = time.perf_counter()
        data = build(args.students, args.attempts, answers=2 * (args.requests + 2))
        built = time.perf_counter() - start
        if args.profile:
            profile(args.profile, data, args.requests, args.top)
            return
        print(
            f"{args.students} élèves × {args.attempts} tentatives terminées, "
            f"{args.requests} requêtes par page — SQLite en processus, DEBUG=0; "
            f"données construites en {built:.1f} s"
        )
        print()
        print("| page | ms CPU par requête (médiane) | p90 | × page triviale | requêtes SQL |")
        print("|------|---:|---:|---:|---:|")
        results = {page: measure(page, data, args.requests) for page in PAGES}
        base = results["trivial"]["median"]
        for page, r in results.items():
            print(
                f"| {LABELS[page]} | {r['median']:.2f} | {r['p90']:.2f} | "
                f"{r['median'] / base:.1f} | {r['queries']} |"
            )


if __name__ == "__main__":
    main()
