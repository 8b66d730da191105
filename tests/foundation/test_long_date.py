"""Dates in prose: French writes « 1er octobre 1943 », English "1 October 1943"."""

from datetime import date

import pytest
from django.utils import translation

from quizzes.templatetags.dates import long_date


@pytest.mark.parametrize(
    ("language", "day", "expected"),
    [
        ("fr", date(1943, 10, 1), "1er octobre 1943"),
        ("fr", date(1943, 10, 31), "31 octobre 1943"),
        ("en", date(1943, 10, 1), "1 October 1943"),
    ],
)
def test_long_date(language, day, expected):
    with translation.override(language):
        assert long_date(day) == expected


def test_timeline_writes_the_first_of_the_month_the_french_way(client, fact_base):
    page = client.get("/").content.decode()
    assert "entre le 1er octobre 1943 et le 31 octobre 1943" in page
