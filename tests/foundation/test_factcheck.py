"""Date labels and quotes are checked the way a careful teacher would (no database)."""

from datetime import date

import pytest

from quizzes import factcheck


@pytest.mark.parametrize(
    ("label", "precision"),
    [
        ("Le 10 juillet 1943", "day"),
        ("le 1er mai", "day"),
        ("Tôt dans la matinée du 25 juillet", "day"),
        ("En octobre", "month"),
        ("en juin 1944", "month"),
        ("Au printemps 1943", "season"),
        ("depuis 1860", "year"),
        ("six jours plus tard", "relative"),
        ("Plus tard dans le mois", "relative"),
        ("En trois jours", "relative"),
    ],
)
def test_label_precision_is_read_from_the_french_label(label, precision):
    assert factcheck.parse_label(label).precision == precision


def test_day_label_must_match_its_single_day():
    assert factcheck.date_problems("le 17 août", "day", date(1943, 8, 17), date(1943, 8, 17)) == []
    assert factcheck.date_problems("le 17 août", "day", date(1943, 8, 18), date(1943, 8, 18))
    assert factcheck.date_problems("le 17 août", "day", date(1943, 8, 17), date(1943, 8, 20))


def test_month_label_must_cover_the_whole_month():
    good = factcheck.date_problems("En octobre", "month", date(1943, 10, 1), date(1943, 10, 31))
    assert good == []
    assert factcheck.date_problems("En octobre", "month", date(1943, 10, 1), date(1943, 10, 30))
    assert factcheck.date_problems("En octobre", "month", date(1943, 9, 1), date(1943, 9, 30))


def test_end_before_start_is_refused():
    problems = factcheck.date_problems(
        "six jours plus tard", "relative", date(1945, 5, 7), date(1945, 5, 1)
    )
    assert problems and "précède" in problems[0]


def test_precision_must_agree_with_label():
    problems = factcheck.date_problems("En octobre", "day", date(1943, 10, 1), date(1943, 10, 1))
    assert problems and "précision" in problems[0]


def test_year_in_label_must_match_the_range():
    problems = factcheck.date_problems("en juin 1944", "month", date(1943, 6, 1), date(1943, 6, 30))
    assert any("1944" in problem for problem in problems)


def test_quote_must_be_verbatim_and_at_its_position():
    text = "Le 17 août, Patton arrive à Messine avant Montgomery."
    assert factcheck.quote_problems(text, "Patton arrive à Messine", 12) == []
    assert factcheck.quote_problems(text, "Patton arrive a Messine", None)
    assert "position" in factcheck.quote_problems(text, "Patton arrive à Messine", 3)[0]


def test_sentence_around_highlights_quote_within_its_sentence():
    text = "Première phrase. Le 17 août, Patton arrive à Messine. Dernière phrase."
    start = text.index("Patton")
    before, quote, after = factcheck.sentence_around(text, start, start + len("Patton arrive"))
    assert (before, quote, after) == ("Le 17 août, ", "Patton arrive", " à Messine.")
