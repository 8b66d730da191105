"""People with their roles, army commanders, groups (places and figures: test_places.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quizzes.extraction.people import role_candidates

ROOT = Path(__file__).resolve().parents[2]


def seed_text() -> str:
    """The seed source (Italy 1943-1945), from the fixture shipped with the repository."""
    objects = json.loads((ROOT / "fixtures" / "italie_1943_1945.json").read_text())
    return next(o["fields"]["text"] for o in objects if o["model"] == "quizzes.source")


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


def test_seed_text_people_and_commands():
    roles = roles_of(seed_text(), "fr")
    assert {
        ("Bernard L. Montgomery", "role", "maréchal"),
        ("George S. Patton", "role", "général"),
        ("Benito Mussolini", "role", "dictateur italien"),
        ("Pietro Badoglio", "role", "maréchal"),
        ("Bernard L. Montgomery", "commands", "8e armée britannique"),
        ("George S. Patton", "commands", "7e armée américaine"),
    } <= roles


def test_english_army_commander_from_possessive():
    roles = roles_of("Montgomery's Eighth Army had fought in Italy.", "en")
    assert ("Montgomery", "commands", "Eighth Army") in roles


def test_group_described_by_a_noun_phrase_before_its_name():
    text = "Le lendemain, la nouvelle assemblée, la Convention nationale, abolit la royauté."
    candidates = [c for c in role_candidates(text, "fr") if c.subject_kind == "group"]
    assert_verbatim(text, candidates)
    assert [(c.subject, c.relation, c.object) for c in candidates] == [
        ("Convention nationale", "role", "nouvelle assemblée")
    ]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "On 20 June, the Western powers introduced a new currency, the Deutsche Mark, in their zones.",
        ),
        ("fr", "Il réunit un comité, Robert Kennedy, et agit."),
    ],
)
def test_no_group_role_for_things_or_people(language, text):
    assert not [c for c in role_candidates(text, language) if c.subject_kind in ("group", "army")]


def test_seed_text_groups_named_only_by_what_they_did_get_no_role():
    """« le Grand Conseil fasciste », « des partisans italiens », « des commandos allemands »:
    the text tells what they did (events), never what they are."""
    candidates = role_candidates(seed_text(), "fr")
    assert not [c for c in candidates if c.subject_kind == "group"]
    assert not {"Grand Conseil fasciste", "partisans italiens", "commandos allemands"} & {
        c.subject for c in candidates
    }
