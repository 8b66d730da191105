"""Hypothesis strategies and small builders for engine tests: random fact banks with
overlapping date ranges, duplicate subjects and repeated answers."""

from __future__ import annotations

import functools
import itertools
from datetime import date, timedelta

from hypothesis import strategies as st

from quizzes.engine import EventFact, RelationFact
from quizzes.fixture_facts import shipped_facts  # noqa: F401 (re-exported for the tests)

DAY0 = date(1943, 1, 1)
# Strategies built once, not once per draw: Hypothesis validates and labels every new strategy
# object, which cost more than the draws themselves.
DAY_OFFSETS = st.integers(0, 900)
EVENT_LENGTHS = (0, 0, 0, 2, 29, 30, 91, 364)
DATE_LABELS = ("le {d}", "en {m}", "au printemps", "plus tard", "depuis {y}")
# Each length with each label, drawn at once: one draw less per event (Hypothesis's cost grows
# with the number of draws), the same events.
EVENT_SHAPES = st.sampled_from(list(itertools.product(EVENT_LENGTHS, DATE_LABELS)))
DIFFICULTIES = st.sampled_from(("easy", "medium", "hard"))


@st.composite
def event_banks(draw, min_size=0, max_size=40):
    """Events over a few years, many of them overlapping (months containing days, seasons)."""
    size = draw(st.integers(min_size, max_size))
    events = []
    for index in range(size):
        start = DAY0 + timedelta(days=draw(DAY_OFFSETS))
        length, label = draw(EVENT_SHAPES)
        events.append(
            EventFact(
                id=str(index + 1),
                text=f"Événement {index + 1}",
                date_label=label.format(
                    d=start.isoformat(), m=start.strftime("%Y-%m"), y=start.year
                ),
                start=start,
                end=start + timedelta(days=length),
                quote=f"citation {index + 1}",
                label_is_relative=label == "plus tard",
            )
        )
    return events


@functools.cache
def pairs_of(names: tuple[str, ...], max_size: int) -> st.SearchStrategy:
    """Lists of distinct (a, b) pairs of the names, the strategy built once per names."""
    return st.lists(
        st.tuples(st.sampled_from(names), st.sampled_from(names)), max_size=max_size, unique=True
    )


@functools.cache
def _pairs(n_subjects: int, n_objects: int) -> st.SearchStrategy:
    subjects = [f"Personne {n}" for n in range(n_subjects)]
    objects = [f"rôle {n}" for n in range(n_objects)]
    return st.lists(
        st.tuples(st.sampled_from(subjects), st.sampled_from(objects)), max_size=14, unique=True
    )


@st.composite
def relation_banks(draw, relation="role"):
    """Subject → object facts where subjects repeat and objects are shared between subjects."""
    pairs = draw(_pairs(draw(st.integers(1, 10)), draw(st.integers(1, 12))))
    return [
        RelationFact(id=str(n), relation=relation, subject=s, object=o, quote=f"« {s} {o} »")
        for n, (s, o) in enumerate(pairs, 1)
    ]


# Words that labels share on purpose, so that prompts and answers can give each other away.
NAMES = ["Messine", "Rome", "Sicile", "Patton", "Montgomery", "Mussolini", "Badoglio", "Calabre"]
ANSWER_SHAPES = [
    "chef de {name}",  # noun phrase
    "général à la tête de {name}",  # noun phrase (« à » is no verb)
    "la ville de {name}",  # noun phrase
    "{count} soldats débarqués à {name}",  # noun phrase with a number
    "arrive à {name} avant les autres",  # clause, singular
    "sauvent {name} d’une prison",  # clause, plural
    "démoralisées, elles quittent {name}",  # clause with a pronoun
    "s’unissent contre {name}",  # reflexive clause
    "le gouvernement qui prend {name}",  # noun phrase with a relative clause
]
COUNTS = ["150 000", "trois", "six", "12", "deux cents"]


RELATIONS = st.sampled_from(("role", "commands", "happened_at", "landed_at", "figure"))
NAME_CHOICES = st.sampled_from(NAMES)
COUNT_CHOICES = st.sampled_from(COUNTS)
SUBJECT_SHAPES = st.sampled_from(("{name}", "Détroit de {name}", "Troupes de {n}"))
ANSWER_SHAPE_CHOICES = st.sampled_from(ANSWER_SHAPES)


@st.composite
def wordy_relation_banks(draw):
    """Facts of one relation whose labels reuse each other's words, mix clauses and noun
    phrases and hold numbers: the material of give-aways."""
    relation = draw(RELATIONS)
    size = draw(st.integers(2, 14))
    facts = []
    for n in range(1, size + 1):
        name = draw(NAME_CHOICES)
        if relation == "figure":
            subject = draw(COUNT_CHOICES)
        else:
            subject = draw(SUBJECT_SHAPES).format(name=name, n=n)
        shape = draw(ANSWER_SHAPE_CHOICES)
        obj = shape.format(name=draw(NAME_CHOICES), count=draw(COUNT_CHOICES))
        facts.append(RelationFact(id=str(n), relation=relation, subject=subject, object=obj))
    return facts
