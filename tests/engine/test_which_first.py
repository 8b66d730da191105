"""« Which came first? »: two events whose ranges do not overlap, one right answer, the order
shown drawn at random, no year in the events' words; graded all or nothing."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizzes.engine import EventFact, MalformedResponse, NotEnoughFacts
from quizzes.engine.which_first import WhichFirstBank, generate_which_first, grade_which_first
from quizzes.engine.wording import has_year
from tests.engine.strategies import event_banks, shipped_facts


def by_id(events):
    return {event.id: event for event in events}


def test_shipped_facts_give_235_distinct_questions_each_with_one_earlier_event():
    events, _relations = shipped_facts()
    bank = WhichFirstBank(events)
    pairs = {frozenset(event.id for event in bank.pair(index)) for index in range(bank.count)}
    assert bank.count == len(pairs) == 235
    for index in range(bank.count):
        earlier, later = bank.pair(index)
        assert earlier.end < later.start


def test_the_earlier_event_is_shown_first_about_half_the_time():
    events, _relations = shipped_facts()
    bank = WhichFirstBank(events)
    firsts = [bank.question(seed).answer for seed in range(400)]
    assert 150 < firsts.count("e1") < 250


@settings(max_examples=300, deadline=None)
@given(events=event_banks(min_size=0), seed=st.integers())
def test_the_right_answer_is_unique_and_settled_by_the_dates(events, seed):
    try:
        question = generate_which_first(events, seed=seed)
    except NotEnoughFacts:
        assert all(a.overlaps(b) for a in events for b in events)
        return
    first, second = (by_id(events)[item.fact_id] for item in question.items)
    assert not first.overlaps(second)
    earlier = first if first.end < second.start else second
    right = [item.id for item in question.items if item.fact_id == earlier.id]
    assert [question.answer] == right
    assert {item.id for item in question.items} == {"e1", "e2"}


def test_an_event_whose_words_hold_a_year_is_never_shown():
    events = [
        EventFact("1", "Rome tombe en 1944", "juin 1944", date(1944, 6, 1), date(1944, 6, 30)),
        EventFact("2", "Patton arrive", "le 17 août", date(1943, 8, 17), date(1943, 8, 17)),
        EventFact("3", "Armistice", "le 3 septembre", date(1943, 9, 3), date(1943, 9, 3)),
    ]
    for seed in range(50):
        question = generate_which_first(events, seed=seed)
        assert not any(has_year(item.label) for item in question.items)


def test_events_on_the_same_day_cannot_be_asked():
    same_day = [
        EventFact(
            str(n), f"Débarquement {n}", "le 10 juillet", date(1943, 7, 10), date(1943, 7, 10)
        )
        for n in range(3)
    ]
    with pytest.raises(NotEnoughFacts):
        generate_which_first(same_day, seed=0)


def test_grading_is_all_or_nothing_and_rejects_an_id_not_shown():
    assert grade_which_first("e2", "e2", ["e1", "e2"]) == 1.0
    assert grade_which_first("e2", "e1", ["e1", "e2"]) == 0.0
    with pytest.raises(MalformedResponse):
        grade_which_first("e2", "e3", ["e1", "e2"])
