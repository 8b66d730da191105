"""People with their roles, army commanders, places with what happened there, figures."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizzes.extraction.people import role_candidates
from quizzes.extraction.places import figure_candidates, place_candidates

SEED = Path("/work/shared/sources/000_2dab07fba6e07a38.txt")


def assert_verbatim(text, candidates):
    for candidate in candidates:
        assert text[candidate.quote_start : candidate.quote_end] == candidate.quote


def roles_of(text, language):
    candidates = role_candidates(text, language)
    assert_verbatim(text, candidates)
    return {(c.subject, c.relation, c.object) for c in candidates}


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("fr", "Le maréchal Pietro Badoglio prend le pouvoir.", ("Pietro Badoglio", "maréchal")),
        (
            "fr",
            "Le dictateur italien Benito Mussolini tombe.",
            ("Benito Mussolini", "dictateur italien"),
        ),
        (
            "fr",
            "Nikita Khrouchtchev, premier secrétaire du Parti communiste, décide.",
            ("Nikita Khrouchtchev", "premier secrétaire du Parti communiste"),
        ),
        (
            "fr",
            "Georges Clemenceau devient président du Conseil en 1917.",
            ("Georges Clemenceau", "président du Conseil"),
        ),
        (
            "en",
            "General Lucius D. Clay, the American military governor, proposed a convoy.",
            ("Lucius D. Clay", "American military governor"),
        ),
        (
            "en",
            "General Lucius D. Clay, the American military governor, proposed a convoy.",
            ("Lucius D. Clay", "General"),
        ),
        ("en", "Soviet leader Nikita Khrushchev agreed.", ("Nikita Khrushchev", "Soviet leader")),
        (
            "en",
            "Ernest Bevin, the British Foreign Secretary, backed the plan.",
            ("Ernest Bevin", "British Foreign Secretary"),
        ),
        (
            "en",
            "That summer, an American pilot, Lieutenant Gail Halvorsen, dropped sweets.",
            ("Gail Halvorsen", "American pilot"),
        ),
    ],
)
def test_title_or_apposition_gives_the_role(language, text, expected):
    name, role = expected
    assert (name, "role", role) in roles_of(text, language)


def test_plural_title_gives_the_role_to_each_name():
    roles = roles_of("Le 20 septembre, les généraux Dumouriez et Kellermann arrêtent.", "fr")
    assert {("Dumouriez", "role", "généraux"), ("Kellermann", "role", "généraux")} <= roles


def test_person_named_twice_with_same_role_is_proposed_once_with_fullest_name():
    text = "Le maréchal Bernard L. Montgomery avance. Plus tard, le maréchal Montgomery recule."
    candidates = role_candidates(text, "fr")
    assert [(c.subject, c.object) for c in candidates] == [("Bernard L. Montgomery", "maréchal")]


def test_two_people_with_one_surname_are_not_merged():
    text = "Le président John F. Kennedy hésite. Son frère Robert Kennedy, procureur général, agit."
    assert ("Robert Kennedy", "role", "procureur général") in roles_of(text, "fr")


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "In 1948, Harry S. Truman ordered an airlift to West Berlin."),
        ("en", "The icy Delaware River was crossed at night."),
        ("fr", "Robespierre, né en 1758, élimine ses rivaux."),
    ],
)
def test_no_role_without_a_role_in_the_text(language, text):
    assert roles_of(text, language) == set()


def test_seed_text_people_commands_places_and_figures():
    text = SEED.read_text()
    roles = roles_of(text, "fr")
    assert {
        ("Bernard L. Montgomery", "role", "maréchal"),
        ("George S. Patton", "role", "général"),
        ("Benito Mussolini", "role", "dictateur italien"),
        ("Pietro Badoglio", "role", "maréchal"),
        ("Bernard L. Montgomery", "commands", "8e armée britannique"),
        ("George S. Patton", "commands", "7e armée américaine"),
    } <= roles
    places = place_candidates(text, "fr")
    assert_verbatim(text, places)
    by_place = {(c.subject, c.object) for c in places}
    assert ("Messine", "Patton arrive avant Montgomery") in by_place
    assert ("Rome", "tombe en juin 1944") in by_place
    assert {"Sicile", "Calabre", "Messine", "Rome"} <= {c.subject for c in places}
    assert "Montgomery" not in {c.subject for c in places}
    figures = figure_candidates(text, "fr")
    assert_verbatim(text, figures)
    assert [(c.subject, c.object) for c in figures] == [
        ("150 000", "soldats alliés sont débarqués")
    ]


def test_english_army_commander_from_possessive():
    roles = roles_of("Montgomery's Eighth Army had fought in Italy.", "en")
    assert ("Montgomery", "commands", "Eighth Army") in roles


def test_english_place_after_preposition_with_event_verb():
    text = "On 26 June 1948, the first transport planes landed at Tempelhof."
    places = place_candidates(text, "en")
    assert_verbatim(text, places)
    assert [(c.subject, c.object) for c in places] == [
        ("Tempelhof", "the first transport planes landed")
    ]


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
