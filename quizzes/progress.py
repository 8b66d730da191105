"""Students' scores over time: per-set best and last scores, the score chart, « à revoir »."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Max, OuterRef, Q, Subquery

from quizsite.prepared import PreparedQuery
from quizzes.models import Attempt, Fact
from quizzes.models.attempts import score_percent


def with_student_scores(question_sets, user):
    """Annotate sets with the student's best and last score (percent) and open attempt id."""
    finished = Attempt.objects.filter(
        question_set=OuterRef("pk"), user=user, finished_at__isnull=False
    )
    return question_sets.annotate(
        best_percent=Subquery(
            finished.values("question_set").annotate(best=Max(score_percent())).values("best")[:1]
        ),
        last_percent=Subquery(
            finished.order_by("-finished_at").annotate(p=score_percent()).values("p")[:1]
        ),
        open_attempt_id=Subquery(
            Attempt.objects.filter(question_set=OuterRef("pk"), user=user, finished_at__isnull=True)
            .order_by("-started_at")
            .values("pk")[:1]
        ),
        attempts_used=Count("attempts", filter=Q(attempts__user=user), distinct=True),
        pinned_count=Count("pinned_questions", distinct=True),
    )


@dataclass(frozen=True)
class ChartPoint:
    x: float
    y: float
    percent: int
    label: str


@dataclass(frozen=True)
class ScoreChart:
    width: int
    height: int
    points: list[ChartPoint]
    polyline: str
    gridlines: list[tuple[float, int]]  # (y, percent)


def score_chart(attempts, width: int = 640, height: int = 220, pad: int = 48) -> ScoreChart:
    """Scores of finished attempts, oldest first, as points of a server-drawn SVG line chart.
    Attempts are spaced evenly: what matters to a student is the trend from one try to the next."""
    attempts = list(attempts)
    inner_w, inner_h = width - 2 * pad, height - 2 * pad
    step = inner_w / max(1, len(attempts) - 1)
    points = []
    for index, attempt in enumerate(attempts):
        percent = attempt.percent
        x = pad + (index * step if len(attempts) > 1 else inner_w / 2)
        y = pad + inner_h * (1 - percent / 100)
        label = f"{attempt.finished_at:%d/%m/%Y} · {attempt.question_set.title} : {percent} %"
        points.append(ChartPoint(round(x, 1), round(y, 1), percent, label))
    gridlines = [(round(pad + inner_h * (1 - p / 100), 1), p) for p in (0, 25, 50, 75, 100)]
    polyline = " ".join(f"{p.x},{p.y}" for p in points)
    return ScoreChart(width, height, points, polyline, gridlines)


@dataclass(frozen=True)
class ReviewItem:
    fact: Fact
    misses: int
    answers: int


REVIEW_ON_RESULTS = 8  # facts listed « à revoir » on « Mes résultats »


def _missed_facts(user_id: int, limit: int | None):
    """The facts the student missed, each annotated with misses and answers, most missed
    first: one grouped query, the facts' own ordering (which joins the sources) left out."""
    return (
        Fact.objects.filter(results__user__pk=user_id)
        .only("text", "date_label", "quote")
        .annotate(
            misses=Count("results", filter=Q(results__correct=False)),
            answers=Count("results"),
        )
        .filter(misses__gt=0)
        .order_by("-misses", "answers", "pk")[:limit]
    )


# « Mes résultats » asks on every showing: compiled once per process.
_MISSED_ON_RESULTS = PreparedQuery(lambda user_id: _missed_facts(user_id, REVIEW_ON_RESULTS), int)


def facts_to_review(user, limit: int | None = REVIEW_ON_RESULTS) -> list[ReviewItem]:
    """The facts the student misses most, with how often, most missed first."""
    if limit == REVIEW_ON_RESULTS:
        facts = _MISSED_ON_RESULTS.all(user.pk)
    else:
        facts = _missed_facts(user.pk, limit)
    return [ReviewItem(fact, fact.misses, fact.answers) for fact in facts]
