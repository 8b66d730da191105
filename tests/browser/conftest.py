"""Browser tests: Debian's Chromium driven by Playwright against pytest-django's live server."""

import os
import re
from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

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
def live_server(request, collected_static):
    """WhiteNoise lists the collected files when the server starts, so they are collected
    first (a session fixture starts before the per-test fixture that would collect them)."""
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


# What a student does in every quiz, whatever the question kinds.


def log_in(page, site):
    page.goto(site["url"] + "/compte/connexion/")
    page.get_by_label("Nom d’utilisateur").fill(site["student"].username)
    page.get_by_label("Mot de passe").fill(site["password"])
    page.get_by_role("button", name="Se connecter").click()
    expect(page.get_by_role("heading", name="Mes quiz")).to_be_visible()


def start_set(page, question_set):
    """Start the set from the student's home; the attempt, its first question on screen."""
    from quizzes.models import Attempt

    card = page.locator(".set-card").filter(has_text=question_set.title)
    card.get_by_role("button", name=re.compile("Commencer")).click()
    expect(page.get_by_text(re.compile(r"^Question 1 sur \d+$"))).to_be_visible()
    attempt = Attempt.objects.latest("pk")
    expect(page.get_by_text(f"Question 1 sur {attempt.questions.count()}")).to_be_visible()
    return attempt


def answer_matching(page, question):
    answers = {item["id"]: item["label"] for item in question.data["answers"]}
    for prompt in question.data["prompts"]:
        right = answers[dict(question.data["answer"])[prompt["id"]]]
        select = page.get_by_label(prompt["label"], exact=True)
        option = select.locator("option").filter(has_text=right).first
        select.select_option(value=option.get_attribute("value"))


def focused_label(page) -> str | None:
    return page.evaluate(
        "(() => { const el = document.activeElement; if (!el) return null;"
        " return el.getAttribute('aria-label') || el.textContent.trim(); })()"
    )


def tab_to(page, aria_label: str):
    for _ in range(60):
        if focused_label(page) == aria_label:
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"could not reach {aria_label!r} with the Tab key")
