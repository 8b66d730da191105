"""Shared fixtures: the shipped fact base, and small factories for made-up data."""

from pathlib import Path

import pytest
from django.core.management import call_command

from quizzes.models import Source

ROOT = Path(__file__).resolve().parent.parent
FACT_FIXTURES = sorted((ROOT / "fixtures").glob("*.json"))


@pytest.fixture(scope="session", autouse=True)
def collected_static():
    """Production static storage (hashed, compressed, served by whitenoise) needs collectstatic."""
    call_command("collectstatic", interactive=False, verbosity=0)


@pytest.fixture
def fact_base(db):
    """The shipped fixtures, loaded; returns the seed source."""
    call_command("loaddata", *FACT_FIXTURES, verbosity=0)
    return Source.objects.order_by("pk").first()
