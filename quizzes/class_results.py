"""The queries behind the teachers' results pages: every figure is aggregated in the database,
one query per table, so a page costs the same number of queries whatever the class size. The
maths on top of the aggregates lives in quizzes.statistics."""

from __future__ import annotations

import csv
import hashlib
import io
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import NamedTuple
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db.models import (
    Count,
    Max,
    OuterRef,
    Q,
    Subquery,
    Sum,
)
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext

from quizzes import class_aggregates, item_analysis, statistics
from quizzes.models import Attempt, AttemptQuestion, Classroom, Fact, FactResult, QuestionSet
from quizzes.models.attempts import score_percent
from quizzes.templatetags.dates import long_date

PARIS = ZoneInfo("Europe/Paris")


# --- Overview: every class of a teacher, every set assigned to it ---------------------------


@dataclass(frozen=True)
class SetSummary:
    question_set: QuestionSet
    class_size: int
    finished_students: int
    average: float | None  # mean of the best scores of the students who finished

    @property
    def completion(self) -> float:
        return 100 * self.finished_students / self.class_size if self.class_size else 0.0


@dataclass(frozen=True)
class ClassSummary:
    classroom: Classroom
    size: int
    sets: list[SetSummary] = field(default_factory=list)


def teacher_overview(teacher) -> list[ClassSummary]:
    """Three queries: the classes with their sizes, the assignments, the students' best scores."""
    classrooms = list(
        Classroom.objects.filter(teacher=teacher)
        .annotate(size=Count("enrollments", distinct=True))
        .order_by("name", "pk")
    )
    assignments = list(
        QuestionSet.classrooms.through.objects.filter(classroom__teacher=teacher)
        .select_related("questionset")
        .order_by("questionset__title", "questionset__pk")
    )
    best_scores: dict[tuple[int, int], list[float]] = {}
    if assignments:
        rows = (
            Attempt.objects.filter(
                finished_at__isnull=False,
                question_set__in={a.questionset_id for a in assignments},
                user__enrollments__classroom__teacher=teacher,
            )
            .values("user__enrollments__classroom", "question_set", "user")
            .annotate(best=Max(score_percent()))
            .order_by()
        )
        for row in rows:
            key = (row["user__enrollments__classroom"], row["question_set"])
            best_scores.setdefault(key, []).append(row["best"])
    summaries = {room.pk: ClassSummary(room, room.size) for room in classrooms}
    for assignment in assignments:
        summary = summaries[assignment.classroom_id]
        best = best_scores.get((assignment.classroom_id, assignment.questionset_id), [])
        summary.sets.append(
            SetSummary(assignment.questionset, summary.size, len(best), statistics.mean(best))
        )
    return list(summaries.values())


# --- Detail: one class, one set --------------------------------------------------------------


@dataclass(frozen=True)
class PositionRate:
    position: int
    kind: str
    answers: int
    rate: float


@dataclass(frozen=True)
class FactRate:
    fact: Fact
    answers: int
    correct: int

    @property
    def rate(self) -> float:
        return 100 * self.correct / self.answers if self.answers else 0.0


@dataclass(frozen=True)
class FactItem:
    """A fact's item statistics with the fact, read when the page is shown."""

    fact: Fact
    item: item_analysis.ItemAnalysis


@dataclass(frozen=True)
class HistogramBar:
    low: int
    high: int
    count: int
    x: float
    y: float
    width: float
    height: float
    label_x: float


@dataclass(frozen=True)
class HistogramChart:
    width: int
    height: int
    bars: list[HistogramBar]
    gridlines: list[tuple[float, int]]  # (y, count)
    baseline: float
    students: int


class StudentRow(NamedTuple):
    """One line of the students' table with its texts ready: the template unpacks 300 of them
    without a filter, a method call or a translation lookup per cell."""

    name: str
    username: str  # shown after the full name; empty when there is no full name
    best: str
    last: str
    attempts: int
    status: str


def _percent_text(value: float | None) -> str:
    """« 73 % », rounded half up like the `floatformat:0` filter did; « — » without a score."""
    if value is None:
        return "—"
    return f"{Decimal(repr(value)).quantize(Decimal(1), rounding=ROUND_HALF_UP)} %"


def student_rows(students) -> list[StudentRow]:
    """The students' table, in the active language and time zone."""
    days: dict[date, str] = {}  # a class finishes on few days: each is written once
    not_started, in_progress = gettext("non commencé"), gettext("en cours")
    finished_on = gettext("oui, le %(day)s")
    rows = []
    for student in students:
        if student.finished_count:
            moment = timezone.localtime(student.last_finished_at)
            day = days.get(moment.date())
            if day is None:
                day = days[moment.date()] = long_date(moment)
            status = finished_on % {"day": day}
        else:
            status = in_progress if student.attempt_count else not_started
        full_name, username = student.get_full_name(), student.get_username()
        rows.append(
            StudentRow(
                name=full_name or username,
                username=username if full_name else "",
                best=_percent_text(student.best_percent),
                last=_percent_text(student.last_percent),
                attempts=student.attempt_count,
                status=status,
            )
        )
    return rows


@dataclass
class ClassSetResults:
    classroom: Classroom
    question_set: QuestionSet
    students: list  # users annotated with attempt_count, best_percent, last_percent, ...
    histogram: HistogramChart
    positions: list[PositionRate]
    facts: list[FactRate]
    report: ItemReport
    fact_items: list[FactItem]
    first_attempts: int
    min_attempts: int = item_analysis.MIN_ANSWERS_FOR_ITEM
    min_attempts_for_reliability: int = item_analysis.MIN_ATTEMPTS_FOR_RELIABILITY

    @property
    def student_rows(self) -> list[StudentRow]:
        return student_rows(self.students)

    @property
    def finished_students(self) -> int:
        return sum(1 for student in self.students if student.finished_count)

    @property
    def average(self) -> float | None:
        return statistics.mean(
            [s.best_percent for s in self.students if s.best_percent is not None]
        )

    @property
    def enough_attempts(self) -> bool:
        return self.first_attempts >= self.min_attempts


def class_students(classroom: Classroom, question_set: QuestionSet):
    """The class's students, each with their attempts at the set aggregated: one query."""
    on_set = Q(attempts__question_set=question_set)
    finished = on_set & Q(attempts__finished_at__isnull=False)
    finished_attempts = Attempt.objects.filter(
        user=OuterRef("pk"), question_set=question_set, finished_at__isnull=False
    )
    return (
        get_user_model()
        .objects.filter(enrollments__classroom=classroom)
        .only("username", "first_name", "last_name")  # what the table and the CSV show
        .annotate(
            attempt_count=Count("attempts", filter=on_set),
            finished_count=Count("attempts", filter=finished),
            best_percent=Max(score_percent("attempts__"), filter=finished),
            last_finished_at=Max("attempts__finished_at", filter=finished),
            last_percent=Subquery(
                finished_attempts.order_by("-finished_at", "-pk").values(p=score_percent())[:1]
            ),
            first_attempt_id=Subquery(
                finished_attempts.order_by("started_at", "pk").values("pk")[:1]
            ),
            # For class_aggregates.share_key: they change with every answer stored on the set.
            answered_total=Sum("attempts__answered_count", filter=on_set),
            score_total=Sum("attempts__score", filter=on_set),
            latest_attempt_id=Max("attempts__pk", filter=on_set),
        )
        .order_by("last_name", "first_name", "username")
    )


def read_facts(fact_ids) -> dict[int, Fact]:
    """The facts the page names, in one query, read now: a fact edited since the figures were
    computed shows its new text, a deleted one is left out."""
    fact_ids = set(fact_ids)
    return Fact.objects.only("text", "quote", "date_label").in_bulk(fact_ids) if fact_ids else {}


def fact_rates(counts: list[tuple[int, int, int]], facts: dict[int, Fact]) -> list[FactRate]:
    return [
        FactRate(facts[fact_id], answers, correct)
        for fact_id, answers, correct in counts
        if fact_id in facts
    ]


@dataclass(frozen=True)
class ItemReport:
    """The item analysis of the students' first finished attempts (quizzes.item_analysis)."""

    kinds: list[item_analysis.ItemAnalysis]
    facts: list[item_analysis.ItemAnalysis]  # keys are fact ids, hardest first
    reliability: item_analysis.Reliability


def scored_attempts(attempt_ids: list[int]) -> list[item_analysis.ScoredAttempt]:
    """The attempts as item analysis reads them: two queries, their questions and their
    per-fact results, whatever the number of attempts."""
    if not attempt_ids:
        return []
    questions: dict[int, dict[int, tuple[str, float]]] = {pk: {} for pk in attempt_ids}
    for attempt_id, position, kind, score in AttemptQuestion.objects.filter(
        attempt_id__in=attempt_ids
    ).values_list("attempt_id", "position", "kind", "score"):
        questions[attempt_id][position] = (kind, score or 0.0)
    results: dict[int, dict[int, list[tuple[int, bool]]]] = {pk: {} for pk in attempt_ids}
    for attempt_id, position, fact_id, correct in FactResult.objects.filter(
        question__attempt_id__in=attempt_ids
    ).values_list("question__attempt_id", "question__position", "fact_id", "correct"):
        results[attempt_id].setdefault(fact_id, []).append((position, correct))
    attempts = []
    for pk in attempt_ids:
        positions = sorted(questions[pk])
        index = {position: i for i, position in enumerate(positions)}
        facts = {
            fact_id: (
                sum(correct for _position, correct in found) / len(found),
                frozenset(index[position] for position, _correct in found),
            )
            for fact_id, found in results[pk].items()
        }
        attempts.append(
            item_analysis.ScoredAttempt(tuple(questions[pk][p] for p in positions), facts)
        )
    return attempts


def first_attempt_report(attempt_ids: list[int]) -> ItemReport:
    """Item statistics per question kind and per fact, and the set's reliability, over the
    given attempts (the students' first finished ones: one attempt per student, as Moodle's
    « first attempt » analysis, before practice on the set changes what it measures). Kept in
    the cache under the attempts' ids: a finished attempt's answers never change."""
    key = "results-report:" + hashlib.sha256(repr(attempt_ids).encode()).hexdigest()
    report = cache.get(key)
    if report is None:
        attempts = scored_attempts(attempt_ids)
        report = ItemReport(
            kinds=item_analysis.kind_items(attempts),
            facts=item_analysis.fact_items(attempts),
            reliability=item_analysis.reliability(attempts),
        )
        cache.set(key, report, class_aggregates.KEPT)
    return report


def histogram_chart(
    percents: list[float], width: int = 640, height: int = 240, pad: int = 40
) -> HistogramChart:
    """Bars of the score distribution, as coordinates of a server-drawn SVG."""
    counts = statistics.histogram(percents)
    tallest = max(counts, default=0) or 1
    inner_w, inner_h = width - 2 * pad, height - 2 * pad
    slot = inner_w / len(counts)
    baseline = pad + inner_h
    bars = []
    for (low, high), count in zip(statistics.bin_labels(), counts, strict=True):
        index = low // statistics.BIN_WIDTH
        bar_height = inner_h * count / tallest
        x = pad + index * slot + 2
        bars.append(
            HistogramBar(
                low=low,
                high=high,
                count=count,
                x=round(x, 1),
                y=round(baseline - bar_height, 1),
                width=round(slot - 4, 1),
                height=round(bar_height, 1),
                label_x=round(pad + index * slot, 1),  # bins are labelled at their lower edge
            )
        )
    step = max(1, -(-tallest // 4))  # about four gridlines, on whole numbers of students
    gridlines = [
        (round(baseline - inner_h * value / tallest, 1), value)
        for value in range(0, tallest + 1, step)
    ]
    return HistogramChart(width, height, bars, gridlines, baseline, len(percents))


def answer_aggregates(classroom: Classroom, question_set: QuestionSet, students) -> tuple:
    """Position rates, fact counts and first attempts' item report, summed from the
    students' shares (quizzes.class_aggregates): a new answer recounts only its student."""
    shares = class_aggregates.class_shares(classroom, question_set, students)
    positions = [
        PositionRate(position, kind, answers, 100 * rate)
        for position, kind, answers, rate in class_aggregates.summed_positions(shares)
    ]
    first_attempt_ids = [s.first_attempt_id for s in students if s.first_attempt_id]
    return positions, class_aggregates.summed_facts(shares), first_attempt_report(first_attempt_ids)


def class_set_results(classroom: Classroom, question_set: QuestionSet) -> ClassSetResults:
    """Everything the detail page shows, in six queries (two when no answer came since the
    page was last shown)."""
    students = list(class_students(classroom, question_set))
    positions, counts, report = answer_aggregates(classroom, question_set, students)
    facts = read_facts([row[0] for row in counts] + [item.key for item in report.facts])
    return ClassSetResults(
        classroom=classroom,
        question_set=question_set,
        students=students,
        histogram=histogram_chart([s.best_percent for s in students if s.best_percent is not None]),
        positions=positions,
        facts=fact_rates(counts, facts),
        report=report,
        fact_items=[FactItem(facts[i.key], i) for i in report.facts if i.key in facts],
        first_attempts=sum(1 for s in students if s.first_attempt_id is not None),
    )


# --- CSV export ------------------------------------------------------------------------------

CSV_HEADER = [
    "élève",
    "nom complet",
    "tentatives",
    "meilleur score (%)",
    "dernier score (%)",
    "terminé le",
]


def _whole_percent(value: float | None) -> str:
    return "" if value is None else str(round(value))


def _paris_date(moment: datetime | None) -> str:
    return "" if moment is None else f"{timezone.localtime(moment, PARIS):%d/%m/%Y}"


# A spreadsheet runs a cell that starts like a formula (CSV injection): names such as « -2+3 »
# or « @SUM(…) » are valid usernames, and full names are free text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _text_cell(text: str) -> str:
    """User-written text, kept as text: an apostrophe first if it starts like a formula."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def grades_csv(students) -> str:
    """The class's grades as a French spreadsheet expects them: `;` between fields. « Terminé
    le » is the date (Paris time) the student finished their last attempt."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for student in students:
        writer.writerow(
            [
                _text_cell(student.get_username()),
                _text_cell(student.get_full_name()),
                student.attempt_count,
                _whole_percent(student.best_percent),
                _whole_percent(student.last_percent),
                _paris_date(student.last_finished_at),
            ]
        )
    return out.getvalue()


def csv_filename(classroom: Classroom, question_set: QuestionSet) -> str:
    """ASCII only, so every browser keeps it: « 3e B », « Débarquements » → notes-3e-b-debarquements.csv."""
    slug = slugify(f"{classroom.name} {question_set.title}")
    return f"notes-{slug}.csv" if slug else "notes.csv"
