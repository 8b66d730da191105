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
        ("Le premier mai 1891", "day"),
        ("Le premier ministre", "relative"),
        ("en l'an 800", "year"),
        # no year of our era
        ("en l'an 52 av. J.-C.", "relative"),
        ("in the year 44 BC", "relative"),
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


@pytest.mark.parametrize(
    ("label", "precision"),
    [
        ("On 24 June 1948", "day"),
        ("On May 12, 1949", "day"),
        ("the 5th of March 1953", "day"),
        ("Les 5 et 6 octobre", "day"),
        ("On Christmas Eve", "day"),
        ("In October", "month"),
        ("At the end of July 1948", "month"),
        ("In mid-May", "month"),
        ("Fin septembre 1943", "month"),
        ("In the spring of 1948", "season"),
        ("During the winter of 1941", "season"),
        ("Début 1944", "year"),
        ("Early 1949", "year"),
        ("Since 1860", "year"),
        ("Two days later", "relative"),
        ("The following spring", "relative"),
        ("Au mois de juin suivant", "relative"),
        ("Later that month", "relative"),
    ],
)
def test_label_precision_is_read_from_english_and_qualified_labels(label, precision):
    assert factcheck.parse_label(label).precision == precision


@pytest.mark.parametrize(
    ("label", "precision", "start", "end"),
    [
        ("On 24 June 1948", "day", date(1948, 6, 24), date(1948, 6, 24)),
        ("Les 5 et 6 octobre", "day", date(1789, 10, 5), date(1789, 10, 6)),
        ("On Christmas Eve", "day", date(1968, 12, 24), date(1968, 12, 24)),
        ("Fin septembre 1943", "month", date(1943, 9, 21), date(1943, 9, 30)),
        ("At the end of July 1948", "month", date(1948, 7, 21), date(1948, 7, 31)),
        ("In mid-May", "month", date(1949, 5, 11), date(1949, 5, 20)),
        ("Début 1944", "year", date(1944, 1, 1), date(1944, 4, 30)),
        ("In the spring of 1948", "season", date(1948, 3, 20), date(1948, 6, 20)),
        ("During the winter of 1941", "season", date(1941, 12, 21), date(1942, 3, 19)),
        ("The following spring", "relative", date(1949, 3, 20), date(1949, 6, 20)),
    ],
)
def test_english_and_qualified_labels_accept_their_ranges(label, precision, start, end):
    assert factcheck.date_problems(label, precision, start, end) == []


@pytest.mark.parametrize(
    ("label", "precision", "start", "end"),
    [
        ("Fin septembre 1943", "month", date(1943, 9, 1), date(1943, 9, 10)),
        ("Début 1944", "year", date(1944, 5, 1), date(1944, 8, 31)),
        ("At the end of July 1948", "month", date(1948, 8, 21), date(1948, 8, 31)),
        ("Les 5 et 6 octobre", "day", date(1789, 10, 5), date(1789, 10, 5)),
        ("On 24 June 1948", "day", date(1948, 6, 25), date(1948, 6, 25)),
        ("In the spring of 1948", "season", date(1948, 6, 21), date(1948, 9, 21)),
    ],
)
def test_english_and_qualified_labels_refuse_wrong_ranges(label, precision, start, end):
    assert factcheck.date_problems(label, precision, start, end)


@pytest.mark.parametrize(
    ("label", "precision", "start", "end"),
    [
        # Parts of a season: inside it, the early third from its first day, the late one to
        # its last day (a late winter starts in the next year).
        ("À la fin de l’été", "season", date(1943, 8, 21), date(1943, 9, 21)),
        ("Au début de l’automne", "season", date(1943, 9, 22), date(1943, 10, 21)),
        ("à la fin de l’hiver 1942", "season", date(1943, 2, 21), date(1943, 3, 19)),
        ("By the end of the summer", "season", date(1943, 8, 21), date(1943, 9, 21)),
        ("In early autumn 1957", "season", date(1957, 9, 22), date(1957, 10, 21)),
        ("late that spring", "relative", date(1957, 5, 20), date(1957, 6, 20)),
        # Winters over two years.
        ("Au cours de l’hiver 1941-1942", "season", date(1941, 12, 21), date(1942, 3, 19)),
        ("In the winter of 1947-48", "season", date(1947, 12, 21), date(1948, 3, 19)),
        # Spans: the range starts on the first named date and ends on the last.
        (
            "Entre le 21 février et le 18 décembre 1916",
            "day",
            date(1916, 2, 21),
            date(1916, 12, 18),
        ),
        ("From 21 February to 18 December 1916", "day", date(1916, 2, 21), date(1916, 12, 18)),
        (
            "Between February 21 and December 18, 1916",
            "day",
            date(1916, 2, 21),
            date(1916, 12, 18),
        ),
        ("Du 1er au 3 juillet 1916", "day", date(1916, 7, 1), date(1916, 7, 3)),
        ("En mai-juin 1940", "month", date(1940, 5, 1), date(1940, 6, 30)),
        ("From May to September 1940", "month", date(1940, 5, 1), date(1940, 9, 30)),
        ("De novembre 1942 à mars 1943", "month", date(1942, 11, 1), date(1943, 3, 31)),
        ("Entre novembre et mars 1943", "month", date(1942, 11, 1), date(1943, 3, 31)),
        ("De 1954 à 1962", "year", date(1954, 1, 1), date(1962, 12, 31)),
        ("Between 1950 and 1953", "year", date(1950, 1, 1), date(1953, 12, 31)),
        ("from 1950 to 1953", "year", date(1950, 1, 1), date(1953, 12, 31)),
    ],
)
def test_season_parts_winters_and_spans_accept_their_ranges(label, precision, start, end):
    assert factcheck.date_problems(label, precision, start, end) == []


@pytest.mark.parametrize(
    ("label", "precision", "start", "end"),
    [
        # A season part outside its season, or not reaching its season's edge.
        ("À la fin de l’été", "season", date(1943, 6, 21), date(1943, 7, 20)),
        ("Au début de l’automne", "season", date(1943, 10, 22), date(1943, 11, 21)),
        ("à la fin de l’hiver 1942", "season", date(1942, 2, 21), date(1942, 3, 19)),
        ("In early autumn 1957", "season", date(1957, 9, 1), date(1957, 10, 21)),
        # A winter over two years starts in December of the first one.
        ("Au cours de l’hiver 1941-1942", "season", date(1942, 12, 21), date(1943, 3, 19)),
        # Spans must start on the first date and end on the last.
        ("Entre le 21 février et le 18 décembre 1916", "day", date(1916, 2, 21), date(1916, 2, 21)),
        ("From 21 February to 18 December 1916", "day", date(1916, 2, 21), date(1917, 12, 18)),
        ("En mai-juin 1940", "month", date(1940, 5, 1), date(1940, 5, 31)),
        ("From May to September 1940", "month", date(1940, 6, 1), date(1940, 9, 30)),
        ("De 1954 à 1962", "year", date(1954, 1, 1), date(1954, 12, 31)),
        ("Between 1950 and 1953", "year", date(1950, 3, 1), date(1953, 12, 31)),
    ],
)
def test_season_parts_winters_and_spans_refuse_wrong_ranges(label, precision, start, end):
    assert factcheck.date_problems(label, precision, start, end)


@pytest.mark.parametrize(
    ("label", "precision"),
    [
        ("À la fin de l’été", "season"),
        ("In the winter of 1947-48", "season"),
        ("Entre le 21 février et le 18 décembre 1916", "day"),
        ("En mai-juin 1940", "month"),
        ("From May to September 1940", "month"),
        ("De 1954 à 1962", "year"),
        ("Le 4 août suivant", "relative"),
        ("Dans la soirée", "relative"),
        ("Later that week", "relative"),
    ],
)
def test_label_precision_of_season_parts_and_spans(label, precision):
    assert factcheck.parse_label(label).precision == precision


@pytest.mark.parametrize(
    ("label", "precision", "start", "end"),
    [
        # A span of days whose first day has no month of its own.
        ("Entre le 10 et le 15 mai 1958", "day", date(1958, 5, 10), date(1958, 5, 15)),
        ("entre le 3 et 9 juin", "day", date(1940, 6, 3), date(1940, 6, 9)),
        ("Du 10 au 15 mai 1958", "day", date(1958, 5, 10), date(1958, 5, 15)),
        ("Between 10 and 15 May 1958", "day", date(1958, 5, 10), date(1958, 5, 15)),
        ("between the 10th and the 15th of May", "day", date(1958, 5, 10), date(1958, 5, 15)),
        ("Between May 10 and 15, 1958", "day", date(1958, 5, 10), date(1958, 5, 15)),
        # The first day of a month in letters.
        ("Le premier mai 1891", "day", date(1891, 5, 1), date(1891, 5, 1)),
        ("le premier janvier", "day", date(1919, 1, 1), date(1919, 1, 1)),
        ("Du 25 avril au premier mai 1891", "day", date(1891, 4, 25), date(1891, 5, 1)),
        ("On the first of May 1891", "day", date(1891, 5, 1), date(1891, 5, 1)),
        # A span of years with a two-digit end: the next year ending in those digits.
        ("En 1914-18", "year", date(1914, 1, 1), date(1918, 12, 31)),
        ("1939-45", "year", date(1939, 1, 1), date(1945, 12, 31)),
        ("In 1861–65", "year", date(1861, 1, 1), date(1865, 12, 31)),
        ("De 1998-02", "year", date(1998, 1, 1), date(2002, 12, 31)),
        # A winter over two years stays a season.
        ("In the winter of 1947-48", "season", date(1947, 12, 21), date(1948, 3, 19)),
        # A year below 1000 named as a year.
        ("En l'an 800", "year", date(800, 1, 1), date(800, 12, 31)),
        ("L’an 987", "year", date(987, 1, 1), date(987, 12, 31)),
        ("in the year 410", "year", date(410, 1, 1), date(410, 12, 31)),
        # Weeks of a month: 1–7, 8–14, 15–21, 22–28, the last seven days (leap years too).
        ("La première semaine d'août 1914", "month", date(1914, 8, 1), date(1914, 8, 7)),
        ("the second week of May 1940", "month", date(1940, 5, 8), date(1940, 5, 14)),
        ("la 3e semaine de mars", "month", date(1943, 3, 15), date(1943, 3, 21)),
        ("During the fourth week of June 1941", "month", date(1941, 6, 22), date(1941, 6, 28)),
        ("la dernière semaine de février 1944", "month", date(1944, 2, 23), date(1944, 2, 29)),
        ("the last week of February 1943", "month", date(1943, 2, 22), date(1943, 2, 28)),
    ],
)
def test_labels_read_since_the_extractor_proposes_them_accept_their_ranges(
    label, precision, start, end
):
    assert factcheck.date_problems(label, precision, start, end) == []


@pytest.mark.parametrize(
    ("label", "precision", "start", "end"),
    [
        # Only the last day: the first one is lost.
        ("Entre le 10 et le 15 mai 1958", "day", date(1958, 5, 15), date(1958, 5, 15)),
        ("Entre le 10 et le 15 mai 1958", "day", date(1958, 5, 10), date(1958, 5, 16)),
        ("Between May 10 and 15, 1958", "day", date(1958, 5, 10), date(1958, 5, 10)),
        # « premier » is the first day, not the month.
        ("Le premier mai 1891", "month", date(1891, 5, 1), date(1891, 5, 31)),
        ("Le premier mai 1891", "day", date(1891, 5, 2), date(1891, 5, 2)),
        ("On the first of May 1891", "day", date(1891, 5, 1), date(1891, 5, 2)),
        # « 1914-18 » is four years, not 1914 alone nor 2018.
        ("En 1914-18", "year", date(1914, 1, 1), date(1914, 12, 31)),
        ("En 1914-18", "year", date(1914, 1, 1), date(2018, 12, 31)),
        ("1939-45", "year", date(1939, 9, 1), date(1945, 5, 8)),
        ("En l'an 800", "year", date(1800, 1, 1), date(1800, 12, 31)),
        ("En l'an 800", "year", date(800, 1, 1), date(800, 6, 30)),
        ("in the year 410", "relative", date(410, 1, 1), date(410, 12, 31)),
        # A week is not its whole month, nor another week.
        ("La première semaine d'août 1914", "month", date(1914, 8, 1), date(1914, 8, 31)),
        ("the second week of May 1940", "month", date(1940, 5, 1), date(1940, 5, 7)),
        ("la dernière semaine de février 1944", "month", date(1944, 2, 22), date(1944, 2, 28)),
        ("La première semaine d'août 1914", "day", date(1914, 8, 1), date(1914, 8, 7)),
    ],
)
def test_labels_read_since_the_extractor_proposes_them_refuse_wrong_ranges(
    label, precision, start, end
):
    assert factcheck.date_problems(label, precision, start, end)
