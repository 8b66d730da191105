"""Browser tests: Debian's Chromium driven by Playwright against pytest-django's live server."""

import os
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.conftest import FACT_FIXTURES, make_student

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _no_static_handler(application):
    """Leave /static/ to WhiteNoise, as in production: Django's test handler only finds
    unhashed source files, not the hashed, compressed ones the pages link to."""
    return application


@pytest.fixture(scope="session")
def live_server(request):
    from pytest_django.live_server_helper import LiveServer

    server = LiveServer(os.getenv("DJANGO_LIVE_TEST_SERVER_ADDRESS", "localhost"), start=False)
    server.thread.static_handler = _no_static_handler
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": "/usr/bin/chromium",
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture
def site(live_server, transactional_db):
    """The live site with the shipped facts, the default sets and one student."""
    from quizzes.default_sets import ensure_default_sets

    call_command("loaddata", *FACT_FIXTURES, verbosity=0)
    sets = {question_set.title: question_set for question_set in ensure_default_sets()}
    student = make_student("camille", "Sicile-1943-juillet")
    return {
        "url": live_server.url,
        "sets": sets,
        "student": student,
        "password": "Sicile-1943-juillet",
    }
