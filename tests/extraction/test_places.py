"""Places with what happened there, and figures with what they measure."""

from __future__ import annotations

import json
import re

import pytest

from quizzes.extraction.places import (
    clause_spans,
    figure_candidates,
    place_candidates,
    sentence_spans,
)
from tests.extraction.corpus import DEV_TEXTS as TEXTS
from tests.extraction.corpus import assert_verbatim, seed_text


def places_of(text, language):
    candidates = place_candidates(text, language)
    assert_verbatim(text, candidates)
    return {(c.subject, c.object) for c in candidates}


# --- sentences -------------------------------------------------------------------------------


def test_sentences_never_cross_a_newline_nor_end_on_an_initial():
    text = "Le maréchal Bernard L. Montgomery arrive à Messine.\nÀ Rome, tout change.\n."
    spans = sentence_spans(text)
    assert [text[a:b] for a, b in spans] == [
        "Le maréchal Bernard L. Montgomery arrive à Messine.",
        "À Rome, tout change.",
    ]


def test_clauses_are_cut_at_semicolons():
    text = "Ils débarquent dans la baie ; l’opération échoue."
    assert [text[a:b] for a, b in clause_spans(text)] == [
        "Ils débarquent dans la baie ;",
        "l’opération échoue.",
    ]


# --- places ----------------------------------------------------------------------------------


def test_seed_text_places_read_as_clean_statements():
    text = seed_text()
    candidates = place_candidates(text, "fr")
    assert_verbatim(text, candidates)
    places = {(c.subject, c.object) for c in candidates}
    assert {
        ("Messine", "Patton arrive avant Montgomery"),
        ("Rome", "tombe en juin 1944"),
        (
            "Rome",
            "la conquête alliée de la Sicile entraîne l’effondrement du gouvernement de Mussolini",
        ),
        ("Abruzzes", "Mussolini est sauvé d’une prison par des commandos allemands"),
    } <= places
    # « l’Italie fasciste », « toute l’Allemagne », « à travers l’Italie »: not locations
    assert not {"Italie", "Allemagne", "Montgomery"} & {c.subject for c in candidates}
    for candidate in candidates:
        assert "\n" not in candidate.quote
        assert candidate.subject.lower() not in candidate.object.lower()
        assert candidate.text == f"{candidate.subject} : {candidate.object}"


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "fr",
            "Le 26 mars 1918, à Doullens, le général Ferdinand Foch est chargé de coordonner.",
            ("Doullens", "le général Ferdinand Foch est chargé de coordonner"),
        ),
        (
            "fr",
            "Le 17 avril 1961, des exilés cubains débarquent dans la baie des Cochons ; ils échouent.",
            ("baie des Cochons", "des exilés cubains débarquent"),
        ),
        (
            "fr",
            "Le 5 mai 1789, les députés – clergé, noblesse et tiers état – se retrouvent à Versailles.",
            ("Versailles", "les députés se retrouvent"),
        ),
        (
            "fr",
            "Le 21 février 1916, les Allemands attaquent Verdun.",
            ("Verdun", "les Allemands attaquent"),
        ),
        (
            "en",
            "On 26 June 1948, the first transport planes landed at Tempelhof.",
            ("Tempelhof", "the first transport planes landed"),
        ),
        (
            "en",
            "On 10 May, the Second Continental Congress met in Philadelphia.",
            ("Philadelphia", "the Second Continental Congress met"),
        ),
        (
            "en",
            "On 24 July, the three astronauts splashed down in the Pacific Ocean.",
            ("Pacific Ocean", "the three astronauts splashed down"),
        ),
    ],
)
def test_place_with_what_happened_there(language, text, expected):
    assert places_of(text, language) == {expected}


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # possessor, noun phrase, route, whole country, dative, relative clause
        ("fr", "Mussolini envisage de construire l’Italie fasciste en un nouvel Empire romain."),
        ("fr", "Six jours plus tard, toute l’Allemagne se rend."),
        ("fr", "Mais l’avancée des Alliés à travers l’Italie s’avère être lente."),
        ("fr", "Les forces allemandes en Italie se rendent le 1er mai."),
        ("fr", "En octobre, le gouvernement Badoglio déclare la guerre à l’Allemagne."),
        ("fr", "Il veut répondre aux missiles que les États-Unis ont installés en Turquie."),
        # no subject, a pronoun for a subject, a place inside a noun phrase
        ("en", "Later, landed their module in the Sea of Tranquility."),
        ("en", "The next morning he surprised the Hessian garrison at Trenton."),
        ("en", "British troops sent to seize weapons at Concord clashed with the militia."),
        ("en", "They protested against taxes voted by Parliament in London."),
        ("en", "A fire broke out inside the Apollo 1 capsule."),
    ],
)
def test_no_place_without_a_clean_statement(language, text):
    assert places_of(text, language) == set()


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.stem)
def test_dev_texts_places_are_verbatim_and_clean(path):
    text = path.read_text()
    language = json.loads(path.with_suffix("").with_suffix(".gold.json").read_text())["language"]
    candidates = place_candidates(text, language)
    assert_verbatim(text, candidates)
    assert candidates
    for candidate in candidates:
        assert "\n" not in candidate.quote
        assert candidate.subject.lower() not in candidate.object.lower()
        assert len(candidate.object.split()) >= 2


def test_dev_texts_places_against_gold():
    """Recall and precision of places over the dev texts (right: a gold name, quoted)."""
    right = total = found = gold_total = 0
    for path in TEXTS:
        text = path.read_text()
        gold = json.loads(path.with_suffix("").with_suffix(".gold.json").read_text())
        names = {p["name"].lower() for p in gold["places"]}
        candidates = place_candidates(text, gold["language"])
        hits = {
            c.subject.lower()
            for c in candidates
            if c.subject.lower() in names and c.subject in c.quote
        }
        right += sum(c.subject.lower() in hits for c in candidates)
        total += len(candidates)
        found += len(hits)
        gold_total += len(names)
    assert right / total >= 0.75
    assert found / gold_total >= 0.35


# --- figures ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "figure", "measured"),
    [
        ("In all, 277,000 tons of supplies were flown in.", "277,000", "tons of supplies"),
        ("The airlift carried 2.3 million tons of cargo.", "2.3 million", "tons of cargo"),
    ],
)
def test_figure_with_what_it_measures(text, figure, measured):
    figures = figure_candidates(text, "en")
    assert_verbatim(text, figures)
    assert [(c.subject, c.object.startswith(measured)) for c in figures] == [(figure, True)]


@pytest.mark.parametrize(
    "text",
    ["Le 8 septembre 1943, la 8e armée débarque.", "On 24 June 1948 the blockade began."],
)
def test_years_days_and_ordinals_are_not_figures(text):
    assert figure_candidates(text, "fr") == []


def test_seed_text_figure_is_a_clean_noun_phrase():
    text = seed_text()
    figures = figure_candidates(text, "fr")
    assert_verbatim(text, figures)
    assert [(c.subject, c.object) for c in figures] == [
        ("150 000", "soldats alliés débarqués en trois jours")
    ]
    assert figures[0].quote == "En trois jours, 150 000 soldats alliés sont débarqués."


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "fr",
            "Renforcés par plus d’un million de soldats américains, ils attaquent.",
            ("un million", "soldats américains"),
        ),
        (
            "fr",
            "Près de 17 000 personnes sont condamnées à mort.",
            ("17 000", "personnes condamnées à mort"),
        ),
        (
            "fr",
            "Ils transportent 42 missiles de moyenne portée.",
            ("42", "missiles de moyenne portée"),
        ),
        (
            "en",
            "Some two million civilians had food for a few weeks.",
            ("two million", "civilians"),
        ),
        ("en", "They hired twelve thousand workers.", ("twelve thousand", "workers")),
        (
            "en",
            "The airlift set its record: 1,398 flights delivered 12,941 tons of coal.",
            ("1,398", "flights"),
        ),
        (
            "en",
            "More than 1,000 of their soldiers were killed or wounded.",
            ("1,000", "soldiers killed or wounded"),
        ),
        ("en", "About seventy Allied airmen had lost their lives.", ("seventy", "Allied airmen")),
    ],
)
def test_figures_in_digits_or_words_with_a_noun_phrase(language, text, expected):
    figures = figure_candidates(text, language)
    assert_verbatim(text, figures)
    assert (expected[0], expected[1]) in {(c.subject, c.object) for c in figures}


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "In December 1972, Eugene Cernan, the commander of Apollo 17, left the Moon."),
        ("en", "The first American C-47 transport planes landed."),
        ("en", "Montgomery's Eighth Army landed; see page 12."),
        ("en", "Prices rose by 12 % that year."),
        ("en", "They seize weapons within twenty-four hours."),
        ("fr", "Le 11 novembre 1918, à 5 h 15, les combats cessent à 11 heures."),
        ("fr", "La bataille dure dix mois ; la 8e armée recule à 150 kilomètres."),
        ("fr", "Les 5 et 6 octobre, trois ordres se retrouvent."),
    ],
)
def test_no_figure_for_names_dates_ordinals_times_pages_or_bare_units(language, text):
    assert figure_candidates(text, language) == []


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.stem)
def test_dev_texts_figures_are_verbatim(path):
    text = path.read_text()
    language = json.loads(path.with_suffix("").with_suffix(".gold.json").read_text())["language"]
    figures = figure_candidates(text, language)
    assert_verbatim(text, figures)
    for candidate in figures:
        assert "\n" not in candidate.quote
        assert not re.fullmatch(r"1\d{3}|20\d{2}", candidate.subject)


# --- probes on unseen sentences ------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "fr",
            "Le 4 novembre, près d’un demi-million de personnes se rassemblent.",
            ("un demi-million", "personnes"),
        ),
        (
            "en",
            "On 4 November, half a million people gathered on the Alexanderplatz.",
            ("half a million", "people"),
        ),
        (
            "fr",
            "Des dizaines de milliers de manifestants défilent à Leipzig.",
            ("Des dizaines de milliers", "manifestants"),
        ),
        (
            "en",
            "Tens of thousands of demonstrators marched in Leipzig.",
            ("Tens of thousands", "demonstrators"),
        ),
        (
            "en",
            "The British arrested tens of thousands of his followers.",
            ("tens of thousands", "followers"),
        ),
        ("en", "Some 2,300 tons of food were flown in every day.", ("2,300", "tons of food")),
        ("fr", "La guerre fait 1 300 000 morts français.", ("1 300 000", "morts français")),
        ("en", "Over 50,000 troops landed on the first day.", ("50,000", "troops")),
        ("fr", "À Leipzig, 70 000 manifestants défilent.", ("70 000", "manifestants")),
        ("en", "In June, 150,000 soldiers landed.", ("150,000", "soldiers")),
        ("fr", "L’Allemagne perd 70 000 km² de territoire.", ("70 000", "km² de territoire")),
        ("en", "Over 8 million voters said yes.", ("8 million", "voters")),
    ],
)
def test_round_amounts_and_detached_numbers_are_figures(language, text, expected):
    figures = figure_candidates(text, language)
    assert_verbatim(text, figures)
    assert [(c.subject, c.object) for c in figures] == [expected]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "Il présente un programme en dix points."),
        ("en", "He presented a programme in fourteen points."),
        ("fr", "Le traité compte 440 articles et quinze clauses."),
        ("en", "The plan had 14 points and 3 stages."),
        ("fr", "La France paie une indemnité de cinq milliards de francs."),
        ("en", "The bill cost two million dollars."),
    ],
)
def test_no_figure_for_counts_of_abstract_things_or_bare_units(language, text):
    assert figure_candidates(text, language) == []


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "en",
            "Between 200,000 and one million people died in the violence.",
            ("Between 200,000 and one million", "people"),
        ),
        (
            "fr",
            "De 20 000 à 30 000 communards sont tués.",
            ("De 20 000 à 30 000", "communards tués"),
        ),
    ],
)
def test_a_range_is_one_figure(language, text, expected):
    figures = figure_candidates(text, language)
    assert_verbatim(text, figures)
    assert [(c.subject, c.object) for c in figures] == [expected]
