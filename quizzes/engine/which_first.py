"""Which came first? Two events whose order the source settles: by their date ranges, which do
not overlap, or by its own words when the dates coincide or overlap (« Tôt dans la matinée du
25 juillet… plus tard dans la journée », a StatedOrder, directly or through a chain of them and
of dates, as chronology questions use them); the question then keeps those words for the
feedback. A pair the source does not order is never asked. The student picks one, graded all or
nothing (a two-way choice has no half-right).

No give-away: the events shown never hold a year in their own words (« … en 1944 ») and the
order shown is drawn at random, with ids that follow it. Events are sorted once; the pairs are
counted, not listed, so a question is drawn uniformly among all of them in O(log n) (plus a
walk over one event's later ones when the source states orders).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Any

from quizzes.engine.chronology import ChronologyBank
from quizzes.engine.facts import EventFact, StatedOrder
from quizzes.engine.grading import MalformedResponse
from quizzes.engine.questions import Item, NotEnoughFacts, SettledPair, gettext_noop, rng_for
from quizzes.engine.stated_orders import OrderedEvents, members
from quizzes.engine.wording import has_year

WHICH_FIRST = "which_first"
PROMPT = gettext_noop("Lequel de ces deux événements a eu lieu en premier ?")


@dataclass(frozen=True, slots=True)
class WhichFirstQuestion:
    """Two events, in the order shown; `answer` is the id of the earlier one; `settled`, when
    their dates overlap, the words of the source that put it first (as in chronologies)."""

    prompt: str
    items: tuple[Item, Item]
    answer: str
    settled: tuple[SettledPair, ...] = ()
    kind: str = field(default=WHICH_FIRST, init=False)

    def to_dict(self) -> dict[str, Any]:
        data = {
            "kind": self.kind,
            "prompt": self.prompt,
            "items": [item.to_dict() for item in self.items],
            "answer": self.answer,
        }
        if self.settled:
            data["settled"] = [pair.to_dict() for pair in self.settled]
        return data

    def to_text(self) -> str:
        """For `manage.py generate_questions --format text`: the answer, earlier event first."""
        lines = [self.prompt]
        lines += [f"  {item.id}. {item.label}" for item in self.items]
        lines.append(f"Réponse : {self.answer}")
        for item in sorted(self.items, key=lambda item: item.id != self.answer):
            lines.append(f"  [{item.date_label}] {item.label}")
            lines.append(f"     « {item.quote} »")
        for pair in self.settled:
            said = " … ".join(f"« {quote} »" for quote in pair.quotes)
            lines.append(f"  {pair.earlier} avant {pair.later} : {said}")
        return "\n".join(lines)


class WhichFirstBank:
    """The pairs of events whose order the source settles, each counted once from its earlier
    event: event i with any event from following[i] on (which all start after event i ends)
    when the dates alone order them; with the orders the source states, event i with every
    event OrderedEvents puts after it. Events whose own words hold a year are never shown,
    but a chain of stated orders may pass through them."""

    def __init__(self, events: Sequence[EventFact], orders: Iterable[StatedOrder] = ()):
        orders = list(orders)
        self.order = OrderedEvents(events, orders) if orders else None
        if self.order is None or not self.order.stated:
            # The dates alone: counted without the O(n²) bit sets (banks of 100,000 events).
            self.order = None
            chronology = ChronologyBank([event for event in events if not has_year(event.text)])
            self.events = chronology.events
            self.following = chronology.following
            size = len(self.events)
            later_counts = [size - first for first in self.following]
        else:
            self.events = self.order.events
            shown = sum(
                1 << index for index, event in enumerate(self.events) if not has_year(event.text)
            )
            self.later = [
                after & shown if shown >> index & 1 else 0
                for index, after in enumerate(self.order.after)
            ]
            later_counts = [later.bit_count() for later in self.later]
        self.cumulative = list(accumulate(later_counts))
        self.count = self.cumulative[-1] if self.cumulative else 0

    def _pair_indices(self, index: int) -> tuple[int, int]:
        first = bisect_right(self.cumulative, index)
        rank = index - (self.cumulative[first - 1] if first else 0)
        if self.order is None:
            return first, self.following[first] + rank
        return first, next(
            second for step, second in enumerate(members(self.later[first])) if step == rank
        )

    def pair(self, index: int) -> tuple[EventFact, EventFact]:
        """The index-th orderable pair, earlier event first (0 <= index < count)."""
        first, second = self._pair_indices(index)
        return self.events[first], self.events[second]

    def question(self, seed: object) -> WhichFirstQuestion:
        if not self.count:
            raise NotEnoughFacts(
                gettext_noop(
                    "Impossible de demander quel événement vient en premier : aucun couple "
                    "d’événements n’a des dates qui ne se chevauchent pas."
                )
            )
        rng = rng_for(seed)
        first, second = self._pair_indices(rng.randrange(self.count))
        earlier, later = self.events[first], self.events[second]
        shown = [earlier, later] if rng.random() < 0.5 else [later, earlier]
        items = tuple(Item.from_event(event, f"e{rank}") for rank, event in enumerate(shown, 1))
        answer = items[shown.index(earlier)].id
        settled = ()
        if self.order is not None and earlier.overlaps(later):
            settled = (
                SettledPair(
                    earlier=answer,
                    later=items[shown.index(later)].id,
                    quotes=tuple(self.order.quotes(first, second)),
                ),
            )
        return WhichFirstQuestion(prompt=PROMPT, items=items, answer=answer, settled=settled)


def generate_which_first(
    events: Sequence[EventFact], *, seed: object = 0, orders: Iterable[StatedOrder] = ()
) -> WhichFirstQuestion:
    """One question from the events and the orders the source states between them."""
    return WhichFirstBank(events, orders).question(seed)


def grade_which_first(answer: str, chosen: str, item_ids: Sequence[str]) -> float:
    """1 when the earlier event is chosen, else 0. MalformedResponse for an id not shown."""
    if chosen not in item_ids:
        raise MalformedResponse(f"unknown item {chosen!r}")
    return 1.0 if chosen == answer else 0.0
