"""What is mastered, from the students' memory cards: per source and per period for a student
(with the source's timeline coloured by mastery), per fact for a teacher's class, and the
class's weakest facts turned into a review set.

Three levels (the rule's one home is quizzes.review.scheduling.mastered_until, stored on the
card): mastered (FSRS predicts at least a 90 % chance of recall now, the last answer was not
wrong and the memory holds at least a day), fragile (seen, not mastered), not yet seen (no
card)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from quizzes.models import Fact, Rating, ReviewCard, Source
from quizzes.review.scheduling import retrievability
from quizzes.timeline import by_year, entry_from_fact

MASTERED = "mastered"
FRAGILE = "fragile"
NOT_SEEN = "not_seen"
LEVELS = (MASTERED, FRAGILE, NOT_SEEN)
LEVEL_LABELS = {MASTERED: _("maîtrisé"), FRAGILE: _("fragile"), NOT_SEEN: _("pas encore vu")}


def level_of(card: ReviewCard | None, now: datetime) -> str:
    if card is None:
        return NOT_SEEN
    return MASTERED if card.mastered_until and card.mastered_until > now else FRAGILE


@dataclass
class Tally:
    """How many facts of a group are at each level."""

    label: str
    counts: Counter = field(default_factory=Counter)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def rows(self) -> list[tuple[str, str, int]]:
        return [(level, LEVEL_LABELS[level], self.counts[level]) for level in LEVELS]

    def percent(self, level: str) -> int:
        return round(100 * self.counts[level] / self.total) if self.total else 0

    @property
    def mastered_percent(self) -> int:
        return self.percent(MASTERED)

    @property
    def segments(self) -> list[dict]:
        """Each level's share as a stretch of a 100-wide bar."""
        segments, x = [], 0.0
        for level in LEVELS:
            width = 100 * self.counts[level] / self.total if self.total else 0
            if width:
                segments.append({"level": level, "x": round(x, 2), "width": round(width, 2)})
            x += width
        return segments


@dataclass
class SourceMastery:
    source: Source
    overall: Tally
    periods: list[Tally]
    timeline: list  # TimelineYear, entries carrying their level


def student_mastery(user, now: datetime | None = None) -> list[SourceMastery]:
    """Per source the student has met (one with at least one card): levels overall, per year
    (undated facts apart) and the timeline of its events. Three queries whatever the history."""
    now = now or timezone.now()
    cards = {
        card.fact_id: card
        for card in ReviewCard.objects.of_user(user).only(
            "fact_id",
            "stability",
            "last_review",
            "mastered_until",
            "state",
            "difficulty",
            "step",
            "due",
            "last_rating",
        )
    }
    facts = list(
        Fact.objects.filter(source__in=Fact.objects.filter(pk__in=cards).values("source"))
        .only("source_id", "kind", "text", "quote", "date_label", "date_start", "date_end")
        .chronological()
    )
    sources = Source.objects.only("title").in_bulk({fact.source_id for fact in facts})
    result = []
    for source_id, source in sorted(sources.items(), key=lambda item: item[1].title):
        own = [fact for fact in facts if fact.source_id == source_id]
        overall = Tally(str(source.title))
        periods: dict[object, Tally] = {}
        entries = []
        for fact in own:
            level = level_of(cards.get(fact.pk), now)
            overall.counts[level] += 1
            year = fact.date_start.year if fact.date_start else None
            label = str(year) if year else str(_("sans date"))
            periods.setdefault(year or 0, Tally(label)).counts[level] += 1
            if fact.kind == Fact.Kind.EVENT and fact.date_start:
                entries.append(_timeline_entry(fact, cards.get(fact.pk), level, now))
        ordered = [periods[key] for key in sorted(periods, key=lambda key: (key == 0, key))]
        result.append(SourceMastery(source, overall, ordered, by_year(entries)))
    return result


def _timeline_entry(fact: Fact, card: ReviewCard | None, level: str, now: datetime):
    """The event with its level and FSRS's chance of recall; none after a wrong answer (FSRS
    counts whole days: the day of a miss it would still say 100 %)."""
    if card is not None and card.last_rating == Rating.AGAIN:
        return entry_from_fact(fact, mastery=level, note=gettext("dernière réponse fausse"))
    chance = round(100 * retrievability(card, now)) if card else None
    return entry_from_fact(fact, mastery=level, recall=chance)


# --- A teacher's class -------------------------------------------------------------------

SORTS = {
    "maitrise": lambda row: (row.mastered_share, -row.misses, row.fact.pk),
    "oublis": lambda row: (-row.misses, row.mastered_share, row.fact.pk),
    "fait": lambda row: (row.fact.date_start is None, row.fact.date_start, row.fact.pk),
}
SORT_LABELS = {
    "maitrise": _("les moins maîtrisés d’abord"),
    "oublis": _("les plus manqués d’abord"),
    "fait": _("ordre chronologique"),
}
DEFAULT_SORT = "maitrise"
MOST_MISSED = 5
WEAKEST_FOR_A_SET = 10


@dataclass(frozen=True)
class FactMastery:
    fact: Fact
    seen: int  # students with a card on it
    mastered: int
    misses: int  # wrong answers on it, all students
    class_size: int

    @property
    def mastered_share(self) -> float:
        return self.mastered / self.class_size if self.class_size else 0.0

    @property
    def mastered_percent(self) -> int:
        return round(100 * self.mastered_share)


def class_mastery(classroom, now: datetime | None = None, sort: str = DEFAULT_SORT, teacher=None):
    """Per fact any student of the class has met (and the teacher may use): how many master it,
    how often it was missed. Three queries whatever the class or its history (`teacher`: the
    class's teacher when the caller holds it already)."""
    now = now or timezone.now()
    teacher = teacher or classroom.teacher
    class_size = classroom.enrollments.count()
    rows = list(
        ReviewCard.objects.filter(
            user__enrollments__classroom=classroom,
            fact__in=Fact.objects.usable_by(teacher),
        )
        .values("fact")
        .annotate(
            seen=Count("pk"),
            mastered=Count("pk", filter=Q(mastered_until__gt=now)),
            misses=Sum("lapses"),
        )
    )
    facts = Fact.objects.only(
        "text", "quote", "date_label", "date_start", "date_end", "kind", "source_id"
    ).in_bulk([row["fact"] for row in rows])
    mastery = [
        FactMastery(facts[row["fact"]], row["seen"], row["mastered"], row["misses"], class_size)
        for row in rows
    ]
    return sorted(mastery, key=SORTS[sort]), class_size


def most_missed(mastery: list[FactMastery], count: int = MOST_MISSED) -> list[FactMastery]:
    missed = [row for row in mastery if row.misses]
    return sorted(missed, key=SORTS["oublis"])[:count]


def weakest(mastery: list[FactMastery], count: int = WEAKEST_FOR_A_SET) -> list[Fact]:
    """The facts the fewest students master, the most missed first among equals."""
    return [row.fact for row in sorted(mastery, key=SORTS["maitrise"])[:count]]
