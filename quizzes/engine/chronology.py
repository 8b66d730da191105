"""Chronology questions: pick events whose order the source settles, shuffle them, ask for
the order, oldest first.

Two events may be asked together only if their date ranges do not overlap, so "septembre
1943" is never ordered against "8 septembre 1943", or if the source states their order
(« Tôt dans la matinée du 25 juillet… plus tard dans la journée », a StatedOrder), directly or
through a chain of stated orders and dates. Events are sorted by their first day once per
bank; a question is then a chain of events each starting after the previous one ends, which
makes every pair in it orderable (intervals: a.end < b.start and b.end < c.start imply
a.end < c.start). With stated orders, SettledChronologyBank draws chains of the partial order
they make with the dates (quizzes.engine.stated_orders), and the question keeps the words
that settle each pair the dates leave open, for the feedback.
"""

from __future__ import annotations

import random
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from operator import attrgetter

from quizzes.engine.facts import EventFact, StatedOrder
from quizzes.engine.grading import DEFAULT_ORDERING_METHOD, grade_ordering
from quizzes.engine.questions import (
    MAX_CHRONOLOGY_ITEMS,
    MIN_CHRONOLOGY_ITEMS,
    ChronologyQuestion,
    Item,
    NotEnoughFacts,
    SettledPair,
    gettext_noop,
    rng_for,
    shuffled_not_identity,
)
from quizzes.engine.stated_orders import OrderedEvents, members, unsettled_pairs

# Shuffles tried for an order worth 0 before falling back to the reversed order.
SHOWN_ORDER_SHUFFLES = 60

EASY = "easy"
MEDIUM = "medium"
HARD = "hard"
DIFFICULTIES = (EASY, MEDIUM, HARD)

PROMPT = gettext_noop(
    "Remettez ces événements dans l’ordre chronologique, du plus ancien au plus récent."
)


class ChronologyBank:
    """Events prepared for drawing questions: sorted once, O(n log n), then each question
    costs about O(items × (log n + skip))."""

    def __init__(self, events: Sequence[EventFact]):
        self.events = sorted(events, key=attrgetter("start", "end", "id"))
        starts = [event.start for event in self.events]
        size = len(self.events)
        # following[i]: the first event that starts after event i ends.
        self.following = [bisect_right(starts, event.end) for event in self.events]
        # longest[i]: the most events a question may hold when it opens with event i.
        self.longest = [0] * size
        best_from = [0] * (size + 1)
        for i in range(size - 1, -1, -1):
            self.longest[i] = 1 + best_from[self.following[i]]
            best_from[i] = max(best_from[i + 1], self.longest[i])
        self.max_items = best_from[0] if size else 0
        # last_opening[k]: the last event that can still open a chain of k events. best_from
        # only grows as i goes back, so one backward pass fills it.
        self.last_opening = [size - 1] * (self.max_items + 2)
        reached = 0
        for i in range(size - 1, -1, -1):
            while reached < best_from[i]:
                reached += 1
                self.last_opening[reached] = i

    def _first_fit(self, index: int, needed: int) -> int:
        """The first event at or after index that can still open a chain of `needed`."""
        while self.longest[index] < needed:
            index += 1
        return index

    def draw(self, n_items: int, seed: object, difficulty: str = MEDIUM) -> list[EventFact]:
        """n_items pairwise orderable events, oldest first."""
        if difficulty not in DIFFICULTIES:
            raise ValueError(f"Difficulté inconnue : {difficulty!r} (attendu : {DIFFICULTIES}).")
        if not MIN_CHRONOLOGY_ITEMS <= n_items <= MAX_CHRONOLOGY_ITEMS:
            raise ValueError(
                f"Une chronologie compte de {MIN_CHRONOLOGY_ITEMS} à {MAX_CHRONOLOGY_ITEMS} "
                f"événements (demandé : {n_items})."
            )
        if n_items > self.max_items:
            raise NotEnoughFacts(
                gettext_noop(
                    "Impossible de composer une chronologie de %(asked)s événements : parmi les "
                    "%(events)s événements datés, au plus %(most)s ont des dates qui ne se "
                    "chevauchent pas deux à deux."
                ),
                asked=n_items,
                events=len(self.events),
                most=self.max_items,
            )
        return self.chain(n_items, rng_for(seed), difficulty)

    def chain(self, n_items: int, rng: random.Random, difficulty: str) -> list[EventFact]:
        """n_items pairwise orderable events, oldest first (the caller checked max_items)."""
        last = self.last_opening[n_items]
        # Easy questions open early so the rest of the chain can spread over the timeline.
        start = rng.randint(0, last // n_items if difficulty == EASY else last)
        chain = [self._first_fit(start, n_items)]
        for needed in range(n_items - 1, 0, -1):
            first = self.following[chain[-1]]
            room = max(0, self.last_opening[needed] - first)
            if difficulty == HARD:
                skip = rng.randint(0, min(1, room))
            elif difficulty == MEDIUM:
                skip = rng.randint(0, room // needed)
            else:
                share = room // needed
                skip = rng.randint(share // 2, share) if share else 0
            chain.append(self._first_fit(first + skip, needed))
        return [self.events[index] for index in chain]

    def question(
        self,
        n_items: int,
        seed: object,
        difficulty: str = MEDIUM,
        ordering_method: str = DEFAULT_ORDERING_METHOD,
    ) -> ChronologyQuestion:
        ordered = self.draw(n_items, seed, difficulty)
        shown = order_worth_nothing(rng_for(f"{seed}:shuffle"), ordered, ordering_method)
        # Ids follow the order shown, so they say nothing about the right order.
        ids = {event.id: f"e{rank}" for rank, event in enumerate(shown, 1)}
        items = tuple(Item.from_event(event, ids[event.id]) for event in shown)
        return ChronologyQuestion(
            prompt=PROMPT,
            items=items,
            answer=tuple(ids[event.id] for event in ordered),
            settled=self.settled(ordered, ids),
        )

    def settled(self, ordered: list[EventFact], ids: dict[str, str]) -> tuple[SettledPair, ...]:
        """The pairs of the question only the source's words order: none, dates settle all."""
        return ()

    def count_sets(self, n_items: int) -> int:
        """How many distinct sets of n_items pairwise orderable events the bank holds."""
        size = len(self.events)
        # chains[i]: chains of the current length opening with event i; suffix sums on top.
        chains = [1] * size
        for _length in range(2, n_items + 1):
            suffix = [0] * (size + 1)
            for i in range(size - 1, -1, -1):
                suffix[i] = suffix[i + 1] + chains[i]
            chains = [suffix[self.following[i]] for i in range(size)]
        return sum(chains)


def _skip(rng: random.Random, room: int, needed: int, difficulty: str) -> int:
    """How far past the closest event the next one of a chain is drawn."""
    if difficulty == HARD:
        return rng.randint(0, min(1, room))
    if difficulty == MEDIUM:
        return rng.randint(0, room // needed)
    share = room // needed
    return rng.randint(share // 2, share) if share else 0


class SettledChronologyBank(ChronologyBank):
    """A bank where the source also states the order of some events whose dates overlap: a
    question is a chain of the partial order that the dates and the stated orders make
    (OrderedEvents), drawn as ChronologyBank draws its chains, with the quotes that settle
    each pair the dates leave open."""

    def __init__(self, events: Sequence[EventFact], orders: Iterable[StatedOrder]):
        self.order = OrderedEvents(events, orders)
        self.events = self.order.events
        after = self.order.after
        size = len(self.events)
        # A linear extension of the order: whatever comes after an event has fewer after it.
        self.position = [0] * size
        for position, index in enumerate(
            sorted(range(size), key=lambda i: (-after[i].bit_count(), i))
        ):
            self.position[index] = position
        # at_least[k - 1]: the events that can open a chain of k or more.
        self.at_least: list[int] = []
        for index in sorted(range(size), key=self.position.__getitem__, reverse=True):
            longest = 1 + sum(1 for level in self.at_least if after[index] & level)
            self.at_least += [0] * (longest - len(self.at_least))
            for level in range(longest):
                self.at_least[level] |= 1 << index
        self.max_items = len(self.at_least)

    def _in_order(self, mask: int) -> list[int]:
        return sorted(members(mask), key=self.position.__getitem__)

    def chain(self, n_items: int, rng: random.Random, difficulty: str) -> list[EventFact]:
        openers = self._in_order(self.at_least[n_items - 1])
        last = len(openers) - 1
        chain = [openers[rng.randint(0, last // n_items if difficulty == EASY else last)]]
        for needed in range(n_items - 1, 0, -1):
            options = self._in_order(self.order.after[chain[-1]] & self.at_least[needed - 1])
            chain.append(options[_skip(rng, len(options) - 1, needed, difficulty)])
        return [self.events[index] for index in chain]

    def count_sets(self, n_items: int) -> int:
        size = len(self.events)
        chains = [1] * size
        for _length in range(2, n_items + 1):
            chains = [sum(chains[j] for j in members(self.order.after[i])) for i in range(size)]
        return sum(chains)

    def settled(self, ordered: list[EventFact], ids: dict[str, str]) -> tuple[SettledPair, ...]:
        index = {event.id: rank for rank, event in enumerate(self.events)}
        return tuple(
            SettledPair(
                earlier=ids[first.id],
                later=ids[second.id],
                quotes=tuple(self.order.quotes(index[first.id], index[second.id])),
            )
            for rank, first in enumerate(ordered)
            for second in ordered[rank + 1 :]
            if first.overlaps(second)
        )


def chronology_bank(
    events: Sequence[EventFact], orders: Iterable[StatedOrder] = ()
) -> ChronologyBank:
    """The bank to draw chronology questions from: one that uses the orders the source states
    when some of them link two of these events, else one that orders by dates alone."""
    orders = list(orders)
    if orders:
        bank = SettledChronologyBank(events, orders)
        if bank.order.stated:
            return bank
    return ChronologyBank(events)


def order_worth_nothing(rng: random.Random, ordered: list, method: str) -> list:
    """A shuffled copy of `ordered` that earns 0 under the grading method, so that a student
    who submits without moving anything earns nothing (Moodle users complain that an untouched
    ordering question earns points). Random among such orders, so the order shown says nothing
    about the answer; the reversed order when shuffles find none (the subset methods give 0 to
    it alone); the least rewarded order seen when no order is worth 0 (RELATIVE_TO_CORRECT)."""
    ranks = [str(rank) for rank in range(len(ordered))]
    candidates = []
    for _shuffle in range(SHOWN_ORDER_SHUFFLES):
        shown = shuffled_not_identity(rng, ranks)
        if grade_ordering(ranks, shown, method) == 0:
            break
        candidates.append(shown)
    else:
        shown = min([ranks[::-1], *candidates], key=lambda c: grade_ordering(ranks, c, method))
    return [ordered[int(rank)] for rank in shown]


def generate_chronology(
    events: Sequence[EventFact],
    *,
    n_items: int = 4,
    seed: object = 0,
    difficulty: str = MEDIUM,
    ordering_method: str = DEFAULT_ORDERING_METHOD,
    bank: ChronologyBank | None = None,
    orders: Iterable[StatedOrder] = (),
) -> ChronologyQuestion:
    """One chronology question from the events and the orders the source states between them
    (pass a prepared `bank` to draw many), shown in an order worth nothing under
    `ordering_method`."""
    bank = bank or chronology_bank(events, orders)
    return bank.question(n_items, seed, difficulty, ordering_method)


def is_unambiguous(events: Sequence[EventFact], orders: Iterable[StatedOrder] = ()) -> bool:
    """True when every pair of events can be ordered from their date ranges, or from the
    orders the source states (a chain of them and of dates)."""
    orders = list(orders)
    if orders:
        return not unsettled_pairs(events, orders)
    return all(not a.overlaps(b) for index, a in enumerate(events) for b in events[index + 1 :])
