"""Checks that a fact is faithful to its source: quote found verbatim, date range well formed and
as precise as its label. Plain Python, shared by the models' clean() and `validate_facts`.

`quizzes.factcheck.whole_base` checks a whole fact base (database or fixture file) with these
rules plus the ones that span facts (oppositions, duplicates).
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta

DAY = "day"
MONTH = "month"
SEASON = "season"
YEAR = "year"
RELATIVE = "relative"

MONTHS = {
    "janvier": 1,
    "février": 2,
    "mars": 3,
    "avril": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7,
    "août": 8,
    "septembre": 9,
    "octobre": 10,
    "novembre": 11,
    "décembre": 12,
}
# Astronomical seasons, the convention of French school books: the first day (month, day) of
# each season; the day before the next one is its last, and winter runs into the next year. The
# one home of this convention: the extractor (extraction/dates.py) reads it from here.
SEASON_FIRST_DAYS = {"printemps": (3, 20), "été": (6, 21), "automne": (9, 22), "hiver": (12, 21)}
# The month each season starts in.
SEASONS = {name: month for name, (month, _day) in SEASON_FIRST_DAYS.items()}

# English labels name the same months and seasons; they are read into the French keys above.
ENGLISH_MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan.": 1,
    "feb.": 2,
    "aug.": 8,
    "sept.": 9,
    "sep.": 9,
    "oct.": 10,
    "nov.": 11,
    "dec.": 12,
}
ENGLISH_SEASONS = {
    "spring": "printemps",
    "summer": "été",
    "autumn": "automne",
    "fall": "automne",
    "winter": "hiver",
}
_ALL_MONTHS = {**MONTHS, "fevrier": 2, "aout": 8, "decembre": 12, **ENGLISH_MONTHS}
_ALL_SEASONS = {**{name: name for name in SEASONS}, **ENGLISH_SEASONS}


def _alternatives(words) -> str:
    # Longest first, so "sept." is not read as "sept" and "june" wins over a shorter prefix.
    return "|".join(sorted((re.escape(word) for word in words), key=len, reverse=True))


_MONTH_RE = _alternatives(_ALL_MONTHS)
# The first day may be written in letters: « le premier mai », "the first of May".
_FIRST_DAY_WORDS = ("1er", "premier", "first")
_ORDINAL = r"(1er|premier|first|\d{1,2})(?:st|nd|rd|th)?"
_DAY_MONTH = re.compile(rf"\b{_ORDINAL}\s+(?:of\s+)?({_MONTH_RE})(?!\w)")
_MONTH_DAY = re.compile(rf"(?<!\w)({_MONTH_RE})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b")
_MONTH = re.compile(rf"(?<!\w)({_MONTH_RE})(?!\w)")
# Consecutive days of one month: « les 5 et 6 octobre », « entre le 10 et le 15 mai », "from 5
# to 8 June", "June 5–8".
_DAY_SPAN = re.compile(
    rf"\b{_ORDINAL}\s*(?:et|au|-|–|and|to)\s*(?:the\s+|le\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s+"
    rf"(?:of\s+)?({_MONTH_RE})(?!\w)"
)
_MONTH_DAY_SPAN = re.compile(
    rf"(?<!\w)({_MONTH_RE})\s+(\d{{1,2}})(?:st|nd|rd|th)?\s*(?:-|–|and|to)\s*(\d{{1,2}})\b"
)
# Feasts of fixed date, read before the relative words ("Christmas Eve" is a day).
HOLIDAYS = {
    "veille de noël": (24, 12),
    "jour de l'an": (1, 1),
    "jour de l’an": (1, 1),
    "noël": (25, 12),
    "christmas eve": (24, 12),
    "christmas": (25, 12),
    "new year's eve": (31, 12),
    "new year’s eve": (31, 12),
    "new year's day": (1, 1),
    "new year’s day": (1, 1),
}
_HOLIDAY = re.compile(rf"\b({_alternatives(HOLIDAYS)})")
_SEASON = re.compile(rf"\b({_alternatives(_ALL_SEASONS)})\b")
_YEAR = re.compile(r"\b(\d{4})\b")
# A year below 1000 needs the word for a year before it: « en l'an 800 », "in the year 800"
# (not a year before Christ: « l'an 52 av. J.-C. », "the year 44 BC").
_SMALL_YEAR = re.compile(
    r"(?:\bl['’]an|\byear)\s+(\d{1,3})\b(?!\s*(?:av\b|av\.|avant\b|b\.?c\.?(?!\w)|bce\b|before\b))"
)
# A span of years whose end is written with two digits: « 1914-18 », "1861–65".
_SHORT_YEARS = re.compile(r"\b(\d{4})\s*[-–/]\s*(\d{2})\b(?!\s*[-–/]\s*\d)")
# Words that make a label relative to an earlier date, whatever date words it also holds:
# « Au mois de juin suivant », "the following spring", "later that month".
_RELATIVE = re.compile(
    r"\b(?:suivante?s?|plus tard|lendemain|surlendemain|veille|d['’]après|même|précédente?|"
    r"later|next|following|previous|before|after|afterwards?|that|same|eve)\b|-là\b"
)
# Qualifiers that narrow a month or a year to a part of it: « fin septembre », "early 1949".
EARLY, MID, LATE = "early", "mid", "late"
_PARTS = (
    (re.compile(r"\b(?:début|beginning|start|early)\b"), EARLY),
    (re.compile(r"\b(?:mi|milieu|middle|mid)\b"), MID),
    (re.compile(r"\b(?:fin|end|late)\b"), LATE),
)


# Weeks of a month (« la première semaine d'août 1914 », "the second week of May 1940"): the
# first four are days 1–7, 8–14, 15–21 and 22–28, the last one (LAST_WEEK) its last seven days.
# The one home of this convention: the extractor (extraction/dates.py) reads it from here.
LAST_WEEK = -1
WEEK_ORDINALS = {
    "première": 1,
    "premiere": 1,
    "1re": 1,
    "1ère": 1,
    "deuxième": 2,
    "deuxieme": 2,
    "seconde": 2,
    "2e": 2,
    "troisième": 3,
    "troisieme": 3,
    "3e": 3,
    "quatrième": 4,
    "quatrieme": 4,
    "4e": 4,
    "dernière": LAST_WEEK,
    "derniere": LAST_WEEK,
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "last": LAST_WEEK,
}
_WEEK = re.compile(
    rf"(?<!\w)({_alternatives(WEEK_ORDINALS)})\s+(?:semaine|week)\s+(?:du\s+mois\s+)?"
    rf"(?:de\s+|d['’]|of\s+)(?:the\s+month\s+of\s+)?({_MONTH_RE})(?!\w)"
)


def week_range(year: int, month: int, week: int) -> tuple[date, date]:
    """The days of a week of a month: 1–7, 8–14, 15–21, 22–28; LAST_WEEK, the last seven."""
    if week == LAST_WEEK:
        last = date(year, month, calendar.monthrange(year, month)[1])
        return last - timedelta(days=6), last
    first = date(year, month, 7 * (week - 1) + 1)
    return first, first + timedelta(days=6)


@dataclass(frozen=True)
class LabelParts:
    """What a date label (French or English) states explicitly; None where it is silent."""

    precision: str
    day: int | None = None
    month: int | None = None
    season: str | None = None
    year: int | None = None
    part: str | None = None  # EARLY, MID or LATE: a part of its month, season or year
    # The last date of a span (« les 5 et 6 octobre », « entre le 21 février et le 18 décembre
    # 1916 », "From May to September 1940", "Between 1950 and 1953"); year = the first date's.
    last_day: int | None = None
    last_month: int | None = None
    last_year: int | None = None
    week: int | None = None  # a week of its month: 1 to 4 or LAST_WEEK (`week_range`)


def _normal(label: str) -> str:
    return unicodedata.normalize("NFC", label).casefold().replace("\u00a0", " ")


def _day_number(word: str) -> int:
    return 1 if word in _FIRST_DAY_WORDS else int(word)


def _part(text: str) -> str | None:
    return next((part for pattern, part in _PARTS if pattern.search(text)), None)


def _span_years(
    text: str, split: int, first: tuple[int, int], last: tuple[int, int]
) -> tuple[int | None, int | None]:
    """The years written for the two ends of a span whose second date starts at `split`; the
    first end takes the second's year when it has none (« entre novembre et mars 1941 »)."""
    before = [int(year) for year in _YEAR.findall(text[:split])]
    after = [int(year) for year in _YEAR.findall(text[split:])]
    last_year = after[0] if after else None
    first_year = before[-1] if before else None
    if first_year is None and last_year is not None:
        first_year = last_year if first <= last else last_year - 1
    return first_year, last_year


def short_end_year(first: int, end: int) -> int | None:
    """The year a two-digit end names in a span of years: the first one after `first` ending
    in those digits (« 1914-18 » ends in 1918, « 1998-02 » in 2002); None when they are the
    first year's own (« 1914-14 » is no span)."""
    last = first - first % 100 + end
    if last < first:
        last += 100
    return None if last == first else last


def _span(text: str) -> LabelParts | None:
    """A label naming two dates, days, months or years, read as the span between them."""
    days = [
        (_day_number(match.group(1)), _ALL_MONTHS[match.group(2)], match)
        for match in _DAY_MONTH.finditer(text)
    ] or [
        (int(match.group(2)), _ALL_MONTHS[match.group(1)], match)
        for match in _MONTH_DAY.finditer(text)
    ]
    if len(days) == 2:
        (day, month, _), (last_day, last_month, second) = days
        year, last_year = _span_years(text, second.start(), (month, day), (last_month, last_day))
        return LabelParts(DAY, day, month, None, year, None, last_day, last_month, last_year)
    months = list(_MONTH.finditer(text))
    if len(months) == 2 and not days:
        month, last_month = (_ALL_MONTHS[match.group(1)] for match in months)
        year, last_year = _span_years(text, months[1].start(), (month, 1), (last_month, 1))
        return LabelParts(MONTH, month=month, year=year, last_month=last_month, last_year=last_year)
    years = _YEAR.findall(text)
    if len(years) == 2 and not months and not _SEASON.search(text):
        return LabelParts(YEAR, year=int(years[0]), last_year=int(years[1]))
    short = _SHORT_YEARS.search(text)
    if len(years) == 1 and short and not months and not _SEASON.search(text):
        first = int(short.group(1))
        if last_year := short_end_year(first, int(short.group(2))):
            return LabelParts(YEAR, year=first, last_year=last_year)
    return None


def parse_label(label: str) -> LabelParts:
    """Read the precision a label claims: "le 17 août" is a day, "En octobre" a month,
    "Au printemps 1943" a season, "depuis 1860" a year, "six jours plus tard" relative.
    English labels read the same way ("On 24 June 1948", "In the spring of 1948"), and a
    qualified month or year stays a month or a year ("fin septembre 1943", "early 1949")."""
    text = _normal(label)
    year_match = _YEAR.search(text) or _SMALL_YEAR.search(text)
    year = int(year_match.group(1)) if year_match else None
    if match := _HOLIDAY.search(text):
        day, month = HOLIDAYS[match.group(1)]
        return LabelParts(DAY, day=day, month=month, year=year)
    if _RELATIVE.search(text):
        return LabelParts(RELATIVE)
    if match := _WEEK.search(text):
        week = WEEK_ORDINALS[match.group(1)]
        return LabelParts(MONTH, month=_ALL_MONTHS[match.group(2)], year=year, week=week)
    if span := _span(text):
        return span
    if match := _DAY_SPAN.search(text):
        first = _day_number(match.group(1))
        month = _ALL_MONTHS[match.group(3)]
        return LabelParts(DAY, day=first, month=month, year=year, last_day=int(match.group(2)))
    if match := _MONTH_DAY_SPAN.search(text):
        month = _ALL_MONTHS[match.group(1)]
        first, last = int(match.group(2)), int(match.group(3))
        return LabelParts(DAY, day=first, month=month, year=year, last_day=last)
    if match := _DAY_MONTH.search(text):
        day = _day_number(match.group(1))
        return LabelParts(DAY, day=day, month=_ALL_MONTHS[match.group(2)], year=year)
    if match := _MONTH_DAY.search(text):
        return LabelParts(
            DAY, day=int(match.group(2)), month=_ALL_MONTHS[match.group(1)], year=year
        )
    if match := _MONTH.search(text):
        return LabelParts(MONTH, month=_ALL_MONTHS[match.group(1)], year=year, part=_part(text))
    if match := _SEASON.search(text):
        return LabelParts(SEASON, season=_ALL_SEASONS[match.group(1)], year=year, part=_part(text))
    if year is not None:
        return LabelParts(YEAR, year=year, part=_part(text))
    return LabelParts(RELATIVE)


def season_range(season: str, year: int | None, inside: date) -> tuple[date, date]:
    """The days of the season `season` that begins in `year` (the winter of 1942 runs into
    1943); with no year, the one holding the day `inside`."""
    names = list(SEASON_FIRST_DAYS)
    following = names[(names.index(season) + 1) % 4]
    if year is None:
        year = inside.year - 1 if season == "hiver" and inside.month <= 3 else inside.year
    first = date(year, *SEASON_FIRST_DAYS[season])
    next_year = year + 1 if season == "hiver" else year
    return first, date(next_year, *SEASON_FIRST_DAYS[following]) - timedelta(days=1)


def _part_problems(label: str, parts: LabelParts, first: date, last: date, start: date, end: date):
    """A qualified month or year (« fin septembre », "early 1949") covers part of its period:
    inside it, starting on its first day when early, ending on its last day when late."""
    if not (first <= start and end <= last):
        return [f"la plage de « {label} » doit rester dans la période qu'il nomme"]
    if parts.part == EARLY and start != first:
        return [f"« {label} » désigne le début de la période : la plage commence le {first}"]
    if parts.part == LATE and end != last:
        return [f"« {label} » désigne la fin de la période : la plage finit le {last}"]
    return []


def date_problems(label: str, precision: str, start: date | None, end: date | None) -> list[str]:
    """Why this date label, precision and range do not agree (empty list when they do)."""
    if start is None or end is None:
        return ["la date de début et la date de fin sont obligatoires pour un événement"]
    if not label.strip():
        return ["le libellé de date est vide"]
    if end < start:
        return [f"la fin ({end.isoformat()}) précède le début ({start.isoformat()})"]
    parts = parse_label(label)
    if parts.precision != precision:
        return [
            f"le libellé « {label} » indique la précision « {parts.precision} », "
            f"pas « {precision} »"
        ]
    problems = []
    # A part of a winter may start in the next year (« à la fin de l'hiver 1942 »): seasons are
    # checked against the season the label names, below.
    if (
        parts.year is not None
        and parts.precision != RELATIVE
        and not (precision == SEASON and parts.part)
        and start.year != parts.year
    ):
        problems.append(
            f"le libellé indique l'année {parts.year}, la plage commence en {start.year}"
        )
    if parts.last_year is not None and end.year != parts.last_year:
        problems.append(f"le libellé finit en {parts.last_year}, la plage finit en {end.year}")
    if precision == DAY and parts.last_day is not None:
        last_month = parts.last_month or parts.month
        end_year = parts.last_year or start.year + (
            (last_month, parts.last_day)
            < (
                parts.month,
                parts.day,
            )
        )
        if (start.day, start.month) != (parts.day, parts.month) or end != date(
            end_year, last_month, min(parts.last_day, calendar.monthrange(end_year, last_month)[1])
        ):
            problems.append(
                f"le libellé « {label} » couvre du {parts.day}/{parts.month} au "
                f"{parts.last_day}/{last_month}, pas du {start.isoformat()} au {end.isoformat()}"
            )
    elif precision == MONTH and parts.last_month is not None:
        end_year = parts.last_year or start.year + (parts.last_month < parts.month)
        last = calendar.monthrange(end_year, parts.last_month)[1]
        if start != date(start.year, parts.month, 1) or end != date(
            end_year, parts.last_month, last
        ):
            problems.append(
                f"le libellé « {label} » couvre les mois {parts.month} à {parts.last_month} "
                f"entiers, pas du {start.isoformat()} au {end.isoformat()}"
            )
    elif precision == YEAR and parts.last_year is not None:
        if start != date(start.year, 1, 1) or end != date(end.year, 12, 31):
            problems.append(
                f"le libellé « {label} » couvre les années {parts.year} à {parts.last_year} "
                f"entières, pas du {start.isoformat()} au {end.isoformat()}"
            )
    elif precision == DAY:
        if start != end:
            problems.append("une date au jour près doit commencer et finir le même jour")
        if (start.day, start.month) != (parts.day, parts.month):
            problems.append(f"le libellé « {label} » ne correspond pas au {start.isoformat()}")
    elif precision == MONTH and parts.week is not None:
        first, last = week_range(start.year, parts.month, parts.week)
        if (start, end) != (first, last):
            problems.append(
                f"le libellé « {label} » désigne les jours du {first.isoformat()} au "
                f"{last.isoformat()}, pas du {start.isoformat()} au {end.isoformat()}"
            )
    elif precision == MONTH and parts.part:
        first, last = date(start.year, parts.month, 1), date(start.year, parts.month, 1)
        last = last.replace(day=calendar.monthrange(start.year, parts.month)[1])
        problems += _part_problems(label, parts, first, last, start, end)
    elif precision == YEAR and parts.part:
        first, last = date(start.year, 1, 1), date(start.year, 12, 31)
        problems += _part_problems(label, parts, first, last, start, end)
    elif precision == MONTH:
        last = calendar.monthrange(start.year, start.month)[1]
        if start.day != 1 or end != date(start.year, start.month, last):
            problems.append(
                "une date au mois près doit couvrir le mois entier, du 1er au dernier jour"
            )
        if start.month != parts.month:
            problems.append(f"le libellé « {label} » ne nomme pas le mois du {start.isoformat()}")
    elif precision == SEASON and parts.part:
        first, last = season_range(parts.season, parts.year, start)
        problems += _part_problems(label, parts, first, last, start, end)
    elif precision == SEASON:
        span = (end - start).days + 1
        if start.month != SEASONS[parts.season] or not 85 <= span <= 95:
            problems.append(
                f"une saison ({parts.season}) doit couvrir environ trois mois à partir de son "
                "équinoxe ou solstice"
            )
    elif precision == YEAR and (start != date(start.year, 1, 1) or end != date(start.year, 12, 31)):
        problems.append("une date à l'année près doit couvrir l'année entière")
    return problems


def quote_problems(source_text: str, quote: str, position: int | None) -> list[str]:
    """Why this quote is not a verbatim substring of the source at the stated position."""
    if not quote.strip():
        return ["la citation est vide"]
    if quote not in source_text:
        return [f"la citation « {quote[:60]} » ne figure pas mot pour mot dans la source"]
    if position is not None and source_text[position : position + len(quote)] != quote:
        return [
            f"la citation ne se trouve pas à la position {position} "
            f"(elle commence à la position {source_text.find(quote)})"
        ]
    return []


def quote_position(source_text: str, quote: str, position: int | None) -> int | None:
    """Where the quote starts: the stated position, else where it is first found (an editor
    pastes a quote and leaves its position empty), else None."""
    if position is not None or not quote:
        return position
    found = source_text.find(quote)
    return None if found == -1 else found


def sentence_around(text: str, start: int, end: int) -> tuple[str, str, str]:
    """The sentence(s) containing text[start:end], split as (before, quote, after) for display."""
    dot = text.rfind(". ", 0, start)
    sentence_start = max(dot + 2 if dot != -1 else 0, text.rfind("\n", 0, start) + 1)
    stops = [i for i in (text.find(". ", end), text.find("\n", end)) if i != -1]
    sentence_end = min(stops) + 1 if stops else len(text)
    sentence_end = max(sentence_end, end)
    return text[sentence_start:start], text[start:end], text[end:sentence_end]
