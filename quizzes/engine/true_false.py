"""True or false, with the correction: one statement made from a fact, either as the source
says it or falsified so that the source makes it certainly false; the feedback gives the true
statement and its quote. Graded all or nothing (a two-way choice has no half-right).

Falsified two ways, each read exactly like a true statement of the same kind:
- an event given the date of other events whose ranges do not overlap its own (every event the
  source dates that way), the date written as the source writes it, with its year;
- a relation fact given the subject of another fact of that relation, never making a pair some
  fact states, nor one true through who acts for whom (a general and his army), nor one a
  student could defend (RelationBank.known); the swapped subject is of the same sort as the
  true one (a person for a person, an army for an army), of the same grammatical number, of the
  same unit for figures (a number of days for a number of days), and shares no word with the
  rest of the statement (wording.shared_words); a fact whose words say what sort of place its
  subject is, or stand for it with a gendered pronoun (« la ville tombe », « … le traverse »),
  is never asked (wording.names_its_subject).

Only facts that can be falsified are asked, true or false, so that no fact is known to be
always true, and a false statement borrows only a date or a subject that true statements show
too (`both_ways`); events whose words hold a year or a month, relative dates (« plus tard dans la
journée ») and dates of a state (« depuis 1860 ») are never asked. True and false are drawn
half and half.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from quizzes.engine.date_entry import MONTH_WORDS
from quizzes.engine.facts import EventFact, RelationFact
from quizzes.engine.grading import MalformedResponse
from quizzes.engine.matching import RelationBank, date_answer
from quizzes.engine.questions import Item, NotEnoughFacts, gettext_noop, rng_for
from quizzes.engine.wording import (
    NUMBER_WORDS,
    has_year,
    is_background_date,
    names_its_subject,
    normalized,
    shared_words,
    spelled_words,
    words,
)

TRUE_FALSE = "true_false"
PROMPT = gettext_noop("Vrai ou faux ?")
DATE = "date"
SUBJECT = "subject"
# How each kind of fact is stated: the same words whether the statement is true or false.
EVENT_WORDING = gettext_noop("%(date)s : %(text)s.")
RELATION_WORDINGS = {
    "role": gettext_noop("%(subject)s — rôle : %(object)s."),
    "commands": gettext_noop("%(subject)s — dirige : %(object)s."),
    "happened_at": gettext_noop("%(subject)s — ce qui s’y est passé : %(object)s."),
    "landed_at": gettext_noop("%(subject)s — lieu de débarquement : %(object)s."),
    "figure": gettext_noop("%(subject)s — ce que ce chiffre mesure : %(object)s."),
    "causes": gettext_noop("%(subject)s — conséquence : %(object)s."),
}
_YEAR_ONLY = re.compile(r"\s*(1\d{3}|20\d{2})\s*")


def statement(wording: str, parts: dict[str, str]) -> str:
    """The statement a wording and its parts make (`wording` translated or not)."""
    return wording % parts


@dataclass(frozen=True, slots=True)
class Claim:
    """What a statement says: its wording (one per kind of fact) and the parts that fill it,
    and what was changed to make it false (nothing for a true claim)."""

    wording: str
    parts: dict[str, str]
    falsified: str = ""  # "" for a true claim, else what was changed (DATE or SUBJECT)

    @property
    def text(self) -> str:
        return statement(self.wording, self.parts)


@dataclass(frozen=True, slots=True)
class TrueFalseQuestion:
    """One statement; `answer` says whether it is true. `item` is the fact behind it, its
    label the true statement, shown only in the feedback."""

    prompt: str
    shown: Claim
    truth: Claim
    item: Item
    kind: str = field(default=TRUE_FALSE, init=False)

    @property
    def answer(self) -> bool:
        return not self.shown.falsified

    @property
    def statement(self) -> str:
        return self.shown.text

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "prompt": self.prompt,
            "wording": self.shown.wording,
            "parts": dict(self.shown.parts),
            "true_parts": dict(self.truth.parts),
            "falsified": self.shown.falsified,
            "items": [self.item.to_dict()],
            "answer": self.answer,
        }

    def to_text(self) -> str:
        """For `manage.py generate_questions --format text`: the verdict, the true statement
        and its quote."""
        return "\n".join(
            [
                self.prompt,
                f"  {self.statement}",
                f"Réponse : {'vrai' if self.answer else 'faux'}",
                f"  {self.truth.text}",
                f"     « {self.item.quote} »",
            ]
        )


@dataclass(frozen=True, slots=True)
class Askable:
    """A fact that can be stated both ways: its true claim, its item, every false claim."""

    truth: Claim
    item: Item
    falsehoods: tuple[Claim, ...]


def shown_date(event: EventFact) -> str:
    """The event's date as the source writes it, with its year (« Le 17 août (1943) »)."""
    label = date_answer(event, spans_years=True).strip()
    return label[:1].upper() + label[1:]


def has_stated_date(event: EventFact) -> bool:
    """Whether the source writes the event's date so that it means a date on its own."""
    if event.label_is_relative or is_background_date(event.date_label):
        return False
    return bool(event.date_label.strip())


def event_is_askable(event: EventFact) -> bool:
    """Whether the event's date can be stated, and its words do not state it already."""
    if not has_stated_date(event):
        return False
    return not has_year(event.text) and not MONTH_WORDS & set(words(event.text))


def event_askables(events: Sequence[EventFact]) -> list[Askable]:
    """Events with their true date and every date of the source that is certainly not theirs:
    every event the source dates that way lies outside the event's range."""
    by_date: dict[str, list[EventFact]] = {}
    for event in filter(has_stated_date, events):
        by_date.setdefault(normalized(shown_date(event)), []).append(event)
    askables = []
    for event in filter(event_is_askable, events):
        text = event.text.strip().rstrip(".")
        false_dates = sorted(
            {
                shown_date(others[0])
                for others in by_date.values()
                if not any(other.overlaps(event) for other in others)
            }
        )
        truth = Claim(EVENT_WORDING, {"date": shown_date(event), "text": text})
        falsehoods = tuple(
            Claim(EVENT_WORDING, {"date": date, "text": text}, DATE) for date in false_dates
        )
        item = Item.from_event(event, "s1")
        askables.append(Askable(truth, replace(item, label=truth.text), falsehoods))
    return askables


def is_plural(name: str) -> bool:
    """Roughly, whether a name is plural (« Commandos allemands », « Trois jours »): the
    statement's words agree with it, so a swapped subject keeps the same number."""
    spelled = spelled_words(name)
    return bool(spelled) and len(spelled[0]) > 2 and spelled[0][-1] in "sx"


def figure_unit(name: str) -> object:
    """What a figure counts: a year, or the words besides its number (« jours »)."""
    if _YEAR_ONLY.fullmatch(name):
        return "year"
    return frozenset(w for w in words(name) if not w.isdigit() and w not in NUMBER_WORDS)


def _same_sort(first: RelationFact, second: RelationFact) -> bool:
    if first.subject_kind != second.subject_kind or is_plural(first.subject) != is_plural(
        second.subject
    ):
        return False
    return first.relation != "figure" or figure_unit(first.subject) == figure_unit(second.subject)


def relation_askables(
    facts: Sequence[RelationFact], acts_for: Iterable[tuple[str, str]] = ()
) -> list[Askable]:
    """Relation facts with every subject that makes them certainly false (module docstring)."""
    acts_for = list(acts_for)
    askables = []
    for relation, wording in RELATION_WORDINGS.items():
        bank = RelationBank(facts, relation, acts_for)
        for fact in bank.facts:
            if names_its_subject(fact.object):
                continue
            obj = normalized(fact.object)
            subjects = sorted(
                {
                    other.subject
                    for other in bank.facts
                    if normalized(other.subject) != normalized(fact.subject)
                    and _same_sort(fact, other)
                    and (normalized(other.subject), obj) not in bank.known
                    and not shared_words(other.subject, fact.object)
                    and not shared_words(fact.object, other.subject)
                }
            )
            truth = Claim(wording, {"subject": fact.subject, "object": fact.object})
            item = Item(id="s1", label=truth.text, fact_id=fact.id, quote=fact.quote)
            falsehoods = tuple(
                Claim(wording, {"subject": subject, "object": fact.object}, SUBJECT)
                for subject in subjects
            )
            askables.append(Askable(truth, item, falsehoods))
    return askables


def borrowed(claim: Claim) -> tuple[str, str]:
    """The part a falsified claim takes from another fact (a date, a subject), with its
    wording: what a student could learn to spot if only false statements showed it."""
    return claim.wording, claim.parts.get("date") or claim.parts["subject"]


def both_ways(askables: Sequence[Askable]) -> list[Askable]:
    """The facts that can be stated true and false, each false statement borrowing only what
    some true statement shows: a date or a subject seen only in false statements (that of a
    fact never asked) would mark them. Repeated until nothing changes, since dropping a fact
    may leave another without a false statement."""
    kept = list(askables)
    while True:
        shown_true = {borrowed(askable.truth) for askable in kept}
        trimmed = []
        for askable in kept:
            falsehoods = tuple(f for f in askable.falsehoods if borrowed(f) in shown_true)
            if falsehoods:
                trimmed.append(Askable(askable.truth, askable.item, falsehoods))
        if len(trimmed) == len(kept) and all(
            len(a.falsehoods) == len(b.falsehoods) for a, b in zip(trimmed, kept, strict=True)
        ):
            return trimmed
        kept = trimmed


class TrueFalseBank:
    """Every fact that can be stated true or false; a question draws true or false (half and
    half), then a fact, then one of its false statements, each uniformly."""

    def __init__(
        self,
        events: Sequence[EventFact],
        relations: Sequence[RelationFact] = (),
        acts_for: Iterable[tuple[str, str]] = (),
    ):
        self.askables = both_ways(event_askables(events) + relation_askables(relations, acts_for))
        self.count = len(self.askables)

    def question(self, seed: object) -> TrueFalseQuestion:
        if not self.askables:
            raise NotEnoughFacts(
                gettext_noop(
                    "Impossible de faire une affirmation vraie ou fausse : aucun fait ne peut "
                    "être rendu certainement faux (une date qui ne chevauche pas la sienne, un "
                    "sujet de même sorte dont aucun fait ne dit la même chose)."
                )
            )
        rng = rng_for(seed)
        is_true = rng.random() < 0.5
        askable = self.askables[rng.randrange(self.count)]
        shown = askable.truth if is_true else rng.choice(askable.falsehoods)
        return TrueFalseQuestion(prompt=PROMPT, shown=shown, truth=askable.truth, item=askable.item)


def generate_true_false(
    events: Sequence[EventFact],
    relations: Sequence[RelationFact] = (),
    *,
    acts_for: Iterable[tuple[str, str]] = (),
    seed: object = 0,
) -> TrueFalseQuestion:
    return TrueFalseBank(events, relations, acts_for).question(seed)


def grade_true_false(answer: bool, said: bool) -> float:
    """1 when the student says what the source makes the statement, else 0."""
    if not isinstance(said, bool):
        raise MalformedResponse(f"not true or false: {said!r}")
    return 1.0 if said == answer else 0.0
