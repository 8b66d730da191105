"""Chronology questions use the orders the source states between events whose dates overlap
(« Tôt dans la matinée du 25 juillet… plus tard dans la journée »), and only those: a pair
neither dates nor a chain of stated orders settle is never asked."""

from __future__ import annotations

from datetime import date
from itertools import combinations

from hypothesis import given, settings
from hypothesis import strategies as st

from quizzes.engine.chronology import (
    ChronologyBank,
    SettledChronologyBank,
    chronology_bank,
    is_unambiguous,
)
from quizzes.engine.facts import EventFact, StatedOrder
from quizzes.engine.stated_orders import OrderedEvents
from quizzes.fixture_facts import shipped_facts, shipped_stated_orders
from tests.engine.strategies import DIFFICULTIES, event_banks, pairs_of
from tests.hypothesis_profiles import examples

RESIGNATION = "Mussolini est contraint de démissionner par le Grand Conseil fasciste"
ARREST = "Mussolini est arrêté"


def event(fact_id: str, start: str, end: str | None = None) -> EventFact:
    return EventFact(
        id=fact_id,
        text=f"Événement {fact_id}",
        date_label=start,
        start=date.fromisoformat(start),
        end=date.fromisoformat(end or start),
    )


@st.composite
def banks_with_orders(draw):
    """Events with stated orders between some of them: overlapping or not, some contradicting
    the dates, some closing cycles."""
    events = draw(event_banks(min_size=3, max_size=25))
    ids = [e.id for e in events]
    pairs = draw(pairs_of(tuple(ids), max_size=12))
    return events, [StatedOrder(a, b, f"{a} puis {b}") for a, b in pairs if a != b]


def chain_oracle(events, orders):
    """Brute force: whether a path of date steps and stated orders leads from one event to
    another, in a graph with no cycle through the stated orders kept (OrderedEvents' own rule,
    checked naively). Returns settled(first, second); what each event reaches is worked out
    once per bank, not once per pair asked about."""
    by_id = {e.id: e for e in events}
    edges = {(o.earlier, o.later) for o in orders if by_id[o.earlier].overlaps(by_id[o.later])}

    def reachable(start, links):
        seen, todo = set(), [start]
        while todo:
            here = todo.pop()
            for e in events:
                step = by_id[here].end < e.start or (here, e.id) in links
                if step and e.id not in seen:
                    seen.add(e.id)
                    todo.append(e.id)
        return seen

    kept = {(a, b) for a, b in edges if a not in reachable(b, edges)}
    reached: dict[str, set[str]] = {}

    def settled(first: EventFact, second: EventFact) -> bool:
        if first.id not in reached:
            reached[first.id] = reachable(first.id, kept)
        return second.id in reached[first.id]

    return settled


@settings(max_examples=examples(200), deadline=None)
@given(bank=banks_with_orders(), n_items=st.integers(3, 6), seed=st.integers(), data=st.data())
def test_overlapping_events_are_asked_together_only_when_stated_orders_link_them(
    bank, n_items, seed, data
):
    events, orders = bank
    difficulty = data.draw(DIFFICULTIES)
    chronology = chronology_bank(events, orders)
    if n_items > chronology.max_items:
        return
    question = chronology.question(n_items, seed, difficulty)
    by_id = {e.id: e for e in events}
    items = {item.id: by_id[item.fact_id] for item in question.items}
    ordered = [items[item_id] for item_id in question.answer]
    settled = {(pair.earlier, pair.later): pair.quotes for pair in question.settled}
    settled_by_chain = chain_oracle(events, orders)
    for rank, first in enumerate(ordered):
        for second in ordered[rank + 1 :]:
            # The answer is a total order the dates never contradict...
            assert not second.end < first.start
            assert settled_by_chain(first, second)
            if first.overlaps(second):
                # ...and where the dates leave it open, the source's words settle it.
                ids = next((k for k, v in items.items() if v is first), None)
                later = next((k for k, v in items.items() if v is second), None)
                quotes = settled[ids, later]
                stated = {o.quote for o in orders}
                assert quotes and set(quotes) <= stated


@settings(max_examples=examples(150), deadline=None)
@given(bank=banks_with_orders())
def test_max_items_and_counts_match_brute_force_on_small_banks(bank):
    events, orders = bank
    events = events[:9]
    orders = [o for o in orders if {o.earlier, o.later} <= {e.id for e in events}]
    settled_by_chain = chain_oracle(events, orders)

    def orderable(a: EventFact, b: EventFact) -> bool:
        return settled_by_chain(a, b) or settled_by_chain(b, a)

    for a, b in combinations(events, 2):
        assert not (settled_by_chain(a, b) and settled_by_chain(b, a))

    def pairwise(group) -> bool:
        return all(orderable(a, b) for a, b in combinations(group, 2))

    bank = SettledChronologyBank(events, orders)
    for size in (3, 4):
        assert bank.count_sets(size) == sum(1 for g in combinations(events, size) if pairwise(g))
    sizes = range(1, len(events) + 1)
    best = max((n for n in sizes if any(pairwise(g) for g in combinations(events, n))), default=0)
    assert bank.max_items == best


@settings(max_examples=examples(100), deadline=None)
@given(events=event_banks(min_size=3), seed=st.integers())
def test_without_stated_orders_questions_are_those_of_the_dates_alone(events, seed):
    bank = chronology_bank(events, [StatedOrder("absent", "missing", "rien")])
    assert type(bank) is ChronologyBank
    if bank.max_items >= 3:
        plain = ChronologyBank(events).question(3, seed)
        assert bank.question(3, seed) == plain
        assert plain.settled == ()


def test_a_stated_order_the_dates_contradict_settles_nothing():
    late, early = event("1", "1943-09-08"), event("2", "1943-09-01", "1943-09-03")
    assert not is_unambiguous([late, early, event("3", "1943-09-02")], [StatedOrder("1", "2")])


def test_a_chain_of_stated_orders_settles_the_pair_at_its_ends_with_both_quotes():
    same_day = [event(name, "1943-07-25") for name in "abc"]
    orders = [StatedOrder("a", "b", "tôt"), StatedOrder("b", "c", "plus tard")]
    assert is_unambiguous(same_day, orders)
    assert not is_unambiguous(same_day, orders[:1])
    question = SettledChronologyBank(same_day, orders).question(3, "graine")
    by_fact = {item.fact_id: item.id for item in question.items}
    assert [
        question.items[[i.id for i in question.items].index(x)].fact_id for x in question.answer
    ] == ["a", "b", "c"]
    quotes = {(p.earlier, p.later): p.quotes for p in question.settled}
    assert quotes[by_fact["a"], by_fact["c"]] == ("tôt", "plus tard")
    assert quotes[by_fact["b"], by_fact["c"]] == ("plus tard",)


def test_stated_orders_in_a_cycle_settle_nothing():
    same_day = [event(name, "1943-07-25") for name in "abc"]
    cycle = [StatedOrder("a", "b"), StatedOrder("b", "c"), StatedOrder("c", "a")]
    assert not is_unambiguous(same_day, cycle)
    assert OrderedEvents(same_day, cycle).stated == {}


def shipped_bank():
    events, _relations = shipped_facts()
    return events, chronology_bank(events, shipped_stated_orders())


def test_the_25_july_resignation_and_arrest_can_now_be_asked_together_with_the_words_that_order_them():
    events, bank = shipped_bank()
    assert ChronologyBank(events).count_sets(4) < bank.count_sets(4)
    asked = 0
    for seed in range(3000):
        question = bank.question(4, seed, "hard")
        labels = {item.id: item.label for item in question.items}
        if {RESIGNATION, ARREST} <= set(labels.values()):
            asked += 1
            answer = [labels[item_id] for item_id in question.answer]
            assert answer.index(RESIGNATION) < answer.index(ARREST)
            pair = next(
                p
                for p in question.settled
                if (labels[p.earlier], labels[p.later]) == (RESIGNATION, ARREST)
            )
            assert any("plus tard dans la journée" in quote for quote in pair.quotes)
    assert asked


def test_shipped_questions_never_hold_a_pair_the_source_leaves_unordered():
    events, bank = shipped_bank()
    by_id = {e.id: e for e in events}
    for seed in range(examples(1500)):
        question = bank.question(3 + seed % 6, seed, ("easy", "medium", "hard")[seed % 3])
        chosen = [by_id[item.fact_id] for item in question.items]
        assert is_unambiguous(chosen, shipped_stated_orders())
        overlapping = sum(1 for i, a in enumerate(chosen) for b in chosen[i + 1 :] if a.overlaps(b))
        assert overlapping == len(question.settled)
