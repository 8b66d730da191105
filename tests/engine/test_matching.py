"""Matching generation: one right answer per prompt, distractors that fit nothing, dates as
the source writes them, reproducible."""

from __future__ import annotations

from itertools import combinations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizzes.engine import (
    NotEnoughFacts,
    RelationFact,
    generate_date_matching,
    generate_matching,
)
from quizzes.engine.matching import normalized
from tests.engine.strategies import event_banks, relation_banks, shipped_facts
from tests.hypothesis_profiles import examples


def without_year(label: str) -> str:
    return label.split(" (")[0]


def fact(n, subject, obj, relation="role"):
    return RelationFact(id=str(n), relation=relation, subject=subject, object=obj, quote="q")


def assert_unambiguous(question, known_pairs):
    """No prompt shares its right answer, and no answer shown fits another prompt."""
    prompts = {item.id: normalized(item.label) for item in question.prompts}
    answers = {item.id: normalized(item.label) for item in question.answers}
    assert len(set(answers.values())) == len(answers), "two answers read the same"
    assert len(set(question.answer.values())) == len(question.answer)
    for prompt_id, subject in prompts.items():
        fitting = [aid for aid, label in answers.items() if (subject, label) in known_pairs]
        assert fitting == [question.answer[prompt_id]]


@settings(max_examples=examples(200), deadline=None)
@given(
    facts=relation_banks(),
    n_pairs=st.integers(2, 4),
    distractors=st.integers(0, 3),
    seed=st.integers(),
)
def test_random_relation_banks_never_give_two_right_answers(facts, n_pairs, distractors, seed):
    known = {(normalized(f.subject), normalized(f.object)) for f in facts}
    try:
        question = generate_matching(
            facts, relation="role", n_pairs=n_pairs, seed=seed, n_distractors=distractors
        )
    except NotEnoughFacts:
        # Refusing is only fair when no unambiguous set of n_pairs exists at all.
        for combo in combinations(facts, n_pairs):
            subjects = [normalized(f.subject) for f in combo]
            fits_others = any(
                (normalized(a.subject), normalized(b.object)) in known
                for a in combo
                for b in combo
                if a is not b
            )
            assert len(set(subjects)) < n_pairs or fits_others
        return
    assert len(question.prompts) == n_pairs
    assert n_pairs <= len(question.answers) <= n_pairs + distractors
    assert_unambiguous(question, known)


def test_a_subject_with_two_roles_never_sees_its_other_role_offered():
    facts = [
        fact(1, "Mussolini", "dictateur de l’Italie fasciste"),
        fact(2, "Mussolini", "chef d’un État fantoche"),
        fact(3, "Badoglio", "maréchal à la tête du gouvernement"),
        fact(4, "Patton", "général de la 7e armée"),
        fact(5, "Montgomery", "maréchal de la 8e armée"),
    ]
    known = {(normalized(f.subject), normalized(f.object)) for f in facts}
    for seed in range(100):
        question = generate_matching(facts, relation="role", n_pairs=3, seed=seed, n_distractors=2)
        labels = [item.label for item in question.prompts]
        assert labels.count("Mussolini") <= 1
        assert_unambiguous(question, known)


def test_two_subjects_sharing_an_answer_never_appear_together():
    facts = [
        fact(1, "Commandos allemands", "libérateurs de Mussolini"),
        fact(2, "Parachutistes", "libérateurs de Mussolini"),
        fact(3, "Partisans", "meurtriers de Mussolini"),
        fact(4, "Badoglio", "chef du gouvernement"),
    ]
    for seed in range(60):
        question = generate_matching(facts, relation="role", n_pairs=3, seed=seed)
        assert len({item.label for item in question.answers}) == 3


def test_too_few_subjects_fail_with_a_clear_message():
    facts = [
        fact(1, "8e armée", "Sicile", "landed_at"),
        fact(2, "8e armée", "Calabre", "landed_at"),
    ]
    facts.append(fact(3, "7e armée", "côte sud", "landed_at"))
    with pytest.raises(NotEnoughFacts, match="3 paires"):
        generate_matching(facts, relation="landed_at", n_pairs=3, seed=0)


def test_same_seed_gives_the_same_question_byte_for_byte():
    _, relations = shipped_facts()
    first = generate_matching(relations, relation="role", n_pairs=4, seed="s", n_distractors=2)
    again = generate_matching(relations, relation="role", n_pairs=4, seed="s", n_distractors=2)
    assert first.to_dict() == again.to_dict()
    other = generate_matching(relations, relation="role", n_pairs=4, seed="t", n_distractors=2)
    assert other.to_dict() != first.to_dict()


@settings(max_examples=examples(150), deadline=None)
@given(events=event_banks(min_size=5), n_pairs=st.integers(2, 5), seed=st.integers())
def test_date_matching_never_pairs_overlapping_events_or_offers_a_fitting_distractor(
    events, n_pairs, seed
):
    try:
        question = generate_date_matching(events, n_pairs=n_pairs, seed=seed, n_distractors=2)
    except NotEnoughFacts:
        return
    by_id = {e.id: e for e in events}
    chosen = [by_id[item.fact_id] for item in question.prompts]
    assert all(not a.overlaps(b) for i, a in enumerate(chosen) for b in chosen[i + 1 :])
    assert not any(e.label_is_relative for e in chosen)
    answers = {item.id: item.label for item in question.answers}
    for prompt in question.prompts:
        # As the source writes it, with « (1943) » after it when the question spans years.
        assert without_year(answers[question.answer[prompt.id]]) == by_id[prompt.fact_id].date_label
    answers = {answer_id: without_year(label) for answer_id, label in answers.items()}
    labels = [normalized(label) for label in answers.values()]
    assert len(labels) == len(set(labels))
    # A distractor's date never overlaps a prompt's range.
    right = set(question.answer.values())
    for answer_id, label in answers.items():
        if answer_id in right:
            continue
        # Any event the source dates this way is clear of every prompt.
        clear_events = [e for e in events if e.date_label == label and not e.label_is_relative]
        assert clear_events
        assert not any(e.overlaps(c) for e in clear_events for c in chosen)
    # A right label never fits another prompt either.
    for prompt in question.prompts:
        label = answers[question.answer[prompt.id]]
        for other in chosen:
            if other.id != prompt.fact_id:
                same_label = [e for e in events if e.date_label == label]
                assert not any(e.overlaps(other) for e in same_label if not e.label_is_relative)


def test_shipped_fixtures_support_every_relation_used_by_the_default_sets():
    events, relations = shipped_facts()
    # Figures whose answer holds a number (« … en trois jours ») are never asked: 2 remain.
    for relation, pairs in [("role", 4), ("commands", 4), ("happened_at", 4), ("figure", 2)]:
        question = generate_matching(relations, relation=relation, n_pairs=pairs, seed=1)
        assert len(question.prompts) == pairs
    assert len(generate_matching(relations, relation="landed_at", n_pairs=2, seed=1).prompts) == 2
    question = generate_date_matching(events, n_pairs=4, seed=1, n_distractors=2)
    relative = {e.date_label for e in events if e.label_is_relative}
    assert not relative & {item.label for item in question.answers}
