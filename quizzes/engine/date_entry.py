"""Date entry: the student types the year of an event, or its month and year, graded against
the event's date range.

Asked only as precisely as the source dates the event: the month and year when its range lies
within one month (« Le 10 juillet 1943 », « En octobre »), the year alone when it lies within
one year (« Au printemps 1943 »), never for ranges spanning years, labels that only make sense
in context (« plus tard dans la journée ») or dates of a state (« depuis 1860 »). No give-away:
the event's own words never hold a year, nor a month name when the month is asked.

Grading (one home for the rule, `grade_date_entry`): a typed year is right when it lies within
the range; a typed month and year when that month overlaps the range. Asked for the month and
year, the right year with a wrong month earns YEAR_ONLY_CREDIT (50 %): the student placed the
event in its year, half of what was asked. A wrong year earns 0 whatever the month.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from quizzes.engine.facts import EventFact
from quizzes.engine.grading import MalformedResponse
from quizzes.engine.questions import Item, NotEnoughFacts, gettext_noop, rng_for
from quizzes.engine.wording import has_year, is_background_date, word_set, words

DATE_ENTRY = "date_entry"
YEAR = "year"
MONTH = "month"
PRECISIONS = (YEAR, MONTH)
YEAR_ONLY_CREDIT = 0.5
PROMPTS = {
    YEAR: gettext_noop("En quelle année cet événement a-t-il eu lieu ?"),
    MONTH: gettext_noop("En quel mois et en quelle année cet événement a-t-il eu lieu ?"),
}
MONTH_WORDS = word_set(
    """
    janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre
    january february march april may june july august september october november december
    """
)


@dataclass(frozen=True, slots=True)
class DateEntryQuestion:
    """One event; `precision` says whether the month is asked with the year."""

    prompt: str
    item: Item
    precision: str
    kind: str = field(default=DATE_ENTRY, init=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "prompt": self.prompt,
            "precision": self.precision,
            "items": [self.item.to_dict()],
            # The range the typed date must fall in (also in the item, kept for the feedback).
            "answer": {"start": self.item.start, "end": self.item.end},
        }

    def to_text(self) -> str:
        """For `manage.py generate_questions --format text`."""
        item = self.item
        return "\n".join(
            [
                self.prompt,
                f"  {item.label}",
                f"Réponse : [{item.date_label}] du {item.start} au {item.end} ({self.precision})",
                f"     « {item.quote} »",
            ]
        )


def precision_of(event: EventFact) -> str | None:
    """The most precise question the event's date allows, or None when it allows none."""
    if event.label_is_relative or is_background_date(event.date_label):
        return None
    if event.start.year != event.end.year or has_year(event.text):
        return None
    if event.start.month == event.end.month and not MONTH_WORDS & set(words(event.text)):
        return MONTH
    return YEAR


class DateEntryBank:
    def __init__(self, events: Sequence[EventFact]):
        self.asked = [(event, p) for event in events if (p := precision_of(event))]
        self.count = len(self.asked)

    def question(self, seed: object) -> DateEntryQuestion:
        if not self.asked:
            raise NotEnoughFacts(
                gettext_noop(
                    "Impossible de faire écrire une date : aucun événement n’est daté par la "
                    "source à l’année ou au mois près sans que son énoncé ne donne la date."
                )
            )
        event, precision = self.asked[rng_for(seed).randrange(self.count)]
        return DateEntryQuestion(
            prompt=PROMPTS[precision], item=Item.from_event(event, "e1"), precision=precision
        )


def generate_date_entry(events: Sequence[EventFact], *, seed: object = 0) -> DateEntryQuestion:
    return DateEntryBank(events).question(seed)


@dataclass(frozen=True, slots=True)
class DateEntryGrade:
    score: float
    year_is_right: bool
    month_is_right: bool | None  # None when the month was not asked


def grade_date_entry(
    start: date, end: date, precision: str, year: int, month: int | None = None
) -> DateEntryGrade:
    """Grade a typed year (and month) against the range [start, end]; see the module docstring."""
    if precision not in PRECISIONS:
        raise MalformedResponse(f"unknown precision {precision!r}")
    if (month is None) != (precision == YEAR) or (month is not None and not 1 <= month <= 12):
        raise MalformedResponse(f"month {month!r} for a {precision} question")
    year_is_right = start.year <= year <= end.year
    if precision == YEAR:
        return DateEntryGrade(1.0 if year_is_right else 0.0, year_is_right, None)
    month_is_right = (start.year, start.month) <= (year, month) <= (end.year, end.month)
    score = 1.0 if month_is_right else YEAR_ONLY_CREDIT if year_is_right else 0.0
    return DateEntryGrade(score, year_is_right, month_is_right)
