"""Cause → consequence matching on the shipped facts and on synthetic ones: one right answer
per cause, no consequence a student could defend for another cause, nothing given away."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizzes.engine import NotEnoughFacts, RelationFact, generate_matching
from quizzes.engine.causes import defensible_pairs
from quizzes.engine.wording import normalized
from tests.engine.strategies import shipped_facts
from tests.engine.test_giveaways import giveaways
from tests.hypothesis_profiles import examples

SEEDS = range(300)


def cause(n: int, subject: str, consequence: str) -> RelationFact:
    return RelationFact(
        id=str(n), relation="causes", subject=subject, object=consequence, quote=f"q{n}"
    )


def shipped_cause_questions(n_pairs: int, n_distractors: int = 1):
    _events, relations = shipped_facts()
    for seed in SEEDS:
        try:
            yield generate_matching(
                relations,
                relation="causes",
                n_pairs=n_pairs,
                seed=seed,
                n_distractors=n_distractors,
            )
        except NotEnoughFacts:
            return


@pytest.mark.parametrize(("n_pairs", "distinct"), [(2, 5), (3, 2)])
def test_shipped_causes_give_distinct_questions_and_none_gives_a_pair_away(n_pairs, distinct):
    questions = list(shipped_cause_questions(n_pairs))
    assert len(questions) == len(SEEDS)
    assert len({frozenset(p.fact_id for p in q.prompts) for q in questions}) == distinct
    assert all(giveaways(question) == [] for question in questions)


def test_consequences_about_the_same_regime_are_never_asked_together():
    # « l’effondrement du gouvernement de Mussolini » (caused by the conquest of Sicily) could
    # be defended for « Série de défaites militaires » too: both speak of Mussolini.
    _events, relations = shipped_facts()
    by_subject = {fact.subject: fact for fact in relations if fact.relation == "causes"}
    sicily = by_subject["Conquête alliée de la Sicile"].object
    defeats = by_subject["Série de défaites militaires"].object
    for question in shipped_cause_questions(2, n_distractors=2):
        shown = {item.label for item in question.prompts}
        answers = {item.label for item in question.answers}
        if "Série de défaites militaires" in shown:
            assert sicily not in answers
        if "Conquête alliée de la Sicile" in shown:
            assert defeats not in answers


def test_three_causes_cannot_hold_four_pairs_and_the_message_says_why():
    _events, relations = shipped_facts()
    with pytest.raises(NotEnoughFacts, match="n’en permettent que 3"):
        generate_matching(relations, relation="causes", n_pairs=4, seed=0)


def test_defensible_pairs_link_consequences_sharing_a_word_only():
    facts = [
        cause(1, "Défaites", "la chute du régime fasciste"),
        cause(2, "Conquête de la Sicile", "l’effondrement du régime"),
        cause(3, "Invasion de la Normandie", "une impasse en Italie"),
    ]
    assert defensible_pairs(facts) == {
        (normalized("Défaites"), normalized("l’effondrement du régime")),
        (normalized("Conquête de la Sicile"), normalized("la chute du régime fasciste")),
    }


CONSEQUENCES = ["la chute du régime", "une impasse", "l’indulgence", "la famine", "le régime"]


@settings(max_examples=examples(200), deadline=None)
@given(
    pairs=st.lists(
        st.tuples(
            st.sampled_from(["Défaites", "Conquête", "Invasion", "Aide", "Grève"]),
            st.sampled_from(CONSEQUENCES),
        ),
        min_size=2,
        max_size=8,
        unique=True,
    ),
    n_pairs=st.integers(2, 4),
    n_distractors=st.integers(0, 2),
    seed=st.integers(),
)
def test_every_shown_consequence_fits_exactly_one_cause(pairs, n_pairs, n_distractors, seed):
    facts = [cause(n, subject, consequence) for n, (subject, consequence) in enumerate(pairs)]
    try:
        question = generate_matching(
            facts, relation="causes", n_pairs=n_pairs, seed=seed, n_distractors=n_distractors
        )
    except NotEnoughFacts:
        return
    defensible = {(normalized(f.subject), normalized(f.object)) for f in facts}
    defensible |= defensible_pairs(facts)
    answers = {item.id: item.label for item in question.answers}
    for prompt in question.prompts:
        fitting = [
            answer_id
            for answer_id, label in answers.items()
            if (normalized(prompt.label), normalized(label)) in defensible
        ]
        assert fitting == [question.answer[prompt.id]]
