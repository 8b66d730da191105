"""Fixtures for exports and imports: a teacher's set using every question kind, with pinned
questions, and the schemas and Moodle fixtures of the workplace's shared/ folder."""

from pathlib import Path

import pytest

from quizzes.models import Fact, PinnedQuestion, QuestionSet


def shared_schemas() -> Path:
    """shared/schemas beside the repository (CI, main checkout) or beside its worktree folder."""
    here = Path(__file__).resolve()
    for folder in here.parents:
        candidate = folder / "shared" / "schemas"
        if candidate.is_dir():
            return candidate
    pytest.fail(
        "shared/schemas (1EdTech XSDs, Moodle fixtures) must sit beside the repository: the "
        "exports are validated against them offline"
    )


@pytest.fixture(scope="session")
def schemas() -> Path:
    return shared_schemas()


def orderable(count: int = 4) -> list[Fact]:
    chosen = []
    for fact in Fact.objects.events().chronological():
        if not chosen or chosen[-1].date_end < fact.date_start:
            chosen.append(fact)
        if len(chosen) == count:
            return chosen
    raise AssertionError("the fixtures hold too few orderable events")


def role_facts() -> list[Fact]:
    return [
        Fact.objects.get(relation="role", subject__name=subject, object__startswith=start)
        for subject, start in (("Benito Mussolini", "dictateur"), ("Pietro Badoglio", "maréchal"))
    ]


@pytest.fixture
def question_set(teacher, fact_base) -> QuestionSet:
    """Every kind once, with one pinned chronology and one pinned matching question."""
    question_set = QuestionSet.objects.create(
        title="Italie 1943",
        owner=teacher,
        chronology_count=2,
        chronology_items=4,
        matching_count=1,
        matching_pairs=3,
        matching_distractors=1,
        which_first_count=1,
        date_entry_count=1,
        true_false_count=1,
        odd_one_out_count=1,
        ordering_method="RELATIVE_NEXT_INCLUDE_LAST",
    )
    chronology = PinnedQuestion.objects.create(
        question_set=question_set, kind="chronology", position=0
    )
    chronology.facts.set(orderable(4))
    matching = PinnedQuestion.objects.create(
        question_set=question_set, kind="matching", relation="role", position=1
    )
    matching.facts.set(role_facts())
    return question_set
