"""L’intrus (odd one out): four options, three sharing a property the facts make certain and one
that certainly lacks it; the student picks the intruder, graded all or nothing (one right
option, so there is no half-right).

Criteria, each settled by the facts alone:
- by year: three events whose date ranges lie entirely within the year, one whose range lies
  entirely outside it. Never an event dated relatively (« plus tard dans le mois ») or as a
  state (« depuis 1860 »), nor one whose own words hold a year.
- by side: three entities that act for the side (directly or through others, acts-for links)
  and one that acts for a side the facts say opposes it. A side is an entity others act for
  that acts for no one; an entity reaching two sides, or none, has an unknown side and is
  never shown. Which sides oppose is a fact of its own (`opposed`): two sides are never
  assumed enemies because they differ (Badoglio's government is neither Allied nor Axis).

No give-away: the four options have one shape (all clauses or all noun phrases, all with a
number or none), the three sharing the property have no word in common that the intruder
lacks, and no option repeats a word of a side named in the prompt. Options are shuffled by the
seed, with ids that follow the order shown.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from quizzes.engine.facts import EventFact, RelationFact, reached
from quizzes.engine.grading import MalformedResponse
from quizzes.engine.questions import Item, NotEnoughFacts, gettext_noop, rng_for
from quizzes.engine.wording import (
    content_words,
    has_number,
    has_year,
    is_background_date,
    is_clause,
    shared_words,
)

ODD_ONE_OUT = "odd_one_out"
BY_YEAR = "year"
BY_SIDE = "side"
CRITERIA = (BY_YEAR, BY_SIDE)
SHARING = 3  # options that share the property; the fourth is the intruder
PROMPTS = {
    BY_YEAR: gettext_noop("Lequel de ces événements n’a pas eu lieu en %(year)s ?"),
    BY_SIDE: gettext_noop("Lequel de ces acteurs n’était pas dans le camp « %(side)s » ?"),
}
# Random picks of three options and an intruder tried per draw before another property is
# tried: give-aways rule out few picks, so the first few almost always do.
TRIES_PER_DRAW = 60


@dataclass(frozen=True, slots=True)
class Option:
    """A candidate option: its item (fact_id, quote) and what it holds for the feedback (the
    side it acts for; events carry their dates in the item)."""

    item: Item
    side: str = ""


@dataclass(frozen=True, slots=True)
class Property:
    """One property the facts settle: options certainly having it and certainly lacking it."""

    criterion: str
    target: str  # the year ("1943") or the side's name
    having: tuple[Option, ...]
    lacking: tuple[Option, ...]

    @property
    def params(self) -> dict[str, Any]:
        return {"year": int(self.target)} if self.criterion == BY_YEAR else {"side": self.target}


@dataclass(frozen=True, slots=True)
class OddOneOutQuestion:
    """Four options in the order shown; `answer` is the intruder's id."""

    prompt: str
    params: dict[str, Any]
    criterion: str
    target: str
    items: tuple[Item, ...]
    sides: tuple[str, ...]  # by side: the side each item acts for, in the order of items
    answer: str
    kind: str = field(default=ODD_ONE_OUT, init=False)

    def to_dict(self) -> dict[str, Any]:
        items = [item.to_dict() for item in self.items]
        for data, side in zip(items, self.sides, strict=False):
            data["side"] = side
        return {
            "kind": self.kind,
            "prompt": self.prompt,
            "prompt_params": dict(self.params),
            "criterion": self.criterion,
            "target": self.target,
            "items": items,
            "answer": self.answer,
        }

    def to_text(self) -> str:
        """For `manage.py generate_questions --format text`: the options, then the intruder."""
        lines = [self.prompt % self.params if self.params else self.prompt]
        lines += [f"  {item.id}. {item.label}" for item in self.items]
        lines.append(f"Réponse : {self.answer}")
        for item, side in zip(self.items, self.sides or ("",) * len(self.items), strict=False):
            mark = "→ " if item.id == self.answer else "  "
            said = side or item.date_label
            lines.append(f"  {mark}[{said}] {item.label}")
            lines.append(f"     « {item.quote} »")
        return "\n".join(lines)


def year_properties(events: Sequence[EventFact]) -> list[Property]:
    """For each year, the events certainly of that year and those certainly not."""
    dated = [
        event
        for event in events
        if not event.label_is_relative
        and not is_background_date(event.date_label)
        and not has_year(event.text)
    ]
    properties = []
    for year in sorted({event.start.year for event in dated if event.start.year == event.end.year}):
        having = [e for e in dated if e.start.year == e.end.year == year]
        lacking = [e for e in dated if e.end.year < year or e.start.year > year]
        properties.append(
            Property(
                BY_YEAR,
                str(year),
                tuple(Option(Item.from_event(e)) for e in having),
                tuple(Option(Item.from_event(e)) for e in lacking),
            )
        )
    return properties


def sides_of(acts_for: Iterable[tuple[str, str]]) -> dict[str, frozenset[str]]:
    """Each entity that acts for someone → the sides it reaches (entities others act for and
    that act for no one), through any chain of acts-for links."""
    principals: dict[str, set[str]] = defaultdict(set)
    for agent, principal in acts_for:
        if agent != principal:
            principals[agent].add(principal)
    return {
        start: frozenset(name for name in reached(start, principals) if name not in principals)
        for start in principals
    }


def side_properties(
    relations: Sequence[RelationFact],
    acts_for: Iterable[tuple[str, str]],
    opposed: Iterable[tuple[str, str]],
) -> list[Property]:
    """For each side, the entities acting for it alone, and those acting for alone a side it
    opposes. Each entity is shown with the first fact that has it as subject (its quote)."""
    enemies: dict[str, set[str]] = defaultdict(set)
    for first, second in opposed:
        if first != second:
            enemies[first].add(second)
            enemies[second].add(first)
    sides_by_entity = sides_of(acts_for)
    about: dict[str, RelationFact] = {}
    for fact in sorted(relations, key=lambda fact: (len(fact.id), fact.id)):
        about.setdefault(fact.subject, fact)
    members: dict[str, list[Option]] = defaultdict(list)
    for name, sides in sorted(sides_by_entity.items()):
        if len(sides) == 1 and name in about:
            (side,) = sides
            fact = about[name]
            item = Item(id="", label=name, fact_id=fact.id, quote=fact.quote)
            members[side].append(Option(item, side))
    return [
        Property(
            BY_SIDE,
            side,
            tuple(members[side]),
            tuple(option for enemy in sorted(enemies[side]) for option in members[enemy]),
        )
        for side in sorted(members)
        if enemies[side]
    ]


def gives_away(having: Sequence[Item], intruder: Item, target: str = "") -> bool:
    """Whether the words alone point at the intruder: options of different shapes, a word the
    three others share and it lacks, or an option repeating the words of the side asked."""
    labels = [item.label for item in (*having, intruder)]
    if len({(is_clause(label), has_number(label)) for label in labels}) > 1:
        return True
    if target and not target.isdigit() and any(shared_words(label, target) for label in labels):
        return True
    first, *others = (item.label for item in having)
    common = {w for w in content_words(first) if all(shared_words(w, o) for o in others)}
    return any(not shared_words(word, intruder.label) for word in common)


class OddOneOutBank:
    """The properties the facts settle with enough options; a question draws one property,
    then three options having it and one lacking it, until no word gives the intruder away."""

    def __init__(
        self,
        events: Sequence[EventFact] = (),
        relations: Sequence[RelationFact] = (),
        acts_for: Iterable[tuple[str, str]] = (),
        opposed: Iterable[tuple[str, str]] = (),
    ):
        properties = year_properties(events) + side_properties(relations, acts_for, opposed)
        self.properties = [p for p in properties if len(p.having) >= SHARING and p.lacking]
        self._fair: dict[int, list[tuple[tuple[Option, ...], Option]]] = {}

    def _fair_picks(self, prop: Property) -> list[tuple[tuple[Option, ...], Option]]:
        index = self.properties.index(prop)
        if index not in self._fair:
            self._fair[index] = [
                (having, intruder)
                for having in combinations(prop.having, SHARING)
                for intruder in prop.lacking
                if not gives_away([o.item for o in having], intruder.item, prop.target)
            ]
        return self._fair[index]

    def question(self, seed: object) -> OddOneOutQuestion:
        rng = rng_for(seed)
        candidates = list(self.properties)
        rng.shuffle(candidates)
        for prop in candidates:
            for _ in range(TRIES_PER_DRAW):
                having = rng.sample(prop.having, SHARING)
                intruder = rng.choice(prop.lacking)
                if not gives_away([o.item for o in having], intruder.item, prop.target):
                    return _shown(prop, list(having), intruder, rng)
            # Fair picks are rare here: list them all once, so that "none" is never a guess.
            if fair := self._fair_picks(prop):
                having, intruder = rng.choice(fair)
                return _shown(prop, list(having), intruder, rng)
        raise NotEnoughFacts(
            gettext_noop(
                "Impossible de trouver l’intrus : aucune année ne réunit trois événements "
                "datés avec certitude et un quatrième certainement d’une autre année, et aucun "
                "camp ne réunit trois acteurs sûrs face à un acteur d’un camp adverse, sans "
                "que les mots des options ne trahissent l’intrus."
            )
        )


def _shown(prop: Property, having: list[Option], intruder: Option, rng) -> OddOneOutQuestion:
    shown = [*having, intruder]
    rng.shuffle(shown)
    items = tuple(option.item.with_id(f"o{rank}") for rank, option in enumerate(shown, 1))
    return OddOneOutQuestion(
        prompt=PROMPTS[prop.criterion],
        params=prop.params,
        criterion=prop.criterion,
        target=prop.target,
        items=items,
        sides=tuple(option.side for option in shown) if prop.criterion == BY_SIDE else (),
        answer=items[shown.index(intruder)].id,
    )


def generate_odd_one_out(
    events: Sequence[EventFact] = (),
    relations: Sequence[RelationFact] = (),
    *,
    acts_for: Iterable[tuple[str, str]] = (),
    opposed: Iterable[tuple[str, str]] = (),
    seed: object = 0,
) -> OddOneOutQuestion:
    return OddOneOutBank(events, relations, acts_for, opposed).question(seed)


def grade_odd_one_out(answer: str, chosen: str, item_ids: Sequence[str]) -> float:
    """1 when the intruder is chosen, else 0. MalformedResponse for an id not shown."""
    if chosen not in item_ids:
        raise MalformedResponse(f"unknown item {chosen!r}")
    return 1.0 if chosen == answer else 0.0
