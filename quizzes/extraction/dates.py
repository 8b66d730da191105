"""Date mentions in a history text, resolved to the range of days the text allows.

`find_dates` reads the explicit dates a text states (« Le 10 juillet 1943 », « En octobre »,
"In the spring of 1948", « fin septembre 1943 », "early 1949") and the relative phrases that
lean on an earlier date (« Deux jours plus tard », « Plus tard dans le mois », "the following
year"), in French and in English, and resolves each one against the *anchor*: the last date
before it that is neither a backdrop nor a relative phrase left without an anchor.

The grammar is our own set of regular expressions rather than Duckling's: Duckling resolves
year-less and relative phrases against the clock rather than against the narrative, reads
durations (« En trois jours », "in two weeks") as dates, and misses « Plus tard dans le mois ».
Rules make the labels verbatim and predictable, and each rule says why it exists.

Conventions (the ranges are inclusive):
- seasons are astronomical, as in `factcheck.SEASON_FIRST_DAYS`: spring 20 March–20 June, summer
  21 June–21 September, autumn 22 September–20 December, winter 21 December–19 March of the
  next year; « l'hiver 1942 » / "winter 1942" is the winter that begins in December 1942, and
  so is « l'hiver 1942-1943 » / "the winter of 1942-43" (the label keeps both years);
- parts of a season (« À la fin de l'été », « au début du printemps 1943 », "By the end of the
  summer", "in early autumn 1957", "late that spring") are its thirds counted in months from
  its first day: summer early 21 June–20 July, mid 21 July–20 August, late 21 August–21
  September; the precision stays « season »;
- parts of a month: « début » / "early" / "beginning" = days 1–10, « mi- » / "mid" = 11–20,
  « fin » / "late" / "end" = 21–last day; parts of a year: January–April, May–August,
  September–December;
- weeks of a month (« la première semaine d'août 1914 », "the second week of May 1940") are
  days 1–7, 8–14, 15–21 and 22–28; « la dernière semaine » / "the last week" is its last seven
  days (`factcheck.week_range`, one home); the precision stays « month », as for its parts;
- year-less parts of a year or a month are parts of the anchor's: « à la fin de l'année »,
  "by the end of the year" (September–December of the anchor's year), « au début du mois
  suivant », "at the end of the month"; « en juillet de la même année », "in July of that
  year", "that November" name a month of the anchor's year; « le 10 du même mois », « Le 22, »,
  "On the 22nd" a day of the anchor's month (of the next month when it would fall before the
  anchor);
- « dix jours plus tôt / auparavant », "ten days earlier", "two days before," go back from the
  anchor as "later" phrases go forward; « au bout de trois jours », "After three days," are
  « trois jours plus tard »; a bounded lapse (« moins d'un an après », "less than a year
  after", "more than two years later") is no date;
- a year-less date takes the anchor's year, or the next year when it falls more than six
  months before the anchor (« le 2 janvier » after « décembre 1944 » is January 1945); with no
  anchor yet, it takes the first year the text states;
- a relative phrase shifts the anchor's whole range: after a month, « deux jours plus tard »
  is a range, not a day. Parts of the same day (« Dans la soirée », « Le matin même », « Dans
  la nuit », "That night", "Later that day", "In the evening,") are the anchor itself; « Plus
  tard dans la semaine » / "later that week" is the six days after the anchor (a narrative's
  week is rarely a calendar one); « Quelques heures plus tard » / "hours later" is the anchor
  and the day after; « quelques jours plus tard » / "a few days later" is anchor+2..anchor+9;
- spans date one event over their whole range, with the precision of their smallest unit:
  « Entre le 21 février et le 18 décembre 1916 » / "from 21 February to 18 December 1916"
  (day), « En mai-juin 1940 » / "From May to September 1940" (month), « De 1954 à 1962 » /
  "Between 1950 and 1953" (year). A span joined by a word needs its opening word (« entre »,
  « du », « de », "from", "between"); two dates joined by « et » / "and" alone stay two dates;
- a span of years is an event when it opens its clause (« De 1954 à 1962, la guerre… »,
  "…, and from 1950 to 1953 …") or follows a verb of lasting (« la guerre dure de 1954 à
  1962 », "the war lasted from 1950 to 1953"); elsewhere it is a backdrop (« la guerre de
  1914 à 1918 a tué… », "(1735–1826)", "1944 and 1945"); a two-digit end names the next year
  ending in those digits (« En 1914-18, » is 1914–1918, « 1998-02 » ends in 2002);
- a year below 1000 needs the word for a year (« En l'an 800 », « L'an 987 », "in the year
  410"), and a year before Christ (« av. J.-C. », "BC") is no date; « le premier mai » and "the
  first of May" are the first day;
- times of day (« vers 23 heures », "at 11 a.m.") are never dates and are left to the event;
- backdrops (« depuis 1860 », "since 1860", « né en 1917 », "born in 1917", « les années
  1950 », "the 1950s", « au XIXe siècle », a year completing a noun: « la défaite de 1870 »,
  « le jugement de 1894 », "the crisis of 1956", and a deadline of a plan or a promise:
  "Britain would leave by June 1948", « s'engagent à partir d'ici mars 1973 ») are reported
  with `background=True` and never become the anchor.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from quizzes.factcheck import (
    DAY,
    ENGLISH_MONTHS,
    MONTH,
    MONTHS,
    RELATIVE,
    SEASON,
    SEASON_FIRST_DAYS,
    WEEK_ORDINALS,
    YEAR,
    short_end_year,
    week_range,
)

FRENCH = "fr"
ENGLISH = "en"


@dataclass(frozen=True)
class DateMention:
    """One date as the source writes it; `label == text[start:end]`."""

    start: int
    end: int
    label: str
    date_start: date
    date_end: date
    precision: str
    background: bool = False


Range = tuple[date, date]

# --- Vocabulary -------------------------------------------------------------------------------

# The month names fact checking knows (one home: quizzes.factcheck), plus the spellings without
# accents that typed texts use.
FR_MONTHS = {**MONTHS, "fevrier": 2, "aout": 8, "decembre": 12}
EN_MONTHS = dict(ENGLISH_MONTHS)

FR_SEASONS = {"printemps": "spring", "été": "summer", "automne": "autumn", "hiver": "winter"}
# Season name -> (month, day) of its first day, from fact checking's convention (one home).
SEASON_STARTS = {FR_SEASONS[name]: first for name, first in SEASON_FIRST_DAYS.items()}
EN_SEASONS = {"spring": "spring", "summer": "summer", "autumn": "autumn", "fall": "autumn"}
EN_SEASONS["winter"] = "winter"

FR_NUMBERS = {
    "un": 1,
    "une": 1,
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "cinq": 5,
    "six": 6,
    "sept": 7,
    "huit": 8,
    "neuf": 9,
    "dix": 10,
    "onze": 11,
    "douze": 12,
    "quinze": 15,
    "vingt": 20,
    "trente": 30,
}
EN_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
}

_A = "['’]"  # French elision: l'été, d'avril, jusqu'en
_S = r"[\s\u00a0\u202f]+"  # spaces, including the non-breaking ones French typography uses
_YEAR = r"(?P<year>1\d{3}|20\d{2})(?![\d/])"
_YEAR_AFTER_MONTH = r"(?P<year>\d{3,4})(?![\d/])"  # "juin 800": a month makes 3 digits a year


def _alternatives(words) -> str:
    return "|".join(sorted((re.escape(word) for word in words), key=len, reverse=True))


_FR_MONTH = rf"(?P<month>{_alternatives(FR_MONTHS)})"
_EN_MONTH = rf"(?P<month>{_alternatives(name.capitalize() for name in EN_MONTHS)})"
# The second month of a span (« de mai à juin », "from May to September").
_FR_LAST_MONTH = _FR_MONTH.replace("?P<month>", "?P<last_month>")
_EN_LAST_MONTH = _EN_MONTH.replace("?P<month>", "?P<last_month>")
_FIRST_YEAR = r"(?P<first_year>1\d{3}|20\d{2})(?![\d/])"  # the year of a span's first date
# A winter over two years: « l'hiver 1941-1942 », "the winter of 1947-48".
_TWO_YEARS = rf"(?P<year>1\d{{3}}|20\d{{2}})(?:{_S})?[-–/](?:{_S})?(?P<next>\d{{4}}|\d{{2}})(?!\d)"
_FR_SEASON = rf"(?P<season>{_alternatives(FR_SEASONS)})"
_EN_SEASON = rf"(?P<season>{_alternatives(EN_SEASONS)})"
_FR_WEEKDAY = r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)"
_EN_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_FR_COUNT = rf"(?P<count>\d{{1,2}}|{_alternatives(FR_NUMBERS)}|quelques)"
_EN_COUNT = rf"(?P<count>\d{{1,2}}|{_alternatives(EN_NUMBERS)}|a\s+few|few|several)"
_FR_UNIT = r"(?P<unit>jours?|semaines?|mois|ans?|années?)"
_EN_UNIT = r"(?P<unit>days?|weeks?|months?|years?)"

# Parts of a month or a year, with the words that introduce them (kept in the label).
_FR_PART = (
    rf"(?P<part>(?:au{_S})?début|(?:à{_S}la{_S})?fin|(?:à{_S}la{_S})?mi|(?:au{_S})?milieu)"
    rf"(?:-|{_S}(?:de{_S}|d{_A}|du{_S}mois{_S}de{_S}|de{_S}l{_A}année{_S})?)"
)
_EN_PART = (
    rf"(?P<part>(?i:(?:(?:at|in|by|towards?){_S}the{_S})?(?:beginning|start|end|middle)"
    rf"{_S}of{_S}|(?:in{_S})?(?:early|late|mid)(?:-|{_S}(?:in{_S})?)))"
)
_PART_SPANS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}
# Parts of a season, with the words that introduce them: « À la fin de l'été », « au début du
# printemps », « fin d'été », "By the end of the summer", "in early autumn", "late that spring".
_FR_SEASON_PART = (
    rf"(?P<part>(?:(?:[Àà]|[Vv]ers|[Dd]ès|[Jj]usqu{_A}à){_S}la{_S}|[Ee]n{_S})?(?:[Ff]in|[Mm]i)|"
    rf"(?:(?:[Aa]u|[Dd]ès{_S}le|[Vv]ers{_S}le|[Jj]usqu{_A}au){_S}|[Ee]n{_S})?(?:[Dd]ébut|[Mm]ilieu))"
    rf"(?:{_S}d(?:e{_S}l{_A}|u{_S}|{_A})|{_S}de{_S}(?=cet?{_S})|-)"
)
_EN_SEASON_PART = (
    rf"(?P<part>(?:(?:[Aa]t|[Ii]n|[Bb]y|[Tt]owards?|[Uu]ntil|[Tt]ill){_S}the{_S}|[Tt]he{_S})?"
    rf"(?:[Bb]eginning|[Ss]tart|[Ee]nd|[Mm]iddle){_S}of{_S}(?:the{_S})?|"
    rf"(?:(?:[Ii]n|[Dd]uring|[Bb]y|[Uu]ntil){_S}(?:the{_S})?)?(?:[Ee]arly|[Ll]ate|[Mm]id)(?:-|{_S}))"
)

# Words that introduce a date and belong to its label, tried longest first.
_FR_LEAD = (
    rf"(?:(?:(?:Tôt|tôt|Tard|tard){_S})?(?:dans{_S}la{_S}(?:matinée|soirée|nuit|journée)|"
    rf"dans{_S}l{_A}après-midi|au{_S}(?:petit{_S})?(?:matin|soir)|le{_S}(?:matin|soir)|la{_S}nuit|"
    rf"[Aa]ux{_S}premières{_S}heures|"
    rf"(?:Dans|Au|Le|La){_S}(?:la{_S}(?:matinée|soirée|nuit|journée)|(?:petit{_S})?matin|soir|"
    rf"nuit)){_S}du{_S}|"
    rf"(?:[Dd]ès|[Dd]epuis|[Vv]ers){_S}le{_S}|[Ll]e{_S})"
)
_EN_LEAD = (
    rf"(?:(?:(?:early|late|Early|Late){_S})?(?:[Oo]n{_S})?(?:[Ii]n{_S})?(?:the|The){_S}"
    rf"(?:morning|evening|night|afternoon|(?:early|small){_S}hours){_S}of{_S}|"
    rf"(?:[Oo]n|[Ss]ince|[Bb]y|[Dd]uring){_S}(?:the{_S})?)"
)


# --- Matches before anchoring -----------------------------------------------------------------


@dataclass(frozen=True)
class _Match:
    """A date phrase found in the text; `resolve` turns it into a range given the anchor."""

    start: int
    end: int
    precision: str
    resolve: Callable[[Range | None, int | None], Range | None]
    relative: bool = False
    background: bool = False


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _month_range(year: int, month: int) -> Range:
    return date(year, month, 1), date(year, month, _last_day(year, month))


def _season_range(year: int, season: str) -> Range:
    month, day = SEASON_STARTS[season]
    start = date(year, month, day)
    following = {"spring": "summer", "summer": "autumn", "autumn": "winter", "winter": "spring"}
    next_month, next_day = SEASON_STARTS[following[season]]
    next_year = year + 1 if season == "winter" else year
    return start, date(next_year, next_month, next_day) - timedelta(days=1)


def _part_of_season(span: Range, part: str | None) -> Range:
    """The first, middle or last third of a season, counted in months from its first day:
    « début de l'été » 21 June–20 July, « mi-été » 21 July–20 August, « fin de l'été »
    21 August–21 September."""
    if not part:
        return span
    key = _part_key(part)
    if key == "early":
        return span[0], _add_months(span[0], 1) - timedelta(days=1)
    if key == "mid":
        return _add_months(span[0], 1), _add_months(span[0], 2) - timedelta(days=1)
    return _add_months(span[0], 2), span[1]


def _season_year(season: str, anchor: Range | None, fallback: int | None) -> int | None:
    """The year a year-less season starts in: the winter under way when the anchor falls in
    January–March, otherwise as for a month (`_year_for`)."""
    if season == "winter" and anchor is not None and anchor[1].month <= 3:
        return anchor[1].year - 1
    return _year_for(SEASON_STARTS[season][0], anchor, fallback)


def _year_for(month: int, anchor: Range | None, fallback_year: int | None) -> int | None:
    """The year of a year-less month: the anchor's, or the next one when the month falls more
    than six months before the anchor (narratives run forward across new year)."""
    if anchor is None:
        return fallback_year
    if anchor[0].year == anchor[1].year and anchor[0].month <= month <= anchor[1].month:
        return anchor[0].year  # « En 1916 … Le 21 février »: a month inside the anchor
    year, anchor_month = anchor[1].year, anchor[1].month
    return year + 1 if anchor_month - month > 6 else year


def _part_key(part: str) -> str:
    word = part.lower()
    if any(key in word for key in ("début", "beginning", "start", "early")):
        return "early"
    if any(key in word for key in ("mi", "middle", "mid")) and "fin" not in word:
        return "mid"
    return "late"


def _part_of_month(year: int, month: int, part: str) -> Range:
    first, last = _PART_SPANS[_part_key(part)]
    return date(year, month, first), date(year, month, min(last, _last_day(year, month)))


def _part_of_year(year: int, part: str) -> Range:
    first_month = {"early": 1, "mid": 5, "late": 9}[_part_key(part)]
    return date(year, first_month, 1), date(year, first_month + 3, _last_day(year, first_month + 3))


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, _last_day(year, month + 1)))


def _count(word: str, numbers: dict[str, int]) -> int | None:
    """A count in digits or words; None for vague ones (« quelques », "several")."""
    word = re.sub(r"\s+", " ", word.lower())
    if word.isdigit():
        return int(word)
    return numbers.get(word)


def _shift(anchor: Range, count: int | None, unit: str) -> Range:
    """The anchor's range moved `count` units later; a vague count gives a span of them."""
    unit = unit.lower()
    low, high = (
        (count, count) if count is not None else (2, 9 if unit.startswith(("j", "d")) else 4)
    )
    if unit.startswith(("j", "d")):
        return anchor[0] + timedelta(days=low), anchor[1] + timedelta(days=high)
    if unit.startswith(("s", "w")):
        return anchor[0] + timedelta(weeks=low), anchor[1] + timedelta(weeks=high)
    if unit.startswith("m"):
        return _add_months(anchor[0], low), _add_months(anchor[1], high)
    return _add_months(anchor[0], 12 * low), _add_months(anchor[1], 12 * high)


def _next_month_named(anchor: Range, month: int) -> Range:
    year = anchor[1].year if anchor[1].month < month else anchor[1].year + 1
    return _month_range(year, month)


def _next_season(anchor: Range, season: str) -> Range:
    for year in (anchor[1].year - 1, anchor[1].year, anchor[1].year + 1):
        candidate = _season_range(year, season)
        if candidate[0] > anchor[1]:
            return candidate
    return _season_range(anchor[1].year + 1, season)


def _same_season(anchor: Range, season: str) -> Range:
    """ "That winter" after 6 February 1778 is the winter of 1777–1778, the one under way;
    otherwise the season of the anchor's year."""
    for year in (anchor[0].year - 1, anchor[0].year):
        span = _season_range(year, season)
        if span[0] <= anchor[0] <= span[1]:
            return span
    return _season_range(anchor[0].year, season)


def _next_week(anchor: Range) -> Range:
    monday = anchor[1] + timedelta(days=7 - anchor[1].weekday())
    return monday, monday + timedelta(days=6)


def _rest_of_month(anchor: Range) -> Range:
    end = date(anchor[1].year, anchor[1].month, _last_day(anchor[1].year, anchor[1].month))
    if anchor[1] == end:  # the anchor already covers the month: "later" stays in it
        return anchor[0], end
    return anchor[1] + timedelta(days=1), end


def _rest_of_year(anchor: Range) -> Range:
    end = date(anchor[1].year, 12, 31)
    return (anchor[0], end) if anchor[1] == end else (anchor[1] + timedelta(days=1), end)


def _later_that_week(anchor: Range) -> Range:
    """« Plus tard dans la semaine », "later that week": the six days after the anchor. A
    narrative's week is rarely a calendar week (and « plus tard » after a Sunday would leave
    nothing of a Monday–Sunday one), so the range does not stop on Sunday."""
    return anchor[0] + timedelta(days=1), anchor[1] + timedelta(days=6)


def _hours_later(anchor: Range) -> Range:
    """« Quelques heures plus tard », "three hours later": the anchor's day or the next one
    (the hours may run past midnight)."""
    return anchor[0], anchor[1] + timedelta(days=1)


def _next_day_named(anchor: Range, month: int, day: int) -> Range | None:
    """« Le 4 août suivant »: the first such day after the anchor."""
    for year in (anchor[1].year, anchor[1].year + 1):
        if day <= _last_day(year, month) and date(year, month, day) > anchor[1]:
            return date(year, month, day), date(year, month, day)
    return None


def _following_month(anchor: Range) -> Range:
    first = _add_months(anchor[1].replace(day=1), 1)
    return _month_range(first.year, first.month)


def _whole_year(year: int) -> Range:
    return date(year, 1, 1), date(year, 12, 31)


# What the phrases of every language resolve to, against the anchor (the previous date).
def _first_day(anchor: Range) -> Range:
    return anchor[0], anchor[0]


def _same_month(anchor: Range) -> Range:
    return _month_range(anchor[1].year, anchor[1].month)


def _following_year(anchor: Range) -> Range:
    return _whole_year(anchor[1].year + 1)


def _previous_year(anchor: Range) -> Range:
    return _whole_year(anchor[0].year - 1)


def _same_year(anchor: Range) -> Range:
    return _whole_year(anchor[0].year)


# --- Rules ------------------------------------------------------------------------------------

# Each rule: a pattern and a function from its match to a _Match (or None to refuse it).
Rule = tuple[re.Pattern, Callable[[re.Match], "_Match | None"]]


def _explicit_day(match: re.Match, months: dict[str, int]) -> _Match:
    month = months[match["month"].lower()]
    day = _day_number(match["day"])
    stated = int(match.groupdict()["year"]) if match.groupdict().get("year") else None

    def resolve(anchor, fallback):
        year = stated or _year_for(month, anchor, fallback)
        if year is None or day > _last_day(year, month):
            return None
        return date(year, month, day), date(year, month, day)

    return _Match(match.start(), match.end(), DAY, resolve)


def _day_span(match: re.Match, months: dict[str, int]) -> _Match | None:
    """« Les 5 et 6 octobre », "from 5 to 8 June 1944": consecutive days of one month."""
    month = months[match["month"].lower()]
    first = _day_number(match["day"])
    last = int(re.sub(r"\D", "", match["last"]))
    stated = int(match.groupdict()["year"]) if match.groupdict().get("year") else None
    if not first < last:
        return None

    def resolve(anchor, fallback):
        year = stated or _year_for(month, anchor, fallback)
        if year is None or last > _last_day(year, month):
            return None
        return date(year, month, first), date(year, month, last)

    return _Match(match.start(), match.end(), DAY, resolve)


def _day_number(word: str) -> int:
    """A day of the month in digits or as the first in letters (« le premier mai », "the
    first of May")."""
    return 1 if word.lower() in ("1er", "1st", "premier", "first") else int(re.sub(r"\D", "", word))


def _span_years(
    first: tuple[int, int],
    last: tuple[int, int],
    years: tuple[int | None, int | None],
    anchor: Range | None,
    fallback: int | None,
) -> tuple[int, int] | None:
    """The years of a span's two ends, (month, day) each: those written, else the one written
    for the other end (« entre novembre et mars 1941 » starts in 1940), else the anchor's."""
    first_year, last_year = years
    if first_year is None and last_year is not None:
        first_year = last_year if first <= last else last_year - 1
    if first_year is None:
        first_year = _year_for(first[0], anchor, fallback)
        if first_year is None:
            return None
    if last_year is None:
        last_year = first_year if last >= first else first_year + 1
    return first_year, last_year


def _introduced(match: re.Match) -> bool:
    """A span joined by a word (« et », "to") must open with its own word (« entre », « du »,
    "from", "between"): « le 21 février et le 18 décembre » alone is two dates, two events.
    Two months after « en » / "in" read as one stretch: « en mai et juin 1940 »."""
    groups = match.groupdict()
    return bool(groups.get("intro") or groups.get("dash") or (groups.get("in") and groups["and"]))


def _dates_span(match: re.Match, months: dict[str, int]) -> _Match | None:
    """« Entre le 21 février et le 18 décembre 1916 », "from May 21 to June 3, 1940": one
    event over the days from the first to the last, both included."""
    if not _introduced(match):
        return None
    first = (months[match["month"].lower()], _day_number(match["day"]))
    last = (months[match["last_month"].lower()], _day_number(match["last"]))
    groups = match.groupdict()
    stated = tuple(
        int(groups[name]) if groups.get(name) else None for name in ("first_year", "year")
    )

    def resolve(anchor, fallback):
        years = _span_years(first, last, stated, anchor, fallback)
        if years is None:
            return None
        if first[1] > _last_day(years[0], first[0]) or last[1] > _last_day(years[1], last[0]):
            return None
        start, end = date(years[0], *first), date(years[1], *last)
        return (start, end) if start < end else None

    return _Match(match.start(), match.end(), DAY, resolve)


def _months_span(match: re.Match, months: dict[str, int]) -> _Match | None:
    """« En mai-juin 1940 », "From May to September 1940": whole months, first to last."""
    if not _introduced(match):
        return None
    first, last = months[match["month"].lower()], months[match["last_month"].lower()]
    groups = match.groupdict()
    stated = tuple(
        int(groups[name]) if groups.get(name) else None for name in ("first_year", "year")
    )
    if first == last:
        return None

    def resolve(anchor, fallback):
        years = _span_years((first, 1), (last, 1), stated, anchor, fallback)
        if years is None or (years[1], last) <= (years[0], first):
            return None
        return _month_range(years[0], first)[0], _month_range(years[1], last)[1]

    return _Match(match.start(), match.end(), MONTH, resolve)


# A span of years dates an event when it opens its clause (« De 1954 à 1962, la guerre… »,
# "Between 1950 and 1953, Korea…") or follows a verb of lasting (« la guerre dure de 1954 à
# 1962 », "the war lasted from 1950 to 1953"); elsewhere it is a period, a backdrop
# (« la guerre de 1914 à 1918 a tué… », "(1735–1826)").
_CLAUSE_HEAD = re.compile(
    r"(?:\n|[.!?;:…]|[.!?;:…]\s*[»”\")]|\b(?:et|mais|puis|and|but|then)\s*,?)"
    r"[\s\u00a0\u202f«“\"—–-]*\Z",
    re.IGNORECASE,
)
_LASTING_VERB = re.compile(
    r"\b(?:dur(?:e|ent|a|èrent|era|eront|ait|aient|é|er|ant)|"
    r"s['’](?:étend|étendent|étendit|étendait|étendra|étale|étalent|étala)|"
    r"se\s+(?:prolonge|prolongent|prolongea|poursuit|poursuivit|déroule|déroulent|déroula)|"
    r"(?:fait|font|fit|firent|faisait|faisaient)\s+rage|"
    r"last(?:s|ed|ing)?|ran|runs|raged|rages|continued|stretched|extended|spanned)"
    r"[\s\u00a0\u202f]+\Z",
    re.IGNORECASE,
)


def _years_span_match(match: re.Match) -> _Match | None:
    span = _years_span(match)
    if span is None:
        return None
    before = match.string[max(0, match.start() - 60) : match.start()]
    if match.start() <= 60:
        before = "\n" + before  # the text's own start opens a clause
    groups = match.groupdict()
    event = bool(groups.get("intro") or groups.get("intro2")) and bool(
        _CLAUSE_HEAD.search(before) or _LASTING_VERB.search(before)
    )
    return _Match(match.start(), match.end(), YEAR, lambda a, f: span, background=not event)


def _holiday(match: re.Match, holidays: dict[str, tuple[int, int]]) -> _Match:
    """Christmas Eve, « le jour de Noël »: a fixed day in the year of the anchor."""
    key = next(name for name in holidays if name in match.group(0).lower())
    month, day = holidays[key]
    stated = int(match.groupdict()["year"]) if match.groupdict().get("year") else None

    def resolve(anchor, fallback):
        year = stated or _year_for(month, anchor, fallback)
        return None if year is None else (date(year, month, day), date(year, month, day))

    return _Match(match.start(), match.end(), DAY, resolve)


# Holidays of fixed date, longest name first; the same names are read in factcheck.
FR_HOLIDAYS = {"veille de noël": (12, 24), "jour de noël": (12, 25), "noël": (12, 25)}
FR_HOLIDAYS.update({"jour de l'an": (1, 1), "jour de l’an": (1, 1)})
EN_HOLIDAYS = {"christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25)}
EN_HOLIDAYS.update({"new year's eve": (12, 31), "new year’s eve": (12, 31)})
EN_HOLIDAYS.update({"new year's day": (1, 1), "new year’s day": (1, 1)})


def _week_of_month(match: re.Match, months: dict[str, int]) -> _Match:
    """« La première semaine d'août 1914 », "the second week of May 1940": days 1–7, 8–14,
    15–21, 22–28 of the month, the last week its last seven days (`factcheck.week_range`)."""
    month = months[match["month"].lower()]
    week = WEEK_ORDINALS[match["week"].lower()]
    stated = int(match.groupdict()["year"]) if match.groupdict().get("year") else None

    def resolve(anchor, fallback):
        year = stated or _year_for(month, anchor, fallback)
        return None if year is None else week_range(year, month, week)

    return _Match(match.start(), match.end(), MONTH, resolve)


def _explicit_month(match: re.Match, months: dict[str, int]) -> _Match:
    month = months[match["month"].lower()]
    stated = int(match.groupdict()["year"]) if match.groupdict().get("year") else None
    part = match.groupdict().get("part")

    def resolve(anchor, fallback):
        year = stated or _year_for(month, anchor, fallback)
        if year is None:
            return None
        return _part_of_month(year, month, part) if part else _month_range(year, month)

    return _Match(match.start(), match.end(), MONTH, resolve)


def _explicit_season(match: re.Match, seasons: dict[str, str]) -> _Match | None:
    """« L'été 1962 », « À la fin de l'hiver 1942 », "In the winter of 1947-48" (the winter
    that begins in December of the first year; a second year must be the next one)."""
    groups = match.groupdict()
    season = seasons[match["season"].lower()]
    stated = int(groups["year"]) if groups.get("year") else None
    if groups.get("next"):
        following = int(groups["next"])
        if season != "winter" or following not in (stated + 1, (stated + 1) % 100):
            return None
    part = groups.get("part")

    def resolve(anchor, fallback):
        year = stated or _season_year(season, anchor, fallback)
        return None if year is None else _part_of_season(_season_range(year, season), part)

    return _Match(match.start(), match.end(), SEASON, resolve)


def _explicit_year(match: re.Match) -> _Match:
    year = int(match["year"])
    part = match.groupdict().get("part")
    span = _part_of_year(year, part) if part else _whole_year(year)
    return _Match(match.start(), match.end(), YEAR, lambda anchor, fallback: span)


def _season_of_relative_year(anchor: Range, match: re.Match) -> Range:
    """ "The spring of the following year", « l'été de cette année-là »: the season that
    begins in the anchor's year, the next or the previous one."""
    which = match["which"].lower()
    shift = 1 if re.search("follow|next|suivante|après", which) else 0
    shift = -1 if re.search("previous|précédente", which) else shift
    season = {**FR_SEASONS, **EN_SEASONS}[match["season"].lower()]
    span = _season_range(anchor[0].year + shift, season)
    return _part_of_season(span, match.groupdict().get("part"))


def _part_of_anchor_year(anchor: Range, match: re.Match) -> Range:
    """ "By the end of the year", « au début de l'année suivante »: a third of the anchor's
    year (or of the next one), as for an explicit year."""
    groups = match.groupdict()
    part = groups.get("part") or groups.get("part2") or ""
    which = (groups.get("which") or groups.get("which2") or "").lower()
    shift = 1 if re.search("follow|next|suivante|après", which) else 0
    shift = -1 if "précédente" in which else shift
    return _part_of_year(anchor[0].year + shift, part)


def _shift_back(anchor: Range, count: int | None, unit: str) -> Range:
    """The anchor's range moved `count` units earlier (« dix jours plus tôt », "a week
    earlier"); a vague count gives a span of them, as for later."""
    later = _shift(anchor, count, unit)
    return anchor[0] - (later[1] - anchor[1]), anchor[1] - (later[0] - anchor[0])


def _bare_day(anchor: Range, match: re.Match) -> Range | None:
    """ "On the 28th", « Le 25, »: that day of the anchor's month, or of the next month when
    it falls before the anchor (a narrative runs forward)."""
    day = _day_number(match.groupdict().get("day") or match["day2"])
    first = anchor[0].replace(day=1)
    if day < anchor[0].day:
        first = _add_months(first, 1)
    if day > _last_day(first.year, first.month):
        return None
    return first.replace(day=day), first.replace(day=day)


def _month_shift(which: str | None) -> int:
    which = (which or "").lower()
    if re.search("follow|next|suivant|après", which):
        return 1
    return -1 if re.search("previous|précédent", which) else 0


def _part_of_anchor_month(anchor: Range, match: re.Match) -> Range:
    """ "At the end of the month", « au début du mois suivant »: a part of the anchor's month
    (or of the next one), as for a named month."""
    groups = match.groupdict()
    first = _add_months(
        anchor[1].replace(day=1), _month_shift(groups.get("which") or groups.get("which2"))
    )
    return _part_of_month(first.year, first.month, groups.get("part") or groups.get("part2"))


def _day_of_anchor_month(anchor: Range, match: re.Match) -> Range | None:
    """« Le 10 du même mois », "on the 12th of the following month"."""
    first = _add_months(anchor[1].replace(day=1), _month_shift(match["which"]))
    day = _day_number(match["day"])
    if day > _last_day(first.year, first.month):
        return None
    return first.replace(day=day), first.replace(day=day)


def _month_of_anchor_year(anchor: Range, match: re.Match) -> Range:
    """« En juillet de la même année », "in July of the following year", "late in May of that
    year": a named month of the anchor's year (or of the next or the previous one)."""
    which = match["which"].lower()
    shift = 1 if re.search("follow|next|suivante|après", which) else 0
    shift = -1 if re.search("previous|précédente", which) else shift
    year = anchor[0].year + shift
    month = {**FR_MONTHS, **EN_MONTHS}[match["month"].lower()]
    part = match.groupdict().get("part")
    return _part_of_month(year, month, part) if part else _month_range(year, month)


def _following_named_day(anchor: Range, match: re.Match) -> Range | None:
    """ "The following 4 August", "the following July 4"."""
    month = EN_MONTHS[(match["month"] or match["month_first"]).lower()]
    return _next_day_named(anchor, month, _day_number(match["day"] or match["day_after"]))


def _relative(resolve: Callable[[Range], Range | None]) -> Callable[[re.Match], _Match]:
    """A rule for a phrase that needs an anchor: it is dropped when none precedes it."""

    def build(match: re.Match) -> _Match:
        def resolve_from(anchor, fallback):
            return resolve(anchor) if anchor is not None else None

        return _Match(match.start(), match.end(), RELATIVE, resolve_from, relative=True)

    return build


def _relative_with(
    resolve: Callable[[Range, re.Match], Range | None],
) -> Callable[[re.Match], _Match]:
    def build(match: re.Match) -> _Match:
        return _relative(lambda anchor: resolve(anchor, match))(match)

    return build


def _background(precision: str, span: Callable[[re.Match], Range]) -> Callable:
    def build(match: re.Match) -> _Match:
        found = span(match)
        return _Match(match.start(), match.end(), precision, lambda a, f: found, background=True)

    return build


def _roman(numeral: str) -> int:
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    total = 0
    for char, following in zip(numeral, [*numeral[1:], ""], strict=True):
        value = values[char]
        total += -value if following and values[following] > value else value
    return total


def _century(match: re.Match) -> Range:
    number = match["number"]
    century = _roman(number.upper()) if number.isalpha() else int(number)
    return date(100 * (century - 1) + 1, 1, 1), date(100 * century, 12, 31)


def _years_span(match: re.Match) -> Range | None:
    groups = match.groupdict()
    first, last_text = (
        int(groups.get("year") or groups["year2"]),
        groups.get("last") or groups["last2"],
    )
    last = int(last_text)
    if len(last_text) == 2:  # « 1914-18 », "1950–53": as the fact checker reads them
        last = short_end_year(first, last)
        if last is None:
            return None
    return date(first, 1, 1), date(last, 12, 31)


def _decade(match: re.Match) -> Range:
    start = int(match["decade"])
    return date(start, 1, 1), date(start + 9, 12, 31)


def _capitalised(name: str) -> str:
    """ "new year's day" -> "New Year's Day" (str.title gives "Year'S")."""
    return " ".join(word.capitalize() for word in name.split(" "))


def _compile(pattern: str, flags: int = 0) -> re.Pattern:
    return re.compile(pattern, flags)


_I = re.IGNORECASE


def _french_rules() -> list[Rule]:
    months, seasons = FR_MONTHS, FR_SEASONS
    lead = rf"(?:{_FR_LEAD})?"
    day = r"(?P<day>1er|premier|[12]?\d|3[01])"
    weekday = rf"(?:{_FR_WEEKDAY}{_S})?"
    in_month = rf"(?:[Ee]n{_S}|[Aa]u{_S}mois{_S}d(?:e{_S}|{_A})|[Dd]ès{_S}|[Cc]ourant{_S})"
    season_lead = (
        rf"(?:[Aa]u{_S}|[Ee]n{_S}|[Cc]et{_S}|[Cc]e{_S}|"
        rf"(?:(?:[Àà]|[Dd]urant|[Pp]endant|[Dd]ès|[Jj]usqu{_A}à|[Aa]u{_S}cours{_S}de|[Ll]ors{_S}de|"
        rf"[Tt]out{_S}au{_S}long{_S}de){_S})?[Ll]{_A}|(?:[Dd]urant|[Pp]endant|[Dd]ès){_S}le{_S}|"
        rf"(?:[Aa]u{_S}cours|[Ll]ors|[Jj]usqu{_A}au|[Tt]out{_S}au{_S}long){_S}du{_S})"
    )
    bare_season_lead = (
        rf"(?:{_FR_SEASON_PART}|{season_lead.replace(rf'[Cc]et{_S}|[Cc]e{_S}|', '')})"
    )
    season_lead = rf"(?:{_FR_SEASON_PART}|{season_lead})"
    year_lead = (
        rf"(?:[Ee]n{_S}(?:l{_A}an(?:née)?{_S})?|[Dd]ès{_S}|[Dd]epuis{_S}|[Vv]ers{_S}|"
        rf"[Aa]u{_S}cours{_S}de{_S}l{_A}année{_S}|[Àà]{_S}partir{_S}de{_S}|"
        rf"(?:(?:[Dd]ès|[Dd]urant|[Pp]endant){_S})?[Ll]{_A}année{_S})"  # « L'année 1960 est celle… »
    )
    count_later = rf"(?:{_FR_COUNT}){_S}{_FR_UNIT}{_S}(?:plus{_S}tard|après)"
    return [
        # A winter over two years before the span of years it holds (« l'hiver 1941-1942 »).
        (
            _compile(rf"{season_lead}?(?P<season>hiver){_S}(?:de{_S})?{_TWO_YEARS}", _I),
            lambda m: _explicit_season(m, seasons),
        ),
        # Spans of years (« de 1939 à 1945 »): an event when they open their clause or follow
        # a verb of lasting, otherwise a period, the setting of events (`_years_span_match`).
        # Backdrops come first: they win over the plain year inside them.
        (
            _compile(
                rf"(?:(?P<intro>[Dd]e|[Ee]ntre){_S})?{_YEAR}(?:{_S})?"
                rf"(?:à|et|-|–|jusqu{_A}en)(?:{_S})?(?P<last>1\d{{3}}|20\d{{2}})\b|"
                # « En 1914-1918, … », « 1914-18 »: a dash, the second year maybe in two digits.
                rf"(?:(?P<intro2>[Ee]n){_S})?{_YEAR.replace('?P<year>', '?P<year2>')}"
                rf"(?:{_S})?[-–](?:{_S})?(?P<last2>1\d{{3}}|20\d{{2}}|\d{{2}})(?!\d)"
            ),
            _years_span_match,
        ),
        (
            _compile(
                rf"(?:[Aa]u|[Dd]u|[Ll]e){_S}(?P<number>[IVXL]+|\d{{1,2}})(?:e|ème|è){_S}siècle"
            ),
            _background(YEAR, _century),
        ),
        (
            _compile(rf"(?:[Dd]ans{_S})?(?:les|des){_S}années{_S}(?P<decade>1\d\d0|20\d0)"),
            _background(YEAR, _decade),
        ),
        (
            _compile(
                rf"{season_lead}?{_FR_SEASON}{_S}de{_S}(?P<which>cette{_S}année-là|"
                rf"la{_S}même{_S}année|l{_A}année{_S}(?:suivante|d{_A}après|précédente))",
                _I,
            ),
            _relative_with(_season_of_relative_year),
        ),
        # Parts of a year named by the anchor: « à la fin de l'année », « au début de l'année
        # suivante », « en fin d'année » (not « au début de l'année 1898 », an explicit year).
        (
            _compile(
                rf"(?P<part>(?:(?:[Àà]|[Vv]ers|[Dd]ès|[Jj]usqu{_A}à){_S}la{_S}fin|"
                rf"(?:[Aa]u|[Dd]ès{_S}le|[Vv]ers{_S}le){_S}(?:début|milieu)|"
                rf"[Ee]n{_S}(?:fin|début|milieu)){_S}d(?:e{_S}l{_A}|{_A})année)"
                rf"(?:{_S}(?P<which>suivante|d{_A}après|précédente))?(?!{_S}\d)",
            ),
            _relative_with(_part_of_anchor_year),
        ),
        # Parts of the anchor's month: « à la fin du mois », « au début du mois suivant » (not
        # « à la fin du mois de mai », a named month).
        (
            _compile(
                rf"(?P<part>(?:(?:[Àà]|[Vv]ers|[Dd]ès|[Jj]usqu{_A}à){_S}la{_S}|[Ee]n{_S})?[Ff]in|"
                rf"(?:(?:[Aa]u|[Dd]ès{_S}le|[Vv]ers{_S}le){_S}|[Ee]n{_S})?(?:[Dd]ébut|[Mm]ilieu))"
                rf"{_S}d(?:u|e{_S}ce){_S}mois(?:-là)?"
                rf"(?:{_S}(?P<which>suivant|d{_A}après|précédent))?(?!{_S}(?:de\b|d{_A}|\d))",
            ),
            _relative_with(_part_of_anchor_month),
        ),
        # A day of the anchor's month: « le 10 du même mois », « le 3 du mois suivant ».
        (
            _compile(
                rf"{lead}{day}{_S}du{_S}(?P<which>même{_S}mois|mois{_S}(?:suivant|d{_A}après))",
                _I,
            ),
            _relative_with(_day_of_anchor_month),
        ),
        # A named month of the anchor's year: « en juillet de la même année », « fin mars de
        # l'année suivante ».
        (
            _compile(
                rf"(?:{_FR_PART}|{in_month})?{_FR_MONTH}{_S}de{_S}(?P<which>la{_S}même{_S}année|"
                rf"cette{_S}année-là|l{_A}année{_S}(?:suivante|d{_A}après|précédente))",
                _I,
            ),
            _relative_with(_month_of_anchor_year),
        ),
        # « Dix jours plus tôt », « une semaine auparavant »: before the anchor.
        (
            _compile(rf"{_FR_COUNT}{_S}{_FR_UNIT}{_S}(?:plus{_S}tôt|auparavant)", _I),
            _relative_with(lambda a, m: _shift_back(a, _count(m["count"], FR_NUMBERS), m["unit"])),
        ),
        # « Le 25, … »: a day of the anchor's month, alone before a comma.
        (
            _compile(
                rf"\b[Ll]e{_S}(?P<day>1er|[12]?\d|3[01])"
                rf"(?=[\s\u00a0\u202f]*,|{_S}au{_S}(?:soir|matin)\b)"  # « Le 30 au soir, »
            ),
            _relative_with(_bare_day),
        ),
        # « Au bout de trois jours »: as « trois jours plus tard ».
        (
            _compile(rf"[Aa]u{_S}bout{_S}d(?:e{_S}|{_A}){_FR_COUNT}{_S}{_FR_UNIT}", _I),
            _relative_with(lambda a, m: _shift(a, _count(m["count"], FR_NUMBERS), m["unit"])),
        ),
        # Relative phrases.
        (
            _compile(rf"{count_later}", _I),
            _relative_with(lambda a, m: _shift(a, _count(m["count"], FR_NUMBERS), m["unit"])),
        ),
        (
            _compile(rf"le{_S}lendemain(?:{_S}(?:matin|soir|midi|après-midi)\b)?", _I),
            _relative(lambda a: _shift(a, 1, "jours")),
        ),
        (
            _compile(rf"le{_S}premier{_S}jour", _I),
            _relative(_first_day),
        ),
        (
            _compile(rf"(?:{_FR_COUNT}|des){_S}heures{_S}(?:plus{_S}tard|après)", _I),
            _relative(_hours_later),
        ),
        # Parts of the same day: « Le soir même », « Dans la soirée », « Tard dans la nuit »,
        # « En fin de journée » (not « Dans la nuit du 4 août », which names its day).
        (
            _compile(
                rf"(?:le{_S}(?:soir|matin){_S}même|le{_S}même{_S}(?:soir|matin)|"
                rf"(?:ce{_S}(?:soir|matin)|cette{_S}(?:nuit|matinée|soirée)|cet{_S}après-midi)-là|"
                rf"(?:(?:plus{_S})?(?:tôt|tard){_S})?(?:dans|au{_S}cours{_S}de){_S}"
                rf"(?:la{_S}(?:matinée|soirée|nuit|journée)|l{_A}après-midi)|"
                rf"en{_S}(?:fin|début){_S}(?:de{_S}(?:matinée|soirée|journée|nuit)|d{_A}après-midi))"
                rf"(?!{_S}(?:du|de|d{_A}|suivante?|précédente?)\b)",
                _I,
            ),
            _relative(lambda a: a),
        ),
        (
            # « Le soir, … » opening a sentence (not « du matin au soir, »).
            _compile(rf"(?:Le|Au){_S}(?:soir|matin)(?=[\s\u00a0\u202f]*,)"),
            _relative(lambda a: a),
        ),
        (
            _compile(rf"(?:le|au){_S}(?:même{_S}mois|mois{_S}même)|ce{_S}mois-là", _I),
            _relative(_same_month),
        ),
        (_compile(rf"le{_S}surlendemain", _I), _relative(lambda a: _shift(a, 2, "jours"))),
        (_compile(rf"la{_S}veille", _I), _relative(lambda a: _shift(a, -1, "jours"))),
        (
            _compile(
                rf"plus{_S}tard{_S}(?:dans{_S}(?:la{_S}(?:journée|soirée|nuit|matinée)|"
                rf"l{_A}après-midi)|ce{_S}jour-là)|"
                rf"le{_S}(?:même{_S}jour|jour{_S}même)|ce{_S}jour-là",
                _I,
            ),
            _relative(lambda a: a),
        ),
        (
            _compile(rf"plus{_S}tard{_S}(?:dans{_S}le|ce){_S}mois(?:-là)?", _I),
            _relative(_rest_of_month),
        ),
        (
            _compile(rf"plus{_S}tard{_S}(?:dans{_S}la|cette){_S}semaine(?:-là)?", _I),
            _relative(_later_that_week),
        ),
        (_compile(rf"plus{_S}tard{_S}dans{_S}l{_A}année", _I), _relative(_rest_of_year)),
        (
            _compile(rf"(?:le|au){_S}mois{_S}(?:suivant|d{_A}après)", _I),
            _relative(_following_month),
        ),
        (
            _compile(rf"la{_S}semaine{_S}(?:suivante|d{_A}après)", _I),
            _relative(_next_week),
        ),
        (
            _compile(rf"(?:l{_A}année|l{_A}an){_S}(?:suivante?|d{_A}après)", _I),
            _relative(_following_year),
        ),
        (
            _compile(rf"l{_A}(?:année|an){_S}(?:précédente?|d{_A}avant)", _I),
            _relative(_previous_year),
        ),
        (
            _compile(rf"(?:cette{_S}année-là|(?:la|cette){_S}même{_S}année)", _I),
            _relative(_same_year),
        ),
        (
            _compile(rf"(?:(?:au{_S}mois{_S}d(?:e{_S}|{_A})|en{_S})){_FR_MONTH}{_S}suivant", _I),
            _relative_with(lambda a, m: _next_month_named(a, FR_MONTHS[m["month"].lower()])),
        ),
        (
            _compile(rf"{season_lead}?{_FR_SEASON}{_S}suivant", _I),
            _relative_with(lambda a, m: _next_season(a, FR_SEASONS[m["season"].lower()])),
        ),
        (
            _compile(rf"{_FR_SEASON_PART}?(?:cet|ce){_S}{_FR_SEASON}-là", _I),
            _relative_with(
                lambda a, m: _part_of_season(
                    _same_season(a, FR_SEASONS[m["season"].lower()]), m["part"]
                )
            ),
        ),
        (
            _compile(rf"{lead}{day}{_S}{_FR_MONTH}{_S}suivant\b", _I),
            _relative_with(
                lambda a, m: _next_day_named(
                    a, FR_MONTHS[m["month"].lower()], _day_number(m["day"])
                )
            ),
        ),
        # Explicit dates. Spans first: « Entre le 21 février et le 18 décembre 1916 », « En
        # mai-juin 1940 », « de novembre 1942 à mars 1943 ».
        (
            _compile(
                rf"(?:(?P<intro>[Ee]ntre|[Dd]u|[Dd]epuis{_S}le){_S}(?:le{_S})?)?{day}{_S}{_FR_MONTH}"
                rf"(?:{_S}{_FIRST_YEAR})?(?:{_S}(?:et|au|jusqu{_A}au){_S}|(?:{_S})?(?P<dash>[-–])(?:{_S})?)"
                rf"(?:le{_S})?(?P<last>1er|premier|[12]?\d|3[01]){_S}{_FR_LAST_MONTH}"
                rf"(?:{_S}{_YEAR_AFTER_MONTH})?\b",
                _I,
            ),
            lambda m: _dates_span(m, months),
        ),
        (
            _compile(
                rf"(?:(?P<intro>[Dd]e{_S}|[Dd]{_A}|[Ee]ntre{_S})|(?P<in>[Ee]n{_S}))?{_FR_MONTH}"
                rf"(?:{_S}{_FIRST_YEAR})?(?:{_S}(?:à|(?P<and>et)|jusqu{_A}en){_S}|"
                rf"(?:{_S})?(?P<dash>[-–])(?:{_S})?)"
                rf"{_FR_LAST_MONTH}(?:{_S}{_YEAR_AFTER_MONTH})?\b",
                _I,
            ),
            lambda m: _months_span(m, months),
        ),
        # « Entre le 10 et le 15 mai 1958 »: the days between, both included (« le 10 et le 15
        # mai » without « entre » are two days).
        (
            _compile(
                rf"[Ee]ntre{_S}le{_S}{day}{_S}et{_S}(?:le{_S})?(?P<last>[12]?\d|3[01])"
                rf"{_S}{_FR_MONTH}(?:{_S}{_YEAR_AFTER_MONTH})?\b",
                _I,
            ),
            lambda m: _day_span(m, months),
        ),
        (
            _compile(
                rf"{lead}(?:[Ll]es{_S}|[Dd]u{_S})?{day}(?:{_S})?(?:et|au|-|–)(?:{_S})?(?P<last>[12]?\d|3[01])"
                rf"{_S}{_FR_MONTH}(?:{_S}{_YEAR_AFTER_MONTH})?\b",
                _I,
            ),
            lambda m: _day_span(m, months),
        ),
        (
            _compile(
                rf"(?:(?:[Dd]ans|[Pp]endant|[Dd]urant|[Dd]ès|[Aa]u{_S}cours{_S}de|[Ll]ors{_S}de)"
                rf"{_S})?[Ll]a{_S}(?P<week>{_alternatives(WEEK_ORDINALS)}){_S}semaine{_S}"
                rf"(?:du{_S}mois{_S})?d(?:e{_S}|{_A}){_FR_MONTH}(?:{_S}{_YEAR_AFTER_MONTH})?\b",
                _I,
            ),
            lambda m: _week_of_month(m, months),
        ),
        (
            _compile(
                rf"(?:[Àà]{_S}|[Ll]e{_S}|[Ll]a{_S})?(?:{_alternatives(FR_HOLIDAYS)})"
                rf"(?:{_S}{_YEAR})?",
                _I,
            ),
            lambda m: _holiday(m, FR_HOLIDAYS),
        ),
        (
            _compile(rf"{lead}{weekday}{day}{_S}{_FR_MONTH}(?:{_S}{_YEAR_AFTER_MONTH})?\b", _I),
            lambda m: _explicit_day(m, months),
        ),
        (
            _compile(rf"{_FR_PART}{_FR_MONTH}(?:{_S}{_YEAR_AFTER_MONTH})?\b", _I),
            lambda m: _explicit_month(m, months),
        ),
        (
            _compile(
                rf"(?:{in_month})?{_FR_MONTH}{_S}(?:de{_S}l{_A}année{_S})?{_YEAR_AFTER_MONTH}\b", _I
            ),
            lambda m: _explicit_month(m, months),
        ),
        (
            _compile(rf"{in_month}{_FR_MONTH}\b", _I),
            lambda m: _explicit_month(m, months),
        ),
        (
            _compile(rf"{season_lead}?{_FR_SEASON}{_S}(?:de{_S}(?:l{_A}année{_S})?)?{_YEAR}", _I),
            lambda m: _explicit_season(m, seasons),
        ),
        # A year-less season needs the words before it (« a été » is not summer).
        (
            _compile(rf"{bare_season_lead}(?P<season>printemps|été|automne|hiver)\b"),
            lambda m: _explicit_season(m, seasons),
        ),
        # « En l'an 800 », « Vers l'an 1000 », « L'an 800 » opening a sentence: a year below
        # 1000 needs these words (not « l'an 52 av. J.-C. », before Christ, nor « le bug de
        # l'an 2000 », a year completing a noun).
        (
            _compile(
                rf"(?:(?:[Ee]n|[Vv]ers|[Dd]ès|[Dd]epuis|[Jj]usqu{_A}en){_S}l|L){_A}an{_S}"
                rf"(?P<year>[1-9]\d{{0,2}}|1\d{{3}}|20\d{{2}})(?![\d/])(?!{_S}av)"
            ),
            _explicit_year,
        ),
        (
            _compile(rf"{_FR_PART}{_YEAR}", _I),
            _explicit_year,
        ),
        (
            _compile(rf"(?:{year_lead})?{_YEAR}", _I),
            _explicit_year,
        ),
    ]


def _english_rules() -> list[Rule]:
    months, seasons = EN_MONTHS, EN_SEASONS
    lead = rf"(?:{_EN_LEAD})?"
    # "the first of May" (not "the first May Day", an ordinal of the feast).
    day = rf"(?P<day>1st|2nd|3rd|(?:[12]?\d|3[01])(?:st|nd|rd|th)?|[Ff]irst(?={_S}of{_S}))"
    weekday = rf"(?:{_EN_WEEKDAY},?{_S})?"
    in_month = rf"(?:[Ii]n{_S}|[Dd]uring{_S}|[Ss]ince{_S}|[Bb]y{_S})"
    season_lead = (
        rf"(?:{_EN_SEASON_PART}|(?:(?:[Ii]n|[Dd]uring|[Bb]y|[Ss]ince|[Uu]ntil|[Tt]hrough(?:out)?)"
        rf"{_S})?(?:the{_S})?)"
    )
    count_later = rf"(?:{_EN_COUNT}){_S}{_EN_UNIT}{_S}(?:later|after(?:wards?)?)"
    return [
        (
            _compile(rf"{season_lead}(?P<season>[Ww]inter){_S}(?:of{_S})?{_TWO_YEARS}"),
            lambda m: _explicit_season(m, seasons),
        ),
        (
            _compile(
                rf"(?:(?P<intro>[Ff]rom|[Bb]etween){_S})?{_YEAR}(?:{_S})?"
                rf"(?:to|and|until|till|through|-|–)(?:{_S})?(?P<last>1\d{{3}}|20\d{{2}})\b|"
                # "In 1950–53, …", "1914-18": a dash, the second year maybe in two digits.
                rf"(?:(?P<intro2>[Ii]n){_S})?{_YEAR.replace('?P<year>', '?P<year2>')}"
                rf"(?:{_S})?[-–](?:{_S})?(?P<last2>1\d{{3}}|20\d{{2}}|\d{{2}})(?!\d)"
            ),
            _years_span_match,
        ),
        (
            _compile(
                rf"(?:(?:in|during){_S})?the{_S}(?P<number>\d{{1,2}})(?:st|nd|rd|th){_S}century", _I
            ),
            _background(YEAR, _century),
        ),
        (
            _compile(
                rf"(?:(?:in|during){_S})?the{_S}(?:early{_S}|late{_S}|mid-?)?(?P<decade>1\d\d0|20\d0)['’]?s",
                _I,
            ),
            _background(YEAR, _decade),
        ),
        (
            _compile(
                rf"(?:{_EN_SEASON_PART}|(?:(?:in|by|during){_S})?the{_S}){_EN_SEASON}{_S}of{_S}"
                rf"(?P<which>that|the{_S}same|the{_S}following|the{_S}next|the{_S}previous)"
                rf"{_S}year",
                _I,
            ),
            _relative_with(_season_of_relative_year),
        ),
        # Parts of a year named by the anchor: "by the end of the year", "early that year",
        # "at the beginning of the following year" (not "the end of 1876", an explicit year).
        (
            _compile(
                rf"(?:(?:[Aa]t|[Bb]y|[Tt]owards?|[Uu]ntil|[Tt]ill|[Bb]efore|[Ii]n){_S})?"
                rf"(?P<part>[Tt]he{_S}(?:end|beginning|start|middle){_S}of){_S}"
                rf"(?P<which>the|that|the{_S}same|the{_S}following|the{_S}next){_S}year\b|"
                rf"(?P<part2>[Ee]arly|[Ll]ate){_S}(?:in{_S})?"
                rf"(?P<which2>the|that|the{_S}same|the{_S}following|the{_S}next){_S}year\b"
            ),
            _relative_with(_part_of_anchor_year),
        ),
        # Parts of the anchor's month: "at the end of the month", "early the following month".
        (
            _compile(
                rf"(?:(?:[Aa]t|[Bb]y|[Tt]owards?|[Uu]ntil|[Tt]ill|[Bb]efore|[Ii]n){_S})?"
                rf"(?P<part>[Tt]he{_S}(?:end|beginning|start|middle){_S}of){_S}"
                rf"(?P<which>the|that|the{_S}same|the{_S}following|the{_S}next){_S}month\b|"
                rf"(?P<part2>[Ee]arly|[Ll]ate|[Mm]id)(?:{_S}in)?{_S}"
                rf"(?P<which2>the|that|the{_S}same|the{_S}following|the{_S}next){_S}month\b"
            ),
            _relative_with(_part_of_anchor_month),
        ),
        # A day of the anchor's month: "on the 10th of the same month".
        (
            _compile(
                rf"(?:[Oo]n{_S})?the{_S}{day}{_S}of{_S}"
                rf"(?P<which>that|the{_S}same|the{_S}following|the{_S}next){_S}month\b"
            ),
            _relative_with(_day_of_anchor_month),
        ),
        # A named month of the anchor's year: "in July of that year", "late in May of the
        # following year".
        (
            _compile(
                rf"(?:{_EN_PART}|{in_month})?{_EN_MONTH}{_S}of{_S}(?P<which>that|the{_S}same|"
                rf"the{_S}following|the{_S}next|the{_S}previous){_S}year\b"
            ),
            _relative_with(_month_of_anchor_year),
        ),
        # "That November", "in that same April": the named month of the narrative's year.
        (
            _compile(rf"(?:[Ii]n{_S})?[Tt]hat{_S}(?:same{_S})?{_EN_MONTH}\b"),
            _relative_with(
                lambda a, m: _month_range(
                    _year_for(EN_MONTHS[m["month"].lower()], a, None), EN_MONTHS[m["month"].lower()]
                )
            ),
        ),
        # "Ten days earlier", "a week before,": before the anchor.
        (
            _compile(
                rf"{_EN_COUNT}{_S}{_EN_UNIT}{_S}(?:earlier|before(?=[\s\u00a0\u202f]*[,.;]))",
                _I,
            ),
            _relative_with(lambda a, m: _shift_back(a, _count(m["count"], EN_NUMBERS), m["unit"])),
        ),
        # "On the 28th, …": a day of the anchor's month.
        (
            _compile(
                rf"(?:[Oo]n{_S}the{_S}(?P<day>[23]?1st|2?2nd|2?3rd|(?:[12]?\d|30)th)\b"
                rf"(?!{_S}(?:of|century|day|anniversary|time|birthday|floor|[A-Z]))|"
                rf"\bthe{_S}(?P<day2>[23]?1st|2?2nd|2?3rd|(?:[12]?\d|30)th)(?=[\s\u00a0\u202f]*[,.;]))"
            ),
            _relative_with(_bare_day),
        ),
        # "After three days, …": as "three days later" (not "after eight months of fighting",
        # how long something lasted).
        (
            _compile(rf"[Aa]fter{_S}{_EN_COUNT}{_S}{_EN_UNIT}(?!{_S}of\b)(?=[\s\u00a0\u202f]*,)"),
            _relative_with(lambda a, m: _shift(a, _count(m["count"], EN_NUMBERS), m["unit"])),
        ),
        # "The night before", "the evening before": the day before the anchor.
        (
            _compile(rf"the{_S}(?:night|evening){_S}before(?=[\s\u00a0\u202f]*[,.;])", _I),
            _relative(lambda a: _shift(a, -1, "days")),
        ),
        # "The week after": as "the following week".
        (
            _compile(rf"the{_S}week{_S}after\b", _I),
            _relative(_next_week),
        ),
        # "A fortnight later", "two fortnights after": fourteen days each.
        (
            _compile(
                rf"(?P<count>a|one|two|three){_S}fortnights?{_S}(?:later|after(?:wards?)?)", _I
            ),
            _relative_with(
                lambda a, m: _shift(
                    a, 14 * {"a": 1, "one": 1, "two": 2, "three": 3}[m["count"].lower()], "days"
                )
            ),
        ),
        (
            _compile(count_later, _I),
            _relative_with(lambda a, m: _shift(a, _count(m["count"], EN_NUMBERS), m["unit"])),
        ),
        (
            _compile(rf"the{_S}(?:next|following){_S}day|the{_S}day{_S}after", _I),
            _relative(lambda a: _shift(a, 1, "days")),
        ),
        (
            _compile(rf"the{_S}(?:next|following){_S}(?:morning|evening|night)", _I),
            _relative(lambda a: _shift(a, 1, "days")),
        ),
        (
            _compile(rf"(?:on{_S})?the{_S}first{_S}day", _I),
            _relative(_first_day),
        ),
        (
            _compile(rf"(?<![Ll]ater\s)(?:in{_S})?(?:that|the{_S}same){_S}month", _I),
            _relative(_same_month),
        ),
        (
            _compile(rf"the{_S}(?:day{_S}before|previous{_S}day|eve\b)(?!{_S}of)", _I),
            _relative(lambda a: _shift(a, -1, "days")),
        ),
        (
            _compile(
                rf"(?:later|early|late){_S}(?:that|the{_S}same|in{_S}the){_S}"
                rf"(?:day|morning|afternoon|evening|night)|"
                rf"(?:on{_S})?the{_S}same{_S}(?:day|morning|afternoon|evening|night)|"
                rf"that{_S}(?:same{_S})?(?:day|morning|afternoon|evening|night)",
                _I,
            ),
            _relative(lambda a: a),
        ),
        (
            # "In the evening, …" opening a sentence (not "in the evening of 4 June").
            _compile(
                rf"(?:In|During|(?:Early|Late|Later){_S}in){_S}the{_S}"
                rf"(?:morning|afternoon|evening|night)(?!{_S}of\b)"
            ),
            _relative(lambda a: a),
        ),
        (
            _compile(rf"(?:(?:{_EN_COUNT}|some|many){_S})?hours{_S}(?:later|after(?:wards?)?)", _I),
            _relative(_hours_later),
        ),
        (
            _compile(rf"later{_S}(?:that|in{_S}the|the{_S}same){_S}week", _I),
            _relative(_later_that_week),
        ),
        (
            _compile(rf"later{_S}(?:that|in{_S}the|the{_S}same){_S}month", _I),
            _relative(_rest_of_month),
        ),
        (
            _compile(rf"later{_S}(?:that|in{_S}the|the{_S}same){_S}year", _I),
            _relative(_rest_of_year),
        ),
        (
            _compile(rf"(?:in{_S})?the{_S}(?:following|next){_S}month", _I),
            _relative(_following_month),
        ),
        (
            _compile(rf"(?:in{_S})?the{_S}(?:following|next){_S}week", _I),
            _relative(_next_week),
        ),
        (
            _compile(rf"(?:in{_S})?the{_S}(?:following|next){_S}year", _I),
            _relative(_following_year),
        ),
        (
            _compile(rf"(?:in{_S})?the{_S}(?:previous|preceding){_S}year", _I),
            _relative(_previous_year),
        ),
        (
            _compile(rf"(?:in{_S})?(?:that|the{_S}same){_S}year", _I),
            _relative(_same_year),
        ),
        (
            _compile(
                rf"(?:on{_S})?the{_S}following{_S}(?:{day}{_S}(?:of{_S})?{_EN_MONTH}|"
                rf"{_EN_MONTH.replace('?P<month>', '?P<month_first>')}{_S}"
                rf"{day.replace('?P<day>', '?P<day_after>')})\b",
                _I,
            ),
            _relative_with(_following_named_day),
        ),
        (
            _compile(rf"(?:(?:in|by){_S})?the{_S}(?:following|next){_S}{_EN_MONTH}", _I),
            _relative_with(lambda a, m: _next_month_named(a, EN_MONTHS[m["month"].lower()])),
        ),
        (
            _compile(
                rf"(?:{_EN_SEASON_PART}|(?:(?:in|by|during){_S})?)the{_S}(?:following|next){_S}"
                rf"{_EN_SEASON}",
                _I,
            ),
            _relative_with(
                lambda a, m: _part_of_season(
                    _next_season(a, EN_SEASONS[m["season"].lower()]), m["part"]
                )
            ),
        ),
        (
            _compile(rf"(?:{_EN_SEASON_PART}|(?:(?:in|by|during){_S})?)that{_S}{_EN_SEASON}", _I),
            _relative_with(
                lambda a, m: _part_of_season(
                    _same_season(a, EN_SEASONS[m["season"].lower()]), m["part"]
                )
            ),
        ),
        # Explicit dates; month names are capitalised in English ("may" is a verb). Spans
        # first: "between 21 February and 18 December 1916", "From May to September 1940".
        (
            _compile(
                rf"(?:(?P<intro>[Ff]rom|[Bb]etween){_S}(?:the{_S})?)?{day}{_S}(?:of{_S})?{_EN_MONTH}"
                rf"(?:,?{_S}{_FIRST_YEAR})?(?:{_S}(?:to|and|until|till|through){_S}|"
                rf"(?:{_S})?(?P<dash>[-–])(?:{_S})?)(?:the{_S})?(?P<last>1st|2nd|3rd|(?:[12]?\d|3[01])"
                rf"(?:st|nd|rd|th)?){_S}(?:of{_S})?{_EN_LAST_MONTH}(?:,?{_S}{_YEAR_AFTER_MONTH})?\b"
            ),
            lambda m: _dates_span(m, months),
        ),
        (
            _compile(
                rf"(?:(?P<intro>[Ff]rom|[Bb]etween){_S})?{_EN_MONTH}{_S}{day}"
                rf"(?:,?{_S}{_FIRST_YEAR})?(?:{_S}(?:to|and|until|till|through){_S}|"
                rf"(?:{_S})?(?P<dash>[-–])(?:{_S})?){_EN_LAST_MONTH}{_S}(?P<last>1st|2nd|3rd|"
                rf"(?:[12]?\d|3[01])(?:st|nd|rd|th)?)(?:,?{_S}{_YEAR_AFTER_MONTH})?\b"
            ),
            lambda m: _dates_span(m, months),
        ),
        (
            _compile(
                rf"(?:(?P<intro>[Ff]rom|[Bb]etween){_S}|(?P<in>(?:[Ii]n|[Dd]uring){_S}))?{_EN_MONTH}"
                rf"(?:,?{_S}{_FIRST_YEAR})?(?:{_S}(?:to|(?P<and>and)|until|till|through){_S}|"
                rf"(?:{_S})?(?P<dash>[-–])(?:{_S})?){_EN_LAST_MONTH}(?:,?{_S}{_YEAR_AFTER_MONTH})?\b"
            ),
            lambda m: _months_span(m, months),
        ),
        (
            _compile(
                rf"(?:(?:[Oo]n|[Ff]rom|[Bb]etween){_S}(?:the{_S})?)?{day}(?:{_S})?(?:and|to|-|–)(?:{_S})?"
                rf"(?:the{_S})?(?P<last>(?:[12]?\d|3[01]))(?:st|nd|rd|th)?{_S}(?:of{_S})?"
                rf"{_EN_MONTH}(?:,?{_S}{_YEAR_AFTER_MONTH})?\b"
            ),
            lambda m: _day_span(m, months),
        ),
        (
            _compile(
                rf"(?:(?:[Oo]n|[Ff]rom|[Bb]etween){_S})?{_EN_MONTH}{_S}{day}(?:{_S})?(?:and|to|-|–)(?:{_S})?"
                rf"(?P<last>(?:[12]?\d|3[01]))(?:st|nd|rd|th)?(?:,?{_S}{_YEAR_AFTER_MONTH})?\b"
            ),
            lambda m: _day_span(m, months),
        ),
        (
            _compile(
                rf"(?:(?:[Ii]n|[Dd]uring|[Bb]y|[Oo]ver){_S})?[Tt]he{_S}"
                rf"(?P<week>(?i:first|second|third|fourth|last|1st|2nd|3rd|4th)){_S}week{_S}of{_S}"
                rf"{_EN_MONTH}(?:,?{_S}{_YEAR_AFTER_MONTH})?\b"
            ),
            lambda m: _week_of_month(m, months),
        ),
        (
            _compile(
                rf"(?:(?:[Oo]n|[Bb]y){_S})?(?:{_alternatives(_capitalised(h) for h in EN_HOLIDAYS)})"
                rf"(?:,?{_S}{_YEAR})?"
            ),
            lambda m: _holiday(m, EN_HOLIDAYS),
        ),
        (
            _compile(
                rf"{lead}{weekday}(?:the{_S})?{day}{_S}(?:of{_S})?{_EN_MONTH}(?:,?{_S}{_YEAR_AFTER_MONTH})?\b"
            ),
            lambda m: _explicit_day(m, months),
        ),
        (
            _compile(
                rf"{lead}{weekday}{_EN_MONTH}{_S}{day}(?![\d,]\d)(?:,?{_S}{_YEAR_AFTER_MONTH})?\b"
            ),
            lambda m: _explicit_day(m, months),
        ),
        (
            _compile(rf"{_EN_PART}{_EN_MONTH}(?:,?{_S}(?:of{_S})?{_YEAR_AFTER_MONTH})?\b"),
            lambda m: _explicit_month(m, months),
        ),
        (
            _compile(rf"(?:{in_month})?{_EN_MONTH},?{_S}(?:of{_S})?{_YEAR_AFTER_MONTH}\b"),
            lambda m: _explicit_month(m, months),
        ),
        (
            _compile(rf"{in_month}(?:early{_S}|late{_S}|mid-)?{_EN_MONTH}\b"),
            lambda m: _explicit_month(m, months),
        ),
        (
            _compile(rf"{season_lead}{_EN_SEASON}{_S}(?:of{_S})?{_YEAR}", _I),
            lambda m: _explicit_season(m, seasons),
        ),
        (
            _compile(
                rf"(?:{_EN_SEASON_PART}|(?:[Ii]n|[Dd]uring|[Bb]y|[Tt]hrough(?:out)?|[Oo]ver){_S}"
                rf"the{_S})(?P<season>spring|summer|autumn|winter)\b"
            ),
            lambda m: _explicit_season(m, seasons),
        ),
        # "In the year 800": a year below 1000 needs these words (not "the year 44 BC").
        (
            _compile(
                rf"(?:(?:[Ii]n|[Bb]y|[Ss]ince|[Aa]round|[Uu]ntil){_S})?[Tt]he{_S}year{_S}"
                rf"(?P<year>[1-9]\d{{0,2}})(?!\d)(?!{_S}(?:B\.?C|before))"
            ),
            _explicit_year,
        ),
        (_compile(rf"{_EN_PART}{_YEAR}", _I), _explicit_year),
        (
            _compile(
                rf"(?:(?:[Ii]n|[Dd]uring|[Ss]ince|[Bb]y){_S}(?:the{_S}year{_S})?|[Tt]he{_S}year{_S})?"
                rf"{_YEAR}"
            ),
            _explicit_year,
        ),
    ]


_RULES: dict[str, list[Rule]] = {}


def _rules(language: str) -> list[Rule]:
    if language not in _RULES:
        if language == FRENCH:
            _RULES[language] = _french_rules()
        elif language == ENGLISH:
            _RULES[language] = _english_rules()
        else:
            raise ValueError(f"unsupported language: {language!r}")
    return _RULES[language]


# --- Filters ----------------------------------------------------------------------------------

_BARE_YEAR_OK_AFTER = re.compile(r"^\s*(?:[,.;:)\]–—]|-\s|$|\s+(?:et|and|ou|or)\b)")
_NUMBER_AROUND = re.compile(r"\d[\s\u00a0\u202f,.]?\Z")  # \Z: `$` also matches before a final "\n"
_BORN = re.compile(
    r"\b(?:né|née|nés|nées|naît|naissance|born|birth)\b[^.;!?]{0,25}$", re.IGNORECASE
)
_SINCE = re.compile(r"^(?:depuis|since)\b", re.IGNORECASE)
_SINCE_BEFORE = re.compile(r"\b(?:depuis|since)\s+(?:le\s+|l['’]|the\s+)?$", re.IGNORECASE)
_DURATION_BEFORE = re.compile(
    r"(?:\b(?:pendant|durant|for|over|en|in|within)\s+|"
    r"\b(?:less|more)\s+than\s+|\b(?:moins|plus)\s+(?:de\s+|d['’]))$",  # bounds, not dates
    re.IGNORECASE,
)
# A bare year completing a noun names which thing, not when the clause happens: « depuis la
# défaite de 1870 », « annule le jugement de 1894 », "the crisis of 1956". Words that cut a
# period out of the year are not such nouns (« le début de 1943 », "the first half of 1943").
_NOT_NAMING_NOUNS = (
    r"(?:début|fin|milieu|moitié|cours|courant|reste|mois|année|an|printemps|été|automne|hiver|"
    r"beginning|start|end|middle|half|part|course|rest|months?|year|spring|summer|autumn|fall|"
    r"winter|weeks?|days?)"
)
_NOUN_OF_BEFORE = {
    FRENCH: re.compile(
        r"\b(?i:le|la|l['’]|les|du|des|un|une|son|sa|ses|leur|leurs|ce|cet|cette)\s*"
        rf"(?:[a-zàâçéèêëîïôûùüÿœ-]+\s+){{0,2}}(?!{_NOT_NAMING_NOUNS}\s)"
        r"[a-zàâçéèêëîïôûùüÿœ-]+\s+(?:de|d['’])\s*$"
    ),
    ENGLISH: re.compile(
        r"\b(?i:the|a|an|its|his|her|their|this)\s+(?:[A-Za-z-]+\s+){0,2}"
        rf"(?!(?i:{_NOT_NAMING_NOUNS})\s)[A-Za-z-]+\s+of\s+$"
    ),
}
_LIFESPAN = re.compile(r"\(\s*(?:[a-zé.]+\s+)?\d{3,4}\s*[-–]\s*(?:[a-zé.]+\s+)?\d{3,4}\s*\)")


def _is_plausible(match: _Match, text: str, rule_text: str) -> bool:
    """Refuse years that are quantities (« 1500 soldats ») and numbers glued to others."""
    before, after = text[: match.start], text[match.end :]
    if _NUMBER_AROUND.search(before) or re.match(r"^[\s\u00a0\u202f,.]?\d", after):
        return False
    if match.precision == YEAR and re.fullmatch(r"\d{4}", rule_text):
        # A bare year with no word introducing it: keep it when punctuation closes it, as in
        # « Rome, 1944. », not before a noun (« 1500 soldats »).
        return bool(_BARE_YEAR_OK_AFTER.match(after)) or before.rstrip().endswith("(")
    return True


# A deadline set by a plan or a promise is not when something happened: "Attlee announced
# that Britain would leave by June 1948", « le gouvernement promet de partir avant juin 1948 ».
_DEADLINE_WORD = re.compile(
    r"^(?:by|before|no\s+later\s+than)\b|\b(?:avant|d['’]ici|by|before|no\s+later\s+than)\s+$",
    re.IGNORECASE,
)
_PLAN_BEFORE = re.compile(
    r"\b(?:would|will|should|shall|must|promised|promises|planned|plans|pledged|intended|"
    r"deadline|dev(?:rai|ra|ro)\w*|doi(?:t|vent)|promet\w*|promis\w*|prévoi\w*|prévu\w*|"
    r"s['’]engag\w*|"
    r"\w{2,}(?:erait|irait|raient))\b[^.;!?]*$",
    re.IGNORECASE,
)


def _is_deadline(match: _Match, text: str) -> bool:
    label = text[match.start : match.end]
    sentence_start = max(text.rfind(mark, 0, match.start) for mark in ".;!?\n") + 1
    before = text[sentence_start : match.start]
    return bool(
        (_DEADLINE_WORD.match(label) or _DEADLINE_WORD.search(before[-20:]))
        and _PLAN_BEFORE.search(before)
    )


# An open start closing an apposition to a name, before a main clause that says it happens
# later, is when the person began to hold the role, not when the clause happens: "Dean
# Acheson, Truman's secretary of state from 1949, later praised…", « Édouard Herriot, maire
# de Lyon à partir de 1905, devient plus tard… » (« Daladier, président du Conseil à partir
# d'avril 1938, gouverne… » is dated by it).
_OPEN_START = re.compile(
    r"^(?:from|à\s+partir\s+d(?:e|u|['’])|dès)\b|"
    r"\b(?:from|à\s+partir\s+d(?:e|u|['’])|dès)\s*(?:the\s+|le\s+|l['’])?\Z",
    re.IGNORECASE,
)
_LATER_CLAUSE = re.compile(
    r"\s*,\s*(?:[a-zà-ÿ’'-]+\s+){0,3}?(?:later|afterwards|subsequently|plus\s+tard|"
    r"ensuite|par\s+la\s+suite)\b",
    re.IGNORECASE,
)
_APPOSITION_TO_NAME = re.compile(r"\b[A-Z][\w’'.-]*,\s+[^,.;:!?()\n\d]{2,60}\Z")


def _is_tenure(match: _Match, text: str) -> bool:
    label = text[match.start : match.end]
    before = text[max(0, match.start - 80) : match.start]
    if not (_OPEN_START.match(label) or _OPEN_START.search(before)):
        return False
    if not _LATER_CLAUSE.match(text[match.end :]):
        return False
    return bool(_APPOSITION_TO_NAME.search(before))


def _is_background(match: _Match, text: str, language: str) -> bool:
    label = text[match.start : match.end]
    before = text[max(0, match.start - 60) : match.start]
    if not match.relative and _is_deadline(match, text):
        return True
    if not match.relative and _is_tenure(match, text):
        return True
    if match.background or _SINCE.match(label) or _SINCE_BEFORE.search(before):
        return True
    noun = _NOUN_OF_BEFORE[language].search(before)
    head = ("\n" if match.start <= 60 else "") + before[: noun.start()] if noun else ""
    if re.fullmatch(r"\d{4}", label) and noun and not _CLAUSE_HEAD.search(head):
        return True  # « annule le jugement de 1894 », but « La loi de 1905 sépare… » dates it
    if _BORN.search(before):
        return True
    return any(
        span.start() <= match.start and match.end <= span.end()
        for span in _LIFESPAN.finditer(text, max(0, match.start - 30), match.end + 30)
    )


def _is_duration(match: _Match, text: str) -> bool:
    """« En trois jours », "for three days", "in two weeks": how long, not when."""
    before = text[max(0, match.start - 12) : match.start]
    return match.relative and bool(_DURATION_BEFORE.search(before))


# --- Finding and anchoring --------------------------------------------------------------------


def _raw_matches(text: str, language: str) -> list[_Match]:
    found: list[_Match] = []
    taken = [False] * len(text)
    for pattern, build in _rules(language):
        for regex_match in pattern.finditer(text):
            start, end = regex_match.span()
            if start == end or any(taken[start:end]):
                continue
            match = build(regex_match)
            if match is None or not _is_plausible(match, text, regex_match.group(0)):
                continue
            if _is_background(match, text, language):
                match = _Match(
                    match.start, match.end, match.precision, match.resolve, match.relative, True
                )
            found.append(match)
            for index in range(start, end):
                taken[index] = True
    return sorted(found, key=lambda match: match.start)


def _first_stated_year(matches: list[_Match]) -> int | None:
    """The year of the first explicit, non-backdrop date: the year of a year-less date that no
    date precedes (« avant le 8 septembre » at the top of a text about 1943)."""
    for match in matches:
        if match.background or match.relative:
            continue
        span = match.resolve(None, None)
        if span is not None:
            return span[0].year
    return None


def find_dates(
    text: str, language: str, sentences: list[tuple[int, int]] | None = None
) -> list[DateMention]:
    """The date mentions of `text`, in text order, each resolved against the anchor before it.

    `sentences` is accepted for callers that already split the text; the rules work on the
    whole text, so it is not needed.
    """
    matches = [match for match in _raw_matches(text, language) if not _is_duration(match, text)]
    fallback_year = _first_stated_year(matches)
    mentions: list[DateMention] = []
    anchor: Range | None = None
    for match in matches:
        span = match.resolve(anchor, fallback_year)
        if span is None:
            continue
        label = text[match.start : match.end]
        # « le 7 novembre (25 octobre dans le calendrier julien) »: another way of writing
        # the date just before it, not a date of its own.
        background = match.background or bool(
            mentions and _ALTERNATIVE.fullmatch(text[mentions[-1].end : match.start])
        )
        mentions.append(
            DateMention(
                match.start, match.end, label, span[0], span[1], match.precision, background
            )
        )
        if not background:
            anchor = span
    return mentions


_ALTERNATIVE = re.compile(r"[\s\u00a0\u202f]*[(\[][\s\u00a0\u202f]*")
