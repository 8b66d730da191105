"""Table rows written in Python: the teachers' students table (a class of 300 renders 1,800
cells, which cost the template engine, a variable lookup and an escape call per cell, more
than the rest of the page) and a student's attempts and facts to review; here each row is one
string format."""

from datetime import date
from html import escape

from django import template
from django.urls import reverse
from django.utils.safestring import SafeString
from django.utils.timezone import localtime
from django.utils.translation import gettext

from quizzes.templatetags.dates import long_date

register = template.Library()

ROW = (
    '<tr><th scope="row">{name}{username}</th><td>{best}</td><td>{last}</td>'
    "<td>{attempts}</td><td>{status}</td></tr>\n"
)
USERNAME = ' <span class="muted">({})</span>'


@register.simple_tag
def student_rows(rows) -> SafeString:
    """The rows of quizzes.class_results.student_rows, every text escaped."""
    return SafeString(
        "".join(
            ROW.format(
                name=escape(row.name),
                username=USERNAME.format(escape(row.username)) if row.username else "",
                best=escape(row.best),
                last=escape(row.last),
                attempts=row.attempts,
                status=escape(row.status),
            )
            for row in rows
        )
    )


ATTEMPT_ROW = '<tr><td>{date}</td><td><a href="{url}">{title}</a></td><td>{percent} %</td></tr>\n'
# A stand-in id: the summary's URL is reversed once per page, then each row puts its own id in.
_ANY_ID = 987654321


@register.simple_tag
def attempt_rows(attempts) -> SafeString:
    """The rows of a student's « Mes résultats » table: date, set (a link to the attempt's
    summary) and score, every text escaped."""
    url = reverse("attempt_summary", args=[_ANY_ID])
    days: dict[date, str] = {}  # tens of attempts on a few days: each day is written once

    def finished(attempt) -> str:
        moment = localtime(attempt.finished_at)
        day = days.get(moment.date())
        if day is None:
            day = days[moment.date()] = escape(long_date(moment))
        return f"{day}, {moment:%H:%M}"  # the time as long_date's ", H:i" writes it

    return SafeString(
        "".join(
            ATTEMPT_ROW.format(
                date=finished(attempt),
                url=url.replace(str(_ANY_ID), str(attempt.pk)),
                title=escape(attempt.question_set.title),
                percent=attempt.percent,
            )
            for attempt in attempts
        )
    )


REVIEW_ITEM = (
    '<li class="card">\n<p><strong>{text}</strong>{date}</p>\n<p class="muted">{misses}</p>\n'
    "<blockquote>« {quote} »</blockquote>\n</li>\n"
)


@register.simple_tag
def review_items(items) -> SafeString:
    """The facts « à revoir » of « Mes résultats » (quizzes.progress.facts_to_review), each
    text escaped."""
    missed = gettext("Manqué %(misses)s fois sur %(answers)s")
    return SafeString(
        "".join(
            REVIEW_ITEM.format(
                text=escape(item.fact.text),
                date=f" — {escape(item.fact.date_label)}" if item.fact.date_label else "",
                misses=escape(missed % {"misses": item.misses, "answers": item.answers}),
                quote=escape(item.fact.quote),
            )
            for item in items
        )
    )


GRIDLINE = (
    '<line class="grid" x1="48" x2="{x2}" y1="{y}" y2="{y}"></line>'
    '<text class="axis" x="40" y="{y}" text-anchor="end" dominant-baseline="middle">'
    "{percent} %</text>\n"
)
POINT = '<circle class="dot" cx="{x}" cy="{y}" r="5"><title>{label}</title></circle>\n'
POINT_VALUE = '<text class="value" x="{x}" y="{y}" text-anchor="middle">{percent} %</text>\n'
VALUES_SHOWN_UP_TO = 12  # points; beyond, the values would overlap (each dot has its title)


@register.simple_tag
def score_chart_marks(chart) -> SafeString:
    """Gridlines, line and dots of a progress.ScoreChart, in SVG (numbers with dots, whatever
    the language)."""
    parts = [GRIDLINE.format(x2=chart.width - 48, y=y, percent=p) for y, p in chart.gridlines]
    if len(chart.points) > 1:
        parts.append(f'<polyline class="line" points="{escape(chart.polyline)}"></polyline>\n')
    show_values = len(chart.points) <= VALUES_SHOWN_UP_TO
    for point in chart.points:
        parts.append(POINT.format(x=point.x, y=point.y, label=escape(point.label)))
        if show_values:
            parts.append(POINT_VALUE.format(x=point.x, y=point.y - 10, percent=point.percent))
    return SafeString("".join(parts))
