"""Generated questions as plain records, and what every generator shares (seeded randomness,
the error raised when the facts cannot support a question)."""

from __future__ import annotations

import random
from dataclasses import dataclass, field, replace
from typing import Any

from quizzes.engine.facts import EventFact

CHRONOLOGY = "chronology"
MATCHING = "matching"

# The limits of every question, in one home: the engine enforces them, and the models'
# constraints, the set builder's form, pinned questions and generate_questions import them.
MIN_CHRONOLOGY_ITEMS = 3
MAX_CHRONOLOGY_ITEMS = 8
MIN_PAIRS = 2
MAX_PAIRS = 8
MAX_DISTRACTORS = 8
# How many questions of one kind a set may draw per attempt.
MAX_QUESTIONS_PER_KIND = 30


def gettext_noop(message: str) -> str:
    """Mark a user-facing string for translation without translating it, like Django's
    function of the same name (whose name `makemessages` looks for): the engine has no Django,
    so the French string is what questions store, and templates translate it when shown."""
    return message


class NotEnoughFacts(ValueError):
    """The facts do not allow the asked question without ambiguity (message for a teacher).

    Built from a French template marked with gettext_noop and its values, so that the Django
    layer can show it in the reader's language: it sets `translate` (to Django's gettext) at
    start-up, and str() then translates the template before filling it in."""

    translate = staticmethod(lambda template: template)

    def __init__(self, template: str, **params: object):
        super().__init__(template)
        self.template = template
        self.params = params

    def __str__(self) -> str:
        message = self.translate(self.template)
        return message % self.params if self.params else message


def rng_for(seed: object) -> random.Random:
    """A generator that gives the same draws for the same seed on every run and machine
    (string seeds are hashed with SHA-512, independent of PYTHONHASHSEED)."""
    return random.Random(str(seed))


@dataclass(frozen=True, slots=True)
class Item:
    """One thing shown to the student: an event to place, a prompt or an answer to pair."""

    id: str
    label: str
    fact_id: str = ""
    quote: str = ""
    # Event items only: the date as the source writes it and the range of days it allows.
    date_label: str = ""
    start: str = ""
    end: str = ""

    @classmethod
    def from_event(cls, event: EventFact, item_id: str = "") -> Item:
        """An event as an item: what happened, with its date kept for the answer."""
        return cls(
            id=item_id,
            label=event.text,
            fact_id=event.id,
            quote=event.quote,
            date_label=event.date_label,
            start=event.start.isoformat(),
            end=event.end.isoformat(),
        )

    def with_id(self, item_id: str) -> Item:
        return replace(self, id=item_id)

    def to_dict(self) -> dict[str, Any]:
        data = {"id": self.id, "label": self.label, "fact_id": self.fact_id, "quote": self.quote}
        if self.start:
            data.update(date_label=self.date_label, start=self.start, end=self.end)
        return data


@dataclass(frozen=True, slots=True)
class SettledPair:
    """Two items of a question whose dates overlap, and the words of the source that put
    `earlier` first (one quote per stated order of the chain that settles it)."""

    earlier: str
    later: str
    quotes: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"earlier": self.earlier, "later": self.later, "quotes": list(self.quotes)}


@dataclass(frozen=True, slots=True)
class ChronologyQuestion:
    """Put these events in order, oldest first. `items` are in the order shown;
    `answer` is the item ids in the right order; `settled`, the pairs whose order the source
    states although their dates overlap."""

    prompt: str
    items: tuple[Item, ...]
    answer: tuple[str, ...]
    settled: tuple[SettledPair, ...] = ()
    kind: str = field(default=CHRONOLOGY, init=False)

    def to_dict(self) -> dict[str, Any]:
        data = {
            "kind": self.kind,
            "prompt": self.prompt,
            "items": [item.to_dict() for item in self.items],
            "answer": list(self.answer),
        }
        if self.settled:
            data["settled"] = [pair.to_dict() for pair in self.settled]
        return data

    def to_text(self) -> str:
        labels = {item.id: item for item in self.items}
        lines = [self.prompt]
        lines += [f"  {item.id}. {item.label}" for item in self.items]
        lines.append("Réponse :")
        for rank, item_id in enumerate(self.answer, 1):
            item = labels[item_id]
            lines.append(f"  {rank}. [{item.date_label}] {item.label}")
            lines.append(f"     « {item.quote} »")
        for pair in self.settled:
            said = " … ".join(f"« {quote} »" for quote in pair.quotes)
            lines.append(f"  {pair.earlier} avant {pair.later} : {said}")
        return "\n".join(lines)


@dataclass(frozen=True, slots=True)
class MatchingQuestion:
    """Pair each prompt with one answer. `answers` may hold distractors that match nothing;
    `answer` maps each prompt id to its answer id."""

    prompt: str
    relation: str
    prompts: tuple[Item, ...]
    answers: tuple[Item, ...]
    answer: dict[str, str]
    kind: str = field(default=MATCHING, init=False)

    def to_dict(self) -> dict[str, Any]:
        prompts = [item.to_dict() for item in self.prompts]
        return {
            "kind": self.kind,
            "relation": self.relation,
            "prompt": self.prompt,
            # "items" is the common name across kinds: for matching, the prompts.
            "items": prompts,
            "prompts": prompts,
            "answers": [{"id": item.id, "label": item.label} for item in self.answers],
            "answer": dict(self.answer),
        }

    def to_text(self) -> str:
        answers = {item.id: item for item in self.answers}
        lines = [self.prompt]
        lines += [f"  {item.id}. {item.label}" for item in self.prompts]
        lines += [f"  {item.id}) {item.label}" for item in self.answers]
        lines.append("Réponse :")
        for item in self.prompts:
            lines.append(f"  {item.label} → {answers[self.answer[item.id]].label}")
            lines.append(f"     « {item.quote} »")
        return "\n".join(lines)


def shuffled_not_identity(rng: random.Random, values: list) -> list:
    """A shuffled copy that is never in the given order (for two items or more)."""
    shown = list(values)
    if len(shown) < 2:
        return shown
    rng.shuffle(shown)
    if shown == list(values):
        # One rotation breaks it without bias toward any particular wrong order.
        shown = shown[1:] + shown[:1]
    return shown
