"""Fixtures for the question-set builder: a valid post, and facts picked from the fixtures."""

import pytest

from quizzes.models import Classroom, Fact


@pytest.fixture
def other_classroom(other_teacher):
    return Classroom.objects.create(name="4e A", teacher=other_teacher)


@pytest.fixture
def events_same_day(fact_base):
    """Four events all dated 10 July 1943: no two of them can be ordered."""
    facts = list(Fact.objects.events().filter(date_start="1943-07-10", date_end="1943-07-10"))
    assert len(facts) >= 3
    return facts


@pytest.fixture
def orderable_events(fact_base):
    """Four events whose date ranges do not overlap, oldest first."""
    chosen = []
    for fact in Fact.objects.events().chronological():
        if not chosen or chosen[-1].date_end < fact.date_start:
            chosen.append(fact)
        if len(chosen) == 4:
            return chosen
    raise AssertionError("the fixtures hold fewer than 4 orderable events")


def set_post(**overrides) -> dict:
    """A complete, valid builder post (a draft using every fact)."""
    data = {
        "title": "Italie 1943",
        "instructions": "Révisez le chapitre.",
        "fact_choice": "all",
        "period_start": "",
        "period_end": "",
        "chronology_count": "2",
        "chronology_items": "4",
        "matching_count": "1",
        "matching_pairs": "3",
        "matching_distractors": "1",
        "difficulty": "medium",
        "ordering_method": "ABSOLUTE_POSITION",
        "matching_penalty": "0",
        "attempts_allowed": "0",
        "regenerate_per_attempt": "True",
        "opens_at": "",
        "closes_at": "",
        "closing_grace_minutes": "0",
        "status": "draft",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}
