"""Date mentions: what counts as a date, how far its label reaches, and the range of days it
allows once anchored to the dates before it, in French and in English."""

from datetime import date
from pathlib import Path

import pytest

from quizzes import factcheck
from quizzes.extraction.dates import find_dates
from quizzes.factcheck import DAY, MONTH, RELATIVE, SEASON, YEAR
from tests.extraction.corpus import seed_text

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "fixtures" / "italie_1943_1945.json"


def mention(text, language, label):
    found = [m for m in find_dates(text, language) if m.label == label]
    assert found, f"{label!r} not found in {[m.label for m in find_dates(text, language)]}"
    return found[0]


@pytest.mark.parametrize(
    ("language", "text", "label", "start", "end", "precision"),
    [
        # Explicit French dates, with the words that introduce them.
        (
            "fr",
            "Le 10 juillet 1943, les Alliés débarquent.",
            "Le 10 juillet 1943",
            "1943-07-10",
            "1943-07-10",
            DAY,
        ),
        (
            "fr",
            "Au printemps 1943, les groupes s'unissent.",
            "Au printemps 1943",
            "1943-03-20",
            "1943-06-20",
            SEASON,
        ),
        (
            "fr",
            "Durant l'été 1962, tout change.",
            "Durant l'été 1962",
            "1962-06-21",
            "1962-09-21",
            SEASON,
        ),
        ("fr", "L'hiver 1942, l'armée gèle.", "L'hiver 1942", "1942-12-21", "1943-03-19", SEASON),
        ("fr", "Rome tombe en juin 1944.", "en juin 1944", "1944-06-01", "1944-06-30", MONTH),
        (
            "fr",
            "Fin septembre 1943, ils avancent.",
            "Fin septembre 1943",
            "1943-09-21",
            "1943-09-30",
            MONTH,
        ),
        ("fr", "Début 1944, Rome est menacée.", "Début 1944", "1944-01-01", "1944-04-30", YEAR),
        (
            "fr",
            "En 1944, Rome. À la mi-juillet, l'offensive reprend.",
            "À la mi-juillet",
            "1944-07-11",
            "1944-07-20",
            MONTH,
        ),
        ("fr", "En 1946, la paix revient.", "En 1946", "1946-01-01", "1946-12-31", YEAR),
        (
            "fr",
            "Les 5 et 6 octobre 1789, la foule marche.",
            "Les 5 et 6 octobre 1789",
            "1789-10-05",
            "1789-10-06",
            DAY,
        ),
        (
            "fr",
            "Le 1er juillet 1916, l'offensive commence.",
            "Le 1er juillet 1916",
            "1916-07-01",
            "1916-07-01",
            DAY,
        ),
        # Year-less dates take the anchor's year.
        (
            "fr",
            "Le 14 octobre 1962, un avion photographie. Le 22 octobre, Kennedy parle.",
            "Le 22 octobre",
            "1962-10-22",
            "1962-10-22",
            DAY,
        ),
        (
            "fr",
            "Le 3 septembre 1943, la 8e armée débarque. En octobre, Badoglio déclare la guerre.",
            "En octobre",
            "1943-10-01",
            "1943-10-31",
            MONTH,
        ),
        (
            "fr",
            "En décembre 1944, l'offensive. Le 2 janvier, elle cesse.",
            "Le 2 janvier",
            "1945-01-02",
            "1945-01-02",
            DAY,
        ),
        (
            "fr",
            "Le 17 août 1943, Messine. Tôt dans la matinée du 25 juillet, il démissionne.",
            "Tôt dans la matinée du 25 juillet",
            "1943-07-25",
            "1943-07-25",
            DAY,
        ),
        # French relative phrases shift the anchor's range.
        (
            "fr",
            "Le 22 octobre 1962, Kennedy parle. Deux jours plus tard, le blocus commence.",
            "Deux jours plus tard",
            "1962-10-24",
            "1962-10-24",
            RELATIVE,
        ),
        (
            "fr",
            "Le 27 octobre 1962, un U-2 est abattu. Le lendemain, Khrouchtchev cède.",
            "Le lendemain",
            "1962-10-28",
            "1962-10-28",
            RELATIVE,
        ),
        (
            "fr",
            "Le 1er mai 1945, ils se rendent, et six jours plus tard, l'Allemagne capitule.",
            "six jours plus tard",
            "1945-05-07",
            "1945-05-07",
            RELATIVE,
        ),
        (
            "fr",
            "En avril 1963, un accord. Au mois de juin suivant, un téléphone.",
            "Au mois de juin suivant",
            "1963-06-01",
            "1963-06-30",
            RELATIVE,
        ),
        (
            "fr",
            "Le 20 novembre 1962, le blocus est levé. L'année suivante, un accord.",
            "L'année suivante",
            "1963-01-01",
            "1963-12-31",
            RELATIVE,
        ),
        (
            "fr",
            "Le 25 juillet 1943, il démissionne et est arrêté plus tard dans la journée.",
            "plus tard dans la journée",
            "1943-07-25",
            "1943-07-25",
            RELATIVE,
        ),
        (
            "fr",
            "Le 3 septembre 1943, ils débarquent. Plus tard dans le mois, Mussolini est sauvé.",
            "Plus tard dans le mois",
            "1943-09-04",
            "1943-09-30",
            RELATIVE,
        ),
        (
            "fr",
            "Le 14 octobre 1962, un avion. La semaine suivante, le blocus.",
            "La semaine suivante",
            "1962-10-15",
            "1962-10-21",
            RELATIVE,
        ),
        (
            "fr",
            "En juillet 1943, la Sicile. Deux jours plus tard, rien.",
            "Deux jours plus tard",
            "1943-07-03",
            "1943-08-02",
            RELATIVE,
        ),
        (
            "fr",
            "Le 27 octobre 1962, un U-2 est abattu. Le soir même, ils se rencontrent.",
            "Le soir même",
            "1962-10-27",
            "1962-10-27",
            RELATIVE,
        ),
        (
            "fr",
            "Les bolcheviks prennent le pouvoir en novembre 1917. Le même mois, Clemenceau gouverne.",
            "Le même mois",
            "1917-11-01",
            "1917-11-30",
            RELATIVE,
        ),
        # Explicit English dates.
        (
            "en",
            "On 24 June 1948, the Soviets blockade Berlin.",
            "On 24 June 1948",
            "1948-06-24",
            "1948-06-24",
            DAY,
        ),
        (
            "en",
            "On May 12, 1949, the blockade was lifted.",
            "On May 12, 1949",
            "1949-05-12",
            "1949-05-12",
            DAY,
        ),
        (
            "en",
            "In the spring of 1948, a conference met.",
            "In the spring of 1948",
            "1948-03-20",
            "1948-06-20",
            SEASON,
        ),
        (
            "en",
            "At the end of July 1948, Tunner took command.",
            "At the end of July 1948",
            "1948-07-21",
            "1948-07-31",
            MONTH,
        ),
        ("en", "Early 1949 saw talks.", "Early 1949", "1949-01-01", "1949-04-30", YEAR),
        (
            "en",
            "In April 1949, NATO. In mid-May, the blockade ended.",
            "In mid-May",
            "1949-05-11",
            "1949-05-20",
            MONTH,
        ),
        (
            "en",
            "In 1968, Apollo 8 flew. On Christmas Eve, the crew read Genesis.",
            "On Christmas Eve",
            "1968-12-24",
            "1968-12-24",
            DAY,
        ),
        ("en", "The war began in 1939.", "in 1939", "1939-01-01", "1939-12-31", YEAR),
        # English relative phrases.
        (
            "en",
            "On 24 June 1948, the blockade began. Two days later, planes landed.",
            "Two days later",
            "1948-06-26",
            "1948-06-26",
            RELATIVE,
        ),
        (
            "en",
            "On 25 December 1776, they crossed. The next day, they attacked.",
            "The next day",
            "1776-12-26",
            "1776-12-26",
            RELATIVE,
        ),
        (
            "en",
            "On the night of 25 December 1776, they crossed, and the next morning they attacked.",
            "the next morning",
            "1776-12-26",
            "1776-12-26",
            RELATIVE,
        ),
        (
            "en",
            "In June 1948, the blockade began. The following spring, NATO grew.",
            "The following spring",
            "1949-03-20",
            "1949-06-20",
            RELATIVE,
        ),
        (
            "en",
            "In June 1948, the blockade began. That summer, sweets fell.",
            "That summer",
            "1948-06-21",
            "1948-09-21",
            RELATIVE,
        ),
        (
            "en",
            "A treaty was signed on 6 February 1778. That winter, the army suffered.",
            "That winter",
            "1777-12-21",
            "1778-03-19",
            RELATIVE,
        ),
        (
            "en",
            "On 12 May 1949, the blockade ended. Later that month, the Basic Law passed.",
            "Later that month",
            "1949-05-13",
            "1949-05-31",
            RELATIVE,
        ),
        (
            "en",
            "In 1948, the airlift began. The following year, NATO was founded.",
            "The following year",
            "1949-01-01",
            "1949-12-31",
            RELATIVE,
        ),
        (
            "en",
            "On 1 March 1949, talks began. A week later, they failed.",
            "A week later",
            "1949-03-08",
            "1949-03-08",
            RELATIVE,
        ),
    ],
)
def test_date_mention_has_verbatim_label_range_and_precision(
    language, text, label, start, end, precision
):
    found = mention(text, language, label)
    assert text[found.start : found.end] == label
    assert (found.date_start, found.date_end) == (
        date.fromisoformat(start),
        date.fromisoformat(end),
    )
    assert found.precision == precision
    assert not found.background


@pytest.mark.parametrize(
    ("language", "text", "label"),
    [
        ("fr", "La Sicile, région du royaume d'Italie depuis 1860, tombe.", "depuis 1860"),
        ("fr", "Kennedy, né en 1917, est élu président.", "en 1917"),
        ("fr", "Au XIXe siècle, l'Italie s'unifie.", "Au XIXe siècle"),
        ("fr", "Au début des années 1960, Cuba se rapproche de Moscou.", "des années 1960"),
        ("en", "Sicily had been Italian since 1860.", "since 1860"),
        ("en", "Kennedy, born in 1917, was elected.", "in 1917"),
        ("en", "In the 1950s growth was strong.", "In the 1950s"),
        ("en", "In the mid-1960s, NASA grew.", "In the mid-1960s"),
        ("en", "John Adams (1735–1826) signed.", "1735–1826"),
        # A span of years inside a clause, with no verb of lasting, is a period.
        ("fr", "La guerre de 1914 à 1918 fait dix millions de morts.", "de 1914 à 1918"),
        ("fr", "La Corée, divisée entre 1945 et 1948, s'arme.", "entre 1945 et 1948"),
        ("fr", "La guerre de Corée (1950-1953) fait des millions de morts.", "1950-1953"),
        ("en", "Korea, divided between 1945 and 1948, was a flashpoint.", "between 1945 and 1948"),
        ("en", "The Korean War (1950–1953) killed millions.", "1950–1953"),
        ("en", "In 1944 and 1945, bombs fell.", "1944 and 1945"),
    ],
)
def test_backdrop_dates_are_marked_background(language, text, label):
    assert mention(text, language, label).background


def assert_dated(language, text, label, start, end, precision):
    """The mention `label` is found verbatim, with its range and precision, is not a backdrop,
    and the fact checker accepts the label with that range."""
    found = mention(text, language, label)
    assert text[found.start : found.end] == label
    assert (found.date_start, found.date_end) == (
        date.fromisoformat(start),
        date.fromisoformat(end),
    )
    assert found.precision == precision
    assert not found.background
    assert factcheck.date_problems(label, precision, found.date_start, found.date_end) == []


U2_FR = "Le 27 octobre 1962, un U-2 est abattu. "
U2_EN = "On 27 October 1962, a U-2 was shot down. "


@pytest.mark.parametrize(
    ("language", "text", "label", "start", "end"),
    [
        # Parts of the anchor's day are the anchor's day.
        (
            "fr",
            U2_FR + "Dans la soirée, Kennedy écrit.",
            "Dans la soirée",
            "1962-10-27",
            "1962-10-27",
        ),
        ("fr", U2_FR + "Le soir même, Kennedy écrit.", "Le soir même", "1962-10-27", "1962-10-27"),
        ("fr", U2_FR + "Dans la nuit, Kennedy écrit.", "Dans la nuit", "1962-10-27", "1962-10-27"),
        ("fr", U2_FR + "Dans la matinée, il écrit.", "Dans la matinée", "1962-10-27", "1962-10-27"),
        ("fr", U2_FR + "Le matin même, il écrit.", "Le matin même", "1962-10-27", "1962-10-27"),
        (
            "fr",
            U2_FR + "Dans l’après-midi, il écrit.",
            "Dans l’après-midi",
            "1962-10-27",
            "1962-10-27",
        ),
        (
            "fr",
            U2_FR + "En fin de journée, il écrit.",
            "En fin de journée",
            "1962-10-27",
            "1962-10-27",
        ),
        (
            "fr",
            U2_FR + "Tard dans la nuit, il écrit.",
            "Tard dans la nuit",
            "1962-10-27",
            "1962-10-27",
        ),
        (
            "fr",
            U2_FR + "Le lendemain matin, il cède.",
            "Le lendemain matin",
            "1962-10-28",
            "1962-10-28",
        ),
        ("en", U2_EN + "That evening, Kennedy wrote.", "That evening", "1962-10-27", "1962-10-27"),
        ("en", U2_EN + "That night, Kennedy wrote.", "That night", "1962-10-27", "1962-10-27"),
        ("en", U2_EN + "Later that day, he wrote.", "Later that day", "1962-10-27", "1962-10-27"),
        ("en", U2_EN + "That morning, he wrote.", "That morning", "1962-10-27", "1962-10-27"),
        ("en", U2_EN + "In the evening, he wrote.", "In the evening", "1962-10-27", "1962-10-27"),
        ("fr", U2_FR + "Le soir, Kennedy écrit.", "Le soir", "1962-10-27", "1962-10-27"),
        # Later in the week: the six days after the anchor.
        (
            "fr",
            U2_FR + "Plus tard dans la semaine, Kennedy écrit.",
            "Plus tard dans la semaine",
            "1962-10-28",
            "1962-11-02",
        ),
        ("en", U2_EN + "Later that week, he wrote.", "Later that week", "1962-10-28", "1962-11-02"),
        # Hours later: the anchor's day or the next.
        (
            "fr",
            U2_FR + "Quelques heures plus tard, il écrit.",
            "Quelques heures plus tard",
            "1962-10-27",
            "1962-10-28",
        ),
        ("en", U2_EN + "Hours later, he wrote.", "Hours later", "1962-10-27", "1962-10-28"),
        # Re-checked: the following day named, the following year, counts of years and days.
        (
            "fr",
            "Le 10 juillet 1943, les Alliés débarquent. Le 4 août suivant, Catane tombe.",
            "Le 4 août suivant",
            "1943-08-04",
            "1943-08-04",
        ),
        (
            "en",
            "On 10 July 1943, the Allies landed. On the following 4 August, Catania fell.",
            "On the following 4 August",
            "1943-08-04",
            "1943-08-04",
        ),
        (
            "fr",
            "En 1943, les Alliés débarquent. L’année suivante, Rome tombe.",
            "L’année suivante",
            "1944-01-01",
            "1944-12-31",
        ),
        (
            "fr",
            "En 1943, les Alliés débarquent. Deux ans plus tard, Rome tombe.",
            "Deux ans plus tard",
            "1945-01-01",
            "1945-12-31",
        ),
        (
            "fr",
            "Le 10 juillet 1943, ils débarquent. Quelques jours plus tard, Rome tombe.",
            "Quelques jours plus tard",
            "1943-07-12",
            "1943-07-19",
        ),
        (
            "en",
            "On 10 July 1943, they landed. A few days later, Rome fell.",
            "A few days later",
            "1943-07-12",
            "1943-07-19",
        ),
    ],
)
def test_parts_of_the_day_and_later_phrases_lean_on_the_anchor(language, text, label, start, end):
    assert_dated(language, text, label, start, end, RELATIVE)


@pytest.mark.parametrize(
    ("language", "text", "label", "start", "end", "precision"),
    [
        # Parts of a season: its first, middle or last third (in months from its first day).
        (
            "fr",
            "En 1943, la guerre. À la fin de l’été, des milliers de soldats arrivent.",
            "À la fin de l’été",
            "1943-08-21",
            "1943-09-21",
            SEASON,
        ),
        (
            "fr",
            "En 1943, la guerre. Au début de l’automne, l’Italie capitule.",
            "Au début de l’automne",
            "1943-09-22",
            "1943-10-21",
            SEASON,
        ),
        (
            "fr",
            "À la fin de l’hiver 1942, l'armée recule.",
            "À la fin de l’hiver 1942",
            "1943-02-21",
            "1943-03-19",
            SEASON,
        ),
        (
            "fr",
            "Au début du printemps 1943, les grèves éclatent.",
            "Au début du printemps 1943",
            "1943-03-20",
            "1943-04-19",
            SEASON,
        ),
        (
            "fr",
            "En janvier 1943, Stalingrad. À la fin de l'hiver, l'armée recule.",
            "À la fin de l'hiver",
            "1943-02-21",
            "1943-03-19",
            SEASON,
        ),
        (
            "fr",
            "En juillet 1943, la Sicile. À la fin de cet été-là, l'Italie capitule.",
            "À la fin de cet été-là",
            "1943-08-21",
            "1943-09-21",
            RELATIVE,
        ),
        (
            "en",
            "In 1943, war. By the end of the summer, thousands of soldiers arrived.",
            "By the end of the summer",
            "1943-08-21",
            "1943-09-21",
            SEASON,
        ),
        (
            "en",
            "In early autumn 1957, the satellite flew.",
            "In early autumn 1957",
            "1957-09-22",
            "1957-10-21",
            SEASON,
        ),
        (
            "en",
            "In the late summer of 1944, Paris rose.",
            "In the late summer of 1944",
            "1944-08-21",
            "1944-09-21",
            SEASON,
        ),
        (
            "en",
            "In 1957, war. The rockets flew late that spring.",
            "late that spring",
            "1957-05-20",
            "1957-06-20",
            RELATIVE,
        ),
        (
            "en",
            "In 1949, war. In the spring of the following year, the army moved.",
            "In the spring of the following year",
            "1950-03-20",
            "1950-06-20",
            RELATIVE,
        ),
        (
            "fr",
            "En 1949, la guerre. Au printemps de l’année suivante, l’armée avance.",
            "Au printemps de l’année suivante",
            "1950-03-20",
            "1950-06-20",
            RELATIVE,
        ),
        # A year-less season: « Au cours de » belongs to the label.
        (
            "fr",
            "En 1917, la guerre. Au cours du printemps 1917, des mutineries éclatent.",
            "Au cours du printemps 1917",
            "1917-03-20",
            "1917-06-20",
            SEASON,
        ),
        # Winters over two years: the winter that begins in December of the first one.
        (
            "fr",
            "Au cours de l’hiver 1941-1942, l'armée gèle.",
            "Au cours de l’hiver 1941-1942",
            "1941-12-21",
            "1942-03-19",
            SEASON,
        ),
        (
            "en",
            "In the winter of 1947-48, the army froze.",
            "In the winter of 1947-48",
            "1947-12-21",
            "1948-03-19",
            SEASON,
        ),
        (
            "en",
            "During the winter of 1941–42, Leningrad starved.",
            "During the winter of 1941–42",
            "1941-12-21",
            "1942-03-19",
            SEASON,
        ),
    ],
)
def test_parts_of_seasons_and_winters_over_two_years(language, text, label, start, end, precision):
    assert_dated(language, text, label, start, end, precision)


@pytest.mark.parametrize(
    ("language", "text", "label", "start", "end", "precision"),
    [
        # Days: one event from the first day to the last.
        (
            "fr",
            "Entre le 21 février et le 18 décembre 1916, la bataille de Verdun fait rage.",
            "Entre le 21 février et le 18 décembre 1916",
            "1916-02-21",
            "1916-12-18",
            DAY,
        ),
        (
            "fr",
            "Du 1er au 3 juillet 1916, l'offensive piétine.",
            "Du 1er au 3 juillet 1916",
            "1916-07-01",
            "1916-07-03",
            DAY,
        ),
        (
            "fr",
            "Du 28 juin au 4 août 1914, l'Europe bascule.",
            "Du 28 juin au 4 août 1914",
            "1914-06-28",
            "1914-08-04",
            DAY,
        ),
        (
            "en",
            "From 21 February to 18 December 1916, the battle of Verdun raged.",
            "From 21 February to 18 December 1916",
            "1916-02-21",
            "1916-12-18",
            DAY,
        ),
        (
            "en",
            "Between February 21 and December 18, 1916, the battle of Verdun raged.",
            "Between February 21 and December 18, 1916",
            "1916-02-21",
            "1916-12-18",
            DAY,
        ),
        # Months: whole months, the first to the last.
        (
            "fr",
            "En mai-juin 1940, la France est envahie.",
            "En mai-juin 1940",
            "1940-05-01",
            "1940-06-30",
            MONTH,
        ),
        (
            "fr",
            "De novembre 1942 à mars 1943, la bataille de Stalingrad fait rage.",
            "De novembre 1942 à mars 1943",
            "1942-11-01",
            "1943-03-31",
            MONTH,
        ),
        (
            "en",
            "From May to September 1940, the Battle of Britain raged.",
            "From May to September 1940",
            "1940-05-01",
            "1940-09-30",
            MONTH,
        ),
        (
            "en",
            "In May and June 1940, France fell.",
            "In May and June 1940",
            "1940-05-01",
            "1940-06-30",
            MONTH,
        ),
        # Years: a span opening its clause, or after a verb of lasting.
        (
            "fr",
            "De 1954 à 1962, la guerre d'Algérie déchire la France.",
            "De 1954 à 1962",
            "1954-01-01",
            "1962-12-31",
            YEAR,
        ),
        (
            "fr",
            "De 1939 à 1945, la guerre ravage l’Europe.",
            "De 1939 à 1945",
            "1939-01-01",
            "1945-12-31",
            YEAR,
        ),
        (
            "fr",
            "La guerre dure de 1954 à 1962.",
            "de 1954 à 1962",
            "1954-01-01",
            "1962-12-31",
            YEAR,
        ),
        (
            "fr",
            "La Corée est en paix, et de 1950 à 1953, la guerre la ravage.",
            "de 1950 à 1953",
            "1950-01-01",
            "1953-12-31",
            YEAR,
        ),
        (
            "en",
            "Between 1950 and 1953, Korea was at war.",
            "Between 1950 and 1953",
            "1950-01-01",
            "1953-12-31",
            YEAR,
        ),
        (
            "en",
            "The war lasted from 1950 to 1953.",
            "from 1950 to 1953",
            "1950-01-01",
            "1953-12-31",
            YEAR,
        ),
        (
            "en",
            "From 1950 to 1953, the war raged.",
            "From 1950 to 1953",
            "1950-01-01",
            "1953-12-31",
            YEAR,
        ),
    ],
)
def test_spans_that_date_an_event_are_one_range(language, text, label, start, end, precision):
    assert_dated(language, text, label, start, end, precision)
    assert len([m for m in find_dates(text, language) if not m.background]) == 1


@pytest.mark.parametrize(
    ("language", "text", "labels"),
    [
        # Two dates joined by « et » / "and" with no opening « entre » / "between" stay two.
        (
            "fr",
            "En 1916, les Allemands attaquent le 21 février et le 18 décembre.",
            ["En 1916", "le 21 février", "le 18 décembre"],
        ),
        # Times of day next to a date belong to no date.
        (
            "fr",
            "Le 10 juillet 1943, vers 23 heures, les Alliés débarquent.",
            ["Le 10 juillet 1943"],
        ),
        ("fr", "Le 6 juin 1944, à 6 h 30, les troupes débarquent.", ["Le 6 juin 1944"]),
        ("fr", "À 11 heures, le 11 novembre 1918, le clairon sonne.", ["le 11 novembre 1918"]),
        ("en", "On 10 July 1943, at 11 a.m., the Allies landed.", ["On 10 July 1943"]),
        ("en", "At 11 a.m. on 11 November 1918, the guns fell silent.", ["on 11 November 1918"]),
        ("en", "At 2:56 a.m. on July 21, 1969, Armstrong stepped out.", ["on July 21, 1969"]),
        # A habit is not a date.
        (
            "fr",
            "En 1850, les ouvriers travaillent du matin au soir, six jours sur sept.",
            ["En 1850"],
        ),
        # "the evening of" is not "the eve" (the day before).
        (
            "en",
            "In 1944, war. In the evening of 4 June 1944, Eisenhower decided.",
            ["In 1944", "In the evening of 4 June 1944"],
        ),
    ],
)
def test_labels_stop_where_the_date_stops(language, text, labels):
    assert [m.label for m in find_dates(text, language)] == labels


def test_times_of_day_are_never_dates():
    for language, text in (
        ("fr", "Vers 23 heures, les Alliés débarquent."),
        ("fr", "À 5 h 15, l'armistice est signé ; à 11 heures, le feu cesse."),
        ("en", "At 11 a.m., the guns fell silent; at 10:56 p.m., he stepped out."),
    ):
        assert find_dates(text, language) == []
    day = mention("Le 10 juillet 1943, vers 23 heures, ils débarquent.", "fr", "Le 10 juillet 1943")
    assert (day.date_start, day.date_end) == (date(1943, 7, 10), date(1943, 7, 10))


def test_a_month_inside_a_year_anchor_takes_that_year():
    text = "En 1916, la guerre s'enlise. Le 21 février, les Allemands attaquent Verdun."
    assert mention(text, "fr", "Le 21 février").date_start == date(1916, 2, 21)


@pytest.mark.parametrize(
    ("language", "text", "relative"),
    [
        (
            "fr",
            "Le 10 juillet 1943, débarquement. Depuis 1860, la Sicile est italienne. Deux jours plus tard, Syracuse tombe.",
            "Deux jours plus tard",
        ),
        (
            "fr",
            "En mars 1917, la révolution. Pétain, né le 24 avril 1856, commande. Le lendemain, rien.",
            "Le lendemain",
        ),
        (
            "en",
            "On 24 June 1948, the blockade began. Truman, born in 1884, decided. Two days later, planes landed.",
            "Two days later",
        ),
    ],
)
def test_background_dates_never_become_the_anchor(language, text, relative):
    anchored = mention(text, language, relative)
    assert anchored.date_start.year in (1917, 1943, 1948)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "En trois jours, 150 000 soldats alliés sont débarqués."),
        ("fr", "Pendant treize jours, le monde retient son souffle."),
        ("fr", "La bataille dure dix mois et fait plus de 300 000 morts."),
        ("fr", "Il a 1500 soldats et attaque à 5 h 15, à 11 heures puis lundi."),
        ("fr", "La Seconde Guerre mondiale a été terrible."),
        ("en", "For three days, 3,000 troops marched."),
        ("en", "In two weeks the city fell, within seconds, every three minutes."),
        ("en", "The Second World War raged on Monday at 10 am."),
        ("en", "They may come, and 1500 men march on."),
    ],
)
def test_durations_numbers_and_times_are_not_dates(language, text):
    assert find_dates(text, language) == []


def test_relative_phrase_without_anchor_is_dropped():
    assert find_dates("Deux jours plus tard, Syracuse tombe.", "fr") == []
    assert find_dates("The next day, the city fell.", "en") == []


def test_year_less_date_before_any_anchor_takes_the_first_stated_year():
    text = "Rien n'est annoncé avant le 8 septembre. Le 10 juillet 1943, les Alliés débarquent."
    assert mention(text, "fr", "le 8 septembre").date_start == date(1943, 9, 8)


SEED_DATES = [
    ("Au printemps 1943", "1943-03-20", "1943-06-20", SEASON),
    ("Le 10 juillet 1943", "1943-07-10", "1943-07-10", DAY),
    ("Le 17 août", "1943-08-17", "1943-08-17", DAY),
    ("Tôt dans la matinée du 25 juillet", "1943-07-25", "1943-07-25", DAY),
    ("plus tard dans la journée", "1943-07-25", "1943-07-25", RELATIVE),
    ("Le 26 juillet", "1943-07-26", "1943-07-26", DAY),
    ("Le 3 septembre", "1943-09-03", "1943-09-03", DAY),
    ("Plus tard dans le mois", "1943-09-04", "1943-09-30", RELATIVE),
    ("En octobre", "1943-10-01", "1943-10-31", MONTH),
    ("en juin 1944", "1944-06-01", "1944-06-30", MONTH),
    ("En avril 1945", "1945-04-01", "1945-04-30", MONTH),
    ("le 28 avril", "1945-04-28", "1945-04-28", DAY),
    ("le 1er mai", "1945-05-01", "1945-05-01", DAY),
    ("six jours plus tard", "1945-05-07", "1945-05-07", RELATIVE),
    ("le 8 septembre", "1943-09-08", "1943-09-08", DAY),
]


@pytest.mark.parametrize(("label", "start", "end", "precision"), SEED_DATES)
def test_seed_source_dates_are_found_with_their_range(label, start, end, precision):
    found = mention(seed_text(), "fr", label)
    assert (found.date_start, found.date_end, found.precision) == (
        date.fromisoformat(start),
        date.fromisoformat(end),
        precision,
    )
    assert not found.background


def test_seed_source_backdrop_and_duration():
    mentions = find_dates(seed_text(), "fr")
    assert [m.background for m in mentions if m.label == "depuis 1860"] == [True]
    assert not any("trois jours" in m.label for m in mentions)
    assert all(seed_text()[m.start : m.end] == m.label for m in mentions)
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)


def test_seed_copy_matches_the_shared_source():
    # shared/ sits beside the repository on developers' machines and in CI.
    repository = Path(__file__).resolve().parents[2]
    shared = repository.parent / "shared" / "sources" / "000_2dab07fba6e07a38.txt"
    if not shared.exists():
        pytest.skip("the workplace's shared/ folder is not beside the repository")
    assert shared.read_text(encoding="utf-8").strip() == seed_text().strip()


def test_offsets_are_characters_on_accented_text():
    text = "À l’été, «\u00a0Éphémère\u00a0». Le 14 juillet 1789, à Paris, la Bastille tombe."
    found = mention(text, "fr", "Le 14 juillet 1789")
    assert text[found.start : found.end] == "Le 14 juillet 1789"


@pytest.mark.parametrize(
    ("language", "text", "label", "start", "end"),
    [
        (
            "fr",
            "En mars 1935, la crise éclate. À la fin de l'année, le chômage recule.",
            "À la fin de l'année",
            "1935-09-01",
            "1935-12-31",
        ),
        (
            "fr",
            "Le 4 avril 1949, le traité est signé. Au début de l’année suivante, l'alliance s'organise.",
            "Au début de l’année suivante",
            "1950-01-01",
            "1950-04-30",
        ),
        (
            "fr",
            "En juin 1812, l'armée entre en Russie. En fin d'année, elle se replie.",
            "En fin d'année",
            "1812-09-01",
            "1812-12-31",
        ),
        (
            "fr",
            "En 1961, le mur est construit ; vers le milieu de l'année précédente, les départs s'accélèrent.",
            "vers le milieu de l'année précédente",
            "1960-05-01",
            "1960-08-31",
        ),
        (
            "en",
            "In February 1917, riots broke out. By the end of the year, the Bolsheviks ruled.",
            "By the end of the year",
            "1917-09-01",
            "1917-12-31",
        ),
        (
            "en",
            "On 2 May 1945, Berlin fell. Early the following year, Churchill spoke at Fulton.",
            "Early the following year",
            "1946-01-01",
            "1946-04-30",
        ),
        (
            "en",
            "In April 1861, war began. At the beginning of the next year, Grant advanced.",
            "At the beginning of the next year",
            "1862-01-01",
            "1862-04-30",
        ),
        (
            "en",
            "In 1929 stocks crashed; late that year, banks failed.",
            "late that year",
            "1929-09-01",
            "1929-12-31",
        ),
    ],
)
def test_parts_of_a_year_less_year_are_thirds_of_the_anchor_year(language, text, label, start, end):
    found = mention(text, language, label)
    assert (found.date_start, found.date_end, found.precision) == (
        date.fromisoformat(start),
        date.fromisoformat(end),
        RELATIVE,
    )
    assert not found.background


@pytest.mark.parametrize(
    ("language", "text", "label"),
    [
        ("fr", "Au début de l'année 1917, les grèves se multiplient.", "Au début de l'année 1917"),
        ("en", "By the end of 1876, pensions were bonds.", "By the end of 1876"),
    ],
)
def test_a_part_of_a_named_year_stays_an_explicit_year(language, text, label):
    assert mention(text, language, label).precision == YEAR


@pytest.mark.parametrize(
    ("language", "text", "label"),
    [
        ("fr", "Depuis la révolution de 1830, le roi règne.", "1830"),
        ("fr", "Le tribunal annule la sentence de 1920.", "1920"),
        ("fr", "Il efface ainsi la lourde défaite de 1918.", "1918"),
        ("en", "The treaty undid the partition of 1772.", "1772"),
        ("en", "Nobody forgot the great famine of 1846.", "1846"),
    ],
)
def test_a_year_completing_a_noun_is_a_backdrop(language, text, label):
    assert mention(text, language, label).background


@pytest.mark.parametrize(
    ("language", "text", "label"),
    [
        ("fr", "Au cours de 1943, la résistance grandit.", "1943"),
        ("en", "In the first half of 1943, output doubled.", "1943"),
    ],
)
def test_a_year_cut_into_parts_is_no_backdrop(language, text, label):
    assert not mention(text, language, label).background


@pytest.mark.parametrize(
    ("language", "text", "relative", "year"),
    [
        (
            "fr",
            "Le 12 mars 1938, l'armée entre en Autriche. Hitler efface ainsi la défaite de 1918. "
            "Deux jours plus tard, il parade à Vienne.",
            "Deux jours plus tard",
            1938,
        ),
        (
            "en",
            "On 4 June 1989, the army fired. Nobody forgot the massacre of 1976. "
            "The next morning, the square was empty.",
            "The next morning",
            1989,
        ),
    ],
)
def test_a_year_completing_a_noun_never_becomes_the_anchor(language, text, relative, year):
    assert mention(text, language, relative).date_start.year == year


@pytest.mark.parametrize(
    ("language", "text", "bound"),
    [
        (
            "fr",
            "Le 3 mai 1990, moins d'un an après la révolution, les Roumains votent.",
            "un an après",
        ),
        (
            "fr",
            "Le 5 mars 1953, Staline meurt ; plus de deux ans plus tard, rien.",
            "deux ans plus tard",
        ),
        (
            "en",
            "On 3 May 1990, less than a year after the revolution, Romanians voted.",
            "a year after",
        ),
        (
            "en",
            "On 5 March 1953, Stalin died; more than two years later, nothing.",
            "two years later",
        ),
    ],
)
def test_a_bounded_lapse_of_time_is_not_a_date(language, text, bound):
    labels = [m.label for m in find_dates(text, language)]
    assert labels and bound not in labels


@pytest.mark.parametrize(
    ("language", "text", "label", "start", "end"),
    [
        # Parts of the anchor's month (or of the next one).
        (
            "fr",
            "Le 4 octobre 1957, Spoutnik est lancé. À la fin du mois, les journaux s'inquiètent.",
            "À la fin du mois",
            "1957-10-21",
            "1957-10-31",
        ),
        (
            "fr",
            "Le 9 février 1950, McCarthy parle. Au début du mois suivant, l'enquête commence.",
            "Au début du mois suivant",
            "1950-03-01",
            "1950-03-10",
        ),
        (
            "en",
            "On 4 October 1957, Sputnik flew. At the end of the month, papers panicked.",
            "At the end of the month",
            "1957-10-21",
            "1957-10-31",
        ),
        (
            "en",
            "On 9 February 1950, McCarthy spoke. Early the following month, hearings began.",
            "Early the following month",
            "1950-03-01",
            "1950-03-10",
        ),
        # A day of the anchor's month.
        (
            "fr",
            "Le 3 avril 1968, King parle à Memphis. Le 11 du même mois, la loi est signée.",
            "Le 11 du même mois",
            "1968-04-11",
            "1968-04-11",
        ),
        (
            "en",
            "On 3 April 1968, King spoke in Memphis. On the 11th of the same month, the act passed.",
            "On the 11th of the same month",
            "1968-04-11",
            "1968-04-11",
        ),
        # A named month of the anchor's year.
        (
            "fr",
            "En février 1956, Khrouchtchev dénonce Staline. En octobre de la même année, "
            "Budapest se soulève.",
            "En octobre de la même année",
            "1956-10-01",
            "1956-10-31",
        ),
        (
            "fr",
            "En mai 1958, le général revient. Fin mars de l'année suivante, le franc change.",
            "Fin mars de l'année suivante",
            "1959-03-21",
            "1959-03-31",
        ),
        (
            "en",
            "In February 1956, Khrushchev denounced Stalin. In October of that year, "
            "Budapest rose.",
            "In October of that year",
            "1956-10-01",
            "1956-10-31",
        ),
        (
            "en",
            "In May 1958, de Gaulle returned. Late in March of the following year, the franc changed.",
            "Late in March of the following year",
            "1959-03-21",
            "1959-03-31",
        ),
        # « Au bout de trois jours », "After three days," = three days later.
        (
            "fr",
            "Le 10 août 1792, les Tuileries sont prises. Au bout de trois jours, le roi est emprisonné.",
            "Au bout de trois jours",
            "1792-08-13",
            "1792-08-13",
        ),
        (
            "en",
            "On 10 August 1792, the Tuileries fell. After three days, the king was imprisoned.",
            "After three days",
            "1792-08-13",
            "1792-08-13",
        ),
        (
            "en",
            "On 10 August 1792, the Tuileries fell. The week after, the prisons were attacked.",
            "The week after",
            "1792-08-13",
            "1792-08-19",
        ),
        (
            "en",
            "The war ended in 1918. On New Year's Day 1919, crowds cheered.",
            "On New Year's Day 1919",
            "1919-01-01",
            "1919-01-01",
        ),
    ],
)
def test_parts_and_days_of_the_anchor_month_and_year(language, text, label, start, end):
    found = mention(text, language, label)
    assert (found.date_start, found.date_end) == (
        date.fromisoformat(start),
        date.fromisoformat(end),
    )
    assert not found.background


@pytest.mark.parametrize(
    ("language", "text", "labels"),
    [
        (
            "fr",
            "En 1956, crise. En octobre de la même année, révolte.",
            ["En 1956", "En octobre de la même année"],
        ),
        (
            "fr",
            "Le 2 mai 1849, fin. À la fin du mois de mai 1849, tout.",
            ["Le 2 mai 1849", "À la fin du mois de mai 1849"],
        ),
        (
            "en",
            "In 1956, a crisis. In October of that year, a revolt.",
            ["In 1956", "In October of that year"],
        ),
        (
            "en",
            "In June 1877, war. After eight months of fighting, peace came on 24 February.",
            ["In June 1877", "on 24 February"],
        ),
    ],
)
def test_relative_month_phrases_and_lapses_give_one_mention_each(language, text, labels):
    assert [m.label for m in find_dates(text, language)] == labels


@pytest.mark.parametrize(
    ("language", "text", "label", "start", "end"),
    [
        (
            "en",
            "On 12 March 1947, Truman spoke to Congress; that June, Marshall offered aid.",
            "that June",
            "1947-06-01",
            "1947-06-30",
        ),
        (
            "en",
            "In April 1961, the invasion failed. In that same August, the wall rose.",
            "In that same August",
            "1961-08-01",
            "1961-08-31",
        ),
        (
            "en",
            "In the early hours of 22 June 1941, German troops crossed the border.",
            "In the early hours of 22 June 1941",
            "1941-06-22",
            "1941-06-22",
        ),
        (
            "fr",
            "Au petit matin du 22 juin 1941, les troupes allemandes franchissent la frontière.",
            "Au petit matin du 22 juin 1941",
            "1941-06-22",
            "1941-06-22",
        ),
        (
            "fr",
            "Aux premières heures du 1er septembre 1939, la Pologne est envahie.",
            "Aux premières heures du 1er septembre 1939",
            "1939-09-01",
            "1939-09-01",
        ),
    ],
)
def test_that_month_and_the_first_hours_of_a_day(language, text, label, start, end):
    found = mention(text, language, label)
    assert (found.date_start, found.date_end) == (
        date.fromisoformat(start),
        date.fromisoformat(end),
    )


@pytest.mark.parametrize(
    ("language", "text", "deadline", "relative", "year"),
    [
        (
            "en",
            "In May 1919, the delegates agreed that Germany would pay by May 1921. "
            "The following month, the treaty was signed.",
            "by May 1921",
            "The following month",
            1919,
        ),
        (
            "en",
            "In 1954, France promised to withdraw before 1 July 1956. Two days later, talks ended.",
            "1 July 1956",
            "Two days later",
            1954,
        ),
        (
            "fr",
            "En janvier 1973, les États-Unis s'engagent à partir d'ici mars 1973. "
            "Le mois suivant, les prisonniers rentrent.",
            "mars 1973",
            "Le mois suivant",
            1973,
        ),
        (
            "fr",
            "En 1962, l'accord prévoit un référendum avant juillet 1962. Deux jours plus tard, "
            "l'OAS frappe.",
            "juillet 1962",
            "Deux jours plus tard",
            1962,
        ),
    ],
)
def test_a_deadline_of_a_plan_is_a_backdrop_not_the_anchor(
    language, text, deadline, relative, year
):
    assert mention(text, language, deadline).background
    anchored = mention(text, language, relative)
    assert anchored.date_start.year == year


@pytest.mark.parametrize(
    ("language", "text", "label"),
    [
        ("en", "By May 1945 Germany had surrendered.", "By May 1945"),
        ("en", "The siege lasted until 27 January 1944.", "27 January 1944"),
        ("fr", "Rien n'est annoncé avant le 8 septembre 1943.", "le 8 septembre 1943"),
    ],
)
def test_by_or_before_without_a_plan_still_dates_an_event(language, text, label):
    assert not mention(text, language, label).background


@pytest.mark.parametrize(
    ("language", "text", "label", "start", "end", "precision"),
    [
        # Before the anchor.
        (
            "fr",
            "Le 9 novembre 1799, Bonaparte prend le pouvoir. Dix jours auparavant, Sieyès l'avait reçu.",
            "Dix jours auparavant",
            "1799-10-30",
            "1799-10-30",
            RELATIVE,
        ),
        (
            "fr",
            "Le 14 juillet 1789, la Bastille tombe. Deux jours plus tôt, Necker était renvoyé.",
            "Deux jours plus tôt",
            "1789-07-12",
            "1789-07-12",
            RELATIVE,
        ),
        (
            "en",
            "On 9 November 1799, Bonaparte seized power. Ten days earlier, Sieyès had met him.",
            "Ten days earlier",
            "1799-10-30",
            "1799-10-30",
            RELATIVE,
        ),
        (
            "en",
            "On 14 July 1789, the Bastille fell. Two days before, Necker was dismissed.",
            "Two days before",
            "1789-07-12",
            "1789-07-12",
            RELATIVE,
        ),
        # A bare day of the anchor's month (of the next month when it would fall before).
        (
            "fr",
            "Le 18 octobre 1962, Gromyko ment. Le 22, Kennedy parle à la télévision.",
            "Le 22",
            "1962-10-22",
            "1962-10-22",
            RELATIVE,
        ),
        (
            "fr",
            "Le 25 octobre 1917, les bolcheviks attaquent. Le 2, ils tiennent Moscou.",
            "Le 2",
            "1917-11-02",
            "1917-11-02",
            RELATIVE,
        ),
        (
            "en",
            "In October 1962, missiles were found. On the 22nd, Kennedy spoke on television.",
            "On the 22nd",
            "1962-10-22",
            "1962-10-22",
            RELATIVE,
        ),
        # A span of years with a dash opening its clause.
        (
            "fr",
            "En 1914-1918, la France perd 1,4 million d'hommes.",
            "En 1914-1918",
            "1914-01-01",
            "1918-12-31",
            YEAR,
        ),
        (
            "en",
            "In 1950–1953, the war killed millions.",
            "In 1950–1953",
            "1950-01-01",
            "1953-12-31",
            YEAR,
        ),
    ],
)
def test_earlier_phrases_bare_days_and_dashed_spans(language, text, label, start, end, precision):
    found = mention(text, language, label)
    assert (found.date_start, found.date_end, found.precision) == (
        date.fromisoformat(start),
        date.fromisoformat(end),
        precision,
    )
    assert not found.background


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "In 1860, Lincoln won. He was the 16th president."),
        ("en", "In 1860, a fire broke out on the 25th floor."),
        ("fr", "En 1860, il habite au 25, rue de Rivoli."),
    ],
)
def test_an_ordinal_or_an_address_is_no_bare_day(language, text):
    assert [m.label for m in find_dates(text, language)] == [text.split(",")[0]]


@pytest.mark.parametrize(
    ("language", "text", "label"),
    [
        ("fr", "La guerre de 1914-18 tue dix millions d'hommes.", "1914-18"),
        ("en", "The war of 1914-18 was long.", "1914-18"),
    ],
)
def test_a_span_with_a_two_digit_end_inside_a_clause_is_a_backdrop(language, text, label):
    found = mention(text, language, label)
    assert found.background
    assert (found.date_start, found.date_end) == (date(1914, 1, 1), date(1918, 12, 31))


@pytest.mark.parametrize(
    ("language", "text", "label", "background"),
    [
        # A noun with its year opening the clause dates what the clause tells.
        ("fr", "La réforme de 1884, votée sans débat, autorise les syndicats.", "1884", False),
        ("en", "The reform of 1884, passed without debate, allowed unions.", "1884", False),
        # Inside the clause, it only names which one.
        ("fr", "Le 2 mars 1885, le Sénat confirme la réforme de 1884.", "1884", True),
        ("en", "On 2 March 1885, the Senate upheld the reform of 1884.", "1884", True),
    ],
)
def test_a_noun_with_its_year_opening_a_clause_is_no_backdrop(language, text, label, background):
    assert mention(text, language, label).background is background


@pytest.mark.parametrize(
    ("language", "text", "label", "later", "later_start"),
    [
        (
            "fr",
            "L'année 1848 est celle des révolutions : entre février et juin, l'Europe s'embrase.",
            "L'année 1848",
            "entre février et juin",
            "1848-02-01",
        ),
        (
            "en",
            "The year 1848 saw revolutions; in February, Paris rose.",
            "The year 1848",
            "in February",
            "1848-02-01",
        ),
    ],
)
def test_the_year_named_as_such_is_a_date_and_an_anchor(language, text, label, later, later_start):
    assert mention(text, language, label).date_start == date(1848, 1, 1)
    assert mention(text, language, later).date_start == date.fromisoformat(later_start)


@pytest.mark.parametrize(
    ("language", "text", "other"),
    [
        (
            "fr",
            "En 1917, la guerre dure. Le 7 novembre (25 octobre dans le calendrier julien), "
            "les bolcheviks prennent le pouvoir. Deux jours plus tard, Lenine parle.",
            "25 octobre",
        ),
        (
            "en",
            "In 1917, the war went on. On 7 November (25 October in the Julian calendar), the "
            "Bolsheviks seized power. Two days later, Lenin spoke.",
            "25 October",
        ),
    ],
)
def test_a_date_in_brackets_after_a_date_is_another_writing_of_it(language, text, other):
    assert mention(text, language, other).background
    later = [m for m in find_dates(text, language) if m.label.lower().startswith(("deux", "two"))]
    assert later[0].date_start == date(1917, 11, 9)


def test_the_night_before_is_the_day_before_the_anchor():
    text = "On 14 July 1789, the Bastille fell. The night before, Paris was restless."
    found = mention(text, "en", "The night before")
    assert (found.date_start, found.date_end) == (date(1789, 7, 13), date(1789, 7, 13))


@pytest.mark.parametrize(
    ("text", "label", "start", "end"),
    [
        (
            "Le 2 décembre 1851, coup d'État. Un an plus tard, l'Empire est proclamé.",
            "Un an plus tard",
            "1852-12-02",
            "1852-12-02",
        ),
        (
            "En mai 1871, la Commune tombe. Cette même année, Thiers devient président.",
            "Cette même année",
            "1871-01-01",
            "1871-12-31",
        ),
        (
            "Le 28 mai 1968, les grèves durent. Le 30 au soir, de Gaulle parle.",
            "Le 30",
            "1968-05-30",
            "1968-05-30",
        ),
    ],
)
def test_a_year_in_the_singular_this_same_year_and_a_bare_day_with_its_evening(
    text, label, start, end
):
    found = mention(text, "fr", label)
    assert (found.date_start, found.date_end) == (
        date.fromisoformat(start),
        date.fromisoformat(end),
    )


@pytest.mark.parametrize(
    ("language", "text", "label", "start", "end", "precision"),
    [
        # A span of days whose first day has no month of its own.
        (
            "fr",
            "Entre le 10 et le 15 mai 1958, Alger s'agite.",
            "Entre le 10 et le 15 mai 1958",
            "1958-05-10",
            "1958-05-15",
            DAY,
        ),
        (
            "fr",
            "En juin 1940, la France s'effondre. Entre le 17 et le 22 juin, Pétain négocie.",
            "Entre le 17 et le 22 juin",
            "1940-06-17",
            "1940-06-22",
            DAY,
        ),
        (
            "en",
            "Between 10 and 15 May 1958, Algiers was in turmoil.",
            "Between 10 and 15 May 1958",
            "1958-05-10",
            "1958-05-15",
            DAY,
        ),
        (
            "en",
            "Between May 10 and 15, 1958, Algiers was in turmoil.",
            "Between May 10 and 15, 1958",
            "1958-05-10",
            "1958-05-15",
            DAY,
        ),
        # The first day of a month in letters.
        (
            "fr",
            "Le premier mai 1891, la troupe tire sur les grévistes de Fourmies.",
            "Le premier mai 1891",
            "1891-05-01",
            "1891-05-01",
            DAY,
        ),
        (
            "fr",
            "Le 3 décembre 1918, l'armistice tient. Le premier janvier, Paris fête la paix.",
            "Le premier janvier",
            "1919-01-01",
            "1919-01-01",
            DAY,
        ),
        (
            "fr",
            "Du 25 avril au premier mai 1891, les grèves durent.",
            "Du 25 avril au premier mai 1891",
            "1891-04-25",
            "1891-05-01",
            DAY,
        ),
        (
            "en",
            "On the first of May 1891, troops fired at Fourmies.",
            "On the first of May 1891",
            "1891-05-01",
            "1891-05-01",
            DAY,
        ),
        # A span of years with a two-digit end opening its clause, as with four digits.
        (
            "fr",
            "En 1914-18, la France perd 1,4 million d'hommes.",
            "En 1914-18",
            "1914-01-01",
            "1918-12-31",
            YEAR,
        ),
        (
            "en",
            "In 1914–18, Britain lost 700,000 men.",
            "In 1914–18",
            "1914-01-01",
            "1918-12-31",
            YEAR,
        ),
        (
            "fr",
            "La guerre éclate. En 1939-45, cinquante millions d'hommes meurent.",
            "En 1939-45",
            "1939-01-01",
            "1945-12-31",
            YEAR,
        ),
        (
            "en",
            "In 1861-65, the Union fought the Confederacy.",
            "In 1861-65",
            "1861-01-01",
            "1865-12-31",
            YEAR,
        ),
        (
            "en",
            "In 1998-02, the euro replaced the franc.",
            "In 1998-02",
            "1998-01-01",
            "2002-12-31",
            YEAR,
        ),
        # A year below 1000 named as a year.
        (
            "fr",
            "En l'an 800, Charlemagne est couronné à Rome.",
            "En l'an 800",
            "0800-01-01",
            "0800-12-31",
            YEAR,
        ),
        (
            "fr",
            "Vers l'an 1000, les églises se multiplient.",
            "Vers l'an 1000",
            "1000-01-01",
            "1000-12-31",
            YEAR,
        ),
        (
            "fr",
            "L'an 987 voit Hugues Capet élu roi.",
            "L'an 987",
            "0987-01-01",
            "0987-12-31",
            YEAR,
        ),
        (
            "en",
            "The Romans left Britain in the year 410.",
            "in the year 410",
            "0410-01-01",
            "0410-12-31",
            YEAR,
        ),
        # Weeks of a month: 1–7, 8–14, 15–21, 22–28, the last seven days.
        (
            "fr",
            "La première semaine d'août 1914, les armées se mobilisent.",
            "La première semaine d'août 1914",
            "1914-08-01",
            "1914-08-07",
            MONTH,
        ),
        (
            "fr",
            "Dès la deuxième semaine du mois de septembre 1914, la Marne arrête les Allemands.",
            "Dès la deuxième semaine du mois de septembre 1914",
            "1914-09-08",
            "1914-09-14",
            MONTH,
        ),
        (
            "fr",
            "En 1944, Cassino résiste. Dans la dernière semaine de février, l'abbaye est détruite.",
            "Dans la dernière semaine de février",
            "1944-02-23",
            "1944-02-29",
            MONTH,
        ),
        (
            "en",
            "In the second week of May 1940, the Germans attacked the Netherlands.",
            "In the second week of May 1940",
            "1940-05-08",
            "1940-05-14",
            MONTH,
        ),
        (
            "en",
            "During the fourth week of June 1941, Germany invaded the Soviet Union.",
            "During the fourth week of June 1941",
            "1941-06-22",
            "1941-06-28",
            MONTH,
        ),
        (
            "en",
            "During the last week of April 1945, Berlin fell street by street.",
            "During the last week of April 1945",
            "1945-04-24",
            "1945-04-30",
            MONTH,
        ),
    ],
)
def test_labels_the_fact_checker_learnt_are_proposed_with_their_range(
    language, text, label, start, end, precision
):
    assert_dated(language, text, label, start, end, precision)


def test_two_days_joined_by_et_without_entre_stay_apart():
    text = "En 1958, le 10 et le 15 mai, Alger s'agite."
    assert "le 10 et le 15 mai" not in [m.label for m in find_dates(text, "fr")]


@pytest.mark.parametrize(
    ("language", "text", "labels"),
    [
        ("fr", "Le premier ministre parle le 3 mai 1891.", ["le 3 mai 1891"]),
        ("en", "The first May Day parade was held in 1890.", ["in 1890"]),
    ],
)
def test_premier_and_first_before_other_words_are_no_day(language, text, labels):
    assert [m.label for m in find_dates(text, language)] == labels


def test_a_year_below_1000_anchors_the_dates_after_it():
    text = "En l'an 800, Charlemagne est couronné. Le 25 décembre, il entre à Saint-Pierre."
    found = mention(text, "fr", "Le 25 décembre")
    assert (found.date_start, found.date_end) == (date(800, 12, 25), date(800, 12, 25))


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # Before Christ: a date a Python date cannot hold, and no year of our era.
        ("fr", "César conquiert la Gaule en l'an 52 av. J.-C."),
        ("fr", "Rome est fondée en l'an 753 avant notre ère."),
        ("en", "Caesar died in the year 44 BC."),
        # Three digits without the word for a year are a number.
        ("fr", "Ils sont 800 au départ."),
    ],
)
def test_a_year_before_christ_or_a_bare_number_below_1000_is_no_date(language, text):
    assert find_dates(text, language) == []


@pytest.mark.parametrize(
    ("language", "text", "label", "start", "end"),
    [
        (
            "en",
            "On 5 June 1947, Marshall spoke. Throughout the autumn, Clayton argued for aid.",
            "Throughout the autumn",
            date(1947, 9, 22),
            date(1947, 12, 20),
        ),
        (
            "en",
            "On 2 July 1947, Molotov left. Through the summer, the committee worked.",
            "Through the summer",
            date(1947, 6, 21),
            date(1947, 9, 21),
        ),
        (
            "en",
            "In October 1948, Truman won. Over the winter, the airlift went on.",
            "Over the winter",
            date(1948, 12, 21),
            date(1949, 3, 19),
        ),
        (
            "fr",
            "Le 5 juin 1947, Marshall parle. Tout au long de l'automne, Clayton plaide.",
            "Tout au long de l'automne",
            date(1947, 9, 22),
            date(1947, 12, 20),
        ),
        (
            "fr",
            "Tout au long du printemps 1948, le Congrès débat du plan.",
            "Tout au long du printemps 1948",
            date(1948, 3, 20),
            date(1948, 6, 20),
        ),
    ],
)
def test_throughout_over_and_tout_au_long_de_a_season(language, text, label, start, end):
    found = mention(text, language, label)
    assert (found.date_start, found.date_end) == (start, end)
    assert not found.background


@pytest.mark.parametrize(
    ("language", "text", "label"),
    [
        (
            "en",
            "Dean Acheson, Truman's secretary of state from 1949, later praised the plan.",
            "1949",
        ),
        (
            "en",
            "Lucius Clay, military governor from March 1947, afterwards wrote his memoirs.",
            "March 1947",
        ),
        (
            "fr",
            "Édouard Herriot, maire de Lyon à partir de 1905, devient plus tard président du "
            "Conseil.",
            "à partir de 1905",
        ),
        (
            "fr",
            "Léon Blum, président du Conseil dès juin 1936, sera ensuite déporté.",
            "dès juin 1936",
        ),
    ],
)
def test_a_role_s_open_start_before_a_later_clause_is_a_backdrop(language, text, label):
    assert mention(text, language, label).background


@pytest.mark.parametrize(
    ("language", "text", "label"),
    [
        ("en", "Clement Attlee, prime minister from 1945, nationalised the mines.", "1945"),
        (
            "fr",
            "Édouard Daladier, président du Conseil à partir d'avril 1938, gouverne au centre.",
            "avril 1938",
        ),
        ("en", "From 1949, the Soviet Union had the bomb, and later it tested more.", "1949"),
        (
            "fr",
            "Dès le 19 septembre 1870, les Prussiens assiègent Paris.",
            "Dès le 19 septembre 1870",
        ),
    ],
)
def test_an_open_start_that_dates_its_clause_stays_an_event(language, text, label):
    assert not mention(text, language, label).background


@pytest.mark.parametrize(
    ("text", "label", "day"),
    [
        (
            "On 16 December 1773, colonists dumped the tea. A fortnight later, Gage sailed.",
            "A fortnight later",
            date(1773, 12, 30),
        ),
        (
            "On 1 March 1918, the bill passed. Two fortnights afterwards, it became law.",
            "Two fortnights afterwards",
            date(1918, 3, 29),
        ),
        (
            "On 4 June 1913, Davison ran onto the course; one fortnight after, crowds mourned.",
            "one fortnight after",
            date(1913, 6, 18),
        ),
    ],
)
def test_a_fortnight_later_is_fourteen_days_after_the_anchor(text, label, day):
    found = mention(text, "en", label)
    assert (found.date_start, found.date_end, found.precision) == (day, day, RELATIVE)
