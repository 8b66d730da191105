"""The engine's view of the fact base: plain, immutable records built from model objects.

Views, commands and benchmarks adapt Django models to these; the engine never imports Django.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class EventFact:
    """A dated event: what happened and the range of days the source allows."""

    id: str
    text: str
    date_label: str
    start: date
    end: date
    quote: str = ""
    # A relative label ("plus tard dans le mois") cannot serve as an answer to "when?".
    label_is_relative: bool = False

    def overlaps(self, other: EventFact) -> bool:
        return self.start <= other.end and other.start <= self.end


@dataclass(frozen=True, slots=True)
class RelationFact:
    """A subject – relation – object fact (person → role, place → event, army → landing place)."""

    id: str
    relation: str
    subject: str
    object: str
    quote: str = ""
