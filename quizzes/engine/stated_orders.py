"""What comes before what among events, by their dates and by the orders the source states
although the dates coincide or overlap (« Tôt dans la matinée du 25 juillet… plus tard dans la
journée »): the partial order chronology questions draw from, and the words that settle a pair.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from operator import attrgetter

from quizzes.engine.facts import EventFact, StatedOrder


def members(mask: int) -> Iterator[int]:
    """The indices of the bits set in mask, lowest first."""
    while mask:
        low = mask & -mask
        yield low.bit_length() - 1
        mask ^= low


class OrderedEvents:
    """Events sorted by their first day, each with the set of events known to come after it:
    those starting after it ends, and those a chain of stated orders and dates puts after it.

    A stated order the dates contradict, or that closes a cycle with other stated orders and
    the dates, settles nothing and is left out; one the dates already settle adds nothing.
    Sets are bit sets over the sorted events: O(n²) bits, meant for a question set's events
    (hundreds), not for the benchmarks' banks of 100,000 (which state no order)."""

    def __init__(self, events: Sequence[EventFact], orders: Iterable[StatedOrder]):
        self.events = sorted(events, key=attrgetter("start", "end", "id"))
        starts = [event.start for event in self.events]
        # following[i]: the first event that starts after event i ends.
        self.following = [bisect_right(starts, event.end) for event in self.events]
        index = {event.id: rank for rank, event in enumerate(self.events)}
        stated: dict[tuple[int, int], str] = {}
        for order in orders:
            earlier, later = index.get(order.earlier), index.get(order.later)
            if earlier is None or later is None or earlier == later:
                continue
            first, second = self.events[earlier], self.events[later]
            if first.overlaps(second):
                stated.setdefault((earlier, later), order.quote)
        self.after = self._closed(stated)
        if cyclic := {pair for pair in stated if self.after[pair[1]] >> pair[0] & 1}:
            stated = {pair: quote for pair, quote in stated.items() if pair not in cyclic}
            self.after = self._closed(stated)
        # (earlier, later) index pairs → the quote that settles them.
        self.stated = stated

    def _closed(self, stated: dict[tuple[int, int], str]) -> list[int]:
        """after[i] for every event: what dates and stated orders put after it, transitively.
        A few passes: each lets chains grow by one more stated order."""
        size = len(self.events)
        everything = (1 << size) - 1
        after = [everything >> first << first for first in self.following]
        next_stated: dict[int, list[int]] = {}
        for earlier, later in stated:
            after[earlier] |= 1 << later
            next_stated.setdefault(earlier, []).append(later)
        while True:
            # from_here[k]: everything after some event k or later in start order.
            from_here = [0] * (size + 1)
            for i in range(size - 1, -1, -1):
                from_here[i] = from_here[i + 1] | after[i]
            grew = False
            for i in range(size):
                grown = after[i] | from_here[self.following[i]]
                for later in next_stated.get(i, ()):
                    grown |= after[later]
                if grown != after[i]:
                    after[i], grew = grown, True
            if not grew:
                return after

    def comes_before(self, earlier: int, later: int) -> bool:
        return bool(self.after[earlier] >> later & 1)

    def quotes(self, earlier: int, later: int) -> list[str]:
        """The words of the stated orders that put `earlier` before `later`, along one chain
        of them (none when the dates alone do). The caller knows that earlier comes first."""
        quotes, here = [], earlier
        while not self.events[here].end < self.events[later].start:
            if (here, later) in self.stated:
                return [*quotes, self.stated[here, later]]
            step = next(
                (
                    pair
                    for pair in sorted(self.stated)
                    if pair[0] == here and self.comes_before(pair[1], later)
                ),
                None,
            )
            if step:
                quotes.append(self.stated[step])
                here = step[1]
                continue
            # The dates lead to an event that a stated order leaves before `later`.
            here = next(
                first
                for first, _second in sorted(self.stated)
                if self.events[here].end < self.events[first].start
                and self.comes_before(first, later)
            )
        return quotes


def unsettled_pairs(
    events: Sequence[EventFact], orders: Iterable[StatedOrder] = ()
) -> list[tuple[EventFact, EventFact]]:
    """The pairs of events that neither their dates nor the source's stated orders put in an
    order, in start order: a chronology holding both would have two right answers."""
    ordered = OrderedEvents(events, orders)
    size = len(ordered.events)
    return [
        (ordered.events[i], ordered.events[j])
        for i in range(size)
        for j in range(i + 1, size)
        if not (ordered.comes_before(i, j) or ordered.comes_before(j, i))
    ]
