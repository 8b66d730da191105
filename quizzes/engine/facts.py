"""The engine's view of the fact base: plain, immutable records built from model objects.

Views, commands and benchmarks adapt Django models to these; the engine never imports Django.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
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
    # The sort of entity the subject is (« person », « army », « place »…), "" when unknown:
    # a subject is only ever swapped for one of the same sort (engine.true_false).
    subject_kind: str = ""


@dataclass(frozen=True, slots=True)
class StatedOrder:
    """The source says event `earlier` came before event `later` although their date ranges
    coincide or overlap (« Tôt dans la matinée… plus tard dans la journée »); `quote` holds the
    words that settle it. Event ids as in EventFact."""

    earlier: str
    later: str
    quote: str = ""


def acting_together(acts_for: Iterable[tuple[str, str]]) -> dict[str, frozenset[str]]:
    """For each entity named in (agent, principal) pairs, the entities it acts for and those
    that act for it, directly or through others: a general, his army and the side the army
    fights for may each be said to do what the others do. Not siblings: two armies of one side
    each have deeds of their own."""
    principals: dict[str, set[str]] = defaultdict(set)
    agents: dict[str, set[str]] = defaultdict(set)
    for agent, principal in acts_for:
        if agent != principal:
            principals[agent].add(principal)
            agents[principal].add(agent)

    return {
        name: frozenset((reached(name, principals) | reached(name, agents)) - {name})
        for name in principals.keys() | agents.keys()
    }


def reached(start: str, links: dict[str, set[str]]) -> set[str]:
    """Every entity reached from `start` by following links, any number of times (not
    `start` itself unless a cycle leads back to it)."""
    seen, todo = set(), [start]
    while todo:
        for other in links.get(todo.pop(), ()):
            if other not in seen:
                seen.add(other)
                todo.append(other)
    return seen
