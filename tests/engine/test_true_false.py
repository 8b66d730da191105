"""True or false, with the correction: every true statement is a fact, every false one is made
certainly false by the facts (dates that do not overlap; no fact, even through who acts for
whom, pairs the swapped subject with the object), half of them true, nothing in their shape
telling one from the other; graded all or nothing.

Checked over thousands of questions from the shipped facts (loops over seeds) and from
synthetic facts (hypothesis), independently of the engine's own bookkeeping.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizzes.engine import EventFact, MalformedResponse, NotEnoughFacts, RelationFact
from quizzes.engine.causes import defensible_pairs
from quizzes.engine.true_false import (
    DATE,
    EVENT_WORDING,
    RELATION_WORDINGS,
    SUBJECT,
    TrueFalseBank,
    generate_true_false,
    grade_true_false,
    is_plural,
    shown_date,
    statement,
)
from quizzes.engine.wording import has_year, normalized, shared_words
from quizzes.fixture_facts import shipped_acts_for
from tests.engine.strategies import event_banks, pairs_of, relation_banks, shipped_facts
from tests.engine.test_acts_for import linked
from tests.hypothesis_profiles import examples

SHIPPED_DRAWS = 4_000


def violations(question: dict, events, relations, acts_for) -> list[str]:
    """What is wrong with one question (empty when the facts settle it and its shape tells
    nothing), read from the stored dict the way the site reads it."""
    broken = []
    parts, truth = question["parts"], question["true_parts"]
    shown = statement(question["wording"], parts)
    [item] = question["items"]
    if item["label"] != statement(question["wording"], truth):
        broken.append("item is not the true statement")
    if question["answer"] != (not question["falsified"]) or question["answer"] != (parts == truth):
        broken.append("answer does not match what was changed")
    if set(parts) != set(truth):
        broken.append("false statement shaped unlike the true one")
    if question["wording"] == EVENT_WORDING:
        same_text = [e for e in events if e.text.strip().rstrip(".") == parts["text"]]
        dated_so = [e for e in events if normalized(shown_date(e)) == normalized(parts["date"])]
        if not same_text or not dated_so or has_year(parts["text"]):
            broken.append("event unknown, date unknown or year in its words")
        is_true = any(e.overlaps(d) for e in same_text for d in dated_so)
        if question["answer"] and not any(e in dated_so for e in same_text):
            broken.append("true statement is not a fact")
        if not question["answer"] and (is_true or question["falsified"] != DATE):
            broken.append("false date could be the event's")
        if item["fact_id"] not in {e.id for e in same_text}:
            broken.append("item is not the event stated")
    else:
        relation = next(r for r, w in RELATION_WORDINGS.items() if w == question["wording"])
        of_relation = [f for f in relations if f.relation == relation]
        known = {(normalized(f.subject), normalized(f.object)) for f in of_relation}
        subject, obj = normalized(parts["subject"]), normalized(parts["object"])
        through = {normalized(other) for other in linked(acts_for, parts["subject"])}
        true_somehow = (subject, obj) in known | defensible_pairs(of_relation) or any(
            (other, obj) in known for other in through
        )
        if question["answer"] and (subject, obj) not in known:
            broken.append("true statement is not a fact")
        if not question["answer"] and (true_somehow or question["falsified"] != SUBJECT):
            broken.append("false statement true of some fact")
        if shared_words(parts["subject"], parts["object"]) or shared_words(
            parts["object"], parts["subject"]
        ):
            broken.append("subject and object share a word")
        if is_plural(parts["subject"]) != is_plural(truth["subject"]):
            broken.append("swapped subject of another number")
        kinds = {normalized(f.subject): f.subject_kind for f in of_relation}
        if kinds.get(subject) != kinds.get(normalized(truth["subject"])):
            broken.append("swapped subject of another sort")
        if shown == statement(question["wording"], truth) and question["falsified"]:
            broken.append("falsified statement reads as the true one")
    return broken


def shipped_questions(draws: int = SHIPPED_DRAWS):
    events, relations = shipped_facts()
    acts_for = shipped_acts_for()
    bank = TrueFalseBank(events, relations, acts_for)
    for seed in range(draws):
        question = bank.question(seed).to_dict()
        yield question, violations(question, events, relations, acts_for)


def test_thousands_of_shipped_questions_are_settled_by_the_facts_and_half_are_true():
    counted = Counter()
    for question, broken in shipped_questions():
        counted["questions"] += 1
        counted["true" if question["answer"] else question["falsified"]] += 1
        counted.update(broken)
    assert counted["questions"] == SHIPPED_DRAWS
    assert set(counted) <= {"questions", "true", DATE, SUBJECT}, counted
    assert 0.45 < counted["true"] / SHIPPED_DRAWS < 0.55
    assert counted[DATE] > 500 and counted[SUBJECT] > 500


def test_no_date_or_subject_appears_only_in_false_statements():
    """A word seen only in false statements would mark them: every date and subject a false
    statement borrows is also one a true statement shows."""
    shown_true, shown_false = set(), set()
    for question, _broken in shipped_questions():
        part = question["parts"].get("date") or question["parts"]["subject"]
        (shown_true if question["answer"] else shown_false).add((question["wording"], part))
    assert shown_false <= shown_true


def test_every_shipped_fact_asked_is_asked_both_ways():
    """16 events and 26 relation facts (4 and 5 twice: as events and as where an army landed)."""
    asked = Counter()
    for question, _broken in shipped_questions():
        asked[(question["items"][0]["fact_id"], question["wording"], question["answer"])] += 1
    facts = {(fact_id, wording) for fact_id, wording, _answer in asked}
    assert len(facts) == TrueFalseBank(*shipped_facts(), shipped_acts_for()).count == 42
    assert all(asked[(*fact, True)] and asked[(*fact, False)] for fact in facts)


def test_a_head_of_government_is_never_said_falsely_to_do_what_his_government_did():
    events, relations = shipped_facts()
    bank = TrueFalseBank(events, relations, shipped_acts_for())
    statements = {falsehood.text for a in bank.askables for falsehood in a.falsehoods}
    assert not any(s.startswith("Pietro Badoglio — rôle : l’acceptation") for s in statements)
    assert "Benito Mussolini — dirige : la 8e armée britannique." in statements
    assert "Pietro Badoglio — rôle : dictateur italien." in statements
    # Relative and background dates are never stated, nor events whose words give the year.
    assert not any("plus tard" in s.casefold() or "depuis" in s.split(" : ")[0] for s in statements)


def test_the_same_seed_gives_the_same_question():
    events, relations = shipped_facts()
    first = generate_true_false(events, relations, acts_for=shipped_acts_for(), seed="graine")
    again = generate_true_false(events, relations, acts_for=shipped_acts_for(), seed="graine")
    assert first.to_dict() == again.to_dict()
    others = {generate_true_false(events, relations, seed=n).statement for n in range(50)}
    assert len(others) > 30


RELATIONS = st.sampled_from(sorted(RELATION_WORDINGS))
SUBJECT_KINDS = st.lists(st.sampled_from(["person", "group", ""]), min_size=10, max_size=10)


@st.composite
def fact_bases(draw):
    events = draw(event_banks())
    relations = draw(relation_banks(relation=draw(RELATIONS)))
    # One sort per entity, as the database holds it.
    kinds = draw(SUBJECT_KINDS)
    relations = [
        RelationFact(
            f"r{f.id}", f.relation, f.subject, f.object, f.quote, kinds[int(f.subject.split()[-1])]
        )
        for f in relations
    ]
    subjects = sorted({fact.subject for fact in relations} | {"Gouvernement"})
    links = draw(pairs_of(tuple(subjects), max_size=6))
    return events, relations, [(a, p) for a, p in links if a != p]


@settings(max_examples=examples(400), deadline=None)
@given(base=fact_bases(), seed=st.integers())
def test_synthetic_statements_are_true_facts_or_certainly_false(base, seed):
    events, relations, acts_for = base
    try:
        question = generate_true_false(events, relations, acts_for=acts_for, seed=seed)
    except NotEnoughFacts:
        assert TrueFalseBank(events, relations, acts_for).count == 0
        return
    assert violations(question.to_dict(), events, relations, acts_for) == []


def test_nothing_to_falsify_is_refused_with_a_reason_for_the_teacher():
    one_day = date(1943, 7, 10)
    lone = [EventFact("1", "Débarquement en Sicile", "Le 10 juillet 1943", one_day, one_day)]
    with pytest.raises(NotEnoughFacts, match="aucun fait ne peut être rendu certainement faux"):
        generate_true_false(lone, seed=0)
    alike = [
        RelationFact("1", "role", "Benito Mussolini", "dictateur italien", "", "person"),
        RelationFact("2", "role", "Alliés", "vainqueurs", "", "group"),
    ]
    with pytest.raises(NotEnoughFacts):
        generate_true_false([], alike, seed=0)


def test_relative_and_background_dates_and_dated_words_are_never_stated():
    def event(n, text, label, start, end, relative=False):
        return EventFact(str(n), text, label, start, end, label_is_relative=relative)

    events = [
        event(1, "Rome tombe", "en juin 1944", date(1944, 6, 1), date(1944, 6, 30)),
        event(2, "Mussolini est arrêté", "plus tard", date(1943, 7, 25), date(1943, 7, 25), True),
        event(3, "La Sicile est italienne", "depuis 1860", date(1860, 1, 1), date(1860, 12, 31)),
        event(4, "Offensive de 1945", "En avril 1945", date(1945, 4, 1), date(1945, 4, 30)),
        event(5, "Armistice", "Le 3 septembre", date(1943, 9, 3), date(1943, 9, 3)),
    ]
    bank = TrueFalseBank(events)
    shown = {c.text for a in bank.askables for c in (a.truth, *a.falsehoods)}
    assert shown == {
        "En juin 1944 : Rome tombe.",
        "Le 3 septembre (1943) : Rome tombe.",
        "Le 3 septembre (1943) : Armistice.",
        "En juin 1944 : Armistice.",
    }


def test_a_swapped_subject_keeps_the_sort_and_number_of_the_true_one():
    facts = [
        RelationFact("1", "role", "Benito Mussolini", "dictateur italien", "", "person"),
        RelationFact("2", "role", "Pietro Badoglio", "maréchal italien", "", "person"),
        RelationFact("3", "role", "Allemagne", "partenaire le plus fort", "", "group"),
        RelationFact("4", "role", "Commandos allemands", "sauveteurs", "", "person"),
    ]
    bank = TrueFalseBank([], facts)
    swaps = {
        (a.truth.parts["subject"], f.parts["subject"]) for a in bank.askables for f in a.falsehoods
    }
    assert swaps == {
        ("Benito Mussolini", "Pietro Badoglio"),
        ("Pietro Badoglio", "Benito Mussolini"),
    }


def test_grading_is_all_or_nothing_and_rejects_anything_but_true_or_false():
    assert grade_true_false(True, True) == 1.0
    assert grade_true_false(False, False) == 1.0
    assert grade_true_false(False, True) == 0.0
    with pytest.raises(MalformedResponse):
        grade_true_false(True, "vrai")
