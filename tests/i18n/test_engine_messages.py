"""The engine has no Django, yet its messages for teachers follow the reader's language."""

from datetime import date

import pytest
from django.utils import translation

from quizzes.engine import ChronologyBank, EventFact, NotEnoughFacts


def too_few_events():
    day = date(1943, 7, 10)
    events = [EventFact(str(n), f"Événement {n}", "le 10 juillet", day, day) for n in range(3)]
    with pytest.raises(NotEnoughFacts) as caught:
        ChronologyBank(events).question(3, seed=1)
    return caught.value


def test_not_enough_facts_reads_in_french_by_default():
    assert str(too_few_events()).startswith("Impossible de composer une chronologie de 3")


def test_not_enough_facts_reads_in_english_for_an_english_reader():
    error = too_few_events()
    with translation.override("en"):
        assert str(error) == (
            "Cannot build a chronology of 3 events: of the 3 dated events, at most 1 have "
            "date ranges that do not overlap pairwise."
        )


def too_few_distinct_chronologies():
    from quizzes.engine.quiz import QuizDraw

    day = date(1943, 7, 10)
    events = [
        EventFact(str(n), f"Événement {n}", "le 10 juillet", day.replace(day=n), day.replace(day=n))
        for n in (1, 2, 3)
    ]
    quiz = QuizDraw()

    def chronology(seed):
        return ChronologyBank(events).question(3, seed).to_dict()

    quiz.add([("chronology", chronology)], "s0", asked=2)
    with pytest.raises(NotEnoughFacts) as caught:
        quiz.add([("chronology", chronology)], "s1", asked=2)
    return caught.value


def test_running_out_of_distinct_questions_reads_in_french_by_default():
    assert str(too_few_distinct_chronologies()).startswith(
        "Impossible de tirer 2 questions « chronologie » différentes : les faits n’en "
        "permettent que 1 par tentative"
    )


def test_running_out_of_distinct_questions_reads_in_english_for_an_english_reader():
    error = too_few_distinct_chronologies()
    with translation.override("en"):
        assert str(error).startswith(
            "Cannot draw 2 different « chronology » questions: the facts allow only 1 per attempt"
        )
