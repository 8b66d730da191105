"""« Mes résultats » writes each attempt's end as the long date and the time, in the active
language and the site's time zone; days shared by several attempts are written once."""

import datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation
from django.utils.timezone import localtime

from quizzes.templatetags.dates import long_date
from quizzes.templatetags.results_tables import attempt_rows

PARIS = ZoneInfo("Europe/Paris")


def attempt(pk: int, finished_at: datetime.datetime):
    question_set = SimpleNamespace(title="Série <1>")
    return SimpleNamespace(pk=pk, finished_at=finished_at, question_set=question_set, percent=50)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_each_row_shows_the_day_and_time_long_date_writes(language):
    ends = [
        datetime.datetime(2026, 10, 1, 7, 5, tzinfo=PARIS),  # the first of the month: « 1er »
        datetime.datetime(2026, 10, 1, 23, 59, tzinfo=PARIS),
        datetime.datetime(2026, 9, 30, 22, 30, tzinfo=datetime.UTC),  # 1 October in Paris
        datetime.datetime(2026, 11, 26, 0, 0, tzinfo=PARIS),
    ]
    with translation.override(language):
        html = str(attempt_rows([attempt(n, end) for n, end in enumerate(ends, 1)]))
        expected = [long_date(localtime(end), ", H:i") for end in ends]
    cells = [line.split("</td>")[0].removeprefix("<tr><td>") for line in html.splitlines()]
    assert cells == expected
    if language == "fr":
        assert cells[0] == "1er octobre 2026, 07:05"
        assert cells[2] == "1er octobre 2026, 00:30"
