"""A chronology that holds events whose dates coincide, ordered by the source's own words
(« Tôt dans la matinée du 25 juillet… plus tard dans la journée »), cites those words in its
feedback, next to the event they put second; and generated attempts can ask such a pair."""

import html

import pytest
from django.urls import reverse

from quizzes.models import Fact, QuestionSet
from quizzes.question_builder import build_questions, pinned_question
from tests.conftest import right_answer_post
from tests.factories import attempt_with_questions, published_set

RESIGNATION = "Mussolini est contraint de démissionner par le Grand Conseil fasciste"
ARREST = "Mussolini est arrêté"
SETTLING_WORDS = "plus tard dans la journée"


@pytest.fixture
def same_day_chronology(fact_base):
    texts = [RESIGNATION, ARREST, "Rome tombe"]
    return list(Fact.objects.events().filter(text__in=texts))


def test_a_pinned_chronology_may_hold_two_events_of_one_day_the_source_orders(
    same_day_chronology,
):
    data = pinned_question("chronology", "", same_day_chronology, "graine")
    labels = {item["id"]: item["label"] for item in data["items"]}
    assert [labels[item_id] for item_id in data["answer"]][:2] == [RESIGNATION, ARREST]
    (pair,) = data["settled"]
    assert (labels[pair["earlier"]], labels[pair["later"]]) == (RESIGNATION, ARREST)
    assert any(SETTLING_WORDS in quote for quote in pair["quotes"])


def test_the_feedback_cites_the_words_that_settle_the_order(
    student_client, student, same_day_chronology
):
    data = pinned_question("chronology", "", same_day_chronology, "graine")
    attempt = attempt_with_questions(
        student=student,
        question_set=published_set(owner=None, title="Ordre"),
        questions=[data],
        seed="o",
    )
    url = reverse("attempt_question", args=[attempt.pk, 1])
    assert "stated-order" not in student_client.get(url).content.decode()

    page = html.unescape(student_client.post(url, right_answer_post(data)).content.decode())
    cited = page.index('class="stated-order"')
    assert f"Après « {RESIGNATION} »" in page[cited:]
    assert SETTLING_WORDS in page[cited:]
    # Next to the arrest, which the timeline shows after the resignation.
    assert page.index(RESIGNATION) < page.index(ARREST) < cited


def test_generated_attempts_ask_the_25_july_pair(fact_base):
    question_set = QuestionSet.objects.create(
        title="Chronologies",
        chronology_count=3,
        chronology_items=4,
        matching_count=0,
        difficulty="hard",
    )
    asked = 0
    for seed in range(60):
        for question in build_questions(question_set, f"graine-{seed}", pinned=[]):
            labels = {item["label"] for item in question["items"]}
            if {RESIGNATION, ARREST} <= labels:
                asked += 1
                assert question["settled"]
    assert asked


def test_which_first_asks_the_25_july_pair_and_its_feedback_cites_the_settling_words(
    student_client, student, fact_base
):
    question_set = QuestionSet.objects.create(
        title="Lequel d’abord ?",
        chronology_count=0,
        matching_count=0,
        which_first_count=1,
        status=QuestionSet.Status.PUBLISHED,  # answers are taken only while a set is open
    )
    question_set.facts.set(Fact.objects.events().filter(date_start__year=1943))
    data = next(
        question
        for seed in range(400)
        for question in build_questions(question_set, f"graine-{seed}", pinned=[])
        if {item["label"] for item in question["items"]} == {RESIGNATION, ARREST}
    )
    labels = {item["id"]: item["label"] for item in data["items"]}
    assert labels[data["answer"]] == RESIGNATION
    attempt = attempt_with_questions(
        student=student, question_set=question_set, questions=[data], seed="w"
    )
    url = reverse("attempt_question", args=[attempt.pk, 1])
    before = html.unescape(student_client.get(url).content.decode())
    assert "stated-order" not in before and SETTLING_WORDS not in before

    page = html.unescape(student_client.post(url, {"first": data["answer"]}).content.decode())
    cited = page.index('class="stated-order"')
    assert f"Après « {RESIGNATION} »" in page[cited:]
    assert SETTLING_WORDS in page[cited:]
    assert (
        page.index(RESIGNATION, page.index("Ce que dit la source"))
        < page.index(ARREST, page.index("Ce que dit la source"))
        < cited
    )
