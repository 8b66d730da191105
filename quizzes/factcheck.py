"""Checks that a fact is faithful to its source: quote found verbatim, date range well formed and
as precise as its label. Plain Python, shared by the models' clean() and `validate_facts`.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass
from datetime import date

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
# Astronomical seasons, the convention of French school books: the month each season starts in.
SEASONS = {"printemps": 3, "été": 6, "automne": 9, "hiver": 12}

_MONTH_RE = "|".join(MONTHS)
_DAY_MONTH = re.compile(rf"\b(1er|\d{{1,2}})\s+({_MONTH_RE})\b")
_MONTH = re.compile(rf"\b({_MONTH_RE})\b")
_SEASON = re.compile(rf"\b({'|'.join(SEASONS)})\b")
_YEAR = re.compile(r"\b(\d{4})\b")


@dataclass(frozen=True)
class LabelParts:
    """What a French date label states explicitly; None where it is silent."""

    precision: str
    day: int | None = None
    month: int | None = None
    season: str | None = None
    year: int | None = None


def _normal(label: str) -> str:
    return unicodedata.normalize("NFC", label).casefold().replace("\u00a0", " ")


def parse_label(label: str) -> LabelParts:
    """Read the precision a label claims: "le 17 août" is a day, "En octobre" a month,
    "Au printemps 1943" a season, "depuis 1860" a year, "six jours plus tard" relative."""
    text = _normal(label)
    year_match = _YEAR.search(text)
    year = int(year_match.group(1)) if year_match else None
    if match := _DAY_MONTH.search(text):
        day = 1 if match.group(1) == "1er" else int(match.group(1))
        return LabelParts(DAY, day=day, month=MONTHS[match.group(2)], year=year)
    if match := _MONTH.search(text):
        return LabelParts(MONTH, month=MONTHS[match.group(1)], year=year)
    if match := _SEASON.search(text):
        return LabelParts(SEASON, season=match.group(1), year=year)
    if year is not None:
        return LabelParts(YEAR, year=year)
    return LabelParts(RELATIVE)


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
    if parts.year is not None and parts.precision != RELATIVE and start.year != parts.year:
        problems.append(
            f"le libellé indique l'année {parts.year}, la plage commence en {start.year}"
        )
    if precision == DAY:
        if start != end:
            problems.append("une date au jour près doit commencer et finir le même jour")
        if (start.day, start.month) != (parts.day, parts.month):
            problems.append(f"le libellé « {label} » ne correspond pas au {start.isoformat()}")
    elif precision == MONTH:
        last = calendar.monthrange(start.year, start.month)[1]
        if start.day != 1 or end != date(start.year, start.month, last):
            problems.append(
                "une date au mois près doit couvrir le mois entier, du 1er au dernier jour"
            )
        if start.month != parts.month:
            problems.append(f"le libellé « {label} » ne nomme pas le mois du {start.isoformat()}")
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


def sentence_around(text: str, start: int, end: int) -> tuple[str, str, str]:
    """The sentence(s) containing text[start:end], split as (before, quote, after) for display."""
    dot = text.rfind(". ", 0, start)
    sentence_start = max(dot + 2 if dot != -1 else 0, text.rfind("\n", 0, start) + 1)
    stops = [i for i in (text.find(". ", end), text.find("\n", end)) if i != -1]
    sentence_end = min(stops) + 1 if stops else len(text)
    sentence_end = max(sentence_end, end)
    return text[sentence_start:start], text[start:end], text[end:sentence_end]
