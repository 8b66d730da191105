"""Shared fixtures: the shipped fact base, accounts and a class (built by tests/factories.py),
and the answers a student posts."""

from datetime import date
from pathlib import Path

import pytest
from django.core.management import call_command

import tests.hypothesis_profiles  # noqa: F401  (loads the quick, thorough or ci profile)
from quizzes.models import Source
from tests.factories import make_class, make_student, make_teacher  # tests import these too

ROOT = Path(__file__).resolve().parent.parent
FACT_FIXTURES = sorted((ROOT / "fixtures").glob("*.json"))


@pytest.fixture(scope="session")
def collected_static():
    """Production static storage (hashed, compressed, served by whitenoise) needs collectstatic.

    Skipped when the collected manifest is newer than every file under static/ and the
    installed packages' static folders would not change it (a developer's second run)."""
    from django.conf import settings

    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    sources = [path for path in (ROOT / "static").rglob("*") if path.is_file()]
    if manifest.exists() and all(
        path.stat().st_mtime < manifest.stat().st_mtime for path in sources
    ):
        return
    call_command("collectstatic", interactive=False, verbosity=0)


PAGE_FIXTURES = {"db", "transactional_db", "live_server", "client", "admin_client", "rf"}


@pytest.fixture(autouse=True)
def static_files_for_pages(request):
    """Tests that can render a page (they use the database, a client or a live server) get the
    collected static files; plain-Python tests (the question engine) start at once."""
    if PAGE_FIXTURES & set(request.fixturenames) or request.node.get_closest_marker("django_db"):
        request.getfixturevalue("collected_static")


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: rolled-back tests reuse primary keys, so a value
    cached under an earlier test's ids must not meet a later test's different data."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def french_by_default():
    """Each test starts in the site's default language: a request made in English by an
    earlier test must not leave English active in the thread."""
    from django.utils import translation

    translation.activate("fr")
    yield
    translation.deactivate()


@pytest.fixture
def fact_base(db):
    """The shipped fixtures, loaded; returns the seed source."""
    call_command("loaddata", *FACT_FIXTURES, verbosity=0)
    return Source.objects.order_by("pk").first()


@pytest.fixture
def default_sets(fact_base):
    from quizzes.default_sets import ensure_default_sets

    return {question_set.title: question_set for question_set in ensure_default_sets()}


@pytest.fixture
def teacher(db):
    return make_teacher("mme-durand")


@pytest.fixture
def other_teacher(db):
    return make_teacher("m-martin")


@pytest.fixture
def teacher_client(client, teacher):
    client.force_login(teacher)
    return client


@pytest.fixture
def classroom(teacher, student):
    """Mme Durand's class, with Camille enrolled."""
    return make_class(teacher=teacher, name="3e B", pupils=[student])


@pytest.fixture
def student(db):
    return make_student("camille")


@pytest.fixture
def other_student(db):
    return make_student("dominique")


@pytest.fixture
def student_client(client, student):
    client.force_login(student)
    return client


def right_answer_post(question: dict) -> dict:
    """The form fields a student posts to give the right answer to a stored question."""
    if question["kind"] == "chronology":
        return {f"position-{item_id}": n for n, item_id in enumerate(question["answer"], 1)}
    if question["kind"] == "true_false":
        return {"verdict": "true" if question["answer"] else "false"}
    if question["kind"] == "odd_one_out":
        return {"intruder": question["answer"]}
    if question["kind"] == "which_first":
        return {"first": question["answer"]}
    if question["kind"] == "date_entry":
        start = date.fromisoformat(question["answer"]["start"])
        month = {"month": str(start.month)} if question["precision"] == "month" else {}
        return {"year": str(start.year), **month}
    return {f"match-{prompt}": answer for prompt, answer in dict(question["answer"]).items()}


def wrong_answer_post(question: dict) -> dict:
    """A complete answer that is wrong: the reversed order, every prompt shifted by one, the
    other event, the next year (the next month in the right year when the month is asked,
    which earns half the points), the other verdict, or an option that is not the intruder."""
    if question["kind"] == "chronology":
        order = list(reversed(question["answer"]))
        return {f"position-{item_id}": n for n, item_id in enumerate(order, 1)}
    if question["kind"] == "true_false":
        return {"verdict": "false" if question["answer"] else "true"}
    if question["kind"] == "odd_one_out":
        return {
            "intruder": next(i["id"] for i in question["items"] if i["id"] != question["answer"])
        }
    if question["kind"] == "which_first":
        return {"first": next(i["id"] for i in question["items"] if i["id"] != question["answer"])}
    if question["kind"] == "date_entry":
        post = right_answer_post(question)
        if "month" in post:
            post["month"] = str(int(post["month"]) % 12 + 1)
        else:
            post["year"] = str(int(post["year"]) + 1)
        return post
    pairs = dict(question["answer"])
    prompts, answers = list(pairs), list(pairs.values())
    shifted = answers[1:] + answers[:1]
    return {f"match-{prompt}": answer for prompt, answer in zip(prompts, shifted, strict=True)}


def make_worker(*, batch: bool):
    """A real django-tasks database worker (the one `manage.py db_worker` runs)."""
    from django_tasks_db.management.commands.db_worker import Worker

    return Worker(
        queue_names=["default"],
        interval=0.05,
        batch=batch,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id=f"test-worker-{'batch' if batch else 'thread'}",
        excluded_queue_names=[],
    )


def run_queued_tasks() -> None:
    """Run every queued task to the end, like `manage.py db_worker --batch`."""
    make_worker(batch=True).run()


@pytest.fixture
def task_worker(transactional_db):
    """A real worker polling the task queue in a thread for the whole test (browser tests:
    the page's progress bar follows it)."""
    import threading

    from django.db import connections

    worker = make_worker(batch=False)

    def work():
        try:
            worker.run()
        finally:
            connections.close_all()

    thread = threading.Thread(target=work, name="task-worker", daemon=True)
    thread.start()
    yield worker
    worker.running = False
    thread.join(timeout=60)
