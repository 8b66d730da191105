"""Chronology generation: never ambiguous, never shown in order, reproducible, varied, and
harder questions pick events closer in time."""

from __future__ import annotations

import statistics
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizzes.engine import ChronologyBank, EventFact, NotEnoughFacts, generate_chronology
from quizzes.engine.chronology import is_unambiguous
from quizzes.engine.grading import (
    DEFAULT_ORDERING_METHOD,
    ORDERING_METHODS,
    RELATIVE_TO_CORRECT,
    grade_ordering,
)
from tests.engine.strategies import DIFFICULTIES, event_banks, shipped_facts
from tests.hypothesis_profiles import examples


def event(fact_id: str, start: str, end: str | None = None, label: str = "") -> EventFact:
    return EventFact(
        id=fact_id,
        text=f"Événement {fact_id}",
        date_label=label or start,
        start=date.fromisoformat(start),
        end=date.fromisoformat(end or start),
    )


@settings(max_examples=examples(200), deadline=None)
@given(events=event_banks(), n_items=st.integers(3, 8), seed=st.integers(), data=st.data())
def test_random_banks_never_give_an_ambiguous_or_presorted_question(events, n_items, seed, data):
    difficulty = data.draw(DIFFICULTIES)
    bank = ChronologyBank(events)
    if n_items > bank.max_items:
        with pytest.raises(NotEnoughFacts):
            bank.question(n_items, seed, difficulty)
        return
    question = bank.question(n_items, seed, difficulty)
    by_id = {e.id: e for e in events}
    chosen = [by_id[item.fact_id] for item in question.items]
    assert len(chosen) == n_items == len(set(question.answer))
    assert is_unambiguous(chosen)
    # The right answer is the items sorted by date, and it is never the order shown.
    right = [item.id for item in sorted(question.items, key=lambda item: item.start)]
    assert list(question.answer) == right
    assert [item.id for item in question.items] != right


@settings(max_examples=examples(100), deadline=None)
@given(events=event_banks(min_size=10), seed=st.text(max_size=8))
def test_same_facts_and_seed_give_the_same_question(events, seed):
    if ChronologyBank(events).max_items < 3:
        return
    first = generate_chronology(events, n_items=3, seed=seed).to_dict()
    again = generate_chronology(list(reversed(events)), n_items=3, seed=seed).to_dict()
    assert first == again


@settings(max_examples=examples(100), deadline=None)
@given(events=event_banks(min_size=12))
def test_max_items_is_the_largest_set_of_pairwise_orderable_events(events):
    bank = ChronologyBank(events)
    # Greedy by earliest end is optimal for non-overlapping intervals.
    count, last_end = 0, None
    for e in sorted(events, key=lambda e: e.end):
        if last_end is None or e.start > last_end:
            count, last_end = count + 1, e.end
    assert bank.max_items == count


def test_a_month_is_never_ordered_against_a_day_inside_it():
    events = [
        event("sept", "1943-09-01", "1943-09-30", "septembre 1943"),
        event("8sept", "1943-09-08", label="8 septembre 1943"),
        event("avril", "1945-04-01", "1945-04-30", "avril 1945"),
        event("28avril", "1945-04-28", label="28 avril 1945"),
        event("juillet", "1943-07-10"),
    ]
    # At most one of each overlapping pair: three orderable events at most.
    assert ChronologyBank(events).max_items == 3
    for seed in range(50):
        chosen = {item.fact_id for item in generate_chronology(events, n_items=3, seed=seed).items}
        assert not {"sept", "8sept"} <= chosen
        assert not {"avril", "28avril"} <= chosen


def test_items_show_what_happened_never_the_date():
    events, _ = shipped_facts()
    question = generate_chronology(events, n_items=5, seed="page")
    for item in question.items:
        assert item.label not in {e.date_label for e in events}
        assert item.date_label not in item.label


def test_too_many_items_fail_with_a_message_for_the_teacher():
    events = [event("a", "1943-01-01"), event("b", "1943-01-01"), event("c", "1943-02-01")]
    with pytest.raises(NotEnoughFacts, match="au plus 2"):
        generate_chronology(events, n_items=3, seed=1)


@pytest.mark.parametrize("n_items", [2, 9])
def test_item_count_outside_three_to_eight_is_refused(n_items):
    events = [event(str(n), f"19{40 + n}-01-01") for n in range(10)]
    with pytest.raises(ValueError, match="de 3 à 8"):
        generate_chronology(events, n_items=n_items)


def test_harder_questions_pick_events_closer_in_time():
    # One event every ten days for three years.
    events = [
        EventFact(
            str(n),
            f"E{n}",
            "",
            date.fromordinal(700000 + 10 * n),
            date.fromordinal(700000 + 10 * n),
        )
        for n in range(110)
    ]
    bank = ChronologyBank(events)

    def mean_span(difficulty):
        spans = []
        for seed in range(200):
            items = bank.question(5, seed, difficulty).items
            days = [date.fromisoformat(item.start) for item in items]
            spans.append((max(days) - min(days)).days)
        return statistics.mean(spans)

    easy, medium, hard = mean_span("easy"), mean_span("medium"), mean_span("hard")
    assert hard < medium < easy
    assert hard <= 4 * 10 * 2  # neighbours or next-but-one: at most 80 days for 5 items


def test_shipped_fixtures_allow_thousands_of_distinct_questions_over_the_whole_bank():
    events, _ = shipped_facts()
    bank = ChronologyBank(events)
    assert bank.max_items >= 8
    assert bank.count_sets(4) > 1000
    used = set()
    for seed in range(300):
        used |= {item.fact_id for item in bank.question(4, seed).items}
    # Every event can take part in some question, and seeds reach all of them.
    assert used == {e.id for e in events}


def test_count_sets_matches_brute_force_on_a_small_bank():
    from itertools import combinations

    events, _ = shipped_facts()
    events = events[:14]
    expected = sum(1 for combo in combinations(events, 4) if is_unambiguous(combo))
    assert ChronologyBank(events).count_sets(4) == expected


@settings(max_examples=examples(100), deadline=None)
@given(
    events=event_banks(min_size=8),
    n_items=st.integers(3, 6),
    seed=st.integers(),
    method=st.sampled_from(ORDERING_METHODS),
)
def test_the_order_shown_earns_nothing_when_some_order_does(events, n_items, seed, method):
    bank = ChronologyBank(events)
    if n_items > bank.max_items:
        return
    question = bank.question(n_items, seed, ordering_method=method)
    shown = [item.id for item in question.items]
    score = grade_ordering(list(question.answer), shown, method)
    if method == RELATIVE_TO_CORRECT:  # an item earns 0 only at the far end: no order is worth 0
        assert score < 1
    else:
        assert score == 0


def test_the_order_shown_under_the_default_method_varies_with_the_seed():
    events, _relations = shipped_facts()
    bank = ChronologyBank(events)
    reversed_ = 0
    for seed in range(200):
        question = bank.question(4, seed)
        shown = [item.id for item in question.items]
        assert grade_ordering(list(question.answer), shown, DEFAULT_ORDERING_METHOD) == 0
        reversed_ += shown == list(question.answer)[::-1]
    assert reversed_ < 50  # about 1 in 9 of the orders worth 0
