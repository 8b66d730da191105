"""« L’intrus »: of four options, exactly one certainly lacks the property the prompt names
(a year, a side) and the three others certainly have it, as the facts say; no word gives the
intruder away; the draw depends on the seed only; graded all or nothing."""

from __future__ import annotations

import functools
import itertools
from collections import Counter, defaultdict
from datetime import date, timedelta
from itertools import combinations

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from quizzes.engine import EventFact, MalformedResponse, NotEnoughFacts, RelationFact
from quizzes.engine.odd_one_out import (
    BY_SIDE,
    BY_YEAR,
    SHARING,
    OddOneOutBank,
    gives_away,
    grade_odd_one_out,
)
from quizzes.engine.wording import content_words, has_number, has_year, is_clause
from quizzes.fixture_facts import shipped_acts_for, shipped_opposed
from tests.engine.strategies import event_banks, shipped_facts
from tests.hypothesis_profiles import examples

SHIPPED_DRAWS = 3_000


def year_violations(question, events: dict[str, EventFact]) -> list[str]:
    """What is wrong with a by-year question, judged from the facts' date ranges alone."""
    year = int(question.target)
    broken = []
    lacking = []
    for item in question.items:
        event = events[item.fact_id]
        inside = event.start.year == event.end.year == year
        outside = event.end.year < year or event.start.year > year
        if not inside and not outside:
            broken.append("uncertain range")
        if not inside:
            lacking.append(item.id)
        if has_year(item.label):
            broken.append("year in the words")
        if event.label_is_relative or event.date_label.casefold().startswith("depuis"):
            broken.append("relative or background date")
    if lacking != [question.answer]:
        broken.append("not exactly one intruder")
    return broken


def roots(label: str) -> set[str]:
    """Words cut to five letters: « Alliés » and « alliée » are one word to a reader."""
    return {word[:5] for word in content_words(label)}


def shape_violations(question) -> list[str]:
    labels = [item.label for item in question.items]
    broken = []
    if len({(is_clause(label), has_number(label)) for label in labels}) > 1:
        broken.append("shapes differ")
    others = [roots(i.label) for i in question.items if i.id != question.answer]
    intruder = next(i for i in question.items if i.id == question.answer)
    if set.intersection(*others) - roots(intruder.label):
        broken.append("a word the three share and the intruder lacks")
    return broken


def reached_sides(acts_for) -> dict[str, set[str]]:
    """Independent oracle: each agent → the entities it reaches that act for no one."""
    up = defaultdict(set)
    for agent, principal in acts_for:
        up[agent].add(principal)
    result = {}
    for start in up:
        seen, todo = set(), [start]
        while todo:
            for other in up.get(todo.pop(), ()):
                if other not in seen:
                    seen.add(other)
                    todo.append(other)
        result[start] = {name for name in seen if name not in up}
    return result


def side_violations(question, acts_for, opposed) -> list[str]:
    sides = reached_sides(acts_for)
    enemies = {frozenset(pair) for pair in opposed}
    broken = []
    for item in question.items:
        reached = sides.get(item.label, set())
        if len(reached) != 1:
            broken.append("side unknown or ambiguous")
            continue
        (side,) = reached
        if item.id == question.answer:
            if frozenset((side, question.target)) not in enemies:
                broken.append("intruder not of an opposing side")
        elif side != question.target:
            broken.append("an option other than the intruder is not of the side")
    return broken


def shipped_year_questions():
    """Every by-year question the shipped facts allow: (year, three events, intruder)."""
    events, _relations = shipped_facts()
    bank = OddOneOutBank(events)
    for prop in bank.properties:
        for having in combinations(prop.having, SHARING):
            for intruder in prop.lacking:
                if not gives_away([o.item for o in having], intruder.item, prop.target):
                    yield prop.target, frozenset(o.item.fact_id for o in having), intruder


def test_shipped_facts_give_204_questions_of_1943_and_1945_and_none_of_1944():
    # 1943: 12 events certainly of the year, 4 certainly not, C(12, 3) × 4 = 880 picks, 200
    # without a give-away. 1945: 3 events, 13 others, all three say « Italie » or « italiens »,
    # so only the 4 intruders that say it too. 1944: « Rome tombe » is alone in its year.
    counts = Counter(target for target, _having, _intruder in shipped_year_questions())
    assert counts == {"1943": 200, "1945": 4}


def test_thousands_of_draws_from_the_shipped_facts_break_no_rule():
    events, _relations = shipped_facts()
    by_id = {event.id: event for event in events}
    bank = OddOneOutBank(events)
    broken = Counter()
    for seed in range(examples(SHIPPED_DRAWS)):
        question = bank.question(seed)
        assert question.criterion == BY_YEAR
        broken.update(year_violations(question, by_id) + shape_violations(question))
    assert not broken


def test_the_intruder_is_in_each_position_about_as_often():
    events, _relations = shipped_facts()
    bank = OddOneOutBank(events)
    answers = Counter(bank.question(seed).answer for seed in range(800))
    assert set(answers) == {"o1", "o2", "o3", "o4"}
    assert all(140 < count < 260 for count in answers.values())


def test_the_same_seed_gives_the_same_question():
    events, relations = shipped_facts()
    bank = OddOneOutBank(events, relations, shipped_acts_for(), [("Alliés", "Axe")])
    assert [bank.question(s).to_dict() for s in range(50)] == [
        OddOneOutBank(events, relations, shipped_acts_for(), [("Alliés", "Axe")])
        .question(s)
        .to_dict()
        for s in range(50)
    ]
    assert len({str(bank.question(s).to_dict()) for s in range(50)}) > 40


def test_shipped_sides_need_to_be_told_which_sides_oppose():
    _events, relations = shipped_facts()
    links = shipped_acts_for()
    assert OddOneOutBank((), relations, links).properties == []
    bank = OddOneOutBank((), relations, links, [("Alliés", "Axe")])
    assert {prop.target for prop in bank.properties} == {"Alliés", "Axe"}
    for prop in bank.properties:
        names = {option.item.label for option in prop.having + prop.lacking}
        # Badoglio acts for the Italian government, which is neither side: never shown.
        assert not names & {"Pietro Badoglio", "Gouvernement Badoglio", "Gouvernement italien"}
    for seed in range(SHIPPED_DRAWS):
        question = bank.question(seed)
        assert question.criterion == BY_SIDE
        assert not side_violations(question, links, [("Alliés", "Axe")])
        assert not shape_violations(question)


def shipped_side_questions():
    """Every by-side question the shipped facts and their oppositions allow: (side, three
    members, intruder)."""
    _events, relations = shipped_facts()
    bank = OddOneOutBank((), relations, shipped_acts_for(), shipped_opposed())
    for prop in bank.properties:
        for having in combinations(prop.having, SHARING):
            for intruder in prop.lacking:
                if not gives_away([o.item for o in having], intruder.item, prop.target):
                    yield prop.target, frozenset(o.item.label for o in having), intruder.item.label


def test_the_shipped_source_says_the_allies_and_the_axis_were_enemies_and_nothing_more():
    # Badoglio's government surrenders to the Allies and declares war on Germany: neither
    # makes it simply an enemy of a side, so the fixture states one opposition only.
    assert shipped_opposed() == [("Alliés", "Axe")]


def test_shipped_facts_give_6_questions_by_side_3_per_side():
    # Alliés: 5 members (Montgomery, Patton, the British and American forces, the 8e and 7e
    # armies) against 3 Axis intruders, C(5, 3) × 3 = 30 picks; the two armies hold a number
    # and the others do not, so only Montgomery, Patton and the forces are fair: 1 × 3.
    # Axe: 3 members (Germany, Mussolini, the German commandos), 1 × 5 picks, less the armies: 3.
    questions = list(shipped_side_questions())
    assert Counter(side for side, _having, _intruder in questions) == {"Alliés": 3, "Axe": 3}
    assert len(set(questions)) == 6


def test_thousands_of_draws_with_the_shipped_oppositions_ask_by_side_and_break_no_rule():
    events, relations = shipped_facts()
    by_id = {event.id: event for event in events}
    links, opposed = shipped_acts_for(), shipped_opposed()
    bank = OddOneOutBank(events, relations, links, opposed)
    broken, criteria, distinct = Counter(), Counter(), set()
    for seed in range(SHIPPED_DRAWS):
        question = bank.question(seed)
        criteria[question.criterion] += 1
        if question.criterion == BY_SIDE:
            broken.update(side_violations(question, links, opposed))
            distinct.add((question.target, frozenset(item.label for item in question.items)))
        else:
            broken.update(year_violations(question, by_id))
        broken.update(shape_violations(question))
    assert not broken
    # Four properties drawn alike (1943, 1945, Alliés, Axe): about half the draws by side.
    assert 1_200 < criteria[BY_SIDE] < 1_800
    assert len(distinct) == 6


# Words events share on purpose (places, people), shapes mixing clauses and noun phrases, years
# and numbers in the words: the material of give-aways.
PLACES = ["Messine", "Rome", "Sicile", "Calabre", "Anzio", "Naples"]
EVENT_SHAPES = [
    "{place} tombe",
    "la prise de {place}",
    "les Alliés débarquent à {place}",
    "{place} est libérée en {year}",
    "trois jours de combats à {place}",
    "les troupes quittent {place}",
    "le siège de {place}",
]


WORDY_DAY_OFFSETS = st.integers(0, 1000)
# Each length with each shape, place and date label, drawn at once: Hypothesis's cost grows
# with the number of draws, and the events are the same.
WORDY_EVENTS = st.sampled_from(
    list(
        itertools.product(
            (0, 0, 30, 91, 200, 400),
            EVENT_SHAPES,
            PLACES,
            ("le {d}", "en {y}", "plus tard", "depuis {y}"),
        )
    )
)


@st.composite
def wordy_event_banks(draw):
    size = draw(st.integers(0, 30))
    events = []
    for n in range(1, size + 1):
        start = date(1943, 1, 1) + timedelta(days=draw(WORDY_DAY_OFFSETS))
        length, shape, place, label = draw(WORDY_EVENTS)
        text = shape.format(place=place, year=start.year)
        events.append(
            EventFact(
                id=str(n),
                text=text,
                date_label=label.format(d=start.isoformat(), y=start.year),
                start=start,
                end=start + timedelta(days=length),
                quote=f"citation {n}",
                label_is_relative=label == "plus tard",
            )
        )
    return events


@settings(max_examples=examples(1000), deadline=None)
@given(events=st.one_of(event_banks(), wordy_event_banks()), seeds=st.integers(0, 10**6))
def test_synthetic_events_give_one_certain_intruder_and_no_give_away(events, seeds):
    by_id = {event.id: event for event in events}
    bank = OddOneOutBank(events)
    for seed in range(seeds, seeds + 5):
        try:
            question = bank.question(seed)
        except NotEnoughFacts:
            assert not any(_any_fair_pick(prop) for prop in bank.properties)
            event("no question: not enough facts")
            return
        event("by year: questions checked (5 seeds per bank)")
        assert len({item.fact_id for item in question.items}) == 4
        assert [item.id for item in question.items] == ["o1", "o2", "o3", "o4"]
        assert not year_violations(question, by_id)
        assert not shape_violations(question)


def _any_fair_pick(prop) -> bool:
    return any(
        not gives_away([o.item for o in having], intruder.item, prop.target)
        for having in combinations(prop.having, SHARING)
        for intruder in prop.lacking
    )


# Names that share no word: a side's name shared by an option is a give-away of its own.
NAMES = [
    "Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel",
    "India", "Juliett", "Kilo", "Lima", "Mike", "November", "Oscar", "Papa",
]  # fmt: skip
NAME_ORDERS = st.permutations(NAMES)


@functools.cache
def world_draws(n_names: int, n_sides: int) -> tuple[st.SearchStrategy, ...]:
    """What a world of n_names names, the first n_sides of them sides, draws after its names,
    as positions in the names: built once per size, since Hypothesis checks every new strategy
    it is given (which cost more than the draws themselves)."""
    name = st.integers(0, n_names - 1)
    stray = st.tuples(name, name)
    side_pair = st.lists(st.integers(0, n_sides - 1), min_size=2, max_size=2, unique=True)
    return (
        st.lists(stray, max_size=3),
        st.lists(name, max_size=3),
        st.lists(side_pair, min_size=1, max_size=3),
        st.lists(stray, max_size=1),
    )


@st.composite
def side_worlds(draw):
    """A few sides, each with a tree of entities acting for it, then stray links (two
    principals, links between trees, cycles), facts about most entities, and pairs said to
    oppose each other (mostly sides, sometimes any two names)."""
    names = draw(NAME_ORDERS)[: draw(st.integers(4, len(NAMES)))]
    sides = names[: draw(st.integers(2, 4))]
    links = []
    for index, name in enumerate(names[len(sides) :], len(sides)):
        links.append((name, names[draw(st.integers(0, index - 1))]))
    strays, unknowns, side_pairs, stray_pairs = world_draws(len(names), len(sides))
    links += [(names[a], names[b]) for a, b in draw(strays) if a != b]
    unknown = [names[i] for i in draw(unknowns)]  # no fact about them
    about = [name for name in names if name not in unknown] + unknown[:1]
    relations = [
        RelationFact(str(n), "role", name, f"rôle {n}", quote=f"« {name} »")
        for n, name in enumerate(about, 1)
    ]
    opposed = [[sides[i] for i in pair] for pair in draw(side_pairs)]
    opposed += [(names[a], names[b]) for a, b in draw(stray_pairs)]
    return relations, links, opposed


@settings(max_examples=examples(1000), deadline=None)
@given(world=side_worlds(), seeds=st.integers(0, 10**6))
def test_synthetic_sides_give_three_certain_members_and_an_enemy(world, seeds):
    relations, links, opposed = world
    bank = OddOneOutBank((), relations, links, opposed)
    facts = {fact.id: fact for fact in relations}
    for seed in range(seeds, seeds + 5):
        try:
            question = bank.question(seed)
        except NotEnoughFacts:
            assert not any(_any_fair_pick(prop) for prop in bank.properties)
            event("no question: not enough facts")
            return
        event("by side: questions checked (5 seeds per world)")
        assert not side_violations(question, links, opposed)
        assert not shape_violations(question)
        for item in question.items:
            assert facts[item.fact_id].subject == item.label
            assert item.quote == facts[item.fact_id].quote


def test_an_event_whose_words_hold_a_year_is_never_shown():
    events = [
        EventFact(str(n), f"Bataille {n}", "le 1er mai", date(1943, 5, n), date(1943, 5, n))
        for n in range(1, 4)
    ] + [
        EventFact(
            "9", "Rome est libérée en 1944", "en juin 1944", date(1944, 6, 1), date(1944, 6, 30)
        )
    ]
    with pytest.raises(NotEnoughFacts):
        OddOneOutBank(events).question(0)


def test_an_event_straddling_the_year_is_neither_of_it_nor_an_intruder():
    events = [
        EventFact(str(n), f"Bataille {n}", "le 1er mai", date(1943, 5, n), date(1943, 5, n))
        for n in range(1, 4)
    ] + [EventFact("9", "Bataille 9", "l’hiver", date(1943, 12, 21), date(1944, 3, 20))]
    with pytest.raises(NotEnoughFacts):
        OddOneOutBank(events).question(0)


def test_grading_is_all_or_nothing_and_rejects_an_id_not_shown():
    ids = ["o1", "o2", "o3", "o4"]
    assert grade_odd_one_out("o3", "o3", ids) == 1.0
    assert grade_odd_one_out("o3", "o1", ids) == 0.0
    with pytest.raises(MalformedResponse):
        grade_odd_one_out("o3", "o5", ids)
