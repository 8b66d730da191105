"""A database created before the corrections of issue 11 gets the corrected default and demo
sets, while any set a teacher or an admin has edited stays exactly as they left it."""

from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from quizzes.default_sets import DEFAULT_SETS, DEMO_CLASS_SET, ensure_default_sets
from quizzes.engine.grading import DEFAULT_ORDERING_METHOD
from quizzes.models import Fact, PinnedQuestion, QuestionSet, Source

DEMO_TITLE = "Le débarquement en Sicile et la chute de Mussolini"
OLD_PLACES = {
    # « Lieux et événements » as first shipped: it promised an army to its landing.
    "title": "Lieux et événements",
    "instructions": (
        "Associez chaque lieu à ce qui s’y est passé, chaque armée à son débarquement, "
        "chaque événement à sa date."
    ),
    "chronology_count": 0,
    "matching_count": 4,
    "matching_pairs": 3,
    "matching_relations": ["happened_at", "landed_at", "date"],
    # The default chronology grading of that release.
    "ordering_method": "ABSOLUTE_POSITION",
}
OLD_DEMO = {
    # The demo set as first shipped: « sur l’été 1943 » with no period.
    "title": DEMO_TITLE,
    "instructions": "Chronologies et associations sur l’été 1943.",
    "chronology_count": 3,
    "chronology_items": 4,
    "matching_count": 2,
    "matching_pairs": 3,
    "ordering_method": "ABSOLUTE_POSITION",
}


def published(**fields) -> QuestionSet:
    return QuestionSet.objects.create(status=QuestionSet.Status.PUBLISHED, **fields)


@pytest.fixture
def prof(db):
    return get_user_model().objects.create_user("prof", password="mot-de-passe-solide-42")


def test_sets_still_as_an_earlier_release_shipped_them_are_corrected(fact_base, prof):
    places = published(**OLD_PLACES)
    demo = published(owner=prof, **OLD_DEMO)

    call_command("setup_demo")

    places.refresh_from_db()
    assert places.instructions == (
        "Associez chaque lieu à ce qui s’y est passé et chaque événement à sa date."
    )
    assert places.matching_relations == ["happened_at", "date"]
    assert places.ordering_method == DEFAULT_ORDERING_METHOD
    demo.refresh_from_db()
    assert (demo.period_start, demo.period_end) == (date(1943, 7, 1), date(1943, 9, 30))
    assert demo.matching_relations == ["commands", "date"]
    # Still one of each, still published, still in the demo class.
    assert QuestionSet.objects.filter(title=DEMO_TITLE).count() == 1
    assert QuestionSet.objects.filter(title="Lieux et événements").count() == 1
    assert demo.status == places.status == QuestionSet.Status.PUBLISHED
    assert demo.classrooms.filter(name="3e B (démo)").exists()


@pytest.mark.parametrize(
    "edit",
    [
        {"instructions": "Mes propres consignes."},
        {"matching_count": 5},
        {"ordering_method": "ALL_OR_NOTHING"},
        {"attempts_allowed": 2},
    ],
)
def test_a_set_someone_edited_is_never_overwritten(fact_base, prof, edit):
    places = published(**{**OLD_PLACES, **edit})
    demo = published(owner=prof, **{**OLD_DEMO, **edit})
    before = {
        qs.pk: {name: getattr(qs, name) for name in ("instructions", "matching_count")}
        | {"relations": qs.matching_relations, "period": qs.period_start}
        for qs in (places, demo)
    }

    call_command("setup_demo")

    for question_set in (places, demo):
        question_set.refresh_from_db()
        assert {
            name: getattr(question_set, name) for name in ("instructions", "matching_count")
        } | {
            "relations": question_set.matching_relations,
            "period": question_set.period_start,
        } == before[question_set.pk]
        for name, value in edit.items():
            assert getattr(question_set, name) == value


def test_a_set_given_its_own_facts_sources_or_pinned_questions_is_the_teacher_s(fact_base, prof):
    demo = published(owner=prof, **OLD_DEMO)
    demo.facts.set(Fact.objects.events()[:5])
    places = published(**OLD_PLACES)
    places.sources.set(Source.objects.all())
    mixed = published(
        **{**DEFAULT_SETS[3], "matching_pairs": 3, "ordering_method": "ABSOLUTE_POSITION"}
    )
    pin = PinnedQuestion.objects.create(question_set=mixed, kind="chronology")
    pin.facts.set(Fact.objects.events()[:3])

    call_command("setup_demo")

    for question_set in (demo, places, mixed):
        old_method = question_set.ordering_method
        question_set.refresh_from_db()
        assert question_set.ordering_method == old_method == "ABSOLUTE_POSITION"
    assert demo.period_start is None
    assert "chaque armée à son débarquement" in places.instructions


def test_bringing_sets_up_to_date_is_idempotent_and_keeps_their_state(fact_base):
    first = {qs.pk: qs for qs in ensure_default_sets()}
    draft = next(iter(first.values()))
    draft.status = QuestionSet.Status.DRAFT
    draft.save()
    again = ensure_default_sets()
    assert {qs.pk for qs in again} == set(first)
    assert QuestionSet.objects.count() == len(DEFAULT_SETS)
    draft.refresh_from_db()
    assert draft.status == QuestionSet.Status.DRAFT  # unpublishing is the teacher's choice
    for spec, question_set in zip(DEFAULT_SETS, again, strict=True):
        for name, value in spec.items():
            assert getattr(question_set, name) == value, (spec["title"], name)


def test_the_demo_spec_is_what_setup_demo_creates(fact_base):
    call_command("setup_demo")
    demo = QuestionSet.objects.get(title=DEMO_TITLE)
    for name, value in DEMO_CLASS_SET.items():
        assert getattr(demo, name) == value
    assert demo.ordering_method == DEFAULT_ORDERING_METHOD
