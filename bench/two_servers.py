"""Two app servers behave as one: two gunicorn instances on two ports sharing one PostgreSQL,
one Redis and one task worker, the shape of a deployment behind a load balancer.

    .venv/bin/python bench/two_servers.py            # make two-servers (run by make test)

The script re-runs itself through .ci/with-postgres and .ci/with-redis (throw-away servers on
free ports), migrates, seeds a class of students, starts `manage.py db_worker` and two gunicorn
instances (DEBUG=0, one SECRET_KEY, REDIS_URL set), then:
- each student logs in on one server, starts an attempt there, reads it on the other, answers
  its questions alternating between the two, posts one answer to both servers at the same
  moment, and reads the summary and the results page on both;
- a student types wrong class codes alternately on the two servers, another one wrong
  passwords: each is refused once the limit, summed over both servers, is reached;
- a teacher pastes a text on one server; the single worker reads it; the other server shows
  the finished reading;
- Redis is flushed: sessions still hold on both servers (cached_db keeps them in PostgreSQL).
It then checks the database: every answer stored once, counters equal to the sum of the
answers, every score as graded. Prints the figures; exit status 1 on any violation.
"""

from __future__ import annotations

import argparse
import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench" / "load"))

import server  # noqa: E402
from seed import PASSWORD, right_answer_post  # noqa: E402

INNER = "QUIZSITE_TWO_SERVERS_INNER"
WORKER_ID = "two-servers-worker"
WORKER_OPTIONS = [
    "--interval",
    "0.5",
    "--no-startup-delay",
    "--no-reload",
    "--worker-id",
    WORKER_ID,
]
TEXT = (
    "Le 14 juillet 1789, les Parisiens prennent la Bastille. Le 2 décembre 1804, Napoléon "
    "Bonaparte est sacré empereur à Notre-Dame de Paris. La bataille de Waterloo a lieu le "
    "18 juin 1815. En 1848, la Deuxième République abolit l’esclavage."
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=20, help="student threads")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers per server")
    args = parser.parse_args()
    if not os.environ.get(INNER):
        # Never against a developer's own database: always on throw-away servers.
        command = [".ci/with-postgres", ".ci/with-redis", sys.executable, *sys.argv]
        env = dict(os.environ, PGDATABASE="quizsite_two_servers", **{INNER: "1"})
        return subprocess.run(command, cwd=ROOT, env=env, check=False).returncode
    return run(args)


class Servers:
    """The two servers' addresses and every request made to them, for the figures."""

    def __init__(self, ports: list[int]):
        self.bases = [f"http://127.0.0.1:{port}" for port in ports]
        self.log: list[tuple[int, str, int]] = []  # (server, method, status)
        self.lock = threading.Lock()

    def request(self, session, n: int, method: str, path: str, **kwargs) -> requests.Response:
        headers = kwargs.pop("headers", {})
        if method == "POST":
            headers["X-CSRFToken"] = session.cookies["csrftoken"]
        response = session.request(
            method,
            self.bases[n % 2] + path,
            headers=headers,
            allow_redirects=False,
            timeout=60,
            **kwargs,
        )
        with self.lock:
            self.log.append((n % 2, method, response.status_code))
        return response


def run(args) -> int:
    tmp = Path(tempfile.mkdtemp(prefix="quizsite-two-servers-"))
    ports = [server.free_port(), server.free_port()]
    secret = secrets.token_urlsafe(50)
    envs = [
        server.production_env(
            os.environ["DATABASE_URL"],
            port,
            SECRET_KEY=secret,
            REDIS_URL=os.environ["REDIS_URL"],
            WEB_CONCURRENCY=str(args.workers),
            BENCH_VIEWS="0",
        )
        for port in ports
    ]
    os.environ.update(envs[0])
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connections

    started = time.perf_counter()
    call_command("collectstatic", interactive=False, verbosity=0)
    people = seed(args.students)
    seeded = time.perf_counter() - started
    connections.close_all()

    processes = []
    failures: list[str] = []
    figures: dict = {"seed_seconds": seeded}
    try:
        worker_log = open(tmp / "worker.log", "ab")  # noqa: SIM115 (closed with the process)
        processes.append(
            subprocess.Popen(
                [str(server.VENV_BIN / "python"), "manage.py", "db_worker", *WORKER_OPTIONS],
                cwd=ROOT,
                env=envs[0],
                stdout=worker_log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        )
        for n, env in enumerate(envs):
            processes.append(server.start_gunicorn(env, tmp / f"gunicorn-{n}.log"))
        servers = Servers(ports)
        began = time.perf_counter()
        figures.update(drive(servers, people, failures))
        figures["elapsed_seconds"] = time.perf_counter() - began
        figures["requests"] = len(servers.log)
        figures["per_server"] = [sum(s == n for s, _, _ in servers.log) for n in (0, 1)]
        figures["statuses"] = dict(Counter(status for _, _, status in servers.log))
    finally:
        for process in reversed(processes):
            server.stop(process)
    figures.update(check_database(people, failures))
    for n in (0, 1):
        errors = [
            line
            for line in (tmp / f"gunicorn-{n}.log").read_text(errors="replace").splitlines()
            if '" 500 ' in line or "Traceback" in line
        ]
        if errors:
            failures.append(f"server {'AB'[n]}: {len(errors)} errors, first: {errors[0]}")
    report(figures, failures, args)
    if failures:
        print(f"logs kept in {tmp}")
        return 1
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


def seed(students: int) -> dict:
    """Fixtures, a teacher, a class with a published set, the students (one password hashed
    once), a student who will type wrong class codes and one who will type wrong passwords."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.core.management import call_command

    from quizzes.models import Classroom, Enrollment, QuestionSet
    from quizzes.roles import assign_role

    call_command("migrate", verbosity=0)
    call_command(
        "loaddata", *sorted(str(p) for p in (ROOT / "fixtures").glob("*.json")), verbosity=0
    )
    User = get_user_model()
    hashed = make_password(PASSWORD)
    teacher = User.objects.create(username="prof-deux", password=hashed)
    assign_role(teacher, "teacher")
    names = [f"eleve-{n:02d}" for n in range(students)] + ["eleve-codes", "eleve-verrou"]
    users = User.objects.bulk_create(User(username=name, password=hashed) for name in names)
    for user in users:
        assign_role(user, "student")
    classroom = Classroom.objects.create(name="3e Deux serveurs", teacher=teacher)
    Enrollment.objects.bulk_create(Enrollment(classroom=classroom, student=u) for u in users[:-2])
    question_set = QuestionSet.objects.create(
        title="Série deux serveurs", owner=teacher, status=QuestionSet.Status.PUBLISHED
    )
    question_set.classrooms.add(classroom)
    return {
        "teacher": teacher.username,
        "students": names[:students],
        "code_student": "eleve-codes",
        "locked_student": "eleve-verrou",
        "set_id": question_set.pk,
        "join_code": classroom.join_code,
        "attempts": {},
        "double_posts": [],
    }


def login(servers: Servers, n: int, username: str) -> requests.Session:
    """The real login form on server n (CSRF cookie, POST); the session cookie it returns."""
    session = requests.Session()
    servers.request(session, n, "GET", "/compte/connexion/")
    data = {"username": username, "password": PASSWORD}
    answer = servers.request(session, n, "POST", "/compte/connexion/", data=data)
    if answer.status_code != 302 or "sessionid" not in session.cookies:
        raise RuntimeError(f"login of {username} → HTTP {answer.status_code}")
    return session


def drive(servers: Servers, people: dict, failures: list[str]) -> dict:
    """Everything a class does at once; returns the figures each part measured."""
    figures: dict = {}
    parts = [
        (reading_task, "reading"),
        (join_code_throttle, "join_codes"),
        (login_throttle, "logins"),
    ]
    threads = [
        threading.Thread(target=guarded, args=(part, servers, people, failures, figures, key))
        for part, key in parts
    ]
    threads += [
        threading.Thread(
            target=guarded, args=(take_quiz, servers, people, failures, figures, f"student-{n}", n)
        )
        for n in range(len(people["students"]))
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=100)
    figures["redis_sessions"] = redis_flush_keeps_sessions(servers, people, failures)
    figures["double_posts"] = people["double_posts"]
    return {key: value for key, value in figures.items() if not key.startswith("student-")}


def guarded(part, servers, people, failures, figures, key, *args) -> None:
    try:
        figures[key] = part(servers, people, failures, *args)
    except Exception as error:  # a broken part is a failure, not a crash of the whole run
        failures.append(f"{key}: {type(error).__name__}: {error}")


def take_quiz(servers: Servers, people: dict, failures: list[str], n: int) -> None:
    """Log in on one server, start there, then alternate; one answer posted to both at once."""
    from quizzes.models import AttemptQuestion

    username = people["students"][n]
    session = login(servers, n, username)
    started = servers.request(session, n, "POST", f"/quiz/series/{people['set_id']}/commencer/")
    match = re.search(r"/quiz/tentatives/(\d+)/questions/1/", started.headers.get("Location", ""))
    if started.status_code != 302 or not match:
        failures.append(f"{username}: start → HTTP {started.status_code}")
        return
    attempt = int(match.group(1))
    people["attempts"][username] = attempt
    seen = servers.request(session, n + 1, "GET", f"/quiz/tentatives/{attempt}/questions/1/")
    if seen.status_code != 200:
        failures.append(f"{username}: question 1 on the other server → HTTP {seen.status_code}")
    questions = AttemptQuestion.objects.filter(attempt_id=attempt).order_by("position")
    posts = [(q.position, right_answer_post(q.data)) for q in questions]
    for step, (position, fields) in enumerate(posts):
        path = f"/quiz/tentatives/{attempt}/questions/{position}/"
        if step == 1:
            statuses = post_to_both(servers, session, n, path, fields)
            people["double_posts"].append(statuses)
            if statuses != [200, 200]:
                failures.append(f"{username}: the same answer on both servers → {statuses}")
            continue
        status = servers.request(session, n + step, "POST", path, data=fields).status_code
        if status != 200:
            failures.append(f"{username}: answer {position} → HTTP {status}")
    for other in (n + 1, n):
        summary = servers.request(session, other, "GET", f"/quiz/tentatives/{attempt}/resultat/")
        total = f"{len(posts)} point(s) sur {len(posts)}"
        if summary.status_code != 200 or total not in summary.text:
            failures.append(f"{username}: summary on server {'AB'[other % 2]} lacks « {total} »")
        results = servers.request(session, other, "GET", "/mes-resultats/")
        if f"/quiz/tentatives/{attempt}/resultat/" not in results.text:
            failures.append(f"{username}: attempt missing from results on {'AB'[other % 2]}")
    people.setdefault("sessions", {})[username] = session


def post_to_both(servers, session, n, path, fields) -> list[int]:
    """The same answer sent to both servers at the same moment (a double tap on a phone whose
    two requests a load balancer spreads); both must answer 200, it must be stored once."""
    barrier = threading.Barrier(2)
    statuses = [0, 0]
    cookies = session.cookies.get_dict()

    def post(k: int) -> None:
        twin = requests.Session()
        twin.cookies.update(cookies)
        barrier.wait()
        statuses[k] = servers.request(twin, n + k, "POST", path, data=fields).status_code

    threads = [threading.Thread(target=post, args=(k,)) for k in (0, 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses


def join_code_throttle(servers: Servers, people: dict, failures: list[str]) -> dict:
    """Wrong class codes alternately on A and B: refused once the per-account limit, summed
    over both, is reached; then the right code is refused too, on both."""
    from django.conf import settings

    limit = settings.JOIN_CODE_FAILURES_PER_ACCOUNT
    session = login(servers, 0, people["code_student"])
    statuses = [
        servers.request(
            session, k, "POST", "/classes/rejoindre/", data={"code": "ZZZ ZZZ"}
        ).status_code
        for k in range(limit + 4)
    ]
    right = [
        servers.request(
            session, k, "POST", "/classes/rejoindre/", data={"code": people["join_code"]}
        ).status_code
        for k in (0, 1)
    ]
    if statuses != [400] * limit + [429] * 4 or right != [429, 429]:
        failures.append(f"class codes: {statuses}, then the right code → {right}")
    return {"limit": limit, "sequence": sequence(statuses + right)}


def login_throttle(servers: Servers, people: dict, failures: list[str]) -> dict:
    """Wrong passwords alternately on A and B (django-axes, counted in the database): the
    account is locked after the limit summed over both, the right password refused on both."""
    from django.conf import settings

    limit = settings.AXES_FAILURE_LIMIT
    username = people["locked_student"]
    statuses = [try_login(servers, k, username, f"faux-{k}") for k in range(limit + 3)]
    right_statuses = [try_login(servers, k, username, PASSWORD) for k in (0, 1)]
    # The limit-th wrong password is the one that locks: it already gets the lockout page.
    if statuses != [200] * (limit - 1) + [429] * 4 or right_statuses != [429, 429]:
        failures.append(f"logins: {statuses}, then the right password → {right_statuses}")
    return {"limit": limit, "sequence": sequence(statuses + right_statuses)}


def sequence(statuses: list[int]) -> str:
    """Statuses of posts that alternate between the servers, from A: "A400 B400 A429…"."""
    return " ".join(f"{'AB'[k % 2]}{status}" for k, status in enumerate(statuses))


def try_login(servers: Servers, n: int, username: str, password: str) -> int:
    session = requests.Session()
    servers.request(session, n, "GET", "/compte/connexion/")
    data = {"username": username, "password": password}
    return servers.request(session, n, "POST", "/compte/connexion/", data=data).status_code


def reading_task(servers: Servers, people: dict, failures: list[str]) -> dict:
    """A text pasted on server A is read by the single worker; server B shows the reading
    finished (its progress fragment tells htmx to reload) and the proposals."""
    session = login(servers, 0, people["teacher"])
    began = time.perf_counter()
    created = servers.request(
        session,
        0,
        "POST",
        "/enseignant/sources/nouvelle/",
        data={"title": "Deux serveurs", "author": "", "language": "fr", "text": TEXT},
    )
    match = re.search(r"/enseignant/sources/(\d+)/", created.headers.get("Location", ""))
    if created.status_code != 302 or not match:
        failures.append(f"new source → HTTP {created.status_code}")
        return {}
    source = int(match.group(1))
    people["source"] = source
    deadline = time.monotonic() + 90
    polls = 0
    while time.monotonic() < deadline:
        polls += 1
        progress = servers.request(
            session,
            1,
            "GET",
            f"/enseignant/sources/{source}/progression/",
            headers={"HX-Request": "true"},
        )
        if progress.headers.get("HX-Refresh") == "true":
            break
        time.sleep(0.5)
    else:
        failures.append("the reading did not finish within 90 s")
    page = servers.request(session, 1, "GET", f"/enseignant/sources/{source}/")
    if page.status_code != 200 or "Bastille" not in page.text:
        failures.append(f"source page on server B → HTTP {page.status_code}")
    return {"seconds": time.perf_counter() - began, "polls_on_b": polls}


def redis_flush_keeps_sessions(servers: Servers, people: dict, failures: list[str]) -> dict:
    """Sessions are read from Redis and kept in PostgreSQL: after FLUSHDB every student's
    session still opens their results on both servers."""
    import redis

    client = redis.Redis.from_url(os.environ["REDIS_URL"])
    keys = sum(1 for _ in client.scan_iter(match="*cached_db*"))
    client.flushdb()
    sessions = people.get("sessions", {})
    lost = [
        (username, n)
        for k, (username, session) in enumerate(sessions.items())
        for n in (k, k + 1)
        if servers.request(session, n, "GET", "/mes-resultats/").status_code != 200
    ]
    if keys < len(sessions):
        failures.append(f"only {keys} sessions in Redis for {len(sessions)} students")
    if lost:
        failures.append(f"sessions lost after a Redis flush: {lost[:5]}")
    return {"in_redis_before_flush": keys, "valid_after_flush": 2 * len(sessions) - len(lost)}


def check_database(people: dict, failures: list[str]) -> dict:
    from django.db.models import Count, Q, Sum
    from django_tasks_db.models import DBTaskResult

    from quizzes.models import Attempt, AttemptQuestion, ExtractionJob, FactResult

    attempts = list(people["attempts"].values())
    questions = AttemptQuestion.objects.filter(attempt_id__in=attempts)
    unanswered = questions.filter(answered_at__isnull=True).count()
    not_full = questions.exclude(score=1.0).count()
    duplicates = (
        FactResult.objects.filter(question__attempt_id__in=attempts)
        .values("question_id", "fact_id")
        .annotate(n=Count("id"))
        .filter(n__gt=1)
        .count()
    )
    mismatched = [
        a.pk
        for a in Attempt.objects.filter(pk__in=attempts).annotate(
            answered=Count("questions", filter=Q(questions__answered_at__isnull=False)),
            scored=Sum("questions__score"),
        )
        if a.answered_count != a.answered or a.score != a.scored or a.finished_at is None
    ]
    if len(attempts) != len(people["students"]):
        failures.append(f"{len(attempts)} attempts for {len(people['students'])} students")
    if unanswered or not_full or duplicates or mismatched:
        failures.append(
            f"answers: {unanswered} unanswered, {not_full} not at full score, "
            f"{duplicates} duplicate results, counters wrong on attempts {mismatched[:5]}"
        )
    tasks = list(DBTaskResult.objects.values_list("status", "worker_ids"))
    job = ExtractionJob.objects.filter(source_id=people.get("source")).first()
    if len(tasks) != 1 or tasks[0][0] != "SUCCESSFUL" or tasks[0][1] != [WORKER_ID]:
        failures.append(f"tasks: {tasks} (one, succeeded, run by {WORKER_ID} expected)")
    if job is None or job.status != ExtractionJob.Status.DONE or not job.candidates_found:
        failures.append(f"reading job: {job and (job.status, job.candidates_found)}")
    return {
        "attempts": len(attempts),
        "answers_stored": questions.filter(answered_at__isnull=False).count(),
        "duplicate_results": duplicates,
        "counter_mismatches": len(mismatched),
        "fact_results": FactResult.objects.filter(question__attempt_id__in=attempts).count(),
        "task_runs": len(tasks),
        "proposals_found": job.candidates_found if job else 0,
    }


def report(figures: dict, failures: list[str], args) -> None:
    a, b = figures.get("per_server", [0, 0])
    codes, logins = figures.get("join_codes", {}), figures.get("logins", {})
    reading, sessions = figures.get("reading", {}), figures.get("redis_sessions", {})
    doubles = Counter(tuple(s) for s in figures.get("double_posts", []))
    print(
        f"two servers × {args.workers} gunicorn workers, one PostgreSQL, one Redis, one worker; "
        f"{args.students} students (seed {figures['seed_seconds']:.1f} s)\n"
        f"  requests: {figures.get('requests', 0)} (server A {a}, server B {b}) in "
        f"{figures.get('elapsed_seconds', 0):.1f} s; statuses {figures.get('statuses')}\n"
        f"  answers stored: {figures.get('answers_stored')} over {figures.get('attempts')} "
        f"attempts, {figures.get('fact_results')} per-fact results, duplicates "
        f"{figures.get('duplicate_results')}, counter mismatches "
        f"{figures.get('counter_mismatches')}; same answer to both servers at once: "
        f"{dict(doubles) or figures.get('double_posts')}\n"
        f"  wrong class codes (limit {codes.get('limit')} per account), then the right code "
        f"twice:\n    {codes.get('sequence')}\n"
        f"  wrong passwords (limit {logins.get('limit')}), then the right one twice:\n"
        f"    {logins.get('sequence')}\n"
        f"  reading: pasted on A, run {figures.get('task_runs')}× by the one worker, "
        f"{figures.get('proposals_found')} proposals seen on B after "
        f"{reading.get('seconds', 0):.1f} s\n"
        f"  sessions: {sessions.get('in_redis_before_flush')} in Redis, "
        f"{sessions.get('valid_after_flush')} still valid on both servers after FLUSHDB"
    )
    print("OK" if not failures else "FAILED:\n  " + "\n  ".join(failures))


if __name__ == "__main__":
    sys.exit(main())
