"""Browser tests: Debian's Chromium driven by Playwright against pytest-django's live server."""

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
