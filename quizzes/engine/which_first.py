"""Which came first? Two events whose date ranges do not overlap, so the source settles which
came first; the student picks one, graded all or nothing (a two-way choice has no half-right).

No give-away: the events shown never hold a year in their own words (« … en 1944 ») and the
order shown is drawn at random, with ids that follow it. Events are sorted once; the pairs are
counted, not listed, so a question is drawn uniformly among all of them in O(log n).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Any

from quizzes.engine.chronology import ChronologyBank
from quizzes.engine.facts import EventFact
from quizzes.engine.grading import MalformedResponse
from quizzes.engine.questions import Item, NotEnoughFacts, gettext_noop, rng_for
from quizzes.engine.wording import has_year

WHICH_FIRST = "which_first"
PROMPT = gettext_noop("Lequel de ces deux événements a eu lieu en premier ?")


@dataclass(frozen=True, slots=True)
class WhichFirstQuestion:
    """Two events, in the order shown; `answer` is the id of the earlier one."""

    prompt: str
    items: tuple[Item, Item]
    answer: str
    kind: str = field(default=WHICH_FIRST, init=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "prompt": self.prompt,
            "items": [item.to_dict() for item in self.items],
            "answer": self.answer,
        }


class WhichFirstBank:
    """The pairs of events whose order the dates settle: event i with any event from
    following[i] on (which all start after event i ends)."""

    def __init__(self, events: Sequence[EventFact]):
        self.chronology = ChronologyBank([event for event in events if not has_year(event.text)])
        size = len(self.chronology.events)
        later_counts = [size - first for first in self.chronology.following]
        self.cumulative = list(accumulate(later_counts))
        self.count = self.cumulative[-1] if self.cumulative else 0

    def pair(self, index: int) -> tuple[EventFact, EventFact]:
        """The index-th orderable pair, earlier event first (0 <= index < count)."""
        first = bisect_right(self.cumulative, index)
        before = self.cumulative[first - 1] if first else 0
        second = self.chronology.following[first] + index - before
        events = self.chronology.events
        return events[first], events[second]

    def question(self, seed: object) -> WhichFirstQuestion:
        if not self.count:
            raise NotEnoughFacts(
                gettext_noop(
                    "Impossible de demander quel événement vient en premier : aucun couple "
                    "d’événements n’a des dates qui ne se chevauchent pas."
                )
            )
        rng = rng_for(seed)
        earlier, later = self.pair(rng.randrange(self.count))
        shown = [earlier, later] if rng.random() < 0.5 else [later, earlier]
        items = tuple(Item.from_event(event, f"e{rank}") for rank, event in enumerate(shown, 1))
        answer = items[shown.index(earlier)].id
        return WhichFirstQuestion(prompt=PROMPT, items=items, answer=answer)


def generate_which_first(events: Sequence[EventFact], *, seed: object = 0) -> WhichFirstQuestion:
    return WhichFirstBank(events).question(seed)


def grade_which_first(answer: str, chosen: str, item_ids: Sequence[str]) -> float:
    """1 when the earlier event is chosen, else 0. MalformedResponse for an id not shown."""
    if chosen not in item_ids:
        raise MalformedResponse(f"unknown item {chosen!r}")
    return 1.0 if chosen == answer else 0.0
