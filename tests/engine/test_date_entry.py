"""Date entry: asked only as precisely as the source dates the event, graded against its range
with half the points for the right year and a wrong month."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizzes.engine import EventFact, MalformedResponse, NotEnoughFacts
from quizzes.engine.date_entry import (
    MONTH,
    YEAR,
    YEAR_ONLY_CREDIT,
    DateEntryBank,
    generate_date_entry,
    grade_date_entry,
    precision_of,
)
from tests.engine.strategies import event_banks, shipped_facts
from tests.hypothesis_profiles import examples

JULY_10 = (date(1943, 7, 10), date(1943, 7, 10))
SPRING = (date(1943, 3, 21), date(1943, 6, 21))


def event(text="Les Alliés débarquent", label="Le 10 juillet 1943", dates=JULY_10, **kw):
    return EventFact("1", text, label, *dates, **kw)


def test_shipped_facts_give_16_distinct_questions_14_of_them_asking_the_month():
    events, _relations = shipped_facts()
    bank = DateEntryBank(events)
    assert bank.count == 16
    assert [precision for _event, precision in bank.asked].count(MONTH) == 14


@pytest.mark.parametrize(
    ("fact", "precision"),
    [
        (event(), MONTH),
        (event(label="Au printemps 1943", dates=SPRING), YEAR),
        (event(label="s’ensuit", dates=(date(1944, 6, 1), date(1945, 3, 31))), None),
        (event(label="plus tard dans la journée", label_is_relative=True), None),
        (event(label="depuis 1860", dates=(date(1860, 1, 1), date(1860, 12, 31))), None),
        (event(text="Rome tombe en 1944"), None),  # the year is in the words
        (event(text="Les Alliés débarquent en juillet"), YEAR),  # the month is in the words
    ],
)
def test_the_question_is_as_precise_as_the_source_and_gives_nothing_away(fact, precision):
    assert precision_of(fact) == precision


def test_worked_examples_of_grading():
    # Asked month and year of 10 July 1943: right month and year, 1 point.
    assert grade_date_entry(*JULY_10, MONTH, 1943, 7).score == 1.0
    # Right year, wrong month: YEAR_ONLY_CREDIT = 0.5 of the point.
    assert grade_date_entry(*JULY_10, MONTH, 1943, 8).score == YEAR_ONLY_CREDIT == 0.5
    # Wrong year, right month: 0, the month alone places nothing.
    assert grade_date_entry(*JULY_10, MONTH, 1944, 7).score == 0.0
    # Asked the year of spring 1943 (21 March – 21 June): 1943 earns 1, 1942 earns 0.
    assert grade_date_entry(*SPRING, YEAR, 1943).score == 1.0
    assert grade_date_entry(*SPRING, YEAR, 1942).score == 0.0


def test_a_month_where_none_is_asked_or_a_missing_month_is_malformed():
    with pytest.raises(MalformedResponse):
        grade_date_entry(*SPRING, YEAR, 1943, 4)
    with pytest.raises(MalformedResponse):
        grade_date_entry(*JULY_10, MONTH, 1943)
    with pytest.raises(MalformedResponse):
        grade_date_entry(*JULY_10, MONTH, 1943, 13)


@settings(max_examples=examples(300), deadline=None)
@given(events=event_banks(min_size=1), seed=st.integers())
def test_exactly_one_year_or_month_earns_full_marks(events, seed):
    try:
        question = generate_date_entry(events, seed=seed)
    except NotEnoughFacts:
        assert all(precision_of(e) is None for e in events)
        return
    start = date.fromisoformat(question.item.start)
    end = date.fromisoformat(question.item.end)
    years = range(start.year - 2, end.year + 3)
    if question.precision == YEAR:
        right = [y for y in years if grade_date_entry(start, end, YEAR, y).score == 1]
    else:
        right = [
            (y, m)
            for y in years
            for m in range(1, 13)
            if grade_date_entry(start, end, MONTH, y, m).score == 1
        ]
    assert len(right) == 1
