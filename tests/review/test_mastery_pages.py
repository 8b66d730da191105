"""Mastery: per source and period for a student, per fact for a teacher's class, against
figures computed by hand; one button turns the class's weakest facts into a review set."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from quizzes.attempts import start_attempt
from quizzes.engine.quiz import item_facts
from quizzes.models import Enrollment, Fact, QuestionSet
from quizzes.review import mastery
from quizzes.review.scheduling import schedule_answers
from tests.conftest import make_student
from tests.review.conftest import events


@pytest.fixture
def known(student, fact_base):
    """Camille: 3 events answered right today (mastered), 2 wrong today (fragile), 1 right
    but 40 days ago (fragile: FSRS's 2.3 days of stability are long past)."""
    facts = events(6)
    now = timezone.now()
    schedule_answers(user=student, results=[(f.pk, 3) for f in facts[:3]], reviewed_at=now)
    schedule_answers(user=student, results=[(f.pk, 1) for f in facts[3:5]], reviewed_at=now)
    schedule_answers(user=student, results=[(facts[5].pk, 3)], reviewed_at=now - timedelta(days=40))
    return facts


def test_student_mastery_counts_mastered_fragile_and_not_seen_facts(student, known, fact_base):
    (item,) = mastery.student_mastery(student)
    total = Fact.objects.filter(source=fact_base).count()
    assert item.overall.counts == {"mastered": 3, "fragile": 3, "not_seen": total - 6}
    assert sum(period.total for period in item.periods) == total
    levels = {entry.fact_id: entry.mastery for year in item.timeline for entry in year.entries}
    assert [levels[f.pk] for f in known] == ["mastered"] * 3 + ["fragile"] * 3


def test_the_mastery_page_writes_each_level_next_to_the_coloured_timeline(
    student_client, known, fact_base
):
    page = student_client.get(reverse("my_mastery")).content.decode()
    assert fact_base.title in page
    assert "3 maîtrisés, 3 fragiles" in page
    assert page.count("mastery-badge-mastered") == 3
    assert "Maîtrisé" in page and "Pas encore vu" in page
    assert "au moins 90 %" in page  # the threshold is said


@pytest.fixture
def class_cards(teacher, classroom, student, fact_base):
    """« 3e B »: Camille and three more pupils. Fact A mastered by 3 of 4, fact B by 1 of 4
    and missed 3 times, fact C only seen (wrong) by one pupil."""
    pupils = [student] + [make_student(f"eleve-{n}") for n in range(3)]
    for pupil in pupils[1:]:
        Enrollment.objects.create(classroom=classroom, student=pupil)
    a, b, c = events(3)
    now = timezone.now()
    for index, pupil in enumerate(pupils):
        schedule_answers(
            user=pupil,
            results=[(a.pk, 3 if index < 3 else 1), (b.pk, 3 if index == 0 else 1)],
            reviewed_at=now,
        )
    schedule_answers(user=pupils[1], results=[(c.pk, 1)], reviewed_at=now)
    return {"a": a, "b": b, "c": c, "pupils": pupils}


def test_class_mastery_gives_each_fact_the_share_of_the_class_mastering_it(classroom, class_cards):
    rows, size = mastery.class_mastery(classroom)
    assert size == 4
    by_fact = {row.fact.pk: row for row in rows}
    a, b, c = (by_fact[class_cards[k].pk] for k in "abc")
    assert (a.mastered, a.seen, a.misses, a.mastered_percent) == (3, 4, 1, 75)
    assert (b.mastered, b.seen, b.misses, b.mastered_percent) == (1, 4, 3, 25)
    assert (c.mastered, c.seen, c.misses, c.mastered_percent) == (0, 1, 1, 0)
    assert [row.fact.pk for row in rows] == [c.fact.pk, b.fact.pk, a.fact.pk]
    assert [row.fact.pk for row in mastery.most_missed(rows)][:1] == [b.fact.pk]


def test_the_teacher_page_sorts_and_quotes_the_most_missed_facts(
    teacher_client, classroom, class_cards
):
    url = reverse("teacher_class_mastery", args=[classroom.pk])
    page = teacher_client.get(url).content.decode()
    b = class_cards["b"]
    assert "Manqué 3 fois" in page and b.quote in page
    assert "75 % (3 sur 4)" in page
    by_misses = teacher_client.get(url, {"tri": "oublis"}).content.decode()
    table = by_misses.split("Part de la classe")[1]
    assert table.index(b.text) < table.index(class_cards["a"].text)


def test_an_unknown_sort_is_a_bad_request(teacher_client, classroom, class_cards):
    url = reverse("teacher_class_mastery", args=[classroom.pk])
    assert teacher_client.get(url, {"tri": "'; drop table"}).status_code == 400


def test_the_button_publishes_a_set_of_the_weakest_facts_to_the_class(
    teacher_client, teacher, classroom, class_cards, student
):
    # More seen facts, so the set has questions to draw.
    facts = events(14)
    schedule_answers(
        user=student, results=[(f.pk, 1) for f in facts[3:]], reviewed_at=timezone.now()
    )
    response = teacher_client.post(reverse("teacher_class_review_set", args=[classroom.pk]))
    question_set = QuestionSet.objects.get(owner=teacher)
    assert response.status_code == 302
    assert response["Location"] == reverse("teacher_set_edit", args=[question_set.pk])
    assert question_set.status == QuestionSet.Status.PUBLISHED
    assert list(question_set.classrooms.all()) == [classroom]
    rows, _size = mastery.class_mastery(classroom)
    weakest = {fact.pk for fact in mastery.weakest(rows)}
    assert set(question_set.facts.values_list("pk", flat=True)) == weakest
    assert class_cards["a"].pk not in weakest  # the best mastered fact is left out
    # A valid set: the class's pupils start it and get questions on those facts only.
    attempt = start_attempt(question_set, user=student)
    assert attempt.question_count == question_set.question_count >= 1
    for q in attempt.questions.all():
        assert {int(f) for f in item_facts(q.data)} <= weakest
