"""« Which came first? »: two events whose order the source settles (ranges that do not
overlap, or the orders it states, through chains of them), one right answer, the words that
settle it kept for the feedback, the order shown drawn at random, no year in the events' words;
graded all or nothing."""

from __future__ import annotations

from datetime import date
from itertools import combinations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizzes.engine import EventFact, MalformedResponse, NotEnoughFacts
from quizzes.engine.facts import StatedOrder
from quizzes.engine.which_first import WhichFirstBank, generate_which_first, grade_which_first
from quizzes.engine.wording import has_year
from quizzes.fixture_facts import shipped_stated_orders
from tests.engine.strategies import event_banks, shipped_facts
from tests.engine.test_stated_orders import banks_with_orders, chain_oracle
from tests.hypothesis_profiles import examples

RESIGNATION = "Mussolini est contraint de démissionner par le Grand Conseil fasciste"
ARREST = "Mussolini est arrêté"


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


@settings(max_examples=examples(300), deadline=None)
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


@settings(max_examples=examples(300), deadline=None)
@given(bank=banks_with_orders(), seed=st.integers())
def test_with_stated_orders_only_pairs_the_source_orders_are_asked_and_their_words_cited(
    bank, seed
):
    events, orders = bank
    settled_by_chain = chain_oracle(events, orders)
    try:
        question = generate_which_first(events, seed=seed, orders=orders)
    except NotEnoughFacts:
        assert not any(
            settled_by_chain(a, b) or settled_by_chain(b, a) for a, b in combinations(events, 2)
        )
        return
    shown = {item.id: by_id(events)[item.fact_id] for item in question.items}
    earlier = shown[question.answer]
    (later_id,) = set(shown) - {question.answer}
    later = shown[later_id]
    # The source (dates, or a chain of stated orders and dates) puts the answer first...
    assert settled_by_chain(earlier, later)
    assert not settled_by_chain(later, earlier)
    assert not later.end < earlier.start
    if earlier.overlaps(later):
        # ...and where the dates leave it open, the question keeps the words that settle it.
        (pair,) = question.settled
        assert (pair.earlier, pair.later) == (question.answer, later_id)
        assert pair.quotes and set(pair.quotes) <= {order.quote for order in orders}
        assert question.to_dict()["settled"] == [pair.to_dict()]
    else:
        assert question.settled == ()


@settings(max_examples=examples(150), deadline=None)
@given(bank=banks_with_orders())
def test_every_pair_the_source_orders_is_counted_once_and_no_other(bank):
    events, orders = bank
    events = events[:12]
    orders = [o for o in orders if {o.earlier, o.later} <= {e.id for e in events}]
    shown = [event for event in events if not has_year(event.text)]
    settled_by_chain = chain_oracle(events, orders)
    expected = {(a.id, b.id) for a in shown for b in shown if a is not b and settled_by_chain(a, b)}
    which_first = WhichFirstBank(events, orders)
    pairs = [which_first.pair(index) for index in range(which_first.count)]
    assert sorted((a.id, b.id) for a, b in pairs) == sorted(expected)


def test_stated_orders_that_link_no_two_events_ask_what_the_dates_alone_ask():
    events, _relations = shipped_facts()
    plain = WhichFirstBank(events)
    unlinked = WhichFirstBank(events, [StatedOrder("absent", "manquant", "rien")])
    assert [unlinked.question(seed) for seed in range(50)] == [
        plain.question(seed) for seed in range(50)
    ]


def test_the_source_orders_the_resignation_and_the_arrest_of_25_july():
    events, _relations = shipped_facts()
    bank = WhichFirstBank(events, shipped_stated_orders())
    # The shipped orders add 5 pairs to the 235 the dates settle.
    assert bank.count == 240
    asked = [bank.question(seed) for seed in range(3_000)]
    same_day = [q for q in asked if {item.label for item in q.items} == {RESIGNATION, ARREST}]
    assert same_day
    for question in same_day:
        labels = {item.id: item.label for item in question.items}
        assert labels[question.answer] == RESIGNATION
        (pair,) = question.settled
        assert any("plus tard dans la journée" in quote for quote in pair.quotes)


def test_grading_is_all_or_nothing_and_rejects_an_id_not_shown():
    assert grade_which_first("e2", "e2", ["e1", "e2"]) == 1.0
    assert grade_which_first("e2", "e1", ["e1", "e2"]) == 0.0
    with pytest.raises(MalformedResponse):
        grade_which_first("e2", "e3", ["e1", "e2"])
