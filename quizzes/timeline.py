"""Timeline layout: events grouped by year, each placed on a shared time axis, for server-side
drawing (no JavaScript, no chart library)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from itertools import groupby
from typing import NamedTuple


class StatedOrder(NamedTuple):
    """An earlier event whose order against this one the source states, in these words."""

    earlier: str
    quotes: tuple[str, ...]


def stated_orders(settled: list[dict], labels: dict[str, str]) -> dict[str, tuple]:
    """A question's `settled` pairs (later, earlier, quotes) by later event: what each entry's
    `settled_by` holds."""
    orders: dict[str, list[StatedOrder]] = {}
    for pair in settled:
        orders.setdefault(pair["later"], []).append(
            StatedOrder(labels[pair["earlier"]], tuple(pair["quotes"]))
        )
    return {later: tuple(earlier) for later, earlier in orders.items()}


@dataclass(frozen=True)
class TimelineEntry:
    text: str
    date_label: str
    start: date
    end: date
    quote: str
    fact_id: int | None = None
    note: str = ""  # e.g. "votre place : 3" in feedback
    # Where the source is wrong or loose, shown under the quote (Fact.teacher_note).
    teacher_note: str = ""
    # In feedback, the events before this one whose dates overlap its own, each with the
    # words of the source that settle the order.
    settled_by: tuple[StatedOrder, ...] = ()
    # On a student's mastery page: the level (quizzes.review.mastery) and FSRS's chance, in
    # percent, that they recall it now (None when not yet seen).
    mastery: str = ""
    recall: int | None = None

    @property
    def is_range(self) -> bool:
        return self.start != self.end


@dataclass(frozen=True)
class TimelineYear:
    year: int
    entries: list[TimelineEntry]


def by_year(entries: list[TimelineEntry], *, in_order: bool = False) -> list[TimelineYear]:
    """Entries grouped by year, sorted by date unless they come `in_order` already (a
    chronology's answer, where the source may order events whose dates overlap)."""
    ordered = entries if in_order else sorted(entries, key=lambda entry: (entry.start, entry.end))
    return [
        TimelineYear(year, list(group))
        for year, group in groupby(ordered, key=lambda entry: entry.start.year)
    ]


def entry_from_fact(fact, **extra) -> TimelineEntry:
    return TimelineEntry(
        text=fact.text,
        date_label=fact.date_label,
        start=fact.date_start,
        end=fact.date_end,
        quote=fact.quote,
        fact_id=fact.pk,
        **extra,
    )
